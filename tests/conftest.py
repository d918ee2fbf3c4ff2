"""Fixtures of the whole suite: one application on the test instance that ``make test`` prepared.

The test instance is real: PostgreSQL database ``msi_test``, OpenSearch indices ``msi-test-*`` and
Redis databases 8-14, initialised afresh (vocabularies and demo collection included) by
``scripts/setup.sh test --force`` before every run. Tests commit what they create, so each one works
with content of its own (unique words, new users) rather than expecting an empty repository.
"""

import os
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests
from invenio_app.factory import create_app as create_msi_app
from sqlalchemy.exc import OperationalError

from helpers import deposit, free_port, record_data, token_headers

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
    try:
        db.session.remove()
    except OperationalError:  # tests/resilience restarted PostgreSQL under the session: discard it
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
    return token_headers(depositor.token)


@pytest.fixture(scope="session")
def msi_server():
    """Serve the test instance with gunicorn, as production does, on a free loopback port.

    Browser tests and harvesting tests (OAI-PMH over HTTP) share it.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "INVENIO_SITE_UI_URL": url,
        "INVENIO_SITE_API_URL": f"{url}/api",
        "INVENIO_TRUSTED_HOSTS": "['127.0.0.1', 'localhost']",
        # Small OAI-PMH pages, so harvesting tests page through the test instance.
        "INVENIO_MSI_OAI_PAGE_SIZE": "5",
    }
    log_dir = Path(os.environ["INVENIO_INSTANCE_PATH"]).parent / "log"
    log = (log_dir / "gunicorn-test.log").open("w")
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
            "msi_rdm.wsgi:application",
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


@pytest.fixture()
def three_records(app, depositor, unique_word):
    """A public record, one whose files are restricted, and a restricted one, by the depositor."""
    restricted_files = record_data(f"{unique_word} filer", files=True)
    restricted_files["access"]["files"] = "restricted"
    client, headers = app.test_client(), token_headers(depositor.token)
    return {
        "public": deposit(client, headers, record_data(f"{unique_word} öppen")),
        "files": deposit(client, headers, restricted_files, files={"a.txt": b"hemlig text"}),
        "closed": deposit(
            client, headers, record_data(f"{unique_word} stängd", access="restricted")
        ),
    }
