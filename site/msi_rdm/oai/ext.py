"""The OAI-PMH feature's extension."""

from ..features import FeatureExtension
from . import config


class MSIOAI(FeatureExtension):
    """OAI-PMH: page size and resumption tokens."""

    name = "msi-oai"
    config = config
    config_prefixes = ("MSI_OAI_",)


def finalize_app(app):
    """Serve ``/oai2d`` with MSI's OAI-PMH server, ahead of upstream's view."""
    from .views import answer_oai_pmh

    app.before_request(answer_oai_pmh)
