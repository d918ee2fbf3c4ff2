"""REST endpoints of the signed-in user's ORCID link, imported works and push consent."""

from flask import Blueprint, g, jsonify, request
from flask_login import current_user
from invenio_i18n import gettext as _
from invenio_records_resources.services.errors import PermissionDeniedError

from . import api, settings, tasks
from .ids import InvalidOrcidError


def _error(status, message):
    response = jsonify({"status": status, "message": message})
    response.status_code = status
    return response


def _linked_orcid():
    orcid_id = api.verified_orcid(current_user.id)
    if not orcid_id:
        raise api.NotLinkedError(_("Link your account with ORCID first."))
    return orcid_id


def _work(work):
    return {
        "put_code": work.put_code,
        "title": work.title,
        "type": work.work_type,
        "year": work.year,
        "doi": work.doi,
        "url": work.url,
        "journal": work.journal,
    }


def me():
    """The linked iD, push consent and the state of the latest works import."""
    orcid_id = api.verified_orcid(current_user.id)
    return jsonify(
        {
            "orcid": orcid_id,
            "verified": bool(orcid_id),
            "push_consent": api.push_consent(current_user.id),
            "push_available": settings.push_enabled(),
            "import": api.import_status(orcid_id) if orcid_id else None,
        }
    )


def start_import():
    """Queue an import of the user's public ORCID works."""
    orcid_id = _linked_orcid()
    tasks.queue_import(orcid_id)
    return jsonify({"orcid": orcid_id, "import": api.import_status(orcid_id)}), 202


def works():
    """The works imported from the user's ORCID record."""
    orcid_id = _linked_orcid()
    hits = [_work(w) for w in api.imported_works(orcid_id)]
    return jsonify({"orcid": orcid_id, "hits": {"total": len(hits), "hits": hits}})


def draft(put_code):
    """Turn an imported work into a repository draft of the user's."""
    orcid_id = _linked_orcid()
    result = api.draft_from_orcid_work(g.identity, orcid_id, put_code)
    return jsonify({"id": result.id, "links": result.links}), 201


def consent():
    """Give or withdraw consent to add the user's published records to ORCID."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("push"), bool):
        return _error(400, _("Send a JSON object with 'push' set to true or false."))
    api.set_push_consent(current_user.id, body["push"])
    return jsonify({"push_consent": body["push"]})


def create_api_blueprint(app):
    """Create the /me/orcid blueprint of the REST API."""
    blueprint = Blueprint("msi_orcid_api", __name__, url_prefix="/me/orcid")

    @blueprint.before_request
    def _signed_in():
        if not current_user.is_authenticated:
            return _error(401, _("Sign in to use your ORCID link."))

    blueprint.add_url_rule("", view_func=me, methods=["GET"])
    blueprint.add_url_rule("/import", view_func=start_import, methods=["POST"])
    blueprint.add_url_rule("/works", view_func=works, methods=["GET"])
    blueprint.add_url_rule("/works/<int:put_code>/draft", view_func=draft, methods=["POST"])
    blueprint.add_url_rule("/consent", view_func=consent, methods=["PUT"])

    blueprint.register_error_handler(api.NotLinkedError, lambda e: _error(400, str(e)))
    blueprint.register_error_handler(InvalidOrcidError, lambda e: _error(400, str(e)))
    blueprint.register_error_handler(api.WorkNotFoundError, lambda e: _error(404, str(e)))
    blueprint.register_error_handler(
        PermissionDeniedError, lambda e: _error(403, _("You may not do this."))
    )
    return blueprint
