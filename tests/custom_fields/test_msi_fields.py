"""The msi: custom fields: stored, refused when wrong, faceted and filterable."""

import json

import pytest

from helpers import deposit, record_data


def _with_msi_fields(title, **fields):
    data = record_data(title)
    data["custom_fields"] = fields
    return data


def test_msi_fields_round_trip(client, api_headers, unique_word):
    """A record keeps its themes, goals, sectors, node, area, audience, summary and project."""
    fields = {
        "msi:themes": [{"id": "digital-inkludering"}],
        "msi:sdgs": [{"id": "sdg-10"}],
        "msi:sectors": [{"id": "ideburen-sektor"}],
        "msi:node": {"id": "nod-jonkoping"},
        "msi:strategic_area": {"id": "forskningens-roll"},
        "msi:audiences": [{"id": "praktik"}],
        "msi:plain_summary": {"sv": "Kort och klart.", "en": "Short and clear."},
        "msi:project": "Digitala ombud",
    }
    record = deposit(client, api_headers, _with_msi_fields(f"Ombud {unique_word}", **fields))
    stored = client.get(f"/api/records/{record['id']}").json["custom_fields"]
    assert stored["msi:themes"][0]["id"] == "digital-inkludering"
    assert stored["msi:themes"][0]["title"]["sv"] == "Digital inkludering"
    assert stored["msi:node"]["id"] == "nod-jonkoping"
    assert stored["msi:plain_summary"] == {"sv": "Kort och klart.", "en": "Short and clear."}
    assert stored["msi:project"] == "Digitala ombud"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("msi:themes", [{"id": "no-such-theme"}]),
        ("msi:sdgs", [{"id": "sdg-99"}]),
        ("msi:node", {"id": "nod-stockholm"}),
        ("msi:plain_summary", {"xx": "Utan giltigt språk."}),
        ("msi:plain_summary", "En sammanfattning utan språk."),
    ],
)
def test_bad_msi_values_refused(client, api_headers, unique_word, field, value):
    """An unknown vocabulary id or a summary without a language is a 400 naming the field."""
    data = _with_msi_fields(f"Fel {unique_word}", **{field: value})
    response = client.post("/api/records", data=json.dumps(data), headers=api_headers)
    assert response.status_code == 400, response.json
    fields = json.dumps(response.json.get("errors", []))
    assert field in fields
    drafts = client.get(f"/api/user/records?q={unique_word}", headers=api_headers).json
    assert drafts["hits"]["total"] == 0


@pytest.mark.parametrize(
    "facet",
    ["theme", "sdg", "sector", "node", "resource_type", "publication_date", "language", "audience"],
)
def test_facet_present(client, facet):
    """Search results carry every facet practitioners filter by."""
    aggregations = client.get("/api/records").json["aggregations"]
    assert aggregations[facet]["buckets"], facet


@pytest.mark.parametrize(
    ("facet", "value", "path"),
    [
        ("theme", "barnets-ratt", ("msi:themes",)),
        ("sdg", "sdg-04", ("msi:sdgs",)),
        ("sector", "naringsliv", ("msi:sectors",)),
        ("node", "nod-boras", ("msi:node",)),
        ("audience", "policy", ("msi:audiences",)),
    ],
)
def test_filter_by_facet(client, facet, value, path):
    """Filtering by an MSI facet keeps exactly the records with that value."""
    everything = client.get("/api/records", query_string={"size": 100}).json["hits"]
    filtered = client.get("/api/records", query_string={facet: value, "size": 100}).json["hits"]
    assert 0 < filtered["total"] < everything["total"]
    for hit in filtered["hits"]:
        stored = hit["custom_fields"][path[0]]
        ids = [v["id"] for v in stored] if isinstance(stored, list) else [stored["id"]]
        assert value in ids


def test_filter_by_resource_type_and_language(client):
    """Upstream's resource type and language facets filter too."""
    films = client.get("/api/records", query_string={"resource_type": "video", "size": 50}).json
    assert films["hits"]["total"] >= 2
    assert {h["metadata"]["resource_type"]["id"] for h in films["hits"]["hits"]} <= {
        "video",
        "video-eventrecording",
    }
    english = client.get("/api/records", query_string={"language": "eng"}).json["hits"]
    swedish = client.get("/api/records", query_string={"language": "swe"}).json["hits"]
    assert swedish["total"] > english["total"]


def test_landing_page_shows_msi_fields(client, api_headers, unique_word):
    """The landing page lists the MSI fields in the user's language and the plain summary."""
    fields = {
        "msi:themes": [{"id": "jamlik-folkhalsa"}],
        "msi:sdgs": [{"id": "sdg-03"}],
        "msi:plain_summary": {"sv": f"Enkelt sagt {unique_word}.", "en": "Simply put."},
    }
    record = deposit(client, api_headers, _with_msi_fields(f"Hälsa {unique_word}", **fields))
    page = client.get(f"/records/{record['id']}").get_data(as_text=True)
    assert "Jämlik folkhälsa" in page
    assert "Hälsa och välbefinnande" in page
    assert "På klarspråk" in page
    assert f"Enkelt sagt {unique_word}." in page
    client.get("/lang/en")
    english = client.get(f"/records/{record['id']}").get_data(as_text=True)
    assert "Health equity" in english


def test_json_export_carries_msi_fields(client):
    """The JSON export of a demo record includes its msi: fields."""
    hit = client.get("/api/records", query_string={"q": "ESEM", "size": 1}).json["hits"]["hits"][0]
    exported = client.get(f"/records/{hit['id']}/export/json").get_data(as_text=True)
    assert '"msi:themes"' in exported
    assert "arbete-i-framtiden" in exported
