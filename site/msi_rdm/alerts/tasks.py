"""Celery tasks of the alerts: the digest run that beat starts every hour."""

from celery import shared_task
from flask import current_app

from .digest import run_digests


@shared_task(ignore_result=True, acks_late=True, time_limit=3600, soft_time_limit=3300)
def send_digests():
    """Send the digests that are due; safe to run again (the marks say what was sent)."""
    counts = run_digests()
    current_app.logger.info("msi: digests %s", counts)
    return counts
