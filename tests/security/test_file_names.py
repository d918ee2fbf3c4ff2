"""File names with path parts, control characters or no name answer 400 and store nothing."""

import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers import record_data

BAD_KEYS = [
    "../../etc/passwd",
    "a/b.pdf",
    "..\\x.pdf",
    "/etc/passwd",
    "C:\\Windows\\x.pdf",
    "a\x00b.pdf",
    "a\nb.pdf",
    "",
    " ",
    ".",
    "..",
    "x" * 252 + ".pdf",
]
"""Keys upstream stores (or fails on with 500, or refuses only when the content arrives)."""

GOOD_KEY = "Rapport – slutlig version (å ä ö).pdf"


@pytest.fixture()
def files_url(client, api_headers, init_draft_file):
    """The files endpoint of a new draft that has one committed file."""
    url = init_draft_file("Filnamn", GOOD_KEY)
    upload = {**api_headers, "Content-Type": "application/octet-stream"}
    key = quote(GOOD_KEY)
    assert (
        client.put(f"{url}/{key}/content", data=b"%PDF-1.4 ok", headers=upload).status_code == 200
    )
    assert client.post(f"{url}/{key}/commit", headers=api_headers).status_code == 200
    return url


@pytest.mark.parametrize("key", BAD_KEYS, ids=repr)
def test_file_name_that_is_not_plain_answers_400(
    client, api_headers, files_url, files_on_disk, key
):
    """The key is refused with 400 naming the field; the draft keeps its file, none is written."""
    before = files_on_disk()
    body = [{"key": "ok.pdf"}, {"key": key}]
    response = client.post(files_url, data=json.dumps(body), headers=api_headers)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.json["errors"][0]["field"] == "key"
    listed = client.get(files_url, headers=api_headers).json["entries"]
    assert [(entry["key"], entry["status"]) for entry in listed] == [(GOOD_KEY, "completed")]
    assert files_on_disk() == before


def test_plain_file_name_is_stored_inside_the_files_location(
    client, api_headers, files_url, files_on_disk
):
    """A name with spaces, dashes and Swedish letters is kept; its bytes lie under the location."""
    entry = client.get(f"{files_url}/{quote(GOOD_KEY)}", headers=api_headers).json
    assert entry["key"] == GOOD_KEY
    from invenio_files_rest.models import FileInstance

    stored = FileInstance.query.filter_by(checksum=entry["checksum"]).first()
    path = os.path.realpath(stored.uri)
    assert path.startswith(os.path.realpath(files_on_disk.root) + os.sep)
    assert Path(path).read_bytes() == b"%PDF-1.4 ok"


def test_file_name_with_nul_in_the_url_is_not_a_server_error(client, api_headers, files_url):
    """Asking for a key with a NUL byte answers 4xx, not 500."""
    for url in (f"{files_url}/a%00b.pdf", f"{files_url}/a%00b.pdf/content"):
        assert 400 <= client.get(url, headers=api_headers).status_code < 500


@pytest.mark.parametrize("key", ["../poster.png", "a/b.png", "", "a\x00b.png"], ids=repr)
def test_media_file_name_that_is_not_plain_answers_400(client, api_headers, key):
    """Media files of a draft (previews, posters) take the same check; nothing is initialised."""
    data = record_data("Mediafiler", files=True)
    data["media_files"] = {"enabled": True}
    draft = client.post("/api/records", data=json.dumps(data), headers=api_headers)
    assert draft.status_code == 201, draft.json
    media_url = f"/api/records/{draft.json['id']}/draft/media-files"
    body = [{"key": "affisch.png"}, {"key": key}]
    response = client.post(media_url, data=json.dumps(body), headers=api_headers)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.json["errors"][0]["field"] == "key"
    assert client.get(media_url, headers=api_headers).json["entries"] == []
    good = client.post(media_url, data=json.dumps([{"key": "affisch.png"}]), headers=api_headers)
    assert good.status_code == 201, good.get_data(as_text=True)
    listed = client.get(media_url, headers=api_headers).json["entries"]
    assert [entry["key"] for entry in listed] == ["affisch.png"]
