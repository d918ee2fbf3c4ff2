"""Celery task that extracts a published record's text and reindexes it."""

from celery import shared_task
from invenio_rdm_records.proxies import current_rdm_records_service as records_service

from ..tasks import RECORD_TASK_OPTIONS, published_record
from .api import extract_record


@shared_task(**RECORD_TASK_OPTIONS, soft_time_limit=600, time_limit=660)
def extract_fulltext(self, recid, force=False):
    """Extract the files of published record ``recid`` and reindex it (idempotent)."""
    record = published_record(self, recid)
    if record is None:
        return
    extract_record(record, force=force)
    records_service.indexer.index(record)
