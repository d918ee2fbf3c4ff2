"""The URN:NBN PID provider: one identifier per record version, made from the record's id."""

from flask import current_app
from invenio_i18n import lazy_gettext as _
from invenio_pidstore.models import PIDStatus
from invenio_rdm_records.services.pids.providers import PIDProvider

SCHEME = "urn"


class URNNBNProvider(PIDProvider):
    """Mint ``urn:nbn:se:<prefix>-<id>``; KB's resolver learns them from the repository, so
    minting is registering."""

    def __init__(self, name="urnnbn", **kwargs):
        """A managed provider whose identifiers are registered as they are made."""
        super().__init__(
            name,
            pid_type=SCHEME,
            default_status=PIDStatus.REGISTERED,
            managed=True,
            label=_("URN:NBN"),
            **kwargs,
        )

    def generate_id(self, record, **kwargs):
        """The record's URN:NBN."""
        prefix = current_app.config["MSI_URNNBN_PREFIX"]
        return f"urn:nbn:se:{prefix}-{record.pid.pid_value}"

    @classmethod
    def is_enabled(cls, app):
        """Only with a prefix from KB."""
        return bool(app.config.get("MSI_URNNBN_PREFIX"))

    def reserve(self, pid, record=None, **kwargs):
        """Nothing to reserve: the identifier is registered when made."""
        return True


def is_urn_nbn(value):
    """Whether ``value`` is a Swedish URN:NBN."""
    return isinstance(value, str) and value.lower().startswith("urn:nbn:se:")
