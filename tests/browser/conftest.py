"""Headless Debian Chromium driven by Playwright against the live server (``msi_server``)."""

import os
import shutil
import uuid
from pathlib import Path

import pytest


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
        yield Browser(instance)
        instance.close()


class Browser:
    """Chromium whose every context is a client of its own to the live server's rate limiter.

    Flask-Limiter keys anonymous clients by user agent and address, and login allows ten tries a
    minute; with one user agent for all, the suite's logins would share that budget and the
    eleventh would get a 429 page instead of the form.
    """

    def __init__(self, browser):
        self.browser = browser
        probe = browser.new_context()
        self.user_agent = probe.new_page().evaluate("navigator.userAgent")
        probe.close()

    def new_context(self, **options):
        """A new context, with a user agent of its own unless the caller gives one."""
        options.setdefault("user_agent", f"{self.user_agent} msi-test/{uuid.uuid4().hex[:12]}")
        return self.browser.new_context(**options)

    def __getattr__(self, name):
        return getattr(self.browser, name)


@pytest.fixture(scope="session")
def axe_source():
    """axe-core's script, as ``scripts/install.sh`` installs it for the browser tests."""
    state = Path(os.environ["INVENIO_INSTANCE_PATH"]).parent
    path = state / "browser-tools/node_modules/axe-core/axe.min.js"
    if not path.exists():
        pytest.fail("axe-core is not installed; `make test` installs it (scripts/install.sh)")
    return path.read_text()


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
