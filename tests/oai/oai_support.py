"""OAI-PMH test support: requests, and the official XML schemas in ``../shared/standards``.

The schemas are read from the standards folder next to the repository (``SOURCES.md`` there says
where each comes from); tests that validate skip, with that reason, when it is absent.
"""

from functools import cache
from pathlib import Path

import pytest
import requests
from lxml import etree
from sickle import Sickle

XSD = Path(__file__).resolve().parents[2].parent / "shared" / "standards"
NS = {
    "oai": "{http://www.openarchives.org/OAI/2.0/}",
    "dc": "{http://purl.org/dc/elements/1.1/}",
    "datacite": "{http://datacite.org/schema/kernel-4}",
    "oaire": "{http://namespace.openaire.eu/schema/oaire/}",
}
IMPORTS = {
    "http://www.openarchives.org/OAI/2.0/": "oai-pmh/OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc/": "oai-pmh/oai_dc.xsd",
    "http://www.openarchives.org/OAI/2.0/oai-identifier": "oai-pmh/oai-identifier.xsd",
    "http://www.loc.gov/MARC21/slim": "marc21/MARC21slim.xsd",
    "http://datacite.org/schema/kernel-4": "datacite-kernel-4.5/metadata.xsd",
}
OPENAIRE_IMPORTS = {
    "http://www.openarchives.org/OAI/2.0/": "oai-pmh/OAI-PMH.xsd",
    "http://namespace.openaire.eu/schema/oaire/": "openaire-4.0/openaire.xsd",
}
"""OpenAIRE 4.0 brings its own DataCite and Dublin Core schemas: its pages get a schema of their
own (one XML schema cannot import a namespace from two files)."""


def require_standards():
    """Skip the test unless the standards folder (``../shared/standards``) is there."""
    if not (XSD / "SOURCES.md").is_file():
        pytest.skip(f"the official schemas are not there: {XSD} (../shared) is absent")


@cache
def _schema(imports):
    """One schema importing each ``(namespace, path)`` of ``imports``."""
    parts = "".join(
        f'<xs:import namespace="{namespace}" schemaLocation="{(XSD / path).as_uri()}"/>'
        for namespace, path in imports
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{parts}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper))


def oai_schema(openaire=False):
    """The schema of the OAI-PMH envelope and every format it can validate strictly, or with
    ``openaire`` the envelope and OpenAIRE 4.0 (``oai_openaire`` pages)."""
    require_standards()
    return _schema(tuple((OPENAIRE_IMPORTS if openaire else IMPORTS).items()))


def assert_valid(tree, openaire=False):
    """Fail with the schema's messages unless the document is valid."""
    schema = oai_schema(openaire)
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


class RecordingSickle(Sickle):
    """Sickle that keeps every response it received."""

    def __init__(self, endpoint):
        """Harvest ``endpoint`` without retries."""
        super().__init__(endpoint, max_retries=0, timeout=60)
        self.responses = []

    def harvest(self, **kwargs):
        """Send one request and keep its response."""
        response = super().harvest(**kwargs)
        self.responses.append(response)
        return response


def public_oai_ids(url):
    """OAI identifiers of every record version the public sees, read through the REST API."""
    identifiers, page = set(), 1
    while True:
        answer = requests.get(
            f"{url}/api/records",
            params={"allversions": "true", "size": 100, "page": page},
            timeout=60,
        ).json()
        hits = answer["hits"]["hits"]
        identifiers |= {hit["pids"]["oai"]["identifier"] for hit in hits if "oai" in hit["pids"]}
        if len(hits) < 100:
            return identifiers
        page += 1
