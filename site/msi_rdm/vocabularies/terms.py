"""Vocabulary terms of a record, resolved once every few minutes per process when pages are read.

To show a record, upstream resolves every vocabulary term it carries (language, resource type,
licence, the msi: themes, sectors, goals, ...) with two queries each: its PID, then its row. A
report of the demo collection carries eight, so sixteen of a landing page's forty-odd queries went
there. Within a GET request those resolutions are answered from ``terms_table``, which holds what
upstream's per-record relation cache holds (the term's record, detached from the database
session); each request gets a copy of its data, so nothing one page does to a term reaches the
next. Writes, indexing and tasks, which store what they resolve, always read the database; only
the bulk publish path, which checks that terms exist and stores their ids, asks the table too
(``vocabulary_terms_cached``). Upstream has no hook for this: ``msi_rdm.upstream.vocabulary_terms``
routes ``PIDRelation.resolve`` here.
"""

from contextvars import ContextVar

from flask import has_request_context, request
from invenio_vocabularies.records.systemfields.pid import VocabularyPIDFieldContext

from ..scoped import bound

_checking_only = ContextVar("msi_vocabulary_checking_only", default=False)


def vocabulary_terms_cached():
    """Answer vocabulary terms from the table outside GET requests too, within the block.

    For code that only checks that terms exist and then stores their ids (the bulk publish path),
    never for code that stores what it resolves.
    """
    return bound(_checking_only, True)


def cacheable(relation):
    """True when ``relation``'s terms may be answered from the table now."""
    if not isinstance(relation.pid_field, VocabularyPIDFieldContext):
        return False
    return _checking_only.get() or (has_request_context() and request.method in ("GET", "HEAD"))
