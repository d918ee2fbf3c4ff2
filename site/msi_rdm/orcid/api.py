"""What the rest of the site may ask of ORCID linking, imported works and push consent."""

from flask import current_app
from invenio_db import db
from invenio_i18n import gettext as _
from invenio_oauthclient.models import RemoteAccount, UserIdentity
from invenio_rdm_records.proxies import current_rdm_records_service as records_service
from invenio_records_resources.services.errors import PermissionDeniedError

from . import settings
from .ids import normalize_orcid
from .models import OrcidImport, OrcidWork
from .signals import orcid_unlinked
from .worktypes import resource_type


class NotLinkedError(LookupError):
    """The user has no linked ORCID iD."""


class WorkNotFoundError(LookupError):
    """No imported work with this put-code."""


def verified_orcid(user_id):
    """Return the ORCID iD the user linked through ORCID sign-in, or None."""
    identity = UserIdentity.query.filter_by(id_user=user_id, method="orcid").one_or_none()
    return identity.id if identity else None


def orcid_holder(orcid_id):
    """Return the id of the account that linked this ORCID iD, or None."""
    identity = UserIdentity.query.filter_by(id=orcid_id, method="orcid").one_or_none()
    return identity.id_user if identity else None


def orcid_account(user_id):
    """Return the user's ORCID RemoteAccount, or None."""
    client_id = settings.credentials()[0]
    return RemoteAccount.get(user_id, client_id) if client_id else None


def _linked_account(user_id):
    account = orcid_account(user_id)
    if account is None or not verified_orcid(user_id):
        raise NotLinkedError(_("Link your account with ORCID first."))
    return account


def set_push_consent(user_id, consent):
    """Record whether the user lets the repository add their published records to ORCID."""
    account = _linked_account(user_id)
    account.extra_data = {**account.extra_data, "push": bool(consent)}
    db.session.commit()


def push_consent(user_id):
    """Whether the user consented to records being added to their ORCID record."""
    account = orcid_account(user_id)
    return bool(account and account.extra_data.get("push"))


def push_token(orcid_id, consent_needed=True):
    """Return the access token to change works of ``orcid_id``, or None without a link, the
    ``/activities/update`` scope or (when ``consent_needed``) the holder's consent."""
    user = UserIdentity.get_user("orcid", orcid_id)
    account = orcid_account(user.id) if user else None
    if not account or (consent_needed and not account.extra_data.get("push")):
        return None
    if "/activities/update" not in (account.extra_data.get("scope") or "").split():
        return None
    token = next((t for t in account.remote_tokens if t.access_token), None)
    return token.access_token if token else None


def unlink_orcid(user_id):
    """Remove the user's ORCID link and tokens; send ``orcid_unlinked`` after the commit."""
    orcid_id = verified_orcid(user_id)
    account = orcid_account(user_id)
    if orcid_id:
        UserIdentity.delete_by_external_id("orcid", orcid_id)
    if account:
        account.delete()
    db.session.commit()
    if orcid_id:
        orcid_unlinked.send(current_app._get_current_object(), user_id=user_id, orcid=orcid_id)
    return orcid_id


def imported_works(orcid_id):
    """Return the works imported from ``orcid_id``'s public record, newest first."""
    orcid_id = normalize_orcid(orcid_id)
    query = OrcidWork.query.filter_by(orcid=orcid_id)
    return query.order_by(OrcidWork.year.desc().nullslast(), OrcidWork.title).all()


def import_status(orcid_id):
    """Return ``{"status", "works", "error", "updated"}`` of the latest import, or None."""
    row = db.session.get(OrcidImport, normalize_orcid(orcid_id))
    if row is None:
        return None
    return {
        "status": row.status,
        "works": row.works,
        "error": row.error,
        "updated": row.updated.isoformat() if row.updated else None,
    }


def _creator(orcid_id, user_id):
    account = orcid_account(user_id)
    full_name = ((account.extra_data.get("full_name") if account else "") or "").strip()
    given, _sep, family = full_name.rpartition(" ")
    person = {
        "type": "personal",
        "family_name": family or full_name or orcid_id,
        "identifiers": [{"scheme": "orcid", "identifier": orcid_id}],
    }
    if given:
        person["given_name"] = given
    return {"person_or_org": person}


def draft_data(work, creator):
    """Return RDM draft data for an imported work.

    The DOI goes into related identifiers (``isidenticalto``), not ``pids.doi``: DOIs are not
    managed by this site (DataCite is off, so the DOI scheme is disabled), and the DOI belongs to
    the publisher's version the draft describes.
    """
    metadata = {
        "resource_type": {"id": resource_type(work.work_type or "")},
        "title": work.title,
        "creators": [creator],
    }
    if work.year:
        metadata["publication_date"] = str(work.year)
    if work.journal:
        metadata["publisher"] = work.journal
    if work.doi:
        metadata["related_identifiers"] = [
            {
                "identifier": work.doi,
                "scheme": "doi",
                "relation_type": {"id": "isidenticalto"},
            }
        ]
    return {"access": {"record": "public", "files": "public"}, "files": {"enabled": True},
            "metadata": metadata}  # fmt: skip


def draft_from_orcid_work(identity, orcid_id, put_code):
    """Create a repository draft from the imported work ``put_code`` of the user's own iD."""
    orcid_id = normalize_orcid(orcid_id)
    if verified_orcid(identity.id) != orcid_id:
        raise PermissionDeniedError()
    work = OrcidWork.query.filter_by(orcid=orcid_id, put_code=int(put_code)).one_or_none()
    if work is None:
        raise WorkNotFoundError(_("No imported ORCID work with this put-code."))
    return records_service.create(identity, draft_data(work, _creator(orcid_id, identity.id)))
