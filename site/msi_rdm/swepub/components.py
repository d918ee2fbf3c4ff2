"""Service component that writes a record's SwePub state (``msi:swepub``) on every save."""

from invenio_communities.communities.records.models import CommunityMetadata
from invenio_db import db
from invenio_records_resources.services.records.components import ServiceComponent

from .rules import missing
from .values import effective_values


def _slugs(record):
    """Slugs of the communities of a record or draft."""
    ids = [str(community_id) for community_id in record.parent.communities.ids or []]
    if not ids:
        return []
    rows = db.session.query(CommunityMetadata.slug).filter(CommunityMetadata.id.in_(ids))
    return sorted(slug for (slug,) in rows)


def swepub_status(record):
    """The record's SwePub values and the minimum-level rules it does not meet."""
    data = {**record, "id": record.pid.pid_value if record.pid else record.get("id")}
    return swepub_state(data, _slugs(record))


def swepub_state(data, slugs):
    """The SwePub values and failed rules of record JSON ``data`` (with its ``id``) in the
    communities ``slugs``; the bulk path, which takes no community records, gives none."""
    values = effective_values(data, slugs)
    failed = missing(data, values)
    return {
        **{key: value for key, value in values.items() if value},
        "missing": failed,
        "ready": not failed,
    }


class SwepubComponent(ServiceComponent):
    """Keep ``msi:swepub`` up to date; whatever a client sends for it is replaced."""

    def _write(self, record):
        record.setdefault("custom_fields", {})
        record["custom_fields"]["msi:swepub"] = swepub_status(record)

    def create(self, identity, data=None, record=None, **kwargs):
        """A new draft."""
        self._write(record)

    def update_draft(self, identity, data=None, record=None, **kwargs):
        """An edited draft."""
        self._write(record)

    def publish(self, identity, draft=None, record=None, **kwargs):
        """A published record, with the communities it was submitted to."""
        self._write(record)
