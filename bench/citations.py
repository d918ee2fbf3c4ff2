"""B5: formatted citations, cold (cache miss) and warm (cached), against bare citeproc-py.

    python bench/citations.py [--url http://127.0.0.1:5000] [--repeat 50] [--style apa]

Requests go through the Flask test client (server time) and, with ``--url``, over HTTP. The
baseline formats the same CSL-JSON item with citeproc-py and a style parsed once beforehand:
the least any citation can cost without a cache.
"""

import argparse
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report, summary  # noqa: E402

ACCEPT = {"Accept": "text/x-bibliography"}


def timed(function):
    """Seconds one call takes."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def measure(app, record_id, style, locale, repeat, url=None):
    """Cold, warm and bare-citeproc timings (seconds) of one record's citation."""
    from invenio_cache import current_cache

    from msi_rdm.exports.csl import csl_data
    from msi_rdm.exports.formatted import cache_key, format_citation
    from msi_rdm.exports.styles import parsed_style

    client = app.test_client()
    path = f"/api/records/{record_id}"
    query = {"style": style, "locale": locale}

    def cite():
        response = client.get(path, query_string=query, headers=ACCEPT)
        assert response.status_code == 200, response.status_code

    with app.test_request_context():
        record = client.get(path).json
        key = cache_key(record, style, locale)
        item = csl_data(record)
        parsed_style(style, locale)
    cite()

    def cold():
        with app.app_context():
            current_cache.delete(key)
        cite()

    results = {
        "cold": [timed(cold) for _ in range(repeat)],
        "warm": [timed(cite) for _ in range(repeat)],
    }
    with app.test_request_context():
        results["citeproc_preparsed"] = [
            timed(lambda: format_citation(item, style, locale)) for _ in range(repeat)
        ]
    if url:
        session = requests.Session()
        results["warm_http"] = [
            timed(lambda: session.get(url + path, params=query, headers=ACCEPT).raise_for_status())
            for _ in range(repeat)
        ]
    return results


def main():
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--style", default="apa")
    parser.add_argument("--locale", default="sv-SE")
    options = parser.parse_args()

    from invenio_app.factory import create_app

    app = create_app()
    hits = app.test_client().get("/api/records?size=1&sort=newest").json["hits"]["hits"]
    if not hits:
        raise SystemExit("no public record to cite")
    timings = measure(
        app, hits[0]["id"], options.style, options.locale, options.repeat, options.url
    )
    results = {name: summary([s * 1000 for s in values]) for name, values in timings.items()}
    results["warm_over_citeproc"] = (
        results["warm"]["median"] / results["citeproc_preparsed"]["median"]
    )
    results["style"], results["locale"] = options.style, options.locale
    rows = ["| citation | median ms | p95 ms | n |", "|---|---|---|---|"]
    for name in ("cold", "warm", "warm_http", "citeproc_preparsed"):
        if name in results:
            r = results[name]
            rows.append(f"| {name} | {r['median']:.1f} | {r['p95']:.1f} | {r['n']} |")
    rows.append(f"| ratio warm/citeproc | {results['warm_over_citeproc']:.2f} | | |")
    report("citations", results, rows)


if __name__ == "__main__":
    main()
