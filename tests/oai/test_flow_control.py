"""Flow control for harvesters on a live server with small budgets: 503 with Retry-After, as XML.

The server runs with rate limiting on (Redis storage, as production), an OAI-PMH budget of
``OAI_LIMIT`` and an anonymous budget of pages and search of ``GUEST_LIMIT``, both small, so the
tests reach them in a few requests. Each test uses user agents of its own, so no other test
shares its counts.
"""

import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from lxml import etree
from oai_support import NS

from helpers import deposit_each, live_server, record_data, refresh_indices

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from harvest import CountingSickle  # noqa: E402

OAI_LIMIT = (6, 3)
"""Requests per seconds at /oai2d."""

GUEST_LIMIT = 5
"""Anonymous requests a minute on everything else."""

PAGE = 2
"""Records a page: a harvest of ``HARVESTED`` records makes several budgets' worth of pages."""

HARVESTED = 2 * OAI_LIMIT[0] * PAGE + 1
"""Records the Sickle harvest reads (those published in its window): over two budgets."""


@pytest.fixture(scope="module")
def limited_server(app):
    """A live server with small budgets and pages of two records."""
    with live_server(
        "oai-flow",
        RATELIMIT_ENABLED="True",
        MSI_OAI_RATE_LIMIT=f"{OAI_LIMIT[0]} per {OAI_LIMIT[1]} seconds",
        RATELIMIT_GUEST_USER=f"{GUEST_LIMIT} per minute",
        MSI_OAI_PAGE_SIZE=str(PAGE),
    ) as url:
        yield url


def _agent():
    return {"User-Agent": f"msi-flow-test-{uuid.uuid4().hex}"}


def test_over_budget_answers_503_with_retry_after_as_xml(limited_server):
    """A burst beyond the budget: 200s, then 503 with whole seconds to wait and an XML body."""
    headers = _agent()
    with requests.Session() as session:
        answers = [
            session.get(f"{limited_server}/oai2d?verb=Identify", headers=headers, timeout=10)
            for _ in range(OAI_LIMIT[0] + 1)
        ]
    statuses = [answer.status_code for answer in answers]
    assert statuses == [200] * OAI_LIMIT[0] + [503], statuses
    busy = answers[-1]
    wait = int(busy.headers["Retry-After"])
    assert 1 <= wait <= OAI_LIMIT[1]
    assert busy.headers["Content-Type"].startswith("text/xml")
    root = etree.fromstring(busy.content)
    assert root.tag == f"{NS['oai']}OAI-PMH"
    assert root.find(f"{NS['oai']}responseDate") is not None
    time.sleep(wait)
    again = requests.get(f"{limited_server}/oai2d?verb=Identify", headers=headers, timeout=10)
    assert again.status_code == 200


def test_harvesting_spends_nothing_of_the_page_budget(limited_server):
    """Two OAI budgets' worth of harvesting leave the client's budget of pages and search whole;
    past that budget, search still answers 429 while OAI-PMH answers XML."""
    headers = _agent()
    with requests.Session() as session:
        for _ in range(2):
            for _ in range(OAI_LIMIT[0]):
                answer = session.get(
                    f"{limited_server}/oai2d?verb=Identify", headers=headers, timeout=10
                )
                assert answer.status_code == 200
            time.sleep(OAI_LIMIT[1] + 0.5)
        search = [
            session.get(
                f"{limited_server}/api/records?size=1", headers=headers, timeout=10
            ).status_code
            for _ in range(GUEST_LIMIT + 1)
        ]
        assert search == [200] * GUEST_LIMIT + [429], search
        oai = session.get(f"{limited_server}/oai2d?verb=Identify", headers=headers, timeout=10)
        assert oai.status_code == 200
        assert oai.headers["Content-Type"].startswith("text/xml")


def test_site_budget_lets_a_fast_harvester_through(msi_server):
    """With the site's own limits, the issue's 560 Identify requests in a row all answer 200 XML
    (the 501st used to be an HTML 429: /oai2d shared the anonymous limit of 500 a minute). None of
    them is counted by that limit (Flask-Limiter's headers name it on search, not on OAI-PMH)."""
    headers = _agent()
    with requests.Session() as session:
        answers = [
            session.get(f"{msi_server}/oai2d?verb=Identify", headers=headers, timeout=30)
            for _ in range(560)
        ]
    assert [a.status_code for a in answers] == [200] * 560
    assert all(a.headers["Content-Type"].startswith("text/xml") for a in answers)
    assert not any("X-RateLimit-Limit" in a.headers for a in answers)
    search = requests.get(f"{msi_server}/api/records?size=1", headers=headers, timeout=30)
    assert search.status_code == 200
    assert search.headers["X-RateLimit-Limit"] == "500"
    assert int(search.headers["X-RateLimit-Remaining"]) == 499


def test_sickle_honours_retry_after_and_completes(limited_server, app, depositor):
    """Sickle, harvesting faster than the budget, is slowed down by 503s and harvests everything."""
    # The harvest's window starts in a second of its own (OAI datestamps have whole seconds) and
    # holds this test's records only, whatever the suite has published before.
    time.sleep(1.1)
    since = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    made = deposit_each(
        app, depositor, **{f"r{n}": record_data(f"Flödeskontroll {n}") for n in range(HARVESTED)}
    )
    refresh_indices()
    wanted = {record["pids"]["oai"]["identifier"] for record in made.values()}
    url = f"{limited_server}/oai2d"
    window = {"metadataPrefix": "oai_dc", "from": since}
    patient = CountingSickle(url, max_retries=5, headers=_agent(), timeout=60)
    records = [r.header.identifier for r in patient.ListRecords(**window)]
    assert 503 in patient.statuses
    assert set(patient.statuses) == {200, 503}
    reference = CountingSickle(url, max_retries=5, headers=_agent(), timeout=60)
    identifiers = [h.identifier for h in reference.ListIdentifiers(**window)]
    assert len(records) == len(set(records)) == HARVESTED
    assert set(records) == set(identifiers) == wanted
