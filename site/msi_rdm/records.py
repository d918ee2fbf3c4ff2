"""The MSI record class: upstream's record with MSI's search section in its index document."""

from invenio_rdm_records.records.api import RDMRecord
from invenio_records.dumpers import SearchDumper

from .fulltext.dumper import MSISearchDumperExt


class MSISearchMixin:
    """Upstream's dumper extensions followed by MSI's search section (mixin goes first)."""

    dumper = SearchDumper(extensions=[*RDMRecord.dumper._extensions, MSISearchDumperExt()])


class MSIRecord(MSISearchMixin, RDMRecord):
    """Published record of the MSI repository."""
