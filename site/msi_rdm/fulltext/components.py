"""Service component that queues text extraction once a publication is committed."""

from invenio_records_resources.services.records.components import ServiceComponent
from invenio_records_resources.services.uow import TaskOp

from .tasks import extract_fulltext


class FulltextComponent(ServiceComponent):
    """Queue extraction after the database commit of every publish (new versions included)."""

    def publish(self, identity, draft=None, record=None, **kwargs):
        """Extract the published record's files in the background; never blocks the publish."""
        self.uow.register(TaskOp(extract_fulltext, record.pid.pid_value))
