"""Sickle harvests every demo record in swepub_mods over HTTP: each meets KB's minimum level."""

import pytest
import yaml
from lxml import etree
from minimum_level import NS, SHARED, failed_rules, kb_output_types
from sickle import Sickle

from helpers import ROOT

MODS_XSD = ROOT.parent / "shared" / "standards" / "mods" / "mods-3-7.xsd"
EXPECTED = {
    "publication-report": ("publication/report", False),
    "publication-article": ("publication/journal-article", True),
    "video": ("publication/other", False),
    "dataset-survey": ("other/data-set", False),
    "publication-conferencepaper": ("conference/paper", False),
}
"""What the demo collection must cover: output type, and whether a host item is named."""

OUT_OF_SWEPUB = {
    "Verksamhetsplan 2024–2025 för Mötesplats Social Innovation": ["02"],
    "Social Innovation Summit 2020: Arbete och inkludering efter pandemin": ["02"],
    "Social Innovation Summit Session and Foresight: Digital inkludering för äldre": ["02"],
}
"""Demo records SwePub must not get, and the rules they fail: the operational plan names only
MSI as its author and the two summit recordings MSI as producer, an organisation without an
identifier, with participants (no author, editor or creator) as the only people."""

NODE_UNIVERSITIES = {
    "nod-boras": "hb",
    "nod-jonkoping": "hj",
    "nod-lulea": "ltu",
    "nod-malmo": "mau",
    "nod-umea": "umu",
    "nod-orebro": "oru",
    "nationellt-kansli": "mau",
}
"""KB's code of each demo node's university."""

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared/standards/swepub (KB's output types) is not present"
)


@pytest.fixture(scope="module")
def harvest(msi_server):
    """Every record of a full swepub_mods harvest, by title, and the demo specs."""
    sickle = Sickle(f"{msi_server}/oai2d", max_retries=0, timeout=60)
    records = {}
    for record in sickle.ListRecords(metadataPrefix="swepub_mods", ignore_deleted=True):
        mods = etree.fromstring(record.raw.encode()).find(".//m:mods", namespaces=NS)
        title = mods.findtext("m:titleInfo/m:title", namespaces=NS)
        records[title] = (record.header, mods)
    specs = yaml.safe_load((ROOT / "app_data/demo/records.yaml").read_text())
    return records, specs


def test_every_demo_record_meets_the_minimum_level(harvest):
    """Rules 01–12 hold for every demo record but the one meant to fail, its output type is on
    KB's list and it lies in its university's SwePub set; the failing one lies in none."""
    records, specs = harvest
    output_types = kb_output_types()
    found, expected = {}, {}
    for spec in specs:
        header, mods = records[spec["title"]]
        genre = mods.findtext("m:genre[@type='outputType']", namespaces=NS)
        source = mods.findtext("m:recordInfo/m:recordContentSource", namespaces=NS)
        swepub_sets = [s for s in header.setSpecs if s.startswith("SwePub-")]
        found[spec["title"]] = (failed_rules(mods, output_types), genre in output_types, source,
                                swepub_sets)  # fmt: skip
        failing = OUT_OF_SWEPUB.get(spec["title"], [])
        code = NODE_UNIVERSITIES[spec["node"]]
        expected[spec["title"]] = (failing, True, code, [] if failing else [f"SwePub-{code}"])
    assert found == expected


def test_demo_covers_what_swepub_receives(harvest):
    """A report, an article with its journal as host, a film, a survey data set and a
    conference contribution, each with the output type and host item KB expects."""
    records, specs = harvest
    for resource_type, (output_type, hosted) in EXPECTED.items():
        spec = next(s for s in specs if s["resource_type"] == resource_type)
        _, mods = records[spec["title"]]
        assert mods.findtext("m:genre[@type='outputType']", namespaces=NS) == output_type
        host = mods.findtext("m:relatedItem[@type='host']/m:titleInfo/m:title", namespaces=NS)
        assert bool(host) is hosted, resource_type
    film = records[next(s for s in specs if s["resource_type"] == "video")["title"]][1]
    assert film.findtext("m:genre[@type='contentType']", namespaces=NS) == "pop"
    assert film.findtext("m:typeOfResource", namespaces=NS) == "moving image"
    paper = next(s for s in specs if s["resource_type"] == "publication-conferencepaper")
    conference = records[paper["title"]][1].find("m:name[@type='conference']", namespaces=NS)
    assert conference is not None


def test_people_carry_orcid_and_kb_affiliation(harvest):
    """Demo researchers carry their ORCID iD and their node university with KB's code."""
    records, specs = harvest
    spec = next(s for s in specs if s["resource_type"] == "publication-report")
    _, mods = records[spec["title"]]
    people = mods.findall("m:name[@type='personal']", namespaces=NS)
    assert people and all(
        p.findtext("m:nameIdentifier[@type='orcid']", namespaces=NS) for p in people
    )
    codes = {
        a.get("{http://www.w3.org/1999/xlink}href")
        for a in mods.iterfind("m:name/m:affiliation[@authority='kb.se']", namespaces=NS)
    }
    assert "mau" in codes


@pytest.mark.skipif(not MODS_XSD.is_file(), reason="no MODS XSD in ../shared/standards")
def test_demo_mods_valid_against_the_xsd(harvest):
    """Each demo record validates against MODS 3.7."""
    schema = etree.XMLSchema(etree.parse(str(MODS_XSD)))
    for _, mods in harvest[0].values():
        assert schema.validate(mods), schema.error_log
