"""The production description (docker-compose.yml) runs the versions the native setup runs."""

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _env_default(name):
    text = (ROOT / "scripts/env.sh").read_text()
    return re.search(rf'{name}="\$\{{{name}:-([^}}]+)\}}"', text).group(1)


def _image_tag(compose, service):
    return compose["services"][service]["image"].rsplit(":", 1)[1]


def test_compose_versions_agree_with_native_setup():
    """OpenSearch, PostgreSQL and Redis majors in compose match what the scripts install."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert _image_tag(compose, "search") == _env_default("MSI_OS_VERSION")
    pg_major = subprocess.run(
        ["bash", "-c", "ls /usr/lib/postgresql | sort -V | tail -1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert _image_tag(compose, "db").split(".")[0] == pg_major
    redis_version = subprocess.run(
        ["redis-server", "--version"], capture_output=True, text=True, check=True
    ).stdout
    redis_major = re.search(r"v=(\d+)\.", redis_version).group(1)
    assert _image_tag(compose, "cache").split(".")[0] == redis_major


def test_compose_runs_every_part():
    """Web, worker, beat, database, search, cache and nginx are all described."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert {"web", "worker", "beat", "db", "search", "cache", "frontend"} <= set(
        compose["services"]
    )
    web = compose["services"]["web"]
    assert "gunicorn" in " ".join(web["command"])
    assert web["command"][-1] == "msi_rdm.wsgi:application"
    assert "INVENIO_SECRET_KEY" in web["environment"] or "INVENIO_SECRET_KEY" in str(
        compose.get("x-app-env", {})
    )
