"""A word said in a film finds it with the cue's time code; film fields, roles and embeds."""

import json

import pytest
from invenio_db import db
from invenio_rdm_records.proxies import current_rdm_records_service as service
from sqlalchemy import event

from helpers import deposit, record_data, upstream_hits
from msi_rdm.demo.files import make_pdf
from msi_rdm.films.models import FilmFileModel
from msi_rdm.researchers.works import public_identity
from msi_rdm.upstream.search_hits import change as search_hits_change
from msi_rdm.upstream.search_hits import hit_cache


def test_word_said_in_film_found_with_time_code(client, api_headers, unique_word, mp4, vtt_pair):
    """The hit carries the poster and the cue saying the word: time code, link, marked text."""
    data = record_data("Film om berättelser", resource_type="video", files=True)
    record = deposit(client, api_headers, data, {"film.mp4": mp4, **vtt_pair})
    hits = client.get("/api/records", query_string={"q": unique_word}).json["hits"]
    assert hits["total"] == 1
    hit = hits["hits"][0]
    assert hit["msi_film"]["poster"].endswith(f"/records/{record['id']}/poster")
    cue = hit["highlight"]["captions"][0]
    assert cue["time"] == "0:02" and cue["start"] == 2.0
    assert cue["language"] == "sv" and cue["key"] == "film.sv.vtt"
    assert cue["link"] == f"/records/{record['id']}?t=2"
    assert cue["text"] == f"Här berättar <mark>{unique_word}</mark>."


def test_a_film_hit_is_cached_until_its_film_rows_change(
    app, client, api_headers, unique_word, mp4, vtt_pair
):
    """A film's hit comes from the hit cache like any other, with its poster and cues; once its
    captions change (a new row version, the index document unchanged), the hit says the new
    cue, as upstream's serialisation of the same page does. With the upstream changes off
    there is no hit cache, and the answers are still upstream's."""
    entries = 1 if search_hits_change.active else 0
    data = record_data("Film om berättelser", resource_type="video", files=True)
    record = deposit(client, api_headers, data, {"film.mp4": mp4, **vtt_pair})

    def search():
        result = service.search(public_identity(), params={"q": unique_word})
        hits = list(result.hits)
        assert hits == upstream_hits(result)
        return hits[0]

    hit_cache.clear()
    first = search()
    assert len(hit_cache) == entries and first["msi_film"]["poster"]
    assert first["highlight"]["captions"][0]["text"] == f"Här berättar <mark>{unique_word}</mark>."
    assert search() == first and len(hit_cache) == entries  # the second answer is the cached one

    record_id = service.record_cls.pid.resolve(record["id"]).id
    captions = FilmFileModel.query.filter_by(record_id=record_id, key="film.sv.vtt").one()
    captions.cues = [[0.0, 2.0, "Välkommen."], [2.0, 4.0, f"Nu säger vi {unique_word} igen."]]
    db.session.commit()
    changed = search()
    assert len(hit_cache) == 2 * entries
    assert changed["highlight"]["captions"][0]["text"] == (
        f"Nu säger vi <mark>{unique_word}</mark> igen."
    )


def test_only_hits_with_film_files_ask_for_film_rows(
    client, api_headers, unique_word, mp4, vtt_pair, tmp_path
):
    """A page of report hits (public PDFs) reads nothing of the film tables; with a film among
    the hits, one query serves the page and the film hit still carries its poster."""
    pdf = make_pdf(tmp_path / "rapport.pdf", f"Rapport {unique_word}", [f"Om {unique_word}."])
    report = deposit(
        client,
        api_headers,
        record_data(f"Rapport {unique_word}", files=True),
        {"rapport.pdf": pdf.read_bytes()},
    )
    film = record_data(f"Film {unique_word}", resource_type="video", files=True)
    deposit(client, api_headers, film, {"film.mp4": mp4, **vtt_pair})
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    def search(query):
        statements.clear()
        event.listen(db.engine, "before_cursor_execute", record)
        try:
            hits = client.get("/api/records", query_string={"q": query}).json["hits"]["hits"]
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        return hits, sum("msi_film_files" in statement for statement in statements)

    hits, film_queries = search(f'"Rapport {unique_word}"')
    assert [hit["id"] for hit in hits] == [report["id"]] and film_queries == 0
    hits, film_queries = search(unique_word)
    assert len(hits) == 2 and film_queries == 1
    assert [bool(hit.get("msi_film")) for hit in hits].count(True) == 1


