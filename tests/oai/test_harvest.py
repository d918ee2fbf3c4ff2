"""A real OAI-PMH client (Sickle) harvests the live test server over HTTP, five records a page."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service
from lxml import etree
from oai_support import NS, RecordingSickle, assert_valid, public_oai_ids
from sickle.oaiexceptions import BadResumptionToken

from helpers import deposit_each, record_data, refresh_indices
from msi_rdm.oai.tokens import dump_token, load_token

OAI = NS["oai"]
PAGE = 5


def _tokens(sickle):
    """The resumptionToken elements of the responses a harvest received."""
    return [
        etree.fromstring(response.raw.encode()).find(f".//{OAI}resumptionToken")
        for response in sickle.responses
    ]


def _stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_full_harvest_returns_exactly_the_public_records(msi_server):
    """ListRecords, five a page, returns each public record once and no restricted one."""
    sickle = RecordingSickle(f"{msi_server}/oai2d")
    records = list(sickle.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))
    live = [r.header.identifier for r in records if not r.header.deleted]
    assert len(live) == len(set(live))
    assert set(live) == public_oai_ids(msi_server)
    assert len(sickle.responses) == -(-len(records) // PAGE) > 1
    tokens = _tokens(sickle)
    for number, token in enumerate(tokens):
        assert int(token.get("cursor")) == number * PAGE
        assert int(token.get("completeListSize")) == len(records)
    assert tokens[-1].text is None
    expires = datetime.strptime(tokens[0].get("expirationDate"), "%Y-%m-%dT%H:%M:%SZ")
    assert expires.replace(tzinfo=UTC) > datetime.now(UTC) + timedelta(hours=1)
    for response in sickle.responses:
        assert_valid(etree.fromstring(response.raw.encode()))


def test_deletion_between_pages_shows_as_deleted_header(app, depositor, msi_server):
    """A record deleted after its page was harvested comes back later as a deleted header."""
    # OAI datestamps have one-second granularity: start the window in a second of its own, so a
    # record an earlier test deleted moments ago cannot fall inside it as a deleted header.
    time.sleep(1.1)
    since = _stamp(datetime.now(UTC))
    made = deposit_each(
        app, depositor, **{f"r{n}": record_data(f"Skördas {n} {time.time()}") for n in range(6)}
    )
    wanted = {record["pids"]["oai"]["identifier"] for record in made.values()}
    sickle = RecordingSickle(f"{msi_server}/oai2d")
    headers = sickle.ListIdentifiers(metadataPrefix="oai_dc", **{"from": since})
    first_page = [next(headers) for _ in range(PAGE)]
    assert all(not header.deleted for header in first_page)
    gone = first_page[0].identifier
    record_id = gone.rsplit(":", 1)[1]
    current_rdm_records_service.delete_record(
        system_identity, record_id, {"removal_reason": {"id": "spam"}, "is_visible": True}
    )
    refresh_indices()
    rest = list(headers)
    deleted = [header.identifier for header in rest if header.deleted]
    assert deleted == [gone]
    assert {h.identifier for h in first_page + rest} == wanted


def test_token_outlives_a_long_pause(app, msi_server):
    """A token issued 59 minutes ago still resumes the harvest; one past its lifetime does not.

    Tokens carry the harvest position (search_after) and a signed issue time, and nothing on the
    server expires with them; re-signing the real token with an earlier issue time is the same
    as the harvester pausing that long.
    """
    sickle = RecordingSickle(f"{msi_server}/oai2d")
    first = sickle.ListRecords(metadataPrefix="oai_dc")
    seen = [next(first).header.identifier for _ in range(PAGE)]
    token = _tokens(sickle)[0].text
    with app.test_request_context():
        state = load_token(token, "ListRecords")
        paused = dump_token(state, issued_at=time.time() - 59 * 60)
        lifetime = app.config["MSI_OAI_TOKEN_LIFETIME"]
        stale = dump_token(state, issued_at=time.time() - lifetime - 60)
    resumed = RecordingSickle(f"{msi_server}/oai2d")
    rest = [r.header.identifier for r in resumed.ListRecords(resumptionToken=paused)]
    assert rest and not set(rest) & set(seen)
    assert int(_tokens(resumed)[0].get("cursor")) == PAGE
    with pytest.raises(BadResumptionToken):
        list(RecordingSickle(f"{msi_server}/oai2d").ListRecords(resumptionToken=stale))
