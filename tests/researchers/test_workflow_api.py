"""Researcher profiles over REST: apply, review, publish, and who may do what."""

import pytest
from invenio_search import current_search

from helpers import refused

COORD_BORAS = "msi-coordinator-nod-boras"
COORD_UMEA = "msi-coordinator-nod-umea"


def refresh():
    current_search.flush_and_refresh("researchers")


@pytest.fixture()
def mail(app):
    with app.extensions["mail"].record_messages() as outbox:
        yield outbox


def unique_name(profile_data):
    """The test's unique word, which only its own profile carries."""
    return profile_data["family_name"].split()[-1]


def apply(caller, data):
    response = caller.post("/api/researchers", data)
    assert response.status_code == 201, response.json
    refresh()
    return response.json


def test_application_is_private_until_approved(as_user, profile_data, mail):
    """An application is seen by its owner and the node's coordinators, not by the public."""
    researcher = as_user("researcher")
    coordinator = as_user("coord", [COORD_BORAS])
    profile = apply(researcher, profile_data)
    assert profile["status"] == "applied"
    assert profile["name"] == f"{profile_data['family_name']}, Lina"
    assert profile["node"]["title"]["sv"] == "MSI Borås"
    assert profile["affiliations"][0]["name"]
    url = f"/api/researchers/{profile['id']}"

    anonymous, stranger = as_user(None), as_user("stranger")
    other_node = as_user("coord-umea", [COORD_UMEA])
    for caller in (anonymous, stranger, other_node):
        assert caller.get(url).status_code == 403
        hits = caller.get("/api/researchers", query_string={"q": unique_name(profile_data)}).json
        assert hits["hits"]["total"] == 0
    for caller in (researcher, coordinator):
        assert caller.get(url).status_code == 200
        hits = caller.get("/api/researchers", query_string={"q": unique_name(profile_data)}).json
        assert [h["id"] for h in hits["hits"]["hits"]] == [profile["id"]]

    # The node's coordinators were told, in Swedish and English.
    to_coordinator = [m for m in mail if coordinator.user.email in m.recipients]
    assert len(to_coordinator) == 1
    assert "ansöker" in to_coordinator[0].body and "applies" in to_coordinator[0].body
    assert profile["id"] in to_coordinator[0].body


def test_coordinator_approves_and_profile_becomes_public(as_user, profile_data, mail):
    researcher = as_user("researcher")
    coordinator = as_user("coord", [COORD_BORAS])
    profile = apply(researcher, profile_data)
    url = f"/api/researchers/{profile['id']}"

    response = coordinator.post(f"{url}/actions/approve", {"comment": "Välkommen!"})
    assert response.status_code == 200, response.json
    assert response.json["status"] == "affiliated"
    refresh()
    public = as_user(None).get(url)
    assert public.status_code == 200
    assert public.json["status"] == "affiliated"
    unique = profile_data["family_name"].split()[-1]
    hits = as_user(None).get("/api/researchers", query_string={"q": unique}).json
    assert profile["id"] in [h["id"] for h in hits["hits"]["hits"]]
    # The review history and the owner are not public; the owner sees them.
    assert "review" not in public.json and "owner" not in public.json
    history = researcher.get(url).json["review"]
    assert [e["action"] for e in history] == ["applied", "approved"]
    assert history[-1]["comment"] == "Välkommen!"
    decision = [m for m in mail if researcher.user.email in m.recipients]
    assert len(decision) == 1
    assert "Välkommen!" in decision[0].body
    assert "approved your application" in decision[0].body


@pytest.mark.parametrize("who", ["owner", "stranger", "other-node", "anonymous"])
def test_only_coordinators_review(as_user, profile_data, who):
    """Owner, stranger, another node's coordinator, anonymous: 403 and nothing changes."""
    researcher = as_user("researcher")
    profile = apply(researcher, profile_data)
    caller = {
        "owner": researcher,
        "stranger": as_user("stranger"),
        "other-node": as_user("coord-umea", [COORD_UMEA]),
        "anonymous": as_user(None),
    }[who]
    url = f"/api/researchers/{profile['id']}"
    for action in ("approve", "decline"):
        response = caller.post(f"{url}/actions/{action}", {"comment": "x"})
        assert refused(response), (action, response.json)
    assert researcher.get(url).json["status"] == "applied"


