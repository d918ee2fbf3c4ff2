"""SwePub over OAI-PMH: the swepub_mods format, SwePub-<code> sets, SSIF in the other formats."""

import pytest
from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service
from minimum_level import NS, SHARED, failed_rules, kb_output_types
from oai_support import NS as OAI_NS
from oai_support import assert_valid, error_code, get_oai, oai_id

from helpers import refresh_indices

OAI = OAI_NS["oai"]
MODS = "{http://www.loc.gov/mods/v3}"
MARC = "{http://www.loc.gov/MARC21/slim}"


def _metadata(client, record, prefix):
    tree = get_oai(client, verb="GetRecord", identifier=oai_id(record), metadataPrefix=prefix)
    assert error_code(tree) is None
    return tree.find(f"{OAI}GetRecord/{OAI}record/{OAI}metadata")[0]


def _listed(client, spec, since):
    tree = get_oai(client, verb="ListIdentifiers", metadataPrefix="swepub_mods", set=spec,
                   **{"from": since})  # fmt: skip
    if error_code(tree) == "noRecordsMatch":
        return set()
    assert error_code(tree) is None
    return {header.findtext(f"{OAI}identifier") for header in tree.iter(f"{OAI}header")}


def test_swepub_sets_listed(client):
    """ListSets names one SwePub set per node university."""
    tree = get_oai(client, verb="ListSets")
    assert_valid(tree)
    specs = {element.text for element in tree.iter(f"{OAI}setSpec")}
    assert {f"SwePub-{code}" for code in ("hb", "hj", "ltu", "mau", "umu", "oru")} <= specs


def test_set_holds_only_records_at_the_minimum_level(client, swepub_records):
    """SwePub-hb holds the Borås report, not the article that misses its journal; an unknown
    university's set does not exist."""
    since = swepub_records["since"]
    listed = _listed(client, "SwePub-hb", since)
    assert oai_id(swepub_records["report"]) in listed
    assert oai_id(swepub_records["article"]) not in listed
    assert oai_id(swepub_records["orphan"]) not in listed
    assert _listed(client, "SwePub-umu", since).isdisjoint(listed)
    tree = get_oai(client, verb="ListIdentifiers", metadataPrefix="swepub_mods", set="SwePub-xx")
    assert error_code(tree) == "noRecordsMatch"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/standards/swepub is not present")
def test_mods_of_a_report(client, swepub_records):
    """The report's MODS: KB's genres, SSIF, status, URI, language and its university's code;
    it passes every rule. The article's MODS fails exactly the rules its status names."""
    mods = _metadata(client, swepub_records["report"], "swepub_mods")
    assert mods.tag == f"{MODS}mods" and mods.get("version") == "3.7"
    assert failed_rules(mods, kb_output_types()) == []
    genres = {g.get("type"): g.text for g in mods.iter(f"{MODS}genre")}
    assert genres == {"outputType": "publication/report", "contentType": "vet"}
    assert [c.text for c in mods.iter(f"{MODS}classification")] == ["50402"]
    assert mods.findtext(f"{MODS}recordInfo/{MODS}recordContentSource") == "hb"
    assert mods.findtext(f"{MODS}note[@type='publicationStatus']") == "Published"
    assert mods.find(f"{MODS}relatedItem[@type='host']") is None
    publisher = mods.find(f"{MODS}name[@type='corporate']")
    assert publisher.findtext(f"{MODS}role/{MODS}roleTerm") == "pbl"
    assert mods.find(f"{MODS}originInfo/{MODS}publisher") is None
    article = _metadata(client, swepub_records["article"], "swepub_mods")
    assert failed_rules(article, kb_output_types()) == ["07", "11"]


def test_deleted_record_stays_in_its_set_as_deleted(client, app, depositor, swepub_records):
    """A deleted record of a SwePub set is listed again as deleted (deletedRecord persistent)."""
    from helpers import deposit, record_data

    data = record_data(f"Rapport att radera {swepub_records['word']}")
    data["custom_fields"] = {"msi:node": {"id": "nod-orebro"}}
    record = deposit(app.test_client(), _headers(depositor), data)
    current_rdm_records_service.delete_record(
        system_identity, record["id"], {"removal_reason": {"id": "spam"}, "is_visible": True}
    )
    refresh_indices()
    tree = get_oai(client, verb="ListIdentifiers", metadataPrefix="swepub_mods",
                   set="SwePub-oru", **{"from": swepub_records["since"]})  # fmt: skip
    headers = {h.findtext(f"{OAI}identifier"): h for h in tree.iter(f"{OAI}header")}
    assert headers[oai_id(record)].get("status") == "deleted"


def _headers(user):
    from helpers import token_headers

    return token_headers(user.token)


def test_ssif_in_oai_dc_marc_and_openaire(client, swepub_records):
    """SSIF as dc:subject (label and URI), MARC 084 and 650, and an OpenAIRE subject with its
    scheme; oai_dc and MARC still validate."""
    report = swepub_records["report"]
    tree = get_oai(client, verb="GetRecord", identifier=oai_id(report), metadataPrefix="oai_dc")
    assert_valid(tree)
    subjects = [e.text for e in tree.iter("{http://purl.org/dc/elements/1.1/}subject")]
    assert {"Socialt arbete", "Social Work", "https://begrepp.uka.se/SSIF/50402"} <= set(subjects)
    tree = get_oai(client, verb="GetRecord", identifier=oai_id(report), metadataPrefix="marcxml")
    assert_valid(tree)
    fields = {
        (f.get("tag"), tuple((s.get("code"), s.text) for s in f))
        for f in tree.iter(f"{MARC}datafield")
        if f.get("tag") in ("084", "650")
    }
    assert ("084", (("a", "50402"), ("2", "ssif"))) in fields
    assert ("650", (("a", "Socialt arbete"), ("0", "https://begrepp.uka.se/SSIF/50402"),
                    ("2", "SSIF"))) in fields  # fmt: skip
    openaire = _metadata(client, report, "oai_openaire")
    ssif = [
        s for s in openaire.iter("{http://datacite.org/schema/kernel-4}subject")
        if s.get("subjectScheme") == "SSIF"
    ]  # fmt: skip
    assert {s.text for s in ssif} == {"Socialt arbete", "Social Work"}
    assert {s.get("valueURI") for s in ssif} == {"https://begrepp.uka.se/SSIF/50402"}
    assert {s.get("schemeURI") for s in ssif} == {"https://begrepp.uka.se/SSIF"}


def test_mods_namespace_only(client, swepub_records):
    """Every element of the MODS record is in the MODS namespace (SwePub reads mods:*)."""
    mods = _metadata(client, swepub_records["report"], "swepub_mods")
    assert {element.tag.split("}")[0] + "}" for element in mods.iter()} == {MODS}
    assert NS["m"] == MODS.strip("{}")
