"""The full-text feature's extension."""

from ..features import FeatureExtension
from . import config


class MSIFulltext(FeatureExtension):
    """Full text: extraction limits."""

    name = "msi-fulltext"
    config = config
    config_prefixes = ("MSI_FULLTEXT_",)
