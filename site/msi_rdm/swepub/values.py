"""The values a record gives SwePub: its own where set, else those derived from it."""

from ..vocabularies.props import props, vocabulary
from . import defaults


def _id(custom, field):
    """The id of a single vocabulary custom field, or None."""
    value = custom.get(field) or {}
    return value.get("id") if isinstance(value, dict) else None


def university_of_ror(ror):
    """KB code of the university with this ROR id, or None."""
    for code, entry in vocabulary("msiuniversities").items():
        if ror and entry["props"].get("ror") == ror:
            return code
    return None


def university_of_name(name):
    """KB code of the university with this name (Swedish or English), or None."""
    for code, entry in vocabulary("msiuniversities").items():
        if name and name in entry["title"].values():
            return code
    return None


def _university_of_communities(slugs):
    """KB code of the university whose node community holds the record, or None."""
    for _node, entry in sorted(vocabulary("msinodes").items()):
        if entry["props"].get("community") in slugs:
            return university_of_ror(entry["props"].get("ror"))
    return None


def responsible_university(data, community_slugs=()):
    """The record's university: its own choice, else its node's, else its community's."""
    custom = data.get("custom_fields") or {}
    chosen = _id(custom, "msi:university")
    if chosen:
        return chosen
    node = _id(custom, "msi:node")
    if node:
        return university_of_ror(props("msinodes", node).get("ror"))
    return _university_of_communities(set(community_slugs))


def community_slugs(data):
    """Slugs of the communities of an index document (or an API dump)."""
    entries = (data.get("parent") or {}).get("communities", {}).get("entries") or []
    return [entry.get("slug") for entry in entries if entry.get("slug")]


def output_type_code(data):
    """KB's code of the record's output type."""
    custom = data.get("custom_fields") or {}
    chosen = _id(custom, "msi:output_type")
    if chosen:
        return props("swepuboutputtypes", chosen).get("code") or chosen.replace("_", "/")
    resource_type = ((data.get("metadata") or {}).get("resource_type") or {}).get("id")
    return defaults.output_type(resource_type)


def effective_values(data, slugs=None):
    """Return ``{university, output_type, content_type, publication_status}`` of a record."""
    custom = data.get("custom_fields") or {}
    resource_type = ((data.get("metadata") or {}).get("resource_type") or {}).get("id")
    code = output_type_code(data)
    content = _id(custom, "msi:content_type")
    if content is None:
        content = defaults.content_type(resource_type, code)
    status = _id(custom, "msi:publication_status") or defaults.publication_status(code)
    slugs = community_slugs(data) if slugs is None else slugs
    return {
        "university": responsible_university(data, slugs),
        "output_type": code,
        "content_type": content,
        "publication_status": status,
    }
