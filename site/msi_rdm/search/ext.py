"""The search feature's extension."""

from ..features import FeatureExtension
from . import config


class MSISearch(FeatureExtension):
    """Search: per-process caches of hits and facets; the indices searched."""

    name = "msi-search"
    config = config
    config_prefixes = ("MSI_SEARCH_", "MSI_CACHED_FACETS_")

    def init_app(self, app):
        """Register the feature; which mapping versions were set aside is known at finalize."""
        self.superseded_indices = []
        super().init_app(app)
