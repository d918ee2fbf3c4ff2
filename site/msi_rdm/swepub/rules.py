"""KB's minimum level for SwePub ("Bibliografisk miniminivå", rules 01–12) on a record's data.

``missing`` names the rules a record fails before any MODS is written, so a record that fails
stays out of its ``SwePub-<code>`` set and its depositor is told why; the test harvests the MODS
and checks the same rules on the XML.
"""

from invenio_i18n import lazy_gettext as _

from ..vocabularies.props import vocabulary
from . import defaults

MESSAGES = {
    "01": _("a responsible university: choose the MSI node or the responsible university"),
    "02": _("a person as author, editor or creator, or an organisation with an identifier"),
    "03": _("a title"),
    "05": _("an output type from KB's list"),
    "07": _("a content type: peer-reviewed, other academic or popular science"),
    "08": _("a publication date"),
    "09": _("an address (URI) of the record"),
    "10": _("a language"),
    "11": _("the journal or book the work appeared in (host item)"),
    "12": _("no host item: this output type stands on its own"),
}
"""What each rule asks for, as the depositor is told."""

JOURNAL_HOSTED = defaults.HOST_REQUIRED - {"publication/book-chapter", "publication/report-chapter"}


def host_title(data, code):
    """The title of the work's host item: the journal of an article, the book of a chapter."""
    custom = data.get("custom_fields") or {}
    if code in JOURNAL_HOSTED:
        return ((custom.get("journal:journal") or {}).get("title") or "").strip()
    if code in {"publication/book-chapter", "publication/report-chapter", "conference/paper"}:
        return ((custom.get("imprint:imprint") or {}).get("title") or "").strip()
    return ""


def _has_agent(metadata):
    """Rule 02: a named person among the creators (each one of the work's creators) or an
    editor among the contributors, or such an organisation with a ROR id."""
    entries = [(entry, True) for entry in metadata.get("creators", [])]
    entries += [(entry, False) for entry in metadata.get("contributors", [])]
    for entry, creator in entries:
        if not creator and (entry.get("role") or {}).get("id") != "editor":
            continue
        person = entry.get("person_or_org") or {}
        if person.get("type") == "personal" and (person.get("family_name") or person.get("name")):
            return True
        schemes = {identifier.get("scheme") for identifier in person.get("identifiers", [])}
        if person.get("type") == "organizational" and "ror" in schemes and person.get("name"):
            return True
    return False


def output_type_codes():
    """KB's output types, by code."""
    return {entry["props"].get("code") for entry in vocabulary("swepuboutputtypes").values()}


def missing(data, values):
    """Return the numbers of the rules that the record ``data`` with ``values`` fails."""
    metadata = data.get("metadata") or {}
    code = values["output_type"]
    unpublished = values["publication_status"] in defaults.UNPUBLISHED_STATUSES
    checks = {
        "01": bool(values["university"]),
        "02": _has_agent(metadata),
        "03": bool((metadata.get("title") or "").strip()),
        "05": code in output_type_codes(),
        "07": bool(values["content_type"]) or not defaults.needs_content_type(code),
        "08": bool(metadata.get("publication_date")) or unpublished,
        "09": bool(data.get("id")),
        "10": bool(metadata.get("languages")),
        "11": code not in defaults.HOST_REQUIRED or unpublished or bool(host_title(data, code)),
        "12": code not in defaults.HOST_FORBIDDEN or not host_title(data, code),
    }
    return sorted(rule for rule, passed in checks.items() if not passed)
