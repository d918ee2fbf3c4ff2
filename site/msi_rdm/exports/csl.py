"""CSL-JSON of a record as MSI cites it: films with their director, reports with institution.

Organisations are ``literal`` names (CSL-JSON's form for a corporate author; upstream gives them
as a family name, which processors may initialise or invert). A film has the genre "Film", so
that APA 7 cites it as "[Film]" (without a genre the APA style falls back to the locale's
"video recording").
"""

from functools import cache

from invenio_rdm_records.resources.serializers import CSLJSONSerializer

from ..oai.mapping import msi_node, report_number, resource_type_props
from .vocabulary_schemas import VocabularyTableMixin

DIRECTOR = "director"
FILM_GENRE = "Film"
"""APA 7's description of a film (the same word in Swedish)."""


def _name(entry):
    """CSL name of a creator or contributor."""
    person = entry.get("person_or_org", {})
    if person.get("type") != "organizational" and person.get("family_name"):
        return {"family": person["family_name"], "given": person.get("given_name", "")}
    return {"literal": person.get("name", "")}


def _has_role(entry, role):
    return entry.get("role", {}).get("id") == role


class TableCSLJSONSerializer(VocabularyTableMixin, CSLJSONSerializer):
    """Upstream's CSL-JSON serializer, its vocabulary props read from the table."""


@cache
def _upstream_csl():
    """One serializer for all records."""
    return TableCSLJSONSerializer()


def csl_data(record):
    """Return the CSL-JSON item of a record (API dict or index document)."""
    # Upstream's journal, imprint and meeting dumpers write ``container_title``,
    # ``publisher_place`` and ``event_place``; CSL-JSON's variables are hyphenated, and readers of
    # the export (citeproc-js, Zotero) ignore the underscored ones, while citeproc-py reads both:
    # the site's citations named the journal and the export did not.
    data = {key.replace("_", "-"): value for key, value in _upstream_csl().dump_obj(record).items()}
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
    number = report_number(record)
    if number:
        data["number"] = number
    data["type"] = resource_type_props(record).get("csl") or data.get("type", "document")
    if data["type"] == "motion_picture":
        data.setdefault("genre", FILM_GENRE)
    url = record.get("links", {}).get("self_html")
    if url:
        data["URL"] = url
    return data


class MSICSLJSONSerializer(CSLJSONSerializer):
    """CSL-JSON export with MSI's film and report mapping."""

    def dump_obj(self, obj):
        """Dump one record."""
        return csl_data(obj)
