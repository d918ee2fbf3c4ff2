"""The researcher profiles feature: its service and REST resource, registered with upstream."""

from .resource import ResearcherResource, ResearcherResourceConfig
from .service import ResearcherService, ResearcherServiceConfig


class MSIResearchers:
    """Create the researcher profile service and its REST resource."""

    def __init__(self, app=None):
        """Initialise the extension."""
        if app:
            self.init_app(app)

    def init_app(self, app):
        """Create the service and resource; node communities are looked up on first use."""
        app.extensions["msi-researchers"] = self
        # Node id -> community id, looked up once per process (see researchers.generators).
        self.node_communities = None
        self.service = ResearcherService(ResearcherServiceConfig.build(app))
        self.resource = ResearcherResource(ResearcherResourceConfig(), self.service)


def finalize_app(app):
    """Register the service and its indexer in upstream's registries."""
    researchers = app.extensions["msi-researchers"].service
    app.extensions["invenio-records-resources"].registry.register(
        researchers, service_id=researchers.id
    )
    app.extensions["invenio-indexer"].registry.register(
        researchers.indexer, indexer_id=researchers.id
    )


def finalize_ui_app(app):
    """As ``finalize_app``, plus the researcher pages in the main menu and the user menu."""
    from flask_menu import current_menu
    from invenio_i18n import lazy_gettext as _

    finalize_app(app)
    current_menu.submenu("main.researchers").register(
        endpoint="msi_researchers_ui.directory", text=_("Researchers"), order=2
    )
    current_menu.submenu("plus.researcher").register(
        endpoint="msi_researchers_ui.apply", text=_("My researcher profile"), order=3
    )
