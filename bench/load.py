"""Load (issue 9): searches, landing pages and file downloads from concurrent loopback clients.

    python bench/load.py --url http://127.0.0.1:5000 [--clients 20] [--requests 400] [--seconds 120]

Each client sends the next request of a fixed mix (two searches, one landing page, one download)
until the request budget or the time limit is spent. The target of issue #9 is zero errors and
p95 < 1 s at 20 clients. Only loopback URLs are accepted, so the load never leaves the machine.
"""

import argparse
import itertools
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import percentile, report  # noqa: E402

QUERIES = ["innovation", "kommun", "folkhälsa", "samverkan", "social", "film", "digital"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def targets(session, url):
    """Landing pages and file URLs of public records that the site lists."""
    hits = session.get(f"{url}/api/records", params={"size": 50}, timeout=30).json()["hits"]
    pages, files = [], []
    for hit in hits["hits"]:
        pages.append(f"{url}/records/{hit['id']}")
        if hit.get("files", {}).get("enabled") and hit["access"]["files"] == "public":
            for entry in hit["files"].get("entries", {}).values():
                files.append(f"{url}/api/records/{hit['id']}/files/{entry['key']}/content")
    if not pages:
        raise SystemExit("the site lists no public records; load the demo content first")
    return pages, files


def mix(url, pages, files):
    """Endless request mix: search, landing page, search, download."""
    queries, landing = itertools.cycle(QUERIES), itertools.cycle(pages)
    downloads = itertools.cycle(files or pages)
    while True:
        yield "search", f"{url}/api/records?q={next(queries)}&size=10"
        yield "landing", next(landing)
        yield "search", f"{url}/api/records?q={next(queries)}&sort=newest"
        yield "download", next(downloads)


class Budget:
    """A shared request count and deadline."""

    def __init__(self, requests_total, seconds):
        self.left = requests_total
        self.deadline = time.monotonic() + seconds
        self.lock = threading.Lock()

    def take(self):
        with self.lock:
            if self.left <= 0 or time.monotonic() > self.deadline:
                return False
            self.left -= 1
            return True


def client(url, pages, files, budget, offset):
    """One client: its own session, sending requests until the budget is spent."""
    session = requests.Session()
    results = []
    requests_mix = itertools.islice(mix(url, pages, files), offset, None)
    while budget.take():
        kind, target = next(requests_mix)
        start = time.perf_counter()
        try:
            response = session.get(target, timeout=30)
            ok = response.status_code == 200
            response.content  # noqa: B018 - read the whole body, as a browser does
        except requests.RequestException:
            ok = False
        results.append((kind, time.perf_counter() - start, ok))
    return results


def run(url, clients, requests_total, seconds):
    """Run the load; return the figures per request kind and overall."""
    session = requests.Session()
    pages, files = targets(session, url)
    budget = Budget(requests_total, seconds)
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        futures = [pool.submit(client, url, pages, files, budget, i % 4) for i in range(clients)]
        results = [r for future in futures for r in future.result()]
    elapsed = time.perf_counter() - start
    figures = {"clients": clients, "seconds": elapsed}
    for kind in ("search", "landing", "download", "all"):
        chosen = [r for r in results if kind == "all" or r[0] == kind]
        if not chosen:
            continue
        times = [r[1] for r in chosen]
        figures[kind] = {
            "requests": len(chosen),
            "errors": sum(1 for r in chosen if not r[2]),
            "per_second": len(chosen) / elapsed,
            "p50": percentile(times, 0.5),
            "p95": percentile(times, 0.95),
        }
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5000")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400, help="total requests, all clients")
    parser.add_argument("--seconds", type=float, default=120, help="stop after this long")
    args = parser.parse_args()
    if urlparse(args.url).hostname not in LOOPBACK:
        raise SystemExit("load runs against loopback only (127.0.0.1, localhost)")
    figures = run(args.url.rstrip("/"), args.clients, args.requests, args.seconds)
    lines = [
        f"Load: {args.clients} clients, {figures['all']['requests']} requests "
        f"in {figures['seconds']:.1f} s",
        "",
        "| kind | requests | errors | req/s | p50 (s) | p95 (s) |",
        "|---|---|---|---|---|---|",
    ]
    for kind in ("search", "landing", "download", "all"):
        if kind in figures:
            f = figures[kind]
            lines.append(
                f"| {kind} | {f['requests']} | {f['errors']} | {f['per_second']:.1f} "
                f"| {f['p50']:.3f} | {f['p95']:.3f} |"
            )
    report("load", figures, lines)


if __name__ == "__main__":
    main()
