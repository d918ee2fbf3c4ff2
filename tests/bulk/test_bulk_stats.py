"""Statistics read for a whole chunk equal upstream's per-record answers, failures included."""

from unittest import mock

from invenio_rdm_records.records.stats import Statistics
from invenio_stats.proxies import current_stats

from helpers import add_statistics, remove_statistics
from msi_rdm.bulk import stats as stats_bulk
from msi_rdm.bulk.reindex import load_records, published_ids


def _pairs(count):
    records = load_records(published_ids()[:count])
    return [(record.pid.pid_value, record.parent.pid.pid_value) for record in records]


def test_chunk_statistics_equal_upstream(app, database, search):
    """Four searches answer a chunk, and each record's statistics equal upstream's."""
    pairs = _pairs(8)
    searches = []
    original = stats_bulk._sums

    def counting(name, values):
        searches.append(name)
        return original(name, values)

    with mock.patch.object(stats_bulk, "_sums", counting):
        ours = stats_bulk.record_stats_many(pairs)
    assert len(searches) == 4
    for recid, parent in pairs:
        assert ours[recid] == Statistics.get_record_stats(recid=recid, parent_recid=parent)


def test_the_chunk_dumper_answers_only_its_chunk(app, database, search):
    """A chunk's dumper writes the prefetched statistics of its records without searching; a
    record outside the chunk gets upstream's answer."""
    from msi_rdm.records.dumpers import MSIStatisticsDumperExt

    records = load_records(published_ids()[:3])
    pairs = [(record.pid.pid_value, record.parent.pid.pid_value) for record in records]
    ext = MSIStatisticsDumperExt("stats", stats_bulk.record_stats_many(pairs[:2]))
    with mock.patch.object(Statistics, "get_record_stats", side_effect=AssertionError("asked")):
        for record in records[:2]:
            data = {}
            ext.dump(record, data)
            assert data["stats"] == ext.stats[record.pid.pid_value]
    data = {}
    ext.dump(records[2], data)
    recid, parent = pairs[2]
    assert data["stats"] == Statistics.get_record_stats(recid=recid, parent_recid=parent)


def test_missing_statistics_index_counts_zero_as_upstream(app, database, search):
    """When a statistics search fails, the chunk counts zero, as upstream does per record."""
    pairs = _pairs(2)
    with mock.patch.object(stats_bulk, "_sums", side_effect=RuntimeError("no index")):
        stats = stats_bulk.record_stats_many(pairs)
    for recid, _ in pairs:
        assert stats[recid]["this_version"]["views"] == 0
        assert stats[recid]["all_versions"]["data_volume"] == 0


def test_a_failing_all_versions_query_zeroes_its_pair_as_upstream(app, database, search):
    """Upstream asks this version and all versions in one ``try``: when the second fails, both
    count zero. The chunk answers the same under the same failure."""
    pairs = _pairs(3)
    recid, parent = pairs[0]
    view = {
        "timestamp": "2026-11-01T00:00:00",
        "unique_id": f"ui_{recid}",
        "recid": recid,
        "parent_recid": parent,
        "count": 3,
        "unique_count": 2,
    }
    added = add_statistics([("stats-record-view", view)])
    original, upstream_original = current_stats.get_query, Statistics._get_query.__func__

    def failing(name):
        if name == "record-view-all-versions":
            raise RuntimeError("all-versions index unreachable")
        return original(name)

    def upstream_failing(cls, name):
        if name == "record-view-all-versions":
            raise RuntimeError("all-versions index unreachable")
        return upstream_original(cls, name)

    try:
        assert stats_bulk.record_stats_many(pairs)[recid]["this_version"]["views"] == 3.0
        with mock.patch.object(current_stats, "get_query", failing):
            ours = stats_bulk.record_stats_many(pairs)
        with mock.patch.object(Statistics, "_get_query", classmethod(upstream_failing)):
            for recid_, parent_ in pairs:
                theirs = Statistics.get_record_stats(recid=recid_, parent_recid=parent_)
                assert ours[recid_] == theirs
        assert ours[recid]["this_version"]["views"] == 0
    finally:
        remove_statistics(added)
