"""Every string of ours has a Swedish translation, and the compiled catalog is what the UI uses."""

import subprocess
from pathlib import Path

from babel.messages.pofile import read_po
from flask_babel import force_locale
from invenio_i18n import gettext

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "site/msi_rdm/translations"


def test_every_message_has_a_swedish_translation(tmp_path):
    """Messages extracted from the code now all have a non-empty Swedish translation."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            ROOT / ".venv/bin/pybabel",
            "extract",
            "-F",
            ROOT / "babel.ini",
            "-k",
            "lazy_gettext",
            "-k",
            "_",
            "-o",
            pot,
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    wanted = {m.id for m in read_po(pot.open("rb")) if m.id}
    with (TRANSLATIONS / "sv/LC_MESSAGES/messages.po").open("rb") as handle:
        swedish = {m.id: m.string for m in read_po(handle) if m.id and not m.fuzzy}
    untranslated = sorted(i for i in wanted if not swedish.get(i))
    assert untranslated == []


def test_swedish_is_the_default_and_english_available(app):
    """The UI speaks Swedish by default; English is offered too."""
    assert app.config["BABEL_DEFAULT_LOCALE"] == "sv"
    assert [code for code, _ in app.config["I18N_LANGUAGES"]] == ["en"]
    with app.test_request_context("/"):
        assert gettext("Reports") == "Rapporter"
        with force_locale("en"):
            assert gettext("Reports") == "Reports"


def test_one_users_language_leaves_everyone_elses_alone(app, database):
    """An account that chooses English and another time zone, through its preferences or the
    users' REST API schema, keeps Swedish and Stockholm the defaults of every other visitor;
    a language the site does not offer is refused."""
    import pytest
    from invenio_accounts.models import User
    from invenio_users_resources.proxies import current_users_service

    from helpers import new_user

    user = new_user(database, "english")
    with app.app_context():
        account = database.session.get(User, user.id)
        chosen = {"locale": "en", "timezone": "Europe/London"}
        account.preferences = {**(account.preferences or {}), **chosen}
        database.session.commit()
        assert app.config["BABEL_DEFAULT_LOCALE"] == "sv"
        loaded = current_users_service.schema.schema().load(
            {"preferences": chosen}, partial=True, unknown="exclude"
        )
        assert loaded["preferences"] == chosen
        with pytest.raises(ValueError, match="Välj ett av webbplatsens språk"):
            account.preferences = {**account.preferences, "locale": "de"}
        database.session.rollback()
    assert app.config["BABEL_DEFAULT_LOCALE"] == "sv"
    assert app.config["BABEL_DEFAULT_TIMEZONE"] == "Europe/Stockholm"
    with app.app_context(), app.test_client() as visitor:
        page = visitor.get("/").get_data(as_text=True)
    assert '<html lang="sv"' in page
    assert "Rapporter" in page


def test_api_refusals_speak_the_callers_language(app, client, api_headers):
    """Bad bodies and bad file names are refused in Swedish by default and in English on
    request, like the rest of the site."""
    from msi_rdm.hardening.errors import search_unavailable
    from msi_rdm.hardening.uploads import file_key_error

    for language, expected in (
        ("sv", "Anropets innehåll är inte giltig JSON."),
        ("en", "The request body is not valid JSON."),
    ):
        headers = {**api_headers, "Accept-Language": language}
        response = client.post("/api/records", data="{inte json", headers=headers)
        assert response.status_code == 400
        assert response.json["message"] == expected
        response = client.post("/api/records", data="[1, 2]", headers=headers)
        assert response.status_code == 400
        assert response.json["message"] != expected and response.json["message"]
    with app.test_request_context("/", headers={"Accept-Language": "sv"}):
        assert file_key_error("a/b.pdf") == "Filnamnet får inte innehålla '/' eller '\\'."
        longest = app.config["FILES_REST_OBJECT_KEY_MAX_LEN"]
        assert file_key_error("x" * (longest + 1)).endswith(f"än {longest} tecken.")
        assert search_unavailable(None).json["message"].startswith("Sökningen är tillfälligt")
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert file_key_error("..") == "File name must not be empty, '.' or '..'."
        assert search_unavailable(None).json["message"].startswith("Search is temporarily")
