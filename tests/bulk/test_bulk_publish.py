"""The bulk publish path leaves the rows and documents the service's publish leaves, faster."""

import sys
import uuid
from pathlib import Path

import pytest
from invenio_access.permissions import authenticated_user, system_identity
from invenio_access.utils import get_identity
from invenio_db import db
from invenio_files_rest.models import Bucket, ObjectVersion
from invenio_pidstore.models import PersistentIdentifier
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_search import current_search_client
from invenio_search.utils import build_alias_name
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from helpers import applications, changes_left_out, record_data, refresh_indices
from msi_rdm.bulk.publish import publish_bulk
from msi_rdm.bulk.reindex import publish_unindexed, reindex_records
from msi_rdm.demo.files import make_pdf
from msi_rdm.fulltext.models import FulltextModel

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from corpus import WORDS, sentence  # noqa: E402

MOMENTS = {"created", "updated", "indexed_at", "revision_id", "version_id", "last_check_at"}


@pytest.fixture(scope="module", autouse=True)
def dois_off(app):
    """DOIs off: the bulk path publishes only what the service publishes without minting any."""
    apps = applications(app)
    previous = [each.config.get("DATACITE_ENABLED") for each in apps]
    for each in apps:
        each.config["DATACITE_ENABLED"] = False
    yield
    for each, enabled in zip(apps, previous, strict=True):
        each.config["DATACITE_ENABLED"] = enabled


@pytest.fixture(scope="module")
def owner(database, depositor):
    identity = get_identity(depositor)
    identity.provides.add(authenticated_user)
    return identity


def _pdf(tmp_path, title):
    import random

    rng = random.Random(title)
    pages = [" ".join(sentence(rng, 12) for _ in range(6)) for _ in range(2)]
    return make_pdf(tmp_path / f"{uuid.uuid4().hex}.pdf", title, pages).read_bytes()


def _rich_data(title):
    """Record data using vocabularies, custom fields, ORCID creators and subjects."""
    data = record_data(title, files=True)
    data["metadata"]["creators"].append(
        {
            "person_or_org": {
                "type": "personal",
                "given_name": "Nils",
                "family_name": "Åberg",
                "identifiers": [{"scheme": "orcid", "identifier": "0009-0005-9337-5235"}],
            },
            "affiliations": [{"name": "Umeå universitet"}],
        }
    )
    data["metadata"]["subjects"] = [{"subject": "samverkan"}, {"subject": WORDS[3]}]
    data["metadata"]["rights"] = [{"id": "cc-by-4.0"}]
    data["metadata"]["description"] = "<p>Kommunen och civilsamhället i samverkan.</p>"
    data["custom_fields"] = {
        "msi:sdgs": [{"id": "sdg-11"}, {"id": "sdg-03"}],
        "msi:audiences": [{"id": "praktik"}],
    }
    return data


def _rows(record_id):
    """Every row the publish left for a record, as dicts."""
    record = service.record_cls.get_record(record_id)
    model, parent = record.model, record.parent.model
    row = {
        "record": dict(model.json),
        "columns": {"index": model.index, "deletion_status": model.deletion_status},
        "parent": dict(parent.json),
        "pids": sorted(
            (p.pid_type, p.status.value, p.pid_provider, p.object_type, p.object_uuid == model.id)
            for p in PersistentIdentifier.query.filter(
                PersistentIdentifier.object_uuid.in_([model.id, parent.id])
            )
        ),
        "versions": {
            "latest_index": record.versions.index,
            "latest_is_record": record.versions.latest_id == model.id,
            "next_draft_id": record.versions.next_draft_id,
        },
        "history": db.session.execute(
            text("select operation_type from rdm_records_metadata_version where id = :id"),
            {"id": model.id},
        ).all(),
    }
    for name, bucket_id in (("bucket", model.bucket_id), ("media_bucket", model.media_bucket_id)):
        bucket = Bucket.query.get(bucket_id)
        row[name] = {
            c: getattr(bucket, c)
            for c in ("default_storage_class", "size", "quota_size", "max_file_size", "locked")
        } | {"deleted": bucket.deleted, "location": bucket.location.name}
    row["files"] = []
    for key, entry in record.files.entries.items():
        version = entry.object_version
        instance = version.file
        row["files"].append(
            {
                "key": key,
                "json": dict(entry.model.json),
                "object": (version.key, version.is_head, version.mimetype, version.bucket_id),
                "file": (instance.size, instance.checksum, instance.readable, instance.writable),
                "stored": len(instance.storage().open().read()),
            }
        )
    row["fulltext"] = [
        (t.key, t.checksum, t.status.value, t.pages, t.text, t.extractor)
        for t in FulltextModel.query.filter_by(record_id=model.id)
    ]
    return row, _identifiers(record)


