"""The bulk rebuild writes the documents upstream's indexer writes, with fewer lookups."""

from unittest import mock

from flask import current_app
from invenio_db import db
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_search import current_search_client
from invenio_search.utils import build_alias_name
from sqlalchemy import event

from helpers import (
    add_statistics,
    changes_left_out,
    deposit,
    record_data,
    remove_statistics,
    token_headers,
)
from msi_rdm.bulk.reindex import published_ids, reindex_records
from msi_rdm.fulltext.api import record_text, record_texts
from msi_rdm.fulltext.models import FulltextModel


def _source(record_id):
    """The indexed document of a record, without what changes on every indexing run."""
    index = build_alias_name(service.record_cls.index._name)
    hit = current_search_client.get(index=index, id=str(record_id))
    return {key: value for key, value in hit["_source"].items() if key != "indexed_at"}


def _with_text():
    """Ids of a few published records whose files have extracted text."""
    rows = FulltextModel.query.filter_by(status="ok").with_entities(FulltextModel.record_id)
    published = set(published_ids())
    return [record_id for (record_id,) in rows.distinct() if record_id in published][:3]


def assert_bulk_equals_upstream(ids, chunk_size):
    """Index ``ids`` record by record as upstream does, then in bulk: the documents are equal.

    Returns upstream's documents by id."""
    upstream = {}
    for record_id in ids:
        service.indexer.index(service.record_cls.get_record(record_id))
        upstream[record_id] = _source(record_id)
    assert reindex_records(ids, chunk_size=chunk_size) == len(ids)
    for record_id in ids:
        assert _source(record_id) == upstream[record_id]
    return upstream


def test_bulk_documents_equal_upstream_documents(app, database, search):
    """Documents written in bulk are those upstream's per-record indexer writes, full text too."""
    ids = _with_text() + published_ids()[:4]
    upstream = assert_bulk_equals_upstream(ids, chunk_size=3)
    assert any(upstream[record_id]["msi_search"].get("fulltext") for record_id in ids)


def test_record_texts_match_record_text(app, database):
    """Full text read for many records at once equals what is read for each one."""
    ids = _with_text() + published_ids()[:3]
    texts = record_texts(ids)
    assert set(texts) == set(ids)
    assert all(texts[record_id] == record_text(record_id) for record_id in ids)
    assert any(texts.values())


def _vocabulary_queries(ids, chunk_size):
    """How many SQL statements read vocabularies while indexing ``ids``."""
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        # Pages' five-minute table of vocabulary terms would hide the lookups being counted (the
        # test runs inside pytest-flask's GET request context).
        with mock.patch.dict(current_app.config, {"MSI_VOCABULARIES_TTL": 0}):
            reindex_records(ids, chunk_size=chunk_size)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sum("vocabularies_metadata" in statement for statement in statements)


def test_vocabulary_lookups_are_shared_across_a_chunk(app, database, search):
    """A chunk of 12 records looks vocabularies up less than half as often as 12 single ones."""
    ids = published_ids()[:12]
    assert len(ids) == 12
    many = _vocabulary_queries(ids, chunk_size=12)
    per_record = _vocabulary_queries(ids, chunk_size=1)
    assert many < per_record
    assert many * 2 < per_record  # here 54 against 149 for 12 records


def _record_uuid(pid_value):
    return service.record_cls.pid.resolve(pid_value).id


def test_bulk_documents_equal_upstream_for_drafts_versions_and_statistics(
    app, database, search, depositor, unique_word
):
    """What the bulk path prefetches per chunk (parents, versions states, open drafts, view and
    download statistics) gives the documents upstream writes record by record."""
    client, headers = app.test_client(), token_headers(depositor.token)
    first = deposit(client, headers, record_data(f"{unique_word} version ett"))
    draft = client.post(f"/api/records/{first['id']}/versions", headers=headers)
    assert draft.status_code == 201, draft.json
    published = client.post(
        f"/api/records/{draft.json['id']}/draft/actions/publish", headers=headers
    )
    assert published.status_code == 202, published.json
    second = published.json
    assert client.post(f"/api/records/{second['id']}/draft", headers=headers).status_code == 201
    closed = deposit(client, headers, record_data(f"{unique_word} stängd", access="restricted"))
    parent = first["parent"]["id"]
    stamp = "2026-11-01T00:00:00"
    added = add_statistics(
        [
            (
                "stats-record-view",
                {
                    "timestamp": stamp,
                    "unique_id": f"ui_{first['id']}",
                    "recid": first["id"],
                    "parent_recid": parent,
                    "count": 3,
                    "unique_count": 2,
                },
            ),
            (
                "stats-record-view",
                {
                    "timestamp": "2026-11-02T00:00:00",
                    "unique_id": f"ui_{first['id']}",
                    "recid": first["id"],
                    "parent_recid": parent,
                    "count": 4,
                    "unique_count": 1,
                },
            ),
            (
                "stats-record-view",
                {
                    "timestamp": stamp,
                    "unique_id": f"ui_{second['id']}",
                    "recid": second["id"],
                    "parent_recid": parent,
                    "count": 5,
                    "unique_count": 5,
                },
            ),
            (
                "stats-file-download",
                {
                    "timestamp": stamp,
                    "unique_id": f"ui_{first['id']}_a.pdf",
                    "recid": first["id"],
                    "parent_recid": parent,
                    "count": 2,
                    "unique_count": 1,
                    "volume": 1000.0,
                },
            ),
        ]
    )
    try:
        ids = [_record_uuid(r["id"]) for r in (first, second, closed)] + published_ids()[:2]
        upstream = assert_bulk_equals_upstream(ids, chunk_size=10)
    finally:
        remove_statistics(added)
    old, new = upstream[ids[0]], upstream[ids[1]]
    assert old["stats"]["this_version"] == {
        "views": 7.0,
        "unique_views": 3.0,
        "downloads": 2.0,
        "unique_downloads": 1.0,
        "data_volume": 1000.0,
    }
    assert old["stats"]["all_versions"]["views"] == 12.0
    assert new["stats"]["this_version"]["views"] == 5.0
    assert old["versions"]["is_latest"] is False and new["versions"]["is_latest"] is True
    assert new["has_draft"] is True and old["has_draft"] is False


def test_left_out_the_prefetch_gives_the_same_documents(app, database, search):
    """With the seam's field prefetching left out, every record's document is the same."""
    from msi_rdm.bulk.reindex import chunk_data, index_actions, load_records

    ids = published_ids()[:8]

    def documents():
        records = load_records(ids)
        dumper = service.record_cls.dumper.for_chunk(chunk_data(records))
        return {action["_id"]: action["_source"] for action in index_actions(records, dumper)}

    with_prefetch = documents()
    with changes_left_out(app, "bulk-prefetch"):
        without = documents()
    assert len(with_prefetch) == len(ids) and without == with_prefetch
