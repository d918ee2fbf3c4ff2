"""A researcher's works (by verified ORCID iD and by claim), co-authors, autocompletion, experts."""

import pytest
from fakes.orcid_helpers import random_orcid
from invenio_db import db
from invenio_oauthclient.models import UserIdentity
from invenio_search import current_search

from helpers import Caller, deposit, record_data
from msi_rdm.researchers.proxies import current_researchers_service

COORD_BORAS = "msi-coordinator-nod-boras"


def refresh():
    current_search.flush_and_refresh("researchers")
    current_search.flush_and_refresh("rdmrecords")
    current_search.flush_and_refresh("names")


def link_orcid(user, orcid):
    """What an ORCID sign-in leaves behind: the account's ORCID identity."""
    db.session.add(UserIdentity(id=orcid, method="orcid", id_user=user.id))
    db.session.commit()


@pytest.fixture()
def affiliated(as_user, profile_data):
    """``affiliated(**changes)`` → (caller, profile): an approved researcher with a linked iD."""
    coordinator = as_user("coord", [COORD_BORAS])

    def make(link=True, **changes):
        researcher = as_user("researcher")
        orcid = random_orcid()
        if link:
            link_orcid(researcher.user, orcid)
        data = {**profile_data, "orcid": {"id": orcid}, **changes}
        response = researcher.post("/api/researchers", data)
        assert response.status_code == 201, response.json
        profile = response.json
        response = coordinator.post(f"/api/researchers/{profile['id']}/actions/approve", {})
        assert response.status_code == 200, response.json
        refresh()
        return researcher, response.json

    return make


def creator(orcid, family="Ek"):
    return {
        "person_or_org": {
            "type": "personal",
            "given_name": "Lina",
            "family_name": family,
            "identifiers": [{"scheme": "orcid", "identifier": orcid}],
        }
    }


def publish(client, depositor, title, creators, access="public", description=None):
    data = record_data(title, access=access)
    data["metadata"]["creators"] = creators
    if description:
        data["metadata"]["description"] = description
    headers = Caller(client, depositor).headers
    return deposit(client, headers, data)


def ranked(as_user, challenge):
    """The directory's researcher ids, best first, for ``challenge`` asked anonymously."""
    response = as_user(None).get("/api/researchers", query_string={"challenge": challenge})
    assert response.status_code == 200, response.json
    return [hit["id"] for hit in response.json["hits"]["hits"]]


def work_ids(caller, profile_id):
    response = caller.get(f"/api/researchers/{profile_id}/works")
    assert response.status_code == 200, response.json
    return [hit["id"] for hit in response.json["hits"]["hits"]]


def test_linked_orcid_is_verified_and_unverified_is_not(affiliated):
    _, verified = affiliated()
    assert verified["orcid"]["verified"] is True
    _, unverified = affiliated(link=False)
    assert unverified["orcid"]["verified"] is False


def test_an_orcid_linked_to_another_account_cannot_be_claimed(as_user, profile_data, make_user):
    holder = make_user("holder")
    orcid = random_orcid()
    link_orcid(holder, orcid)
    response = as_user("claimer").post("/api/researchers", {**profile_data, "orcid": {"id": orcid}})
    assert response.status_code == 400
    assert "linked to another account" in str(response.json)


def test_linking_and_unlinking_follow_the_account(as_user, profile_data):
    researcher = as_user("researcher")
    orcid = random_orcid()
    response = researcher.post("/api/researchers", {**profile_data, "orcid": {"id": orcid}})
    url = f"/api/researchers/{response.json['id']}"
    assert response.json["orcid"]["verified"] is False
    link_orcid(researcher.user, orcid)
    current_researchers_service.set_orcid_verified(researcher.user.id, orcid, True)
    assert researcher.get(url).json["orcid"] == {"id": orcid, "verified": True}
    current_researchers_service.set_orcid_verified(researcher.user.id, orcid, False)
    assert researcher.get(url).json["orcid"] == {"id": orcid, "verified": False}


