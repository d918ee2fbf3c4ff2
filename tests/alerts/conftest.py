"""Fixtures of the alerts tests: a real SMTP server on loopback, signed-in clients, records."""

import email
import email.policy
import re
import threading
from contextlib import contextmanager
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from flask_mail import Mail
from invenio_accounts.testutils import login_user_via_session

from helpers import free_port, new_user


class Mailbox:
    """What the SMTP server received, as parsed messages."""

    def __init__(self):
        self.messages = []
        self.refuse = False
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        if self.refuse:
            return "451 Try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def to(self, address):
        """Messages received for ``address``."""
        with self.lock:
            return [m for rcpts, m in self.messages if address in rcpts]


@pytest.fixture()
def mailbox(app, monkeypatch):
    """An aiosmtpd server on 127.0.0.1 that the application sends through (not suppressed)."""
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", controller.port)
    monkeypatch.setitem(app.config, "MAIL_SUPPRESS_SEND", False)
    monkeypatch.setitem(app.config, "MAIL_USE_TLS", False)
    monkeypatch.setitem(app.config, "MAIL_USE_SSL", False)
    monkeypatch.setitem(app.config, "MAIL_USERNAME", None)
    monkeypatch.setitem(app.config, "MAIL_PASSWORD", None)
    monkeypatch.setitem(app.config, "MSI_ALERTS_SETTLE", timedelta(0))
    previous = app.extensions["mail"]
    Mail().init_app(app)
    yield box
    app.extensions["mail"] = previous
    controller.stop()


def body(message):
    """The text of a received message."""
    return message.get_body(("plain",)).get_content()


def links(message, path):
    """The links of a message whose path starts with ``path``."""
    return re.findall(rf"https?://\S+{re.escape(path)}\S*", body(message))


@pytest.fixture()
def follower(app, database):
    """A signed-up user who follows searches, with English as the chosen language."""
    user = new_user(database, "follower")
    set_locale(app, database, user, "en")
    return user


def set_locale(app, database, user, locale):
    """Choose the user's language, in a context of its own: the preferences' setter refreshes
    Flask-Babel, whose cached locale would otherwise stick to the suite's shared context."""
    from invenio_accounts.models import User

    with app.app_context():
        account = database.session.get(User, user.id)
        account.preferences = {**(account.preferences or {}), "locale": locale}
        database.session.commit()
    database.session.refresh(user)


@contextmanager
def visitor(app, user=None):
    """A test client with its own session and application context, signed in as ``user``."""
    with app.app_context(), app.test_client() as client:
        if user is not None:
            login_user_via_session(client, user=user)
        yield client


def csrf(page):
    """The CSRF token of a page's forms."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "the page has no CSRF token"
    return match.group(1)
