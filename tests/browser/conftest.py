"""A live server on the test instance and headless Debian Chromium driven by Playwright."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

LOG_DIR = Path(os.environ["INVENIO_INSTANCE_PATH"]).parent / "log"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def msi_server():
    """Serve the test instance with gunicorn, as production does, on a free loopback port."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "INVENIO_SITE_UI_URL": url,
        "INVENIO_SITE_API_URL": f"{url}/api",
        "INVENIO_TRUSTED_HOSTS": "['127.0.0.1', 'localhost']",
    }
    log = (LOG_DIR / "gunicorn-test.log").open("w")
    server = subprocess.Popen(
        [
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "120",
            "--no-control-socket",
            "invenio_app.wsgi:application",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            if requests.get(f"{url}/api/records?size=1", timeout=5).ok:
                break
        except requests.RequestException:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"the live server did not start; see {log.name}")
        time.sleep(0.5)
    yield url
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian Chromium, without the background networking this machine refuses."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed; `make test` installs it")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture()
def page(chromium):
    """A fresh browser page in a Swedish-speaking context."""
    context = chromium.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def browser_user(base_app):
    """A user with a password, committed so that the live server sees it."""
    import uuid

    from flask_security.utils import hash_password
    from invenio_accounts.proxies import current_datastore
    from invenio_db import db

    email = f"browser-{uuid.uuid4().hex[:8]}@example.org"
    password = uuid.uuid4().hex
    with base_app.app_context():
        user = current_datastore.create_user(
            email=email, password=hash_password(password), active=True
        )
        current_datastore.activate_user(user)
        db.session.commit()
    return email, password


@pytest.fixture()
def logged_in_page(page, msi_server, browser_user):
    """A page whose session is logged in through the login form."""
    email, password = browser_user
    page.goto(msi_server + "/login/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("form[name=login_user_form] button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page
