"""The MSI record class: upstream's record with MSI's search section in its index document."""

from contextvars import ContextVar

from invenio_db import db
from invenio_rdm_records.records.api import RDMDraft, RDMRecord
from invenio_rdm_records.records.systemfields.has_draftcheck import HasDraftCheckField
from invenio_records.dumpers import SearchDumper

from .fulltext.dumper import MSISearchDumperExt
from .scoped import bound

_known_drafts = ContextVar("msi_known_drafts", default=None)


class MSISearchMixin:
    """Upstream's dumper extensions followed by MSI's search section (mixin goes first)."""

    dumper = SearchDumper(extensions=[*RDMRecord.dumper._extensions, MSISearchDumperExt()])


class KnownDraftsCheckField(HasDraftCheckField):
    """Upstream's ``has_draft``, answered without a query for records of a prefetched chunk."""

    def __get__(self, record, owner=None):
        """Whether the record has a draft; from ``known_drafts`` when it covers the record."""
        known = _known_drafts.get()
        if record is not None and known is not None and record.id in known[0]:
            return record.id in known[1]
        return super().__get__(record, owner)


def known_drafts(record_ids):
    """Answer ``has_draft`` of ``record_ids`` from one query within the block (bulk indexing)."""
    model_cls = RDMDraft.model_cls
    ids = set(record_ids)
    with db.session.no_autoflush:
        rows = (
            db.session.query(model_cls.id)
            .filter(model_cls.id.in_(ids), model_cls.is_deleted != True)  # noqa: E712 as upstream
            .all()
        )
    return bound(_known_drafts, (ids, {row.id for row in rows}))


class MSIRecord(MSISearchMixin, RDMRecord):
    """Published record of the MSI repository."""

    has_draft = KnownDraftsCheckField(RDMDraft)
