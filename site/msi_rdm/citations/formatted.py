"""Formatted citations through citeproc-py, cached in Redis on record revision, style and locale.

The text is HTML-escaped, as upstream's HTML citations are: the landing page puts it into the page
as HTML (``RecordCitationField``), so a title with markup must arrive as text.
"""

import re
from html import escape

from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source import Name
from citeproc.source.json import CiteProcJSON
from flask import request
from flask_resources.serializers import BaseSerializer
from invenio_cache import current_cache
from invenio_i18n import get_locale

from .csl import csl_data
from .styles import check_style, normalise_locale, parsed_style

CACHE_SECONDS = 30 * 24 * 3600

DIRECTOR_AS_AUTHOR = {"harvard-cite-them-right", "vancouver"}
"""Styles whose CSL file cites a film without its director unless the director is the author."""


def _source(item, style):
    """The citeproc source of one item, its directors included.

    citeproc-py 0.11 reads no ``director`` from CSL-JSON, so directors are set as names here;
    styles whose film rules cite no director (DIRECTOR_AS_AUTHOR) get them as authors.
    """
    directors = item.get("director", [])
    if directors and not item.get("author") and style in DIRECTOR_AS_AUTHOR:
        item = {**item, "author": directors}
    source = CiteProcJSON([{key: value for key, value in item.items() if key != "director"}])
    if directors:
        source[item["id"]]["director"] = [
            Name(family=name.get("family") or name.get("literal", ""), given=name.get("given", ""))
            for name in directors
        ]
    return source


def format_citation(item, style, locale):
    """Format one CSL-JSON item as HTML-escaped text in a style and locale."""
    bibliography = CitationStylesBibliography(
        parsed_style(style, locale), _source(item, style), formatter.plain
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0])
    return escape(re.sub(r"\.\.+", ".", re.sub(r"\s\s+", " ", text)).strip(), quote=False)


def cache_key(record, style, locale):
    """Cache key of a formatted citation: the record's revision, the style and the locale."""
    return f"msi:citation:v2:{record['id']}:{record.get('revision_id')}:{style}:{locale}"


def citation(record, style, locale):
    """Return the formatted citation of a record, from the cache when it is there."""
    key = cache_key(record, style, locale)
    text = current_cache.get(key)
    if text is None:
        text = format_citation(csl_data(record), style, locale)
        current_cache.set(key, text, timeout=CACHE_SECONDS)
    return text


def request_style_and_locale():
    """Style and locale of the request: ``style``/``locale`` arguments, else the UI language."""
    style = check_style(request.args.get("style"))
    locale = normalise_locale(request.args.get("locale") or str(get_locale() or ""))
    return style, locale


class CitationSerializer(BaseSerializer):
    """``text/x-bibliography``: the record formatted in the requested style and locale."""

    def serialize_object(self, obj):
        """Format one record."""
        return citation(obj, *request_style_and_locale())

    def serialize_object_list(self, obj_list):
        """Format a list of records, one per line."""
        style, locale = request_style_and_locale()
        return "\n".join(citation(hit, style, locale) for hit in obj_list["hits"]["hits"])
