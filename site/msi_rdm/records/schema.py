"""The record schema of MSI's services: upstream's, with what a search hit adds.

A search hit of a record carries the snippets the highlighter found (``highlight``: title,
description and file text, escaped, with ``<mark>``) and, for films, the poster and the caption
cues that say the marked words (``msi_film``, ``highlight.captions``). Upstream's result list
dumps each hit with its search metadata in the schema context (``meta``), so these are fields of
the record schema (``RDM_RECORD_SCHEMA``); outside search hits they are left out. Film data is
read only for hits whose files anyone may read and whose document lists a film file: the same
rule that lets file text into the index at all.
"""

from invenio_rdm_records.services.schemas import RDMRecordSchema
from marshmallow import fields, missing
from marshmallow_utils.context import context_schema

from ..films.search import film_rows, has_film_files, hit_captions, hit_film
from ..fulltext.dumper import files_are_public


def _meta():
    return (context_schema.get({}) or {}).get("meta")


def shows_film_rows(record):
    """Whether a hit of ``record`` carries data of its film rows: only when anyone may read its
    files and its document lists a film file."""
    return files_are_public(record) and has_film_files(record)


def _film_rows(record):
    """The film rows of the hit being dumped, read once per hit (kept in its context).

    A result list may have read the rows of its whole page in one query beforehand
    (``msi_film_page_rows``, ``{record id: rows}``); otherwise the hit's own are read."""
    context = context_schema.get({})
    if "msi_film_rows" not in context:
        rows = []
        if shows_film_rows(record):
            page = context.get("msi_film_page_rows") or {}
            found = page.get(str(record.id))
            rows = found if found is not None else film_rows(record.id)
        context["msi_film_rows"] = rows
    return context["msi_film_rows"]


def hit_highlight(meta, pid_value, rows):
    """A hit's ``highlight``: its snippets by field and the caption cues of its marked words
    (from ``rows``, its film rows), or None when the highlighter found nothing."""
    found = getattr(meta, "highlight", None) if meta is not None else None
    if not found:
        return None
    snippets = {
        field.removeprefix("msi_search."): list(fragments)
        for field, fragments in found.to_dict().items()
    }
    cues = hit_captions(pid_value, rows, snippets.get("fulltext"))
    if cues:
        snippets["captions"] = cues
    return snippets


class MSIRecordSchema(RDMRecordSchema):
    """Upstream's record schema; search hits also carry snippets and film data."""

    highlight = fields.Method("dump_highlight", dump_only=True)
    msi_film = fields.Method("dump_film", dump_only=True)

    def dump_highlight(self, record):
        """The hit's snippets by field, and the caption cues of a film's marked words."""
        meta = _meta()
        if getattr(meta, "highlight", None) is None:
            return missing
        return hit_highlight(meta, record["id"], _film_rows(record)) or missing

    def dump_film(self, record):
        """The poster of a film's search hit."""
        if _meta() is None:
            return missing
        return hit_film(record, _film_rows(record)) or missing
