"""What makes search and landing pages fast is correct: each shortcut gives upstream's answer.

Covers the request-scoped action cache (msi_rdm.access_cache), the search hit cache
(msi_rdm.hits), remembered hook signatures (msi_rdm.signatures), the vocabulary option lists of
the landing page and deposit form (msi_rdm.custom_fields.options) and the vocabulary terms pages
resolve (msi_rdm.vocabulary_cache).
"""

import copy
import inspect
import json
import subprocess
import sys
from datetime import UTC
from unittest import mock

import marshmallow as ma
import pytest
from flask_caching import Cache
from flask_resources.parsers.base import RequestParser
from invenio_access.permissions import system_identity
from invenio_cache import current_cache
from invenio_rdm_records.proxies import current_rdm_records_service as service
from sqlalchemy import event
from sqlalchemy.engine import Engine
from test_hits import owner_identity, upstream_hits

from helpers import deposit, record_data, refresh_indices, token_headers
from msi_rdm import signatures, vocabulary_cache
from msi_rdm.access_cache import request_memo_cache
from msi_rdm.custom_fields import options as options_module
from msi_rdm.hits import HitCache, hit_cache
from msi_rdm.researchers.works import public_identity


class CountingGets:
    """Wrap ``Cache.get`` of every application (UI and API), counting the reads of each key."""

    def __init__(self):
        self.keys = []
        self.original = Cache.get

    def patch(self):
        def get(cache, key, *args, **kwargs):
            self.keys.append(key)
            return self.original(cache, key, *args, **kwargs)

        return mock.patch.object(Cache, "get", get)


def test_action_cache_is_read_once_per_request(app):
    """Within one request a key is read from Redis once; a write or delete is seen at once."""
    counting = CountingGets()
    with counting.patch():
        with app.test_request_context("/"):
            current_cache.set("msi-test-action", {"a": 1})
            assert request_memo_cache.get("msi-test-action") == {"a": 1}
            assert request_memo_cache.get("msi-test-action") == {"a": 1}
            assert counting.keys.count("msi-test-action") == 1
            request_memo_cache.set("msi-test-action", {"a": 2})
            assert request_memo_cache.get("msi-test-action") == {"a": 2}
            request_memo_cache.delete("msi-test-action")
            assert request_memo_cache.get("msi-test-action") is None
            assert current_cache.get("msi-test-action") is None
        with app.test_request_context("/"):  # a new request reads Redis afresh
            current_cache.set("msi-test-action", {"a": 3})
            assert request_memo_cache.get("msi-test-action") == {"a": 3}


def test_a_search_request_expands_superuser_access_once(app, client):
    """Upstream asked Redis for ``superuser-access`` once per permission check (about 140 times
    for a page of ten hits); now a search request asks once."""
    assert app.config["ACCESS_CACHE"] == "msi_rdm.access_cache:request_memo_cache"
    hit_cache.clear()
    counting = CountingGets()
    with counting.patch():
        response = client.get("/api/records", query_string={"size": 10})
    assert response.status_code == 200 and response.json["hits"]["hits"]
    superuser = [key for key in counting.keys if key.endswith("superuser-access")]
    assert len(superuser) == 1, counting.keys


@pytest.fixture()
def three_records(app, depositor, unique_word):
    """A public record, one whose files are restricted, and a restricted one, by the depositor."""
    restricted_files = record_data(f"{unique_word} filer", files=True)
    restricted_files["access"]["files"] = "restricted"
    client, headers = app.test_client(), token_headers(depositor.token)
    return {
        "public": deposit(client, headers, record_data(f"{unique_word} öppen")),
        "files": deposit(client, headers, restricted_files, files={"a.txt": b"hemlig text"}),
        "closed": deposit(
            client, headers, record_data(f"{unique_word} stängd", access="restricted")
        ),
    }


def _hits(identity, word):
    result = service.search(identity, params={"q": word, "size": 10, "sort": "newest"})
    ours = [{k: v for k, v in hit.items() if k != "highlight"} for hit in result.hits]
    return ours, upstream_hits(result)


