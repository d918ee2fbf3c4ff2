"""Find records whose index document is missing or older than the database, and reindex them."""

from datetime import UTC, datetime, timedelta

from flask import current_app
from invenio_db import db
from invenio_rdm_records.proxies import current_rdm_records_service as records_service
from invenio_search.utils import build_alias_name
from opensearchpy.exceptions import ConflictError, NotFoundError

CHUNK = 1000
"""Records compared with the index per ``mget``."""


def _indexed_versions(indexer, record_cls, ids):
    """Return ``{record id: indexed version}`` of the ids the index holds."""
    if not ids:
        return {}
    index = build_alias_name(indexer.record_to_index(record_cls({})))
    answer = indexer.client.mget(index=index, body={"ids": ids}, _source=False)
    return {doc["_id"]: doc["_version"] for doc in answer["docs"] if doc.get("found")}


def _rows(model, ids):
    """The whole rows of ``ids`` (none asked when there are none)."""
    return model.query.filter(model.id.in_(ids)).all() if ids else []


def _stale(record_cls, indexer, since):
    """Reindex live ``record_cls`` rows changed since ``since``; unindex deleted ones.

    The window can hold every record (after a bulk load, for a week), and the task runs every ten
    minutes: so only ids, revisions and deletion flags are read for it, and compared with the
    index a chunk at a time. Whole rows are loaded only for the records that need work.
    """
    model = record_cls.model_cls
    changed = (
        db.session.query(model.id, model.version_id, model.is_deleted.label("deleted"))
        .filter(model.updated >= since.replace(tzinfo=None))
        .all()
    )
    fixed = 0
    for start in range(0, len(changed), CHUNK):
        chunk = changed[start : start + CHUNK]
        indexed = _indexed_versions(indexer, record_cls, [str(row.id) for row in chunk])
        # The index holds a record's revision (version_id - 1) as its document version.
        stale = [
            row.id
            for row in chunk
            if not row.deleted and indexed.get(str(row.id), -1) < row.version_id - 1
        ]
        gone = [row.id for row in chunk if row.deleted and str(row.id) in indexed]
        for row in _rows(model, stale):
            indexer.index(record_cls(row.data, model=row))
            fixed += 1
        for row in _rows(model, gone):
            record = record_cls(row.data or {}, model=row)
            try:
                indexer.client.delete(
                    index=build_alias_name(indexer.record_to_index(record)),
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
