"""oai_dc, MARC21 and oai_openaire judged by their official schemas (``../shared/standards``).

Two sets of documents: every ListRecords page of the test instance (the demo collection and what
tests made), and one record of every resource type the deposit form offers, built from a demo
record's index document with its type replaced and serialized as OAI-PMH serves it.
"""

import re

import pytest
import yaml
from flask import current_app
from invenio_search import current_search_client
from invenio_search.utils import build_alias_name
from oai_support import NS, XSD, _schema, assert_valid, get_oai, require_standards
from werkzeug.utils import import_string

from helpers import ROOT

OAI = NS["oai"]
OPENAIRE = "http://namespace.openaire.eu/schema/oaire/"
FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc/", "oai-pmh/oai_dc.xsd"),
    "marcxml": ("http://www.loc.gov/MARC21/slim", "marc21/MARC21slim.xsd"),
    "oai_openaire": (OPENAIRE, "openaire-4.0/openaire.xsd"),
}
"""Formats judged here, with the namespace and schema of their metadata element."""


def _offered_types():
    """Resource types the deposit form offers (tagged depositable), with their titles."""
    types = yaml.safe_load((ROOT / "app_data/vocabularies/resource_types_msi.yaml").read_text())
    return [entry for entry in types if "depositable" in entry.get("tags", [])]


def _harvest(client, prefix):
    """Every ListRecords page of ``prefix`` through the in-process app."""
    pages, arguments = [], {"verb": "ListRecords", "metadataPrefix": prefix}
    while True:
        tree = get_oai(client, **arguments)
        pages.append(tree)
        token = tree.find(f".//{OAI}resumptionToken")
        if token is None or not token.text:
            return pages
        arguments = {"verb": "ListRecords", "resumptionToken": token.text}


@pytest.mark.parametrize("prefix", FORMATS)
def test_every_listrecords_page_is_valid(app, prefix):
    """Each page of a full ListRecords harvest is valid with its format's schema."""
    require_standards()
    pages = _harvest(app.test_client(), prefix)
    records = [r for page in pages for r in page.iter(f"{OAI}record")]
    assert records
    assert all(
        r.find(f"{OAI}metadata") is not None
        for r in records
        if r.find(f"{OAI}header").get("status") != "deleted"
    )
    for page in pages:
        assert_valid(page, openaire=prefix == "oai_openaire")


@pytest.fixture(scope="module")
def demo_source(app):
    """The index document of a public demo report (what OAI-PMH serializes)."""
    demo = yaml.safe_load((ROOT / "app_data/demo/records.yaml").read_text())
    title = next(r["title"] for r in demo if r["resource_type"] == "publication-report")
    index = build_alias_name("rdmrecords-records")
    query = {"bool": {"must": [{"match_phrase": {"metadata.title": title}}]}}
    hits = current_search_client.search(index=index, body={"query": query, "size": 1})
    (hit,) = hits["hits"]["hits"]
    return hit["_source"]


def _serialize(prefix, source):
    serializer = current_app.config["OAISERVER_METADATA_FORMATS"][prefix]["serializer"]
    return import_string(serializer)(None, {"_source": source})


@pytest.mark.parametrize("kind", _offered_types(), ids=lambda kind: kind["id"])
def test_every_offered_resource_type_is_valid(app, demo_source, kind):
    """A record of each type the deposit form offers is valid in oai_dc, MARC21 and OpenAIRE."""
    require_standards()
    source = {
        **demo_source,
        "metadata": {
            **demo_source["metadata"],
            "resource_type": {"id": kind["id"], "title": kind["title"]},
        },
    }
    with app.test_request_context():
        for prefix, (namespace, path) in FORMATS.items():
            element = _serialize(prefix, source)
            schema = _schema(((namespace, path),))
            if not schema.validate(element):
                messages = "\n".join(str(error) for error in schema.error_log)
                raise AssertionError(f"{prefix}: {messages}")


def _coar_4_0():
    text = (XSD / "openaire-4.0/oaire-resourceType-v4.xsd").read_text()
    return set(re.findall(r'<xs:enumeration value="([^"]+)"', text))


def test_openaire_types_come_from_the_declared_vocabulary(app, demo_source):
    """Records declare OpenAIRE 4.0, so every COAR type URI is one of 4.0's list, and every
    resourceTypeGeneral one of its four values; the type keeps its own concept where 4.0 has it."""
    require_standards()
    coar, seen = _coar_4_0(), set()
    with app.test_request_context():
        for kind in _offered_types():
            source = {
                **demo_source,
                "metadata": {**demo_source["metadata"], "resource_type": {"id": kind["id"]}},
            }
            root = _serialize("oai_openaire", source)
            assert "/repo-lit/4.0/" in root.get(
                "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
            )
            (element,) = root.findall(f"{{{OPENAIRE}}}resourceType")
            assert element.get("uri") in coar, kind["id"]
            if kind["props"]["coar"] in coar:
                assert element.get("uri") == kind["props"]["coar"]
            seen.add(element.get("resourceTypeGeneral"))
    assert seen == {"literature", "dataset", "software", "other research product"}