def _identifiers(record):
    """The values that differ between any two publishes, mapped to stable names."""
    names = {
        str(record.id): "<record uuid>",
        str(record.parent.id): "<parent uuid>",
        record.pid.pid_value: "<recid>",
        record.parent.pid.pid_value: "<parent recid>",
        record["pids"]["oai"]["identifier"]: "<oai>",
        str(record.bucket_id): "<bucket>",
        str(record.media_bucket_id): "<media bucket>",
    }
    for entry in record.files.entries.values():
        names[str(entry.model.id)] = "<file record>"
        names[str(entry.object_version.version_id)] = "<object version>"
        names[str(entry.object_version.file_id)] = "<file>"
    return names


def _normal(value, names):
    """``value`` with identifiers named, primary keys and moments dropped."""
    if isinstance(value, dict):
        return {k: _normal(v, names) for k, v in value.items() if k not in MOMENTS | {"pk"}}
    if isinstance(value, list | tuple):
        return [_normal(v, names) for v in value]
    if isinstance(value, uuid.UUID):
        value = str(value)
    if isinstance(value, str):
        for raw, name in names.items():
            value = value.replace(raw, name)
    return value


def _document(record_id):
    index = build_alias_name(service.record_cls.index._name)
    return current_search_client.get(index=index, id=str(record_id))["_source"]


def _assert_published_alike(owner, data, files):
    """Publish ``data`` through the service and through the bulk path, each indexed its own way:
    their rows and index documents are equal up to identifiers and moments. Returns the bulk
    record's rows."""
    by_service = str(publish_unindexed(owner, data, files)._record.id)
    service.indexer.index(service.record_cls.get_record(by_service))
    result = publish_bulk(owner, [(data, files)])
    assert result.refused == {}
    (by_bulk,) = result.ids
    assert reindex_records([by_bulk]) == 1
    (expected, names_s), (got, names_b) = _rows(by_service), _rows(by_bulk)
    assert _normal(got, names_b) == _normal(expected, names_s)
    assert _normal(_document(by_bulk), names_b) == _normal(_document(by_service), names_s)
    return got


def test_bulk_rows_and_document_equal_the_services(app, owner, tmp_path):
    """Record, parent, PIDs, versions state, buckets, files, history, full text and the index
    document are what the service leaves, up to identifiers and moments."""
    title = f"Samverkan i bulk {uuid.uuid4().hex[:6]}"
    got = _assert_published_alike(owner, _rich_data(title), {"rapport.pdf": _pdf(tmp_path, title)})
    key, _checksum, status, _pages, text, _extractor = got["fulltext"][0]
    assert (key, status) == ("rapport.pdf", "ok") and title in text


def test_bulk_record_without_files_equals_the_services(app, owner):
    """A metadata-only record with a restricted file access setting takes the same shape."""
    data = record_data(f"Utan filer {uuid.uuid4().hex[:6]}")
    data["access"]["files"] = "restricted"
    got = _assert_published_alike(owner, data, {})
    assert got["files"] == [] and got["record"]["access"]["files"] == "restricted"


