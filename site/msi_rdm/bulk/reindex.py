"""Rebuild the records index in chunks, full text included.

Upstream's ``rebuild_index`` queues every id and indexes each record on its own: one query for the
record, fresh vocabulary lookups for each of its relations and one query for its full text. Here a
chunk of records is read with one query, their full text with another, vocabulary lookups are
shared by every record of the chunk, and the chunk goes to OpenSearch as one bulk request. What
upstream's dumper reads per record is read per chunk and handed to a dumper made for the chunk
(``MSIRecordDumper.for_chunk``): open drafts with one query, and view and download statistics
with one search per statistics query (``msi_rdm.bulk.stats``). Parents and versions states are
read with one query each and handed to the records' fields through
``msi_rdm.upstream.bulk_prefetch``, which upstream offers no hook for.
"""

import io

from invenio_db import db
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_search import current_search_client
from invenio_search.engine import search
from invenio_search.utils import build_alias_name
from sqlalchemy.orm import selectinload

from ..fulltext.api import extract_record, record_texts
from ..fulltext.tasks import extract_fulltext
from ..records.dumpers import ChunkData
from ..upstream.bulk_prefetch import (
    UnindexedUnitOfWork,
    give_parents,
    give_versions_states,
    share_relation_cache,
)
from .stats import record_stats_many

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
    parents = {}
    for record in records:
        model = record.model.parent
        if model is not None and model.id not in parents:
            parents[model.id] = record.parent_record_cls(model.data, model=model)
    give_parents(records, parents)
    if parents:
        state_cls = record_cls.versions.model_cls
        states = {
            state.parent_id: state
            for state in state_cls.query.filter(state_cls.parent_id.in_(list(parents)))
        }
        give_versions_states(records, states)
    return records


def open_drafts(record_ids):
    """``(ids, ids with an open draft)`` of ``record_ids``, with one query."""
    model_cls = current_rdm_records_service.draft_cls.model_cls
    ids = set(record_ids)
    with db.session.no_autoflush:
        rows = (
            db.session.query(model_cls.id)
            .filter(model_cls.id.in_(ids), model_cls.is_deleted != True)  # noqa: E712 as upstream
            .all()
        )
    return ids, {row.id for row in rows}


def chunk_data(records):
    """What the chunk's dumper answers without asking per record: texts, statistics, drafts."""
    record_ids = [record.id for record in records]
    pairs = [(record.pid.pid_value, record.parent.pid.pid_value) for record in records]
    return ChunkData(
        texts=record_texts(record_ids),
        stats=record_stats_many(pairs) if pairs else {},
        drafts=open_drafts(record_ids),
    )


def index_actions(records, dumper):
    """The bulk index actions of ``records``, dumped by ``dumper`` as upstream's indexer dumps
    records of this kind (``enable_jsonref`` off: the record's dumper, no signal), with its
    external version checks."""
    indexer = current_rdm_records_service.indexer
    shared = {}
    for record in records:
        share_relation_cache(record, shared)
        index = indexer.record_to_index(record)
        yield {
            "_op_type": "index",
            "_index": build_alias_name(index),
            "_id": str(record.id),
            "_version": record.revision_id,
            "_version_type": "external_gte",
            "_source": record.dumps(dumper=dumper),
        }


def index_chunk(ids):
    """Index the records of ``ids`` with one bulk request; return how many were indexed."""
    records = load_records(ids)
    dumper = current_rdm_records_service.record_cls.dumper.for_chunk(chunk_data(records))
    actions = list(index_actions(records, dumper))
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


def _unindexed(method, *args):
    """Call a service method in an unindexed unit of work and commit it."""
    with UnindexedUnitOfWork(skipped_task=extract_fulltext) as uow:
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
