"""The DOI feature's extension."""

from ..features import FeatureExtension
from . import config


class MSIDOI(FeatureExtension):
    """DataCite DOIs: default publisher and the back-off of retried registrations."""

    name = "msi-doi"
    config = config
    config_prefixes = ("MSI_DOI_",)
