"""OAI-PMH verbs, formats, sets, deletions and errors, through the Flask test client."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import current_app
from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service
from lxml import etree
from oai_support import NS, assert_valid, error_code, get_oai, oai_id

from helpers import deposit, record_data, refresh_indices

OAI = NS["oai"]
FORMATS = ("oai_dc", "datacite", "oai_datacite", "marcxml", "oai_openaire", "swepub_mods")


def _headers(tree):
    return tree.iter(f"{OAI}header")


def _record_metadata(client, record, prefix):
    tree = get_oai(client, verb="GetRecord", identifier=oai_id(record), metadataPrefix=prefix)
    assert error_code(tree) is None, tree
    if prefix in ("oai_dc", "datacite", "marcxml"):
        assert_valid(tree)
    return tree.find(f"{OAI}GetRecord/{OAI}record/{OAI}metadata")[0]


def test_identify_names_the_repository(client):
    """Identify: MSI's name, admin e-mail, persistent deletions and the configured id prefix."""
    tree = get_oai(client, verb="Identify")
    assert_valid(tree)
    identify = tree.find(f"{OAI}Identify")
    config = current_app.config
    assert identify.findtext(f"{OAI}repositoryName") == config["OAISERVER_REPOSITORY_NAME"]
    assert identify.findtext(f"{OAI}adminEmail") == "info@motesplatssocialinnovation.se"
    assert identify.findtext(f"{OAI}deletedRecord") == "persistent"
    assert identify.findtext(f"{OAI}granularity") == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext(f"{OAI}baseURL").endswith("/oai2d")
    repository = identify.find(f"{OAI}description")[0]
    assert repository[1].text == config["OAISERVER_ID_PREFIX"] == "motesplatssocialinnovation.se"


def test_record_identifiers_use_the_prefix(oai_records):
    """Records are minted ``oai:<domain>:<id>``."""
    report = oai_records["report"]
    assert oai_id(report) == f"oai:motesplatssocialinnovation.se:{report['id']}"


def test_metadata_formats_listed(client, oai_records):
    """ListMetadataFormats lists all six formats, for the repository and for one record."""
    for arguments in ({}, {"identifier": oai_id(oai_records["report"])}):
        tree = get_oai(client, verb="ListMetadataFormats", **arguments)
        assert_valid(tree)
        prefixes = [e.text for e in tree.iter(f"{OAI}metadataPrefix")]
        assert sorted(prefixes) == sorted(FORMATS)


def test_sets_listed(client):
    """ListSets: node communities, themes, SDGs, resource types and openaire."""
    tree = get_oai(client, verb="ListSets")
    assert_valid(tree)
    specs = {e.text for e in tree.iter(f"{OAI}setSpec")}
    for spec in (
        "openaire",
        "community",
        "community:msi-boras",
        "theme:barnets-ratt",
        "sdg:sdg-05",
        "type:publication-report",
        "type:video",
    ):
        assert spec in specs


def test_every_format_of_a_report(client, oai_records):
    """Each format answers; the strict ones validate against their XSDs."""
    for prefix in FORMATS:
        assert _record_metadata(client, oai_records["report"], prefix) is not None


def test_oai_dc_carries_msi_fields(client, oai_records):
    """oai_dc: theme and SDG subjects (labels and URIs), node university, COAR type."""
    dc = _record_metadata(client, oai_records["report"], "oai_dc")
    subjects = [e.text for e in dc.iter(f"{NS['dc']}subject")]
    assert "Barnets rätt" in subjects and "Children's rights" in subjects
    assert "http://metadata.un.org/sdg/5" in subjects
    assert "Högskolan i Borås" in [e.text for e in dc.iter(f"{NS['dc']}contributor")]
    assert "http://purl.org/coar/resource_type/c_93fc" in [
        e.text for e in dc.iter(f"{NS['dc']}type")
    ]


