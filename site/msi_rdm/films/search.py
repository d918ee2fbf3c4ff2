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

from ..fulltext.search import MSIRecordList
from .access import files_public
from .api import is_film_file
from .captions import time_code
from .models import FilmFileKind, FilmFileModel, FilmFileStatus

_MARKED = re.compile(r"<mark>(.*?)</mark>")
MAX_CAPTION_HITS = 3


def lists_film_files(hit):
    """True when a search hit's index document lists a video or caption file."""
    entries = (hit.to_dict().get("files") or {}).get("entries") or ()
    return any(is_film_file(entry.get("key") or "") for entry in entries)


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


class FilmRecordList(MSIRecordList):
    """Record search results whose film hits carry their poster and caption time codes."""

    @property
    def hits(self):
        """Yield upstream's projections with ``msi_film`` and ``highlight.captions`` added."""
        pairs, films = [], []
        for hit, projection in zip(self._results, super().hits, strict=True):
            pairs.append((hit.meta.id, projection))
            if files_public(projection) and lists_film_files(hit):
                films.append(hit.meta.id)
        rows = self._film_rows(films)
        site = current_app.config["SITE_UI_URL"]
        for record_id, projection in pairs:
            record_rows = rows.get(record_id, [])
            if any(r.kind == FilmFileKind.VIDEO for r in record_rows):
                projection["msi_film"] = {"poster": f"{site}/records/{projection['id']}/poster"}
            captions = [r for r in record_rows if r.kind == FilmFileKind.CAPTIONS]
            fragments = (projection.get("highlight") or {}).get("fulltext")
            if captions and fragments:
                cues = caption_hits(captions, marked_terms(fragments), projection["id"])
                if cues:
                    projection["highlight"]["captions"] = cues
            yield projection

    @staticmethod
    def _film_rows(record_ids):
        """Return ``{record id: rows}``: readable captions and videos that have a poster."""
        if not record_ids:
            return {}
        query = FilmFileModel.query.filter(
            FilmFileModel.record_id.in_(record_ids),
            FilmFileModel.status == FilmFileStatus.OK,
            (FilmFileModel.kind == FilmFileKind.CAPTIONS) | FilmFileModel.poster.isnot(None),
        ).with_entities(
            FilmFileModel.record_id,
            FilmFileModel.key,
            FilmFileModel.kind,
            FilmFileModel.language,
            FilmFileModel.cues,
        )
        rows = {}
        for row in query.order_by(FilmFileModel.key):
            rows.setdefault(str(row.record_id), []).append(row)
        return rows