def test_service_works_on_bulk_records(app, owner, client):
    """Read, search, landing page, OAI-PMH, edit and a new version all work on a bulk record."""
    word = f"bulkord{uuid.uuid4().hex[:8]}"
    (record_id,) = publish_bulk(owner, [(record_data(f"Bulk {word}"), {})]).ids
    reindex_records([record_id])
    refresh_indices()
    recid = service.record_cls.get_record(record_id).pid.pid_value
    assert service.read(system_identity, recid).to_dict()["metadata"]["title"] == f"Bulk {word}"
    assert service.search(system_identity, q=word).total == 1
    assert client.get(f"/records/{recid}").status_code == 200
    oai = client.get(
        f"/oai2d?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:"
        f"{app.config['OAISERVER_ID_PREFIX']}:{recid}"
    )
    assert oai.status_code == 200 and f"Bulk {word}".encode() in oai.data

    draft = service.edit(owner, recid).to_dict()
    draft["metadata"]["title"] = f"Ändrad {word}"
    service.update_draft(owner, recid, draft)
    edited = service.publish(owner, recid).to_dict()
    assert edited["metadata"]["title"] == f"Ändrad {word}" and edited["revision_id"] > 1

    new = service.new_version(owner, recid).to_dict()
    new_data = {**new, "metadata": {**edited["metadata"], "publication_date": "2026-01-01"}}
    service.update_draft(owner, new["id"], new_data)
    second = service.publish(owner, new["id"]).to_dict()
    assert second["versions"] == {"index": 2, "is_latest": True, "is_latest_draft": True}
    assert second["parent"]["id"] == edited["parent"]["id"]


def test_bad_items_are_refused_and_leave_nothing(app, owner):
    """Each bad item is refused with its reason; the good ones of the batch are published."""
    good = record_data(f"Bra post {uuid.uuid4().hex[:6]}")
    no_title = record_data("x")
    del no_title["metadata"]["title"]
    unknown_term = record_data("Okänd term")
    unknown_term["metadata"]["languages"] = [{"id": "xx-not-a-language"}]
    film = record_data("Film", resource_type="video", files=True)
    pdf_off = record_data("Fil utan filer")
    items = [
        (no_title, {}),
        (good, {}),
        (unknown_term, {}),
        (film, {"film.mp4": b"\x00\x00\x00\x18ftypmp42"}),
        (pdf_off, {"rapport.pdf": b"%PDF-1.4"}),
        (record_data("Ond fil", files=True), {"../rapport.pdf": b"%PDF-1.4"}),
    ]
    pids_before = PersistentIdentifier.query.count()
    buckets_before = Bucket.query.count()
    result = publish_bulk(owner, items)
    assert len(result.ids) == 1
    assert (
        service.record_cls.get_record(result.ids[0])["metadata"]["title"]
        == good["metadata"]["title"]
    )
    assert set(result.refused) == {0, 2, 3, 4, 5}
    assert "title" in result.refused[0]
    assert "xx-not-a-language" in result.refused[2]
    assert "Film" in result.refused[3] or "film" in result.refused[3].lower()
    assert "files.enabled" in result.refused[4]
    assert "/" in result.refused[5]
    assert PersistentIdentifier.query.count() == pids_before + 3
    assert Bucket.query.count() == buckets_before + 2
    assert ObjectVersion.query.filter_by(key="../rapport.pdf").count() == 0


def test_bulk_path_needs_few_statements_per_record(app, owner):
    """Twenty records take a fraction of the service's ~180 statements each."""
    statements = []

    def count(*args):
        statements.append(1)

    items = [(record_data(f"Räknad {uuid.uuid4().hex[:6]}"), {}) for _ in range(20)]
    event.listen(Engine, "before_cursor_execute", count)
    try:
        result = publish_bulk(owner, items)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert len(result.ids) == 20
    assert len(statements) < 20 * 12


