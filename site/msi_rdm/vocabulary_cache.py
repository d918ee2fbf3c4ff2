"""Vocabulary terms of a record, resolved once every few minutes per process when pages are read.

To show a record, upstream resolves every vocabulary term it carries (language, resource type,
licence, the msi: themes, sectors, goals, ...) with two queries each: its PID, then its row. A
report of the demo collection carries eight, so sixteen of a landing page's forty-odd queries went
there. Within a GET request those resolutions are answered from a per-process table kept for
``MSI_VOCABULARY_OPTIONS_TTL`` seconds. The table holds what upstream's per-record relation cache
holds (the term's record, detached from the database session); each request gets a copy of its
data, so nothing one page does to a term reaches the next. Writes, indexing and tasks, which store
what they resolve, always read the database; only the bulk publish path, which checks that terms
exist and stores their ids, asks the table too (``vocabulary_terms_cached``).
"""

import copy
import threading
import time
from contextvars import ContextVar

from flask import current_app, has_request_context, request
from invenio_records_resources.records.systemfields.relations import PIDRelation
from invenio_vocabularies.records.systemfields.pid import VocabularyPIDFieldContext

from .scoped import bound

_upstream_resolve = PIDRelation.resolve


class TTLTable:
    """A per-process table whose entries are computed again once ``MSI_VOCABULARY_OPTIONS_TTL``
    seconds old. Shared by the terms here and the option lists of ``custom_fields.options``."""

    def __init__(self):
        self._entries = {}
        self._lock = threading.Lock()

    def get(self, key, compute):
        """The value under ``key``, from ``compute()`` when missing or stale; None is not kept."""
        ttl = current_app.config.get("MSI_VOCABULARY_OPTIONS_TTL", 0)
        now = time.monotonic()
        with self._lock:
            found = self._entries.get(key)
        if found is not None and now - found[0] < ttl:
            return found[1]
        value = compute()
        if value is not None:
            with self._lock:
                self._entries[key] = (now, value)
        return value

    def clear(self):
        """Drop every entry."""
        with self._lock:
            self._entries.clear()


_terms = TTLTable()
_checking_only = ContextVar("msi_vocabulary_checking_only", default=False)


def vocabulary_terms_cached():
    """Answer vocabulary terms from the table outside GET requests too, within the block.

    For code that only checks that terms exist and then stores their ids (the bulk publish path),
    never for code that stores what it resolves.
    """
    return bound(_checking_only, True)


def _cacheable(relation):
    if not isinstance(relation.pid_field, VocabularyPIDFieldContext):
        return False
    return _checking_only.get() or (has_request_context() and request.method in ("GET", "HEAD"))


def resolve(relation, id_):
    """``PIDRelation.resolve``, answered from the per-process table for vocabulary terms."""
    if not _cacheable(relation):
        return _upstream_resolve(relation, id_)
    field = relation.pid_field
    key = (field.record_cls, getattr(field, "_type_id", None), repr(id_))
    term = _terms.get(key, lambda: _upstream_resolve(relation, id_))
    if term is None:
        return None
    fresh = type(term)(copy.deepcopy(dict(term)), model=term.model)
    relation.cache[id_] = fresh
    return fresh


def forget_terms():
    """Drop every remembered term."""
    _terms.clear()


def remember_vocabulary_terms():
    """Let PID relations answer vocabulary terms from the table (called once at app start)."""
    if PIDRelation.resolve is not resolve:
        PIDRelation.resolve = resolve
