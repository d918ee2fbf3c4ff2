"""Published films: probe results and poster stored, duration filled, bad files reported."""

import json

from invenio_accounts.testutils import login_user_via_session
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import deposit, record_data
from msi_rdm.films.models import FilmFileKind, FilmFileModel, FilmFileStatus


def film_data(title, **custom_fields):
    """Record data of a film with files."""
    data = record_data(title, resource_type="video", files=True)
    data["custom_fields"] = custom_fields
    return data


def get_page(app, url, user=None):
    """Return the text of a site page for ``user`` (anonymous if None).

    A fresh application context gives the request a fresh ``g``: the test client otherwise
    shares one across requests and tests, and the identity of an earlier request sticks.
    """
    with app.app_context():
        client = app.test_client()
        if user is not None:
            login_user_via_session(client, email=user.email)
        response = client.get(url)
        return response.status_code, response.get_data().decode("utf-8", "replace")


def rows(recid):
    """The film rows of a published record, by key."""
    record_id = service.record_cls.pid.resolve(recid).id
    return {row.key: row for row in FilmFileModel.query.filter_by(record_id=record_id)}


def test_probe_results_and_poster_stored(client, api_headers, unique_word, mp4, vtt_pair):
    """Publishing a film stores its duration, resolution, codecs, poster and caption cues."""
    record = deposit(
        client, api_headers, film_data(f"Film {unique_word}"), {"film.mp4": mp4, **vtt_pair}
    )
    found = rows(record["id"])
    video = found["film.mp4"]
    assert video.kind == FilmFileKind.VIDEO and video.status == FilmFileStatus.OK
    assert round(video.duration) == 4
    assert (video.width, video.height, video.video_codec, video.audio_codec) == (
        320,
        180,
        "h264",
        "aac",
    )
    assert video.poster.startswith(b"\xff\xd8")
    sv = found["film.sv.vtt"]
    assert sv.language == "sv" and sv.cues[1] == [2.0, 4.0, f"Här berättar {unique_word}."]

    report = client.get(f"/api/records/{record['id']}/film", headers=api_headers).json
    assert report["videos"][0]["iso_duration"] == "PT4S"
    assert report["videos"][0]["video_codec"] == "h264"
    assert {c["language"] for c in report["captions"]} == {"sv", "en"}
    assert report["messages"] == []
    assert report["links"]["poster"].endswith(f"/records/{record['id']}/poster")

    poster = client.get(f"/records/{record['id']}/poster")
    assert poster.status_code == 200 and poster.mimetype == "image/jpeg"
    assert poster.data == video.poster


def test_duration_filled_when_left_empty(client, api_headers, unique_word, webm):
    """An empty msi:duration shows the probed length in the API, exports and landing page."""
    record = deposit(client, api_headers, film_data(f"Webm {unique_word}"), {"film.webm": webm})
    assert (
        client.get(f"/api/records/{record['id']}").json["custom_fields"]["msi:duration"] == "PT3S"
    )
    export = client.get(f"/records/{record['id']}/export/json")
    assert json.loads(export.data)["custom_fields"]["msi:duration"] == "PT3S"
    assert rows(record["id"])["film.webm"].video_codec == "vp9"


def test_depositor_duration_kept(client, api_headers, unique_word, mp4):
    """A duration the depositor gave is not replaced by the measured one."""
    data = film_data(
        f"Lång {unique_word}", **{"msi:duration": "PT1H2M", "msi:production_year": 2023}
    )
    record = deposit(client, api_headers, data, {"film.mp4": mp4})
    stored = client.get(f"/api/records/{record['id']}").json["custom_fields"]
    assert stored["msi:duration"] == "PT1H2M"
    assert stored["msi:production_year"] == 2023


