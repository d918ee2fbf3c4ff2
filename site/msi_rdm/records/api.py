"""The MSI record class: upstream's record with MSI's index dumper (search section, chunk data)."""

from invenio_rdm_records.records.api import RDMDraft, RDMRecord
from invenio_rdm_records.records.systemfields.has_draftcheck import HasDraftCheckField
from invenio_records.dictutils import dict_set

from .dumpers import MSIRecordDumper


class KnownDraftsCheckField(HasDraftCheckField):
    """Upstream's ``has_draft``, dumped without a query when the dumper's chunk knows it."""

    def pre_dump(self, record, data, dumper=None, **kwargs):
        """Dump whether the record has an open draft, from the chunk data if the dumper has it."""
        known = dumper.has_draft(record) if isinstance(dumper, MSIRecordDumper) else None
        if known is None:
            super().pre_dump(record, data, dumper=dumper, **kwargs)
            return
        dict_set(data, self.key, known)


class MSIRecord(RDMRecord):
    """Published record of the MSI repository."""

    dumper = MSIRecordDumper()
    has_draft = KnownDraftsCheckField(RDMDraft)
