"""Statistics read for a whole chunk equal upstream's per-record answers, failures included."""

from unittest import mock

from invenio_rdm_records.records.stats import Statistics

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
