"""The preservation feature's extension."""

from ..features import FeatureExtension
from . import config


class MSIPreservation(FeatureExtension):
    """Backups, restores, fixity checks and BagIt packages."""

    name = "msi-preservation"
    config = config
    config_prefixes = ("MSI_PRESERVATION_",)
