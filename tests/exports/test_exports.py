"""Exports by Accept header and on the landing page: RIS, CSL-JSON, DataCite, DC, JSON-LD."""

import html
import json
import re

import rispy
from invenio_pidstore.models import PersistentIdentifier
from lxml import etree

from msi_rdm.exports.schemaorg import add_msi_fields
from msi_rdm.exports.styles import STYLES
from msi_rdm.films.models import FilmFileModel

DATACITE = "{http://datacite.org/schema/kernel-4}"


def _export(client, record, accept):
    response = client.get(f"/api/records/{record['id']}", headers={"Accept": accept})
    assert response.status_code == 200, response.data
    return response.get_data(as_text=True)


def test_ris_parses_back(client, cited):
    """RIS of a report and a film read back by a RIS parser, with type, title, names, year."""
    report = rispy.loads(_export(client, cited["report"], "application/x-research-info-systems"))
    assert len(report) == 1
    assert report[0]["type_of_reference"] == "RPRT"
    assert cited["word"] in report[0]["title"]
    assert report[0]["authors"] == ["Sjöberg, Karin", "Nod, Erik"]
    assert report[0]["publisher"] == "Högskolan i Borås"
    assert report[0]["year"] == "2025"
    film = rispy.loads(_export(client, cited["film"], "application/x-research-info-systems"))
    assert film[0]["type_of_reference"] == "MPCT"
    assert "Regisson, Maja" in film[0]["authors"]


def test_csl_json_of_film_and_report(client, cited):
    """CSL-JSON: the film is a motion picture with its director; the report has its institution."""
    film = json.loads(_export(client, cited["film"], "application/vnd.citationstyles.csl+json"))
    assert film["type"] == "motion_picture"
    assert film["director"] == [{"family": "Regisson", "given": "Maja"}]
    assert "author" not in film
    report = json.loads(_export(client, cited["report"], "application/vnd.citationstyles.csl+json"))
    assert report["type"] == "report"
    assert report["publisher"] == "Högskolan i Borås"


def test_datacite_exports(client, cited):
    """DataCite XML and JSON: the film is Audiovisual; the node hosts the report."""
    film = etree.fromstring(
        _export(client, cited["film"], "application/vnd.datacite.datacite+xml").encode()
    )
    assert film.find(f"{DATACITE}resourceType").get("resourceTypeGeneral") == "Audiovisual"
    assert film.find(f"{DATACITE}identifier").get("identifierType") == "DOI"
    assert film.findtext(f"{DATACITE}identifier") == cited["film"]["pids"]["doi"]["identifier"]
    report = json.loads(_export(client, cited["report"], "application/vnd.datacite.datacite+json"))
    hosts = [c for c in report["contributors"] if c["contributorType"] == "HostingInstitution"]
    assert hosts[0]["name"] == "Högskolan i Borås"


def test_dublin_core_export(client, cited):
    """Dublin Core XML names the node's university."""
    text = _export(client, cited["report"], "application/x-dc+xml")
    assert "Högskolan i Borås" in text


def test_schema_org_video_object(client, cited, app):
    """JSON-LD: a film is a VideoObject; duration and poster appear only when they exist."""
    film = json.loads(_export(client, cited["film"], "application/ld+json"))
    assert film["@type"] == "VideoObject"
    assert "duration" not in film
    assert "thumbnailUrl" not in film  # no video file, so no poster
    with_duration = add_msi_fields(
        {"id": "x", "custom_fields": {"msi:duration": "PT4M12S"}},
        {"@type": "https://schema.org/VideoObject"},
    )
    assert with_duration["duration"] == "PT4M12S"
    assert "thumbnailUrl" not in with_duration


def _demo_film_recid():
    """Return the id of a demo film that was probed and has a poster."""
    row = FilmFileModel.query.filter_by(key="trygga-platser-i-staden.mp4").one()
    pid = PersistentIdentifier.query.filter_by(pid_type="recid", object_uuid=row.record_id).one()
    return pid.pid_value


