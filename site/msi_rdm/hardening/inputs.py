"""Refuse REST request bodies of the wrong shape with 400 before any service sees them.

Upstream's resources and services assume a JSON object and fail with 500 (``AttributeError`` on
``data.get``) when given an array, a string, a number or ``null``. File uploads are initialised
with an array of objects, so routes ending in ``/files`` take an array instead.
"""

import json

from flask import jsonify, request
from invenio_i18n import gettext as _

WRITE_METHODS = {"POST", "PUT", "PATCH"}
ARRAY_ROUTE_SUFFIXES = ("/files", "/media-files")
"""Routes whose body is an array of objects (upstream's file initialisation)."""
SELF_CHECKING_BLUEPRINTS = {"msi_orcid_api"}
"""Blueprints that answer bad bodies themselves, with a translated message naming the field."""


def _is_json(mimetype):
    return mimetype == "application/json" or mimetype.endswith("+json")


def _expected_shape():
    """``list`` on file-initialisation routes, ``dict`` everywhere else."""
    rule = request.url_rule.rule if request.url_rule else ""
    return list if rule.endswith(ARRAY_ROUTE_SUFFIXES) else dict


def _refusal(message):
    response = jsonify({"status": 400, "message": message})
    response.status_code = 400
    return response


def refuse_malformed_json():
    """``before_request`` hook: 400 for a JSON body that does not parse or has the wrong shape."""
    if request.method not in WRITE_METHODS or not _is_json(request.mimetype):
        return None
    if request.blueprint in SELF_CHECKING_BLUEPRINTS:
        return None
    raw = request.get_data(cache=True)
    if not raw.strip():
        return None
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return _refusal(_("The request body is not valid JSON."))
    shape = _expected_shape()
    if not isinstance(body, shape):
        if shape is list:
            return _refusal(_("The request body must be an array."))
        return _refusal(_("The request body must be a JSON object."))
    if shape is list and not all(isinstance(item, dict) for item in body):
        return _refusal(_("Each entry of the request body must be a JSON object."))
    return None
