"""With any change to upstream left out, the site answers the same, only slower.

One walk through the site is recorded with every change in place: searches (repeated, paged,
sorted, films, the UI's JSON, a user's drafts), record reads, every export, a formatted citation
(cold and warm), a landing page, OAI-PMH in every format, and service calls as the system. Each
caller is asked: the anonymous visitor, the owner of the records, and the system identity. Then
each change is left out in turn, and the walk must give the same answers; finally all of them
together. Changes of behaviour (``tolerant-indexer``, ``media-file-names``, ``record-dumper``)
are walked too: on these paths they must change nothing either.
"""

import re

import pytest
from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import changes_left_out, deposit, record_data, token_headers
from msi_rdm.demo.files import make_pdf
from msi_rdm.oai.tokens import load_token
from msi_rdm.upstream import CHANGES

EXPORTS = (
    "application/json",
    "application/vnd.inveniordm.v1+json",
    "application/vnd.datacite.datacite+json",
    "application/vnd.datacite.datacite+xml",
    "application/x-dc+xml",
    "application/vnd.citationstyles.csl+json",
    "application/ld+json",
    "application/x-research-info-systems",
    "application/marcxml+xml",
    "application/x-bibtex",
)
OAI_FORMATS = ("oai_dc", "datacite", "oai_datacite", "marcxml", "oai_openaire")
RESPONSE_DATE = re.compile(rb"<responseDate>[^<]*</responseDate>")
EXPIRES = re.compile(rb' expirationDate="[^"]*"')
TOKEN = re.compile(rb"(<resumptionToken[^>]*>)([^<]+)(</resumptionToken>)")
CSRF = re.compile(rb'(csrf[-_]token"? (?:content|value)=")[^"]*')


@pytest.fixture(scope="module")
def walk_records(app, database, depositor, tmp_path_factory):
    """A public report with a PDF, one with restricted files and a restricted one."""
    word = "equivalens" + depositor.email.split("@")[0].split("-")[-1]
    client, headers = app.test_client(), token_headers(depositor.token)
    pdf = make_pdf(tmp_path_factory.mktemp("pdf") / "r.pdf", "Rapport", [f"Om {word} i kommuner."])
    public = record_data(f"Samverkan {word}", files=True)
    files_restricted = record_data(f"Begränsade filer {word}", files=True)
    files_restricted["access"]["files"] = "restricted"
    restricted = record_data(f"Begränsad {word}", access="restricted")
    made = {
        "public": deposit(client, headers, public, {"r.pdf": pdf.read_bytes()}),
        "files_restricted": deposit(client, headers, files_restricted, {"r.pdf": pdf.read_bytes()}),
        "restricted": deposit(client, headers, restricted),
    }
    return word, {name: record["id"] for name, record in made.items()}


def _token_state(match):
    """A resumption token by the position it holds (its text also says when it was made)."""
    state = load_token(match.group(2).decode(), "ListIdentifiers")
    return match.group(1) + repr(state).encode() + match.group(3)


def _answer(response):
    body = response.data
    if response.mimetype and "json" in response.mimetype:
        return response.status_code, response.mimetype, response.get_json()
    body = CSRF.sub(rb"\1", EXPIRES.sub(b"", RESPONSE_DATE.sub(b"<responseDate/>", body)))
    body = TOKEN.sub(_token_state, body)
    return response.status_code, response.mimetype, body


