"""Cached citations answered before the records resource loads the record.

A warm citation needs only the record's row (with its buckets, which the record object reads),
the permission policy's answer and the cached text: one SQL statement for a public record.
Whether the caller may read the record is decided by the records service's permission policy,
exactly as the resource decides it. Anything else (a
cache miss, a record the caller may not read, a deleted record, bad arguments,
``include_deleted``) falls through to the records resource, which answers in full and fills the
cache.
"""

import re

from flask import Response, g, request
from invenio_cache import current_cache
from invenio_db import db
from invenio_pidstore.models import PersistentIdentifier, PIDStatus
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_rdm_records.records.systemfields.deletion_status import RecordDeletionStatusEnum
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import BadRequest

from .formatted import cache_key, request_style_and_locale

RECORD_PATH = re.compile(r"^/records/([A-Za-z0-9-]+)$")
MIMETYPE = "text/x-bibliography"


def _readable_revision(record_id):
    """The revision of the published record ``record_id`` if the caller may read it, else None."""
    model_cls = service.record_cls.model_cls
    model = (
        db.session.query(model_cls)
        .options(joinedload(model_cls.bucket), joinedload(model_cls.media_bucket))
        .join(PersistentIdentifier, PersistentIdentifier.object_uuid == model_cls.id)
        .filter(
            PersistentIdentifier.pid_type == "recid",
            PersistentIdentifier.pid_value == record_id,
            PersistentIdentifier.status == PIDStatus.REGISTERED,
        )
        .one_or_none()
    )
    if model is None or model.is_deleted:
        return None
    status = getattr(model.deletion_status, "value", model.deletion_status)
    if status != RecordDeletionStatusEnum.PUBLISHED.value:
        return None
    record = service.record_cls(model.data, model=model)
    if not service.check_permission(g.identity, "read", record=record):
        return None
    return record.revision_id


def cached_citation():
    """``before_request`` of the REST API: answer a cached citation the caller may read."""
    match = RECORD_PATH.match(request.path)
    if request.method != "GET" or match is None or "include_deleted" in request.args:
        return None
    if request.accept_mimetypes.best != MIMETYPE:
        return None
    try:
        style, locale = request_style_and_locale()
    except BadRequest:
        return None
    revision = _readable_revision(match.group(1))
    if revision is None:
        return None
    text = current_cache.get(
        cache_key({"id": match.group(1), "revision_id": revision}, style, locale)
    )
    if text is None:
        return None
    return Response(text, content_type="text/plain", headers={"ETag": f'"{revision}"'})
