"""Sickle harvests the test instance in five pages, across a restart of the web process.

The page size is chosen from the number of records so that the list takes five pages (or, when
no size gives exactly five, the nearest size that gives more). The harvest starts on one
gunicorn process, which is then stopped; a new one (same settings, nothing shared but the
database, the index and the secret key) is asked to resume with the token the first one issued.
Every page is validated against the OAI-PMH schema; cursors, ``completeListSize`` and the union
of the pages are checked against the public records.
"""

import math

from lxml import etree
from oai_support import NS, RecordingSickle, assert_valid, get_oai, public_oai_ids

from helpers import live_server

OAI = NS["oai"]
PAGES = 5


def _list_size(client):
    """The number of headers ListIdentifiers lists, read through the in-process app."""
    tree = get_oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    count = len(tree.findall(f".//{OAI}header"))
    token = tree.find(f".//{OAI}resumptionToken")
    return count if token is None else int(token.get("completeListSize"))


def _page_size(total):
    """A page size that makes ``total`` records five pages, or the nearest that makes more."""
    exact = [size for size in range(1, total + 1) if math.ceil(total / size) == PAGES]
    return exact[-1] if exact else max(1, total // PAGES)


def _token(response):
    return etree.fromstring(response.raw.encode()).find(f".//{OAI}resumptionToken")


def test_five_page_harvest_resumes_after_a_restart(app):
    """Two pages from one web process, the rest from a new one, with the first one's token."""
    total = _list_size(app.test_client())
    size = _page_size(total)
    pages = math.ceil(total / size)
    assert pages >= PAGES, (total, size)
    settings = {"MSI_OAI_PAGE_SIZE": size}

    with live_server("oai-paging-1", **settings) as url:
        first = RecordingSickle(f"{url}/oai2d")
        records = first.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False)
        before = [next(records) for _ in range(2 * size)]
        assert len(first.responses) == 2
        token = _token(first.responses[-1]).text
        public = public_oai_ids(url)
    assert token

    with live_server("oai-paging-2", **settings) as url:
        second = RecordingSickle(f"{url}/oai2d")
        after = list(second.ListRecords(resumptionToken=token, ignore_deleted=False))
        assert public_oai_ids(url) == public

    responses = first.responses + second.responses
    assert len(responses) == pages
    tokens = [_token(response) for response in responses]
    for number, (response, element) in enumerate(zip(responses, tokens, strict=True)):
        assert_valid(etree.fromstring(response.raw.encode()))
        assert int(element.get("cursor")) == number * size
        assert int(element.get("completeListSize")) == total
        assert (element.text is None) == (number == pages - 1)
    harvested = [record.header for record in before + after]
    identifiers = [header.identifier for header in harvested]
    assert len(identifiers) == len(set(identifiers)) == total
    assert {h.identifier for h in harvested if not h.deleted} == public
