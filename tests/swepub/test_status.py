"""The SwePub fields: derived defaults, the minimum level on every save, SSIF search facet."""

import json

from flask import g
from invenio_access.permissions import system_identity
from invenio_accounts.testutils import login_user_via_session
from invenio_communities.proxies import current_communities
from invenio_rdm_records.proxies import current_rdm_records, current_rdm_records_service

from helpers import deposit, record_data


def test_report_gets_its_defaults_and_is_ready(swepub_records):
    """A report of the Borås node: output type, content type, status and university derived;
    what a client sends as the computed status is replaced."""
    status = swepub_records["report"]["custom_fields"]["msi:swepub"]
    assert status == {
        "university": "hb",
        "output_type": "publication/report",
        "content_type": "vet",
        "publication_status": "published",
        "missing": [],
        "ready": True,
    }


def test_article_without_journal_tells_what_is_missing(swepub_records):
    """An article names its journal (host item) and whether it was peer-reviewed: both asked."""
    status = swepub_records["article"]["custom_fields"]["msi:swepub"]
    assert status["output_type"] == "publication/journal-article"
    assert status["missing"] == ["07", "11"] and status["ready"] is False


def test_record_without_node_misses_the_university(swepub_records):
    """No node, no university, no community: rule 01."""
    assert swepub_records["orphan"]["custom_fields"]["msi:swepub"]["missing"] == ["01"]


def test_choices_override_defaults(client, api_headers, unique_word):
    """A chosen output type, content type, status and university win over the defaults."""
    data = record_data(f"Arbetsrapport {unique_word}")
    data["custom_fields"] = {
        "msi:node": {"id": "nod-boras"},
        "msi:output_type": {"id": "publication_working-paper"},
        "msi:content_type": {"id": "pop"},
        "msi:publication_status": {"id": "submitted"},
        "msi:university": {"id": "umu"},
    }
    status = deposit(client, api_headers, data)["custom_fields"]["msi:swepub"]
    assert status["output_type"] == "publication/working-paper"
    assert (status["content_type"], status["publication_status"]) == ("pop", "submitted")
    assert status["university"] == "umu" and status["ready"] is True


def test_draft_shows_missing_rules_before_publishing(client, api_headers, unique_word):
    """The draft already carries the rules it fails; adding the journal and content type
    clears them."""
    data = record_data(f"Artikel {unique_word}", resource_type="publication-article")
    data["custom_fields"] = {"msi:node": {"id": "nod-umea"}}
    draft = client.post("/api/records", data=json.dumps(data), headers=api_headers).json
    assert draft["custom_fields"]["msi:swepub"]["missing"] == ["07", "11"]
    data["custom_fields"] = {
        **data["custom_fields"],
        "journal:journal": {"title": "Socialmedicinsk test", "volume": "2"},
        "msi:content_type": {"id": "ref"},
    }
    response = client.put(
        f"/api/records/{draft['id']}/draft", data=json.dumps(data), headers=api_headers
    )
    assert response.json["custom_fields"]["msi:swepub"]["missing"] == []


def test_unknown_ssif_code_refused(client, api_headers, unique_word):
    """An SSIF code that does not exist is a 400 naming the field; nothing is created."""
    data = record_data(f"Okänt ämne {unique_word}")
    data["custom_fields"] = {"msi:ssif": [{"id": "99999"}]}
    response = client.post("/api/records", data=json.dumps(data), headers=api_headers)
    assert response.status_code == 400
    assert "msi:ssif" in json.dumps(response.json)


def test_community_gives_the_university(app, depositor, unique_word, client, api_headers):
    """A record in the Umeå node's community, without a node of its own, is Umeå University's
    once it is saved again."""
    record = deposit(client, api_headers, record_data(f"Gemenskap {unique_word}"))
    assert record["custom_fields"]["msi:swepub"]["missing"] == ["01"]
    community = current_communities.service.read(system_identity, "msi-umea")
    current_rdm_records.record_communities_service.add(
        system_identity, record["id"], {"communities": [{"id": community.id}]}
    )
    current_rdm_records_service.edit(system_identity, record["id"])
    published = current_rdm_records_service.publish(system_identity, record["id"]).to_dict()
    assert published["custom_fields"]["msi:swepub"]["university"] == "umu"
    assert published["custom_fields"]["msi:swepub"]["ready"] is True


