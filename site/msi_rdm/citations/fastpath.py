"""Cached citations answered before the records resource loads the record.

A warm citation needs only to know that the record is public and which revision it is at: one
indexed SQL query. Anything else (a cache miss, a restricted or deleted record, bad arguments,
``include_deleted``) falls through to the records resource, which checks permissions in full
and fills the cache.
"""

import re

from flask import Response, request
from invenio_cache import current_cache
from invenio_db import db
from invenio_pidstore.models import PersistentIdentifier, PIDStatus
from invenio_rdm_records.records.models import RDMRecordMetadata
from invenio_rdm_records.records.systemfields.deletion_status import RecordDeletionStatusEnum
from werkzeug.exceptions import BadRequest

from .formatted import cache_key, request_style_and_locale

RECORD_PATH = re.compile(r"^/records/([A-Za-z0-9-]+)$")
MIMETYPE = "text/x-bibliography"


def _public_revision(record_id):
    """The revision of a published, public, not deleted record, or None."""
    row = (
        db.session.query(
            RDMRecordMetadata.version_id,
            RDMRecordMetadata.json["access"]["record"].as_string(),
            RDMRecordMetadata.deletion_status,
        )
        .join(PersistentIdentifier, PersistentIdentifier.object_uuid == RDMRecordMetadata.id)
        .filter(
            PersistentIdentifier.pid_type == "recid",
            PersistentIdentifier.pid_value == record_id,
            PersistentIdentifier.status == PIDStatus.REGISTERED,
        )
        .one_or_none()
    )
    if row is None or row[1] != "public":
        return None
    if getattr(row[2], "value", row[2]) != RecordDeletionStatusEnum.PUBLISHED.value:
        return None
    return row[0] - 1


def cached_citation():
    """``before_request`` of the REST API: answer a cached citation of a public record."""
    match = RECORD_PATH.match(request.path)
    if request.method != "GET" or match is None or "include_deleted" in request.args:
        return None
    if request.accept_mimetypes.best != MIMETYPE:
        return None
    try:
        style, locale = request_style_and_locale()
    except BadRequest:
        return None
    revision = _public_revision(match.group(1))
    if revision is None:
        return None
    text = current_cache.get(
        cache_key({"id": match.group(1), "revision_id": revision}, style, locale)
    )
    if text is None:
        return None
    return Response(text, content_type="text/plain", headers={"ETag": f'"{revision}"'})
