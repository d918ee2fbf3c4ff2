"""Service component that queues the films pipeline once a publication is committed."""

from invenio_records_resources.services.records.components import ServiceComponent
from invenio_records_resources.services.uow import TaskOp

from .api import film_keys
from .tasks import probe_films


class FilmComponent(ServiceComponent):
    """Probe videos and read captions after the database commit of a publish with film files."""

    def publish(self, identity, draft=None, record=None, **kwargs):
        """Queue the films task for records with video or caption files; never blocks a publish."""
        if film_keys(record):
            self.uow.register(TaskOp(probe_films, record.pid.pid_value))
