"""The file downloads feature's extension: its settings (the storage is set in msi_rdm.config)."""

from ..features import FeatureExtension
from . import config


class MSIDownloads(FeatureExtension):
    """Safe stored MIME types and RFC 9110 ranges for file downloads."""

    name = "msi-downloads"
    config = config
    config_prefixes = ("MSI_DOWNLOADS_",)
