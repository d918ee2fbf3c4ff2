"""Hits served by ``msi_rdm.upstream.search_hits`` equal upstream's; the hit cache is safe."""

import json
from unittest import mock

from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import (
    deposit,
    deposit_each,
    owner_identity,
    record_data,
    refresh_indices,
    token_headers,
    upstream_hits,
)
from msi_rdm.researchers.works import public_identity
from msi_rdm.upstream.search_hits import (
    HitCache,
    PageSchemaHits,
    hit_cache,
    memoised_permission_check,
)


def _hits(identity, word):
    result = service.search(identity, params={"q": word, "size": 10, "sort": "newest"})
    return list(result.hits), upstream_hits(result)


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


def test_hits_equal_upstream_for_each_caller(app, database, search, depositor, unique_word):
    """Public, restricted-files and restricted records: the owner, the public and the system."""
    restricted_files = record_data(f"{unique_word} filer")
    restricted_files["access"]["files"] = "restricted"
    deposit_each(
        app,
        depositor,
        public=record_data(f"{unique_word} öppen"),
        files=restricted_files,
        closed=record_data(f"{unique_word} stängd", access="restricted"),
    )
    for identity in (owner_identity(depositor), public_identity(), system_identity):
        result = service.search(identity, params={"q": unique_word, "size": 10})
        assert isinstance(result, PageSchemaHits)
        ours = list(result.hits)
        theirs = upstream_hits(result)
        assert ours == theirs
        assert all("highlight" in hit for hit in ours)  # snippets, from the record schema
        assert ours and len(ours) == result.total
    assert len(list(service.search(public_identity(), params={"q": unique_word}).hits)) == 2


def test_hits_carry_no_search_section(app, database, search):
    """``msi_search`` (file text) stays in the index: OpenSearch leaves it out of every hit."""
    result = service.search(system_identity, params={"size": 25})
    sources = [hit.to_dict() for hit in result._results]
    assert sources and all("msi_search" not in source for source in sources)


def test_permission_answers_are_memoised_per_hit(app, database):
    """Each action is asked once; other identities and extra arguments are asked anew."""
    asked = []

    class Policy:
        def __init__(self, action, **kwargs):
            self.action, self.kwargs = action, kwargs

        def allows(self, identity):
            asked.append((self.action, identity))
            return self.action == "read_files"

    check = memoised_permission_check(Policy, {"identity": "anna", "record": None, "meta": None})
    assert [check("read_files"), check("manage"), check("read_files"), check("manage")] == [
        True,
        False,
        True,
        False,
    ]
    assert asked == [("read_files", "anna"), ("manage", "anna")]
    check("manage", identity="bo")
    check("read_files", extra=1)
    assert asked[2:] == [("manage", "bo"), ("read_files", "anna")]


def test_pages_reuse_the_threads_record_schema(app, database, search):
    """Each page used to build the record schema and its thirty nested schemas anew; a thread
    now serialises every page with one instance (answers as upstream's, tested above)."""
    from unittest import mock

    schema_cls = service.schema.schema
    assert list(service.search(system_identity, params={"size": 3}).hits)
    made = []
    original = schema_cls.__init__

    def counting(self, *args, **kwargs):
        made.append(type(self))
        original(self, *args, **kwargs)

    with mock.patch.object(schema_cls, "__init__", counting):
        for page in (1, 2, 3):
            assert list(service.search(system_identity, params={"size": 3, "page": page}).hits)
    assert made == []


def test_one_entry_serves_every_query_with_its_own_snippets(app, client, depositor, unique_word):
    """Two queries find the same record: the second is answered from the record's one entry,
    and each hit carries the snippets of its own query, as upstream's hits do."""
    other = "msiannat" + unique_word.removeprefix("msitest")
    headers = token_headers(depositor.token)
    deposit(client, headers, record_data(f"{unique_word} och {other}"))
    refresh_indices()
    hit_cache.clear()

    def hit(word):
        result = service.search(public_identity(), params={"q": word})
        hits = list(result.hits)
        assert hits == upstream_hits(result) and len(hits) == 1
        return hits[0]

    first = hit(unique_word)
    assert len(hit_cache) == 1
    second = hit(other)
    assert len(hit_cache) == 1  # the same entry: snippets are not part of it
    first_marks = " ".join(fragment for found in first["highlight"].values() for fragment in found)
    second_marks = " ".join(
        fragment for found in second["highlight"].values() for fragment in found
    )
    assert (
        f"<mark>{unique_word}</mark>" in first_marks and f"<mark>{other}</mark>" not in first_marks
    )
    assert (
        f"<mark>{other}</mark>" in second_marks
        and f"<mark>{unique_word}</mark>" not in second_marks
    )
