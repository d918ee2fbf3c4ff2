"""Faults on the running test stack: stop, start and restart services.

Every fault is undone in a ``finally``, and every wait is a bounded poll, so a failing test leaves
the stack as it found it for the tests after it.
"""

import os
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

SERVICES_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "services.sh"


def service(action, name):
    """Run ``scripts/services.sh ACTION NAME`` (start, stop or restart one service)."""
    subprocess.run(
        [str(SERVICES_SCRIPT), action, name],
        check=True,
        env=os.environ,
        stdout=subprocess.DEVNULL,
        timeout=300,
    )


def wait_for(condition, timeout=60, interval=0.5, what="the condition"):
    """Poll ``condition()`` until it returns a true value and return it; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


@contextmanager
def stopped(name):
    """Keep service ``name`` stopped in the block; it is started again however the block ends."""
    service("stop", name)
    try:
        yield
    finally:
        service("start", name)
