"""CSL-JSON of a record as MSI cites it: films with their director, reports with institution."""

from invenio_rdm_records.resources.serializers import CSLJSONSerializer

from ..oai.mapping import msi_node, resource_type_props

DIRECTOR = "director"


def _name(entry):
    """CSL name of a creator or contributor."""
    person = entry.get("person_or_org", {})
    if person.get("family_name"):
        return {"family": person["family_name"], "given": person.get("given_name", "")}
    return {"literal": person.get("name", "")}


def _has_role(entry, role):
    return entry.get("role", {}).get("id") == role


def csl_data(record):
    """Return the CSL-JSON item of a record (API dict or index document)."""
    data = CSLJSONSerializer().dump_obj(record)
    metadata = record.get("metadata", {})
    creators = metadata.get("creators", [])
    people = creators + metadata.get("contributors", [])
    directors = [_name(entry) for entry in people if _has_role(entry, DIRECTOR)]
    if directors:
        data["director"] = directors
        authors = [_name(entry) for entry in creators if not _has_role(entry, DIRECTOR)]
        if authors:
            data["author"] = authors
        else:
            data.pop("author", None)
    node = msi_node(record)
    if data.get("type") == "report" and node:
        data.setdefault("publisher", node["university"])
        data["authority"] = node["university"]
    data["type"] = resource_type_props(record).get("csl") or data.get("type", "document")
    url = record.get("links", {}).get("self_html")
    if url:
        data["URL"] = url
    return data


class MSICSLJSONSerializer(CSLJSONSerializer):
    """CSL-JSON export with MSI's film and report mapping."""

    def dump_obj(self, obj):
        """Dump one record."""
        return csl_data(obj)
