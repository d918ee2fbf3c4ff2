"""Google Scholar's citation tags (Highwire Press ``citation_*``) of a landing page.

Google Scholar's inclusion guidelines ask for ``citation_title``, ``citation_author`` (one tag per
author, in order) and ``citation_publication_date`` on every landing page; its further tags are
given where the record has the data. Choices the guidelines leave open:

- ``citation_publication_date``: the record's EDTF date as Google's ``YYYY/MM/DD``, ``YYYY/MM``
  or ``YYYY`` (the precision the record has); an interval gives its start.
- ``citation_author``: the name as the record holds it, ``Family, Given`` for people (Scholar reads
  both orders; the comma keeps multi-word family names apart) and organisations as they are.
- ``citation_language``: ISO 639-1 (``sv``, ``en``) where the language has a two-letter code, the
  record's ISO 639-3 code otherwise; one tag per language.
- ``citation_technical_report_institution``: for reports (resource types whose CSL type is
  ``report``: reports, policy briefs, working papers, technical notes, deliverables), the
  publisher, else the university of the record's MSI node. Reports are what Scholar indexes as
  technical reports. ``citation_technical_report_number``: the report's ``msi:report_number``.
- ``citation_doi``: the DOI alone (``10.x/y``), only when the record has one.
- ``citation_pdf_url`` stays with the file links in the template: only readers of the files get it.
"""

import html
import re

from ..oai.mapping import report_number
from ..vocabularies.props import props


def publication_date(value):
    """Google Scholar's form of an EDTF date: ``2021/06/15``, ``2021/06`` or ``2021``."""
    start = (value or "").split("/")[0].strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", start)
    if not match:
        return None
    return "/".join(part for part in match.groups() if part)


def plain_text(value):
    """Text without tags and entities, spaces collapsed (as Jinja's ``striptags``)."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", value or "")).split())


def _language(entry):
    code = entry.get("id", "")
    return props("languages", code).get("alpha_2") or code


def _is_report(type_id):
    return bool(type_id) and props("resourcetypes", type_id).get("csl") == "report"


def _node_university(record_ui):
    node = (record_ui.get("custom_fields") or {}).get("msi:node") or {}
    return props("msinodes", node["id"]).get("university") if node.get("id") else None


def highwire_tags(record_ui):
    """``[(name, content)]`` of the record's citation tags, in Google Scholar's order."""
    metadata = record_ui.get("metadata") or {}
    tags = [("citation_title", plain_text(metadata.get("title", "")))]
    for creator in metadata.get("creators", []):
        name = (creator.get("person_or_org") or {}).get("name")
        if name:
            tags.append(("citation_author", name))
    date = publication_date(metadata.get("publication_date"))
    if date:
        tags.append(("citation_publication_date", date))
    publisher = metadata.get("publisher")
    if publisher:
        tags.append(("citation_publisher", publisher))
    for language in metadata.get("languages", []):
        tags.append(("citation_language", _language(language)))
    if _is_report((metadata.get("resource_type") or {}).get("id")):
        institution = publisher or _node_university(record_ui)
        if institution:
            tags.append(("citation_technical_report_institution", institution))
        number = report_number(record_ui)
        if number:
            tags.append(("citation_technical_report_number", number))
    doi = ((record_ui.get("pids") or {}).get("doi") or {}).get("identifier")
    if doi:
        tags.append(("citation_doi", doi))
    for subject in metadata.get("subjects", []):
        if subject.get("subject"):
            tags.append(("citation_keywords", subject["subject"]))
    landing = (record_ui.get("links") or {}).get("self_html")
    if landing:
        tags.append(("citation_abstract_html_url", landing))
    return tags
