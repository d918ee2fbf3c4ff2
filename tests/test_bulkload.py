"""The bulk rebuild writes the documents upstream's indexer writes, with fewer lookups."""

from invenio_db import db
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_search import current_search_client
from invenio_search.utils import build_alias_name
from sqlalchemy import event

from msi_rdm.bulkload import published_ids, reindex_records
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


def test_bulk_documents_equal_upstream_documents(app, database, search):
    """Documents written in bulk are those upstream's per-record indexer writes, full text too."""
    ids = _with_text() + published_ids()[:4]
    upstream = {}
    for record_id in ids:
        service.indexer.index(service.record_cls.get_record(record_id))
        upstream[record_id] = _source(record_id)
    assert reindex_records(ids, chunk_size=3) == len(ids)
    for record_id in ids:
        assert _source(record_id) == upstream[record_id]
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
