"""Flask extension of the MSI repository."""

from . import config


class MSIRepository:
    """Register MSI defaults on the application."""

    def __init__(self, app=None):
        """Initialise the extension."""
        if app:
            self.init_app(app)

    def init_app(self, app):
        """Set MSI_* defaults not given by the instance configuration."""
        for key in dir(config):
            if key.startswith("MSI_"):
                app.config.setdefault(key, getattr(config, key))
        app.extensions["msi-rdm"] = self
