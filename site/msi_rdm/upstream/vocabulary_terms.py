"""Vocabulary terms that pages resolve are answered from a per-process table (GET requests only).

Each vocabulary term a record carries costs two queries to resolve (its PID, then its row); a
report of the demo collection carries eight, sixteen of a landing page's forty-odd queries. Within
GET requests (and the bulk publish path's checks) ``PIDRelation.resolve`` answers vocabulary
terms from ``msi_rdm.vocabularies.cache.terms_table``, kept ``MSI_VOCABULARIES_TTL`` seconds,
handing each request a copy of the term's data. Everything else resolves as upstream does.
"""

import copy

from invenio_records_resources.records.systemfields.relations import PIDRelation

from ..vocabularies.cache import terms_table
from ..vocabularies.terms import cacheable
from .change import UpstreamChange
from .replace import replacing

_upstream_resolve = PIDRelation.resolve


def resolve(relation, id_):
    """``PIDRelation.resolve``, answered from the per-process table for vocabulary terms."""
    if not cacheable(relation):
        return _upstream_resolve(relation, id_)
    field = relation.pid_field
    key = (field.record_cls, getattr(field, "_type_id", None), repr(id_))
    term = terms_table.get(key, lambda: _upstream_resolve(relation, id_))
    if term is None:
        return None
    fresh = type(term)(copy.deepcopy(dict(term)), model=term.model)
    relation.cache[id_] = fresh
    return fresh


apply, revert = replacing(PIDRelation, "resolve", resolve)

change = UpstreamChange(
    name="vocabulary-terms",
    replaces=("invenio_records_resources.records.systemfields.relations.PIDRelation.resolve",),
    why="16 of a landing page's ~40 SQL queries resolved the record's vocabulary terms",
    checked={"invenio-records-resources": ("10.2.4",), "invenio-vocabularies": ("13.1.2",)},
    unnecessary_when="invenio-records-resources lets a relation resolve through a cache of its "
    "own (a relation or PID-field option), or caches vocabulary terms itself",
    apply=apply,
    revert=revert,
)
