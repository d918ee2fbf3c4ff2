"""Publish many new records at once: the rows upstream's publish leaves, written in bulk.

The service publishes one record in about 180 SQL statements: it creates a draft, commits it,
reads it back, validates it strictly, copies it into a record and deletes the draft again. For a
batch of new records this module does what that workflow leaves behind in one transaction:

- each record's data goes through the service's own schema (as ``create`` and the strict
  validation of ``publish`` do) and through the record class's relation checks and JSON schema;
- then the rows the workflow ends with are inserted together: parent and record, their PIDs
  (recid for both, oai for the record), the versions state, the files and media buckets, the
  files themselves and their extracted text.

The soft-deleted draft row the service leaves until upstream's cleanup task removes it is not
written. Nothing is indexed (``msi_rdm.bulk.reindex.reindex_records`` does that in bulk) and no
component's side effects run: no ORCID push, no notifications. What needs those is refused with
a clear reason, the rest of the batch carries on: films (they need the probe), communities,
review requests, external PIDs such as DOIs and embargoes go through the service, and so does
every record while DataCite DOIs are on (each needs its DOIs minted and registered).
``tests/bulk/test_bulk_publish.py`` checks the rows and the index document against the service's.

This copies what upstream's create-and-publish workflow writes, and reaches into upstream's
schema wrapper (its context), PID provider (its id generator) and record validator, so it is a
change of the seam: with it out, ``msi_rdm.bulk.publish.publish_bulk`` publishes each record
through the service instead, only slower.
"""

import io
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from types import SimpleNamespace

from flask import current_app
from invenio_db import db
from invenio_files_rest.models import Bucket, FileInstance, Location, ObjectVersion
from invenio_i18n import gettext as _
from invenio_pidstore.models import PersistentIdentifier, PIDStatus
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_rdm_records.records.api import get_files_quota, get_media_files_quota
from invenio_records.resolver import urljoin_with_custom_scheme
from invenio_records.validators import _create_validator
from jsonschema.exceptions import best_match
from marshmallow import ValidationError
from marshmallow_utils.context import context_schema
from sqlalchemy import insert
from sqlalchemy_continuum import Operation, version_class

from ..films.api import is_film_file
from ..fulltext.api import extract_file
from ..hardening.uploads import file_key_error
from ..scoped import bound
from ..swepub.components import swepub_state
from ..vocabularies.terms import vocabulary_terms_cached
from .change import UpstreamChange

PARENT_SETTINGS = {
    "allow_user_requests": False,
    "allow_guest_requests": False,
    "accept_conditions_text": None,
    "secret_link_expiration": 0,
}
"""A new parent's access settings, as upstream's parent access field writes them."""


@dataclass
class BulkResult:
    """What one call published (record ids, in order) and what it refused (index → reason)."""

    ids: list = field(default_factory=list)
    refused: dict = field(default_factory=dict)


class Refused(Exception):
    """One record of a batch cannot take the bulk path; the message says why."""


def _registered(pid_type, value, object_uuid, provider=None):
    """A registered PID of a record or parent, as publishing leaves it."""
    return PersistentIdentifier(
        pid_type=pid_type,
        pid_value=value,
        pid_provider=provider,
        status=PIDStatus.REGISTERED,
        object_type="rec",
        object_uuid=object_uuid,
    )


def _pid_json(pid):
    """The ``pid`` entry a PID field writes into its record's JSON."""
    return {"pk": pid.id, "status": "R", "obj_type": "rec", "pid_type": pid.pid_type}


class BatchChecks:
    """The service's schema and the record's JSON schema, built once for a whole batch.

    ``ServiceSchemaWrapper.load`` builds a new schema (and with it every nested schema) for each
    record, and ``Record._validate`` a new reference resolver, which then reads every referenced
    schema again. Both take most of a bulk publish; here one schema instance and one resolver
    serve the batch. The checks are the same: the service's ``load`` in its context, and
    ``jsonschema.validate``'s best-matching error.
    """

    def __init__(self, identity):
        service = current_rdm_records_service
        self.record_cls = service.record_cls
        self._context = service.schema._build_context({"identity": identity})
        self._schema = service.schema.schema()
        state = current_app.extensions["invenio-records"]
        ref = {"$ref": self.record_cls.schema.value}
        resolver_args = {}
        if state.refresolver_store:
            resolver_args = {
                "store": state.refresolver_store,
                "urljoin_cache": lru_cache(1024)(urljoin_with_custom_scheme),
            }
        validator_cls = _create_validator(
            schema=ref,
            base_validator_cls=self.record_cls.validator,
            custom_checks=current_app.config.get("RECORDS_VALIDATION_TYPES", {}),
        )
        validator_cls.check_schema(ref)
        self._validator = validator_cls(
            ref,
            resolver=state.refresolver_cls.from_schema(ref, **resolver_args),
            format_checker=self.record_cls.format_checker,
        )

    def load(self, data):
        """The service schema's load of ``data`` (raises ``ValidationError``)."""
        with bound(context_schema, self._context):
            return self._schema.load(data)

    def validate_json(self, json):
        """Raise the JSON schema's best-matching error for the record JSON ``json``, if any."""
        error = best_match(self._validator.iter_errors(self.record_cls.model_cls.encode(json)))
        if error is not None:
            raise error


