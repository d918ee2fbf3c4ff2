"""Playback: range requests answer 206 with the right bytes; captions are tracks; transcript."""

import pytest

from helpers import deposit, record_data


@pytest.fixture()
def film(client, api_headers, unique_word, mp4, vtt_pair):
    """A public film with Swedish and English captions."""
    data = record_data(f"Spelbar {unique_word}", resource_type="video", files=True)
    return deposit(client, api_headers, data, {"film.mp4": mp4, **vtt_pair})


@pytest.mark.parametrize(
    "url",
    ["/api/records/{id}/files/film.mp4/content", "/records/{id}/files/film.mp4?preview=1"],
)
def test_range_request_answers_206_with_the_bytes(client, film, mp4, url):
    """A Range request to the REST content endpoint and to the player's download URL answers
    206 with exactly the bytes asked for; an unsatisfiable range answers 416."""
    url = url.format(id=film["id"])
    response = client.get(url, headers={"Range": "bytes=1000-1999"})
    assert response.status_code == 206
    assert response.data == mp4[1000:2000]
    assert response.headers["Content-Range"] == f"bytes 1000-1999/{len(mp4)}"
    assert response.headers["Accept-Ranges"] == "bytes"
    tail = client.get(url, headers={"Range": "bytes=-100"})
    assert tail.status_code == 206 and tail.data == mp4[-100:]
    assert client.get(url, headers={"Range": f"bytes={len(mp4) + 10}-"}).status_code == 416
    whole = client.get(url)
    assert whole.status_code == 200 and whole.data == mp4


def test_captions_listed_as_tracks(client, film, unique_word):
    """The video.js previewer lists the sv and en captions as tracks, Swedish first and default,
    with the poster; the caption route serves clean WebVTT."""
    page = client.get(f"/records/{film['id']}/preview/film.mp4").get_data(as_text=True)
    assert "<video-js" in page
    assert f'poster="/records/{film["id"]}/poster"' in page
    tracks = [line.strip() for line in page.splitlines() if line.strip().startswith("<track")]
    assert len(tracks) == 2
    assert 'srclang="sv"' in tracks[0] and "default" in tracks[0]
    assert 'srclang="en"' in tracks[1] and "default" not in tracks[1]
    assert f'src="/records/{film["id"]}/captions/film.sv.vtt"' in tracks[0]
    vtt = client.get(f"/records/{film['id']}/captions/film.sv.vtt")
    assert vtt.status_code == 200 and vtt.mimetype == "text/vtt"
    text = vtt.get_data(as_text=True)
    assert (
        text.startswith("WEBVTT")
        and f"00:00:02.000 --> 00:00:04.000\nHär berättar {unique_word}." in text
    )
    assert client.get(f"/records/{film['id']}/captions/nope.vtt").status_code == 404


def test_landing_page_plays_the_film_with_a_transcript(client, film, unique_word):
    """The landing page previews the film, not a caption file, and lists the cues with time
    codes as buttons, in a searchable panel."""
    page = client.get(f"/records/{film['id']}").get_data(as_text=True)
    assert f"/records/{film['id']}/preview/film.mp4" in page
    assert 'id="msi-transcript"' in page
    assert 'id="msi-transcript-search"' in page
    assert 'data-start="2.0"' in page and ">0:02<" in page
    assert f"Här berättar {unique_word}." in page
    assert "msi_rdm/js/film.js" in page