def test_datacite_carries_msi_fields(client, oai_records):
    """DataCite: subjects with scheme and value URIs; node as hosting institution with ROR."""
    resource = _record_metadata(client, oai_records["report"], "datacite")
    subjects = {e.text: e.attrib for e in resource.iter(f"{NS['datacite']}subject")}
    sdg = subjects["Gender Equality"]
    assert sdg["subjectScheme"] == "UN Sustainable Development Goals"
    assert sdg["schemeURI"] == "http://metadata.un.org/sdg/"
    assert sdg["valueURI"] == "http://metadata.un.org/sdg/5"
    assert subjects["Barnets rätt"]["valueURI"].endswith("/vocabularies/msithemes/barnets-ratt")
    host = [
        e
        for e in resource.iter(f"{NS['datacite']}contributor")
        if e.get("contributorType") == "HostingInstitution"
    ][0]
    assert host.findtext(f"{NS['datacite']}contributorName") == "Högskolan i Borås"
    assert host.findtext(f"{NS['datacite']}nameIdentifier") == "https://ror.org/01fdxwh83"


def test_film_is_audiovisual(client, oai_records):
    """A film is DataCite Audiovisual and an OpenAIRE resource with its COAR video type."""
    resource = _record_metadata(client, oai_records["film"], "datacite")
    kind = resource.find(f"{NS['datacite']}resourceType")
    assert kind.get("resourceTypeGeneral") == "Audiovisual"
    openaire = _record_metadata(client, oai_records["film"], "oai_openaire")
    assert (
        openaire.find(f"{NS['oaire']}resourceType")
        .get("uri")
        .startswith("http://purl.org/coar/resource_type/")
    )


def test_openaire_report(client, oai_records):
    """oai_openaire: literature with its COAR type, access right, subjects and host ROR."""
    resource = _record_metadata(client, oai_records["report"], "oai_openaire")
    kind = resource.find(f"{NS['oaire']}resourceType")
    assert kind.get("resourceTypeGeneral") == "literature"
    assert kind.get("uri") == "http://purl.org/coar/resource_type/c_93fc"
    rights = resource.find(f"{NS['datacite']}rights")
    assert rights.get("rightsURI") == "http://purl.org/coar/access_right/c_14cb"
    schemes = {e.get("subjectScheme") for e in resource.iter(f"{NS['datacite']}subject")}
    assert {"MSI themes", "UN Sustainable Development Goals"} <= schemes
    identifiers = [e.text for e in resource.iter(f"{NS['datacite']}nameIdentifier")]
    assert "https://ror.org/01fdxwh83" in identifiers


def test_script_tags_are_escaped(client, oai_records):
    """A title with a script tag comes out as text, never as markup."""
    response = client.get(
        "/oai2d",
        query_string={
            "verb": "GetRecord",
            "identifier": oai_id(oai_records["report"]),
            "metadataPrefix": "oai_dc",
        },
    )
    assert b"<script>" not in response.data
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.data


def test_sets_select_their_records(client, oai_records):
    """A set harvest returns its members only, and each header lists the record's sets."""
    report, film = oai_id(oai_records["report"]), oai_id(oai_records["film"])
    cases = {
        "theme:barnets-ratt": (report, film),
        "sdg:sdg-05": (report, film),
        "type:video": (film, report),
        "openaire": (report, film),
    }
    since = oai_records["since"]
    for spec, (inside, outside) in cases.items():
        tree = get_oai(
            client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec, **{"from": since}
        )
        found = {h.findtext(f"{OAI}identifier"): h for h in _headers(tree)}
        assert inside in found and outside not in found, spec
        assert spec in [e.text for e in found[inside].iter(f"{OAI}setSpec")]
    tree = get_oai(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="community:msi-boras"
    )
    headers = list(_headers(tree))
    assert headers
    for header in headers:
        assert "community:msi-boras" in [e.text for e in header.iter(f"{OAI}setSpec")]


