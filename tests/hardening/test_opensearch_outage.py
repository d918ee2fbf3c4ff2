"""OpenSearch stopped under the running app: writes succeed, searches say 503, the index heals."""

import json

from invenio_rdm_records.proxies import current_rdm_records_service as records_service
from invenio_search import current_search_client
from opensearchpy.exceptions import TransportError

from helpers import record_data, refresh_indices
from msi_rdm.hardening.reindex import reindex_stale
from msi_rdm.hardening.tasks import reindex_stale as reindex_stale_task

from .faults import stopped, wait_for


def _search_up():
    try:
        return current_search_client.cluster.health(
            wait_for_status="yellow", params={"timeout": "1s"}, request_timeout=5
        )
    except TransportError:  # refused while stopped, 503 while starting
        return None


def _hits(client, query, headers=None):
    response = client.get("/api/records", query_string={"q": query}, headers=headers or {})
    assert response.status_code == 200
    return response.json["hits"]


def test_publish_during_outage_is_searchable_after_repair(client, api_headers, unique_word):
    """Publishing while OpenSearch is down answers 202 and keeps the record; searches answer 503
    with Retry-After; once OpenSearch is back, ``reindex_stale`` makes the record findable."""
    draft = client.post(
        "/api/records", data=json.dumps(record_data(f"Avbrott {unique_word}")), headers=api_headers
    )
    assert draft.status_code == 201
    record_id = draft.json["id"]

    with stopped("opensearch"):
        wait_for(lambda: not _search_up(), timeout=30, what="OpenSearch to stop")
        published = client.post(
            f"/api/records/{record_id}/draft/actions/publish", headers=api_headers
        )
        assert published.status_code == 202, published.json
        assert published.json["is_published"]

        # The record is safe in the database: it reads, cites and shows its landing page.
        assert client.get(f"/api/records/{record_id}").status_code == 200

        search = client.get("/api/records", query_string={"q": unique_word})
        assert search.status_code == 503
        assert int(search.headers["Retry-After"]) > 0
        assert "otillgänglig" in search.json["message"]  # Swedish, the default locale
        mine = client.get("/api/user/records", headers=api_headers)
        assert mine.status_code == 503

    wait_for(_search_up, timeout=120, what="OpenSearch to come back")
    refresh_indices()
    assert _hits(client, unique_word)["total"] == 0  # the outage lost the index write

    reindex_stale_task.delay()
    refresh_indices()
    hits = _hits(client, unique_word)
    assert hits["total"] == 1
    assert hits["hits"][0]["id"] == record_id
    # A second run leaves the repaired document alone.
    assert _indexed_version(record_id) is not None
    before = _indexed_version(record_id)
    reindex_stale()
    assert _indexed_version(record_id) == before


def _indexed_version(record_id):
    record = records_service.record_cls.pid.resolve(record_id)
    indexer = records_service.indexer
    index = indexer._prepare_index(indexer.record_to_index(record))
    return current_search_client.get(index=index, id=str(record.id))["_version"]


def _draft_document(draft_id):
    indexer = records_service.draft_indexer
    draft = records_service.draft_cls.pid.resolve(draft_id, registered_only=False)
    index = indexer._prepare_index(indexer.record_to_index(draft))
    return index, str(draft.id)


def test_repair_reads_whole_rows_only_for_what_needs_work(app, client, api_headers, unique_word):
    """Every ten minutes the task compares the week's changes with the index: by ids and
    revisions only. A draft whose row is gone but whose document stayed is unindexed, and the
    rows of up-to-date records are never read whole."""
    from invenio_db import db
    from sqlalchemy import event

    draft = client.post(
        "/api/records", data=json.dumps(record_data(f"Kvar {unique_word}")), headers=api_headers
    )
    assert draft.status_code == 201
    index, draft_uuid = _draft_document(draft.json["id"])
    refresh_indices()
    assert current_search_client.exists(index=index, id=draft_uuid)
    reindex_stale()  # whatever else the suite left behind is repaired first
    # The row goes (as a published draft's does) while its index document stays behind.
    model = records_service.draft_cls.model_cls
    row = db.session.get(model, draft_uuid)
    row.is_deleted = True
    db.session.commit()

    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert reindex_stale() == 1
        assert reindex_stale() == 0
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert not current_search_client.exists(index=index, id=draft_uuid)
    whole = [s for s in statements if "rdm_records_metadata.json AS" in s]
    assert whole == []  # no published record needed work
    drafts_whole = [s for s in statements if "rdm_drafts_metadata.json AS" in s]
    assert len(drafts_whole) == 1  # the one gone draft, once
