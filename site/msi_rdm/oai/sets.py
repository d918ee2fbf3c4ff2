"""OAI-PMH sets computed from the index document: node community, theme, SDG, type, openaire, and
``SwePub-<code>`` per node university (records that meet KB's minimum level, ``msi_rdm.swepub``).

Set membership is read from fields every record already carries, so no percolator runs on
publish and a record's sets never go stale. Specs are hierarchical (``theme:barnets-ratt`` lies in
``theme``), as OAI-PMH allows.
"""

from functools import cache

from flask import current_app
from invenio_communities.communities.records.models import CommunityMetadata
from invenio_db import db
from invenio_search.engine import dsl

from ..vocabularies.props import title, vocabulary

FIELDS = {
    "community": "parent.communities.entries.slug",
    "theme": "custom_fields.msi:themes.id",
    "sdg": "custom_fields.msi:sdgs.id",
    "type": "metadata.resource_type.id",
}
"""Set family and the index field whose values name its member sets."""

FAMILY_NAMES = {
    "community": "Node communities",
    "theme": "MSI themes",
    "sdg": "UN Sustainable Development Goals",
    "type": "Resource types",
}


@cache
def openaire_types():
    """Resource types that OpenAIRE's literature guidelines cover."""
    return tuple(
        sorted(
            type_id
            for type_id, entry in vocabulary("resourcetypes").items()
            if entry["props"].get("openaire_type") == "publication"
        )
    )


def _swepub_prefix():
    return current_app.config["MSI_SWEPUB_SET_PREFIX"]


def swepub_query(spec):
    """The query of a ``SwePub-<code>`` set: the university's records that SwePub may read."""
    code = spec.removeprefix(_swepub_prefix())
    if code not in vocabulary("msiuniversities"):
        return None
    return dsl.Q(
        "bool",
        filter=[
            dsl.Q("term", **{"custom_fields.msi:swepub.university": code}),
            dsl.Q("term", **{"custom_fields.msi:swepub.ready": True}),
        ],
    )


def swepub_sets(custom):
    """The SwePub set of an index document's custom fields, if it meets the minimum level."""
    status = custom.get("msi:swepub") or {}
    if status.get("ready") and status.get("university"):
        return [f"{_swepub_prefix()}{status['university']}"]
    return []


def set_query(spec):
    """Return the query of a set spec, or None when no such set exists."""
    if spec.startswith(_swepub_prefix()):
        return swepub_query(spec)
    if spec == "openaire":
        return dsl.Q("terms", **{"metadata.resource_type.id": list(openaire_types())})
    family, _, value = spec.partition(":")
    field = FIELDS.get(family)
    if field is None or ":" in value:
        return None
    if not value:
        return dsl.Q("exists", field=field)
    return dsl.Q("term", **{field: value})


def record_sets(source):
    """Return the set specs of one index document."""
    metadata = source.get("metadata", {})
    custom = source.get("custom_fields", {})
    members = {
        "community": [
            entry.get("slug")
            for entry in source.get("parent", {}).get("communities", {}).get("entries", [])
        ],
        "theme": [theme.get("id") for theme in custom.get("msi:themes", [])],
        "sdg": [sdg.get("id") for sdg in custom.get("msi:sdgs", [])],
        "type": [metadata.get("resource_type", {}).get("id")],
    }
    specs = []
    for family, values in members.items():
        values = sorted(value for value in values if value)
        if values:
            specs.append(family)
            specs.extend(f"{family}:{value}" for value in values)
    if metadata.get("resource_type", {}).get("id") in openaire_types():
        specs.append("openaire")
    return specs + swepub_sets(custom)


def all_sets():
    """Return ``(spec, name)`` of every set, families first."""
    sets = [("openaire", "OpenAIRE (literature)")]
    for family, name in FAMILY_NAMES.items():
        sets.append((family, name))
        if family == "community":
            rows = db.session.query(CommunityMetadata.slug, CommunityMetadata.json).filter(
                CommunityMetadata.json["access"]["visibility"].as_string() == "public"
            )
            members = sorted(
                (slug, (data or {}).get("metadata", {}).get("title", slug)) for slug, data in rows
            )
        else:
            vocabulary_id = {"theme": "msithemes", "sdg": "sdgs", "type": "resourcetypes"}[family]
            members = sorted(
                (entry_id, title(vocabulary_id, entry_id)) for entry_id in vocabulary(vocabulary_id)
            )
        sets.extend((f"{family}:{value}", label) for value, label in members)
    sets.extend(
        (f"{_swepub_prefix()}{code}", f"SwePub: {title('msiuniversities', code, 'sv')}")
        for code in sorted(vocabulary("msiuniversities"))
    )
    return sets
