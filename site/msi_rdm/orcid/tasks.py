"""Celery tasks: import a researcher's ORCID works, push a record to its creators' ORCID records.

Both are idempotent: an import replaces the stored works with ORCID's current list, and a push
compares the record with the put-codes already kept, so a task run again after a worker died
finishes the same job without duplicates.
"""

from celery import shared_task
from flask import current_app
from invenio_db import db
from invenio_i18n import gettext as _
from invenio_pidstore.errors import PIDDoesNotExistError
from invenio_rdm_records.proxies import current_rdm_records_service as records_service
from invenio_rdm_records.records.systemfields.deletion_status import RecordDeletionStatusEnum

from . import api, settings
from .client import OrcidClient, OrcidConflict, OrcidError
from .ids import InvalidOrcidError, normalize_orcid
from .models import OrcidImport, OrcidPush
from .published_works import creator_orcids, orcid_work, record_url
from .works import store_works

TASK_OPTIONS = dict(
    bind=True,
    ignore_result=True,
    acks_late=True,
    max_retries=3,
    default_retry_delay=120,
    soft_time_limit=300,
    time_limit=330,
)


def _import_state(orcid_id, status, works=None, error=None):
    row = db.session.get(OrcidImport, orcid_id) or OrcidImport(orcid=orcid_id)
    row.status, row.works, row.error = status, works, error
    db.session.add(row)
    db.session.commit()


@shared_task(**TASK_OPTIONS)
def import_orcid_works(self, orcid):
    """Store the public works of ``orcid``; retried while ORCID is unavailable."""
    try:
        orcid_id = normalize_orcid(orcid)
    except InvalidOrcidError as exc:  # retrying cannot help
        current_app.logger.error("ORCID import refused: %s", exc)
        return
    _import_state(orcid_id, "running")
    try:
        works = OrcidClient.from_config().public_works(orcid_id)
    except OrcidError as exc:
        if exc.status in (None, 429) or exc.status >= 500:
            if self.request.retries < self.max_retries:
                _import_state(orcid_id, "queued", error=str(exc))
                raise self.retry(exc=exc) from exc
        _import_state(orcid_id, "failed", error=str(exc))
        current_app.logger.error("ORCID import of %s failed: %s", orcid_id, exc)
        return
    count = store_works(orcid_id, works)
    _import_state(orcid_id, "done", works=count)


def _latest_visible_version(record):
    """Return the newest version of the record's parent that is not deleted (else the record).

    ORCID shows one work per record whatever the version: it follows the newest version, and
    goes only when no version is left.
    """
    model = records_service.record_cls.model_cls
    row = (
        model.query.filter(
            model.parent_id == record.parent.id,
            model.is_deleted.is_(False),
            model.deletion_status == RecordDeletionStatusEnum.PUBLISHED,
        )
        .order_by(model.index.desc())
        .first()
    )
    return records_service.record_cls.get_record(row.id) if row else record


def _targets(record):
    """Return ``{orcid: token}`` of the creators who may have this record on ORCID."""
    public = record.access.protection.record == "public" and not record.deletion_status.is_deleted
    if not public:
        return {}
    tokens = {orcid_id: api.push_token(orcid_id) for orcid_id in creator_orcids(record)}
    return {orcid_id: token for orcid_id, token in tokens.items() if token}


def _find_put_code(client, orcid_id, token, url):
    """Return the put-code of the work ORCID already holds for ``url`` (a run cut short)."""
    for group in client.member_works(orcid_id, token).get("group") or []:
        for summary in group.get("work-summary") or []:
            ids = (summary.get("external-ids") or {}).get("external-id") or []
            if any(i.get("external-id-value") == url for i in ids):
                return int(summary["put-code"])
    return None


def _push_one(client, record, orcid_id, token, row):
    work = orcid_work(record)
    if row is not None:
        client.update_work(orcid_id, token, row.put_code, work)
        row.record_pid = record.pid.pid_value
        return row
    try:
        put_code = client.add_work(orcid_id, token, work)
    except OrcidConflict:
        put_code = _find_put_code(client, orcid_id, token, record_url(record.pid.pid_value))
        if put_code is None:
            raise
        client.update_work(orcid_id, token, put_code, work)
    return OrcidPush(
        parent_id=record.parent.id,
        orcid=orcid_id,
        put_code=put_code,
        record_pid=record.pid.pid_value,
    )


@shared_task(**TASK_OPTIONS)
def push_record_to_orcid(self, recid):
    """Bring the ORCID records of ``recid``'s consenting creators in step with the record."""
    try:
        record = records_service.record_cls.pid.resolve(recid, registered_only=False)
    except PIDDoesNotExistError as exc:  # not committed yet: try again later
        raise self.retry(exc=exc) from exc
    record = _latest_visible_version(record)
    client = OrcidClient.from_config()
    targets = _targets(record)
    rows = {row.orcid: row for row in OrcidPush.query.filter_by(parent_id=record.parent.id)}
    try:
        for orcid_id, token in targets.items():
            db.session.add(_push_one(client, record, orcid_id, token, rows.get(orcid_id)))
            db.session.commit()
        for orcid_id, row in rows.items():
            if orcid_id in targets:
                continue
            token = api.push_token(orcid_id, consent_needed=False)
            if token:
                client.delete_work(orcid_id, token, row.put_code)
            db.session.delete(row)
            db.session.commit()
    except OrcidError as exc:
        db.session.rollback()
        current_app.logger.error("ORCID push of %s failed: %s", recid, exc)
        if self.request.retries < self.max_retries:
            raise self.retry(exc=exc) from exc


def queue_import(orcid_id):
    """Mark an import of ``orcid_id`` as queued and start it after the commit."""
    orcid_id = normalize_orcid(orcid_id)
    if not settings.enabled():
        raise api.NotLinkedError(_("ORCID is not configured on this site."))
    row = db.session.get(OrcidImport, orcid_id) or OrcidImport(orcid=orcid_id)
    row.status, row.error = "queued", None
    db.session.add(row)
    db.session.commit()
    import_orcid_works.delay(orcid_id)
