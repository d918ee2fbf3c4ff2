"""The hardening feature's extension: production checks, bad input, an unreachable search."""

from ..features import FeatureExtension
from . import config
from .errors import register_error_handlers
from .production import check_production


class MSIHardening(FeatureExtension):
    """Refuse unsafe production settings; answer 503 while OpenSearch cannot be reached."""

    name = "msi-hardening"
    config = config
    config_prefixes = ("MSI_PRODUCTION", "MSI_INDEX_RECONCILE_")

    def init_app(self, app):
        """Check production settings first, then register the error handlers."""
        super().init_app(app)
        check_production(app)
        register_error_handlers(app)


def finalize_api_app(app):
    """Refuse request bodies of the wrong shape before any REST resource sees them."""
    from .inputs import refuse_malformed_json

    app.before_request(refuse_malformed_json)
