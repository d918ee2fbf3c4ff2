"""Full text in search: stemmed Swedish matches, phrases, highlights, and no leaks."""

import json
from datetime import UTC, date, datetime, timedelta

from invenio_access.permissions import system_identity
from invenio_db import db
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import deposit, record_data, refresh_indices
from msi_rdm.demo.files import make_pdf
from msi_rdm.fulltext.models import ExtractionStatus, FulltextModel


def _report(client, headers, tmp_path, title, body, files_access="public"):
    pdf = make_pdf(tmp_path / "rapport.pdf", "Rapport", [body])
    data = record_data(title, files=True)
    data["access"]["files"] = files_access
    return deposit(client, headers, data, {"rapport.pdf": pdf.read_bytes()})


def _search(client, query, headers=None):
    response = client.get("/api/records", query_string={"q": query}, headers=headers or {})
    assert response.status_code == 200
    return response.json["hits"]


def test_word_inside_pdf_found_by_stemmed_query(client, api_headers, unique_word, tmp_path):
    """A word only in the PDF, inflected, is found by its base form, with a marked snippet."""
    body = f"Kommunerna beskriver {unique_word}innovationer som en del av välfärden."
    record = _report(client, api_headers, tmp_path, "Rapport utan ordet i titeln", body)
    hits = _search(client, f"{unique_word}innovation")
    assert hits["total"] == 1
    hit = hits["hits"][0]
    assert hit["id"] == record["id"]
    snippet = " ".join(hit["highlight"]["fulltext"])
    assert f"<mark>{unique_word}innovationer</mark>" in snippet
    assert "msi_search" not in hit
    assert "välfärden" not in json.dumps({k: v for k, v in hit.items() if k != "highlight"})


def test_inflected_forms_match(client, api_headers, unique_word, tmp_path):
    """'samverkans' is found by 'samverkan' and 'innovationer' by 'innovation'."""
    body = f"{unique_word} samverkans betydelse för sociala innovationer."
    _report(client, api_headers, tmp_path, f"Rapport {unique_word}", body)
    assert _search(client, f"{unique_word} AND samverkan AND innovation")["total"] == 1


def test_phrase_query_is_exact(client, api_headers, unique_word, tmp_path):
    """A quoted phrase matches the exact words only, not their stems."""
    body = f"Ett {unique_word} samverkans arbete i kommunen."
    _report(client, api_headers, tmp_path, "Frasrapport", body)
    assert _search(client, f'"{unique_word} samverkans arbete"')["total"] == 1
    assert _search(client, f'"{unique_word} samverkan arbete"')["total"] == 0


def test_restricted_file_text_never_leaks(client, api_headers, unique_word, tmp_path):
    """A restricted file's words find nothing anonymously and show in no snippet; lifting the
    restriction makes them findable."""
    body = f"Konfidentiellt underlag {unique_word}."
    record = _report(
        client, api_headers, tmp_path, "Öppen post, stängd fil", body, files_access="restricted"
    )
    assert _search(client, unique_word)["total"] == 0
    visible = _search(client, '"Öppen post, stängd fil"')
    assert all(unique_word not in json.dumps(h.get("highlight", {})) for h in visible["hits"])
    # The owner edits the record and opens its files.
    response = client.post(f"/api/records/{record['id']}/draft", headers=api_headers)
    assert response.status_code == 201
    draft = response.json
    draft["access"]["files"] = "public"
    response = client.put(
        f"/api/records/{record['id']}/draft", data=json.dumps(draft), headers=api_headers
    )
    assert response.status_code == 200
    response = client.post(
        f"/api/records/{record['id']}/draft/actions/publish", headers=api_headers
    )
    assert response.status_code == 202
    refresh_indices()
    assert _search(client, unique_word)["total"] == 1


