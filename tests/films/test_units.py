"""Caption parsing, ffprobe results, time formats and embeds, without the repository."""

import pytest

from msi_rdm.films.api import iso_duration
from msi_rdm.films.captions import (
    CaptionError,
    Cue,
    caption_language,
    parse_webvtt,
    time_code,
    write_webvtt,
)
from msi_rdm.films.config import MSI_FILMS_EMBED_HOSTS
from msi_rdm.films.embed import embed_url
from msi_rdm.films.probe import ProbeError, check_complete, poster, probe
from msi_rdm.films.search import mark, marked_terms

VTT = (
    b"WEBVTT\n\n1\n00:00:01.500 --> 00:00:03.000\n<v Anna>Hej <b>alla</b>!\n\n"
    b"01:02.000 --> 01:04.000\nTv\xc3\xa5\n"
)


def test_webvtt_cues():
    """Cues keep their start, end and text without markup; short timestamps are read."""
    cues = parse_webvtt(VTT)
    assert cues == [Cue(1.5, 3.0, "Hej alla!"), Cue(62.0, 64.0, "Två")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b"1\n00:00:01,000 --> 00:00:02,000\nSRT, not WebVTT\n",
            "first line must start with WEBVTT",
        ),
        (b"<html>not captions</html>", "first line must start with WEBVTT"),
        (b"WEBVTT\n\nNOTE only a note\n", "no cues"),
        (b"\xff\xfe\x00W", "not UTF-8"),
    ],
)
def test_bad_captions_say_why(data, reason):
    """A caption file that is not WebVTT, or has no cues, is refused with a reason."""
    with pytest.raises(CaptionError, match=reason):
        parse_webvtt(data)


def test_written_webvtt_is_plain():
    """Cues go back out as WebVTT with markup escaped, so the player shows them as text."""
    out = write_webvtt([Cue(0, 1.25, "<script>x</script> & -->")])
    assert out.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:01.250\n")
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_names_and_times():
    """Languages come from file names; times print for people and as ISO 8601."""
    assert caption_language("film.sv.vtt") == "sv"
    assert caption_language("Film.EN.vtt") is None
    assert caption_language("film.vtt") is None
    assert time_code(2) == "0:02" and time_code(3725.4) == "1:02:05"
    assert iso_duration(252.3) == "PT4M12S" and iso_duration(3600) == "PT1H"
    assert iso_duration(0.2) == "PT1S"


def test_probe_mp4_and_webm(film_dir, mp4, webm):
    """ffprobe reads duration, resolution and codecs; a poster is a JPEG."""
    found = probe(film_dir / "film.mp4")
    assert (found.width, found.height, found.video_codec, found.audio_codec) == (
        320,
        180,
        "h264",
        "aac",
    )
    assert found.duration == pytest.approx(4, abs=0.1)
    check_complete(film_dir / "film.mp4", found.duration)
    assert poster(film_dir / "film.mp4", found.duration).startswith(b"\xff\xd8")
    found = probe(film_dir / "film.webm")
    assert (found.video_codec, found.audio_codec) == ("vp9", None)


def test_probe_refuses_bad_videos(film_dir, mp4):
    """A text file named .mp4 and a truncated mp4 fail with a reason."""
    (film_dir / "fake.mp4").write_bytes(b"<html>not a film</html>")
    with pytest.raises(ProbeError, match="not a readable video"):
        probe(film_dir / "fake.mp4")
    (film_dir / "cut.mp4").write_bytes(mp4[: len(mp4) // 3])
    found = probe(film_dir / "cut.mp4")
    with pytest.raises(ProbeError, match="truncated"):
        check_complete(film_dir / "cut.mp4", found.duration)


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("http://www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://evil.example.org/watch?v=dQw4w9WgXcQ", None),
        ("https://www.youtube.com.evil.org/watch?v=dQw4w9WgXcQ", None),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("javascript:alert(1)", None),
    ],
)
def test_embeds_only_allowed_hosts_privacy_enhanced(url, embed):
    """Only allowed hosts are embedded, YouTube without cookies and Vimeo with dnt=1."""
    assert embed_url(url, MSI_FILMS_EMBED_HOSTS) == embed


def test_marking_escapes():
    """Cue text is escaped and the words the highlighter marked are marked again."""
    terms = marked_terms(["… om <mark>Torget</mark> och &lt;b&gt; …"])
    assert terms == ["torget"]
    assert mark("<b>torget</b> är här", terms) == "&lt;b&gt;<mark>torget</mark>&lt;/b&gt; är här"
