"""Retry of DOIs DataCite did not take: a beat task, with back-off from the ledger."""

from datetime import UTC, datetime, timedelta

from celery import shared_task
from flask import current_app
from invenio_access.permissions import system_identity
from invenio_db import db
from invenio_pidstore.models import PersistentIdentifier, PIDStatus
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_rdm_records.records.api import RDMParent, RDMRecord
from invenio_rdm_records.records.models import RDMParentMetadata, RDMRecordMetadata

from . import state


def _latest_version_id(parent_uuid):
    """Id of the latest published version of a parent, or None."""
    parent = RDMParent.get_record(parent_uuid)
    latest = RDMRecord.get_latest_published_by_parent(parent)
    return latest["id"] if latest else None


def unregistered(min_age=None):
    """``(doi, recid, parent)`` of published records' DOIs still ``RESERVED`` after ``min_age`` s.

    The database is the queue: a DOI reserved at publication and not registered since (DataCite
    down, a worker lost, a retry given up) is found here whatever the ledger holds.
    """
    min_age = current_app.config["MSI_DOI_SWEEP_MIN_AGE"] if min_age is None else min_age
    before = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=min_age)
    rows = (
        db.session.query(PersistentIdentifier)
        .filter(
            PersistentIdentifier.pid_type == "doi",
            PersistentIdentifier.status == PIDStatus.RESERVED,
            PersistentIdentifier.updated <= before,
        )
        .all()
    )
    found = []
    for pid in rows:
        record_row = db.session.get(RDMRecordMetadata, pid.object_uuid)
        if record_row is not None and record_row.is_deleted is not True:
            found.append((pid.pid_value, RDMRecord.get_record(pid.object_uuid)["id"], False))
        elif db.session.get(RDMParentMetadata, pid.object_uuid) is not None:
            latest = _latest_version_id(pid.object_uuid)
            if latest:
                found.append((pid.pid_value, latest, True))
    return found


def datacite_provider():
    """The configured DataCite provider of version DOIs."""
    providers = current_app.config["RDM_PERSISTENT_IDENTIFIER_PROVIDERS"]
    return next(provider for provider in providers if provider.name == "datacite")


def version_id(recid, parent):
    """A version's id for the service: a concept DOI's entry may hold its parent's id."""
    if not parent:
        return recid
    try:
        return RDMRecord.pid.resolve(recid, registered_only=False)["id"]
    except Exception:  # noqa: BLE001 - not a version's id: the parent's
        parent_record = RDMParent.pid.resolve(recid, registered_only=False)
        return _latest_version_id(parent_record.id)


def attempt(doi, recid, parent, operation="register"):
    """One attempt at a DOI through the records service; return whether DataCite took it."""
    if operation == "hide":
        datacite_provider().client.api.hide_doi(doi)
        state.done(doi)
        return True
    current_rdm_records_service.pids.register_or_update(
        system_identity, id_=version_id(recid, parent), scheme="doi", parent=parent
    )
    return state.entry(doi) is None


@shared_task(ignore_result=True)
def retry_dois(now=None):
    """Try again every DOI that is due: the ledger's, and published records' unregistered ones."""
    now = datetime.fromisoformat(now) if now else None
    todo = {e["doi"]: e for e in state.due(now)}
    ledger = state.pending()
    for doi, recid, parent in unregistered(min_age=None if now is None else 0):
        if doi not in ledger:  # never tried here, or the ledger was lost; the rest wait their turn
            todo[doi] = {"doi": doi, "recid": recid, "parent": parent, "operation": "register"}
    taken = 0
    for entry in todo.values():
        try:
            taken += bool(
                attempt(entry["doi"], entry["recid"], entry["parent"], entry.get("operation"))
            )
        except Exception as error:  # noqa: BLE001 - one DOI's failure must not stop the others
            current_app.logger.warning("DOI retry of %s failed: %s", entry["doi"], error)
            operation = entry.get("operation") or "register"
            state.failed(entry["doi"], entry["recid"], entry["parent"], operation, error)
        db.session.commit()
    return taken
