"""Fixtures of the researcher tests: accounts in each role the workflow knows."""

import uuid

import pytest
from invenio_accounts.proxies import current_datastore
from invenio_oauth2server.models import Token

from helpers import Caller


@pytest.fixture(scope="module")
def make_user(app, database):
    """Create a confirmed user with a token, optionally with roles."""

    def make(prefix="user", roles=()):
        email = f"{prefix}-{uuid.uuid4().hex[:8]}@example.org"
        user = current_datastore.create_user(email=email, password=None, active=True)
        current_datastore.activate_user(user)
        for name in roles:
            role = current_datastore.find_role(name)
            assert role is not None, name
            current_datastore.add_role_to_user(user, role)
        database.session.commit()
        token = Token.create_personal("tests", user.id, scopes=[], is_internal=False)
        database.session.commit()
        user.token = token.access_token
        return user

    return make


@pytest.fixture()
def as_user(client, make_user):
    """``as_user(prefix, roles)`` → a Caller for a fresh account; ``as_user(None)`` is anonymous."""

    def make(prefix="user", roles=()):
        return Caller(client, None if prefix is None else make_user(prefix, roles))

    return make


@pytest.fixture()
def profile_data(unique_word):
    """A valid application to the Borås node."""
    return {
        "given_name": "Lina",
        "family_name": f"Ek {unique_word}",
        "node": {"id": "nod-boras"},
        "themes": [{"id": "jamlik-folkhalsa"}],
        "sdgs": [{"id": "sdg-11"}],
        "affiliations": [{"id": "01fdxwh83"}],
        "expertise": ["medborgardialog", "socialt entreprenörskap"],
        "bio": {"sv": "Forskar om medborgardialog i kommuner.", "en": "Researches civic dialogue."},
        "websites": [{"url": "https://example.org/lina", "label": "Hemsida"}],
        "contact": {"email": "lina@example.org", "public": False},
    }
