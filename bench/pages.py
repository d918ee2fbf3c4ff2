"""B6: server time and SQL statements of landing pages (report, film) and a researcher profile.

    python bench/pages.py [--repeat 30] [--profile ID]

Pages are requested in this process through the Flask test client (server time, no network), after
a warm-up, with every SQL statement counted by a SQLAlchemy listener. The profile is the public
researcher profile with the most works unless ``--profile`` names one.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import percentile, report  # noqa: E402

TARGET_P95_MS = {"landing": 100, "profile": 150}
"""baselines.md: landing pages with every panel MSI adds, and a profile with 500 works."""


def first_record(resource_type, with_files):
    """Id of a public record of ``resource_type`` (with files when asked), or None.

    Records in a community come first: their pages carry the most (community header, requests),
    so they are the ones the target is about.
    """
    from invenio_access.permissions import system_identity
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    query = f'metadata.resource_type.id:"{resource_type}" AND access.record:public'
    if with_files:
        query += " AND files.enabled:true"
    for extra in (" AND _exists_:parent.communities.default", ""):
        params = {"q": query + extra, "size": 1}
        found = service.search(system_identity, params=params).to_dict()["hits"]["hits"]
        if found:
            return found[0]["id"]
    return None


def busiest_profile():
    """Id and number of works of the public researcher profile with the most works."""
    from invenio_access.permissions import system_identity
    from invenio_search import current_search_client

    from msi_rdm.researchers.api import PUBLIC_STATUSES
    from msi_rdm.researchers.proxies import current_researchers_service as service
    from msi_rdm.researchers.works import _researchers_index

    body = {"query": {"terms": {"status": list(PUBLIC_STATUSES)}}, "size": 200, "_source": ["id"]}
    hits = current_search_client.search(index=_researchers_index(), body=body)["hits"]["hits"]
    counted = [
        (
            service.works(system_identity, hit["_source"]["id"], {"size": 1}).total,
            hit["_source"]["id"],
        )
        for hit in hits
    ]
    if not counted:
        return None, 0
    works, profile_id = max(counted)
    return profile_id, works


def measure(app, url, repeat):
    """Server seconds and SQL statements of ``repeat`` requests of ``url`` after a warm-up."""
    from invenio_db import db
    from sqlalchemy import event

    client = app.test_client()
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    counter = {"n": 0}

    def count(*args):
        counter["n"] += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    seconds, statements = [], []
    try:
        for _ in range(repeat):
            counter["n"] = 0
            start = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - start)
            statements.append(counter["n"])
            assert response.status_code == 200, (url, response.status_code)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return {
        "url": url,
        "median_ms": statistics.median(seconds) * 1000,
        "p95_ms": percentile(seconds, 0.95) * 1000,
        "sql_median": statistics.median(statements),
        "sql_max": max(statements),
        "n": repeat,
    }


def main():
    """Run B6 and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", default=None)
    options = parser.parse_args()

    from invenio_app.factory import create_app

    app = create_app()
    with app.app_context():
        pages = {
            "report": first_record("publication-report", True),
            "film": first_record("video", False),
        }
        works = None
        if options.profile:
            pages["profile"] = options.profile
        else:
            pages["profile"], works = busiest_profile()
    urls = {
        "report": pages["report"] and f"/records/{pages['report']}",
        "film": pages["film"] and f"/records/{pages['film']}",
        "profile": pages["profile"] and f"/researchers/{pages['profile']}",
    }
    results = {"profile_works": works, "target_p95_ms": TARGET_P95_MS}
    rows = ["| B6 page | median ms | p95 ms | SQL (median/max) |", "|---|---|---|---|"]
    for name, url in urls.items():
        if url is None:
            results[name] = None
            rows.append(f"| {name} | not found | | |")
            continue
        r = results[name] = measure(app, url, options.repeat)
        label = f"{name} ({works} works)" if name == "profile" and works is not None else name
        rows.append(
            f"| {label} | {r['median_ms']:.1f} | {r['p95_ms']:.1f} "
            f"| {r['sql_median']:.0f}/{r['sql_max']} |"
        )
    landing, profile = TARGET_P95_MS["landing"], TARGET_P95_MS["profile"]
    rows.append(
        f"| target p95 | | ≤ {landing} (pages), < {profile} (profile) | independent of works |"
    )
    report("pages", results, rows)


if __name__ == "__main__":
    main()
