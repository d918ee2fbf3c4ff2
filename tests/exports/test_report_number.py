"""A report's number in its series (``msi:report_number``) reaches every export with a slot for it,
read back by the formats' own readers; other resource types keep it out of their exports."""

import json

import bibtexparser
import pytest
from bibtexparser.bparser import BibTexParser
from lxml import etree, html

from helpers import deposit_each, film_data, record_data, token_headers

NUMBER = "2025:3"
MARC = "{http://www.loc.gov/MARC21/slim}"


def _export(client, record, accept):
    response = client.get(f"/api/records/{record['id']}", headers={"Accept": accept})
    assert response.status_code == 200, response.data
    return response.get_data(as_text=True)


@pytest.fixture(scope="module")
def numbered(app, depositor):
    """A report and a film, both given a report number."""
    report = record_data("Rapport med nummer msireportnumber")
    film = film_data("Film med nummer msireportnumber")
    for data in (report, film):
        data["custom_fields"] = {**data.get("custom_fields", {}), "msi:report_number": NUMBER}
    return deposit_each(app, depositor, report=report, film=film)


def test_report_number_in_csl_bibtex_schemaorg_and_citations(client, numbered):
    """CSL-JSON ``number``, BibTeX's techreport ``number`` (read by bibtexparser), schema.org's
    ``reportNumber``, and the formatted citation."""
    report = numbered["report"]
    assert report["custom_fields"]["msi:report_number"] == NUMBER
    csl = json.loads(_export(client, report, "application/vnd.citationstyles.csl+json"))
    assert csl["type"] == "report" and csl["number"] == NUMBER
    text = _export(client, report, "application/x-bibtex")
    entry = bibtexparser.loads(text, BibTexParser(common_strings=True)).entries[0]
    assert entry["ENTRYTYPE"] == "techreport" and entry["number"] == NUMBER
    jsonld = json.loads(_export(client, report, "application/ld+json"))
    assert jsonld["@type"] == "Report" and jsonld["reportNumber"] == NUMBER
    response = client.get(
        f"/api/records/{report['id']}?style=apa&locale=sv-SE",
        headers={"Accept": "text/x-bibliography"},
    )
    assert NUMBER in response.get_data(as_text=True)


def test_report_number_in_marc_and_citation_tags(client, numbered):
    """MARC21's 088 $a over OAI-PMH, and Google Scholar's ``citation_technical_report_number``."""
    report = numbered["report"]
    response = client.get(
        "/oai2d",
        query_string={
            "verb": "GetRecord",
            "identifier": report["pids"]["oai"]["identifier"],
            "metadataPrefix": "marcxml",
        },
    )
    tree = etree.fromstring(response.data)
    numbers = [
        field.findtext(f"{MARC}subfield[@code='a']")
        for field in tree.iter(f"{MARC}datafield")
        if field.get("tag") == "088"
    ]
    assert numbers == [NUMBER]
    page = html.fromstring(client.get(f"/records/{report['id']}").data)
    tags = page.xpath("//head/meta[@name='citation_technical_report_number']/@content")
    assert tags == [NUMBER]


def test_a_film_keeps_its_number_out_of_the_exports(client, numbered):
    """Only reports are cited with a number: a film's stays in the record, not in its exports."""
    film = numbered["film"]
    assert film["custom_fields"]["msi:report_number"] == NUMBER
    csl = json.loads(_export(client, film, "application/vnd.citationstyles.csl+json"))
    assert "number" not in csl
    assert "reportNumber" not in json.loads(_export(client, film, "application/ld+json"))
    page = html.fromstring(client.get(f"/records/{film['id']}").data)
    assert not page.xpath("//head/meta[@name='citation_technical_report_number']")


@pytest.mark.parametrize(
    ("value", "reason"),
    [("<b>2025:3</b>", "plain text"), ("x" * 101, "Longer than maximum length 100")],
)
def test_a_bad_report_number_is_refused_with_the_reason(client, depositor, value, reason):
    """Markup or an overlong number: a 400 whose error names the field and says why."""
    data = record_data("Rapport med fel nummer msireportnumber")
    data["custom_fields"] = {"msi:report_number": value}
    headers = token_headers(depositor.token)
    response = client.post("/api/records", headers=headers, data=json.dumps(data))
    assert response.status_code == 400, response.json
    errors = json.dumps(response.json.get("errors", []), ensure_ascii=False)
    assert "msi:report_number" in errors and reason in errors, errors


def test_the_deposit_form_offers_the_field(app):
    """The form's MSI section has the field, labelled in Swedish."""
    from flask_babel import force_locale

    section = app.config["RDM_CUSTOM_FIELDS_UI"]
    widgets = [field for part in section for field in part["fields"]]
    found = [w for w in widgets if w["field"] == "msi:report_number"]
    assert len(found) == 1
    with app.test_request_context("/"), force_locale("sv"):
        assert str(found[0]["props"]["label"]) == "Rapportnummer"