def test_restricted_records_stay_out(client, oai_records):
    """A restricted record is neither listed nor retrievable, in any format."""
    record = oai_records["restricted"]
    hidden = f"oai:{current_app.config['OAISERVER_ID_PREFIX']}:{record['id']}"
    for prefix in FORMATS:
        tree = get_oai(client, verb="GetRecord", identifier=hidden, metadataPrefix=prefix)
        assert error_code(tree) == "idDoesNotExist"
    since = oai_records["since"]
    tree = get_oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": since})
    assert hidden not in [h.findtext(f"{OAI}identifier") for h in _headers(tree)]
    listed = get_oai(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": since})
    assert f"Begränsad rapport {oai_records['word']}" not in listed.xpath("string()")


def test_deleted_record_is_a_deleted_header(client, api_headers, unique_word):
    """A deleted record stays as a deleted header in GetRecord and lists, and from/until see it."""
    record = deposit(client, api_headers, record_data(f"Tas bort {unique_word}"))
    before = datetime.now(UTC) - timedelta(seconds=2)
    current_rdm_records_service.delete_record(
        system_identity, record["id"], {"removal_reason": {"id": "spam"}, "is_visible": True}
    )
    refresh_indices()
    identifier = oai_id(record)
    tree = get_oai(client, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert_valid(tree)
    header = tree.find(f"{OAI}GetRecord/{OAI}record/{OAI}header")
    assert header.get("status") == "deleted"
    assert tree.find(f"{OAI}GetRecord/{OAI}record/{OAI}metadata") is None
    stamp = before.strftime("%Y-%m-%dT%H:%M:%SZ")
    for verb in ("ListIdentifiers", "ListRecords"):
        tree = get_oai(client, verb=verb, metadataPrefix="oai_dc", **{"from": stamp})
        assert_valid(tree)
        deleted = {
            h.findtext(f"{OAI}identifier") for h in _headers(tree) if h.get("status") == "deleted"
        }
        assert identifier in deleted
    tree = get_oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until=stamp)
    assert identifier not in [h.findtext(f"{OAI}identifier") for h in _headers(tree)]


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "Identify", "set": "x"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2025-02-01",
                "until": "2025-01-01",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2025-01-01",
                "until": "2025-02-01T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "not-a-token"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "identifier": "oai:nowhere:1", "metadataPrefix": "oai_dc"},
            "idDoesNotExist",
        ),
        ({"verb": "ListMetadataFormats", "identifier": "oai:nowhere:1"}, "idDoesNotExist"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "theme:no-such-theme"},
            "noRecordsMatch",
        ),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2999-01-01"},
            "noRecordsMatch",
        ),
    ],
)
def test_error_codes(client, arguments, code):
    """Every OAI-PMH error code where it belongs, as a valid OAI-PMH answer with HTTP 200."""
    tree = get_oai(client, **arguments)
    assert_valid(tree)
    assert error_code(tree) == code
    if code in ("badVerb", "badArgument"):
        assert not tree.find(f"{OAI}request").attrib


def test_repeated_arguments_are_refused(client):
    """A repeated argument is a badArgument; a repeated verb a badVerb."""
    response = client.get("/oai2d?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=datacite")
    assert error_code(etree.fromstring(response.data)) == "badArgument"
    response = client.get("/oai2d?verb=Identify&verb=Identify")
    assert error_code(etree.fromstring(response.data)) == "badVerb"


def test_post_is_answered(client):
    """Harvesters may POST their arguments."""
    response = client.post("/oai2d", data={"verb": "Identify"})
    assert response.status_code == 200
    assert etree.fromstring(response.data).find(f"{OAI}Identify") is not None


def test_records_restricted_mid_harvest_end_it_cleanly(client, api_headers, unique_word, app):
    """If all records still to come turn restricted, the next page is noRecordsMatch, not empty."""
    import json
    import time

    time.sleep(1)  # records of earlier tests fall before ``since``
    since = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    made = [deposit(client, api_headers, record_data(f"Del {n} {unique_word}")) for n in range(3)]
    app.config["MSI_OAI_PAGE_SIZE"] = 2
    try:
        tree = get_oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": since})
        token = tree.find(f"{OAI}ListIdentifiers/{OAI}resumptionToken").text
        last = made[-1]["id"]
        draft = client.post(f"/api/records/{last}/draft", headers=api_headers).json
        draft["access"]["record"] = "restricted"
        draft["access"]["files"] = "restricted"
        client.put(f"/api/records/{last}/draft", data=json.dumps(draft), headers=api_headers)
        published = client.post(f"/api/records/{last}/draft/actions/publish", headers=api_headers)
        assert published.status_code == 202, published.json
        refresh_indices()
        tree = get_oai(client, verb="ListIdentifiers", resumptionToken=token)
    finally:
        app.config["MSI_OAI_PAGE_SIZE"] = 100
    assert_valid(tree)
    assert error_code(tree) == "noRecordsMatch"
