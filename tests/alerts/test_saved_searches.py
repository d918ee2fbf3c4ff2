"""Saving, changing and deleting searches: CSRF, refusals, the per-user limit."""

import pytest
from markupsafe import escape

from msi_rdm.alerts.models import SavedSearch

from .conftest import csrf, visitor


def saved(user):
    return SavedSearch.query.filter_by(user_id=user.id).order_by(SavedSearch.id).all()


def test_save_the_current_search(app, follower, unique_word):
    """The search page's form saves its query and facets with the chosen frequency."""
    with visitor(app, follower) as client:
        page = client.get(f"/search?q={unique_word}&f=theme:jamlik-folkhalsa").get_data(
            as_text=True
        )
        assert 'id="msi-save-search"' in page
        response = client.post(
            "/alerts/save",
            data={
                "csrf_token": csrf(page),
                "q": unique_word,
                "f": ["theme:jamlik-folkhalsa", "node:nod-hb"],
                "frequency": "daily",
            },
        )
        assert response.status_code == 302
        manage = client.get("/alerts").get_data(as_text=True)
    [search] = saved(follower)
    assert (search.search_query, search.facets, search.frequency) == (
        unique_word,
        [["theme", "jamlik-folkhalsa"], ["node", "nod-hb"]],
        "daily",
    )
    assert search.name == unique_word and search.active
    assert unique_word in manage


def test_saving_needs_the_forms_token_and_a_sign_in(app, follower, unique_word):
    """Without the CSRF token: 400 and nothing saved; signed out: sent to sign in."""
    with visitor(app, follower) as client:
        response = client.post("/alerts/save", data={"q": unique_word, "frequency": "daily"})
    assert response.status_code == 400
    assert saved(follower) == []
    with visitor(app) as client:
        assert client.get("/alerts").status_code in (302, 401)
        assert client.post("/alerts/save", data={"q": unique_word}).status_code in (302, 400, 401)
    assert saved(follower) == []


@pytest.mark.parametrize(
    ("query", "facets", "message"),
    [
        ("created:[2020-01-01 TO nonsense]", [], "cannot run as written"),
        ("samverkan AND created:>nonsense", [], "cannot run as written"),
        ("x" * 1001, [], "too long"),
        ("bra", ["colour:red"], "Unknown filter: colour"),
    ],
)
def test_refused_searches_say_why(app, follower, query, facets, message):
    """A query the search refuses, an over-long one or an unknown filter: 400 with the reason,
    the typed query kept in the form, nothing saved."""
    with visitor(app, follower) as client:
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
        token = csrf(client.get("/alerts").get_data(as_text=True))
        response = client.post(
            "/alerts/save",
            data={"csrf_token": token, "q": query, "f": facets, "frequency": "weekly"},
        )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert f'value="{str(escape(query))[:30]}' in page
    assert saved(follower) == []


def test_at_most_the_configured_number_of_searches(app, follower, monkeypatch):
    """Beyond MSI_ALERTS_MAX_SAVED a new search is refused with the limit named."""
    monkeypatch.setitem(app.config, "MSI_ALERTS_MAX_SAVED", 2)
    with visitor(app, follower) as client:
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
        token = csrf(client.get("/alerts").get_data(as_text=True))
        answers = [
            client.post("/alerts/save", data={"csrf_token": token, "q": f"ord{i}"})
            for i in range(3)
        ]
    assert [a.status_code for a in answers] == [302, 302, 400]
    assert "You already have 2 saved searches" in answers[2].get_data(as_text=True)
    assert [s.search_query for s in saved(follower)] == ["ord0", "ord1"]


def test_change_and_delete_only_ones_own(app, database, follower, unique_word):
    """The owner changes the frequency and deletes; another user gets 404 and changes nothing."""
    from helpers import new_user

    other = new_user(database, "other")
    with visitor(app, follower) as client:
        token = csrf(client.get("/alerts").get_data(as_text=True))
        client.post("/alerts/save", data={"csrf_token": token, "q": unique_word})
    [search] = saved(follower)
    with visitor(app, other) as client:
        token = csrf(client.get("/alerts").get_data(as_text=True))
        stranger = client.post(
            f"/alerts/{search.id}", data={"csrf_token": token, "frequency": "daily"}
        )
        assert stranger.status_code == 404
        assert (
            client.post(f"/alerts/{search.id}/delete", data={"csrf_token": token}).status_code
            == 404
        )
    database.session.expire_all()
    assert saved(follower)[0].frequency == "weekly"
    with visitor(app, follower) as client:
        token = csrf(client.get("/alerts").get_data(as_text=True))
        assert (
            client.post(
                f"/alerts/{search.id}", data={"csrf_token": token, "frequency": "monthly"}
            ).status_code
            == 302
        )
        database.session.expire_all()
        assert saved(follower)[0].frequency == "monthly"
        assert (
            client.post(f"/alerts/{search.id}/delete", data={"csrf_token": token}).status_code
            == 302
        )
    assert saved(follower) == []
