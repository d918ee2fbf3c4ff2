"""DataCite 4.5 with the MSI fields: themes, SDGs and SSIF as subjects, node as hosting institution.

Every record's DataCite metadata names a publisher (DataCite requires one): the depositor's, else
the university of the record's node (its ``msi:node`` field, else the node of its community),
else ``MSI_DOI_DEFAULT_PUBLISHER``. The DOI is the only ``identifier``; the landing page is an
``alternateIdentifier``.
"""

from functools import cache, lru_cache

from datacite import schema45
from flask import current_app
from invenio_communities.communities.records.models import CommunityMetadata
from invenio_db import db
from invenio_rdm_records.resources.serializers import (
    DataCite45JSONSerializer,
    DataCite45XMLSerializer,
)
from invenio_rdm_records.utils import ChainObject
from lxml import etree

from ..oai.mapping import msi_node, msi_subjects
from ..vocabularies.props import vocabulary
from .vocabulary_schemas import VocabularyTableMixin

DEFAULT_PUBLISHER = "Mötesplats Social Innovation"
"""Publisher of records that neither name one nor belong to a node."""


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


@lru_cache(maxsize=256)
def _community_slug(community_id):
    """Slug of a community by id (None when unknown); slugs of existing communities never change."""
    row = db.session.query(CommunityMetadata.slug).filter_by(id=community_id).one_or_none()
    return row.slug if row else None


def community_slugs(source):
    """Slugs of the record's communities, its default community first."""
    parent = getattr(source, "parent", None)
    if parent is None:
        parent = source.get("parent") or {}
    communities = parent.get("communities") or {}
    if not isinstance(communities, dict):  # a record's communities field
        default = getattr(communities, "default", None)
        communities = {"default": getattr(default, "id", default), "ids": list(communities.ids)}
    slugs = [entry.get("slug") for entry in communities.get("entries") or [] if entry.get("slug")]
    ids = [communities.get("default"), *(communities.get("ids") or [])]
    by_entry = {entry.get("id"): entry.get("slug") for entry in communities.get("entries") or []}
    ordered = []
    for community_id in ids:
        if community_id:
            slug = by_entry.get(community_id) or _community_slug(str(community_id))
            if slug and slug not in ordered:
                ordered.append(slug)
    return ordered + [slug for slug in slugs if slug not in ordered]


def node_university(source):
    """University of the record's node: its ``msi:node`` field, else its communities' node."""
    node = msi_node(source)
    if node and node["university"]:
        return node["university"]
    nodes = vocabulary("msinodes")
    for slug in community_slugs(source):
        for entry in nodes.values():
            if entry["props"].get("community") == slug and entry["props"].get("university"):
                return entry["props"]["university"]
    return None


def publisher_name(source):
    """The record's publisher for DataCite: its own, else its node's university, else MSI."""
    own = (source.get("metadata") or {}).get("publisher")
    if own and own.strip():
        return own.strip()
    fallback = current_app.config.get("MSI_DOI_DEFAULT_PUBLISHER") or DEFAULT_PUBLISHER
    return node_university(source) or fallback


def _landing_page(source):
    links = source.get("links") or {}
    if links.get("self_html"):
        return links["self_html"]
    return f"{current_app.config['SITE_UI_URL'].rstrip('/')}/records/{source['id']}"


def _alternate_identifiers(source, data):
    """Upstream's alternate identifiers, with the landing page when upstream had no links."""
    alternates = list(data.get("alternateIdentifiers") or [])
    landing = _landing_page(source)
    if not any(entry.get("alternateIdentifier") == landing for entry in alternates):
        alternates.insert(0, {"alternateIdentifier": landing, "alternateIdentifierType": "URL"})
    return alternates


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
        "publisher": {**(data.get("publisher") or {}), "name": publisher_name(source)},
        "subjects": [*data.get("subjects", []), *subjects],
        "rightsList": _named_rights(source, data.get("rightsList", [])),
    }
    if source.get("id") and not isinstance(source, ChainObject):  # a concept DOI's has no page
        result["alternateIdentifiers"] = _alternate_identifiers(source, data)
    if contributors:
        result["contributors"] = contributors
    return result


class TableDataCite45XMLSerializer(VocabularyTableMixin, DataCite45XMLSerializer):
    """Upstream's DataCite 4.5 XML serializer, its vocabulary props read from the table."""


@cache
def _serializer():
    """One serializer for all records: building its schemas costs more than a dump."""
    return TableDataCite45XMLSerializer()


def datacite_data(source):
    """DataCite 4.5 data of a record (index document or API dict)."""
    return add_msi_fields(source, _serializer().dump_obj(source))


def resource_etree(source):
    """The DataCite ``resource`` element, identified by the record's DOI.

    With DOIs on (``DATACITE_ENABLED``) every published record has one from its publication on.
    Only where DOIs are off, or for a record published before they were switched on and not yet
    given one (``invenio msi doi mint``), the schema's mandatory ``identifier`` falls back to the
    landing page (``identifierType="URL"``), which is also always an ``alternateIdentifier``.
    """
    data = datacite_data(source)
    resource = schema45.dump_etree(data)
    if not data.get("doi"):
        identifier = etree.Element(f"{{{schema45.ns[None]}}}identifier", identifierType="URL")
        identifier.text = _landing_page(source)
        resource.insert(0, identifier)
    return resource


class MSIDataCiteXMLSerializer(TableDataCite45XMLSerializer):
    """DataCite 4.5 XML export with the MSI fields and an identifier for records without DOI."""

    def serialize_object(self, obj):
        """Serialize one record."""
        return etree.tostring(resource_etree(obj), pretty_print=True, encoding="unicode")


class MSIDataCiteJSONSerializer(VocabularyTableMixin, DataCite45JSONSerializer):
    """DataCite 4.5 JSON export with the MSI fields; what the DataCite provider sends."""

    def __init__(self, is_parent=False, **options):
        """Upstream's serializer; ``is_parent`` for concept DOIs (their versions listed)."""
        super().__init__(is_parent=is_parent, **options)
        self.object_schema.is_parent = is_parent

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
