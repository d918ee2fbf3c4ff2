"""Rate limits on the live server: login and search answer 429 once a client passes its limit.

The suite's in-process app turns rate limiting off; the gunicorn server that ``msi_server`` starts
runs with the site's limits and Redis storage, as production does. Flask-Limiter keys a client by
user agent and address, so each test uses a user agent of its own and no other test shares its
counts.
"""

import time
import uuid

import pytest
import requests
from limits import parse_many

WINDOW = 50
"""Seconds all requests of one test must take at most, safely inside the limits' minute."""


def _per_minute(limits):
    """The per-minute amount of a limit string such as ``1000 per hour;60 per minute``."""
    (amount,) = [item.amount for item in parse_many(limits) if item.GRANULARITY.name == "minute"]
    return amount


def _statuses(url, count):
    """Statuses of ``count`` GET requests to ``url`` from one new client, in a row.

    The limits count requests of the last minute, so all of them must fall within one.
    """
    headers = {"User-Agent": f"msi-rate-limit-test-{uuid.uuid4().hex}"}
    start = time.monotonic()
    with requests.Session() as session:
        statuses = [
            session.get(url, headers=headers, timeout=10, allow_redirects=False).status_code
            for _ in range(count)
        ]
    assert time.monotonic() - start < WINDOW, "too slow to pass a per-minute limit"
    return statuses


@pytest.fixture(scope="module")
def limits(app):
    """The site's limits: login's own, and anonymous visitors' on everything else."""
    return {
        "login": _per_minute(app.config["RATELIMIT_PER_ENDPOINT"]["security.login"]),
        "guest": _per_minute(app.config["RATELIMIT_GUEST_USER"]),
    }


def test_configured_limits(limits):
    """Login allows 10 tries a minute, anonymous visitors 500 requests a minute."""
    assert limits == {"login": 10, "guest": 500}


def test_login_answers_429_after_the_limit(msi_server, limits):
    """The login page answers until the limit, then 429."""
    statuses = _statuses(f"{msi_server}/login/", limits["login"] + 1)
    assert 429 not in statuses[:-1], statuses
    assert statuses[-1] == 429, statuses


def test_search_answers_429_after_the_limit(msi_server, limits):
    """Anonymous search answers until the limit, then 429."""
    statuses = _statuses(f"{msi_server}/api/records?size=1&q=msiratelimit", limits["guest"] + 1)
    assert statuses[:-1] == [200] * limits["guest"], statuses
    assert statuses[-1] == 429, statuses
