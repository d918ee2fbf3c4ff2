"""Celery task that probes a published record's films and reads its captions."""

from celery import shared_task
from invenio_rdm_records.proxies import current_rdm_records_service as records_service

from ..tasks import RECORD_TASK_OPTIONS, published_record
from .api import process_record


@shared_task(**RECORD_TASK_OPTIONS, soft_time_limit=900, time_limit=960)
def probe_films(self, recid, force=False):
    """Probe the videos and read the captions of published record ``recid`` (idempotent)."""
    record = published_record(self, recid)
    if record is None:
        return
    _, filled = process_record(record, force=force)
    if filled:
        records_service.indexer.index(record)
