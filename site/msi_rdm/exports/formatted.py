"""Formatted citations through citeproc-py, cached in Redis on record revision, style and locale.

``text/x-bibliography`` is plain text (``&`` stays ``&``): the landing page escapes it itself
before it puts it into the page (upstream's ``RecordCitationField``), so nothing is escaped here.
The text equals what citeproc-js makes of the record's CSL-JSON export (``csl_engine``).
"""

from flask import request
from flask_resources.serializers import BaseSerializer
from invenio_cache import current_cache
from invenio_i18n import get_locale
from invenio_records_resources.resources.records.headers import etag_headers

from .csl import csl_data
from .csl_engine import ENGINE_VERSION, format_entry
from .styles import check_style, normalise_locale, parsed_style

CACHE_SECONDS = 30 * 24 * 3600


def format_citation(item, style, locale):
    """Format one CSL-JSON item as plain text in a style and locale."""
    return format_entry(item, parsed_style(style, locale))


def cache_key(record, style, locale):
    """Cache key of a formatted citation: the renderer's version, the record's revision, the
    style and the locale."""
    revision = record.get("revision_id")
    return f"msi:citation:e{ENGINE_VERSION}:{record['id']}:{revision}:{style}:{locale}"


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


def bibliography_headers(obj_or_list, code, many=False):
    """The answer's ETag, and the plain-text type of a formatted citation (as upstream's)."""
    headers = etag_headers(obj_or_list, code, many=False)
    headers["content-type"] = "text/plain"
    return headers
