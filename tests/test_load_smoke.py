"""The load harness (bench/load.py) runs a small bounded load against the live test server."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load(tmp_path, url, *arguments):
    return subprocess.run(
        [sys.executable, str(ROOT / "bench/load.py"), "--url", url, *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MSI_STATE": str(tmp_path)},
    )


def test_load_smoke(tmp_path, msi_server):
    """Four clients, 24 requests: a table, no errors, and every kind of request measured."""
    result = _load(tmp_path, msi_server, "--clients", "4", "--requests", "24", "--seconds", "120")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "| all | 24 | 0 |" in result.stdout
    saved = json.loads((tmp_path / "bench/load.json").read_text())
    assert saved["all"]["errors"] == 0
    assert {"search", "landing", "download"} <= set(saved)
    assert saved["all"]["p95"] > 0


def test_load_refuses_other_hosts(tmp_path):
    """The harness only loads the local machine."""
    result = _load(tmp_path, "http://example.org", "--requests", "1")
    assert result.returncode != 0
    assert "loopback only" in result.stderr


def test_search_benchmark_smoke(tmp_path, app, msi_server):
    """B1 measures the repeated and the varied searches against the bodies the app sends, on an
    index enlarged with copies that it removes again."""
    from invenio_rdm_records.proxies import current_rdm_records_service as service
    from invenio_search import current_search_client
    from invenio_search.utils import build_alias_name

    arguments = ["--url", msi_server, "--repeat", "4", "--clone", "10", "--warm-raw", "20"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench/search.py"), *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "MSI_STATE": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    saved = json.loads((tmp_path / "bench/search.json").read_text())
    rows = {
        f"{label}_clients{c}" for label in ("size_10", "size_100", "size_10_varied") for c in (1, 4)
    }
    assert set(saved) == rows
    for key, row in saved.items():
        # Two runs of --repeat requests for the throughput row, of half as many for the others;
        # four clients make at least one request each.
        runs = 4 if key.endswith("clients1") else 8
        assert row["app"]["n"] == runs and row["raw"]["n"] == runs, key
        assert row["ratio"] > 0 and row["app_rps"] > 0
    assert "| size 10 varied | 4 |" in result.stdout
    assert "cloned 10 documents" in result.stdout
    with app.app_context():
        left = current_search_client.count(
            index=build_alias_name(service.record_cls.index._name),
            body={"query": {"prefix": {"id": "benchsearch-"}}},
        )
    assert left["count"] == 0
