"""Fixtures of the whole suite: one application on the test instance that ``make test`` prepared.

The test instance is real: PostgreSQL database ``msi_test``, OpenSearch indices ``msi-test-*`` and
Redis databases 8-13, initialised afresh (vocabularies and demo collection included) by
``scripts/setup.sh test --force`` before every run. Tests commit what they create, so each one works
with content of its own (unique words, new users) rather than expecting an empty repository.
"""

import os
import uuid

import pytest
from invenio_app.factory import create_app as create_msi_app

REQUIRED_ENV = (
    "INVENIO_INSTANCE_PATH",
    "INVENIO_SQLALCHEMY_DATABASE_URI",
    "INVENIO_SEARCH_HOSTS",
    "INVENIO_CACHE_REDIS_URL",
    "INVENIO_SEARCH_INDEX_PREFIX",
)


def pytest_configure(config):
    """Refuse to run outside ``make test``: the suite needs the real test instance."""
    missing = [name for name in REQUIRED_ENV if not os.environ.get(name)]
    if missing:
        pytest.exit(f"run the suite with `make test` (missing {', '.join(missing)})", returncode=2)
    if not os.environ["INVENIO_SEARCH_INDEX_PREFIX"].startswith("msi-test-"):
        pytest.exit("refusing to run against a non-test search index prefix", returncode=2)


@pytest.fixture(scope="session")
def instance_path():
    """The test instance folder prepared by ``make test``."""
    return os.environ["INVENIO_INSTANCE_PATH"]


@pytest.fixture(scope="session")
def app_config():
    """Settings that only tests need; everything else comes from msi_rdm.config and invenio.cfg."""
    return {
        "TESTING": True,
        "CELERY_TASK_ALWAYS_EAGER": True,
        "CELERY_TASK_EAGER_PROPAGATES_EXCEPTIONS": True,
        "MAIL_SUPPRESS_SEND": True,
        "RATELIMIT_ENABLED": False,
    }


@pytest.fixture(scope="session")
def create_app(instance_path):
    """The full application: UI, with the REST API mounted at /api."""
    return create_msi_app


@pytest.fixture(scope="session")
def base_app(create_app, app_config):
    """One application for the whole session (pytest-invenio builds one per module)."""
    yield create_app(**app_config)


@pytest.fixture(scope="module")
def database(appctx):
    """The initialised test database; tables are neither created nor dropped here."""
    from invenio_db import db

    yield db
    db.session.remove()


@pytest.fixture(scope="module")
def search(appctx):
    """The initialised test indices; they are neither created nor deleted here."""
    from invenio_search import current_search_client

    yield current_search_client


@pytest.fixture()
def unique_word():
    """A word no other content contains, to find exactly what a test created."""
    return "msitest" + uuid.uuid4().hex[:10]


@pytest.fixture(scope="module")
def depositor(app, database):
    """A confirmed user with a personal access token for the REST API."""
    from invenio_accounts.proxies import current_datastore
    from invenio_oauth2server.models import Token

    email = f"depositor-{uuid.uuid4().hex[:8]}@example.org"
    user = current_datastore.create_user(email=email, password=None, active=True)
    current_datastore.activate_user(user)
    database.session.commit()
    token = Token.create_personal("tests", user.id, scopes=[], is_internal=False)
    database.session.commit()
    user.token = token.access_token
    return user


@pytest.fixture()
def api_headers(depositor):
    """JSON headers with the depositor's bearer token."""
    return {
        "Authorization": f"Bearer {depositor.token}",
        "Content-Type": "application/json",
        "Accept": "application/json",
    }
