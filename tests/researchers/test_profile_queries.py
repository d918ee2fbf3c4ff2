"""A researcher profile costs the same SQL whether it lists 5 works or 50."""

from fakes.orcid_helpers import random_orcid
from invenio_access.permissions import authenticated_user
from invenio_access.utils import get_identity
from invenio_db import db
from invenio_oauthclient.models import UserIdentity
from invenio_search import current_search
from sqlalchemy import event

from helpers import record_data
from msi_rdm.bulk.reindex import publish_unindexed, reindex_records

COORD_BORAS = "msi-coordinator-nod-boras"


def approved_profile(as_user, profile_data):
    """An approved profile whose ORCID iD is verified; return its id and the iD."""
    researcher, orcid = as_user("researcher"), random_orcid()
    db.session.add(UserIdentity(id=orcid, method="orcid", id_user=researcher.user.id))
    db.session.commit()
    response = researcher.post("/api/researchers", {**profile_data, "orcid": {"id": orcid}})
    assert response.status_code == 201, response.json
    profile_id = response.json["id"]
    response = as_user("coord", [COORD_BORAS]).post(
        f"/api/researchers/{profile_id}/actions/approve", {}
    )
    assert response.status_code == 200, response.json
    current_search.flush_and_refresh("researchers")
    return profile_id, orcid


def publish_works(user, orcid, count, word):
    """Publish ``count`` works naming ``orcid`` as creator, indexed in one bulk run."""
    identity = get_identity(user)
    identity.provides.add(authenticated_user)
    ids = []
    for number in range(count):
        data = record_data(f"{word} verk {number}")
        data["metadata"]["creators"][0]["person_or_org"]["identifiers"] = [
            {"scheme": "orcid", "identifier": orcid}
        ]
        ids.append(publish_unindexed(identity, data)._record.id)
    reindex_records(ids)


def profile_queries(client, profile_id):
    """SQL statements of one (warm) request of the profile page."""
    url = f"/researchers/{profile_id}"
    assert client.get(url).status_code == 200
    statements = []

    def count(*args):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        response = client.get(url)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert response.status_code == 200
    return len(statements), response.get_data(as_text=True)


def test_profile_sql_does_not_grow_with_works(
    app, client, as_user, profile_data, depositor, unique_word
):
    """5 works and 50 works (a full first page and more) issue the same number of queries."""
    profile_id, orcid = approved_profile(as_user, profile_data)
    publish_works(depositor, orcid, 5, unique_word)
    few, page = profile_queries(client, profile_id)
    assert page.count(unique_word) >= 5
    publish_works(depositor, orcid, 45, unique_word)
    many, page = profile_queries(client, profile_id)
    assert page.count(unique_word) >= 20
    assert many == few
