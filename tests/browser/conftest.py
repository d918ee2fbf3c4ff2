"""Headless Debian Chromium driven by Playwright against the live server (``msi_server``)."""

import shutil

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
