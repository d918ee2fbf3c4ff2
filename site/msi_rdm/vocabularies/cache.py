"""What a process remembers of vocabularies, for one lifetime: ``MSI_VOCABULARIES_TTL``.

Three readers keep vocabulary data per process: the option lists of the msi: fields (landing
page, deposit form), the terms a record's relations resolve (landing page), and the titles and
props that OAI-PMH and the exports map. Each table here is computed again once its entries are
``MSI_VOCABULARIES_TTL`` seconds old, and ``forget_vocabularies`` drops them all at once (after
vocabularies are loaded or edited in this process).
"""

import threading
import time

from flask import current_app


class TTLTable:
    """A per-process table whose entries are computed again once ``MSI_VOCABULARIES_TTL``
    seconds old."""

    def __init__(self):
        self._entries = {}
        self._lock = threading.Lock()

    def get(self, key, compute):
        """The value under ``key``, from ``compute()`` when missing or stale; None is not kept."""
        ttl = current_app.config.get("MSI_VOCABULARIES_TTL", 0)
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


options_table = TTLTable()
"""Option lists of vocabulary custom fields (``custom_fields.options``)."""

terms_table = TTLTable()
"""Terms resolved by records' relations (``vocabularies.terms``)."""

types_table = TTLTable()
"""Titles and props of whole vocabulary types (``vocabularies.props``)."""


def forget_vocabularies():
    """Drop everything remembered of vocabularies."""
    for table in (options_table, terms_table, types_table):
        table.clear()