def test_bad_film_files_reported_record_published(
    app, client, api_headers, depositor, unique_word, mp4
):
    """A fake .mp4, a truncated video and non-WebVTT captions each get a status and a reason;
    the record publishes and the depositor reads why, through the API and on the landing page."""
    files = {
        "fake.mp4": b"<html>this is no film</html>",
        "cut.mp4": mp4[: len(mp4) // 3],
        "film.sv.vtt": b"1\n00:00:01,000 --> 00:00:02,000\nSRT, not WebVTT\n",
    }
    record = deposit(client, api_headers, film_data(f"Trasig {unique_word}"), files)
    assert record["is_published"]
    found = rows(record["id"])
    assert found["fake.mp4"].status == FilmFileStatus.FAILED
    assert "not a readable video" in found["fake.mp4"].reason
    assert found["cut.mp4"].status == FilmFileStatus.FAILED
    assert "truncated" in found["cut.mp4"].reason
    assert found["film.sv.vtt"].status == FilmFileStatus.FAILED
    assert "WEBVTT" in found["film.sv.vtt"].reason

    report = client.get(f"/api/records/{record['id']}/film", headers=api_headers).json
    assert len(report["messages"]) == 3
    assert any("truncated" in message for message in report["messages"])
    assert client.get(f"/records/{record['id']}/poster").status_code == 404

    _, page = get_page(app, f"/records/{record['id']}", depositor)
    assert 'id="msi-film-messages"' in page
    assert "fake.mp4" in page and "truncated" in page


def test_film_without_captions_reported(app, client, api_headers, depositor, unique_word, mp4):
    """A film with no captions publishes, plays, and tells its depositor captions are missing."""
    record = deposit(client, api_headers, film_data(f"Stum {unique_word}"), {"film.mp4": mp4})
    report = client.get(f"/api/records/{record['id']}/film", headers=api_headers).json
    assert report["videos"][0]["status"] == "ok"
    # In the request's language: English, or Swedish when an earlier test left it on ``g``.
    assert len(report["messages"]) == 1
    assert "WebVTT" in report["messages"][0] and "film.sv.vtt" in report["messages"][0]
    _, anonymous = get_page(app, f"/records/{record['id']}")
    assert "msi-film-messages" not in anonymous
    _, page = get_page(app, f"/records/{record['id']}", depositor)
    assert "msi-film-messages" in page


def test_restricted_film_poster_and_captions_never_leak(
    app, depositor, client, api_headers, unique_word, mp4, vtt_pair
):
    """Poster, captions and film report of a film with restricted files answer 403 to
    anonymous users and serve its owner."""
    data = film_data(f"Stängd {unique_word}")
    data["access"]["files"] = "restricted"
    record = deposit(client, api_headers, data, {"film.mp4": mp4, **vtt_pair})
    for url in (f"/records/{record['id']}/poster", f"/records/{record['id']}/captions/film.sv.vtt"):
        assert get_page(app, url)[0] == 403, url
    assert client.get(f"/api/records/{record['id']}/film").status_code == 403
    assert get_page(app, f"/records/{record['id']}/poster", depositor)[0] == 200
    assert client.get(f"/api/records/{record['id']}/film", headers=api_headers).status_code == 200
    for _ in range(2):  # the second answer comes from the hit cache
        query = {"q": f'"{unique_word}"'}
        hits = client.get("/api/records", query_string=query).json["hits"]["hits"]
        assert hits and "msi_film" not in hits[0]
        assert "captions" not in hits[0].get("highlight", {})
    assert client.get("/records/does-not-exist/poster").status_code == 404


def test_draft_film_files_checked_before_publishing(
    app, client, api_headers, depositor, unique_word, mp4
):
    """Before publishing, the depositor reads what is wrong with a draft's film files, through
    the API and on the draft's preview; nothing is stored and strangers get nothing."""
    data = film_data(f"Utkast {unique_word}")
    response = client.post("/api/records", data=json.dumps(data), headers=api_headers)
    draft_id = response.json["id"]
    base = f"/api/records/{draft_id}/draft/files"
    files = {"film.mp4": mp4, "film.sv.vtt": b"not captions at all"}
    client.post(base, data=json.dumps([{"key": k} for k in files]), headers=api_headers)
    upload = {**api_headers, "Content-Type": "application/octet-stream"}
    for key, content in files.items():
        client.put(f"{base}/{key}/content", data=content, headers=upload)
        client.post(f"{base}/{key}/commit", headers=api_headers)

    report = client.get(f"/api/records/{draft_id}/draft/film", headers=api_headers).json
    assert report["videos"][0]["status"] == "ok" and report["videos"][0]["iso_duration"] == "PT4S"
    assert report["captions"][0]["status"] == "failed"
    assert "WEBVTT" in report["captions"][0]["reason"]
    assert len(report["messages"]) == 2  # the bad captions, and so no captions at all
    assert client.get(f"/api/records/{draft_id}/draft/film").status_code == 403
    assert FilmFileModel.query.filter_by(record_id=rows_id(draft_id)).count() == 0

    _, page = get_page(app, f"/records/{draft_id}?preview=1", depositor)
    assert 'id="msi-film-messages"' in page and "film.sv.vtt" in page


def rows_id(draft_id):
    """The record id behind a draft's pid."""
    return service.draft_cls.pid.resolve(draft_id, registered_only=False).id
