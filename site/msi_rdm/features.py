"""The base of every feature's Flask extension: its settings' defaults and its registration.

Each feature folder (``search``, ``fulltext``, ``films``, ``researchers``, ``orcid``, ``oai``,
``exports``, ``vocabularies``, ``hardening``) has an ``ext.py`` of its own, registered through
the ``invenio_base.apps`` and ``invenio_base.api_apps`` entry points, that sets the defaults of
its ``MSI_<FEATURE>_*`` keys and starts whatever else the feature needs.
"""


class FeatureExtension:
    """A feature's extension: its settings' defaults and its entry in ``app.extensions``."""

    name = None
    """Key in ``app.extensions``."""

    config = None
    """The feature's ``config`` module."""

    config_prefixes = ()
    """Settings of ``config`` that the feature owns: names starting with one of these."""

    def __init__(self, app=None):
        """Initialise the extension."""
        if app:
            self.init_app(app)

    def init_app(self, app):
        """Set the feature's defaults and register it."""
        self.init_config(app)
        app.extensions[self.name] = self

    def init_config(self, app):
        """Set the feature's settings that neither ``invenio.cfg`` nor the environment set."""
        for key in dir(self.config):
            if key.isupper() and key.startswith(self.config_prefixes):
                app.config.setdefault(key, getattr(self.config, key))
