"""The benchmark harness runs on a tiny corpus, so it cannot rot between benchmark runs."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_fulltext_benchmark_smoke(tmp_path):
    """B2 extraction prints its table and saves medians and the pipeline/bare ratio."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench/fulltext.py"),
            "--docs",
            "2",
            "--pages",
            "2",
            "--repeat",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MSI_STATE": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "| bare pdfium |" in result.stdout
    assert "| ratio pipeline/bare |" in result.stdout
    saved = json.loads((tmp_path / "bench/fulltext.json").read_text())
    assert saved["pages_per_run"] == 4
    assert saved["pipeline_pages_per_second"] > 0
    assert saved["baseline_seconds"]["n"] == 1


def _run(tmp_path, script, *arguments, dois=True):
    """Run one benchmark on the test instance; return its saved JSON.

    ``dois=False`` runs it with DataCite off, as scripts/bench.sh loads the synthetic corpus.
    """
    env = {**os.environ, "MSI_STATE": str(tmp_path)}
    if not dois:
        env["INVENIO_DATACITE_ENABLED"] = "False"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / f"{script}.py"), *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout, json.loads((tmp_path / f"bench/{script}.json").read_text())


def test_oai_benchmark_smoke(tmp_path, app):
    """B4 harvests with MSI's and upstream's view, counts SQL a page and removes its copies."""
    from invenio_search import current_search_client

    from msi_rdm.oai.search import _index

    stdout, saved = _run(tmp_path, "oai", "--page-size", "20", "--clone", "25")
    assert "| ratio msi/upstream records/s |" in stdout
    assert saved["msi"]["records"] >= 25 and saved["msi"]["pages"] >= 2
    assert saved["msi"]["sql_per_page_max"] is not None
    assert saved["upstream"]["records_per_second"] > 0
    with app.app_context():
        left = current_search_client.count(
            index=_index(), body={"query": {"prefix": {"id": "bench-oai-"}}}
        )
    assert left["count"] == 0


def test_citations_benchmark_smoke(tmp_path):
    """B5 measures cold, warm and bare citeproc-py citations."""
    stdout, saved = _run(tmp_path, "citations", "--repeat", "2")
    assert "| ratio warm/citeproc |" in stdout
    assert saved["warm"]["n"] == 2 and saved["cold"]["median"] > 0


def test_reindex_benchmark_smoke(tmp_path, app):
    """B3 rebuilds a few records three ways and reports records/s and both ratios."""
    stdout, saved = _run(tmp_path, "reindex", "--repeat", "1", "--limit", "6", "--chunk-size", "4")
    assert "| ratio msi/upstream records/s |" in stdout
    assert saved["records"] == 6
    for way in ("msi_fulltext", "msi_metadata", "upstream"):
        assert saved[way]["records_per_second"] > 0
    assert saved["fulltext_over_metadata_time"] > 0


def test_memory_benchmark_smoke(tmp_path):
    """B7 finds the services of the test run through their pid files and sums RSS and PSS."""
    state = Path(os.environ["INVENIO_INSTANCE_PATH"]).parent
    stdout, saved = _run(tmp_path, "memory", "--state", str(state))
    assert "| total (target ≤ 3 GiB) |" in stdout
    for service in ("postgresql", "opensearch", "redis"):
        assert saved[service]["rss_bytes"] > 0, service
        assert 0 < saved[service]["pss_bytes"] <= saved[service]["rss_bytes"], service
    assert saved["total_bytes"] >= saved["opensearch"]["rss_bytes"]
    assert 0 < saved["total_pss_bytes"] <= saved["total_bytes"]


def test_corpus_generator_smoke(tmp_path, app):
    """The corpus loads a few seeded records (one with a PDF), indexed with full text, once."""
    from invenio_search import current_search_client

    from helpers import refresh_indices

    arguments = ["--records", "3", "--pdfs", "1", "--pages", "2", "--processes", "1"]
    stdout, saved = _run(tmp_path, "corpus", *arguments, "--batch", "2", dois=False)
    assert "| corpus |" in stdout
    assert saved["loaded"] == 3
    refresh_indices()
    with app.app_context():
        hits = current_search_client.search(
            index=f"{app.config['SEARCH_INDEX_PREFIX']}rdmrecords-records",
            body={"query": {"match_phrase": {"metadata.title": "korpus 000000"}}},
        )["hits"]["hits"]
    assert len(hits) == 1 and hits[0]["_source"]["msi_search"]["fulltext"]
    _, again = _run(tmp_path, "corpus", *arguments, dois=False)
    assert again["loaded"] == 0


def test_pages_benchmark_smoke(tmp_path):
    """B6 times a report, a film and a researcher profile and counts their SQL."""
    stdout, saved = _run(tmp_path, "pages", "--repeat", "2")
    assert "| target p95 |" in stdout
    for page in ("report", "film", "profile"):
        assert saved[page]["p95_ms"] > 0 and saved[page]["sql_max"] > 0, page


def test_browser_benchmark_smoke(tmp_path, msi_server):
    """B8 loads the front page cold and warm in Chromium at 10 Mbit/s and saves its measures."""
    stdout, saved = _run(
        tmp_path, "browser", "--url", msi_server, "--repeat", "1", "--pages", "front"
    )
    assert "| front | msi |" in stdout and "| front | target |" in stdout
    cold, warm = saved["pages"]["front"]["msi"]["cold"], saved["pages"]["front"]["msi"]["warm"]
    assert cold["bytes"] > 0 and cold["requests"] > 0 and cold["fcp_ms"] > 0
    assert warm["requests"] < cold["requests"]
    assert saved["network"]["downloadThroughput"] == 10 * 1_000_000 / 8


def test_alerts_benchmark_smoke(tmp_path, app):
    """B10 runs digests for a few saved searches, grouped and one by one, and removes its users."""
    from invenio_accounts.models import User

    stdout, saved = _run(
        tmp_path,
        "alerts",
        *("--searches", "30", "--users", "10", "--queries", "5", "--baseline", "3"),
        *("--repeat", "1"),
    )
    assert "| ratio grouped/baseline searches/s |" in stdout
    assert saved["saved_searches"] == 30
    assert 0 < saved["distinct_questions"] <= 5
    assert saved["searches_per_second"] > 0 and saved["baseline_searches_per_second"] > 0
    assert User.query.filter(User.email.like("bench-alerts-%")).count() == 0
