"""MSI's vocabularies: counts, bilingual titles, identifiers and type mappings through the API."""

import pytest

EXPECTED = {
    "msithemes": 5,
    "sdgs": 17,
    "msisectors": 4,
    "msinodes": 7,
    "msistrategicareas": 3,
    "msiaudiences": 3,
}


@pytest.mark.parametrize(("vocabulary", "count"), EXPECTED.items())
def test_vocabulary_count_and_bilingual_titles(client, vocabulary, count):
    """Each MSI vocabulary has its entries, every one titled in Swedish and English."""
    response = client.get(f"/api/vocabularies/{vocabulary}", query_string={"size": 50})
    assert response.status_code == 200
    hits = response.json["hits"]
    assert hits["total"] == count
    for hit in hits["hits"]:
        assert hit["title"]["sv"] and hit["title"]["en"], hit["id"]


def test_themes_are_msis_five(client):
    """The five MSI themes, with their Swedish names."""
    hits = client.get("/api/vocabularies/msithemes").json["hits"]["hits"]
    assert {hit["title"]["sv"] for hit in hits} == {
        "Barnets rätt",
        "Jämlik folkhälsa",
        "Arbete i framtiden",
        "Trygghet i det offentliga rummet",
        "Digital inkludering",
    }


def test_sdgs_link_to_un_goal_uris(client):
    """Each goal carries its official names and its UN vocabulary URI."""
    goal = client.get("/api/vocabularies/sdgs/sdg-05").json
    assert goal["title"] == {"sv": "Jämställdhet", "en": "Gender Equality"}
    assert goal["props"]["uri"] == "http://metadata.un.org/sdg/5"


def test_nodes_carry_ror_ids(client):
    """Every university node names its ROR id; the national office sits in Malmö."""
    hits = client.get("/api/vocabularies/msinodes", query_string={"size": 10}).json["hits"]
    rors = {hit["id"]: hit["props"].get("ror") for hit in hits["hits"]}
    assert rors["nod-lulea"] == "016st3p78"
    assert rors["nod-boras"] == "01fdxwh83"
    assert rors["nationellt-kansli"] == "05wp7an13"
    assert all(rors.values())


def test_affiliations_and_funders(client):
    """The six universities are affiliations with ROR ids; MSI's funders are present."""
    affiliations = client.get("/api/affiliations", query_string={"size": 50}).json["hits"]
    assert affiliations["total"] >= 6
    ids = {hit["id"] for hit in affiliations["hits"]}
    assert {"05wp7an13", "05kb8h459", "016st3p78", "05kytsw45", "03t54am93", "01fdxwh83"} <= ids
    funders = client.get("/api/funders", query_string={"size": 50}).json["hits"]["hits"]
    names = " ".join(hit["name"] for hit in funders)
    assert "Vinnova" in names
    assert "European Commission" in names


@pytest.mark.parametrize(
    ("type_id", "datacite", "csl", "schema_org"),
    [
        ("publication-report", "Report", "report", "Report"),
        ("publication-policybrief", "Report", "report", "Report"),
        ("video", "Audiovisual", "motion_picture", "VideoObject"),
        ("video-eventrecording", "Audiovisual", "motion_picture", "VideoObject"),
        ("dataset-survey", "Dataset", "dataset", "Dataset"),
    ],
)
def test_resource_type_mappings(client, type_id, datacite, csl, schema_org):
    """MSI's resource types map to DataCite, CSL, schema.org and OpenAIRE types."""
    props = client.get(f"/api/vocabularies/resourcetypes/{type_id}").json["props"]
    assert props["datacite_general"] == datacite
    assert props["csl"] == csl
    assert props["schema.org"].endswith(schema_org)
    assert props["openaire_resourceType"]
