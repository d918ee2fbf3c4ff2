"""What MSI's Celery tasks on published records share: retries, late acks, record lookup."""

from invenio_pidstore.errors import PIDDoesNotExistError
from invenio_rdm_records.proxies import current_rdm_records_service as records_service

RECORD_TASK_OPTIONS = {
    "bind": True,
    "ignore_result": True,
    "acks_late": True,
    "max_retries": 3,
    "default_retry_delay": 30,
}
"""Options of every task on a published record: redelivered if its worker dies, retried."""


def published_record(task, recid):
    """Return the published record ``recid``, None if deleted; retry while it is not committed."""
    try:
        record = records_service.record_cls.pid.resolve(recid)
    except PIDDoesNotExistError as exc:  # not committed yet, or removed: try again later
        raise task.retry(exc=exc) from exc
    return None if record.is_deleted else record
