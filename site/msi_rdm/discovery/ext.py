"""The search engines feature's extension: its settings and the citation tags' template global."""

from ..features import FeatureExtension
from . import config


class MSIDiscovery(FeatureExtension):
    """Google Scholar's citation tags and sitemaps of records, communities and researchers."""

    name = "msi-discovery"
    config = config
    config_prefixes = ("MSI_DISCOVERY_",)

    def init_app(self, app):
        """Set the defaults; give templates the citation tags; build missing sitemaps on demand."""
        from .highwire import highwire_tags
        from .sitemaps import sitemaps_on_demand

        super().init_app(app)
        app.add_template_global(highwire_tags, "msi_highwire_tags")
        app.before_request(sitemaps_on_demand)
