"""MSI fields as harvesters read them: subjects with scheme URIs, node as contributor, COAR."""

from flask import current_app

from ..vocabularies.props import props, title

THEME_SCHEME = "MSI themes"
SDG_SCHEME = "UN Sustainable Development Goals"
SDG_SCHEME_URI = "http://metadata.un.org/sdg/"
SSIF_SCHEME = "SSIF"
SSIF_SCHEME_URI = "https://begrepp.uka.se/SSIF"
"""Standard för svensk indelning av forskningsämnen (2025), UKÄ's concept scheme."""


def theme_scheme_uri():
    """Base URI of MSI's theme vocabulary: the repository's own vocabulary endpoint."""
    return current_app.config["SITE_API_URL"].rstrip("/") + "/vocabularies/msithemes/"


def msi_subjects(source):
    """Return themes, SDGs and SSIF as ``{subject, scheme, scheme_uri, value_uri, lang}`` dicts."""
    custom = source.get("custom_fields", {})
    subjects = []
    for theme in custom.get("msi:themes", []):
        for language in ("sv", "en"):
            subjects.append(
                {
                    "subject": title("msithemes", theme["id"], language),
                    "scheme": THEME_SCHEME,
                    "scheme_uri": theme_scheme_uri(),
                    "value_uri": theme_scheme_uri() + theme["id"],
                    "lang": language,
                }
            )
    for sdg in custom.get("msi:sdgs", []):
        subjects.append(
            {
                "subject": title("sdgs", sdg["id"], "en"),
                "scheme": SDG_SCHEME,
                "scheme_uri": SDG_SCHEME_URI,
                "value_uri": props("sdgs", sdg["id"]).get("uri", ""),
                "lang": "en",
            }
        )
    for ssif in custom.get("msi:ssif", []):
        for language in ("sv", "en"):
            subjects.append(
                {
                    "subject": title("ssif", ssif["id"], language),
                    "scheme": SSIF_SCHEME,
                    "scheme_uri": SSIF_SCHEME_URI,
                    "value_uri": props("ssif", ssif["id"]).get("uri", ""),
                    "lang": language,
                }
            )
    return subjects


def ssif_codes(source):
    """The record's SSIF codes."""
    return [ssif["id"] for ssif in source.get("custom_fields", {}).get("msi:ssif", [])]


def msi_node(source):
    """Return the record's node as ``{name, university, ror}``, or None."""
    node = source.get("custom_fields", {}).get("msi:node")
    if not node or not node.get("id"):
        return None
    node_props = props("msinodes", node["id"])
    return {
        "name": title("msinodes", node["id"], "sv"),
        "university": node_props.get("university", ""),
        "ror": node_props.get("ror", ""),
    }


def resource_type_props(source):
    """Props of the record's resource type (csl, datacite_general, coar, eurepo, ...)."""
    type_id = source.get("metadata", {}).get("resource_type", {}).get("id")
    return props("resourcetypes", type_id) if type_id else {}


def report_number(source):
    """The number of a report in its series (``msi:report_number``); None for other types."""
    number = (source.get("custom_fields") or {}).get("msi:report_number")
    if not number or resource_type_props(source).get("csl") != "report":
        return None
    return number


def file_entries(source):
    """The record's file entries as a list: the index holds a list, the API a dict by key."""
    entries = source.get("files", {}).get("entries") or []
    return list(entries.values()) if isinstance(entries, dict) else list(entries)


def api_shaped(source):
    """An index document with its file entries keyed by file name, as serializers expect."""
    files = source.get("files", {})
    entries = {entry["key"]: entry for entry in file_entries(source)}
    return {**source, "files": {**files, "entries": entries}}