def test_cached_hits_equal_upstream_for_each_caller(
    app, database, depositor, three_records, unique_word
):
    """Searched twice by the owner, the public and the system, in turns: the second answer comes
    from the cache and still equals upstream's for that caller; nobody gets another's view."""
    hit_cache.clear()
    callers = (owner_identity(depositor), public_identity(), system_identity)
    first = []
    for identity in callers:
        ours, theirs = _hits(identity, unique_word)
        assert ours == theirs
        first.append(ours)
    filled = len(hit_cache)
    assert filled == 3 + 2 + 3  # owner and system see three records, the public two
    for identity, earlier in zip(callers, first, strict=True):
        ours, theirs = _hits(identity, unique_word)
        assert ours == theirs == earlier
    assert len(hit_cache) == filled  # answered from the cache
    owner = {hit["id"]: hit for hit in first[0]}
    public = {hit["id"]: hit for hit in first[1]}
    files_id = three_records["files"]["id"]
    assert three_records["closed"]["id"] not in public
    assert owner[files_id]["files"] != public[files_id]["files"]


def test_an_edited_record_is_never_served_from_the_cache(app, client, depositor, unique_word):
    """A new revision changes the index document and with it the key: search shows the edit."""
    headers = token_headers(depositor.token)
    record = deposit(client, headers, record_data(f"{unique_word} före"))
    query = {"q": unique_word}
    assert (
        client.get("/api/records", query_string=query).json["hits"]["hits"][0]["metadata"]["title"]
        == f"{unique_word} före"
    )
    draft = client.post(f"/api/records/{record['id']}/draft", headers=headers).json
    draft["metadata"]["title"] = f"{unique_word} efter"
    response = client.put(
        f"/api/records/{record['id']}/draft", data=json.dumps(draft), headers=headers
    )
    assert response.status_code == 200, response.json
    response = client.post(f"/api/records/{record['id']}/draft/actions/publish", headers=headers)
    assert response.status_code == 202, response.json
    refresh_indices()
    hits = client.get("/api/records", query_string=query).json["hits"]["hits"]
    assert [hit["metadata"]["title"] for hit in hits] == [f"{unique_word} efter"]


def test_drafts_are_not_cached(app, database, depositor, unique_word):
    """A depositor's own search over drafts is serialised afresh each time."""
    client, headers = app.test_client(), token_headers(depositor.token)
    response = client.post(
        "/api/records", data=json.dumps(record_data(f"{unique_word} utkast")), headers=headers
    )
    assert response.status_code == 201
    refresh_indices()
    from invenio_search import current_search

    current_search.flush_and_refresh("rdmrecords-drafts")
    hit_cache.clear()
    found = client.get("/api/user/records", query_string={"q": unique_word}, headers=headers)
    assert found.json["hits"]["total"] == 1
    assert len(hit_cache) == 0


def test_hit_cache_is_bounded_and_hands_out_copies():
    """Least recently used entries go first; a caller changing its copy changes no entry."""
    cache = HitCache()
    cache.put(b"a", {"n": 1}, size=2)
    cache.put(b"b", {"n": 2}, size=2)
    assert cache.get(b"a") == {"n": 1}  # a is now the most recently used
    cache.put(b"c", {"n": 3}, size=2)
    assert cache.get(b"b") is None and len(cache) == 2
    copy = cache.get(b"a")
    copy["n"] = 99
    assert cache.get(b"a") == {"n": 1}


def test_the_hit_cache_can_be_turned_off(app, database, depositor, three_records, unique_word):
    """``MSI_SEARCH_HIT_CACHE_SIZE = 0`` serialises every hit afresh, with the same answer."""
    hit_cache.clear()
    with mock.patch.dict(app.config, {"MSI_SEARCH_HIT_CACHE_SIZE": 0}):
        ours, theirs = _hits(public_identity(), unique_word)
    assert ours == theirs and len(ours) == 2
    assert len(hit_cache) == 0


