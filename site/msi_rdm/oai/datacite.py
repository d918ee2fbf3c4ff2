"""DataCite 4.5 with the MSI fields: themes and SDGs as subjects, node as hosting institution."""

from functools import cache

from datacite import schema45
from flask import current_app
from invenio_rdm_records.resources.serializers import (
    DataCite45JSONSerializer,
    DataCite45XMLSerializer,
)
from lxml import etree

from .mapping import msi_node, msi_subjects


def _named_rights(source, rights):
    """Rights with their names: upstream names a licence only in the request's language."""
    titles = {
        entry.get("id"): entry.get("title", {})
        for entry in source.get("metadata", {}).get("rights", [])
    }
    named = []
    for right in rights:
        if not right.get("rights"):
            title = titles.get(right.get("rightsIdentifier"), {})
            name = title.get("en") or next(iter(title.values()), None)
            right = {key: value for key, value in {**right, "rights": name}.items() if value}
        named.append(right)
    return named


def add_msi_fields(source, data):
    """Return DataCite data with MSI's subjects and node added (a new dict)."""
    subjects = [
        {
            "subject": subject["subject"],
            "subjectScheme": subject["scheme"],
            "schemeUri": subject["scheme_uri"],
            "valueUri": subject["value_uri"],
            "lang": subject["lang"],
        }
        for subject in msi_subjects(source)
    ]
    contributors = list(data.get("contributors", []))
    node = msi_node(source)
    if node and node["university"]:
        contributors.append(
            {
                "name": node["university"],
                "nameType": "Organizational",
                "contributorType": "HostingInstitution",
                "nameIdentifiers": [
                    {
                        "nameIdentifier": f"https://ror.org/{node['ror']}",
                        "nameIdentifierScheme": "ROR",
                        "schemeUri": "https://ror.org",
                    }
                ]
                if node["ror"]
                else [],
            }
        )
    result = {
        **data,
        "subjects": [*data.get("subjects", []), *subjects],
        "rightsList": _named_rights(source, data.get("rightsList", [])),
    }
    if contributors:
        result["contributors"] = contributors
    return result


@cache
def _serializer():
    """One upstream serializer for all records: building its schemas costs more than a dump."""
    return DataCite45XMLSerializer()


def datacite_data(source):
    """DataCite 4.5 data of a record (index document or API dict)."""
    return add_msi_fields(source, _serializer().dump_obj(source))


def resource_etree(source):
    """The DataCite ``resource`` element; without a DOI, the landing page is its identifier.

    DataCite's schema requires an ``identifier``; MSI mints no DOIs yet, so the record's URL
    (``identifierType="URL"``) stands in until it does.
    """
    data = datacite_data(source)
    resource = schema45.dump_etree(data)
    if not data.get("doi"):
        landing = f"{current_app.config['SITE_UI_URL'].rstrip('/')}/records/{source['id']}"
        identifier = etree.Element(f"{{{schema45.ns[None]}}}identifier", identifierType="URL")
        identifier.text = landing
        resource.insert(0, identifier)
    return resource


class MSIDataCiteXMLSerializer(DataCite45XMLSerializer):
    """DataCite 4.5 XML export with the MSI fields and an identifier for records without DOI."""

    def serialize_object(self, obj):
        """Serialize one record."""
        return etree.tostring(resource_etree(obj), pretty_print=True, encoding="unicode")


class MSIDataCiteJSONSerializer(DataCite45JSONSerializer):
    """DataCite 4.5 JSON export with the MSI fields."""

    def dump_obj(self, obj):
        """Dump one record with the MSI fields added."""
        return add_msi_fields(obj, super().dump_obj(obj))


def datacite_etree(pid, record):
    """OAI-PMH ``datacite``: the DataCite 4.5 ``resource`` element."""
    return resource_etree(record["_source"])


def oai_datacite_etree(pid, record):
    """OAI-PMH ``oai_datacite``: DataCite's OAI wrapper around the resource."""
    namespace = "http://schema.datacite.org/oai/oai-1.1/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(
        f"{{{namespace}}}oai_datacite",
        nsmap={None: namespace, "xsi": xsi},
        attrib={f"{{{xsi}}}schemaLocation": f"{namespace} {namespace}oai.xsd"},
    )
    etree.SubElement(root, f"{{{namespace}}}schemaVersion").text = "4.5"
    symbol = current_app.config.get("DATACITE_DATACENTER_SYMBOL") or "MSI"
    etree.SubElement(root, f"{{{namespace}}}datacentreSymbol").text = symbol
    payload = etree.SubElement(root, f"{{{namespace}}}payload")
    payload.append(datacite_etree(pid, record))
    return root
