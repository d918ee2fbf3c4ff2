"""Upstream's DataCite provider and client, as MSI registers DOIs.

Upstream's ``DataCitePIDProvider`` (invenio-rdm-records) marks a DOI registered before DataCite
has answered, leaves restricted records without one, and gives up when DataCite is down. MSI's
subclass keeps upstream's calls (the ``datacite`` package's REST client, JSON attributes with an
``event``) and changes what happens around them:

- a registration is a ``POST /dois`` with the metadata and the event, and a ``PUT /dois/<doi>``
  when DataCite already has the DOI (a retry after a lost answer), so retrying does no harm;
- the DOI becomes ``REGISTERED`` locally only once DataCite has taken it;
- a restricted record gets a registered, not findable DOI (event ``register``, or ``hide`` when
  it was findable) whose metadata tells nothing of the record but its publisher and year;
- a deleted record's DOI is hidden (its landing page keeps the tombstone);
- when DataCite is unreachable or answers 5xx, the attempt is written to the ledger
  (``msi_rdm.doi.state``) and the beat task ``msi_rdm.doi.tasks.retry_dois`` tries again with
  back-off; the publication itself is never refused for it.

The client reads the API's address from ``DATACITE_URL`` when set (the local fake in development
and tests), else DataCite's test or production API by ``DATACITE_TEST_MODE``.
"""

import json

from datacite import DataCiteRESTClient
from datacite.errors import (
    DataCiteError,
    DataCiteNotFoundError,
    DataCiteServerError,
    HttpError,
)
from flask import current_app
from invenio_pidstore.models import PIDStatus
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_rdm_records.services.pids.providers import DataCiteClient, DataCitePIDProvider
from invenio_rdm_records.services.pids.providers.base import PIDProvider
from invenio_rdm_records.utils import ChainObject

from . import state

PRODUCTION_API = "https://api.datacite.org/"
TEST_API = "https://api.test.datacite.org/"

TRANSIENT = (DataCiteServerError, HttpError)
"""Failures worth another attempt: DataCite unreachable, timing out or answering 5xx (the
``datacite`` package raises ``DataCiteServerError`` for 422 too: see ``refusal``)."""


def refusal(error):
    """DataCite's 4xx errors in an exception (``[{"source", "title"}]``), or [] for a 5xx."""
    try:
        body = json.loads(error.args[0] if error.args else "")
    except (TypeError, ValueError):
        return []
    errors = body.get("errors") if isinstance(body, dict) else None
    if not isinstance(errors, list):
        return []
    return [e for e in errors if isinstance(e, dict) and str(e.get("status", "422"))[:1] == "4"]


def already_taken(error):
    """Whether DataCite refused a ``POST`` because it has the DOI already."""
    return any("taken" in str(e.get("title", "")) for e in refusal(error))


class MSIDataCiteClient(DataCiteClient):
    """Upstream's client with the API address and a timeout from the configuration."""

    def api_url(self):
        """The REST API's base: ``DATACITE_URL``, else DataCite's test or production API."""
        return self.cfg("url") or (TEST_API if self.cfg("test_mode", True) else PRODUCTION_API)

    @property
    def api(self):
        """A REST client for the configured account (built per use: settings may change)."""
        self.check_credentials()
        return DataCiteRESTClient(
            self.cfg("username"),
            self.cfg("password"),
            self.cfg("prefix"),
            test_mode=False,
            url=self.api_url(),
            timeout=self.cfg("timeout", 15),
        )


def _decisive(record):
    """``(access, deletion status)`` of the version that decides: a concept DOI's latest version.

    Upstream passes a concept DOI's record as a ``ChainObject`` of parent and latest version,
    whose ``access`` is the parent's; the latest version is read from its row instead. Building
    a record object for it would mark the row changed (its parent field sets ``parent_id``
    again), and the task's commit would then raise its revision behind the search index.
    """
    if not isinstance(record, ChainObject):
        status = getattr(record, "deletion_status", None)
        return record["access"]["record"], (status.status if status is not None else "P")
    record_cls = current_rdm_records_service.record_cls
    latest_id = record_cls.get_latest_by_parent(record.parent, id_only=True)
    model = record_cls.model_cls.query.filter_by(id=latest_id).one_or_none() if latest_id else None
    if model is None:
        return None, None
    status = model.deletion_status
    return model.json["access"]["record"], getattr(status, "value", status)


def is_restricted(record):
    """Whether the record (or, for a concept DOI, its latest version) is restricted."""
    return _decisive(record)[0] == "restricted"


def is_deleted(record):
    """Whether the record (a concept DOI's latest version) is deleted: a tombstone."""
    access, status = _decisive(record)
    return access is None or status != "P"


def _record_id(record):
    return record["id"]


