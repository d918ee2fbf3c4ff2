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
