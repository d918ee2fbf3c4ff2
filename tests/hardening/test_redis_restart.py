"""Redis restarted under the running app: sessions may end, nothing else breaks."""

from invenio_accounts.testutils import login_user_via_session
from invenio_cache import current_cache

from helpers import deposit, record_data

from .faults import service


def test_app_works_after_restart(app, client, depositor, api_headers, unique_word):
    """After a restart, cache, search, deposit and pages work; a signed-in browser is either
    still signed in or sent to the login page, never shown an error."""
    # Its own application context, so the sign-in stays out of the suite's shared one.
    with app.app_context(), app.test_client() as browser:
        login_user_via_session(browser, user=depositor)
        assert browser.get("/me/uploads").status_code == 200
        current_cache.set(f"msi-{unique_word}", "före", timeout=60)

        service("restart", "redis")

        assert browser.get("/me/uploads").status_code in (200, 302)

    assert current_cache.get(f"msi-{unique_word}") in ("före", None)
    current_cache.set(f"msi-{unique_word}", "efter", timeout=60)
    assert current_cache.get(f"msi-{unique_word}") == "efter"
    assert client.get("/").status_code == 200
    assert client.get("/api/records", query_string={"q": "innovation"}).status_code == 200
    published = deposit(app.test_client(), api_headers, record_data(f"Redis {unique_word}"))
    assert published["is_published"]
