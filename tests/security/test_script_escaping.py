"""Script tags typed into any text field are shown as text wherever they render."""

import json
import uuid

import pytest
from invenio_search import current_search

from helpers import Caller, deposit, new_user, record_data, refresh_indices

SCRIPT = "<script>alert('msi')</script>"
ESCAPED = ("&lt;script&gt;", "&lt;script>", "&#60;script", "&#x3c;script")
COORD_BORAS = "msi-coordinator-nod-boras"


def _assert_escaped(text, where):
    assert "<script>alert" not in text, where
    assert any(form in text.lower() for form in ESCAPED), where


@pytest.fixture(scope="module")
def marked_record(app, depositor):
    """A public record with a script tag in its title, description, creator, keyword and summary."""
    word = "msitestxss" + uuid.uuid4().hex[:8]
    data = record_data(f"{word} {SCRIPT}")
    data["metadata"]["description"] = f"Beskrivning {SCRIPT}"
    data["metadata"]["subjects"] = [{"subject": f"nyckelord {SCRIPT}"}]
    data["metadata"]["creators"][0]["person_or_org"]["family_name"] = f"Sjöberg {SCRIPT}"
    data["custom_fields"] = {"msi:plain_summary": {"sv": f"Klarspråk {SCRIPT}"}}
    client = app.test_client()
    headers = {
        "Authorization": f"Bearer {depositor.token}",
        "Content-Type": "application/json",
        "Accept": "application/json",
    }
    record = deposit(client, headers, data)
    return word, record


def test_landing_page(client, marked_record):
    """The landing page shows every marked field as text."""
    _, record = marked_record
    page = client.get(f"/records/{record['id']}").get_data(as_text=True)
    _assert_escaped(page, "landing page")
    assert page.count("<script>alert") == 0


def test_search_highlights(client, marked_record):
    """Search snippets (HTML the UI shows as is) escape what the record says."""
    word, record = marked_record
    response = client.get("/api/records", query_string={"q": f"{word} OR script OR alert"})
    hits = [hit for hit in response.json["hits"]["hits"] if hit["id"] == record["id"]]
    assert hits
    assert "<script>" not in json.dumps(hits[0].get("highlight", {}))


@pytest.mark.parametrize("style", ["apa", "harvard-cite-them-right", "chicago-author-date"])
def test_citations(client, marked_record, style):
    """Formatted citations are plain text, which a browser never runs as markup: the record's
    words as they are, served as text/plain with nosniff; the landing page (HTML) escapes them."""
    _, record = marked_record
    response = client.get(
        f"/api/records/{record['id']}",
        query_string={"style": style, "locale": "sv"},
        headers={"Accept": "text/x-bibliography"},
    )
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert "&lt;" not in response.get_data(as_text=True), "plain text is not HTML-escaped"


@pytest.mark.parametrize(
    "prefix", ["oai_dc", "datacite", "oai_datacite", "marcxml", "oai_openaire"]
)
def test_oai_pmh(client, marked_record, prefix):
    """OAI-PMH serves the fields as escaped text in well-formed XML."""
    _, record = marked_record
    response = client.get(
        "/oai2d",
        query_string={
            "verb": "GetRecord",
            "identifier": record["pids"]["oai"]["identifier"],
            "metadataPrefix": prefix,
        },
    )
    assert response.status_code == 200
    _assert_escaped(response.get_data(as_text=True), prefix)


@pytest.mark.parametrize("fmt", ["ris", "dublincore", "datacite-xml", "json-ld", "csl"])
def test_exports(client, marked_record, fmt):
    """Exports from the landing page never carry the script as markup into an HTML context."""
    _, record = marked_record
    response = client.get(f"/records/{record['id']}/export/{fmt}")
    assert response.status_code == 200
    if "html" in response.content_type:
        _assert_escaped(response.get_data(as_text=True), fmt)


def test_researcher_profile(client, database):
    """A profile's name, expertise, bio and website label are text on its public page."""
    researcher = Caller(client, new_user(database, "xss-researcher"))
    coordinator = Caller(client, new_user(database, "xss-coord", [COORD_BORAS]))
    data = {
        "given_name": f"Lina {SCRIPT}",
        "family_name": "Ek",
        "node": {"id": "nod-boras"},
        "expertise": [f"dialog {SCRIPT}"],
        "bio": {"sv": f"Forskar {SCRIPT}"},
        "websites": [{"url": "https://example.org/lina", "label": f"Hem {SCRIPT}"}],
    }
    created = researcher.post("/api/researchers", data)
    assert created.status_code == 201, created.json
    profile_id = created.json["id"]
    approved = coordinator.post(f"/api/researchers/{profile_id}/actions/approve", {"comment": "Ok"})
    assert approved.status_code == 200, approved.json
    current_search.flush_and_refresh("researchers")
    page = client.get(f"/researchers/{profile_id}").get_data(as_text=True)
    _assert_escaped(page, "profile page")
    directory = client.get("/researchers", query_string={"q": "Ek"}).get_data(as_text=True)
    assert "<script>alert" not in directory
    refresh_indices()
