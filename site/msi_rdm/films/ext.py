"""The films feature's extension."""

from ..features import FeatureExtension
from . import config


class MSIFilms(FeatureExtension):
    """Films: probe, posters and embedded players."""

    name = "msi-films"
    config = config
    config_prefixes = ("MSI_FILMS_",)
