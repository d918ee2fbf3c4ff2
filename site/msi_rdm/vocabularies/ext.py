"""The vocabularies feature's extension."""

from ..features import FeatureExtension
from . import config


class MSIVocabularies(FeatureExtension):
    """Vocabularies: how long a process reuses what it read of them."""

    name = "msi-vocabularies"
    config = config
    config_prefixes = ("MSI_VOCABULARIES_",)