def test_batch_checks_refuse_what_the_record_schema_refuses(app, owner):
    """The batch's JSON-schema check passes and fails as the record's own validation does."""
    from copy import deepcopy

    from jsonschema.exceptions import ValidationError as SchemaError

    from msi_rdm.upstream.bulk_publish import BatchChecks

    (record_id,) = publish_bulk(owner, [(record_data("Schemat"), {})]).ids
    good = dict(service.record_cls.get_record(record_id))
    checks = BatchChecks(owner)
    checks.validate_json(good)
    for path, value in ((("metadata", "title"), 5), (("access", "record"), ["public"])):
        bad = deepcopy(good)
        bad[path[0]][path[1]] = value
        with pytest.raises(SchemaError) as ours:
            checks.validate_json(bad)
        with pytest.raises(SchemaError) as upstream:
            service.record_cls(bad)._validate()
        assert ours.value.message == upstream.value.message


def test_a_failing_batch_leaves_nothing(app, owner, tmp_path):
    """When writing fails half-way (here the text extraction of the second record's PDF), the
    whole batch is rolled back: no PID, bucket or record of it stays."""
    from unittest import mock

    pdf = _pdf(tmp_path, "Trasig")
    items = [
        (record_data(f"Första {uuid.uuid4().hex[:6]}", files=True), {"a.pdf": pdf}),
        (record_data(f"Andra {uuid.uuid4().hex[:6]}", files=True), {"b.pdf": pdf}),
    ]

    def counts():
        return (
            PersistentIdentifier.query.count(),
            Bucket.query.count(),
            ObjectVersion.query.filter(ObjectVersion.key.in_(["a.pdf", "b.pdf"])).count(),
            service.record_cls.model_cls.query.count(),
        )

    before = counts()
    calls = []

    def failing(record_id, key, instance):
        calls.append(key)
        if len(calls) == 2:
            raise OSError("disk full")

    with mock.patch("msi_rdm.upstream.bulk_publish.extract_file", failing):
        with pytest.raises(OSError, match="disk full"):
            publish_bulk(owner, items)
    assert calls == ["a.pdf", "b.pdf"]
    assert counts() == before


def test_the_bulk_path_needs_a_user(app):
    """Records belong to a user account; the system identity is refused before anything."""
    with pytest.raises(ValueError, match="user account"):
        publish_bulk(system_identity, [(record_data("System"), {})])


def test_left_out_the_bulk_path_publishes_through_the_service(app, owner):
    """With the seam's bulk rows left out, each item goes through the service: a record with the
    same rows and index document as the bulk path's, and a bad item refused with its reason."""
    data = record_data(f"Tjänstevägen {uuid.uuid4().hex[:6]}")
    (by_bulk,) = publish_bulk(owner, [(data, {})]).ids
    unknown_term = record_data("Okänd term")
    unknown_term["metadata"]["languages"] = [{"id": "xx-not-a-language"}]
    with changes_left_out(app, "bulk-publish"):
        result = publish_bulk(owner, [(data, {}), (unknown_term, {})])
    (by_service,) = result.ids
    assert "xx-not-a-language" in result.refused[1]
    assert reindex_records([by_bulk, by_service]) == 2
    (expected, names_b), (got, names_s) = _rows(by_bulk), _rows(by_service)
    assert _normal(got, names_s) == _normal(expected, names_b)
    assert _normal(_document(by_service), names_s) == _normal(_document(by_bulk), names_b)


def test_with_dois_on_records_go_through_the_service(app, owner):
    """DataCite DOIs on: the bulk path refuses every record, saying the service mints DOIs."""
    for each in applications(app):
        each.config["DATACITE_ENABLED"] = True
    try:
        result = publish_bulk(owner, [(record_data("Med DOI"), {})])
    finally:
        for each in applications(app):
            each.config["DATACITE_ENABLED"] = False
    assert result.ids == []
    assert "DOI" in result.refused[0]
