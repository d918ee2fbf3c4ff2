"""Approved researchers in the names vocabulary, so the deposit form's creator field offers them."""

from invenio_access.permissions import system_identity
from invenio_records_resources.proxies import current_service_registry
from invenio_vocabularies.contrib.names.models import NamesMetadata


def name_entry(record):
    """The names-vocabulary entry of a profile: the verified iD as id and identifier."""
    orcid = record.get("orcid") or {}
    verified = orcid.get("id") if orcid.get("verified") else None
    entry = {
        "id": verified or f"msi-{record.pid.pid_value}",
        "name": record["name"],
        "family_name": record["family_name"],
        "affiliations": [{"id": a["id"]} for a in record.get("affiliations") or []],
        "props": {"msi_researcher": record.pid.pid_value, "node": record["node"]["id"]},
    }
    if record.get("given_name"):
        entry["given_name"] = record["given_name"]
    if verified:
        entry["identifiers"] = [{"scheme": "orcid", "identifier": verified}]
    return entry


def sync_name(record, uow=None):
    """Create or update the profile's names entry."""
    service = current_service_registry.get("names")
    entry = name_entry(record)
    if NamesMetadata.query.filter_by(pid=entry["id"]).one_or_none() is None:
        return service.create(system_identity, entry, uow=uow)
    return service.update(system_identity, entry["id"], entry, uow=uow)