def _prepare(checks, data, files):
    """Validate one record's data as the service does; return its record JSON (no ids yet)."""
    try:
        loaded = checks.load(data)
    except ValidationError as exc:
        raise Refused(_("Invalid metadata: %(error)s", error=exc.messages)) from exc
    if "doi" in current_rdm_records_service.config.pids_required:
        raise Refused(_("Records get their DOIs through the service while DataCite DOIs are on."))
    access = loaded.get("access", {})
    if access.get("embargo", {}).get("active"):
        raise Refused(_("Embargoed records are published through the service."))
    for key in ("pids", "internal_notes"):
        if loaded.get(key):
            raise Refused(_("Records with %(field)s are published through the service.", field=key))
    parent = data.get("parent")
    if (isinstance(parent, dict) and parent.get("communities")) or data.get("review"):
        raise Refused(_("Community records are published through the service."))
    files_enabled = bool((loaded.get("files") or {}).get("enabled"))
    if files and not files_enabled:
        raise Refused(_("Files were given but files.enabled is false."))
    if files_enabled and not files:
        raise Refused(_("files.enabled is true but no file was given."))
    for key in files:
        error = file_key_error(key)
        if error:
            raise Refused(error)
    if any(is_film_file(key) for key in files):
        raise Refused(_("Films are published through the service (they need probing)."))
    json = {
        "$schema": checks.record_cls.schema.value,
        "pids": {},
        "files": {"enabled": files_enabled},
        "access": {
            "record": access.get("record", "public"),
            "files": access.get("files", "public"),
            "embargo": {"until": None, "active": False, "reason": None},
        },
        "metadata": loaded.get("metadata", {}),
        "media_files": {"enabled": False},
        "custom_fields": loaded.get("custom_fields", {}),
        "internal_notes": [],
    }
    record = checks.record_cls(json)
    try:
        record.relations.validate()
        record.relations.clean()
        checks.validate_json(dict(record))
    except Exception as exc:  # noqa: BLE001 - relation and JSON-schema errors alike refuse the record
        raise Refused(_("Invalid metadata: %(error)s", error=str(exc))) from exc
    return dict(record)


def _bucket(location, args, locked):
    """A new record's bucket as its file manager makes it (the files bucket is locked once its
    files are in)."""
    return Bucket(
        id=uuid.uuid4(),
        default_location=location.id,
        default_storage_class=current_app.config["FILES_REST_DEFAULT_STORAGE_CLASS"],
        size=0,
        locked=locked,
        **args,
    )


def _store_files(record_id, bucket, location, files):
    """Write ``{key: bytes}`` into ``bucket`` with their file records; return the file instances."""
    file_model = current_rdm_records_service.record_cls.files.file_cls.model_cls
    stored = {}
    for key, content in files.items():
        instance = FileInstance.create()
        instance.set_contents(io.BytesIO(content), default_location=location.uri)
        instance.writable = False
        with db.session.no_autoflush:  # it reads the file instance before adding itself
            version = ObjectVersion.create(bucket, key, _file_id=instance.id)
        db.session.add(
            file_model(
                id=uuid.uuid4(),
                json={"metadata": {}, "transfer": {"type": "L"}},
                key=key,
                record_id=record_id,
                object_version_id=version.version_id,
            )
        )
        stored[key] = instance
    return stored


def publish_rows(identity, items):
    """Publish ``items`` (pairs of record data and ``{key: bytes}`` files) in one transaction.

    Returns a ``BulkResult``: the ids of the published records and, per refused item, why. A
    refused item changes nothing; the others are published. Nothing is indexed.
    """
    if not str(identity.id).isdigit():
        raise ValueError("the bulk path publishes on behalf of a user account")
    current_rdm_records_service.require_permission(identity, "create")
    result, prepared, checks = BulkResult(), [], BatchChecks(identity)
    with vocabulary_terms_cached():
        for index, (data, files) in enumerate(items):
            try:
                prepared.append((_prepare(checks, data, files or {}), files or {}))
            except Refused as exc:
                result.refused[index] = str(exc)
    if prepared:
        try:
            result.ids = _write(identity, prepared)
        except Exception:
            db.session.rollback()  # nothing of a failed batch stays
            raise
    return result