def test_schema_org_thumbnail_of_probed_film(client, app):
    """A demo film with a probed poster gets ``thumbnailUrl``; the address serves the JPEG."""
    recid = _demo_film_recid()
    film = json.loads(_export(client, {"id": recid}, "application/ld+json"))
    assert film["duration"].startswith("PT")
    assert film["thumbnailUrl"].endswith(f"/records/{recid}/poster")
    poster = client.get(f"/records/{recid}/poster")
    assert poster.status_code == 200 and poster.data.startswith(b"\xff\xd8")


def test_schema_org_no_thumbnail_when_files_not_public(app):
    """The same film, were its files restricted or embargoed, gets no thumbnail in an export."""
    recid = _demo_film_recid()
    public = {"id": recid, "access": {"files": "public"}}
    restricted = {"id": recid, "access": {"files": "restricted"}}
    embargoed = {"id": recid, "access": {"files": "public", "embargo": {"active": True}}}
    video = {"@type": "https://schema.org/VideoObject"}
    assert "thumbnailUrl" in add_msi_fields(public, video)
    for record in (restricted, embargoed):
        assert "thumbnailUrl" not in add_msi_fields(record, video)


def test_landing_page_offers_every_export(client, cited):
    """The landing page offers the six styles and links each export; each export answers."""
    record_id = cited["report"]["id"]
    page = client.get(f"/records/{record_id}").get_data(as_text=True)
    for name in ("bibtex", "ris", "csl", "datacite-json", "datacite-xml", "dublincore", "json-ld"):
        assert f"/records/{record_id}/export/{name}" in page, name
        response = client.get(f"/records/{record_id}/export/{name}")
        assert response.status_code == 200, name
    picker = re.search(r"data-styles='([^']*)'", page)
    assert picker, "no citation style picker"
    offered = [style for style, _label in json.loads(html.unescape(picker.group(1)))]
    assert offered == list(STYLES)
    ris = client.get(f"/records/{record_id}/export/ris").get_data(as_text=True)
    assert rispy.loads(ris)[0]["type_of_reference"] == "RPRT"


def test_restricted_record_not_exported(client, cited):
    """A restricted record's exports are refused to the public."""
    record_id = cited["restricted"]["id"]
    response = client.get(f"/records/{record_id}/export/ris")
    assert response.status_code != 200
    assert cited["word"] not in response.get_data(as_text=True)


def _demo(client, title):
    """The demo record of this title (the oldest of that title, should tests have copied it)."""
    query = {"q": f'metadata.title:"{title}"', "sort": "oldest", "size": 5}
    hits = client.get("/api/records", query_string=query).json["hits"]["hits"]
    found = [hit for hit in hits if hit["metadata"]["title"] == title]
    assert found, f"the demo record {title!r} is not loaded"
    return found[0]


def test_journal_and_meeting_reach_every_export(client):
    """The journal of an article and the meeting of a conference paper (upstream's custom-field
    dumpers) are in CSL-JSON, Dublin Core and the citation, the vocabulary table in use or not."""
    article = _demo(
        client, "Barnets rätt i praktiken – kommuners arbete med barnkonventionen som lag"
    )
    csl = json.loads(_export(client, article, "application/vnd.citationstyles.csl+json"))
    assert csl["container-title"] == "Nordisk tidskrift för social innovation"
    assert (csl["volume"], csl["issue"], csl["page"]) == ("3", "1", "45-62")
    dublin_core = _export(client, article, "application/x-dc+xml")
    assert "Nordisk tidskrift för social innovation" in dublin_core
    citation = client.get(
        f"/api/records/{article['id']}?style=apa&locale=en-US",
        headers={"Accept": "text/x-bibliography"},
    ).get_data(as_text=True)
    assert "Nordisk tidskrift för social innovation, 3(1), 45–62" in citation
    paper = _demo(
        client, "Koalitioner som arbetssätt – lärdomar från tre regionala samhällsutmaningar"
    )
    csl = json.loads(_export(client, paper, "application/vnd.citationstyles.csl+json"))
    assert csl["event"].startswith("Social Innovation Summit 2022")