def test_works_list_grows_when_a_record_with_the_id_is_published(
    affiliated, client, depositor, as_user
):
    researcher, profile = affiliated()
    orcid = profile["orcid"]["id"]
    assert work_ids(as_user(None), profile["id"]) == []
    first = publish(client, depositor, "Medborgardialog i Borås", [creator(orcid)])
    assert work_ids(as_user(None), profile["id"]) == [first["id"]]
    second = publish(
        client, depositor, "Sociala investeringar", [creator(random_orcid()), creator(orcid)]
    )
    assert set(work_ids(as_user(None), profile["id"])) == {first["id"], second["id"]}
    # A record of someone else is not on the list.
    publish(client, depositor, "Annan forskare", [creator(random_orcid())])
    assert len(work_ids(as_user(None), profile["id"])) == 2


def test_restricted_works_are_hidden_from_those_who_may_not_see_them(
    affiliated, client, depositor, as_user
):
    _, profile = affiliated()
    hidden = publish(
        client, depositor, "Intern rapport", [creator(profile["orcid"]["id"])], access="restricted"
    )
    assert hidden["id"] not in work_ids(as_user(None), profile["id"])
    assert hidden["id"] in work_ids(Caller(client, depositor), profile["id"])


def test_unverified_ids_do_not_collect_works_but_claims_do(affiliated, client, depositor, as_user):
    researcher, profile = affiliated(link=False)
    record = publish(client, depositor, "Obekräftad", [creator(profile["orcid"]["id"])])
    assert work_ids(as_user(None), profile["id"]) == []
    url = f"/api/researchers/{profile['id']}"
    data = {k: v for k, v in researcher.get(url).json.items() if k not in ("links",)}
    response = researcher.put(url, {**data, "claimed_works": [record["id"]]})
    assert response.status_code == 200, response.json
    assert work_ids(as_user(None), profile["id"]) == [record["id"]]


def test_coauthors_inside_the_network(affiliated, client, depositor, as_user):
    _, anna = affiliated(family_name="Anna Coauthor")
    _, bo = affiliated(family_name="Bo Coauthor")
    outsider = random_orcid()
    for title in ("Samverkan ett", "Samverkan två"):
        publish(
            client,
            depositor,
            title,
            [creator(anna["orcid"]["id"]), creator(bo["orcid"]["id"]), creator(outsider)],
        )
    response = as_user(None).get(f"/api/researchers/{anna['id']}/coauthors")
    people = response.json["hits"]["hits"]
    assert [(p["id"], p["shared_works"]) for p in people] == [(bo["id"], 2)]


def test_approved_researchers_are_offered_as_creators(affiliated, as_user, unique_word):
    """The deposit form's creator field (names suggestions) offers them with iD and affiliation."""
    _, profile = affiliated(family_name=unique_word)
    refresh()
    depositor = as_user("depositor")
    response = depositor.get("/api/names", query_string={"suggest": unique_word})
    hits = response.json["hits"]["hits"]
    assert len(hits) == 1
    assert hits[0]["identifiers"] == [{"scheme": "orcid", "identifier": profile["orcid"]["id"]}]
    assert hits[0]["affiliations"][0]["name"]


def test_find_an_expert_by_profile_and_by_works(
    affiliated, client, depositor, as_user, unique_word
):
    """A challenge finds the researcher whose profile says it and the one whose works say it."""
    topic_profile, topic_works = f"hemlosh{unique_word}", f"vrak{unique_word}"
    _, by_profile = affiliated(expertise=[topic_profile])
    _, by_works = affiliated(expertise=["annat"])
    _, unrelated = affiliated(expertise=["något helt annat"])
    publish(
        client,
        depositor,
        "Rapport om kustens framtid",
        [creator(by_works["orcid"]["id"])],
        description=f"Studien handlar om {topic_works} längs kusten.",
    )
    refresh()

    assert ranked(as_user, topic_profile) == [by_profile["id"]]
    assert ranked(as_user, f"Hur hanterar vi {topic_works}?")[:1] == [by_works["id"]]
    both = ranked(as_user, f"{topic_profile} och {topic_works}")
    assert both == [by_profile["id"], by_works["id"]] or both == [by_works["id"], by_profile["id"]]
    assert unrelated["id"] not in both
    too_long = as_user(None).get("/api/researchers", query_string={"challenge": "x" * 2001})
    assert too_long.status_code == 400