def test_community_curator_and_admin_review(as_user, profile_data, app, database):
    """The node community's curators coordinate it too, and administrators may review anywhere."""
    from invenio_access.permissions import system_identity
    from invenio_communities.proxies import current_communities

    curator = as_user("curator")
    community = current_communities.service.read(system_identity, "msi-boras")
    current_communities.service.members.add(
        system_identity,
        community.id,
        data={"members": [{"type": "user", "id": str(curator.user.id)}], "role": "curator"},
    )
    database.session.commit()
    first = apply(as_user("researcher"), profile_data)
    response = curator.post(f"/api/researchers/{first['id']}/actions/approve", {})
    assert response.status_code == 200, response.json

    admin = as_user("admin", ["administration"])
    second = apply(as_user("researcher"), {**profile_data, "node": {"id": "nod-umea"}})
    response = admin.post(
        f"/api/researchers/{second['id']}/actions/decline", {"comment": "Ej forskare."}
    )
    assert response.status_code == 200, response.json
    assert response.json["status"] == "declined"


def test_decline_needs_a_comment_and_editing_reapplies(as_user, profile_data):
    researcher = as_user("researcher")
    coordinator = as_user("coord", [COORD_BORAS])
    profile = apply(researcher, profile_data)
    url = f"/api/researchers/{profile['id']}"
    response = coordinator.post(f"{url}/actions/decline", {})
    assert response.status_code == 400
    assert "comment" in str(response.json)
    assert researcher.get(url).json["status"] == "applied"

    response = coordinator.post(
        f"{url}/actions/decline", {"comment": "Saknar koppling till noden."}
    )
    assert response.json["status"] == "declined"
    # Approving a declined application is refused.
    assert coordinator.post(f"{url}/actions/approve", {}).status_code == 400

    response = researcher.put(url, {**profile_data, "expertise": ["tjänstedesign"]})
    assert response.status_code == 200, response.json
    assert response.json["status"] == "applied"
    assert response.json["expertise"] == ["tjänstedesign"]


def test_owner_edits_others_cannot(as_user, profile_data):
    researcher = as_user("researcher")
    profile = apply(researcher, profile_data)
    url = f"/api/researchers/{profile['id']}"
    changed = {**profile_data, "given_name": "Elin"}
    for caller in (as_user("stranger"), as_user("coord", [COORD_BORAS]), as_user(None)):
        assert refused(caller.put(url, changed))
    assert researcher.get(url).json["given_name"] == "Lina"
    # Status and history are not the owner's to set.
    response = researcher.put(url, {**changed, "status": "affiliated", "review": []})
    assert response.status_code == 200
    assert response.json["given_name"] == "Elin"
    assert response.json["status"] == "applied"
    assert len(response.json["review"]) == 1


def test_one_profile_per_account(as_user, profile_data):
    researcher = as_user("researcher")
    apply(researcher, profile_data)
    response = researcher.post("/api/researchers", profile_data)
    assert response.status_code == 400
    assert "already" in str(response.json)


def test_anonymous_cannot_apply(as_user, profile_data):
    assert refused(as_user(None).post("/api/researchers", profile_data))


@pytest.mark.parametrize(
    "change, field",
    [
        ({"orcid": {"id": "0000-0002-1825-0098"}}, "orcid"),  # wrong check digit
        ({"orcid": {"id": "0000-0002-1825"}}, "orcid"),
        ({"orcid": {"id": "<script>alert(1)</script>"}}, "orcid"),
        ({"node": {"id": "nod-atlantis"}}, "node"),
        ({"themes": [{"id": "no-such-theme"}]}, "themes"),
        ({"sdgs": [{"id": "sdg-99"}]}, "sdgs"),
        ({"affiliations": [{"id": "no-such-org"}]}, "affiliations"),
        ({"family_name": ""}, "family_name"),
        ({"websites": [{"url": "javascript:alert(1)"}]}, "websites"),
        ({"contact": {"email": "not-an-address"}}, "contact"),
        ({"claimed_works": ["abcde-12345"]}, "claimed_works"),
        ({"claimed_works": ["zzzzz-zzzz"]}, "claimed_works"),
        ({"expertise": "not a list"}, "expertise"),
    ],
)
def test_bad_input_is_refused(as_user, profile_data, change, field):
    """A clear 400 naming the field; no profile is created."""
    researcher = as_user("researcher")
    response = researcher.post("/api/researchers", {**profile_data, **change})
    assert response.status_code == 400, response.json
    assert field in str(response.json), response.json
    refresh()
    hits = researcher.get("/api/researchers", query_string={"q": unique_name(profile_data)}).json
    assert hits["hits"]["total"] == 0


