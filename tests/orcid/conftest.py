"""Fixtures of the ORCID tests: the fake ORCID server, the site pointed at it, linked users.

The lead's tests may import ``FakeOrcid`` from ``fakes.orcid`` or use these fixtures.
"""

import uuid

import pytest
from fakes.orcid import FakeOrcid
from fakes.orcid_helpers import forget_user, orcid_round_trip, random_orcid, set_config, sign_in
from flask_security.utils import hash_password
from invenio_accounts.proxies import current_datastore
from invenio_cache import current_cache
from invenio_oauth2server.models import Token

from msi_rdm.orcid.client import CACHE_KEY


@pytest.fixture(scope="session")
def fake_orcid():
    """A fake ORCID serving on a free port of 127.0.0.1 for the whole session."""
    fake = FakeOrcid().start()
    yield fake
    fake.stop()


@pytest.fixture()
def orcid_site(app, fake_orcid, monkeypatch):
    """The site with ORCID credentials, pointed at a freshly reset fake ORCID."""
    fake_orcid.reset()
    for key, value in {**fake_orcid.config(), "MSI_ORCID_BACKOFF": 0.01}.items():
        set_config(app, monkeypatch, key, value)
    current_cache.delete(CACHE_KEY)
    yield fake_orcid
    current_cache.delete(CACHE_KEY)


@pytest.fixture()
def member_site(orcid_site, app, monkeypatch):
    """The site with the credentials of an ORCID member client: push is on."""
    set_config(app, monkeypatch, "MSI_ORCID_MEMBER", True)
    return orcid_site


@pytest.fixture()
def make_user(app, database):
    """Create a confirmed user with a password and an API token."""

    def make():
        email = f"orcid-{uuid.uuid4().hex[:8]}@example.org"
        user = current_datastore.create_user(
            email=email, password=hash_password("secret-Pa55word"), active=True
        )
        current_datastore.activate_user(user)
        database.session.commit()
        token = Token.create_personal("tests", user.id, scopes=[], is_internal=False)
        database.session.commit()
        user.headers = {
            "Authorization": f"Bearer {token.access_token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        return user

    return make


@pytest.fixture()
def linked_user(client, make_user):
    """Create a user and link a fresh ORCID iD to it through the fake; ``user.orcid`` is the iD."""
    from msi_rdm.orcid import api

    def link(fake, consent=False):
        user, orcid = make_user(), random_orcid()
        sign_in(client, user)
        orcid_round_trip(client, fake, orcid)
        forget_user()
        assert api.verified_orcid(user.id) == orcid
        if consent:
            api.set_push_consent(user.id, True)
        user.orcid = orcid
        return user

    return link
