"""Every record's DataCite XML is valid against DataCite's kernel-4.5 and 4.7 schemas.

The schemas are read from ``../shared/standards`` (SOURCES.md there); without them these tests
skip. Records come from the test instance: the demo collection, plus records deposited here
through the REST API without a publisher.
"""

import pytest
from lxml import etree

from helpers import ROOT, deposit, record_data, token_headers

STANDARDS = ROOT.parent / "shared" / "standards"
NS = "{http://datacite.org/schema/kernel-4}"
XML = "application/vnd.datacite.datacite+xml"
OAI = "{http://www.openarchives.org/OAI/2.0/}"


@pytest.fixture(scope="module")
def schemas():
    """DataCite's kernel-4.5 and (when present) kernel-4.7 schemas."""
    found = {}
    for version in ("4.5", "4.7"):
        path = STANDARDS / f"datacite-kernel-{version}" / "metadata.xsd"
        if path.is_file():
            found[version] = etree.XMLSchema(etree.parse(str(path)))
    if "4.5" not in found:
        pytest.skip(f"DataCite's schemas are not in {STANDARDS} (../shared absent)")
    return found


def _invalid(schemas, resource):
    """``{version: [messages]}`` of the schemas the resource does not satisfy."""
    problems = {}
    for version, schema in schemas.items():
        if not schema.validate(resource):
            problems[version] = [e.message for e in schema.error_log][:3]
    return problems


@pytest.fixture(scope="module")
def without_publisher(app, depositor, datacite):
    """Records deposited through the REST API without a publisher: on their own, in a node."""
    client, headers = app.test_client(), token_headers(depositor.token)
    records = {}
    plain = record_data("Utan förlag, fristående")
    del plain["metadata"]["publisher"]
    records["plain"] = deposit(client, headers, plain)
    node = record_data("Utan förlag, nod i Umeå")
    del node["metadata"]["publisher"]
    node["custom_fields"] = {"msi:node": {"id": "nod-umea"}}
    records["node"] = deposit(client, headers, node)
    return records


def _export(client, record_id):
    response = client.get(f"/api/records/{record_id}", headers={"Accept": XML})
    assert response.status_code == 200, response.data
    return etree.fromstring(response.data)


def test_every_record_valid(app, schemas, without_publisher):
    """All published records (demo collection included): valid 4.5 and 4.7, DOI the identifier."""
    client = app.test_client()
    hits, page = [], 1
    while True:
        found = client.get(f"/api/records?size=100&page={page}").json["hits"]["hits"]
        hits += found
        if len(found) < 100:
            break
        page += 1
    with_doi = {hit["id"] for hit in hits if "doi" in hit.get("pids", {})}
    # Records published while DOIs were off (the bulk path's tests) rightly have none; every
    # record published with DOIs on (the demo collection, this module's) must have one.
    assert len(with_doi) >= 13 + 2, "the demo collection and this module's records"
    assert {record["id"] for record in without_publisher.values()} <= with_doi
    invalid, not_doi = {}, []
    for record_id in [hit["id"] for hit in hits]:
        resource = _export(client, record_id)
        problems = _invalid(schemas, resource)
        if problems:
            invalid[record_id] = problems
        identifier = resource.find(f"{NS}identifier")
        if record_id in with_doi and identifier.get("identifierType") != "DOI":
            not_doi.append(record_id)
        assert resource.find(f"{NS}publisher").text.strip()
    assert invalid == {}
    assert not_doi == []


def test_oai_datacite_valid(app, schemas, datacite):
    """The OAI-PMH ``datacite`` format: every record of every page valid."""
    client = app.test_client()
    url = "/oai2d?verb=ListRecords&metadataPrefix=datacite"
    seen, invalid = 0, {}
    while url:
        root = etree.fromstring(client.get(url).data)
        for record in root.iter(f"{OAI}record"):
            metadata = record.find(f"{OAI}metadata")
            if metadata is None:  # deleted
                continue
            resource = metadata[0]
            seen += 1
            problems = _invalid(schemas, resource)
            if problems:
                invalid[record.findtext(f"{OAI}header/{OAI}identifier")] = problems
        token = root.findtext(f".//{OAI}resumptionToken")
        url = f"/oai2d?verb=ListRecords&resumptionToken={token}" if token else None
    assert seen >= 13
    assert invalid == {}


