"""B3: full rebuild of the records index, records/s, with and without full text, against upstream.

    python bench/reindex.py [--repeat 3] [--limit N] [--chunk-size 500]

Three ways, alternated in one process on the same records: MSI's bulk rebuild
(``msi_rdm.bulk.reindex``) with the full-text section, the same without it (upstream's dumper),
and upstream's bulk indexer path (``RecordIndexer._index_action`` for each record, as
``rebuild_index`` + ``process_bulk_queue`` do, without the message queue in between).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report  # noqa: E402


def msi_fulltext(ids, chunk_size):
    """MSI's bulk rebuild with the full-text section."""
    from msi_rdm.bulk.reindex import reindex_records

    reindex_records(ids, chunk_size=chunk_size)


def msi_metadata_only(ids, chunk_size):
    """MSI's bulk rebuild with upstream's extensions only: no ``msi_search`` section."""
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    from msi_rdm.fulltext.dumper import MSISearchDumperExt
    from msi_rdm.records.dumpers import MSIRecordDumper

    class MetadataOnlyDumper(MSIRecordDumper):
        def __init__(self, chunk=None):
            super().__init__(chunk)
            self._extensions = [
                ext for ext in self._extensions if not isinstance(ext, MSISearchDumperExt)
            ]

    with mock.patch.object(service.record_cls, "dumper", MetadataOnlyDumper()):
        msi_fulltext(ids, chunk_size)


def upstream(ids, chunk_size):
    """Upstream's bulk indexing of each record by id, in chunks of the same size."""
    from invenio_db import db
    from invenio_rdm_records.proxies import current_rdm_records_service as service
    from invenio_search import current_search_client
    from invenio_search.engine import search

    indexer = service.indexer
    actions = (indexer._index_action({"id": str(record_id)}) for record_id in ids)
    search.helpers.bulk(
        current_search_client, actions, chunk_size=chunk_size, stats_only=True, raise_on_error=False
    )
    db.session.expunge_all()
    service.indexer.refresh()


WAYS = {"msi_fulltext": msi_fulltext, "msi_metadata": msi_metadata_only, "upstream": upstream}


def main():
    """Run B3 and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first N records")
    parser.add_argument("--chunk-size", type=int, default=500)
    options = parser.parse_args()

    from invenio_app.factory import create_app

    from msi_rdm.bulk.reindex import published_ids

    app = create_app()
    with app.app_context():
        ids = published_ids()[: options.limit]
        msi_fulltext(ids[:50], options.chunk_size)  # warm-up: connections, vocabularies
        seconds = {name: [] for name in WAYS}
        for _ in range(options.repeat):  # alternate candidates and baseline
            for name, way in WAYS.items():
                start = time.perf_counter()
                way(ids, options.chunk_size)
                seconds[name].append(time.perf_counter() - start)
    results = {"records": len(ids)}
    rows = ["| B3 reindex | records | median s | records/s |", "|---|---|---|---|"]
    for name, values in seconds.items():
        median = statistics.median(values)
        results[name] = {"seconds": values, "records_per_second": len(ids) / median}
        rows.append(f"| {name} | {len(ids)} | {median:.2f} | {len(ids) / median:.0f} |")
    rate = {name: results[name]["records_per_second"] for name in WAYS}
    results["ratio_msi_over_upstream"] = rate["msi_fulltext"] / rate["upstream"]
    results["fulltext_over_metadata_time"] = rate["msi_metadata"] / rate["msi_fulltext"]
    rows.append(f"| ratio msi/upstream records/s | {results['ratio_msi_over_upstream']:.2f} |")
    rows.append(f"| full text/metadata-only time | {results['fulltext_over_metadata_time']:.2f} |")
    report("reindex", results, rows)


if __name__ == "__main__":
    main()
