"""The SwePub feature's extension."""

from ..features import FeatureExtension
from . import config


def swepub_message(rule):
    """What a depositor must add for one failed minimum-level rule."""
    from .rules import MESSAGES

    return MESSAGES.get(rule, rule)


class MSISwepub(FeatureExtension):
    """SwePub delivery: set prefix, record origin and the landing page's message."""

    name = "msi-swepub"
    config = config
    config_prefixes = ("MSI_SWEPUB_",)

    def init_app(self, app):
        """Set the defaults and give templates the rule messages."""
        super().init_app(app)
        app.add_template_global(swepub_message, "msi_swepub_message")
