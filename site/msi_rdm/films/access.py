"""Resolve a published record for a request, only when its reader may read its files."""

from flask import abort, g
from flask_principal import PermissionDenied
from invenio_pidstore.errors import PIDDeletedError, PIDDoesNotExistError
from invenio_rdm_records.proxies import current_rdm_records_service as records_service


def readable_record(pid_value):
    """Return the record behind ``pid_value`` if the current identity may read its files.

    Posters and captions come from the files, so they follow the files' access: a restricted or
    embargoed film shows nothing to those who may not play it. Unknown records give 404, forbidden
    ones 403, as upstream's file downloads do.
    """
    try:
        item = records_service.read(g.identity, pid_value)
    except (PIDDoesNotExistError, PIDDeletedError):
        abort(404)
    except PermissionDenied:  # PermissionDeniedError and RecordPermissionDeniedError
        abort(403)
    record = item._record
    if not records_service.check_permission(g.identity, "read_files", record=record):
        abort(403)
    return record


def files_public(projection):
    """True when anyone may read the files of a record projection (``access`` as in the API)."""
    access = projection.get("access") or {}
    return access.get("files") == "public" and not (access.get("embargo") or {}).get("active")
