"""Who may do what: six kinds of caller against our endpoints, each cell checked.

Callers: anonymous, an authenticated stranger, the owner, the node's coordinator (role), a curator
of the node's community, and an administrator. Subjects: a researcher profile awaiting review at
the Borås node, and a restricted record with msi: fields.
"""

import uuid

import pytest
from invenio_access.permissions import system_identity
from invenio_communities.proxies import current_communities
from invenio_search import current_search

from helpers import Caller, deposit, new_user, record_data, refused, token_headers

ROLES = ["anonymous", "stranger", "owner", "coordinator", "curator", "admin"]
COORD_BORAS = "msi-coordinator-nod-boras"


@pytest.fixture(scope="module")
def users(app, database):
    """One account per role (the owner's is made per subject)."""
    curator = new_user(database, "curator")
    boras = current_communities.service.read(system_identity, "msi-boras")
    current_communities.service.members.add(
        system_identity,
        boras.id,
        {"members": [{"type": "user", "id": str(curator.id)}], "role": "curator"},
    )
    database.session.commit()
    return {
        "anonymous": None,
        "stranger": new_user(database, "stranger"),
        "coordinator": new_user(database, "coord", [COORD_BORAS]),
        "curator": curator,
        "admin": new_user(database, "admin", ["administration"]),
    }


def _profile_data(name):
    return {
        "given_name": "Matris",
        "family_name": name,
        "node": {"id": "nod-boras"},
        "expertise": ["behörigheter"],
        "bio": {"sv": "Prövar vem som får göra vad."},
        "contact": {"email": "matris@example.org", "public": False},
    }


def _pending_profile(client, database):
    """A fresh owner with a profile awaiting review; return (owner, profile id, name)."""
    owner = new_user(database, "owner")
    name = "msitest" + uuid.uuid4().hex[:10]
    response = Caller(client, owner).post("/api/researchers", _profile_data(name))
    assert response.status_code == 201, response.json
    current_search.flush_and_refresh("researchers")
    return owner, response.json["id"], name


def _caller(client, users, role, owner):
    return Caller(client, owner if role == "owner" else users[role])


def _allowed(response, ok=(200, 201, 204)):
    if response.status_code in ok:
        return True
    assert refused(response) or response.status_code == 404, (
        response.status_code,
        response.get_data(as_text=True)[:500],
    )
    return False


PROFILE_EXPECTED = {
    "read": {"owner", "coordinator", "curator", "admin"},
    "search": {"owner", "coordinator", "curator", "admin"},
    "update": {"owner", "admin"},
    "approve": {"coordinator", "curator", "admin"},
    "delete": {"owner", "admin"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(PROFILE_EXPECTED))
def test_researcher_profile_matrix(client, database, users, role, action):
    """Each role's right over a profile awaiting review, as the policy intends."""
    owner, profile_id, name = _pending_profile(client, database)
    caller = _caller(client, users, role, owner)
    url = f"/api/researchers/{profile_id}"
    if action == "read":
        allowed = _allowed(caller.get(url))
    elif action == "search":
        response = caller.get("/api/researchers", query_string={"q": name})
        assert response.status_code == 200
        allowed = profile_id in [hit["id"] for hit in response.json["hits"]["hits"]]
    elif action == "update":
        data = {**_profile_data(name), "expertise": ["ändrad"]}
        allowed = _allowed(caller.put(url, data))
    elif action == "approve":
        allowed = _allowed(caller.post(f"{url}/actions/approve", {"comment": "Ok"}))
    else:
        allowed = _allowed(caller.delete(url))
    assert allowed == (role in PROFILE_EXPECTED[action])


@pytest.mark.parametrize("role", [role for role in ROLES if role != "owner"])
def test_researcher_create(client, database, users, role):
    """Any signed-in account may apply for a profile; anonymous callers may not.

    There is no owner before the application: whoever applies becomes it.
    """
    caller = Caller(client, new_user(database, role) if role in ("stranger",) else users[role])
    data = _profile_data("msitest" + uuid.uuid4().hex[:10])
    assert _allowed(caller.post("/api/researchers", data)) == (role != "anonymous")


RECORD_EXPECTED = {"owner"}
"""Who sees a restricted record outside any community: its owner only. Upstream's policy gives the
``administration`` role no read of others' restricted records, and neither node coordinators nor
community curators see a record that was not submitted to their community."""


@pytest.fixture(scope="module")
def restricted(app, database):
    """A restricted record of the Borås node, with files, owned by a fresh account."""
    owner = new_user(database, "record-owner")
    word = "msitest" + uuid.uuid4().hex[:10]
    data = record_data(f"Begränsad {word}", access="restricted")
    data["custom_fields"] = {"msi:node": {"id": "nod-boras"}, "msi:project": "Matrisprojekt"}
    record = deposit(app.test_client(), token_headers(owner.token), data)
    return owner, record, word


@pytest.mark.parametrize("role", ROLES)
def test_restricted_record_matrix(client, users, restricted, role):
    """Read, search, export, film report and OAI-PMH of a restricted record, per role."""
    owner, record, word = restricted
    caller = _caller(client, users, role, owner)
    expected = role in RECORD_EXPECTED
    assert _allowed(caller.get(f"/api/records/{record['id']}")) == expected
    hits = caller.get("/api/records", query_string={"q": word}).json["hits"]
    assert (hits["total"] == 1) == expected
    assert _allowed(caller.get(f"/api/records/{record['id']}/film")) == expected
    if not expected:
        export = client.get(f"/records/{record['id']}/export/ris", headers=caller.headers)
        # The site sends callers without a session to the login page.
        assert export.status_code in (302, 401, 403, 404)
    # OAI-PMH is anonymous and serves public records only; restricted ones get no OAI identifier.
    assert "oai" not in record["pids"]
    oai = client.get(
        "/oai2d",
        query_string={
            "verb": "GetRecord",
            "identifier": f"oai:motesplatssocialinnovation.se:{record['id']}",
            "metadataPrefix": "oai_dc",
        },
    )
    assert "idDoesNotExist" in oai.get_data(as_text=True)
