"""A record's life through the public entry points: deposit, search, landing page, citation, OAI."""

import xml.etree.ElementTree as ET

from helpers import deposit, record_data
from msi_rdm.demo.files import make_pdf

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def test_published_record_is_found_by_search(client, api_headers, unique_word, tmp_path):
    """A record published through the REST API is found by a search for a word of its title."""
    pdf = make_pdf(tmp_path / "rapport.pdf", "Rapport", ["Kort text om social innovation."])
    record = deposit(
        client,
        api_headers,
        record_data(f"Samverkan i {unique_word}", files=True),
        {"rapport.pdf": pdf.read_bytes()},
    )
    assert record["is_published"]

    hits = client.get(f"/api/records?q={unique_word}").json["hits"]
    assert hits["total"] == 1
    assert hits["hits"][0]["id"] == record["id"]
    assert hits["hits"][0]["files"]["count"] == 1


def test_landing_page_renders_the_title(client, api_headers, unique_word):
    """The landing page of a published record renders, with its title."""
    record = deposit(client, api_headers, record_data(f"Trygghet och {unique_word}"))
    response = client.get(f"/records/{record['id']}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"Trygghet och {unique_word}" in page
    assert "Mötesplats Social Innovation" in page


def test_restricted_record_is_hidden_from_anonymous_search(client, api_headers, unique_word):
    """A restricted record is found by its owner but by no anonymous search."""
    data = record_data(f"Hemlig {unique_word}", access="restricted")
    record = deposit(client, api_headers, data)
    assert client.get(f"/api/records?q={unique_word}").json["hits"]["total"] == 0
    assert client.get(f"/api/records/{record['id']}").status_code == 403
    own = client.get(f"/api/records?q={unique_word}", headers=api_headers).json
    assert own["hits"]["total"] == 1


def test_apa_citation(client, api_headers, unique_word):
    """A formatted APA citation names the creator, the year and the title."""
    record = deposit(client, api_headers, record_data(f"Arbete i framtiden {unique_word}"))
    response = client.get(
        f"/api/records/{record['id']}?style=apa", headers={"Accept": "text/x-bibliography"}
    )
    assert response.status_code == 200
    citation = response.get_data(as_text=True)
    assert "Sjöberg, K." in citation
    assert "(2025)" in citation
    assert f"Arbete i framtiden {unique_word}" in citation


def test_oai_pmh_identify(client):
    """The OAI-PMH endpoint identifies the repository."""
    response = client.get("/oai2d?verb=Identify")
    assert response.status_code == 200
    tree = ET.fromstring(response.data)
    identify = tree.find(f"{OAI}Identify")
    assert identify is not None
    assert identify.findtext(f"{OAI}protocolVersion") == "2.0"
    assert identify.findtext(f"{OAI}repositoryName")
