"""MSI's record dumper reads index timestamps without arrow to the same values."""

from datetime import UTC

import pytest


def test_index_timestamps_read_without_arrow_to_the_same_values(app):
    """Plain UTC timestamps of index documents are read by the standard library; every value,
    other forms included, reads as arrow reads it (or fails as it fails)."""
    from datetime import datetime

    import arrow
    from invenio_records.dumpers.search import SearchDumper

    from msi_rdm.records.api import MSIRecord
    from msi_rdm.records.dumpers import MSIRecordDumper, read_timestamp

    assert isinstance(MSIRecord.dumper, MSIRecordDumper)
    assert SearchDumper._deserialize is not MSIRecordDumper._deserialize  # upstream's untouched
    values = [
        "2026-11-24T10:11:12.123456+00:00",
        "2026-11-24T10:11:12+00:00",
        "2026-11-24T10:11:12.5",
        "2026-11-24T10:11:12Z",
        "2026-11-24",
        "2026-11-24T12:11:12+02:00",  # arrow keeps the wall time and calls it UTC
        "2026-11-24T10:11:12.1234567+00:00",
        "20261124T101112",
        "2026-11-24 10:11:12",
    ]
    for value in values:
        theirs = arrow.get(value, tzinfo=UTC).datetime
        ours = MSIRecordDumper._deserialize(value, datetime)
        assert (ours, ours.isoformat(), ours.utcoffset()) == (
            theirs,
            theirs.isoformat(),
            theirs.utcoffset(),
        ), value
    assert read_timestamp("2026-11-24T10:11:12.123456+00:00") is not None
    assert read_timestamp("2026-11-24T12:11:12+02:00") is None  # left to arrow
    for broken in ("2026-13-01T00:00:00+00:00", "i går"):
        with pytest.raises((ValueError, arrow.parser.ParserError)):
            MSIRecordDumper._deserialize(broken, datetime)
    assert MSIRecordDumper._deserialize("1", int) == 1  # other types as upstream


def test_records_loaded_from_hits_read_their_dates_as_upstream(app, database, search):
    """A published record loaded back from its index document has the dates upstream's dumper
    gives it, and MSI's dumper's extensions are upstream's with statistics replaced."""
    from invenio_access.permissions import system_identity
    from invenio_rdm_records.proxies import current_rdm_records_service as service
    from invenio_rdm_records.records.api import RDMRecord
    from invenio_rdm_records.records.dumpers import StatisticsDumperExt

    from msi_rdm.fulltext.dumper import MSISearchDumperExt
    from msi_rdm.records.dumpers import MSIStatisticsDumperExt

    (hit,) = service.search(system_identity, params={"size": 1})._results
    document = hit.to_dict()
    ours = service.record_cls.loads(document)
    theirs = RDMRecord.loads(document)
    assert (ours.created, ours.updated) == (theirs.created, theirs.updated)
    assert (ours.parent.created, ours.parent.updated) == (
        theirs.parent.created,
        theirs.parent.updated,
    )
    upstream_kinds = [type(e) for e in RDMRecord.dumper._extensions]
    our_kinds = [type(e) for e in service.record_cls.dumper._extensions]
    assert our_kinds == [
        MSIStatisticsDumperExt if kind is StatisticsDumperExt else kind for kind in upstream_kinds
    ] + [MSISearchDumperExt]