def test_ssif_facet(client, swepub_records):
    """Search offers SSIF as a facet, labelled, and filters by it."""
    word = swepub_records["word"]
    answer = client.get("/api/records", query_string={"q": word}).json
    buckets = {b["key"]: b for b in answer["aggregations"]["ssif"]["buckets"]}
    assert buckets["50402"]["doc_count"] == 1 and buckets["50402"]["label"]
    filtered = client.get("/api/records", query_string={"q": word, "ssif": "50402"}).json
    assert [hit["id"] for hit in filtered["hits"]["hits"]] == [swepub_records["report"]["id"]]


def test_landing_page_tells_the_owner_what_is_missing(app, depositor, swepub_records):
    """The owner reads what SwePub still needs; visitors see no such message."""
    article, report = swepub_records["article"]["id"], swepub_records["report"]["id"]
    g.pop("_login_user", None)
    with app.test_client() as owner:
        login_user_via_session(owner, email=depositor.email)
        page = owner.get(f"/records/{article}").get_data(as_text=True)
        assert 'id="msi-swepub-missing"' in page, "Logga ut" in page
        assert "värdpublikation" in page and "innehållstyp" in page
        page = owner.get(f"/records/{report}").get_data(as_text=True)
        assert "msi-swepub-missing" not in page and "Logga ut" in page
    # Requests share the test's app context, where Flask-Login keeps the user it loaded.
    g.pop("_login_user", None)
    with app.test_client() as anonymous:
        page = anonymous.get(f"/records/{article}").get_data(as_text=True)
        assert "msi-swepub-missing" not in page and "Logga ut" not in page


def test_refresh_command_fills_records_saved_before(app, client, api_headers, unique_word):
    """``invenio msi swepub refresh`` gives a record without a SwePub state its state, in the
    database and the index."""
    from invenio_db import db
    from invenio_rdm_records.proxies import current_rdm_records_service as service
    from invenio_search import current_search_client
    from invenio_search.utils import build_alias_name

    from msi_rdm.swepub.cli import swepub

    data = record_data(f"Gammal post {unique_word}")
    data["custom_fields"] = {"msi:node": {"id": "nod-jonkoping"}}
    record_id = deposit(client, api_headers, data)["id"]
    record = service.record_cls.pid.resolve(record_id)
    del record["custom_fields"]["msi:swepub"]
    record.commit()
    db.session.commit()
    service.indexer.index(record)
    result = app.test_cli_runner().invoke(swepub, ["refresh"])
    assert result.exit_code == 0, result.output
    refreshed = service.record_cls.pid.resolve(record_id)
    assert refreshed["custom_fields"]["msi:swepub"]["university"] == "hj"
    service.indexer.refresh()
    hits = current_search_client.search(
        index=build_alias_name("rdmrecords-records"),
        body={"query": {"term": {"id": record_id}}},
    )["hits"]["hits"]
    assert hits[0]["_source"]["custom_fields"]["msi:swepub"]["ready"] is True


def test_deposit_form_has_the_swepub_section(app, depositor):
    """The deposit form offers the SwePub section (SSIF looked up as one types) and upstream's
    journal, book and conference sections."""
    g.pop("_login_user", None)
    with app.test_client() as owner:
        login_user_via_session(owner, email=depositor.email)
        response = owner.get("/uploads/new")
    g.pop("_login_user", None)
    assert response.status_code == 200
    page = response.get_data(as_text=True).replace("&#34;", '"')
    assert "Forskningsrapportering (SwePub)" in page
    assert '"autocompleteFrom": "/api/vocabularies/ssif"' in page
    for field in ("journal:journal", "imprint:imprint", "meeting:meeting", "msi:content_type"):
        assert f'"field": "{field}"' in page, field
