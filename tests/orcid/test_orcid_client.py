"""The ORCID adapter: v3.0 URLs from the config, a cached read-public token, timeouts and
bounded backoff on 429 and 5xx that honours Retry-After."""

import time

import pytest
from fakes.orcid_helpers import set_config

from msi_rdm.orcid.client import OrcidClient, OrcidError

ORCID = "0000-0002-1825-0097"


def _client():
    client = OrcidClient.from_config()
    client.waits = []
    client.sleep = client.waits.append
    return client


def test_public_works_read_from_configured_v3_root(orcid_site):
    """Works come from <MSI_ORCID_PUBLIC_API_URL>/<iD>/works with a client-credentials token."""
    orcid_site.add_work(ORCID, "Social innovation in Sweden", year=2021, doi="10.1234/abc")
    works = _client().public_works(ORCID)
    assert works["group"][0]["work-summary"][0]["title"]["title"]["value"] == (
        "Social innovation in Sweden"
    )
    token_call, works_call = orcid_site.requests
    assert token_call["path"] == "/oauth/token"
    assert "grant_type=client_credentials" in token_call["body"]
    assert "scope=%2Fread-public" in token_call["body"]
    assert works_call["path"] == f"/pub/v3.0/{ORCID}/works"
    assert works_call["headers"]["Accept"] == "application/orcid+json"


def test_read_public_token_cached(orcid_site):
    """The client-credentials token is asked for once, then reused."""
    _client().public_works(ORCID)
    _client().public_works(ORCID)
    assert [r["path"] for r in orcid_site.requests].count("/oauth/token") == 1


def test_retry_after_honoured_on_429(orcid_site):
    """Two 429 replies with Retry-After: 3 mean two waits of 3 s, then success."""
    client = _client()
    client.read_public_token()
    orcid_site.script("GET", "/works", 429, times=2, retry_after=3)
    client.public_works(ORCID)
    assert client.waits == [3.0, 3.0]
    assert len([r for r in orcid_site.requests if r["path"].endswith("/works")]) == 3


def test_exponential_backoff_on_503_then_give_up(orcid_site, app):
    """Without Retry-After the waits double; after MSI_ORCID_MAX_ATTEMPTS the call fails."""
    client = _client()
    client.read_public_token()
    attempts = app.config["MSI_ORCID_MAX_ATTEMPTS"]
    orcid_site.script("GET", "/works", 503, times=attempts)
    with pytest.raises(OrcidError) as error:
        client.public_works(ORCID)
    assert error.value.status == 503
    assert client.waits == [0.01 * 2**n for n in range(attempts - 1)]
    assert len([r for r in orcid_site.requests if r["path"].endswith("/works")]) == attempts


def test_retry_after_capped(orcid_site, app):
    """A Retry-After beyond MSI_ORCID_MAX_WAIT waits the maximum only."""
    client = _client()
    client.read_public_token()
    orcid_site.script("GET", "/works", 429, retry_after=100000)
    client.public_works(ORCID)
    assert client.waits == [app.config["MSI_ORCID_MAX_WAIT"]]


def test_client_errors_not_retried(orcid_site):
    """A 404 is final: one request, no wait."""
    client = _client()
    client.read_public_token()
    orcid_site.script("GET", "/works", 404)
    with pytest.raises(OrcidError) as error:
        client.public_works(ORCID)
    assert error.value.status == 404
    assert client.waits == []


def test_every_call_has_a_timeout(orcid_site, app, monkeypatch):
    """An ORCID that does not answer in time counts as unavailable; the call does not hang."""
    set_config(app, monkeypatch, "MSI_ORCID_TIMEOUT", (1, 0.3))
    set_config(app, monkeypatch, "MSI_ORCID_MAX_ATTEMPTS", 2)
    client = _client()
    client.read_public_token()
    orcid_site.script("GET", "/works", 200, times=2, delay=3)
    start = time.monotonic()
    with pytest.raises(OrcidError) as error:
        client.public_works(ORCID)
    assert error.value.status is None
    assert time.monotonic() - start < 2.5
    assert len(client.waits) == 1


def test_sandbox_switches_default_urls(app, monkeypatch):
    """With MSI_ORCID_SANDBOX the production defaults become ORCID's sandbox URLs."""
    from msi_rdm.orcid import settings

    set_config(app, monkeypatch, "MSI_ORCID_SANDBOX", True)
    assert settings.url("MSI_ORCID_BASE_URL") == "https://sandbox.orcid.org"
    assert settings.url("MSI_ORCID_PUBLIC_API_URL") == "https://pub.sandbox.orcid.org/v3.0"
    assert settings.url("MSI_ORCID_MEMBER_API_URL") == "https://api.sandbox.orcid.org/v3.0"
    set_config(app, monkeypatch, "MSI_ORCID_SANDBOX", False)
    assert settings.url("MSI_ORCID_PUBLIC_API_URL") == "https://pub.orcid.org/v3.0"