def test_hook_signatures_are_worked_out_once(app, database):
    """Loading records asks ``inspect.signature`` of each hook once per process, not per load."""
    import invenio_records.api
    import invenio_records.systemfields.base

    assert invenio_records.api.inspect is signatures._shim
    assert invenio_records.systemfields.base.inspect is signatures._shim
    hits = service.search(system_identity, params={"size": 5})._results
    documents = [hit.to_dict() for hit in hits]
    service.record_cls.loads(documents[0])  # every hook's signature is remembered now
    with mock.patch.object(inspect, "signature", side_effect=AssertionError("asked again")):
        for document in documents:
            record = service.record_cls.loads(document)
            assert str(record.id) == document["uuid"]
    method = service.record_cls.loads
    assert signatures.signature(method) == inspect.signature(method)


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
    options_module.forget_options()
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
        with mock.patch.dict(app.config, {"MSI_VOCABULARY_OPTIONS_TTL": 0}):
            field.options(system_identity)
        assert calls == ["msithemes", "msithemes"]


class CountingStatements:
    """Collect the SQL statements run while the block runs."""

    def __init__(self):
        self.statements = []

        def listener(conn, cursor, statement, parameters, context, executemany):
            self.statements.append((statement, parameters))

        self._listener = listener

    # On the Engine class: the UI and the API application each have an engine of their own.
    def __enter__(self):
        event.listen(Engine, "before_cursor_execute", self._listener)
        return self

    def __exit__(self, *exc):
        event.remove(Engine, "before_cursor_execute", self._listener)

    def pid_lookups(self, pid_type):
        return [p for s, p in self.statements if p and p.get("pid_type_1") == pid_type]


def test_landing_page_resolves_vocabulary_terms_once_per_ttl(app, client, depositor, unique_word):
    """A second view of a landing page reads no vocabulary term from the database; with the TTL
    at zero each view reads them again. The page shows the terms either way."""
    record = deposit(client, token_headers(depositor.token), record_data(f"{unique_word} sida"))
    url = f"/records/{record['id']}"
    vocabulary_cache.forget_terms()
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
    with mock.patch.dict(app.config, {"MSI_VOCABULARY_OPTIONS_TTL": 0}):
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
    vocabulary_cache.forget_terms()
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


def test_dump_schemas_are_reused_and_dump_as_upstream(app, database, depositor, three_records):
    """Reads by the owner, the public and the system, in turns, give what upstream's fresh
    schema per dump gives; each thread builds a schema once and keeps it to itself."""
    import threading

    from invenio_records_resources.services.records.schema import ServiceSchemaWrapper

    from msi_rdm import schemas

    assert ServiceSchemaWrapper.dump is schemas.dump
    callers = (owner_identity(depositor), public_identity(), system_identity)
    files_id = three_records["files"]["id"]
    seen = {}
    for _ in range(2):
        for number, identity in enumerate(callers):
            ours = service.read(identity, files_id).to_dict()
            with mock.patch.object(ServiceSchemaWrapper, "dump", schemas._upstream_dump):
                theirs = service.read(identity, files_id).to_dict()
            assert ours == theirs
            seen[number] = ours
    assert seen[0]["files"] != seen[1]["files"]  # the public does not get the owner's view
    schema_cls = service.schema.schema
    mine = schemas.thread_schema(schema_cls, {})
    assert schemas.thread_schema(schema_cls, {}) is mine
    other = []
    thread = threading.Thread(target=lambda: other.append(schemas.thread_schema(schema_cls, {})))
    thread.start()
    thread.join()
    assert other[0] is not mine and isinstance(other[0], schema_cls)


