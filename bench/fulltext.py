"""B2: full-text extraction against the bare pdfium call, and publish → searchable latency.

    python bench/fulltext.py [--docs 20] [--pages 50] [--repeat 5] [--url http://127.0.0.1:5000]

Extraction runs in this process on one core, alternating baseline and candidate after a warm-up.
The latency part needs a running `make run` (web server and Celery worker) and its admin token
in MSI_BENCH_TOKEN; it publishes reports with a PDF and polls the search API until each is found.
"""

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pypdfium2 as pdfium
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report, summary, timed  # noqa: E402

from msi_rdm.demo.files import make_pdf  # noqa: E402
from msi_rdm.fulltext.extractors import extract_text  # noqa: E402

WORDS = (
    "kommunen samverkan social innovation välfärd civilsamhället forskning praktik barn "
    "folkhälsa arbete trygghet digital inkludering region utveckling idéburen"
).split()


def make_corpus(folder, docs, pages):
    """Write ``docs`` synthetic Swedish PDFs of ``pages`` pages each; return their bytes."""
    corpus = []
    for number in range(docs):
        texts = [
            " ".join(WORDS[(number + page + i) % len(WORDS)] for i in range(220))
            for page in range(pages)
        ]
        corpus.append(
            make_pdf(folder / f"doc{number}.pdf", f"Rapport {number}", texts).read_bytes()
        )
    return corpus


def bare_pdfium(corpus):
    """The library alone: open each PDF and read every page's text."""
    for data in corpus:
        document = pdfium.PdfDocument(data)
        for page in document:
            page.get_textpage().get_text_bounded()
        document.close()


def pipeline(corpus):
    """Our extraction: format detection, checks, per-page text, joining."""
    for number, data in enumerate(corpus):
        extract_text(f"doc{number}.pdf", data)


def bench_extraction(docs, pages, repeat):
    """Alternate baseline and candidate runs; return timings per run."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp), docs, pages)
        bare_pdfium(corpus[:1])
        pipeline(corpus[:1])
        base, cand = [], []
        for _ in range(repeat):
            base.append(timed(bare_pdfium, corpus))
            cand.append(timed(pipeline, corpus))
    return base, cand


def bench_latency(url, token, count):
    """Publish ``count`` reports through the REST API and time until search finds each."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    latencies = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(count):
            word = "bench" + uuid.uuid4().hex[:10]
            pdf = make_pdf(Path(tmp) / "r.pdf", "Rapport", [f"Texten nämner {word}metoder."])
            data = {
                "access": {"record": "public", "files": "public"},
                "files": {"enabled": True},
                "metadata": {
                    "resource_type": {"id": "publication-report"},
                    "title": "Benchmark report",
                    "publication_date": "2025-01-01",
                    "publisher": "MSI",
                    "creators": [{"person_or_org": {"type": "organizational", "name": "MSI"}}],
                },
            }
            api = f"{url}/api/records"
            draft = requests.post(api, data=json.dumps(data), headers=headers, timeout=30).json()
            files = f"{api}/{draft['id']}/draft/files"
            requests.post(files, json=[{"key": "r.pdf"}], headers=headers, timeout=30)
            upload = {**headers, "Content-Type": "application/octet-stream"}
            requests.put(
                f"{files}/r.pdf/content", data=pdf.read_bytes(), headers=upload, timeout=30
            )
            requests.post(f"{files}/r.pdf/commit", headers=headers, timeout=30)
            start = time.perf_counter()
            requests.post(f"{api}/{draft['id']}/draft/actions/publish", headers=headers, timeout=60)
            deadline = start + 60
            while time.perf_counter() < deadline:
                hits = requests.get(api, params={"q": f"{word}metod"}, timeout=30).json()["hits"]
                if hits["total"]:
                    latencies.append(time.perf_counter() - start)
                    break
                time.sleep(0.1)
            else:
                latencies.append(float("inf"))
    return latencies


def main():
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", default=None)
    parser.add_argument("--token", default=None)
    parser.add_argument("--publishes", type=int, default=10)
    args = parser.parse_args()

    base, cand = bench_extraction(args.docs, args.pages, args.repeat)
    pages = args.docs * args.pages
    results = {
        "pages_per_run": pages,
        "baseline_seconds": summary(base),
        "pipeline_seconds": summary(cand),
    }
    b, c = results["baseline_seconds"]["median"], results["pipeline_seconds"]["median"]
    results["pipeline_pages_per_second"] = pages / c
    results["overhead"] = c / b - 1
    lines = [
        "| B2 extraction | median s | p95 s | pages/s (median) |",
        "|---|---|---|---|",
        f"| bare pdfium | {b:.3f} | {results['baseline_seconds']['p95']:.3f} | {pages / b:.0f} |",
        f"| MSI pipeline | {c:.3f} | {results['pipeline_seconds']['p95']:.3f} | {pages / c:.0f} |",
        f"| ratio pipeline/bare | {c / b:.2f} (overhead {results['overhead']:+.1%}) | | |",
    ]
    if args.url and args.token:
        latencies = bench_latency(args.url, args.token, args.publishes)
        results["publish_to_searchable_seconds"] = summary(latencies)
        s = results["publish_to_searchable_seconds"]
        lines += [
            "",
            "| publish → searchable | median s | p95 s |",
            "|---|---|---|",
            f"| {len(latencies)} reports | {s['median']:.2f} | {s['p95']:.2f} |",
        ]
    report("fulltext", results, lines)


if __name__ == "__main__":
    main()
