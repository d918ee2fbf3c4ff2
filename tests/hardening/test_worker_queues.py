"""Two workers on separate queues: a long extraction backlog does not hold up e-mails or ORCID.

Real workers against the test instance's Redis broker, as scripts/run.sh starts them: one on
Celery's default queue, one on the media queue (``CELERY_TASK_ROUTES``). A backlog of full-text
extractions (each forced to read the record's files again) is queued first; an e-mail and an
ORCID import queued after it are done while extractions are still waiting.
"""

import os
import re
import signal
import time

import pytest
from fakes.orcid import FakeOrcid
from fakes.orcid_helpers import random_orcid
from invenio_db import db
from workers import celery_worker

from helpers import deposit, record_data, token_headers

BACKLOG = 12
QUEUES = ("celery", "msi-media")


def succeeded(log, task):
    """How many ``task`` runs a worker log reports as succeeded."""
    if not log.exists():
        return 0
    return len(re.findall(rf"Task {re.escape(task)}\[[^\]]+\] succeeded", log.read_text()))


def stop(worker):
    """Stop a worker started by the test."""
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout=30)
    except Exception:  # noqa: BLE001 it did not stop: kill it
        os.killpg(worker.pid, signal.SIGKILL)


@pytest.fixture()
def long_record(app, depositor, unique_word, tmp_path):
    """A published report whose PDF takes a while to read: 80 pages of text."""
    from msi_rdm.demo.files import make_pdf

    pages = [
        f"Sida {n} om {unique_word}. " + "Social innovation i kommuner. " * 40 for n in range(80)
    ]
    pdf = make_pdf(tmp_path / "lang.pdf", f"{unique_word} lång", pages).read_bytes()
    data = record_data(f"{unique_word} lång rapport", files=True)
    client, headers = app.test_client(), token_headers(depositor.token)
    return deposit(client, headers, data, files={"lang.pdf": pdf})["id"]


def test_extraction_backlog_does_not_hold_up_mail_and_orcid(app, database, long_record, tmp_path):
    """The routes send extraction to the media queue; mail and ORCID tasks run at once."""
    from msi_rdm.orcid.models import OrcidImport

    celery = app.extensions["invenio-celery"].celery
    extract, mail, orcid_import = (
        "msi_rdm.fulltext.tasks.extract_fulltext",
        "invenio_mail.tasks.send_email",
        "msi_rdm.orcid.tasks.import_orcid_works",
    )
    assert app.config["CELERY_TASK_ROUTES"][extract]["queue"] == "msi-media"
    with celery.connection_for_write() as conn:
        for queue in QUEUES:
            conn.default_channel.queue_declare(queue, durable=True, auto_delete=False)
            conn.default_channel.queue_purge(queue)
    fake = FakeOrcid().start()
    orcid = random_orcid()
    fake.add_work(orcid, "Rapport om samverkan", "report", 2023)
    env = {f"INVENIO_{key}": repr(value) for key, value in fake.config().items()}
    default_log, media_log = tmp_path / "default.log", tmp_path / "media.log"
    workers = []
    try:
        workers.append(celery_worker(default_log, env, queues=("celery",)))
        workers.append(celery_worker(media_log, env, queues=("msi-media",)))
        for _ in range(BACKLOG):
            celery.send_task(extract, args=[long_record], kwargs={"force": True})
        body = {"subject": "köprov", "sender": "a@example.org", "recipients": ["b@example.org"],
                "body": "Inget väntar."}  # fmt: skip
        celery.send_task(mail, args=[body])
        celery.send_task(orcid_import, args=[orcid])
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            db.session.expire_all()
            row = db.session.get(OrcidImport, orcid)
            if succeeded(default_log, mail) and row is not None and row.status == "done":
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"the mail and ORCID tasks did not run; see {default_log}")
        assert succeeded(media_log, extract) < BACKLOG, "the backlog was done before the mail"
        assert succeeded(default_log, extract) == 0
        # The backlog is worked off all the same, by the media worker.
        deadline = time.monotonic() + 300
        while succeeded(media_log, extract) < BACKLOG:
            assert time.monotonic() < deadline, f"the media worker stalled; see {media_log}"
            time.sleep(1)
    finally:
        for worker in workers:
            stop(worker)
        fake.stop()
