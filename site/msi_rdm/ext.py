"""The instance's own Flask extension: what belongs to the whole instance.

Each feature has an extension of its own (``msi_rdm.features.FeatureExtension``); this one applies
the changes to upstream behaviour (``msi_rdm.upstream``), at start-up and once upstream's services
exist.
"""

from .features import FeatureExtension
from .upstream import apply_at_finalize, apply_at_init
from .upstream import config as upstream_config


class MSIRepository(FeatureExtension):
    """The MSI repository as a whole: applies its changes to upstream behaviour."""

    name = "msi-rdm"
    config = upstream_config
    config_prefixes = ("MSI_UPSTREAM_",)

    def init_app(self, app):
        """Apply the changes to upstream behaviour that take effect at start-up."""
        super().init_app(app)
        apply_at_init(app)


def finalize_app(app):
    """Apply the changes to upstream services and registries, which exist only now."""
    apply_at_finalize(app)
