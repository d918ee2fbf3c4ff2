"""B1: `/api/records` against the same query sent straight to OpenSearch, 1 and 4 clients.

    python bench/search.py --url http://127.0.0.1:5000 [--repeat 40] [--query "folkhälsa kommun"]
        [--warm-raw 2000]

The baseline body is captured from what the application itself sends for the same request (it is
created in this process and its search client recorded), so both sides answer the same question.

``--clone N`` first indexes N copies of the records' index documents (full text included, each with
an id of its own) to measure a larger index, and removes them afterwards; search reads only the
index, so the copies answer like records (their landing pages would not exist).

Besides the one repeated query at size 10 and 100, a *varied* row sends a different query each
time: word pairs of the corpus's vocabulary and result pages drawn afresh each run, so the answers
are not the ones the site has just served (its per-process hit cache still helps where records
come back, as it does for real visitors).

OpenSearch is first warmed with ``--warm-raw`` raw queries of all rows at 4 clients, and each row
starts by warming the site with three requests; app and raw runs then alternate. The requests per
second of a row are the better of its two app runs; the repeated size-10 row, which carries the
throughput target, runs ``--repeat`` requests per run at 4 clients instead of half as many.
"""

import argparse
import itertools
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from unittest import mock

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import delete_by_id_prefix, report, summary  # noqa: E402


def capture_queries(params_list):
    """Return the OpenSearch host and, per request, the HTTP request the application sends.

    Each capture is ``(path, query parameters, body)`` as the application's search client put
    it on the wire the second time the search is asked (as the measured site answers it from
    then on): an ``_msearch`` of hits and facets with its newline-delimited body (see
    ``msi_rdm.upstream.cached_facets``), or a ``_search`` with its JSON body. The application made
    here only records what it would send; its rate limit is off, so the captures do not spend the
    measured site's allowance for this address.
    """
    from invenio_app.factory import create_app
    from opensearchpy import Transport

    with mock.patch.dict(os.environ, {"INVENIO_RATELIMIT_ENABLED": "False"}):
        app = create_app()
    client = app.test_client()
    original = Transport.perform_request
    search_url = app.config["SEARCH_HOSTS"][0]
    captured = []
    for params in params_list:
        calls = []

        # The REST API is a separate application behind /api with a client of its own: record
        # the transport class's calls.
        def recording(transport, method, url, *args, calls=calls, **kwargs):
            arguments = dict(zip(("params", "body"), args, strict=False)) | kwargs
            calls.append((url, dict(arguments.get("params") or {}), arguments.get("body")))
            return original(transport, method, url, *args, **kwargs)

        client.get("/api/records", query_string=params)
        with mock.patch.object(Transport, "perform_request", recording):
            response = client.get("/api/records", query_string=params)
        assert response.status_code == 200, response.status_code
        call = next(
            (
                c
                for c in reversed(calls)
                if "rdmrecords-records" in c[0] and c[0].endswith(("/_search", "/_msearch"))
            ),
            None,
        )
        if call is None:
            raise SystemExit(f"no records search captured; calls seen: {[c[0] for c in calls]}")
        captured.append(call)
    return f"http://{search_url['host']}:{search_url['port']}", captured


def raw_request_arguments(host, captured):
    """``requests`` arguments that send a captured request to OpenSearch unchanged."""
    path, params, body = captured
    arguments = {"method": "POST", "url": host + path, "params": params, "timeout": 60}
    if isinstance(body, str | bytes):  # an _msearch body, already newline-delimited JSON
        data = body.encode() if isinstance(body, str) else body
        return arguments | {"data": data, "headers": {"Content-Type": "application/x-ndjson"}}
    return arguments | {"json": body}


CLONE_PREFIX = "benchsearch-"


def _records_index():
    """The records index alias (in an application context)."""
    from invenio_rdm_records.proxies import current_rdm_records_service as service
    from invenio_search.utils import build_alias_name

    return build_alias_name(service.record_cls.index._name)


def clone_records(app, count):
    """Index ``count`` copies of the published records' documents under ids of their own."""
    import uuid

    from invenio_search import current_search_client
    from opensearchpy.helpers import bulk, scan

    with app.app_context():
        alias = _records_index()
        query = {"query": {"bool": {"must_not": {"prefix": {"id": CLONE_PREFIX}}}}}
        originals = [
            (h["_index"], h["_source"]) for h in scan(current_search_client, query, index=alias)
        ]

        def actions():
            for number in range(count):
                index, source = originals[number % len(originals)]
                record_uuid = str(uuid.uuid4())
                yield {
                    "_index": index,
                    "_id": record_uuid,
                    "_source": {**source, "id": f"{CLONE_PREFIX}{number:07d}", "uuid": record_uuid},
                }

        bulk(current_search_client, actions(), chunk_size=500, request_timeout=120)
        current_search_client.indices.refresh(index=alias)
        return len(originals)


