"""BibTeX, RIS and JSON-LD read back by other people's parsers to the same people and types.

bibtexparser (BibTeX's name rules, as biblatex has them too), rispy (with Zotero's RIS rule that
an author without a comma is one name, an organisation's), pyld (JSON-LD expansion with
schema.org's own context document, served from ../shared; no network).
"""

import json

import bibtexparser
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from bibtexparser.customization import splitname

from helpers import ROOT, deposit_each, record_data

BIBTEX_TYPES = {
    "article",
    "book",
    "booklet",
    "conference",
    "inbook",
    "incollection",
    "inproceedings",
    "manual",
    "mastersthesis",
    "misc",
    "phdthesis",
    "proceedings",
    "techreport",
    "unpublished",
}
"""The entry types of classic BibTeX (btxdoc); biblatex knows every one of them."""

EXPECTED = {
    "report": ("techreport", "RPRT"),
    "film": ("misc", "MPCT"),
    "dataset": ("misc", "DATA"),
    "corporate": ("techreport", "RPRT"),
    "two": ("techreport", "RPRT"),
    "eight": ("techreport", "RPRT"),
    "article": ("misc", "JOUR"),
}
"""Edge record → (BibTeX type, RIS type). A report's institution is its node's university or
its publisher; an article without a journal is ``@misc`` (``@article`` requires one)."""

SCHEMA_CONTEXT = ROOT.parent / "shared" / "standards" / "schemaorg" / "schemaorgcontext.jsonld"


def export(client, record, accept):
    response = client.get(f"/api/records/{record['id']}", headers={"Accept": accept})
    assert response.status_code == 200, response.data
    return response.get_data(as_text=True)


def creators(record):
    """``(family, given)`` of each person and ``(name, None)`` of each organisation."""
    found = []
    for creator in record["metadata"]["creators"]:
        person = creator["person_or_org"]
        if person["type"] == "organizational":
            found.append((person["name"], None))
        else:
            found.append((person["family_name"], person["given_name"]))
    return found


def split_bibtex_names(field):
    """The names of a BibTeX name list: split on ``and`` outside braces."""
    names, depth, current = [], 0, []
    for word in field.split(" "):
        if depth == 0 and word == "and":
            names.append(" ".join(current))
            current = []
            continue
        depth += word.count("{") - word.count("}")
        current.append(word)
    names.append(" ".join(current))
    return names


def bibtex_person(name):
    """``(family, given)`` as BibTeX reads a name, braces of a corporate name removed."""
    parts = splitname(name)
    family = " ".join(parts["von"] + parts["last"]).strip("{}")
    return family, " ".join(parts["first"]) or None


@pytest.mark.parametrize("name", list(EXPECTED))
def test_bibtex_reads_back(client, edge_records, name):
    """One entry of a type BibTeX knows, with the record's people, organisations whole."""
    record = edge_records[name]
    text = export(client, record, "application/x-bibtex")
    entries = bibtexparser.loads(text, BibTexParser(common_strings=True)).entries
    assert len(entries) == 1, text
    entry = entries[0]
    assert entry["ENTRYTYPE"] in BIBTEX_TYPES
    assert entry["ENTRYTYPE"] == EXPECTED[name][0], text
    assert [bibtex_person(n) for n in split_bibtex_names(entry["author"])] == creators(record)
    assert entry["title"] == record["metadata"]["title"]
    assert entry["year"] == record["metadata"]["publication_date"][:4]
    if entry["ENTRYTYPE"] == "misc" and name in ("film", "dataset"):
        assert entry["howpublished"] == {"film": "Film", "dataset": "Dataset"}[name]


def test_bibtex_landing_page_export_is_the_same(client, edge_records):
    """The landing page's BibTeX export is the API's."""
    record = edge_records["report"]
    page = client.get(f"/records/{record['id']}/export/bibtex")
    assert page.status_code == 200
    assert (
        page.get_data(as_text=True).strip()
        == export(client, record, "application/x-bibtex").strip()
    )


def test_bibtex_escapes_special_characters(client, app, depositor):
    """``&``, ``%``, ``_`` in a title reach a BibTeX reader as they were typed."""
    title = "Skola & samhälle: 100 % idéburet_partnerskap"
    record = deposit_each(app, depositor, special=record_data(title))["special"]
    text = export(client, record, "application/x-bibtex")
    assert r"Skola \& samhälle: 100 \% idéburet\_partnerskap" in text
    entry = bibtexparser.loads(text, BibTexParser(common_strings=True)).entries[0]
    assert entry["title"].replace("\\", "") == title