def test_ui_serializers_reuse_schemas_and_dump_as_upstream(app, database, depositor, three_records):
    """The landing page's UI serializer gives what a freshly built one gives, in Swedish and in
    English, for the owner and the public, though its schemas are built once per thread."""
    from flask import g
    from flask_babel import force_locale
    from flask_resources.serializers.base import MarshmallowSerializer
    from invenio_rdm_records.resources.serializers import UIJSONSerializer

    from msi_rdm import schemas

    assert MarshmallowSerializer.__init__ is schemas.serializer_init
    assert UIJSONSerializer().object_schema is UIJSONSerializer().object_schema
    files_id = three_records["files"]["id"]
    for locale in ("sv", "en", "sv"):
        for identity in (owner_identity(depositor), public_identity()):
            with app.test_request_context("/"), force_locale(locale):
                g.identity = identity
                data = service.read(identity, files_id).to_dict()
                ours = UIJSONSerializer().dump_obj(data)
                with mock.patch.object(
                    MarshmallowSerializer, "__init__", schemas._upstream_serializer_init
                ):
                    fresh = UIJSONSerializer()
                assert fresh.object_schema is not UIJSONSerializer().object_schema
                assert ours == fresh.dump_obj(data)
                assert ours["ui"]["resource_type"]["title_l10n"] == (
                    "Rapport" if locale == "sv" else "Report"
                )


