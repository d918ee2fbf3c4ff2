"""Saved searches of one user: create, change, stop; the communities a user coordinates."""

from flask import current_app
from invenio_db import db
from invenio_i18n import lazy_gettext as _

from ..researchers.generators import COORDINATING_COMMUNITY_ROLES
from .models import AlertRecipient, SavedSearch, utcnow
from .queries import RefusedSearch, check_search

NAME_MAX_LENGTH = 255


def saved_searches(user_id):
    """The user's saved searches, oldest first."""
    return SavedSearch.query.filter_by(user_id=user_id).order_by(SavedSearch.id).all()


def _check_common(user_id, name, frequency):
    if frequency not in current_app.config["MSI_ALERTS_FREQUENCIES"]:
        raise RefusedSearch(_("Choose daily, weekly or monthly."))
    if not name or len(name) > NAME_MAX_LENGTH:
        raise RefusedSearch(_("Give the saved search a name of at most 255 characters."))
    limit = current_app.config["MSI_ALERTS_MAX_SAVED"]
    if SavedSearch.query.filter_by(user_id=user_id).count() >= limit:
        raise RefusedSearch(
            _("You already have %(n)s saved searches, the most allowed: delete one first.", n=limit)
        )


def first_mark():
    """The mark of a new search: the start of the hour, so that the searches saved in one hour
    share their marks and identical ones are answered together (records of the hour before the
    search was saved come in its first digest)."""
    return utcnow().replace(minute=0, second=0, microsecond=0)


def save_search(user_id, name, query, facets, frequency):
    """Save a search; refused (RefusedSearch) if the search cannot run or the user has enough."""
    name = (name or "").strip() or query or str(_("New records"))
    name = name[:NAME_MAX_LENGTH]
    _check_common(user_id, name, frequency)
    check_search(query, facets)
    search = SavedSearch(
        user_id=user_id,
        kind="search",
        name=name,
        search_query=query,
        facets=facets,
        frequency=frequency,
        high_water=first_mark(),
    )
    db.session.add(search)
    db.session.commit()
    return search


def coordinated_communities(user_id):
    """``{community id: title}`` of the communities the user curates or manages."""
    from invenio_communities.communities.records.models import CommunityMetadata
    from invenio_communities.members.records.models import MemberModel

    rows = (
        db.session.query(CommunityMetadata.id, CommunityMetadata.json)
        .join(MemberModel, MemberModel.community_id == CommunityMetadata.id)
        .filter(
            MemberModel.user_id == user_id,
            MemberModel.role.in_(COORDINATING_COMMUNITY_ROLES),
            MemberModel.active.is_(True),
            CommunityMetadata.is_deleted.is_(False),
        )
        .all()
    )
    return {str(cid): (data.get("metadata") or {}).get("title") or str(cid) for cid, data in rows}


def follow_reviews(user_id, community_id, frequency):
    """Subscribe a coordinator to a digest of the submissions waiting in their community."""
    communities = coordinated_communities(user_id)
    if str(community_id) not in communities:
        raise RefusedSearch(_("You do not coordinate that community."))
    name = str(_("Waiting for review: %(title)s", title=communities[str(community_id)]))
    _check_common(user_id, name[:NAME_MAX_LENGTH], frequency)
    search = SavedSearch(
        user_id=user_id,
        kind="review",
        name=name[:NAME_MAX_LENGTH],
        search_query="",
        facets=[],
        community_id=community_id,
        frequency=frequency,
        high_water=first_mark(),
    )
    db.session.add(search)
    db.session.commit()
    return search


def record_bounce(email):
    """Count a bounce for the account with this address; return its count, None if unknown."""
    from invenio_accounts.models import User

    user = User.query.filter(db.func.lower(User.email) == email.strip().lower()).one_or_none()
    if user is None:
        return None
    recipient = db.session.get(AlertRecipient, user.id)
    if recipient is None:
        recipient = AlertRecipient(user_id=user.id, bounces=0)
        db.session.add(recipient)
    recipient.bounces += 1
    recipient.last_bounce = utcnow()
    db.session.commit()
    return recipient.bounces


def reset_bounces(email):
    """Let an address receive digests again (after its owner fixed it)."""
    from invenio_accounts.models import User

    user = User.query.filter(db.func.lower(User.email) == email.strip().lower()).one_or_none()
    if user is None:
        return False
    AlertRecipient.query.filter_by(user_id=user.id).delete()
    db.session.commit()
    return True