class MSIDataCitePIDProvider(DataCitePIDProvider):
    """DataCite DOIs that are registered only once DataCite has them, and retried until it has."""

    def _attributes(self, pid, record, url, event):
        """JSON attributes of one ``PUT /dois/<doi>``."""
        doc = self.serializer.dump_obj(record)
        if is_restricted(record) or is_deleted(record):
            doc = withheld(doc)
        attributes = {**doc, "doi": pid.pid_value, "event": event}
        if url:
            attributes["url"] = url
        return attributes

    def _send(self, pid, record, url, event, operation):
        """Send one event; return True once DataCite took it, False when it did not."""
        parent = isinstance(record, ChainObject)
        attributes = self._attributes(pid, record, url, event)
        try:
            api = self.client.api
            if operation == "register":
                try:
                    api.post_doi({"attributes": {**attributes, "prefix": api.prefix}})
                except DataCiteServerError as error:
                    if not already_taken(error):
                        raise
                    api.put_doi(pid.pid_value, {"attributes": attributes})
            else:
                api.put_doi(pid.pid_value, {"attributes": attributes})
        except TRANSIENT as error:
            if refusal(error):
                return self._refused(pid, record, parent, operation, error)
            current_app.logger.warning(
                "DataCite unavailable for %s (%s); retrying later", pid.pid_value, operation
            )
            state.failed(pid.pid_value, _record_id(record), parent, operation, error)
            return False
        except DataCiteError as error:
            return self._refused(pid, record, parent, operation, error)
        state.done(pid.pid_value)
        return True

    def _refused(self, pid, record, parent, operation, error):
        """DataCite refused the metadata or the credentials: logged, noted, retried later."""
        current_app.logger.error("DataCite refused %s (%s): %s", pid.pid_value, operation, error)
        self._log_errors(error)
        state.failed(pid.pid_value, _record_id(record), parent, operation, error, refused=True)
        return False

    def register(self, pid, record, **kwargs):
        """Register the DOI at DataCite, then locally: findable unless the record is restricted."""
        url = kwargs.get("url")
        event = "register" if is_restricted(record) or is_deleted(record) else "publish"
        if not self._send(pid, record, url, event, "register"):
            return False
        return PIDProvider.register(self, pid)

    def update(self, pid, record, url=None, **kwargs):
        """Send the record's current metadata; hide the DOI of restricted or deleted records."""
        event = "hide" if is_restricted(record) or is_deleted(record) else "publish"
        if not self._send(pid, record, url, event, "update"):
            return False
        if pid.is_deleted() and event == "publish":
            return pid.sync_status(PIDStatus.REGISTERED)
        return True

    def delete(self, pid, **kwargs):
        """Hide a registered DOI (a deleted record keeps its tombstone); forget an unsent one.

        A reserved DOI was never sent (MSI registers in one step), so DataCite not knowing it is
        what is expected. When DataCite cannot be reached the hiding is retried; the DOI is
        marked deleted here all the same, as the record is.
        """
        record = kwargs.get("record")
        try:
            if pid.is_reserved():
                try:
                    self.client.api.delete_doi(pid.pid_value)
                except DataCiteNotFoundError:
                    pass
            elif pid.is_registered():
                self.client.api.hide_doi(pid.pid_value)
                state.done(pid.pid_value)
        except DataCiteError as error:
            self._log_errors(error)
            if pid.is_registered() and record is not None:
                state.failed(pid.pid_value, _record_id(record), False, "hide", error)
        except HttpError as error:
            if pid.is_registered() and record is not None:
                state.failed(pid.pid_value, _record_id(record), False, "hide", error)
        return PIDProvider.delete(self, pid, **kwargs)

    def validate(self, record, identifier=None, provider=None, **kwargs):
        """Upstream's checks, without requiring ``metadata.publisher``: MSI always sends one."""
        success, errors = super().validate(record, identifier, provider, **kwargs)
        errors[:] = [error for error in errors if error.get("field") != "metadata.publisher"]
        return not errors, errors

    def validate_restriction_level(self, record, identifier=None, **kwargs):
        """Keep the DOI of a restricted record: it is registered, not findable."""


WITHHELD_TITLE = "Begränsad post / Restricted record"


def withheld(doc):
    """DataCite metadata of a restricted or deleted record: nothing but publisher and year.

    A registered DOI's metadata is public at DataCite; a restricted record's is not, so DataCite
    gets DataCite's own value for unavailable information (``:unav``) in its place.
    """
    return {
        "titles": [{"title": WITHHELD_TITLE}],
        "creators": [{"name": ":unav", "nameType": "Organizational"}],
        "publisher": doc.get("publisher") or {"name": ":unav"},
        "publicationYear": doc.get("publicationYear") or ":unav",
        "types": {"resourceTypeGeneral": "Other", "resourceType": ":unav"},
        "schemaVersion": doc.get("schemaVersion", "http://datacite.org/schema/kernel-4"),
    }