def drop_clones(app):
    """Remove the copies ``clone_records`` indexed."""
    with app.app_context():
        delete_by_id_prefix(_records_index(), CLONE_PREFIX)


def varied_params(count, size, rng):
    """``count`` different searches: word pairs of the corpus vocabulary, pages 1 to 5."""
    from corpus import WORDS

    pairs = rng.sample(list(itertools.combinations(WORDS, 2)), count)
    return [{"q": f"{a} {b}", "size": size, "page": rng.randint(1, 5)} for a, b in pairs]


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
        parts = list(pool.map(worker, [max(1, repeat // clients)] * clients))
    elapsed = time.perf_counter() - start
    latencies = [t for part in parts for t in part]
    return latencies, len(latencies) / elapsed


def main():
    """Run B1 and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--query", default="folkhälsa kommun")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--clone", type=int, default=0, help="index this many copies first")
    parser.add_argument(
        "--warm-raw", type=int, default=2000, help="raw queries that warm OpenSearch first"
    )
    args = parser.parse_args()
    if args.clone:
        from invenio_app.factory import create_app

        clone_app = create_app()
        print(f"cloned {args.clone} documents of {clone_records(clone_app, args.clone)} records")
    try:
        measure(args)
    finally:
        if args.clone:
            drop_clones(clone_app)


def measure(args):
    """Run the rows of B1 and report them."""

    results, lines = (
        {},
        [
            "| B1 search | clients | app median ms | app p95 ms | raw median ms | raw p95 ms "
            "| ratio (medians) | app req/s |",
            "|---|---|---|---|---|---|---|---|",
        ],
    )
    rng = random.Random()  # varied queries differ from run to run on purpose
    rows = [
        ("size 10", [{"q": args.query, "size": 10}]),
        ("size 100", [{"q": args.query, "size": 100}]),
        ("size 10 varied", varied_params(2 * args.repeat + 3, 10, rng)),
    ]
    host, captures = capture_queries([params for _, params_list in rows for params in params_list])

    def raw_get(session, captured):
        return timed_get(session, **raw_request_arguments(host, captured))

    # Warm-up. OpenSearch compiles its search code as it runs: after a restart, its CPU time per
    # query of this kind falls from about 85 to 16 ms over the first two thousand queries. Raw
    # queries of every row warm it without spending the site's rate limit.
    warm_cycle = itertools.cycle(captures)
    run_clients(4, args.warm_raw, lambda session: raw_get(session, next(warm_cycle)))
    for label, params_list in rows:
        captured, captures = captures[: len(params_list)], captures[len(params_list) :]
        # Each thread walks the requests in step with the baseline: request i of the app and
        # of OpenSearch ask the same question.
        app_cycle = itertools.cycle(params_list)
        raw_cycle = itertools.cycle(captured)

        def app_request(session, app_cycle=app_cycle):
            return timed_get(
                session,
                args.url + "/api/records",
                method="GET",
                params=next(app_cycle),
                timeout=60,
            )

        def raw_request(session, raw_cycle=raw_cycle):
            return raw_get(session, next(raw_cycle))

        with requests.Session() as session:  # three requests warm the site for this row
            for _ in range(3):
                app_request(session)
                raw_request(session)
        for clients in (1, 4):
            # The throughput target is for the repeated size-10 search at 4 clients: its runs are
            # twice as long, so that starting and finishing the clients weighs less.
            count = args.repeat if (label, clients) == ("size 10", 4) else args.repeat // 2
            app_times, raw_times, app_rates = [], [], []
            for _ in range(2):  # alternate candidate and baseline
                times, rate = run_clients(clients, count, app_request)
                app_times += times
                app_rates.append(rate)
                raw_times += run_clients(clients, count, raw_request)[0]
            app, raw = summary(app_times), summary(raw_times)
            ratio = app["median"] / raw["median"]
            key = f"{label.replace(' ', '_')}_clients{clients}"
            results[key] = {"app": app, "raw": raw, "ratio": ratio, "app_rps": max(app_rates)}
            lines.append(
                f"| {label} | {clients} | {app['median'] * 1e3:.1f} | {app['p95'] * 1e3:.1f} "
                f"| {raw['median'] * 1e3:.1f} | {raw['p95'] * 1e3:.1f} | {ratio:.1f}× "
                f"| {max(app_rates):.1f} |"
            )
    report("search", results, lines)


if __name__ == "__main__":
    main()
