"""Celery beat task that repairs the search index after an OpenSearch outage."""

from celery import shared_task

from .reindex import reindex_stale as reindex_stale_records


@shared_task(ignore_result=True, soft_time_limit=600, time_limit=660)
def reindex_stale():
    """Reindex records and drafts whose index documents are missing or outdated (idempotent)."""
    return reindex_stale_records()
