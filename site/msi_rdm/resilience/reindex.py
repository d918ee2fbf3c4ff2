"""Find records whose index document is missing or older than the database, and reindex them."""

from datetime import UTC, datetime, timedelta

from flask import current_app
from invenio_rdm_records.proxies import current_rdm_records_service as records_service
from opensearchpy.exceptions import ConflictError, NotFoundError


def _indexed_versions(indexer, records):
    """Return ``{record id: indexed version}`` of the records the index holds."""
    if not records:
        return {}
    index = indexer._prepare_index(indexer.record_to_index(records[0]))
    ids = [str(record.id) for record in records]
    answer = indexer.client.mget(index=index, body={"ids": ids}, _source=False)
    return {doc["_id"]: doc["_version"] for doc in answer["docs"] if doc.get("found")}


def _stale(record_cls, indexer, since):
    """Reindex live ``record_cls`` rows changed since ``since``; unindex deleted ones."""
    model = record_cls.model_cls
    rows = model.query.filter(model.updated >= since.replace(tzinfo=None)).all()
    live = [record_cls(row.data, model=row) for row in rows if not row.is_deleted]
    gone = [record_cls(row.data or {}, model=row) for row in rows if row.is_deleted]
    fixed = 0
    indexed = _indexed_versions(indexer, live)
    for record in live:
        if indexed.get(str(record.id), -1) < record.revision_id:
            indexer.index(record)
            fixed += 1
    present = _indexed_versions(indexer, gone)
    for record in gone:
        if str(record.id) in present:
            try:
                indexer.client.delete(
                    index=indexer._prepare_index(indexer.record_to_index(record)),
                    id=str(record.id),
                )
                fixed += 1
            except (NotFoundError, ConflictError):  # removed meanwhile
                pass
    return fixed


def reindex_stale(window=None):
    """Repair the records and drafts index for what changed within ``window`` (a timedelta).

    Return how many documents were written or removed.
    """
    window = window or timedelta(seconds=current_app.config["MSI_INDEX_RECONCILE_WINDOW"])
    since = datetime.now(UTC) - window
    fixed = _stale(records_service.record_cls, records_service.indexer, since)
    fixed += _stale(records_service.draft_cls, records_service.draft_indexer, since)
    return fixed