def test_valid_orcid_forms_are_normalised(as_user, profile_data):
    researcher = as_user("researcher")
    profile = apply(
        researcher, {**profile_data, "orcid": {"id": "https://orcid.org/0000-0002-1825-0097"}}
    )
    assert profile["orcid"] == {"id": "0000-0002-1825-0097", "verified": False}


def test_contact_details_hidden_unless_public(as_user, profile_data):
    researcher = as_user("researcher")
    coordinator = as_user("coord", [COORD_BORAS])
    profile = apply(researcher, profile_data)
    url = f"/api/researchers/{profile['id']}"
    coordinator.post(f"{url}/actions/approve", {})
    refresh()
    assert "contact" not in as_user(None).get(url).json
    assert researcher.get(url).json["contact"]["email"] == "lina@example.org"
    hits = as_user(None).get("/api/researchers", query_string={"q": unique_name(profile_data)}).json
    assert "contact" not in hits["hits"]["hits"][0]
    # Nor can the hidden address be searched for.
    query = 'contact.email:"lina@example.org"'
    hits = as_user(None).get("/api/researchers", query_string={"q": query}).json
    assert profile["id"] not in [h["id"] for h in hits["hits"]["hits"]]

    researcher.put(url, {**profile_data, "contact": {"email": "lina@example.org", "public": True}})
    assert as_user(None).get(url).json["contact"]["email"] == "lina@example.org"


def test_script_in_text_is_kept_as_text_and_escaped(as_user, profile_data, client):
    """Markup typed into a profile is text: stored as typed, escaped on every page that shows it."""
    researcher = as_user("researcher")
    evil = "<script>alert(1)</script>"
    profile = apply(
        researcher,
        {**profile_data, "given_name": f"{evil}Lina", "expertise": [evil], "bio": {"sv": evil}},
    )
    assert profile["given_name"] == f"{evil}Lina"
    as_user("coord", [COORD_BORAS]).post(f"/api/researchers/{profile['id']}/actions/approve", {})
    refresh()
    for url in (f"/researchers/{profile['id']}", f"/researchers?q={unique_name(profile_data)}"):
        page = client.get(url).get_data(as_text=True)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
        assert evil not in page, url


def test_retire_keeps_profile_public_as_former(as_user, profile_data, mail):
    researcher = as_user("researcher")
    coordinator = as_user("coord", [COORD_BORAS])
    profile = apply(researcher, profile_data)
    url = f"/api/researchers/{profile['id']}"
    assert researcher.post(f"{url}/actions/retire", {}).status_code == 400  # not yet affiliated
    coordinator.post(f"{url}/actions/approve", {})
    assert as_user("stranger").post(f"{url}/actions/retire", {}).status_code == 403
    response = researcher.post(f"{url}/actions/retire", {})
    assert response.status_code == 200
    assert as_user(None).get(url).json["status"] == "former"


def test_facets(as_user, profile_data):
    researcher = as_user("researcher")
    profile = apply(researcher, profile_data)
    as_user("coord", [COORD_BORAS]).post(f"/api/researchers/{profile['id']}/actions/approve", {})
    refresh()
    response = as_user(None).get(
        "/api/researchers",
        query_string={
            "node": "nod-boras",
            "theme": "jamlik-folkhalsa",
            "q": unique_name(profile_data),
        },
    )
    assert profile["id"] in [h["id"] for h in response.json["hits"]["hits"]]
    aggs = response.json["aggregations"]
    assert {"node", "theme", "sdg", "expertise"} <= set(aggs)
    labels = {b["key"]: b["label"] for b in aggs["node"]["buckets"]}
    assert labels["nod-boras"] == "MSI Borås"
    other = (
        as_user(None)
        .get("/api/researchers", query_string={"node": "nod-umea", "q": unique_name(profile_data)})
        .json
    )
    assert profile["id"] not in [h["id"] for h in other["hits"]["hits"]]