def test_find_an_expert_says_why_each_researcher_ranks(
    affiliated, client, depositor, as_user, unique_word
):
    """Each ranked profile names the themes, terms and works the challenge matched (API, page)."""
    term, work_word = f"bostad{unique_word}", f"hamn{unique_word}"
    _, expert = affiliated(
        expertise=[f"{term} i förorten", "något annat"],
        bio={"sv": f"Hon forskar om {work_word} och boende.", "en": "Researches housing."},
    )
    work = publish(
        client,
        depositor,
        f"Rapport om {work_word} och folkhälsa",
        [creator(expert["orcid"]["id"])],
        description=f"Studien handlar om {work_word}.",
    )
    refresh()
    challenge = f"Hur gör vi {term} och {work_word} till en fråga om jämlik folkhälsa?"

    response = as_user(None).get("/api/researchers", query_string={"challenge": challenge})
    assert response.status_code == 200, response.json
    hit = next(h for h in response.json["hits"]["hits"] if h["id"] == expert["id"])
    match = hit["match"]
    assert [t["id"] for t in match["themes"]] == ["jamlik-folkhalsa"]
    assert match["terms"][0] == f"{term} i förorten"
    assert work_word in match["terms"] and "något annat" not in match["terms"]
    assert match["works"] == [{"id": work["id"], "title": work["metadata"]["title"]}]

    plain = as_user(None).get("/api/researchers", query_string={"q": term})
    assert all("match" not in h for h in plain.json["hits"]["hits"])

    page = client.get("/researchers", query_string={"challenge": challenge})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    reasons = html[html.index(expert["name"]) :].split("</article>")[0]
    assert "msi-match" in reasons
    assert "Jämlik folkhälsa" in reasons
    assert f"{term} i förorten" in reasons
    assert f'href="/records/{work["id"]}"' in reasons


def test_function_words_rank_nobody(affiliated, client, depositor, as_user, unique_word):
    """ "och", "hur", "vi" match every Swedish text: they neither rank nor add anyone by works."""
    topic = f"samhall{unique_word}"
    _, expert = affiliated(expertise=[topic])
    _, chatty = affiliated(expertise=["annat"])
    for n in range(3):
        publish(
            client,
            depositor,
            f"Rapport {n} och mer och annat",
            [creator(chatty["orcid"]["id"])],
            description="Om det och det, och hur vi och ni gör det och annat.",
        )
    refresh()

    assert ranked(as_user, "och hur vi") == []
    assert ranked(as_user, f"Hur kan vi och ni {topic}?") == [expert["id"]]


def test_a_profile_outranks_works_on_the_same_challenge(
    affiliated, client, depositor, as_user, unique_word
):
    """Works count at most half as much as the profile that describes the challenge best."""
    topic = f"kustnara{unique_word}"
    # Named once in the bio: a profile match of lower score than a unique expertise term.
    bio = {"sv": f"Forskar om {topic} i kommuner.", "en": "Researches coastal municipalities."}
    _, by_profile = affiliated(expertise=["annat"], bio=bio)
    _, by_works = affiliated(expertise=["annat"])
    for n in range(3):
        publish(
            client,
            depositor,
            f"{topic}: {topic} i praktiken, del {n}",
            [creator(by_works["orcid"]["id"])],
            description=f"Om {topic}, {topic} och åter {topic}.",
        )
    refresh()
    assert ranked(as_user, topic) == [by_profile["id"], by_works["id"]]
