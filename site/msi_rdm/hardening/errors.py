"""Answer 503 with Retry-After, not 500, while OpenSearch cannot be reached."""

from flask import jsonify
from invenio_i18n import gettext as _
from opensearchpy.exceptions import ConnectionError as SearchConnectionError

RETRY_AFTER_SECONDS = 30
"""What clients are told to wait before asking again."""


def search_unavailable(error):
    """JSON 503 telling the client to come back later."""
    message = _("Search is temporarily unavailable. Please try again later.")
    response = jsonify({"status": 503, "message": message})
    response.status_code = 503
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def register_error_handlers(app):
    """Answer unreachable-OpenSearch errors on ``app`` with 503."""
    app.register_error_handler(SearchConnectionError, search_unavailable)