def walk(app, walk_records, depositor):
    """Every answer of the walk, by caller and request."""
    word, ids = walk_records
    client = app.test_client()
    callers = {"anonymous": {}, "owner": {"Authorization": f"Bearer {depositor.token}"}}
    searches = (
        f"/api/records?q={word}",
        f"/api/records?q={word}",  # asked again: facets of a repeated search
        f"/api/records?q={word}&sort=newest&page=1&size=2",
        f"/api/records?q={word}&page=2&size=2",
        "/api/records?q=samverkan%20kommun",
        "/api/records?q=metadata.resource_type.id:video",
        f"/api/records?q={word}&resource_type=publication",
    )
    answers = {}
    for caller, auth in callers.items():
        json_headers = {"Accept": "application/json", "Accept-Language": "sv", **auth}
        for url in searches:
            for accept in ("application/json", "application/vnd.inveniordm.v1+json"):
                response = client.get(url, headers={**json_headers, "Accept": accept})
                answers[caller, url, accept] = _answer(response)
        answers[caller, "drafts"] = _answer(
            client.get(f"/api/user/records?q={word}", headers=json_headers)
        )
        for name, record_id in ids.items():
            for accept in EXPORTS:
                response = client.get(
                    f"/api/records/{record_id}", headers={**json_headers, "Accept": accept}
                )
                answers[caller, name, accept] = _answer(response)
            for attempt in ("cold", "warm"):
                response = client.get(
                    f"/api/records/{record_id}?style=apa&locale=sv-SE",
                    headers={**auth, "Accept": "text/x-bibliography"},
                )
                answers[caller, name, "citation", attempt] = _answer(response)
            page = client.get(f"/records/{record_id}", headers={"Accept-Language": "sv", **auth})
            answers[caller, name, "landing page"] = _answer(page)
    for prefix in OAI_FORMATS:
        identifier = f"oai:{app.config['OAISERVER_ID_PREFIX']}:{ids['public']}"
        response = client.get(
            "/oai2d",
            query_string={"verb": "GetRecord", "identifier": identifier, "metadataPrefix": prefix},
        )
        answers["oai", prefix] = _answer(response)
    answers["oai", "list"] = _answer(
        client.get("/oai2d", query_string={"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    )
    answers["system", "search"] = service.search(system_identity, q=word).to_dict()
    for name, record_id in ids.items():
        answers["system", name] = service.read(system_identity, record_id).to_dict()
    return answers


@pytest.fixture(scope="module")
def with_every_change(app, walk_records, depositor):
    """The walk's answers with every change in place (twice: caches filled the second time)."""
    walk(app, walk_records, depositor)
    return walk(app, walk_records, depositor)


def differences(expected, got):
    """The keys whose answers differ, for a readable failure."""
    return [key for key in expected if expected[key] != got.get(key)]


def test_the_walk_sees_what_it_should(with_every_change, walk_records):
    """The walk is not vacuous: hits, snippets, refusals, exports and OAI records are there."""
    word, ids = walk_records
    status, _, found = with_every_change["owner", f"/api/records?q={word}", "application/json"]
    assert status == 200 and found["hits"]["total"] == 3
    assert any("highlight" in hit for hit in found["hits"]["hits"])
    status, _, anonymous = with_every_change[
        "anonymous", f"/api/records?q={word}", "application/json"
    ]
    assert anonymous["hits"]["total"] == 2  # the restricted record is the owner's alone
    assert with_every_change["anonymous", "restricted", "application/json"][0] == 403
    assert with_every_change["owner", "restricted", "application/json"][0] == 200
    assert b"<record>" in with_every_change["oai", "oai_dc"][2]
    assert with_every_change["anonymous", "public", "citation", "warm"][0] == 200
    assert all(status == 200 for status, _, _ in (with_every_change["oai", p] for p in OAI_FORMATS))
    films = with_every_change[
        "anonymous", "/api/records?q=metadata.resource_type.id:video", "application/json"
    ][2]
    assert any("poster" in hit.get("msi_film", {}) for hit in films["hits"]["hits"])


@pytest.mark.parametrize("name", list(CHANGES))
def test_each_change_left_out_gives_the_same_answers(
    app, walk_records, depositor, with_every_change, name
):
    """Leaving one change out changes no answer, for any caller."""
    with changes_left_out(app, name):
        assert not CHANGES[name].active
        without = walk(app, walk_records, depositor)
    assert differences(with_every_change, without) == []


def test_every_change_left_out_gives_the_same_answers(
    app, walk_records, depositor, with_every_change
):
    """Leaving all of them out at once changes no answer either."""
    with changes_left_out(app):
        assert not any(change.active for change in CHANGES.values())
        without = walk(app, walk_records, depositor)
    assert differences(with_every_change, without) == []
    assert all(change.active for change in CHANGES.values())