def test_publisher_without_one(app, schemas, without_publisher):
    """No publisher given: MSI, or the node's university; the landing page an alternate id."""
    client = app.test_client()
    plain = _export(client, without_publisher["plain"]["id"])
    assert plain.findtext(f"{NS}publisher") == "Mötesplats Social Innovation"
    node = _export(client, without_publisher["node"]["id"])
    assert node.findtext(f"{NS}publisher") == "Umeå universitet"
    alternates = [
        (e.get("alternateIdentifierType"), e.text) for e in plain.iter(f"{NS}alternateIdentifier")
    ]
    assert ("URL", f"{app.config['SITE_UI_URL']}/records/{without_publisher['plain']['id']}") in (
        alternates
    )
    assert (
        plain.find(f"{NS}identifier").text
        == without_publisher["plain"]["pids"]["doi"]["identifier"]
    )


def test_publisher_from_community(app, database, without_publisher):
    """A record in a node's community, without publisher or node: the community's university."""
    from invenio_access.permissions import system_identity
    from invenio_communities.proxies import current_communities
    from invenio_rdm_records.proxies import current_rdm_records, current_rdm_records_service

    from msi_rdm.exports.datacite import publisher_name

    record_id = without_publisher["plain"]["id"]
    community = current_communities.service.read(system_identity, "msi-orebro")
    current_rdm_records.record_communities_service.add(
        system_identity, record_id, {"communities": [{"id": community.id}]}
    )
    database.session.commit()
    record = current_rdm_records_service.read(system_identity, record_id).to_dict()
    assert publisher_name(record) == "Örebro universitet"


def test_subjects_with_schemes(app, schemas):
    """Themes and SDGs of a demo record as subjects with scheme and value URIs; types mapped."""
    client = app.test_client()
    hits = client.get("/api/records?size=100&sort=oldest").json["hits"]["hits"]
    tagged = [
        hit
        for hit in hits
        if hit.get("custom_fields", {}).get("msi:sdgs") and hit["custom_fields"].get("msi:themes")
    ]
    assert tagged
    resource = _export(client, tagged[0]["id"])
    subjects = list(resource.iter(f"{NS}subject"))
    schemes = {s.get("subjectScheme"): s for s in subjects}
    assert schemes["MSI themes"].get("schemeURI").endswith("/vocabularies/msithemes/")
    assert schemes["UN Sustainable Development Goals"].get("schemeURI") == (
        "http://metadata.un.org/sdg/"
    )
    assert schemes["UN Sustainable Development Goals"].get("valueURI")
    general = resource.find(f"{NS}resourceType").get("resourceTypeGeneral")
    assert general != "Other"


def test_ssif_subjects_when_present(app):
    """``msi:ssif`` entries become SSIF subjects, once per code and language (the subjects
    shared with the other exports, msi_rdm.oai.mapping); without the field nothing breaks."""
    from msi_rdm.exports.datacite import add_msi_fields
    from msi_rdm.oai.mapping import SSIF_SCHEME_URI

    def ssif(source):
        subjects = add_msi_fields(source, {})["subjects"]
        return [s for s in subjects if s["subjectScheme"] == "SSIF"]

    with app.test_request_context("/"):
        assert ssif({"custom_fields": {}}) == []
        subjects = ssif({"custom_fields": {"msi:ssif": [{"id": "50404"}]}})
    assert sorted(s["lang"] for s in subjects) == ["en", "sv"]
    assert all(s["schemeUri"] == SSIF_SCHEME_URI for s in subjects)
    assert all(s["valueUri"].endswith("/50404") for s in subjects)
