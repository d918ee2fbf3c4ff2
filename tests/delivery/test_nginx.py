"""The compose file's nginx configuration, run by nginx 1.22 (the image's version) in front of the
live test server: valid, TLS with HSTS, answers compressed, hashed assets kept a year."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from helpers import free_port, webpack_chunk

ROOT = Path(__file__).resolve().parents[2]
SUBSTITUTIONS = (
    ("server web:5000;", "server {upstream};"),
    ("listen 80;", "listen 127.0.0.1:{http};"),
    ("listen 443 ssl http2;", "listen 127.0.0.1:{https} ssl http2;"),
    ("/etc/nginx/tls/fullchain.pem", "{folder}/cert.pem"),
    ("/etc/nginx/tls/privkey.pem", "{folder}/key.pem"),
)
"""What differs from production: the upstream's address, loopback ports, a test certificate."""


def _main_config(folder, site):
    temp = "\n".join(
        f"{kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    # As root, the workers would otherwise run as nobody, who cannot write the temporary folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}daemon off; worker_processes 1; pid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log;\n"
        "events { worker_connections 64; }\n"
        "http {\n include /etc/nginx/mime.types; access_log off;\n"
        f" {temp}\n uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;\n{site}\n}}\n"
    )


@pytest.fixture(scope="module")
def nginx(msi_server, tmp_path_factory):
    """nginx with docker/nginx/msi.conf on loopback ports: (https, http, its folder)."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.fail("nginx is not installed; `make test` installs Debian's nginx-light")
    folder = tmp_path_factory.mktemp("nginx")
    folder.chmod(0o755)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", f"{folder}/key.pem", "-out", f"{folder}/cert.pem"],
        check=True,
        capture_output=True,
    )
    ports = {"http": free_port(), "https": free_port()}
    site = (ROOT / "docker/nginx/msi.conf").read_text()
    for production, test in SUBSTITUTIONS:
        assert production in site, production
        site = site.replace(
            production,
            test.format(upstream=urlsplit(msi_server).netloc, folder=folder, **ports),
        )
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / kind).mkdir()
    config = folder / "nginx.conf"
    config.write_text(_main_config(folder, site))
    checked = subprocess.run([binary, "-t", "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([binary, "-c", str(config)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", ports["https"])) == 0:
                break
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail((folder / "error.log").read_text())
        time.sleep(0.2)
    yield f"https://127.0.0.1:{ports['https']}", f"http://127.0.0.1:{ports['http']}", folder
    server.terminate()
    server.wait(timeout=30)


def _get(nginx, path, scheme="https", **headers):
    https, http, folder = nginx
    return requests.get(
        (https if scheme == "https" else http) + path,
        headers=headers,
        timeout=60,
        verify=str(folder / "cert.pem"),
        allow_redirects=False,
    )


def test_plain_http_redirects_to_https(nginx):
    """Port 80 only sends visitors to https."""
    answer = _get(nginx, "/search?q=x", scheme="http")
    assert answer.status_code == 301
    assert (
        answer.headers["Location"].startswith("https://")
        and "/search?q=x" in answer.headers["Location"]
    )


def test_pages_through_nginx_are_compressed_with_hsts(nginx):
    """A page reaches a gzip-only client compressed, with HSTS and Vary: Accept-Encoding."""
    answer = _get(nginx, "/", **{"Accept-Encoding": "gzip"})
    assert answer.status_code == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in answer.headers["Vary"]
    assert answer.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Mötesplats" in answer.text  # requests undid the gzip


def test_hashed_assets_through_nginx_are_immutable(nginx, app):
    """The theme's CSS comes through nginx compressed and immutable for a year."""
    css = webpack_chunk(app, "theme", ".css")[0]
    answer = _get(nginx, css, **{"Accept-Encoding": "gzip, br"})
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert answer.headers["Content-Encoding"] in ("br", "gzip")
