"""The researcher pages: directory, profile, application form, review by a coordinator."""

import re
from contextlib import contextmanager

import pytest
from invenio_accounts.testutils import login_user_via_session
from invenio_search import current_search

from helpers import Caller

COORD_BORAS = "msi-coordinator-nod-boras"


@contextmanager
def visitor(app, user=None):
    """A test client with its own session and its own application context.

    The suite's application context is shared by every request of a test, and Flask-Login keeps the
    signed-in user on ``g``; a fresh context per visitor keeps one visitor's login from the next.
    """
    with app.app_context(), app.test_client() as client:
        if user is not None:
            login_user_via_session(client, user=user)
        yield client


def csrf(page):
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "no CSRF token on the form"
    return match.group(1)


def form_fields(profile_data, **extra):
    return {
        "given_name": profile_data["given_name"],
        "family_name": profile_data["family_name"],
        "node": "nod-boras",
        "themes": ["jamlik-folkhalsa"],
        "sdgs": ["sdg-11"],
        "affiliations": ["01fdxwh83"],
        "expertise": "medborgardialog\nsocial innovation",
        "bio_sv": "Forskar om medborgardialog.",
        "bio_en": "Researches civic dialogue.",
        "links": "Hemsida https://example.org/lina",
        "contact_email": "lina@example.org",
        **extra,
    }


def test_apply_through_the_form_and_get_approved(app, make_user, profile_data, mail_outbox):
    researcher, coordinator = make_user("researcher"), make_user("coord", [COORD_BORAS])
    with visitor(app, researcher) as client:
        page = client.get("/researchers/apply").get_data(as_text=True)
        assert 'name="family_name"' in page
        # A CSRF-less post is refused.
        assert client.post("/researchers/apply", data=form_fields(profile_data)).status_code == 400
        # An invalid ORCID iD shows the form again with the message, nothing is created.
        bad = form_fields(profile_data, orcid="0000-0002-1825-0098", csrf_token=csrf(page))
        response = client.post("/researchers/apply", data=bad)
        assert response.status_code == 400
        assert "inte ett giltigt ORCID iD" in response.get_data(as_text=True)
        good = form_fields(profile_data, csrf_token=csrf(page))
        response = client.post("/researchers/apply", data=good)
        assert response.status_code == 302
        profile_url = response.headers["Location"]
        profile_id = profile_url.rstrip("/").split("/")[-1]
        own = client.get(profile_url).get_data(as_text=True)
        assert profile_data["family_name"] in own
        assert "lina@example.org" in own  # the owner sees the hidden address
        # Applying again leads to the edit form of the same profile.
        again = client.get("/researchers/apply")
        assert again.status_code == 302 and profile_id in again.headers["Location"]

    current_search.flush_and_refresh("researchers")
    with visitor(app) as anonymous:
        assert anonymous.get(profile_url).status_code == 302  # to the login page

    with visitor(app, coordinator) as client:
        queue = client.get("/researchers/review").get_data(as_text=True)
        assert profile_id in queue
        page = client.get(profile_url).get_data(as_text=True)
        assert 'value="approve"' in page
        response = client.post(
            f"{profile_url}/decision",
            data={"decision": "approve", "comment": "Välkommen", "csrf_token": csrf(page)},
        )
        assert response.status_code == 302

    current_search.flush_and_refresh("researchers")
    with visitor(app) as anonymous:
        page = anonymous.get(profile_url).get_data(as_text=True)
        assert profile_data["family_name"] in page
        assert "lina@example.org" not in page  # hidden contact details
        assert 'value="approve"' not in page
        word = profile_data["family_name"].split()[-1]
        listing = anonymous.get(f"/researchers?q={word}").get_data(as_text=True)
        assert profile_id in listing


@pytest.fixture()
def mail_outbox(app):
    with app.extensions["mail"].record_messages() as outbox:
        yield outbox


def test_profile_page_is_bilingual_and_shows_works(app, client, make_user, profile_data, depositor):
    researcher = Caller(client, make_user("researcher"))
    profile = researcher.post("/api/researchers", profile_data).json
    response = Caller(client, make_user("coord", [COORD_BORAS])).post(
        f"/api/researchers/{profile['id']}/actions/approve", {}
    )
    assert response.status_code == 200, response.json
    current_search.flush_and_refresh("researchers")
    with visitor(app) as sv:
        response = sv.get(f"/researchers/{profile['id']}?ln=sv")
        assert response.status_code == 200
        page_sv = response.get_data(as_text=True)
    with visitor(app) as en:
        page_en = en.get(f"/researchers/{profile['id']}?ln=en").get_data(as_text=True)
    assert "Verk i arkivet" in page_sv and profile_data["bio"]["sv"] in page_sv
    assert "Works in the repository" in page_en and profile_data["bio"]["en"] in page_en
    assert "Jämlik folkhälsa" in page_sv and "Health equity" in page_en


def test_directory_filters_and_unknown_profile(client):
    page = client.get("/researchers?node=nod-boras")
    assert page.status_code == 200
    assert client.get("/researchers/nosuch-thing").status_code == 404
    assert client.get("/researchers?challenge=" + "x" * 3000).status_code == 200
