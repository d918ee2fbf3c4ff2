"""A Celery worker killed in the middle of a full-text extraction: the task runs again and finishes.

The stored PDF is swapped for a named pipe, so the first worker blocks reading it at a point the
test can see (the pipe gets a reader); it is killed there (SIGKILL). With late acknowledgement the
broker hands the task to the next worker once its visibility timeout (5 s here) passes; the PDF is
back in place by then and the extraction completes.
"""

import errno
import os
import signal

from invenio_db import db
from workers import celery_worker

from helpers import deposit, record_data
from msi_rdm.demo.files import make_pdf
from msi_rdm.fulltext.models import ExtractionStatus, FulltextModel

from .faults import wait_for

TASK = "msi_rdm.fulltext.tasks.extract_fulltext"


def _stored(record_id):
    """The record's UUID and the path of its PDF's bytes on disk."""
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    record = service.record_cls.pid.resolve(record_id)
    return record.id, record.files["rapport.pdf"].object_version.file.uri


def _has_reader(pipe):
    """Whether a process has the pipe open for reading (opening to write would block if not)."""
    try:
        return os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            return None
        raise


def _row(record_uuid):
    db.session.expire_all()
    return FulltextModel.query.filter_by(record_id=record_uuid, key="rapport.pdf").one_or_none()


def test_killed_worker_extraction_runs_again(app, client, api_headers, unique_word, tmp_path):
    """SIGKILL while reading the file: the next worker extracts it to the end."""
    pdf = make_pdf(tmp_path / "rapport.pdf", "Rapport", [f"Texten om {unique_word}."])
    data = record_data("Avbruten extraktion", files=True)
    record = deposit(client, api_headers, data, {"rapport.pdf": pdf.read_bytes()})
    record_uuid, path = _stored(record["id"])
    assert unique_word in _row(record_uuid).text  # extracted once at publish (eager in tests)
    FulltextModel.query.filter_by(record_id=record_uuid).delete()
    db.session.commit()

    celery = app.extensions["invenio-celery"].celery
    celery.control.purge()
    aside = f"{path}.aside"
    os.replace(path, aside)
    os.mkfifo(path)
    writer = None
    try:
        first = celery_worker(tmp_path / "first.log")
        try:
            celery.send_task(TASK, args=[record["id"]], kwargs={"force": True})
            writer = wait_for(lambda: _has_reader(path), 60, what="the worker to open the file")
        finally:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(30)
        assert _row(record_uuid) is None
    finally:
        if writer is not None:
            os.close(writer)
        os.replace(aside, path)

    second = celery_worker(tmp_path / "second.log")
    try:
        row = wait_for(
            lambda: (r := _row(record_uuid)) and r.status == ExtractionStatus.OK and r,
            90,
            what="the extraction to finish",
        )
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(30)
    assert unique_word in row.text
