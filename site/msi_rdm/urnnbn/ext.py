"""The URN:NBN feature's extension."""

from ..features import FeatureExtension
from . import config


class MSIURNNBN(FeatureExtension):
    """URN:NBN: KB's prefix."""

    name = "msi-urnnbn"
    config = config
    config_prefixes = ("MSI_URNNBN_",)
