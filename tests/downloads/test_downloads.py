"""File downloads through the landing page's and the REST API's URLs: the stored MIME type for safe
types, nosniff, upstream's disposition, and RFC 9110 range semantics."""

import re
from email import message_from_bytes

import pytest

from helpers import deposit, record_data
from msi_rdm.demo.files import make_csv, make_film, make_pdf, make_vtt

URLS = {
    "ui": "/records/{id}/files/{key}",
    "ui-download": "/records/{id}/files/{key}?download=1",
    "api": "/api/records/{id}/files/{key}/content",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A PDF, a film, captions, a table, text, an HTML page and an SVG, as bytes."""
    folder = tmp_path_factory.mktemp("downloads")
    return {
        "rapport.pdf": make_pdf(
            folder / "r.pdf", "Rapport", ["Sida ett.", "Sida två."]
        ).read_bytes(),
        "film.mp4": make_film(folder / "f.mp4", seconds=2).read_bytes(),
        "film.sv.vtt": make_vtt(
            folder / "f.vtt", [{"start": 0.0, "end": 1.0, "text": "Hej."}]
        ).read_bytes(),
        "tabell.csv": make_csv(folder / "t.csv", [["a", "b"], [1, 2]]).read_bytes(),
        "readme.txt": "Läs mig.\n".encode() * 40,
        "sida.html": b"<html><script>alert(1)</script></html>",
        "bild.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    }


@pytest.fixture(scope="module")
def record(app, depositor, files):
    """A public record holding every file."""
    from helpers import token_headers

    data = record_data("Nedladdningar msidownloads", files=True)
    return deposit(app.test_client(), token_headers(depositor.token), data, files)


def _url(kind, record, key):
    return URLS[kind].format(id=record["id"], key=key)


SAFE = {
    "rapport.pdf": "application/pdf",
    "film.mp4": "video/mp4",
    "film.sv.vtt": "text/vtt",
    "tabell.csv": "text/csv",
    "readme.txt": "text/plain",
}


@pytest.mark.parametrize("kind", URLS)
@pytest.mark.parametrize("key", SAFE)
def test_safe_types_keep_their_stored_type(client, record, files, kind, key):
    """PDF, film, captions, table and text go out with their own type, and nosniff."""
    response = client.get(_url(kind, record, key))
    assert response.status_code == 200
    assert response.mimetype == SAFE[key]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.data == files[key]
    disposition = response.headers["Content-Disposition"]
    if kind == "ui-download":
        assert disposition.startswith("attachment") and f"filename={key}" in disposition
    else:
        assert disposition == "inline"


@pytest.mark.parametrize("kind", URLS)
@pytest.mark.parametrize(
    ("key", "sent_as"), [("sida.html", "text/plain"), ("bild.svg", "text/plain")]
)
def test_unsafe_types_stay_sanitized(client, record, kind, key, sent_as):
    """HTML and SVG, which a browser would run, are still sent as plain text."""
    response = client.get(_url(kind, record, key))
    assert response.status_code == 200
    assert response.mimetype == sent_as
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("kind", URLS)
def test_single_range_is_206_without_whole_file_md5(client, record, files, kind):
    """One range: 206 with its bytes and Content-Range; the whole file's Content-MD5 only on 200."""
    pdf = files["rapport.pdf"]
    url = _url(kind, record, "rapport.pdf")
    whole = client.get(url)
    assert whole.headers.get("Content-MD5")
    part = client.get(url, headers={"Range": "bytes=10-19"})
    assert part.status_code == 206
    assert part.data == pdf[10:20]
    assert part.headers["Content-Range"] == f"bytes 10-19/{len(pdf)}"
    assert part.headers["Content-Length"] == "10"
    assert "Content-MD5" not in part.headers
    assert part.headers["ETag"] == whole.headers["ETag"]
    assert part.mimetype == "application/pdf"


@pytest.mark.parametrize("kind", URLS)
@pytest.mark.parametrize("header", ["items=0-5", "bytes=5-2", "bytes=abc", "pages=1"])
def test_unknown_units_and_invalid_sets_are_ignored(client, record, files, kind, header):
    """A unit other than bytes, or a range set that is not valid, gets the whole file with 200."""
    response = client.get(_url(kind, record, "film.mp4"), headers={"Range": header})
    assert response.status_code == 200
    assert response.data == files["film.mp4"]
    assert "Content-Range" not in response.headers


@pytest.mark.parametrize("kind", URLS)
def test_several_ranges_are_multipart_byteranges(client, record, files, kind):
    """bytes=0-9,20-29 is one 206 multipart/byteranges with both parts, as a MIME parser reads."""
    pdf = files["rapport.pdf"]
    response = client.get(_url(kind, record, "rapport.pdf"), headers={"Range": "bytes=0-9,20-29"})
    assert response.status_code == 206
    assert response.mimetype == "multipart/byteranges"
    assert "Content-MD5" not in response.headers
    assert int(response.headers["Content-Length"]) == len(response.data)
    head = f"Content-Type: {response.headers['Content-Type']}\r\n\r\n".encode()
    message = message_from_bytes(head + response.data)
    parts = message.get_payload()
    assert [p["Content-Range"] for p in parts] == [
        f"bytes 0-9/{len(pdf)}",
        f"bytes 20-29/{len(pdf)}",
    ]
    assert [p["Content-Type"] for p in parts] == ["application/pdf"] * 2
    assert [p.get_payload(decode=True) for p in parts] == [pdf[0:10], pdf[20:30]]


def test_overlapping_ranges_are_merged(client, record, files):
    """Overlapping and touching ranges become one range (RFC 9110 lets a server coalesce)."""
    pdf = files["rapport.pdf"]
    url = _url("api", record, "rapport.pdf")
    response = client.get(url, headers={"Range": "bytes=0-9,5-14,15-19"})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes 0-19/{len(pdf)}"
    assert response.data == pdf[:20]


def test_too_many_ranges_get_the_whole_file(app, client, record, files):
    """More ranges than MSI_DOWNLOADS_MAX_RANGES: the whole file, 200."""
    many = app.config["MSI_DOWNLOADS_MAX_RANGES"] + 1
    header = "bytes=" + ",".join(f"{10 * n}-{10 * n + 1}" for n in range(many))
    response = client.get(_url("api", record, "rapport.pdf"), headers={"Range": header})
    assert response.status_code == 200
    assert response.data == files["rapport.pdf"]


@pytest.mark.parametrize("kind", URLS)
def test_unsatisfiable_range_is_416_with_the_size(client, record, files, kind):
    """A range past the end: 416 with Content-Range: bytes */<size>."""
    size = len(files["film.mp4"])
    response = client.get(_url(kind, record, "film.mp4"), headers={"Range": f"bytes={size + 5}-"})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{size}"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_if_range_with_another_etag_gets_the_whole_file(client, record, files):
    """If-Range naming another version (or a weak tag) makes the range request a full 200."""
    url = _url("api", record, "readme.txt")
    etag = client.get(url).headers["ETag"]
    same = client.get(url, headers={"Range": "bytes=0-3", "If-Range": etag})
    assert same.status_code == 206 and same.data == files["readme.txt"][:4]
    other = client.get(url, headers={"Range": "bytes=0-3", "If-Range": '"md5:other"'})
    assert other.status_code == 200 and other.data == files["readme.txt"]
    weak = client.get(url, headers={"Range": "bytes=0-3", "If-Range": f"W/{etag}"})
    assert weak.status_code == 200


def test_conditional_get_still_answers_304(client, record):
    """If-None-Match with the file's ETag: 304, as before."""
    url = _url("api", record, "tabell.csv")
    etag = client.get(url).headers["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_switched_off_ranges_are_upstreams(app, client, record, files):
    """MSI_DOWNLOADS_RANGES False: werkzeug answers ranges, as upstream (416 for two ranges).

    ``app`` is the UI application (the REST API is an application of its own), so the landing
    page's URL is asked."""
    url = _url("ui", record, "rapport.pdf")
    app.config["MSI_DOWNLOADS_RANGES"] = False
    try:
        response = client.get(url, headers={"Range": "bytes=0-9,20-29"})
    finally:
        app.config["MSI_DOWNLOADS_RANGES"] = True
    assert response.status_code == 416
    assert re.fullmatch(
        r"multipart/byteranges.*",
        client.get(url, headers={"Range": "bytes=0-9,20-29"}).headers["Content-Type"],
    )
