"""The service component that queues the ORCID push of published and deleted records."""

from invenio_records_resources.services.records.components import ServiceComponent
from invenio_records_resources.services.uow import TaskOp

from . import settings
from .tasks import push_record_to_orcid


class OrcidPushComponent(ServiceComponent):
    """Queue the ORCID push of a record after the commit of its publication or deletion."""

    def _queue(self, record):
        if settings.push_enabled():
            self.uow.register(TaskOp(push_record_to_orcid, record.pid.pid_value))

    def publish(self, identity, draft=None, record=None, **kwargs):
        """Add or update the record on its consenting creators' ORCID records."""
        self._queue(record)

    def delete_record(self, identity, data=None, record=None, **kwargs):
        """Remove a deleted record from ORCID."""
        self._queue(record)
