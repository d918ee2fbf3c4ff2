"""B4 at harvester scale: Sickle harvests N records from the running site at full speed.

    python bench/harvest.py --url http://127.0.0.1:5000 [--records 100000] [--prefix oai_dc]

The records index is topped up to ``--records`` visible records with copies of the corpus's
documents (``bench/oai.py``'s clones: their own ids, OAI identifiers and datestamps; harvesting
reads only the index), then Sickle, as BASE and OpenAIRE run it, follows ``ListRecords`` to the end
through ``/oai2d`` and its budget, honouring ``503 Retry-After``. Reported: records harvested
(each once, all of those listed), answers, 503 answers, failures and records per second; it exits
non-zero unless the harvest was complete and clean. The copies are removed at the end.
"""

import argparse
import sys
import time
from pathlib import Path

from sickle import Sickle

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report  # noqa: E402
from oai import clone_corpus, drop_clones  # noqa: E402


class CountingSickle(Sickle):
    """Sickle that notes the status of every HTTP answer."""

    def __init__(self, endpoint, **kwargs):
        super().__init__(endpoint, **kwargs)
        self.statuses = []

    def _request(self, kwargs):
        response = super()._request(kwargs)
        self.statuses.append(response.status_code)
        return response


def visible_records(app):
    """Records a harvest lists now (the first page's ``completeListSize``)."""
    from msi_rdm.oai import search

    with app.app_context():
        return search.search_page([], 1)[1]


def main():
    """Top the index up, harvest it with Sickle, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--records", type=int, default=100000)
    parser.add_argument("--prefix", default="oai_dc")
    options = parser.parse_args()

    from invenio_app.factory import create_app

    app = create_app()
    present = visible_records(app)
    clones = max(0, options.records - present)
    if clones:
        print(f"indexing {clones} copies beside the {present} records", flush=True)
        clone_corpus(app, clones)
    try:
        harvester = CountingSickle(
            f"{options.url}/oai2d",
            max_retries=10,
            timeout=120,
            headers={"User-Agent": "msi-bench-harvest (Sickle)"},
        )
        start = time.perf_counter()
        seen, duplicates = set(), 0
        for record in harvester.ListRecords(metadataPrefix=options.prefix):
            if record.header.identifier in seen:
                duplicates += 1
            seen.add(record.header.identifier)
        seconds = time.perf_counter() - start
    finally:
        if clones:
            drop_clones(app)
    statuses = harvester.statuses
    results = {
        "listed": present + clones,
        "records": len(seen),
        "duplicates": duplicates,
        "answers": len(statuses),
        "503": statuses.count(503),
        "failures": sum(1 for s in statuses if s not in (200, 503)),
        "seconds": seconds,
        "records_per_second": len(seen) / seconds,
    }
    lines = [
        "| verb | listed | harvested | answers | 503 (honoured) | failures | seconds | records/s |",
        "|---|---|---|---|---|---|---|---|",
        f"| ListRecords ({options.prefix}) | {results['listed']} | {len(seen)} "
        f"| {results['answers']} | {results['503']} | {results['failures']} | {seconds:.0f} "
        f"| {results['records_per_second']:.0f} |",
    ]
    report("harvest", results, lines)
    if results["failures"] or duplicates or len(seen) != results["listed"]:
        raise SystemExit("the harvest was not complete and clean (see the table)")


if __name__ == "__main__":
    main()
