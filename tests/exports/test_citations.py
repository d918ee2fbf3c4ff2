"""Formatted citations: six styles, two locales, films and reports, bad input, the cache."""

from pathlib import Path

import pytest
from flask import current_app
from invenio_cache import current_cache

from msi_rdm.exports.formatted import cache_key
from msi_rdm.exports.styles import STYLES, style_path

BIBLIOGRAPHY = {"Accept": "text/x-bibliography"}


def _cite(client, record, style, locale=None, headers=BIBLIOGRAPHY):
    query = {"style": style, **({"locale": locale} if locale else {})}
    return client.get(f"/api/records/{record['id']}", query_string=query, headers=headers)


def names_directors(style):
    """Whether the style's CSL file cites directors at all (Harvard's and NLM's do not: they
    cite a film without an author by its title, as citeproc-js does)."""
    return "director" in Path(style_path(style)).read_text()


@pytest.mark.parametrize("style", list(STYLES))
def test_each_style_in_both_locales(client, cited, style):
    """Every style cites the report with its institution, and the film with its director
    where the style's CSL file names directors."""
    texts = {}
    director = "Regisson" if names_directors(style) else cited["word"]
    for kind, must_show in (("report", "Högskolan i Borås"), ("film", director)):
        for locale in ("sv-SE", "en-US"):
            response = _cite(client, cited[kind], style, locale)
            assert response.status_code == 200, response.data
            assert response.content_type.startswith("text/plain")
            text = response.get_data(as_text=True)
            assert cited["word"] in text and must_show in text, text
            texts[kind, locale] = text
    assert any(texts[kind, "sv-SE"] != texts[kind, "en-US"] for kind in ("report", "film"))


def test_directors_named_by_four_styles():
    """APA, Chicago, IEEE and MLA name a film's director; Harvard and Vancouver do not."""
    assert {style for style in STYLES if names_directors(style)} == {
        "apa",
        "chicago-author-date",
        "ieee",
        "modern-language-association",
    }


def test_swedish_and_english_terms(client, cited):
    """The locale changes the words around the data: Swedish for sv-SE, English for en-US."""
    swedish = _cite(client, cited["film"], "harvard-cite-them-right", "sv-SE").get_data(True)
    english = _cite(client, cited["film"], "harvard-cite-them-right", "en-US").get_data(True)
    assert "Tillgänglig vid" in swedish and "Available at" in english


def test_locale_follows_the_ui_language_english(client, cited):
    """Without a locale argument the request's language decides (here English)."""
    headers = {**BIBLIOGRAPHY, "Accept-Language": "en"}
    text = _cite(client, cited["film"], "harvard-cite-them-right", headers=headers)
    assert "Available at" in text.get_data(True)


def test_locale_follows_the_ui_language_swedish(client, cited):
    """Without a locale argument the request's language decides (here Swedish)."""
    headers = {**BIBLIOGRAPHY, "Accept-Language": "sv"}
    text = _cite(client, cited["film"], "harvard-cite-them-right", headers=headers)
    assert "Tillgänglig vid" in text.get_data(True)


@pytest.mark.parametrize(
    ("query", "message"),
    [({"style": "no-such-style"}, "Unknown citation style"), ({"locale": "de-DE"}, "locale")],
)
def test_bad_style_or_locale_is_a_clear_400(client, cited, query, message):
    """An unknown style or locale is refused with a message, not a server error."""
    response = client.get(
        f"/api/records/{cited['report']['id']}",
        query_string=query,
        headers={**BIBLIOGRAPHY, "Accept-Language": "en"},
    )
    assert response.status_code == 400
    assert message in response.json["message"]


def test_restricted_record_is_not_cited(client, cited):
    """Nobody without access gets the citation of a restricted record."""
    response = _cite(client, cited["restricted"], "apa", "sv-SE")
    assert response.status_code in (403, 404)
    assert cited["word"] not in response.get_data(as_text=True)


def test_citation_is_cached_on_revision_style_and_locale(client, api_headers, cited):
    """A repeated citation comes from the cache; a new revision is formatted afresh."""
    import json

    from helpers import refresh_indices

    record = client.get(f"/api/records/{cited['report']['id']}").json
    key = cache_key(record, "ieee", "en-US")
    first = _cite(client, record, "ieee", "en-US").get_data(as_text=True)
    assert current_cache.get(key) == first
    current_cache.set(key, "served from the cache")
    assert _cite(client, record, "ieee", "en-US").get_data(True) == "served from the cache"
    assert _cite(client, record, "ieee", "sv-SE").get_data(True) != "served from the cache"

    draft = client.post(f"/api/records/{record['id']}/draft", headers=api_headers).json
    draft["metadata"]["title"] = f"Ny titel {cited['word']}"
    client.put(f"/api/records/{record['id']}/draft", data=json.dumps(draft), headers=api_headers)
    response = client.post(
        f"/api/records/{record['id']}/draft/actions/publish", headers=api_headers
    )
    assert response.status_code == 202, response.json
    refresh_indices()
    text = _cite(client, record, "ieee", "en-US").get_data(as_text=True)
    assert "Ny titel" in text and text != "served from the cache"
    assert current_app.config["RDM_CITATION_STYLES_DEFAULT"] == "apa"


def test_warm_citation_costs_one_query(client, cited):
    """A cached citation of a public record is answered with a single SQL query."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    record = client.get(f"/api/records/{cited['film']['id']}").json
    expected = _cite(client, record, "apa", "en-US").get_data(as_text=True)
    statements = []

    def count(*args):
        statements.append(args[2])

    event.listen(Engine, "before_cursor_execute", count)  # every engine: /api is its own app
    try:
        response = _cite(client, record, "apa", "en-US")
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert response.get_data(as_text=True) == expected
    assert response.headers["ETag"] == f'"{record["revision_id"]}"'
    assert len(statements) == 1, statements


def test_cache_never_serves_restricted_or_deleted_records(client, cited, app):
    """A citation cached for a record that is restricted or deleted is not served from the cache."""
    from invenio_access.permissions import system_identity
    from invenio_db import db
    from invenio_pidstore.models import PersistentIdentifier
    from invenio_rdm_records.proxies import current_rdm_records_service
    from invenio_rdm_records.records.models import RDMRecordMetadata

    from helpers import refresh_indices

    hidden = cited["restricted"]
    with app.app_context():
        uuid = PersistentIdentifier.get("recid", hidden["id"]).object_uuid
        version = db.session.get(RDMRecordMetadata, uuid).version_id
    current_cache.set(
        cache_key({"id": hidden["id"], "revision_id": version - 1}, "apa", "sv-SE"), "leak"
    )
    response = _cite(client, hidden, "apa", "sv-SE")
    assert response.status_code in (403, 404) and b"leak" not in response.data

    film = cited["film"]
    current_rdm_records_service.delete_record(
        system_identity, film["id"], {"removal_reason": {"id": "spam"}, "is_visible": True}
    )
    refresh_indices()
    with app.app_context():
        uuid = PersistentIdentifier.get("recid", film["id"]).object_uuid
        version = db.session.get(RDMRecordMetadata, uuid).version_id
    current_cache.set(
        cache_key(
            {"id": film["id"], "revision_id": version - 1}, "modern-language-association", "sv-SE"
        ),
        "gone",
    )
    response = _cite(client, film, "modern-language-association", "sv-SE")
    assert b"gone" not in response.data
