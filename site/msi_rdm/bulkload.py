"""Rebuild the records index in chunks, full text included.

Upstream's ``rebuild_index`` queues every id and indexes each record on its own: one query for the
record, fresh vocabulary lookups for each of its relations and one query for its full text. Here a
chunk of records is read with one query, their full text with another, vocabulary lookups are
shared by every record of the chunk, and the chunk goes to OpenSearch as one bulk request. What
upstream's dumper reads per record is read per chunk: parents, buckets, versions states and open
drafts with one query each, and view and download statistics with one search per statistics query
(``msi_rdm.stats_bulk``).
"""

import io

from invenio_db import db
from invenio_db.uow import UnitOfWork
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_records_resources.services.uow import (
    IndexRefreshOp,
    RecordCommitOp,
    RecordDeleteOp,
    TaskOp,
)
from invenio_search import current_search_client
from invenio_search.engine import search
from sqlalchemy.orm import selectinload

from .fulltext.api import extract_record, prefetched_texts, record_texts
from .fulltext.tasks import extract_fulltext
from .records import known_drafts
from .stats_bulk import prefetched_stats

CHUNK_SIZE = 500


def published_ids():
    """Ids of every published record that is not deleted, oldest first."""
    model_cls = current_rdm_records_service.record_cls.model_cls
    rows = (
        db.session.query(model_cls.id)
        .filter(model_cls.is_deleted.is_(False))
        .order_by(model_cls.created)
    )
    return [row.id for row in rows]


def chunked(items, size):
    """Yield consecutive slices of ``items`` of at most ``size`` elements."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_records(ids):
    """The records of ``ids`` (UUIDs or strings) read in the order of ``ids``.

    One query reads the records, and one more each their parents, their buckets and their
    versions states, which indexing would otherwise read record by record.
    """
    record_cls = current_rdm_records_service.record_cls
    model_cls = record_cls.model_cls
    models = model_cls.query.filter(model_cls.id.in_(ids), model_cls.is_deleted.is_(False)).options(
        selectinload(model_cls.parent),
        selectinload(model_cls.bucket),
        selectinload(model_cls.media_bucket),
    )
    by_id = {str(model.id): record_cls(model.data, model=model) for model in models}
    records = [by_id[str(record_id)] for record_id in ids if str(record_id) in by_id]
    parent_field = record_cls.parent.field
    parents = {}
    for record in records:
        # The parent field reads its record by id unless one is cached: cache the eager one.
        model = record.model.parent
        if model is not None:
            if model.id not in parents:
                parents[model.id] = record.parent_record_cls(model.data, model=model)
            parent_field._set_cache(record, parents[model.id])
    if parents:
        state_cls = record_cls.versions.model_cls
        states = {
            state.parent_id: state
            for state in state_cls.query.filter(state_cls.parent_id.in_(list(parents)))
        }
        for record in records:
            # The versions manager reads its state once and keeps it; hand it the prefetched one.
            if record.model.parent_id in states:
                record.versions._state = states[record.model.parent_id]
    return records


def share_relation_cache(record, shared):
    """Make the record's relation lookups read and fill ``shared`` instead of a cache of its own.

    ``RelationsMapping`` keeps one dict per relation in ``_cache``; its relations read that dict
    through the very object, so swapping in shared dicts shares the lookups (already-resolved,
    expunged vocabulary records) between every record of a chunk.
    """
    cache = record.relations._cache
    for key in list(cache):
        cache[key] = shared.setdefault(key, cache[key])


def index_actions(records):
    """The bulk index actions of ``records``, with upstream's dumpers and version checks."""
    indexer = current_rdm_records_service.indexer
    shared = {}
    for record in records:
        share_relation_cache(record, shared)
        index = indexer.record_to_index(record)
        arguments = {}
        body = indexer._prepare_record(record, index, arguments)
        yield {
            "_op_type": "index",
            "_index": indexer._prepare_index(index),
            "_id": str(record.id),
            "_version": record.revision_id,
            "_version_type": "external_gte",
            "_source": body,
            **arguments,
        }


def index_chunk(ids):
    """Index the records of ``ids`` with one bulk request; return how many were indexed."""
    records = load_records(ids)
    stats_of = [(record.pid.pid_value, record.parent.pid.pid_value) for record in records]
    record_ids = [record.id for record in records]
    with prefetched_texts(record_texts(record_ids)), prefetched_stats(stats_of):
        with known_drafts(record_ids):
            actions = list(index_actions(records))
    indexed, errors = search.helpers.bulk(current_search_client, actions, raise_on_error=False)
    db.session.expunge_all()
    # A version conflict means the index already holds a newer revision: nothing to do.
    failed = [e for e in errors if e.get("index", {}).get("status") != 409]
    if failed:
        raise RuntimeError(f"{len(failed)} records could not be indexed: {failed[:3]!r}")
    return indexed


def reindex_records(ids=None, chunk_size=CHUNK_SIZE, progress=None):
    """Index every published record (or ``ids``) chunk by chunk; return how many were indexed.

    ``progress`` is called with the number of records of each chunk once it is indexed.
    """
    ids = published_ids() if ids is None else list(ids)
    total = 0
    for chunk in chunked(ids, chunk_size):
        done = index_chunk(chunk)
        total += done
        if progress is not None:
            progress(len(chunk))
    current_rdm_records_service.indexer.refresh()
    return total


class UnindexedUnitOfWork(UnitOfWork):
    """A unit of work that leaves indexing and extraction to a later bulk run.

    Operations still commit their records; they just do not index them (nor refresh, nor queue
    the extraction task, which ``publish_unindexed`` runs in process instead).
    """

    def register(self, op):
        """Register ``op`` without its indexing side."""
        if isinstance(op, IndexRefreshOp):
            return
        if isinstance(op, TaskOp) and op._celery_task is extract_fulltext:
            return
        if isinstance(op, RecordCommitOp | RecordDeleteOp):
            op._indexer = None
        super().register(op)


def _unindexed(method, *args):
    """Call a service method in an unindexed unit of work and commit it."""
    with UnindexedUnitOfWork() as uow:
        result = method(*args, uow=uow)
        uow.commit()
    return result


def publish_unindexed(identity, data, files=None):
    """Create, attach ``{key: bytes}`` files to and publish a record without indexing it.

    The files' text is extracted at once; the caller indexes the record later, in bulk, with
    ``reindex_records``. Returns the published record item.
    """
    service = current_rdm_records_service
    draft = _unindexed(service.create, identity, data)
    file_service = service.draft_files
    for key, content in (files or {}).items():
        _unindexed(file_service.init_files, identity, draft.id, [{"key": key}])
        _unindexed(file_service.set_file_content, identity, draft.id, key, io.BytesIO(content))
        _unindexed(file_service.commit_file, identity, draft.id, key)
    record = _unindexed(service.publish, identity, draft.id)
    if files:
        extract_record(record._record)
    return record
