"""B1: `/api/records` against the same query sent straight to OpenSearch, 1 and 4 clients.

    python bench/search.py --url http://127.0.0.1:5000 [--repeat 40] [--query "folkhälsa kommun"]

The baseline body is captured from what the application itself sends for the same request (it is
created in this process and its search client recorded), so both sides answer the same question.
"""

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from unittest import mock

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report, summary  # noqa: E402


def capture_query(params):
    """Return the OpenSearch host, index and body the application sends for a records search."""
    from invenio_app.factory import create_app
    from opensearchpy import OpenSearch

    app = create_app()
    calls = []
    original = OpenSearch.search

    # The REST API is a separate application behind /api with a client of its own: record the
    # client class's calls.
    def recording(client, *args, **kwargs):
        calls.append({**dict(zip(("body", "index"), args, strict=False)), **kwargs})
        return original(client, *args, **kwargs)

    with mock.patch.object(OpenSearch, "search", recording):
        response = app.test_client().get("/api/records", query_string=params)
    search_url = app.config["SEARCH_HOSTS"][0]
    assert response.status_code == 200, response.status_code
    call = next((c for c in reversed(calls) if "rdmrecords-records" in str(c.get("index"))), None)
    if call is None:
        raise SystemExit(
            f"no records search captured; calls seen: {[c.get('index') for c in calls]}"
        )
    host = f"http://{search_url['host']}:{search_url['port']}"
    index = call["index"]
    index = ",".join(index) if isinstance(index, list | tuple) else index
    return host, index, call["body"]


def timed_get(session, url, **kwargs):
    """Seconds one request takes; fails loudly on an error status."""
    start = time.perf_counter()
    response = session.request(url=url, **kwargs)
    response.raise_for_status()
    return time.perf_counter() - start


def run_clients(clients, repeat, request):
    """Run ``repeat`` requests spread over ``clients`` threads; return latencies and req/s."""

    def worker(count):
        with requests.Session() as session:
            return [request(session) for _ in range(count)]

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        parts = list(pool.map(worker, [repeat // clients] * clients))
    elapsed = time.perf_counter() - start
    latencies = [t for part in parts for t in part]
    return latencies, len(latencies) / elapsed


def main():
    """Run B1 and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--query", default="folkhälsa kommun")
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()

    results, lines = (
        {},
        [
            "| B1 search | clients | app median ms | app p95 ms | raw median ms | raw p95 ms "
            "| ratio (medians) | app req/s |",
            "|---|---|---|---|---|---|---|---|",
        ],
    )
    for size in (10, 100):
        params = {"q": args.query, "size": size}
        host, index, body = capture_query(params)

        def app_request(session, params=params):
            return timed_get(
                session, args.url + "/api/records", method="GET", params=params, timeout=60
            )

        def raw_request(session, index=index, body=body, host=host):
            return timed_get(
                session, f"{host}/{index}/_search", method="POST", json=body, timeout=60
            )

        with requests.Session() as session:  # warm-up
            for _ in range(3):
                app_request(session)
                raw_request(session)
        for clients in (1, 4):
            app_times, raw_times, app_rates = [], [], []
            for _ in range(2):  # alternate candidate and baseline
                times, rate = run_clients(clients, args.repeat // 2, app_request)
                app_times += times
                app_rates.append(rate)
                raw_times += run_clients(clients, args.repeat // 2, raw_request)[0]
            app, raw = summary(app_times), summary(raw_times)
            ratio = app["median"] / raw["median"]
            key = f"size{size}_clients{clients}"
            results[key] = {"app": app, "raw": raw, "ratio": ratio, "app_rps": max(app_rates)}
            lines.append(
                f"| size {size} | {clients} | {app['median'] * 1e3:.1f} | {app['p95'] * 1e3:.1f} "
                f"| {raw['median'] * 1e3:.1f} | {raw['p95'] * 1e3:.1f} | {ratio:.1f}× "
                f"| {max(app_rates):.1f} |"
            )
    report("search", results, lines)


if __name__ == "__main__":
    main()
