"""PostgreSQL restarted under the running app: the next requests succeed thanks to pool pre-ping."""

import pytest
import sqlalchemy as sa
from flask import current_app
from invenio_db import db

from helpers import deposit, record_data

from .faults import service


def _engine(pre_ping):
    """A one-connection engine on the test database, like the app's but for ``pre_ping``."""
    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    return sa.create_engine(uri, pool_size=1, max_overflow=0, pool_pre_ping=pre_ping)


def _select_one(engine):
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT 1")).scalar()


def test_requests_succeed_after_restart(app, client, api_headers, unique_word):
    """After a restart, reads and writes through the app succeed at the first try; an engine
    without pre-ping fails its first query on the pooled, dead connection (so pre-ping matters)."""
    assert db.engine.pool._pre_ping
    record = deposit(client, api_headers, record_data(f"Omstart {unique_word}"))
    without, with_ = _engine(pre_ping=False), _engine(pre_ping=True)
    try:
        assert _select_one(without) == 1 and _select_one(with_) == 1
        db.session.remove()
        service("restart", "postgres")

        assert client.get(f"/api/records/{record['id']}").status_code == 200
        # A page request in an application context of its own, as every production request has.
        with app.app_context(), app.test_client() as browser:
            assert browser.get(f"/records/{record['id']}").status_code == 200
        again = deposit(client, api_headers, record_data(f"Efter omstart {unique_word}"))
        assert again["is_published"]

        with pytest.raises(sa.exc.OperationalError):
            _select_one(without)
        assert _select_one(with_) == 1
    finally:
        without.dispose()
        with_.dispose()