def test_film_fields_round_trip_and_refused_when_wrong(client, api_headers, unique_word):
    """Duration, production year and caption languages are stored; a malformed duration or
    year, or an unknown language, is a 400 naming the field, and no draft is kept."""
    data = record_data(f"Fält {unique_word}", resource_type="video-eventrecording")
    data["custom_fields"] = {
        "msi:duration": "PT4M12S",
        "msi:production_year": 2021,
        "msi:caption_languages": [{"id": "swe"}, {"id": "eng"}],
    }
    record = deposit(client, api_headers, data)
    stored = client.get(f"/api/records/{record['id']}").json["custom_fields"]
    assert stored["msi:duration"] == "PT4M12S"
    assert stored["msi:production_year"] == 2021
    assert [lang["id"] for lang in stored["msi:caption_languages"]] == ["swe", "eng"]
    for field, value in (
        ("msi:duration", "4 minuter"),
        ("msi:production_year", 1066),
        ("msi:caption_languages", [{"id": "xx-nope"}]),
    ):
        bad = record_data(f"Fel {unique_word}", resource_type="video")
        bad["custom_fields"] = {field: value}
        response = client.post("/api/records", data=json.dumps(bad), headers=api_headers)
        assert response.status_code == 400, (field, response.json)
        assert field in json.dumps(response.json["errors"])
    query = {"q": f'metadata.title:"Fel {unique_word}"'}
    drafts = client.get("/api/user/records", query_string=query, headers=api_headers).json
    assert drafts["hits"]["total"] == 0


def test_deposit_form_has_a_film_section(app):
    """The deposit form's custom fields include the film section with its three fields."""
    sections = {s["section"]: s for s in app.config["RDM_CUSTOM_FIELDS_UI"]}
    film = sections["Film"]
    assert [f["field"] for f in film["fields"]] == [
        "msi:duration",
        "msi:production_year",
        "msi:caption_languages",
    ]


@pytest.mark.parametrize(
    ("role", "sv", "en"),
    [
        ("director", "Regissör", "Director"),
        ("producer", "Producent", "Producer"),
        ("interviewee", "Intervjuperson", "Interviewee"),
        ("participant", "Medverkande", "Participant"),
    ],
)
def test_film_roles(client, api_headers, unique_word, role, sv, en):
    """Film roles exist for creators and contributors, titled in Swedish and English."""
    for vocabulary in ("creatorsroles", "contributorsroles"):
        entry = client.get(f"/api/vocabularies/{vocabulary}/{role}").json
        assert entry["title"]["sv"] == sv and entry["title"]["en"] == en
    data = record_data(f"Roller {unique_word}", resource_type="video")
    data["metadata"]["creators"][0]["role"] = {"id": role}
    data["metadata"]["contributors"] = [
        {
            "person_or_org": {"type": "personal", "given_name": "Ali", "family_name": "Nur"},
            "role": {"id": role},
        }
    ]
    record = deposit(client, api_headers, data)
    assert record["metadata"]["contributors"][0]["role"]["id"] == role


def test_external_link_embedded_only_from_allowed_hosts(client, api_headers, unique_word):
    """A YouTube link is embedded through youtube-nocookie.com; another host's is not."""
    data = record_data(f"Strömmad {unique_word}", resource_type="video")
    data["metadata"]["related_identifiers"] = [
        {
            "identifier": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "scheme": "url",
            "relation_type": {"id": "isvariantformof"},
        },
        {
            "identifier": "https://video.example.org/watch?v=dQw4w9WgXcQ",
            "scheme": "url",
            "relation_type": {"id": "isvariantformof"},
        },
    ]
    record = deposit(client, api_headers, data)
    response = client.get(f"/records/{record['id']}")
    frame_src = response.headers["Content-Security-Policy"].split("frame-src")[1].split(";")[0]
    assert "https://www.youtube-nocookie.com" in frame_src and "youtube.com " not in frame_src
    page = response.get_data(as_text=True)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page
    assert page.count('class="msi-film-embed-frame"') == 1
    assert 'src="https://video.example.org' not in page
