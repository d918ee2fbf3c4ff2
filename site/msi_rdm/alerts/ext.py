"""The alerts feature's extension."""

from ..features import FeatureExtension
from . import config


class MSIAlerts(FeatureExtension):
    """Feeds, saved searches and e-mail digests."""

    name = "msi-alerts"
    config = config
    config_prefixes = ("MSI_ALERTS_",)

    def init_app(self, app):
        """Register the extension and the template helper that names the page's feed."""
        super().init_app(app)
        from .links import feed_context

        app.context_processor(feed_context)