def test_served_application_freezes_its_start_up_objects():
    """The WSGI module gunicorn serves leaves the objects of start-up out of garbage collection
    and collects young objects less often; the collector is still on."""
    script = (
        "import gc, json; from msi_rdm.wsgi import application; "
        "print(json.dumps([gc.get_freeze_count(), gc.get_threshold(), gc.isenabled(), "
        "application.__class__.__name__]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    frozen, thresholds, enabled, name = json.loads(done.stdout.strip().splitlines()[-1])
    assert frozen > 100_000 and enabled and name == "Flask"
    assert thresholds[0] >= 5000  # CPython's default is 700


def test_facet_copies_share_lazy_labels_that_still_translate(app):
    """A request's deep copy of the facets keeps the lazy labels themselves, and they render in
    the locale of the moment, as fresh ones do."""
    from flask_babel import force_locale

    facets = service.config.search.facets
    copied = copy.deepcopy(facets)
    label = facets["access_status"]._label
    assert copied["access_status"]._label is label
    assert copied["access_status"] is not facets["access_status"]
    with app.test_request_context("/"):
        with force_locale("sv"):
            swedish = str(copied["access_status"]._label)
        with force_locale("en"):
            english = str(copied["access_status"]._label)
    assert english == "Access status" and swedish != english


def test_request_argument_schemas_are_built_once_per_dictionary():
    """Parsers of one field dictionary share one schema class; another dictionary, location or
    unknown-field rule gets its own; each parse still makes its own instance."""
    fields = {"size": ma.fields.Int()}
    first, second = RequestParser(fields, "args"), RequestParser(fields, "args")
    assert first._schema is second._schema
    assert first.schema is not second.schema
    assert RequestParser(dict(fields), "args")._schema is not first._schema
    assert RequestParser(fields, "headers")._schema is not first._schema
    assert RequestParser(fields, "args", unknown=ma.RAISE)._schema is not first._schema
    assert first._schema().load({"size": "7"}) == {"size": 7}


def test_search_arguments_still_checked_per_request(client):
    """Searches with different arguments answer each their own; a bad size is still a 400."""
    assert len(client.get("/api/records", query_string={"size": 1}).json["hits"]["hits"]) == 1
    assert len(client.get("/api/records", query_string={"size": 2}).json["hits"]["hits"]) == 2
    assert client.get("/api/records", query_string={"size": "many"}).status_code == 400


def test_search_answers_are_parsed_with_orjson_as_upstream_would(app, search):
    """The client parses OpenSearch's JSON with orjson into what upstream's parser gives; what
    orjson refuses (a 70-bit integer) is parsed the old way, and broken JSON is still an error."""
    from opensearchpy.exceptions import SerializationError
    from opensearchpy.serializer import JSONSerializer

    from msi_rdm.search_client import OrjsonReadingSerializer

    serializer = search.transport.serializer
    assert isinstance(serializer, OrjsonReadingSerializer)
    assert search.transport.deserializer.serializers["application/json"] is serializer
    body = json.dumps(search.search(index="*", size=3, body={"aggs": {}}), ensure_ascii=False)
    assert serializer.loads(body) == JSONSerializer().loads(body)
    assert serializer.loads('{"n": 1180591620717411303424}') == {"n": 2**70}
    with pytest.raises(SerializationError):
        serializer.loads('{"n": ')


def test_json_answers_are_written_by_orjson_with_upstream_values(app, client):
    """Answers parse to exactly what the standard library wrote, lazy strings in the request's
    language and dates as Flask writes them; only the bytes differ (UTF-8, no spaces).
    Pretty-printed answers are still indented by the standard library."""
    from datetime import UTC, date, datetime
    from decimal import Decimal

    from flask_babel import force_locale
    from flask_resources.serializers.json import JSONSerializer
    from invenio_i18n import lazy_gettext

    from msi_rdm import json_answers

    value = {
        "title": "Folkhälsa <script>alert(1)</script>",
        "label": lazy_gettext("Access status"),
        "day": date(2025, 3, 1),
        "at": datetime(2025, 3, 1, 12, 30, tzinfo=UTC),
        "amount": Decimal("1.50"),
        "counts": {1: "one", None: "none"},
        "nested": [{"x": 1.5, "y": None, "z": True}],
    }
    serializer = JSONSerializer()
    with app.test_request_context("/"), force_locale("sv"):
        written = serializer.serialize_object_list(value)
        upstream = json_answers._upstream["serialize_object_list"](serializer, value)
    assert json.loads(written) == json.loads(upstream)
    assert "Folkhälsa" in written and "\\u00e4" in upstream
    assert json.loads(written)["label"] == "Åtkomststatus"
    answer = client.get("/api/records", query_string={"q": "folkhälsa", "size": 1})
    assert answer.status_code == 200 and b"\\u00e4" not in answer.data
    assert "ä".encode() in answer.data
    pretty = client.get("/api/records", query_string={"size": 1, "prettyprint": 1})
    assert pretty.get_data(as_text=True).startswith('{\n  "aggregations"')


def test_index_timestamps_read_without_arrow_to_the_same_values(app):
    """Plain UTC timestamps of index documents are read by the standard library; every value,
    other forms included, reads as arrow reads it (or fails as it fails)."""
    from datetime import datetime

    import arrow
    from invenio_records.dumpers.search import SearchDumper

    from msi_rdm.index_dates import deserialize, read_timestamp

    assert SearchDumper._deserialize is deserialize
    values = [
        "2026-11-24T10:11:12.123456+00:00",
        "2026-11-24T10:11:12+00:00",
        "2026-11-24T10:11:12.5",
        "2026-11-24T10:11:12Z",
        "2026-11-24",
        "2026-11-24T12:11:12+02:00",  # arrow keeps the wall time and calls it UTC
        "2026-11-24T10:11:12.1234567+00:00",
        "20261124T101112",
        "2026-11-24 10:11:12",
    ]
    for value in values:
        theirs = arrow.get(value, tzinfo=UTC).datetime
        ours = SearchDumper._deserialize(value, datetime)
        assert (ours, ours.isoformat(), ours.utcoffset()) == (
            theirs,
            theirs.isoformat(),
            theirs.utcoffset(),
        ), value
    assert read_timestamp("2026-11-24T10:11:12.123456+00:00") is not None
    assert read_timestamp("2026-11-24T12:11:12+02:00") is None  # left to arrow
    for broken in ("2026-13-01T00:00:00+00:00", "i går"):
        with pytest.raises((ValueError, arrow.parser.ParserError)):
            SearchDumper._deserialize(broken, datetime)
    assert SearchDumper._deserialize("1", int) == 1  # other types as upstream
