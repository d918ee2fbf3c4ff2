"""The coordinators' digest: submissions waiting for a community's review."""

from flask import current_app

from ..researchers.generators import COORDINATING_COMMUNITY_ROLES

REVIEW_REQUEST_TYPES = ("community-submission", "community-inclusion")


def still_coordinates(user_id, community_id):
    """Whether the user still curates or manages the community."""
    from invenio_communities.members.records.models import MemberModel

    return (
        MemberModel.query.filter(
            MemberModel.user_id == user_id,
            MemberModel.community_id == community_id,
            MemberModel.role.in_(COORDINATING_COMMUNITY_ROLES),
            MemberModel.active.is_(True),
        ).count()
        > 0
    )


def review_entries(community_id, after, until, size):
    """``(entries, total)``: requests to the community submitted in (after, until], still open."""
    from invenio_requests.records.models import RequestMetadata

    query = RequestMetadata.query.filter(
        RequestMetadata.json[("receiver", "community")].as_string() == str(community_id),
        RequestMetadata.json["status"].as_string() == "submitted",
        RequestMetadata.json["type"].as_string().in_(REVIEW_REQUEST_TYPES),
        RequestMetadata.updated > after,
        RequestMetadata.updated <= until,
    )
    total = query.count()
    site = current_app.config["SITE_UI_URL"]
    entries = [
        {
            "id": str(request.id),
            "title": request.json.get("title") or str(request.id),
            "url": f"{site}/me/requests/{request.id}",
            "authors": [],
            "summary": "",
            "node": None,
            "created": request.created.isoformat(),
            "updated": request.updated.isoformat(),
        }
        for request in query.order_by(RequestMetadata.updated.desc()).limit(size)
    ]
    return entries, total
