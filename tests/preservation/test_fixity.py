"""Fixity: the scheduled checksum checks find an altered or lost file and report it to admins."""

import os
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest
from invenio_db import db
from invenio_files_rest.models import FileInstance, ObjectVersion
from invenio_rdm_records.proxies import current_rdm_records_service as service
from workers import celery_worker

from helpers import deposit, record_data, token_headers
from msi_rdm.cli import msi


def beat_entry(app, task):
    """The beat schedule's entry that runs ``task``."""
    entries = [e for e in app.config["CELERY_BEAT_SCHEDULE"].values() if e["task"] == task]
    assert len(entries) == 1, task
    return entries[0]


def file_of(record, key):
    """The stored file (FileInstance) behind a published record's file ``key``."""
    bucket_id = service.record_cls.pid.resolve(record["id"]).bucket_id
    return ObjectVersion.get(bucket_id, key).file


@pytest.fixture()
def stored(app, depositor, unique_word):
    """A published record with three files: left alone, altered on disk and lost from disk."""
    files = {
        "intakt.txt": f"intakt {unique_word}".encode(),
        "andrad.txt": f"ändrad {unique_word}".encode(),
        "borta.txt": f"borta {unique_word}".encode(),
    }
    data = record_data(f"{unique_word} fixitet", files=True)
    record = deposit(app.test_client(), token_headers(depositor.token), data, files=files)
    instances = {key: file_of(record, key) for key in files}
    yield record, instances
    db.session.rollback()


def test_checks_are_scheduled_over_a_period(app):
    """Every stored file is checked within the period, a batch an hour; a report goes out daily."""
    entry = beat_entry(app, "invenio_files_rest.tasks.schedule_checksum_verification")
    assert entry["schedule"] == timedelta(hours=1)
    kwargs = entry["kwargs"]
    assert timedelta(**kwargs["frequency"]) <= timedelta(days=30)
    assert kwargs["max_count"] == 0  # batches sized to cover every file within the period
    beat_entry(app, "invenio_app_rdm.tasks.file_integrity_report")
    recipients = app.config["APP_RDM_ADMIN_EMAIL_RECIPIENT"]
    assert "inveniosoftware.org" not in str(recipients)


def test_altered_and_lost_files_are_reported_with_their_record(app, stored, tmp_path):
    """A changed byte and a missing file are reported to admins; the untouched file is clean."""
    from invenio_app_rdm.tasks import file_integrity_report
    from invenio_files_rest.tasks import schedule_checksum_verification

    record, instances = stored
    altered = Path(instances["andrad.txt"].uri)
    altered.write_bytes(altered.read_bytes().replace("ä".encode(), b"a"))
    Path(instances["borta.txt"].uri).unlink()
    ids = {key: instance.id for key, instance in instances.items()}

    # One run of the beat entry on a real worker, its period shortened to one batch: every
    # stored file is checked.
    entry = beat_entry(app, "invenio_files_rest.tasks.schedule_checksum_verification")
    kwargs = {**entry["kwargs"], "frequency": entry["kwargs"]["batch_interval"]}
    worker = celery_worker(tmp_path / "worker.log")
    try:
        celery = app.extensions["invenio-celery"].celery
        celery.send_task(schedule_checksum_verification.name, kwargs=kwargs)
        deadline = time.monotonic() + 300
        while True:
            db.session.expire_all()
            rows = [db.session.get(FileInstance, ids[key]) for key in ids]
            if all(row.last_check_at for row in rows):
                break
            assert time.monotonic() < deadline, f"files not checked; see {tmp_path / 'worker.log'}"
            time.sleep(1)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
    checks = {key: db.session.get(FileInstance, ids[key]).last_check for key in ids}
    assert checks == {"intakt.txt": True, "andrad.txt": False, "borta.txt": None}

    with app.extensions["mail"].record_messages() as outbox:
        file_integrity_report.apply().get()
    assert len(outbox) == 1
    mail = outbox[0]
    assert mail.recipients == [app.config["APP_RDM_ADMIN_EMAIL_RECIPIENT"]]
    assert f"/records/{record['id']}" in mail.body
    assert str(ids["andrad.txt"]) in mail.body and str(ids["borta.txt"]) in mail.body
    assert str(ids["intakt.txt"]) not in mail.body

    # The same list on the command line, with the kind of problem and the record.
    result = app.test_cli_runner().invoke(msi, ["fixity", "report"], catch_exceptions=False)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if f"record {record['id']}" in line]
    assert sorted(lines) == sorted(
        [
            f"checksum mismatch: andrad.txt of record {record['id']} "
            f"({instances['andrad.txt'].uri}, {_checked(ids['andrad.txt'])})",
            f"unreadable: borta.txt of record {record['id']} "
            f"({instances['borta.txt'].uri}, {_checked(ids['borta.txt'])})",
        ]
    )


def _checked(file_id):
    """When a file was last checked, as the report prints it."""
    return db.session.get(FileInstance, file_id).last_check_at.isoformat()
