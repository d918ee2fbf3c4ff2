"""Celery task that extracts a published record's text and reindexes it."""

from celery import shared_task
from invenio_pidstore.errors import PIDDoesNotExistError
from invenio_rdm_records.proxies import current_rdm_records_service as records_service

from .api import extract_record


@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,
    max_retries=3,
    default_retry_delay=30,
    soft_time_limit=600,
    time_limit=660,
)
def extract_fulltext(self, recid, force=False):
    """Extract the files of published record ``recid`` and reindex it (idempotent)."""
    record_cls = records_service.record_cls
    try:
        record = record_cls.pid.resolve(recid)
    except PIDDoesNotExistError as exc:  # not committed yet, or removed: try again later
        raise self.retry(exc=exc) from exc
    if record.is_deleted:
        return
    extract_record(record, force=force)
    records_service.indexer.index(record)
