"""The accessibility feature's extension."""

from ..features import FeatureExtension
from . import config
from .sizes import file_size


class MSIAccessibility(FeatureExtension):
    """Accessibility statement, privacy and contact pages."""

    name = "msi-accessibility"
    config = config
    config_prefixes = ("MSI_ACCESSIBILITY_",)

    def init_app(self, app):
        """Register the feature, and file sizes written in the page's language."""
        super().init_app(app)
        app.add_template_filter(file_size, "filesizeformat")