def test_public_file_made_restricted_leaves_the_index(client, api_headers, unique_word, tmp_path):
    """Restricting a public record's files removes their text from what anonymous users match."""
    record = _report(client, api_headers, tmp_path, "Snart stängd", f"Text {unique_word}.")
    assert _search(client, unique_word)["total"] == 1
    draft = client.post(f"/api/records/{record['id']}/draft", headers=api_headers).json
    draft["access"]["files"] = "restricted"
    client.put(f"/api/records/{record['id']}/draft", data=json.dumps(draft), headers=api_headers)
    client.post(f"/api/records/{record['id']}/draft/actions/publish", headers=api_headers)
    refresh_indices()
    assert _search(client, unique_word)["total"] == 0


def test_bad_files_recorded_and_record_published(app, client, api_headers, unique_word):
    """A record with a fake and an empty PDF publishes; each file's status says why."""
    data = record_data(f"Trasiga filer {unique_word}", files=True)
    files = {"fake.pdf": b"<html>not a pdf</html>", "empty.pdf": b"", "notes.txt": b"Anteckning."}
    record = deposit(client, api_headers, data, files)
    assert record["is_published"]
    rows = {
        row.key: row for row in FulltextModel.query.filter_by(record_id=_uuid(record["id"])).all()
    }
    assert rows["fake.pdf"].status == ExtractionStatus.FAILED
    assert "not a PDF" in rows["fake.pdf"].reason
    assert rows["empty.pdf"].status == ExtractionStatus.SKIPPED
    assert rows["notes.txt"].status == ExtractionStatus.OK
    assert rows["notes.txt"].text == "Anteckning."


def _uuid(recid):
    return service.record_cls.pid.resolve(recid).id


def test_embargoed_text_hidden_until_the_embargo_lifts(
    app, client, api_headers, unique_word, tmp_path
):
    """An embargoed record's file text is extracted but not matched; lifting the embargo (the
    scheduled upstream path) makes it findable."""
    pdf = make_pdf(tmp_path / "r.pdf", "Rapport", [f"Embargo {unique_word}."])
    data = record_data("Embargoerad rapport", files=True)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    data["access"] = {
        "record": "public",
        "files": "restricted",
        "embargo": {"active": True, "until": tomorrow, "reason": "Väntar på publicering"},
    }
    record = deposit(client, api_headers, data, {"r.pdf": pdf.read_bytes()})
    assert FulltextModel.query.filter_by(record_id=_uuid(record["id"])).one().text
    assert _search(client, unique_word)["total"] == 0

    # Time passes: the embargo date is now in the past, and the scheduled task lifts it.
    stored = service.record_cls.pid.resolve(record["id"])
    stored.access.embargo.until = datetime.now(UTC) - timedelta(minutes=1)
    stored.commit()
    db.session.commit()
    service.lift_embargo(_id=record["id"], identity=system_identity)
    refresh_indices()
    assert _search(client, unique_word)["total"] == 1


def test_deleted_record_leaves_search(app, client, api_headers, unique_word, tmp_path):
    """A record an administrator deletes is no longer found by its file text."""
    record = _report(client, api_headers, tmp_path, "Ska tas bort", f"Borttagen {unique_word}.")
    assert _search(client, unique_word)["total"] == 1
    service.delete_record(
        system_identity, record["id"], {"removal_reason": {"id": "spam"}, "is_visible": True}
    )
    refresh_indices()
    assert _search(client, unique_word)["total"] == 0


def test_unparsable_query_searched_as_plain_words(client, api_headers, unique_word, tmp_path):
    """A query the Lucene syntax refuses (an open bracket, a lone quote) is searched as plain
    words and finds the record, instead of a server error."""
    _report(client, api_headers, tmp_path, f"Rapport {unique_word}", "Samverkan i kommunen.")
    for query in (f"title:({unique_word}", f'"{unique_word}', f"{unique_word})"):
        hits = _search(client, query)
        assert [hit["metadata"]["title"] for hit in hits["hits"]] == [f"Rapport {unique_word}"]
