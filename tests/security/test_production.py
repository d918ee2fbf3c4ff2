"""Production refuses to start with a weak secret key or cookies and headers unfit for https."""

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from msi_rdm.hardening.production import production_problems

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" + "0123456789abcdef" * 3

SAFE = {
    "SECRET_KEY": GOOD_KEY,
    "SESSION_COOKIE_SECURE": True,
    "APP_DEFAULT_SECURE_HEADERS": {
        "content_security_policy": {"default-src": ["'self'"]},
        "session_cookie_secure": True,
        "session_cookie_http_only": True,
        "strict_transport_security": True,
    },
}


def test_safe_settings_pass():
    """Nothing to complain about in a safe production configuration."""
    assert production_problems(SAFE) == []


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"SECRET_KEY": "CHANGE_ME"}, "SECRET_KEY"),
        ({"SECRET_KEY": "short-key"}, "SECRET_KEY"),
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SESSION_COOKIE_SECURE": False}, "SESSION_COOKIE_SECURE"),
        ({"DEBUG": True}, "DEBUG"),
        ({"APP_DEFAULT_SECURE_HEADERS": {}}, "strict_transport_security"),
    ],
)
def test_each_unsafe_setting_is_named(change, named):
    """Every unsafe setting is reported by name."""
    problems = production_problems({**SAFE, **change})
    assert any(named in problem for problem in problems), problems


def _start(**env):
    """Create the application in a fresh process with extra environment; return the result."""
    code = "from invenio_app.factory import create_api; create_api()"
    return subprocess.run(
        ["python", "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_production_start_refused_with_weak_key():
    """With ``INVENIO_MSI_PRODUCTION`` on and the upstream placeholder key, startup fails."""
    result = _start(INVENIO_MSI_PRODUCTION="True", INVENIO_SECRET_KEY="CHANGE_ME")
    assert result.returncode != 0
    assert "refusing to start in production" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_strong_key():
    """With a strong key, invenio.cfg's https settings satisfy the check."""
    result = _start(INVENIO_MSI_PRODUCTION="True", INVENIO_SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr[-2000:]


def test_compose_runs_in_production_mode():
    """The production description turns the check on."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert compose["x-app-env"]["INVENIO_MSI_PRODUCTION"] == "True"
