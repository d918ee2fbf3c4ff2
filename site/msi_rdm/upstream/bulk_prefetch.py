"""The bulk rebuild hands records what upstream's fields would read one record at a time.

Indexing a record reads its parent, its versions state and each vocabulary term of its relations
on its own (a query each, the terms through fresh lookups per record). For a chunk of 500
records, ``msi_rdm.bulk.reindex`` reads parents and versions states with one query each and lets
the chunk's records share one relation cache; this module puts those into the records' fields,
which upstream offers no way to do but through the fields' internals: the parent field's cache,
the versions manager's state and the relations mapping's per-relation dictionaries. It also
leaves out the indexing side of the operations of a unit of work (``UnindexedUnitOfWork``) for
publishing without indexing. With this change out, the rebuild reads what each field reads, only
slower, and units of work index as usual.
"""

from invenio_db.uow import UnitOfWork
from invenio_records_resources.services.uow import (
    IndexRefreshOp,
    RecordCommitOp,
    RecordDeleteOp,
    TaskOp,
)

from .change import UpstreamChange

change = UpstreamChange(
    name="bulk-prefetch",
    replaces=(
        "invenio_drafts_resources.records.systemfields.ParentField (its cache)",
        "invenio_records_resources.records.systemfields.relations.RelationsMapping (its cache)",
        "invenio_drafts_resources.records.api versions manager (its state)",
        "invenio_records_resources.services.uow.RecordCommitOp / TaskOp (their indexer, task)",
    ),
    why="a bulk rebuild of 3,000 records with full text ran at 409 records/s, 10.8x upstream's "
    "per-record path; parents, versions states and shared terms are part of that",
    checked={
        "invenio-records-resources": ("10.2.4",),
        "invenio-drafts-resources": ("10.1.1",),
        "invenio-db": ("2.6.1",),
    },
    unnecessary_when="upstream's fields accept prefetched values (a public cache setter) and "
    "its unit of work has an option to skip indexing",
)


def give_parents(records, parents):
    """Make each record's parent field return its parent from ``parents`` (id → parent)."""
    if not change.active:
        return
    for record in records:
        parent = parents.get(record.model.parent_id)
        if parent is not None:
            type(record).parent.field._set_cache(record, parent)


def give_versions_states(records, states):
    """Make each record's versions manager use its state from ``states`` (parent id → state)."""
    if not change.active:
        return
    for record in records:
        state = states.get(record.model.parent_id)
        if state is not None:
            record.versions._state = state


def share_relation_cache(record, shared):
    """Make the record's relation lookups read and fill ``shared`` instead of a cache of its own.

    ``RelationsMapping`` keeps one dict per relation; its relations read that dict through the
    very object, so swapping in shared dicts shares the lookups (already-resolved, expunged
    vocabulary records) between every record of a chunk.
    """
    if not change.active:
        return
    cache = record.relations._cache
    for key in list(cache):
        cache[key] = shared.setdefault(key, cache[key])


class UnindexedUnitOfWork(UnitOfWork):
    """A unit of work that leaves indexing (and one task) to a later bulk run.

    Operations still commit their records; they just do not index them, nor refresh, nor queue
    ``skipped_task``, which the caller runs in process instead.
    """

    def __init__(self, skipped_task=None, **kwargs):
        """``skipped_task``: a Celery task whose ``TaskOp`` is dropped."""
        super().__init__(**kwargs)
        self.skipped_task = skipped_task

    def register(self, op):
        """Register ``op`` without its indexing side."""
        if change.active:
            if isinstance(op, IndexRefreshOp):
                return
            if isinstance(op, TaskOp) and op._celery_task is self.skipped_task:
                return
            if isinstance(op, RecordCommitOp | RecordDeleteOp):
                op._indexer = None
        super().register(op)
