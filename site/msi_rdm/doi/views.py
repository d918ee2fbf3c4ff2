"""``GET /api/records/<id>/doi``: the state of a record's DOIs at DataCite, for whoever may read it.

Depositors and administrators see whether DataCite has taken the DOI and concept DOI, and when
it has not, how often it was tried, why it failed and when the next attempt is due.
"""

from flask import Blueprint, abort, g, jsonify
from flask_principal import PermissionDenied
from invenio_pidstore.errors import PIDDoesNotExistError
from invenio_pidstore.models import PersistentIdentifier, PIDStatus
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_rdm_records.services.errors import RecordDeletedException

from . import state
from .provider import is_deleted, is_restricted


def doi_state(pid_attrs, record):
    """State of one DOI: ``registered`` (findable or not), ``pending``, ``refused``, ``hidden``."""
    if not pid_attrs or not pid_attrs.get("identifier"):
        return None
    doi = pid_attrs["identifier"]
    answer = {"identifier": doi, "provider": pid_attrs.get("provider")}
    if pid_attrs.get("provider") != "datacite":
        return {**answer, "status": "external"}
    pid = PersistentIdentifier.query.filter_by(pid_type="doi", pid_value=doi).one_or_none()
    entry = state.entry(doi)
    withheld = is_restricted(record) or is_deleted(record)
    if pid is None:
        status = "unknown"
    elif pid.status == PIDStatus.REGISTERED:
        status = "registered"
    elif pid.status == PIDStatus.DELETED:
        status = "hidden"
    else:
        status = "refused" if entry and entry.get("refused") else "pending"
    answer["status"] = status
    answer["findable"] = status == "registered" and not withheld
    if entry:
        answer.update(
            {
                "attempts": entry["attempts"],
                "last_error": entry["last_error"],
                "next_attempt": entry["next_attempt"],
            }
        )
    return answer


def record_doi_state(identity, pid_value):
    """The DOI and concept DOI states of a record the identity may read."""
    item = current_rdm_records_service.read(identity, pid_value)
    record = current_rdm_records_service.record_cls.pid.resolve(pid_value)
    return {
        "id": item.id,
        "doi": doi_state(item.data.get("pids", {}).get("doi"), record),
        "parent_doi": doi_state(item.data.get("parent", {}).get("pids", {}).get("doi"), record),
    }


def doi_state_for_page(pid_value):
    """``msi_doi_state`` of the landing page: the DOI states, None when there is nothing to say."""
    try:
        answer = record_doi_state(g.identity, pid_value)
    except Exception:  # noqa: BLE001 - the landing page shows without it
        return None
    waiting = [
        entry
        for entry in (answer["doi"], answer["parent_doi"])
        if entry and entry.get("status") in ("pending", "refused")
    ]
    return {**answer, "waiting": waiting} if waiting else None


def create_ui_blueprint(app):
    """The landing page's view of the DOI state (``msi_doi_state``), for those who may edit."""
    blueprint = Blueprint("msi_doi", __name__)
    blueprint.add_app_template_global(doi_state_for_page, "msi_doi_state")
    return blueprint


def create_api_blueprint(app):
    """The DOI state endpoint of the REST API."""
    blueprint = Blueprint("msi_doi_api", __name__)

    @blueprint.route("/records/<pid_value>/doi")
    def doi_status(pid_value):
        try:
            return jsonify(record_doi_state(g.identity, pid_value))
        except PermissionDenied:  # upstream's permission errors derive from it
            abort(403)
        except PIDDoesNotExistError:
            abort(404)
        except RecordDeletedException:
            abort(410)

    return blueprint