def _write(identity, prepared):
    """Write the rows of the checked records ``prepared`` and commit; return their ids."""
    service = current_rdm_records_service
    record_cls = service.record_cls
    parent_cls = record_cls.parent_record_cls
    ids = []
    generate = service.draft_cls.pid.field._provider.generate_id
    oai_prefix = current_app.config.get("OAISERVER_ID_PREFIX", "")  # as the oai PID provider
    location = Location.get_default()
    files_args, media_args = _owner_files_quota(identity.id), get_media_files_quota()
    owner = {"user": int(identity.id)}
    pids, rows = [], []
    for json, files in prepared:
        parent_id, record_id = uuid.uuid4(), uuid.uuid4()
        parent_pid = _registered("recid", generate(), parent_id)
        record_pid = _registered("recid", generate(), record_id)
        oai_value = f"oai:{oai_prefix}:{record_pid.pid_value}"
        pids += [parent_pid, record_pid, _registered("oai", oai_value, record_id, provider="oai")]
        rows.append((json, files, parent_id, record_id, parent_pid, record_pid, oai_value))
    db.session.add_all(pids)
    db.session.flush()  # the PIDs' primary keys go into the JSON

    parents, records, stored = [], [], []
    now = datetime.now(UTC)
    for json, files, parent_id, record_id, parent_pid, record_pid, oai_value in rows:
        bucket = _bucket(location, files_args, locked=False)
        media_bucket = _bucket(location, media_args, locked=True)
        db.session.add_all([bucket, media_bucket])
        parent_json = {
            "$schema": parent_cls.schema.value,
            "id": parent_pid.pid_value,
            "pid": _pid_json(parent_pid),
            "pids": {},
            "access": {
                "links": [],
                "grants": [],
                "owned_by": owner,
                "settings": dict(PARENT_SETTINGS),
            },
            "communities": {},
        }
        record_json = {
            **json,
            "id": record_pid.pid_value,
            "pid": _pid_json(record_pid),
            "pids": {"oai": {"provider": "oai", "identifier": oai_value}},
        }
        # What the service's SwepubComponent writes on publish (msi_rdm.swepub).
        record_json["custom_fields"] = {
            **record_json.get("custom_fields", {}),
            "msi:swepub": swepub_state(record_json, []),
        }
        moments = {"version_id": 1, "created": now, "updated": now}
        parents.append({"id": parent_id, "json": parent_json, **moments})
        records.append(
            {
                "id": record_id,
                "json": record_json,
                "parent_id": parent_id,
                "index": 1,
                "bucket_id": bucket.id,
                "media_bucket_id": media_bucket.id,
                "deletion_status": "P",
                **moments,
            }
        )
        stored.append((record_id, bucket, files))
        ids.append(str(record_id))
    db.session.flush()  # the buckets, which the records point at
    _insert_records(record_cls, parents, records)
    for record_id, bucket, files in stored:
        for key, instance in _store_files(record_id, bucket, location, files).items():
            extract_file(record_id, key, instance)
        bucket.locked = True
    db.session.commit()
    return ids


def _insert_records(record_cls, parents, records):
    """Insert parents, records, versions states and the records' first history rows.

    Executed in batches by the Core, not the ORM: the ORM's versioning plugin looks up a previous
    version of each new row, one query each, before writing the history row written here. Its
    operation type is the one the service's publish leaves: the service inserts the record and
    updates it in the same transaction, which the plugin keeps as one row of type update.
    """
    manager = current_app.extensions["invenio-db"].versioning_manager
    transaction = manager.transaction_cls()
    db.session.add(transaction)
    db.session.flush()
    model_cls = record_cls.model_cls
    history_cls = version_class(model_cls)
    db.session.execute(insert(record_cls.parent_record_cls.model_cls.__table__), parents)
    db.session.execute(insert(model_cls.__table__), records)
    db.session.execute(
        insert(history_cls.__table__),
        [
            {**row, "transaction_id": transaction.id, "operation_type": Operation.UPDATE}
            for row in records
        ],
    )
    db.session.execute(
        insert(record_cls.versions_model_cls.__table__),
        [
            {"parent_id": row["parent_id"], "latest_index": 1, "latest_id": row["id"]}
            for row in records
        ],
    )


def _owner_files_quota(owner_id):
    """Upstream's files quota of a new record owned by ``owner_id`` (its user quota, if any)."""
    owned_by = SimpleNamespace(owner_id=owner_id)
    parent = SimpleNamespace(id=None, access=SimpleNamespace(owned_by=owned_by))
    return get_files_quota(SimpleNamespace(parent=parent))


change = UpstreamChange(
    name="bulk-publish",
    replaces=(
        "invenio_rdm_records.services.RDMRecordService.create + publish (rows written in bulk)",
    ),
    why="the service publishes ~7 records/s (about 180 SQL statements each); the bulk rows "
    "224.7 records/s for 19,000 records",
    checked={
        "invenio-rdm-records": ("32.3.2",),
        "invenio-records": ("5.1.0",),
        "invenio-records-resources": ("10.2.4",),
        "invenio-drafts-resources": ("10.1.1",),
        "invenio-pidstore": ("3.1.0",),
        "invenio-files-rest": ("5.1.1",),
    },
    unnecessary_when="invenio-rdm-records offers a bulk import of published records (its "
    "migration tooling) with the service's checks",
)
