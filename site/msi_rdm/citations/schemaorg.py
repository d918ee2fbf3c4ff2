"""schema.org JSON-LD with films as VideoObject (duration, poster) and the node as organisation."""

from invenio_rdm_records.resources.serializers import SchemaorgJSONLDSerializer

from ..films.api import public_poster_url
from ..oai.mapping import msi_node


def add_msi_fields(record, data):
    """Return JSON-LD with the film's duration and poster and the node's university added."""
    result = dict(data)
    if result.get("@type") == "https://schema.org/VideoObject":
        duration = record.get("custom_fields", {}).get("msi:duration")
        if isinstance(duration, str) and duration.startswith("P"):
            result["duration"] = duration
        poster = public_poster_url(record)
        if poster:
            result["thumbnailUrl"] = poster
    node = msi_node(record)
    if node and node["university"]:
        organisation = {"@type": "Organization", "name": node["university"]}
        if node["ror"]:
            organisation["@id"] = f"https://ror.org/{node['ror']}"
        result["sourceOrganization"] = organisation
    return result


class MSISchemaorgJSONLDSerializer(SchemaorgJSONLDSerializer):
    """schema.org JSON-LD export with the MSI fields."""

    def dump_obj(self, obj):
        """Dump one record."""
        return add_msi_fields(obj, super().dump_obj(obj))
