"""A Celery worker killed in the middle of an ORCID import: the task runs again and finishes.

Real workers against the test instance's Redis broker: the first is killed (SIGKILL) while its
import waits for ORCID; with late acknowledgement the message was never acknowledged, so the
broker hands it to the next worker once its visibility timeout (shortened here to 5 s) passes,
and the idempotent import completes.
"""

import os
import signal
import time

import pytest
from fakes.orcid_helpers import random_orcid
from invenio_db import db
from workers import celery_worker

from msi_rdm.orcid.models import OrcidImport, OrcidWork


def _wait(what, condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


def _worker(fake, log):
    env = {f"INVENIO_{key}": repr(value) for key, value in fake.config().items()}
    return celery_worker(log, env)


def _status(orcid):
    db.session.expire_all()
    row = db.session.get(OrcidImport, orcid)
    return row.status if row else None


def test_killed_worker_import_runs_again(app, orcid_site, tmp_path):
    """SIGKILL mid-import: the next worker re-runs the task to the end, without duplicates."""
    celery = app.extensions["invenio-celery"].celery
    celery.control.purge()
    orcid = random_orcid()
    orcid_site.add_work(orcid, "Rapport om samverkan", "report", 2023)
    orcid_site.add_work(orcid, "Film om innovation", "moving-image", 2024)
    orcid_site.script("GET", f"{orcid}/works", 200, delay=25)  # ORCID slow: the worker waits

    def works_calls():
        return [r for r in orcid_site.requests if r["path"] == f"/pub/v3.0/{orcid}/works"]

    first = _worker(orcid_site, tmp_path / "first.log")
    try:
        celery.send_task("msi_rdm.orcid.tasks.import_orcid_works", args=[orcid])
        _wait("the import to reach ORCID", lambda: len(works_calls()) == 1, 60)
        assert _status(orcid) == "running"
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(30)

    second = _worker(orcid_site, tmp_path / "second.log")
    try:
        _wait("the import to finish", lambda: _status(orcid) == "done", 90)
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(30)
    assert len(works_calls()) == 2
    assert OrcidWork.query.filter_by(orcid=orcid).count() == 2
