"""OAI-PMH test support: requests, and the XML schemas shipped in tests/data (see its README)."""

from functools import cache
from pathlib import Path

from lxml import etree

XSD = Path(__file__).resolve().parent.parent / "data" / "xsd"
NS = {
    "oai": "{http://www.openarchives.org/OAI/2.0/}",
    "dc": "{http://purl.org/dc/elements/1.1/}",
    "datacite": "{http://datacite.org/schema/kernel-4}",
    "oaire": "{http://namespace.openaire.eu/schema/oaire/}",
}
IMPORTS = {
    "http://www.openarchives.org/OAI/2.0/": "oai/OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc/": "oai/oai_dc.xsd",
    "http://www.openarchives.org/OAI/2.0/oai-identifier": "oai/oai-identifier.xsd",
    "http://www.loc.gov/MARC21/slim": "oai/MARC21slim.xsd",
    "http://datacite.org/schema/kernel-4": "datacite-4.5/metadata.xsd",
}


@cache
def oai_schema():
    """One schema that knows the OAI-PMH envelope and every format it can validate strictly."""
    imports = "".join(
        f'<xs:import namespace="{namespace}" schemaLocation="{(XSD / path).as_uri()}"/>'
        for namespace, path in IMPORTS.items()
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper))


def assert_valid(tree):
    """Fail with the schema's messages unless the document is valid."""
    schema = oai_schema()
    if not schema.validate(tree):
        raise AssertionError("\n".join(str(error) for error in schema.error_log))


def oai_id(record):
    """The OAI identifier of a record."""
    return record["pids"]["oai"]["identifier"]


def get_oai(client, **arguments):
    """Send an OAI-PMH request through the test client; return the parsed document."""
    response = client.get("/oai2d", query_string=arguments)
    assert response.status_code == 200
    assert response.content_type.startswith("text/xml")
    return etree.fromstring(response.data)


def error_code(tree):
    """The error code of an OAI-PMH answer, or None."""
    error = tree.find(f"{NS['oai']}error")
    return None if error is None else error.get("code")
