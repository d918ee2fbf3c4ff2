"""Blueprint that serves the MSI templates and static files."""

from flask import Blueprint


def create_blueprint(app):
    """Create the blueprint that carries the package's templates and static files."""
    return Blueprint(
        "msi_rdm",
        __name__,
        template_folder="templates",
        static_folder="static",
        static_url_path="/static/msi_rdm",
    )
