"""SSIF and KB's output types as vocabularies: complete, bilingual, searchable as one types."""

import json

import pytest
from minimum_level import SHARED, kb_output_types


def _all(client, vocabulary):
    response = client.get(f"/api/vocabularies/{vocabulary}", query_string={"size": 1000})
    assert response.status_code == 200
    return {hit["id"]: hit for hit in response.json["hits"]["hits"]}


def test_ssif_has_three_levels_in_swedish_and_english(client):
    """Six areas, their subject groups and subjects, each titled in both languages and linked to
    its parent and its URI at UKÄ."""
    entries = _all(client, "ssif")
    levels = {
        level: [e for e in entries.values() if e["props"]["level"] == level] for level in "123"
    }
    assert len(levels["1"]) == 6 and len(levels["2"]) == 42 and len(levels["3"]) == 297
    for entry in entries.values():
        assert entry["title"]["sv"] and entry["title"]["en"], entry["id"]
        assert entry["props"]["uri"] == f"https://begrepp.uka.se/SSIF/{entry['id']}"
        if entry["props"]["level"] != "1":
            parent = entries[entry["props"]["parent"]]
            assert entry["id"].startswith(parent["id"])
            assert int(parent["props"]["level"]) == int(entry["props"]["level"]) - 1
    assert entries["50402"]["title"] == {"sv": "Socialt arbete", "en": "Social Work"}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/standards/swepub is not present")
def test_ssif_matches_the_national_list(client):
    """Exactly the current (not deprecated) classes of SwePub's SSIF list, with its labels."""
    graph = json.loads((SHARED / "ssif.jsonld").read_text())["@graph"]
    current = {
        node["code"]: node["prefLabelByLang"]
        for node in graph
        if node.get("inScheme") and not node.get("owl:deprecated")
    }
    entries = _all(client, "ssif")
    assert set(entries) == set(current)
    assert all(entries[code]["title"]["sv"] == labels["sv"] for code, labels in current.items())


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/standards/swepub is not present")
def test_output_types_are_kbs_list(client):
    """Every output type of KB's 2019 list, and nothing else, with Swedish and English names."""
    entries = _all(client, "swepuboutputtypes")
    assert {entry["props"]["code"] for entry in entries.values()} == kb_output_types()
    assert all(entry["title"]["sv"] and entry["title"]["en"] for entry in entries.values())


def test_ssif_autocompletes_by_name(client):
    """The deposit form's look-up finds a subject by its code or the start of its English name
    (upstream's vocabulary suggestions search ids and English titles only)."""
    for text in ("50402", "Social Wo"):
        response = client.get("/api/vocabularies/ssif", query_string={"suggest": text})
        assert "50402" in [hit["id"] for hit in response.json["hits"]["hits"]], text


def test_small_vocabularies(client):
    """Three content types, six publication statuses and the six node universities."""
    assert set(_all(client, "swepubcontenttypes")) == {"ref", "vet", "pop"}
    assert "published" in _all(client, "swepubpublicationstatus")
    assert set(_all(client, "msiuniversities")) == {"hb", "hj", "ltu", "mau", "umu", "oru"}
