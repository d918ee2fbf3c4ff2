"""View and download statistics of many records, read with one search per statistics query.

Every record's index document carries its statistics. Upstream's dumper asks OpenSearch four
questions per record (views and downloads, of this version and of all versions), so indexing 500
records sent 2,000 searches, most of a bulk rebuild's time. ``record_stats_many`` answers those
questions for a whole chunk with one terms aggregation per statistics query, from the same
configured queries (index, filter field and metrics), in the same shape as upstream's
``Statistics.get_record_stats``; the chunk's dumper (``records.dumpers``) writes them, and
records outside the chunk are asked as before.
"""

from flask import current_app
from invenio_stats.proxies import current_stats

VIEWS = ("views", "unique_views")
DOWNLOADS = ("downloads", "unique_downloads", "data_volume")


def _sums(query_name, values):
    """``{value: {metric: sum}}`` of one configured terms query for many filter values."""
    query = current_stats.get_query(query_name)
    ((_, field),) = query.required_filters.items()
    search = query.client.search(
        index=query.index,
        body={
            "size": 0,
            "query": {"terms": {field: sorted(values)}},
            "aggs": {
                "by": {
                    "terms": {"field": field, "size": max(len(values), 1)},
                    "aggs": {
                        metric: {kind: {"field": source, **options}}
                        for metric, (kind, source, options) in query.metric_fields.items()
                    },
                }
            },
        },
    )
    zero = {metric: 0.0 for metric in query.metric_fields}
    found = {
        bucket["key"]: {metric: bucket[metric]["value"] for metric in query.metric_fields}
        for bucket in search["aggregations"]["by"]["buckets"]
    }
    return {value: found.get(value, zero) for value in values}


def _pair_or_zero(names, recids, parents, metrics):
    """The sums of a this-version and an all-versions query, or zeros for both when either fails:
    upstream asks the two in one ``try`` and falls back to zero for both (no statistics index)."""
    try:
        return _sums(names[0], recids), _sums(names[1], parents)
    except Exception as error:  # noqa: BLE001 -- as upstream: log, and count zero
        current_app.logger.warning(error)
        zero = dict.fromkeys(metrics, 0)
        return dict.fromkeys(recids, zero), dict.fromkeys(parents, zero)


def record_stats_many(pairs):
    """``{recid: stats}`` for ``(recid, parent_recid)`` pairs, as upstream computes each one."""
    recids = {recid for recid, _ in pairs}
    parents = {parent for _, parent in pairs}
    views, views_all = _pair_or_zero(
        ("record-view", "record-view-all-versions"), recids, parents, VIEWS
    )
    downloads, downloads_all = _pair_or_zero(
        ("record-download", "record-download-all-versions"), recids, parents, DOWNLOADS
    )
    return {
        recid: {
            "this_version": {
                **{m: views[recid][m] for m in VIEWS},
                **{m: downloads[recid][m] for m in DOWNLOADS},
            },
            "all_versions": {
                **{m: views_all[parent][m] for m in VIEWS},
                **{m: downloads_all[parent][m] for m in DOWNLOADS},
            },
        }
        for recid, parent in pairs
    }
