"""Real Celery workers on the test instance, for tests that kill one mid-task."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

VISIBILITY_TIMEOUT = 5
"""Seconds before the broker hands an unacknowledged task to another worker (an hour by default)."""

TRANSPORT_OPTIONS = {
    "visibility_timeout": VISIBILITY_TIMEOUT,
    # kombu 5.7 looks for such tasks every ``interval × throttle`` seconds (100 by default). A
    # worker that looked at start-up, just before the killed worker's task was due, found it
    # only after the test had given up waiting; here it looks every second.
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}


def celery_worker(log, env=None, queues=("celery", "msi-media")):
    """Start a solo worker in a session of its own, logging to ``log``; return once it is ready.

    It consumes ``queues``: by default Celery's default queue and the media queue
    (``CELERY_TASK_ROUTES``), as one worker on both, like a single-worker deployment."""
    env = {
        **os.environ,
        "INVENIO_CELERY_BROKER_TRANSPORT_OPTIONS": repr(TRANSPORT_OPTIONS),
        "INVENIO_LOGGING_CONSOLE_LEVEL": "WARNING",
        **(env or {}),
    }
    celery = Path(sys.executable).with_name("celery")
    command = [str(celery), "-A", "invenio_app.celery", "worker", "--pool", "solo",
               "--without-gossip", "--without-mingle", "--without-heartbeat",
               "--loglevel", "INFO", "--logfile", str(log), "-Q", ",".join(queues)]  # fmt: skip
    worker = subprocess.Popen(command, env=env, start_new_session=True)  # noqa: S603
    deadline = time.monotonic() + 90
    while not (log.exists() and "ready." in log.read_text()):
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.kill()
            pytest.fail(f"the Celery worker did not start; see {log}")
        time.sleep(0.5)
    return worker
