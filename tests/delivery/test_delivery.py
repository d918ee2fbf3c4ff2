"""Answers are compressed as the client accepts; hashed assets are kept for a year."""

import gzip
import json
import re
from pathlib import Path

import brotli
import pytest
import requests

from helpers import webpack_chunk

ROOT = Path(__file__).resolve().parents[2]


def test_pages_are_compressed_as_accepted(client):
    """The front page comes brotli- or gzip-compressed, or plain, as the client asks."""
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    html = plain.get_data()
    br = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert br.headers["Content-Encoding"] == "br"
    assert "Accept-Encoding" in br.headers["Vary"]
    assert b"M\xc3\xb6tesplats" in brotli.decompress(br.get_data())
    assert len(br.get_data()) < len(html) / 3
    gz = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert b"M\xc3\xb6tesplats" in gzip.decompress(gz.get_data())


def test_api_answers_are_compressed_and_keep_their_etag(client):
    """Search JSON is compressed; a record's ETag stays its revision, as If-Match expects."""
    headers = {"Accept-Encoding": "br", "Accept": "application/vnd.inveniordm.v1+json"}
    search = client.get("/api/records?size=10", headers=headers)
    assert search.headers["Content-Encoding"] == "br"
    hits = json.loads(brotli.decompress(search.get_data()))["hits"]["hits"]
    record = client.get(f"/api/records/{hits[0]['id']}", headers={"Accept-Encoding": "br"})
    assert record.headers["Content-Encoding"] == "br"
    revision = json.loads(brotli.decompress(record.get_data()))["revision_id"]
    assert record.headers["ETag"] == f'"{revision}"'


def test_hashed_assets_are_immutable_for_a_year(app, client):
    """Webpack's hashed CSS and JS go out compressed with a year's immutable max-age."""
    for suffix in (".css", ".js"):
        path = webpack_chunk(app, "theme", suffix)[-1]
        answer = client.get(path, headers={"Accept-Encoding": "br"})
        assert answer.status_code == 200, path
        assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert answer.headers["Content-Encoding"] == "br"
        assert (
            brotli.decompress(answer.get_data())
            == (Path(app.static_folder) / path.removeprefix("/static/")).read_bytes()
        )


def test_other_static_files_are_fresh_for_an_hour(client):
    """Static files without a hash in their name may be kept an hour, then asked again."""
    answer = client.get("/static/msi_rdm/images/msi-logo.svg")
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "public, max-age=3600"


def test_range_requests_keep_their_bytes(client):
    """A range of a caption file (text, so compressible) is sent as the bytes asked for."""
    query = {"q": 'metadata.title:"Trygga platser i staden"', "size": 1}
    record = client.get("/api/records", query_string=query).json["hits"]["hits"][0]
    url = f"/api/records/{record['id']}/files/trygga-platser-i-staden.sv.vtt/content"
    whole = client.get(url, headers={"Accept-Encoding": "identity"}).get_data()
    part = client.get(url, headers={"Accept-Encoding": "br", "Range": "bytes=0-9"})
    assert part.status_code == 206
    assert "Content-Encoding" not in part.headers
    assert part.get_data() == whole[:10]


def test_switched_off_answers_are_upstream(app, client):
    """With the delivery switches off, nothing is compressed and static files are no-cache."""
    app.config.update(MSI_DELIVERY_COMPRESS=False, MSI_DELIVERY_CACHE_STATIC=False)
    try:
        page = client.get("/", headers={"Accept-Encoding": "br"})
        css = webpack_chunk(app, "theme", ".css")[0]
        asset = client.get(css, headers={"Accept-Encoding": "br"})
    finally:
        app.config.update(MSI_DELIVERY_COMPRESS=True, MSI_DELIVERY_CACHE_STATIC=True)
    assert "Content-Encoding" not in page.headers
    assert "Content-Encoding" not in asset.headers
    assert "immutable" not in asset.headers.get("Cache-Control", "")


def test_gunicorn_serves_compressed_pages(msi_server):
    """The native setup's web server (gunicorn, msi_rdm.wsgi) sends the compressed answers."""
    answer = requests.get(msi_server + "/", headers={"Accept-Encoding": "br"}, timeout=60)
    assert answer.headers["Content-Encoding"] == "br"
    assert "Mötesplats" in answer.text


@pytest.fixture(scope="module")
def nginx_conf():
    """The compose file's nginx configuration."""
    return (ROOT / "docker/nginx/msi.conf").read_text()


def test_compose_nginx_compresses(nginx_conf):
    """nginx gzips what comes back uncompressed: pages, JSON, CSS, JavaScript, SVG, fonts."""
    directives = dict(re.findall(r"^\s*(gzip\w*)\s+([^;]+);", nginx_conf, re.M))
    assert directives["gzip"] == "on"
    assert directives["gzip_proxied"] == "any"
    assert directives["gzip_vary"] == "on"
    types = directives["gzip_types"].split()
    for mimetype in ("text/css", "application/javascript", "application/json", "image/svg+xml"):
        assert mimetype in types
    assert "application/vnd.inveniordm.v1+json" in types
    # nginx:1.22 (the compose file's image) takes HTTP/2 on the listen line.
    assert "listen 443 ssl http2;" in nginx_conf and "http2 on;" not in nginx_conf
