"""``scripts/services.sh`` acts on one service at a time, and refuses names it does not know."""

import os
import subprocess

from .faults import SERVICES_SCRIPT, service, wait_for


def _status():
    result = subprocess.run(
        [str(SERVICES_SCRIPT), "status"], capture_output=True, text=True, env=os.environ, timeout=60
    )
    return dict(line.split(":", 1) for line in result.stdout.splitlines())


def test_unknown_service_is_refused():
    """An unknown service name exits 2 with a reason, touching nothing."""
    result = subprocess.run(
        [str(SERVICES_SCRIPT), "stop", "mysql"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "unknown service: mysql" in result.stderr


def test_stop_and_start_one_service():
    """Stopping Redis leaves PostgreSQL up; starting it brings it back."""
    try:
        service("stop", "redis")
        status = _status()
        assert status["redis"].strip() == "down"
        assert status["postgresql"].strip().startswith("up")
    finally:
        service("start", "redis")
    wait_for(lambda: _status()["redis"].strip().startswith("up"), timeout=30, what="Redis")
