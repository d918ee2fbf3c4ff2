"""B4: full OAI-PMH ListRecords harvest: records/s, first- and last-decile page latency, SQL a page.

    python bench/oai.py [--url http://127.0.0.1:5000] [--page-size 100] [--max-pages 1000]

The harvest runs in this process through the Flask test client, with every SQL statement counted
by a SQLAlchemy listener, once with MSI's view and once with upstream invenio-oaiserver's view
(the baseline) on the same application, page size and records. With ``--url`` the running site
is harvested over HTTP as well (the number a harvester sees).
"""

import argparse
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import delete_by_id_prefix, percentile, report  # noqa: E402

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def harvest(get, prefix, max_pages):
    """Follow ListRecords to its end; return ``[(seconds, records, sql), ...]`` per page."""
    pages = []
    arguments = {"verb": "ListRecords", "metadataPrefix": prefix}
    while len(pages) < max_pages:
        start = time.perf_counter()
        body, sql = get(arguments)
        seconds = time.perf_counter() - start
        tree = etree.fromstring(body)
        error = tree.find(f"{OAI}error")
        if error is not None:
            raise SystemExit(f"OAI-PMH error {error.get('code')}: {error.text}")
        pages.append((seconds, len(tree.findall(f".//{OAI}record")), sql))
        token = tree.find(f".//{OAI}resumptionToken")
        if token is None or not token.text:
            break
        arguments = {"verb": "ListRecords", "resumptionToken": token.text}
    return pages


def in_process_getter(app):
    """A getter through the test client that counts the SQL statements of each request."""
    from invenio_db import db
    from sqlalchemy import event

    client = app.test_client()
    with app.app_context():
        engine = db.engine
    counter = {"n": 0}

    def count(*args):
        counter["n"] += 1

    event.listen(engine, "before_cursor_execute", count)

    def get(arguments):
        counter["n"] = 0
        response = client.get("/oai2d", query_string=arguments)
        return response.data, counter["n"]

    return get


def http_getter(url):
    """A getter over HTTP (SQL unknown)."""
    session = requests.Session()

    def get(arguments):
        response = session.get(f"{url}/oai2d", params=arguments, timeout=300)
        response.raise_for_status()
        return response.content, None

    return get


@contextmanager
def upstream(app):
    """Serve /oai2d as vanilla InvenioRDM does: invenio-oaiserver's view, upstream's lookups."""
    ours = app.config["MSI_OAI_SERVER"]
    app.config["MSI_OAI_SERVER"] = False
    try:
        yield
    finally:
        app.config["MSI_OAI_SERVER"] = ours


def figures(pages):
    """Records/s, page latency by decile and SQL per page of one harvest."""
    seconds = [page[0] for page in pages]
    records = sum(page[1] for page in pages)
    decile = max(1, len(pages) // 10)
    first, last = seconds[:decile], seconds[-decile:]
    sql = [page[2] for page in pages if page[2] is not None]
    return {
        "pages": len(pages),
        "records": records,
        "records_per_second": records / sum(seconds),
        "page_ms_median": statistics.median(seconds) * 1000,
        "page_ms_p95": percentile(seconds, 0.95) * 1000,
        "first_decile_ms": statistics.median(first) * 1000,
        "last_decile_ms": statistics.median(last) * 1000,
        "last_over_first": statistics.median(last) / statistics.median(first),
        "sql_per_page_median": statistics.median(sql) if sql else None,
        "sql_per_page_max": max(sql) if sql else None,
    }


CLONE_PREFIX = "bench-oai-"


def clone_corpus(app, count):
    """Index ``count`` copies of the visible records' documents, as a larger harvest corpus.

    Harvesting reads only the records index, so copies with their own ids, OAI identifiers and
    datestamps are a faithful corpus for it; they never reach the database and are removed
    again by ``drop_clones``.
    """
    from datetime import UTC, datetime, timedelta

    from invenio_search import current_search_client

    from msi_rdm.oai import search

    with app.app_context():
        hits = search.search_page([], 1000)[0]
        originals = [hit["_source"] for hit in hits]
        index = hits[0]["_index"]
        start = datetime.now(UTC)
        actions = []
        for number in range(count):
            source = dict(originals[number % len(originals)])
            record_id = f"{CLONE_PREFIX}{number:07d}"
            prefix = app.config["OAISERVER_ID_PREFIX"]
            moment = (start + timedelta(milliseconds=number)).isoformat()
            source.update(id=record_id, uuid=record_id, updated=moment)
            source["pids"] = {
                **source.get("pids", {}),
                "oai": {"identifier": f"oai:{prefix}:{record_id}", "provider": "oai"},
            }
            actions += [{"index": {"_index": index, "_id": record_id}}, source]
            if len(actions) >= 1000 or number == count - 1:
                answer = current_search_client.bulk(body=actions, refresh=False)
                if answer["errors"]:
                    raise SystemExit(f"cloning failed: {answer['items'][0]}")
                actions = []
        current_search_client.indices.refresh(index=search._index())


def drop_clones(app):
    """Remove the copies ``clone_corpus`` indexed."""
    from msi_rdm.oai import search

    with app.app_context():
        delete_by_id_prefix(search._index(), CLONE_PREFIX)


def main():
    """Run the harvests and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None)
    parser.add_argument("--prefix", default="oai_dc")
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--max-pages", type=int, default=1000)
    parser.add_argument("--clone", type=int, default=0, help="index this many copies first")
    options = parser.parse_args()

    from invenio_app.factory import create_app

    app = create_app(MSI_OAI_PAGE_SIZE=options.page_size, OAISERVER_PAGE_SIZE=options.page_size)
    if options.clone:
        clone_corpus(app, options.clone)
    try:
        results = run(app, options)
    finally:
        if options.clone:
            drop_clones(app)
    show(results, options)


def run(app, options):
    """Harvest with MSI's view, upstream's view and, given a URL, over HTTP."""
    get = in_process_getter(app)
    harvest(get, options.prefix, 2)  # warm-up: vocabularies, styles, connections
    results = {"msi": figures(harvest(get, options.prefix, options.max_pages))}
    with upstream(app):
        results["upstream"] = figures(harvest(get, options.prefix, options.max_pages))
    if options.url:
        results["msi_http"] = figures(harvest(http_getter(options.url), options.prefix, 10**6))
    results["ratio_records_per_second"] = (
        results["msi"]["records_per_second"] / results["upstream"]["records_per_second"]
    )
    return results


def show(results, options):
    """Print and save the table."""
    rows = [
        "| harvest | pages | records | records/s | page median ms | first decile ms "
        "| last decile ms | last/first | SQL a page (median/max) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ("msi", "upstream", "msi_http"):
        if name not in results:
            continue
        r = results[name]
        sql = (
            "n/a"
            if r["sql_per_page_median"] is None
            else (f"{r['sql_per_page_median']:.0f}/{r['sql_per_page_max']}")
        )
        rows.append(
            f"| {name} | {r['pages']} | {r['records']} | {r['records_per_second']:.0f} "
            f"| {r['page_ms_median']:.1f} | {r['first_decile_ms']:.1f} | {r['last_decile_ms']:.1f} "
            f"| {r['last_over_first']:.2f} | {sql} |"
        )
    rows.append(f"| ratio msi/upstream records/s | {results['ratio_records_per_second']:.2f} |")
    results["page_size"] = options.page_size
    results["cloned"] = options.clone
    results["prefix"] = options.prefix
    report("oai", results, rows)


if __name__ == "__main__":
    main()
