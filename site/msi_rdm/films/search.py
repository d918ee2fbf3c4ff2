"""Search hits of films: the poster as thumbnail, and caption snippets with their time codes.

The full-text highlighter marks words in a record's joined file text. For films the marked words
are looked up in the caption cues stored by the films pipeline, so a hit can say when a word is
said and link to the landing page at that time (``?t=<seconds>``). Cues are read for hits whose
files anyone may read only: the same rule that lets file text into the index at all. The database
is asked only about hits whose index document lists a video or caption file, since the pipeline
keeps rows for those files only; a page of reports costs no query.
"""

import html
import re

from flask import current_app
from markupsafe import escape

from .api import is_film_file
from .captions import time_code
from .models import FilmFileKind, FilmFileModel, FilmFileStatus

_MARKED = re.compile(r"<mark>(.*?)</mark>")
MAX_CAPTION_HITS = 3


def lists_film_files(document):
    """True when a search hit's index document lists a video or caption file."""
    entries = (document.get("files") or {}).get("entries") or ()
    return any(is_film_file(entry.get("key") or "") for entry in entries)


def has_film_files(record):
    """True when a record loaded from its index document has a video or caption file.

    Such a record holds its file entries as the document listed them: no query."""
    return record.files.enabled and any(is_film_file(key) for key in record.files.entries)


def marked_terms(fragments):
    """Return the distinct words the highlighter marked, unescaped, in lower case."""
    terms = []
    for fragment in fragments:
        for term in _MARKED.findall(fragment):
            term = html.unescape(term).casefold()
            if term and term not in terms:
                terms.append(term)
    return terms


def mark(text, terms):
    """Return ``text`` HTML-escaped with ``<mark>`` around each occurrence of the terms."""
    if not terms:
        return str(escape(text))
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    out, at = [], 0
    for match in pattern.finditer(text):
        out += [str(escape(text[at : match.start()])), f"<mark>{escape(match.group())}</mark>"]
        at = match.end()
    out.append(str(escape(text[at:])))
    return "".join(out)


def caption_hits(rows, terms, pid_value):
    """Return the cues saying one of the terms: time, time code, link and marked text."""
    found = []
    for row in rows:
        for start, _end, text in row.cues or []:
            if any(term in text.casefold() for term in terms):
                found.append(
                    {
                        "start": start,
                        "time": time_code(start),
                        "key": row.key,
                        "language": row.language,
                        "text": mark(text, terms),
                        "link": f"/records/{pid_value}?t={start:g}",
                    }
                )
                if len(found) == MAX_CAPTION_HITS:
                    return found
    return found


def film_rows(record_id):
    """Readable rows of a record's films: its captions and its videos that have a poster."""
    return film_rows_of([record_id])[str(record_id)]


def film_rows_of(record_ids):
    """``{record id: rows}`` of ``film_rows`` for many records (a page of hits) in one query.

    Every id asked for has an entry, empty when the record has no readable film rows."""
    rows = {str(record_id): [] for record_id in record_ids}
    if not rows:
        return rows
    query = (
        FilmFileModel.query.filter(
            FilmFileModel.record_id.in_(list(rows)),
            FilmFileModel.status == FilmFileStatus.OK,
            (FilmFileModel.kind == FilmFileKind.CAPTIONS) | FilmFileModel.poster.isnot(None),
        )
        .with_entities(
            FilmFileModel.record_id,
            FilmFileModel.id,
            FilmFileModel.updated,
            FilmFileModel.key,
            FilmFileModel.kind,
            FilmFileModel.language,
            FilmFileModel.cues,
        )  # fmt: skip
        .order_by(FilmFileModel.key)
    )
    for row in query:
        rows[str(row.record_id)].append(row)
    return rows


def rows_version(rows):
    """What a film hit's poster and caption cues depend on in its rows: which rows, and when
    each last changed (``updated`` is set on every change of a row)."""
    return [f"{row.id}:{row.updated.isoformat()}" for row in rows]


def hit_film(record, rows):
    """``msi_film`` of a film's search hit: its poster, when one of its videos has one."""
    if not any(row.kind == FilmFileKind.VIDEO for row in rows):
        return None
    site = current_app.config["SITE_UI_URL"]
    return {"poster": f"{site}/records/{record['id']}/poster"}


def hit_captions(pid_value, rows, fragments):
    """The caption cues that say the words the highlighter marked in a hit's file text."""
    captions = [row for row in rows if row.kind == FilmFileKind.CAPTIONS]
    if not captions or not fragments:
        return []
    return caption_hits(captions, marked_terms(fragments), pid_value)
