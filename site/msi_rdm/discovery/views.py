"""``/sitemap_index.xml``: the first sitemap index under the name crawlers look for."""

from flask import Blueprint


def create_ui_blueprint(app):
    """The blueprint of ``/sitemap_index.xml``."""
    from invenio_sitemap.views import sitemap_index

    blueprint = Blueprint("msi_discovery", __name__)
    blueprint.add_url_rule("/sitemap_index.xml", "sitemap_index", lambda: sitemap_index(0))
    return blueprint
