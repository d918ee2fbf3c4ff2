"""Statistics read for a whole chunk equal upstream's per-record answers, failures included."""

from unittest import mock

from invenio_rdm_records.records.stats import Statistics
from test_bulkload import _add_statistics, _remove_statistics

from msi_rdm import stats_bulk
from msi_rdm.bulkload import load_records, published_ids


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
        assert ours[recid] == stats_bulk._upstream_get_record_stats(
            Statistics, recid=recid, parent_recid=parent
        )


def test_prefetched_statistics_answer_only_their_chunk(app, database, search):
    """Inside ``prefetched_stats`` the chunk's records are not searched again; others are."""
    pairs = _pairs(3)
    with stats_bulk.prefetched_stats(pairs[:2]):
        with mock.patch.object(
            stats_bulk, "_upstream_get_record_stats", side_effect=AssertionError("searched")
        ):
            for recid, parent in pairs[:2]:
                Statistics.get_record_stats(recid=recid, parent_recid=parent)
        recid, parent = pairs[2]
        assert Statistics.get_record_stats(recid=recid, parent_recid=parent) == (
            stats_bulk._upstream_get_record_stats(Statistics, recid=recid, parent_recid=parent)
        )


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
    added = _add_statistics([("stats-record-view", view)])
    original = Statistics._get_query.__func__

    def failing(cls, name):
        if name == "record-view-all-versions":
            raise RuntimeError("all-versions index unreachable")
        return original(cls, name)

    try:
        assert stats_bulk.record_stats_many(pairs)[recid]["this_version"]["views"] == 3.0
        with mock.patch.object(Statistics, "_get_query", classmethod(failing)):
            ours = stats_bulk.record_stats_many(pairs)
            for recid_, parent_ in pairs:
                theirs = stats_bulk._upstream_get_record_stats(
                    Statistics, recid=recid_, parent_recid=parent_
                )
                assert ours[recid_] == theirs
        assert ours[recid]["this_version"]["views"] == 0
    finally:
        _remove_statistics(added)
