"""What pages and forms read of vocabularies is remembered for one lifetime, and safely."""

import json
from unittest import mock

from invenio_access.permissions import system_identity

from helpers import (
    CountingStatements,
    deposit,
    record_data,
    token_headers,
)
from msi_rdm.researchers.works import public_identity
from msi_rdm.vocabularies.cache import forget_vocabularies


def test_landing_page_does_not_read_the_languages_vocabulary(app, client):
    """Caption languages are looked up as one types, so no page carries all ISO 639-3 names."""
    from invenio_app_rdm.records_ui.views.deposits import load_custom_fields

    fields = {
        field["field"]: field
        for section in app.config["RDM_CUSTOM_FIELDS_UI"]
        for field in section["fields"]
    }
    with app.test_request_context("/"):
        from flask import g

        g.identity = public_identity()
        loaded = load_custom_fields()
    assert (
        "options" not in fields["msi:caption_languages"]["props"]
        or not fields["msi:caption_languages"]["props"]["options"]
    )
    assert fields["msi:caption_languages"]["props"]["autocompleteFrom"].endswith("/languages")
    assert fields["msi:themes"]["props"]["options"]
    assert "msi:themes" in loaded["vocabularies"]


def test_vocabulary_options_are_read_again_after_their_ttl(app):
    """Option lists are reused within the TTL and read from the vocabulary afresh after it."""
    from invenio_vocabularies.proxies import current_service as vocabularies

    field = next(cf for cf in app.config["RDM_CUSTOM_FIELDS"] if cf.name == "msi:themes")
    forget_vocabularies()
    calls = []
    original = vocabularies.read_all

    def counting(*args, **kwargs):
        calls.append(kwargs.get("type"))
        return original(*args, **kwargs)

    with app.test_request_context("/"), mock.patch.object(vocabularies, "read_all", counting):
        first = field.options(system_identity)
        again = field.options(system_identity)
        assert first == again and calls == ["msithemes"]
        assert {"id", "title_l10n"} <= set(first[0])
        with mock.patch.dict(app.config, {"MSI_VOCABULARIES_TTL": 0}):
            field.options(system_identity)
        assert calls == ["msithemes", "msithemes"]


def test_landing_page_resolves_vocabulary_terms_once_per_ttl(app, client, depositor, unique_word):
    """A second view of a landing page reads no vocabulary term from the database; with the TTL
    at zero each view reads them again. The page shows the terms either way."""
    record = deposit(client, token_headers(depositor.token), record_data(f"{unique_word} sida"))
    url = f"/records/{record['id']}"
    forget_vocabularies()
    with CountingStatements() as first:
        assert client.get(url).status_code == 200
    assert first.pid_lookups("lng") and first.pid_lookups("rsrct")
    with CountingStatements() as second:
        page = client.get(url)
    assert page.status_code == 200
    assert not second.pid_lookups("lng") and not second.pid_lookups("rsrct")
    assert len(second.statements) <= len(first.statements) - 4
    text = page.get_data(as_text=True)
    assert "Swedish" in text or "Svenska" in text or "svenska" in text
    with mock.patch.dict(app.config, {"MSI_VOCABULARIES_TTL": 0}):
        with CountingStatements() as third:
            assert client.get(url).status_code == 200
    assert third.pid_lookups("lng")


def test_writes_resolve_vocabulary_terms_from_the_database(app, client, depositor, unique_word):
    """A deposit (POST) checks its terms against the database even when a page cached them."""
    headers = token_headers(depositor.token)
    record = deposit(client, headers, record_data(f"{unique_word} skriv"))
    assert client.get(f"/records/{record['id']}").status_code == 200  # terms now cached
    with CountingStatements() as writing:
        response = client.post(
            "/api/records", data=json.dumps(record_data(f"{unique_word} ny")), headers=headers
        )
    assert response.status_code == 201, response.json
    assert writing.pid_lookups("lng") and writing.pid_lookups("rsrct")


def test_a_page_changing_a_cached_term_changes_no_other_page(app, depositor, unique_word):
    """Each resolution hands out a copy of the remembered term, so an edit stays local."""
    from invenio_rdm_records.proxies import current_rdm_records

    client = app.test_client()
    record = deposit(client, token_headers(depositor.token), record_data(f"{unique_word} kopia"))
    forget_vocabularies()
    records = current_rdm_records.records_service

    def languages():
        with app.test_request_context("/", method="GET"):
            item = records.read(system_identity, record["id"])._record
            item.relations.dereference()
            return item["metadata"]["languages"]

    first = languages()
    first[0]["title"]["en"] = "changed by one page"
    again = languages()
    assert again[0]["id"] == "swe"
    assert again[0]["title"]["en"] == "Swedish"
