"""schema.org JSON-LD with films as VideoObject (duration, poster) and the node as organisation.

One context, ``https://schema.org``, and every ``@type`` a term of it (``VideoObject``). Upstream
writes the context as ``http://schema.org`` and the record's type as an IRI
``https://schema.org/VideoObject``; schema.org's context maps its terms to ``http://schema.org/``,
so a JSON-LD processor put the properties and the type into two vocabularies. As terms, the type
and the properties expand into the same one, whatever the context document says.
"""

from invenio_rdm_records.resources.serializers import SchemaorgJSONLDSerializer

from ..films.api import public_poster_url
from ..oai.mapping import msi_node, report_number
from .vocabulary_schemas import VocabularyTableMixin

SCHEMA_ORG = "https://schema.org"
"""The schema.org context, as schema.org itself names it."""

SCHEMA_ORG_IRIS = ("https://schema.org/", "http://schema.org/")


def compact_types(value):
    """``value`` with every schema.org ``@type`` IRI written as the term (``VideoObject``)."""
    if isinstance(value, list):
        return [compact_types(entry) for entry in value]
    if not isinstance(value, dict):
        return value
    result = {key: compact_types(entry) for key, entry in value.items()}
    kind = result.get("@type")
    if isinstance(kind, str):
        for prefix in SCHEMA_ORG_IRIS:
            kind = kind.removeprefix(prefix)
        result["@type"] = kind
    return result


def add_msi_fields(record, data):
    """Return JSON-LD with the film's duration and poster and the node's university added."""
    result = {**compact_types(data), "@context": SCHEMA_ORG}
    if result.get("@type") == "VideoObject":
        duration = record.get("custom_fields", {}).get("msi:duration")
        if isinstance(duration, str) and duration.startswith("P"):
            result["duration"] = duration
        poster = public_poster_url(record)
        if poster:
            result["thumbnailUrl"] = poster
    number = report_number(record)
    if number and result.get("@type") == "Report":
        result["reportNumber"] = number
    node = msi_node(record)
    if node and node["university"]:
        organisation = {"@type": "Organization", "name": node["university"]}
        if node["ror"]:
            organisation["@id"] = f"https://ror.org/{node['ror']}"
        result["sourceOrganization"] = organisation
    return result


class MSISchemaorgJSONLDSerializer(VocabularyTableMixin, SchemaorgJSONLDSerializer):
    """schema.org JSON-LD export with the MSI fields."""

    def dump_obj(self, obj):
        """Dump one record."""
        return add_msi_fields(obj, super().dump_obj(obj))
