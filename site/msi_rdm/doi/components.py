"""Restricted records get DOIs too: registered at DataCite, not findable.

Upstream's ``PIDsComponent`` mints no required DOI for a restricted record (and its
``ParentPIDsComponent`` then no concept DOI). This component, after both, mints and reserves
the DOIs upstream left out when DOIs are required, and queues upstream's registration task;
``MSIDataCitePIDProvider`` registers them with withheld metadata and without making them
findable.
"""

from invenio_drafts_resources.services.records.components import ServiceComponent
from invenio_drafts_resources.services.records.uow import ParentRecordCommitOp
from invenio_rdm_records.services.pids.tasks import register_or_update_pid
from invenio_records_resources.services.uow import TaskOp


class RestrictedDOIComponent(ServiceComponent):
    """Mint the DOI and concept DOI of restricted records, which upstream skips."""

    def publish(self, identity, draft=None, record=None):
        """After upstream's PID components: add what a restricted record lacks."""
        if draft["access"]["record"] != "restricted":
            return
        pids_service = self.service.pids
        if "doi" in self.service.config.pids_required and "doi" not in record.pids:
            pids = pids_service.pid_manager.create_all(draft, pids={}, schemes={"doi"})
            pids_service.pid_manager.reserve_all(draft, pids)
            record.pids = {**record.pids, **pids}
            self.uow.register(TaskOp(register_or_update_pid, record["id"], "doi"))
        parent_required = "doi" in self.service.config.parent_pids_required
        if parent_required and "doi" in record.pids and "doi" not in record.parent.pids:
            if record.pids["doi"].get("provider") != "datacite":
                return
            pids = pids_service.parent_pid_manager.create_all(
                record.parent, pids={}, schemes={"doi"}
            )
            pids_service.parent_pid_manager.reserve_all(record.parent, pids)
            record.parent.pids = {**record.parent.pids, **pids}
            self.uow.register(
                ParentRecordCommitOp(record.parent, indexer_context=dict(service=self.service))
            )
            self.uow.register(TaskOp(register_or_update_pid, record["id"], "doi", parent=True))