@pytest.mark.parametrize("name", list(EXPECTED))
def test_ris_reads_back(client, edge_records, name):
    """RIS: the type, and each creator as one AU, organisations without a comma (Zotero's
    rule for a name in one field)."""
    record = edge_records[name]
    entries = rispy.loads(export(client, record, "application/x-research-info-systems"))
    assert len(entries) == 1
    entry = entries[0]
    assert entry["type_of_reference"] == EXPECTED[name][1]
    read = []
    for author in entry["authors"]:
        family, _, given = author.partition(", ")
        read.append((family, given or None))
        assert author.count(",") <= 1
    assert read == creators(record)
    assert entry["title"] == record["metadata"]["title"]


def schema_org_loader(url, options=None):
    """pyld's document loader: schema.org's context from ../shared, nothing from the network."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise ValueError(f"no network in tests: {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(SCHEMA_CONTEXT.read_text()),
    }


def lost(compact, expanded, path="$"):
    """Paths of the compact document's values the expansion dropped."""
    if isinstance(compact, list):
        items = expanded if isinstance(expanded, list) else [expanded]
        if len(items) != len(compact):
            return [path]
        return [
            p
            for i, (c, e) in enumerate(zip(compact, items, strict=True))
            for p in lost(c, e, f"{path}[{i}]")
        ]
    if not isinstance(compact, dict):
        return []
    expanded = expanded[0] if isinstance(expanded, list) and len(expanded) == 1 else expanded
    missing = []
    for key, value in compact.items():
        if key == "@context":
            continue
        if key.startswith("@"):
            if key not in expanded:
                missing.append(f"{path}.{key}")
            continue
        matches = [iri for iri in expanded if iri.rsplit("/", 1)[-1] == key]
        if not matches:
            missing.append(f"{path}.{key}")
            continue
        target = expanded[matches[0]]
        if isinstance(value, dict | list):
            missing += lost(value if isinstance(value, list) else [value], target, f"{path}.{key}")
    return missing


def iris(expanded):
    """Every property and type IRI of an expanded document."""
    found = set()
    if isinstance(expanded, list):
        for entry in expanded:
            found |= iris(entry)
    elif isinstance(expanded, dict):
        for key, value in expanded.items():
            if key == "@type":
                # A node's types are a list; a typed value's one type is a string.
                found |= set(value) if isinstance(value, list) else {value}
            elif not key.startswith("@"):
                found.add(key)
            found |= iris(value)
    return found


@pytest.mark.parametrize("name", ["report", "film", "dataset", "corporate"])
def test_json_ld_expands_without_loss(client, edge_records, name):
    """JSON-LD: one context, ``https://schema.org``; every property and type expands, into one
    vocabulary (schema.org's context maps terms to ``http://schema.org/``)."""
    if not SCHEMA_CONTEXT.exists():
        pytest.skip("../shared/standards/schemaorg is absent")
    from pyld import jsonld

    document = json.loads(export(client, edge_records[name], "application/ld+json"))
    assert document["@context"] == "https://schema.org"
    expanded = jsonld.expand(document, {"documentLoader": schema_org_loader})
    assert lost(document, expanded) == []
    vocabularies = {iri.rsplit("/", 1)[0] for iri in iris(expanded)}
    assert vocabularies == {"http://schema.org"}, vocabularies


def test_landing_page_json_ld_is_the_export(client, edge_records):
    """The landing page's JSON-LD script carries the same context and type as the export."""
    import re

    record = edge_records["film"]
    page = client.get(f"/records/{record['id']}").get_data(as_text=True)
    scripts = re.findall(r"<script type='application/ld\+json'>(.*?)</script>", page, re.S)
    assert scripts, "no JSON-LD on the landing page"
    embedded = json.loads(scripts[0])
    exported = json.loads(export(client, record, "application/ld+json"))
    assert embedded["@context"] == exported["@context"] == "https://schema.org"
    assert embedded["@type"] == exported["@type"] == "VideoObject"


def test_report_without_institution_is_misc():
    """``@techreport`` requires an institution: a report with neither node nor publisher is
    ``@misc``."""
    from msi_rdm.exports.bibtex import to_bibtex

    item = {"id": "x1", "type": "report", "title": "T", "author": [{"literal": "Region Skåne"}]}
    entry = bibtexparser.loads(to_bibtex(item), BibTexParser(common_strings=True)).entries[0]
    assert entry["ENTRYTYPE"] == "misc"
    assert entry["author"] == "{Region Skåne}"
    with_publisher = {**item, "publisher": "Region Skåne"}
    assert to_bibtex(with_publisher).startswith("@techreport{")
