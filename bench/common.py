"""Shared helpers of the benchmarks: timing, percentiles and the report files."""

import json
import os
import statistics
import time
from pathlib import Path


def percentile(values, fraction):
    """Return the nearest-rank percentile of a list of numbers."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def timed(function, *args):
    """Return the seconds one call of ``function(*args)`` takes."""
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def summary(values):
    """Median and p95 of a list of numbers."""
    return {"median": statistics.median(values), "p95": percentile(values, 0.95), "n": len(values)}


def state_folder():
    """The project's state folder: ``MSI_STATE``, else ``.state`` in the checkout."""
    return Path(os.environ.get("MSI_STATE", Path(__file__).resolve().parent.parent / ".state"))


def bench_folder():
    """The benchmarks' folder in the state folder."""
    return state_folder() / "bench"


def report(name, results, lines):
    """Print the table and save it as JSON and Markdown under the state folder."""
    folder = bench_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(results, indent=2))
    table = "\n".join(lines)
    (folder / f"{name}.md").write_text(f"# {name}\n\n{table}\n")
    print(table)
    print(f"\nsaved: {folder / name}.json, {folder / name}.md")


def delete_by_id_prefix(index, prefix):
    """Delete every document of ``index`` whose ``id`` starts with ``prefix`` (benchmark copies).

    With a scroll and bulk deletes: the OpenSearch node has no delete-by-query module. Call it in
    an application context."""
    from invenio_search import current_search_client
    from opensearchpy.helpers import bulk, scan

    query = {"query": {"prefix": {"id": prefix}}, "_source": False}
    found = [
        {"_op_type": "delete", "_index": hit["_index"], "_id": hit["_id"]}
        for hit in scan(current_search_client, query, index=index)
    ]
    bulk(current_search_client, found, chunk_size=1000, request_timeout=120)
    current_search_client.indices.refresh(index=index)
