"""Vocabulary terms of a record, resolved once every few minutes per process when pages are read.

To show a record, upstream resolves every vocabulary term it carries (language, resource type,
licence, the msi: themes, sectors, goals, ...) with two queries each: its PID, then its row. A
report of the demo collection carries eight, so sixteen of a landing page's forty-odd queries went
there. Within a GET request those resolutions are answered from a per-process table kept for
``MSI_VOCABULARY_OPTIONS_TTL`` seconds. The table holds what upstream's per-record relation cache
holds (the term's record, detached from the database session); each request gets a copy of its
data, so nothing one page does to a term reaches the next. Writes, indexing and tasks, which store
what they resolve, always read the database.
"""

import copy
import threading
import time

from flask import current_app, has_request_context, request
from invenio_records_resources.records.systemfields.relations import PIDRelation
from invenio_vocabularies.records.systemfields.pid import VocabularyPIDFieldContext

_terms = {}
_lock = threading.Lock()
_upstream_resolve = PIDRelation.resolve


def _cacheable(relation):
    return (
        isinstance(relation.pid_field, VocabularyPIDFieldContext)
        and has_request_context()
        and request.method in ("GET", "HEAD")
    )


def resolve(relation, id_):
    """``PIDRelation.resolve``, answered from the per-process table for vocabulary terms."""
    if not _cacheable(relation):
        return _upstream_resolve(relation, id_)
    field = relation.pid_field
    key = (field.record_cls, getattr(field, "_type_id", None), repr(id_))
    now = time.monotonic()
    ttl = current_app.config.get("MSI_VOCABULARY_OPTIONS_TTL", 0)
    with _lock:
        found = _terms.get(key)
    if found is None or now - found[0] >= ttl:
        term = _upstream_resolve(relation, id_)
        if term is None:
            return None
        found = (now, term)
        with _lock:
            _terms[key] = found
    term = found[1]
    fresh = type(term)(copy.deepcopy(dict(term)), model=term.model)
    relation.cache[id_] = fresh
    return fresh


def forget_terms():
    """Drop every remembered term."""
    with _lock:
        _terms.clear()


def remember_vocabulary_terms():
    """Let PID relations answer vocabulary terms from the table (called once at app start)."""
    if PIDRelation.resolve is not resolve:
        PIDRelation.resolve = resolve
