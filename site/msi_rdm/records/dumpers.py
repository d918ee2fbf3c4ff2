"""The index dumper of MSI's records: upstream's extensions, MSI's search section, chunk data.

Upstream's record dumper asks for a record's statistics (four searches), its open draft (a query)
and its full text (a query) while it dumps it. The bulk rebuild reads those for a whole chunk at
once and hands them to a dumper made for the chunk (``MSIRecordDumper.for_chunk``); everything a
chunk does not cover is read as upstream reads it.

Loading a hit back into a record turns its ``created`` and ``updated`` timestamps, and those of
its parent, into datetimes with ``arrow.get``, about a twelfth of the CPU time of a page of ten
hits not served from the hit cache. The index holds these timestamps as the dumper wrote them, in
UTC (``2026-11-24T10:11:12.123456+00:00``), and ``datetime.fromisoformat`` reads exactly those to
the same value; any other form still goes to arrow, so every value reads as it did. Only MSI's
records read their dates so; drafts, communities and vocabularies keep upstream's dumper.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from invenio_rdm_records.records.dumpers import (
    CombinedSubjectsDumperExt,
    EDTFDumperExt,
    EDTFListDumperExt,
    StatisticsDumperExt,
    SubjectHierarchyDumperExt,
)
from invenio_records.dictutils import dict_lookup
from invenio_records.dumpers import SearchDumper
from invenio_records.dumpers.relations import RelationDumperExt
from invenio_records_resources.records.dumpers import CustomFieldsDumperExt

from ..fulltext.dumper import MSISearchDumperExt

UTC_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,6})?)?(\+00:00|Z)?")
"""The timestamp forms read without arrow: a date, or a date and time, with no offset or UTC's."""


def read_timestamp(value):
    """``value`` as a UTC datetime when it is a plain UTC timestamp, else None."""
    if not isinstance(value, str) or not UTC_TIMESTAMP.fullmatch(value):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:  # e.g. month 13: arrow's answer (an error) is the one to give
        return None
    return parsed.replace(tzinfo=UTC)  # naive or UTC: the pattern admits no other offset


@dataclass(frozen=True)
class ChunkData:
    """What a bulk rebuild read for a chunk of records; None where it read nothing."""

    texts: dict = None
    """Record id → the text of its files, as ``fulltext.api.record_texts`` joins it."""

    stats: dict = None
    """Record PID → its statistics, as upstream's ``Statistics.get_record_stats`` gives them."""

    drafts: tuple = None
    """(the ids of the chunk's records, the ids of those with an open draft)."""


class MSIStatisticsDumperExt(StatisticsDumperExt):
    """Upstream's statistics in the index document, taken from chunk data when there is some."""

    def __init__(self, target_field, stats=None):
        """Dump into ``target_field``; ``stats`` maps record PIDs to prefetched statistics."""
        super().__init__(target_field)
        self.stats = stats

    def dump(self, record, data):
        """Dump the record's statistics, the prefetched ones if the chunk has them."""
        if self.stats is None or record.is_draft or record.pid.pid_value not in self.stats:
            super().dump(record, data)
            return
        dict_lookup(data, self.keys, parent=True)[self.key] = self.stats[record.pid.pid_value]


class MSIRecordDumper(SearchDumper):
    """Upstream's record dumper and its extensions, with the statistics extension replaced by
    one that reads chunk data, followed by MSI's search section (full text)."""

    def __init__(self, chunk=None):
        """A dumper for every record, or for one chunk of a bulk rebuild (``chunk``)."""
        self.chunk = chunk or ChunkData()
        super().__init__(
            extensions=[
                EDTFDumperExt("metadata.publication_date"),
                EDTFListDumperExt("metadata.dates", "date"),
                RelationDumperExt("relations"),
                CombinedSubjectsDumperExt(),
                CustomFieldsDumperExt(fields_var="RDM_CUSTOM_FIELDS"),
                MSIStatisticsDumperExt("stats", self.chunk.stats),
                SubjectHierarchyDumperExt(),
                MSISearchDumperExt(self.chunk.texts),
            ]
        )

    def for_chunk(self, chunk):
        """A dumper that answers from ``chunk`` (a ``ChunkData``) what it covers."""
        return type(self)(chunk)

    def has_draft(self, record):
        """Whether ``record`` has an open draft, if this dumper's chunk says; else None."""
        if self.chunk.drafts is None or record.id not in self.chunk.drafts[0]:
            return None
        return record.id in self.chunk.drafts[1]

    @staticmethod
    def _deserialize(value, dump_type):
        """Upstream's ``_deserialize``, reading plain UTC timestamps without arrow."""
        if dump_type is datetime:
            parsed = read_timestamp(value)
            if parsed is not None:
                return parsed
        return SearchDumper._deserialize(value, dump_type)
