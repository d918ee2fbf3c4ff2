"""Landing pages carry Google Scholar's citation tags, read from the HTML as a crawler does."""

from urllib.parse import urlsplit

import pytest
from lxml import html

from helpers import deposit, record_data, token_headers


def _tags(client, record_id):
    """``{name: [content, ...]}`` of the page's ``<meta name="citation_*">`` tags, in order."""
    response = client.get(f"/records/{record_id}")
    assert response.status_code == 200
    tags = {}
    for meta in html.fromstring(response.data).xpath(
        "//head/meta[starts-with(@name, 'citation_')]"
    ):
        tags.setdefault(meta.get("name"), []).append(meta.get("content"))
    return tags


@pytest.fixture(scope="module")
def records(app, depositor):
    """A report by a person and an organisation, and an English dataset with a year-only date."""
    client, headers = app.test_client(), token_headers(depositor.token)
    report = record_data("Rapport om <em>sociala</em> företag msicitationtags", files=False)
    report["metadata"]["creators"].append(
        {"person_or_org": {"type": "organizational", "name": "Mötesplats Social Innovation"}}
    )
    report["metadata"]["subjects"] = [{"subject": "socialt företagande"}]
    dataset = record_data("Enkätdata msicitationtags", resource_type="dataset")
    dataset["metadata"]["publication_date"] = "2019"
    dataset["metadata"]["languages"] = [{"id": "eng"}, {"id": "swe"}]
    del dataset["metadata"]["publisher"]
    return {
        "report": deposit(client, headers, report),
        "dataset": deposit(client, headers, dataset),
    }


def test_report_carries_scholars_required_and_report_tags(client, records):
    """Title, authors in order, the date as YYYY/MM/DD, language, the report's institution."""
    tags = _tags(client, records["report"]["id"])
    assert tags["citation_title"] == ["Rapport om sociala företag msicitationtags"]
    assert tags["citation_author"] == ["Sjöberg, Karin", "Mötesplats Social Innovation"]
    assert tags["citation_publication_date"] == ["2025/03/14"]
    assert tags["citation_language"] == ["sv"]
    assert tags["citation_technical_report_institution"] == ["Mötesplats Social Innovation"]
    assert tags["citation_publisher"] == ["Mötesplats Social Innovation"]
    assert tags["citation_keywords"] == ["socialt företagande"]
    # The test instance registers DOIs (at the fake DataCite): the tag is the DOI alone.
    assert tags["citation_doi"] == [records["report"]["pids"]["doi"]["identifier"]]
    assert tags["citation_abstract_html_url"][0].endswith(f"/records/{records['report']['id']}")


def test_dataset_has_its_year_and_languages_but_no_report_institution(client, records):
    """A year-only date stays a year; each language is a tag; only reports name an institution."""
    tags = _tags(client, records["dataset"]["id"])
    assert tags["citation_publication_date"] == ["2019"]
    assert tags["citation_language"] == ["en", "sv"]
    assert "citation_technical_report_institution" not in tags
    assert "citation_publisher" not in tags


def test_every_demo_landing_page_has_the_required_tags(client, app):
    """Google Scholar's three required tags on every public demo record's landing page."""
    import yaml

    from helpers import ROOT

    titles = [r["title"] for r in yaml.safe_load((ROOT / "app_data/demo/records.yaml").read_text())]
    for title in titles:
        hits = client.get("/api/records", query_string={"q": f'"{title}"', "size": 1}).json
        (hit,) = hits["hits"]["hits"]
        tags = _tags(client, hit["id"])
        assert tags["citation_title"] and tags["citation_author"], title
        date = hit["metadata"]["publication_date"].split("/")[0]
        assert tags["citation_publication_date"] == [date.replace("-", "/")], title


def test_doi_tag_when_the_record_has_a_doi(app, records):
    """citation_doi is the DOI alone, given only when the record has one."""
    from msi_rdm.discovery.highwire import highwire_tags

    record = {**records["report"], "pids": {"doi": {"identifier": "10.5281/msi.123"}}}
    with app.test_request_context():
        tags = dict(highwire_tags(record))
        without = dict(highwire_tags({**records["report"], "pids": {}}))
    assert tags["citation_doi"] == "10.5281/msi.123"
    assert "citation_doi" not in without


def test_pdf_url_only_for_those_who_may_read_the_files(app, client, depositor):
    """citation_pdf_url names a public PDF; a record whose files are restricted has none."""
    from msi_rdm.demo.files import make_pdf

    headers = token_headers(depositor.token)
    api = app.test_client()
    open_data = record_data("Öppen pdf msicitationtags", files=True)
    closed_data = record_data("Stängd pdf msicitationtags", files=True)
    closed_data["access"]["files"] = "restricted"
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        pdf = make_pdf(Path(folder) / "a.pdf", "Rapport", ["Text."]).read_bytes()
    opened = deposit(api, headers, open_data, {"rapport.pdf": pdf})
    closed = deposit(api, headers, closed_data, {"rapport.pdf": pdf})
    urls = _tags(client, opened["id"])["citation_pdf_url"]
    assert len(urls) == 1
    path = urlsplit(urls[0]).path
    assert path == f"/records/{opened['id']}/files/rapport.pdf"
    assert client.get(path).status_code == 200
    assert "citation_pdf_url" not in _tags(client, closed["id"])
