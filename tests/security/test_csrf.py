"""Every form of ours refuses a POST without its CSRF token, even from a signed-in user."""

import pytest
from invenio_accounts.testutils import login_user_via_session

FORMS = [
    "/researchers/apply",
    "/researchers/no-such-profile/edit",
    "/researchers/no-such-profile/decision",
    "/researchers/no-such-profile/orcid",
]


@pytest.mark.parametrize("url", FORMS)
def test_form_post_without_token_refused(app, depositor, url):
    """A signed-in POST without a token answers 400 (or 404 for an unknown profile), changing
    nothing."""
    with app.app_context(), app.test_client() as browser:
        login_user_via_session(browser, user=depositor)
        response = browser.post(url, data={"given_name": "Ada", "action": "import"})
    assert response.status_code in (400, 404)


def test_apply_without_token_refused(app, depositor):
    """The application form itself (no profile in the URL) answers exactly 400."""
    with app.app_context(), app.test_client() as browser:
        login_user_via_session(browser, user=depositor)
        response = browser.post("/researchers/apply", data={"given_name": "Ada"})
    assert response.status_code == 400


def test_login_without_token_does_not_sign_in(app, depositor):
    """The login form without its token signs nobody in."""
    with app.app_context(), app.test_client() as browser:
        response = browser.post("/login/", data={"email": depositor.email, "password": "x" * 12})
        assert response.status_code != 302
        assert browser.get("/account/settings/profile/").status_code != 200
