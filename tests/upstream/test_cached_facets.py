"""Record searches send hits and facets as two requests; the answers are those of one request."""

from unittest import mock

import pytest
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_search.api import RecordsSearchV2
from invenio_search.utils import build_alias_name
from opensearchpy import Transport
from opensearchpy.exceptions import NotFoundError, RequestError, TransportError

from helpers import deposit_each, record_data, refresh_indices
from msi_rdm.fulltext.search import MSISearchOptions
from msi_rdm.upstream.cached_facets import CachedFacetsSearch, raise_if_failed, split_search

BODY = {
    "query": {"match": {"title": "kommun"}},
    "post_filter": {"term": {"theme": "x"}},
    "aggs": {"theme": {"terms": {"field": "theme"}}},
    "sort": ["_score"],
    "from": 10,
    "size": 10,
    "_source": {"excludes": ["msi_search"]},
    "highlight": {"fields": {"msi_search.title": {}}},
    "track_total_hits": True,
    "min_score": 0.5,
}


def test_split_keeps_what_hits_and_facets_each_depend_on():
    """The hits part is the body without aggregations; the facets part only the query, the
    aggregations and the minimum score, with no hits and no selection (``post_filter``)."""
    header, hits, facets = split_search(BODY, {"version": True, "preference": "abc"})
    assert header == {"preference": "abc"}
    assert hits == {**{k: v for k, v in BODY.items() if k != "aggs"}, "version": True}
    assert facets == {
        "query": BODY["query"],
        "aggs": BODY["aggs"],
        "min_score": 0.5,
        "size": 0,
    }


@pytest.mark.parametrize(
    "body, params",
    [
        ({k: v for k, v in BODY.items() if k != "aggs"}, {}),  # nothing to split
        ({**BODY, "size": 0}, {}),  # already a facets-only request
        ({**BODY, "collapse": {"field": "parent.id"}}, {}),  # a key not known here
        (BODY, {"routing": "1"}),  # a parameter not known here
    ],
)
def test_what_cannot_be_split_is_sent_as_before(body, params):
    assert split_search(body, params) is None


def test_a_failed_part_raises_as_a_single_search_does():
    """The status picks the exception class; the answer is its info, as the transport gives."""
    answer = {
        "error": {"root_cause": [{"type": "query_shard_exception"}], "type": "search_phase"},
        "status": 400,
    }
    with pytest.raises(RequestError) as raised:
        raise_if_failed(answer)
    assert (raised.value.status_code, raised.value.error, raised.value.info) == (
        400,
        "search_phase",
        answer,
    )
    with pytest.raises(NotFoundError):
        raise_if_failed({"error": {"type": "index_not_found_exception"}, "status": 404})
    with pytest.raises(TransportError):
        raise_if_failed({"error": "odd", "status": 599})
    raise_if_failed({"hits": {}, "status": 200})  # no error: nothing raised


def _answers(client, params, **kwargs):
    """The API's answers to ``params``: split (asked before), and as upstream sends it."""
    answers = []
    for search_cls in (CachedFacetsSearch, CachedFacetsSearch, RecordsSearchV2):
        with mock.patch.object(MSISearchOptions, "search_cls", search_cls):
            response = client.get("/api/records", query_string=params, **kwargs)
        answers.append((response.status_code, response.json))
    first, split, single = answers
    assert first == single, params  # facets not asked before: one request, as upstream
    return split, single


def test_answers_equal_the_single_request(app, client, search, depositor, unique_word):
    """Hits, totals and every facet, for the anonymous visitor and the owner, with a query,
    a second page, another sort order and a selected facet: the same as one request gives."""
    records = deposit_each(
        app,
        depositor,
        **{f"r{n}": record_data(f"{unique_word} rapport {n}") for n in range(3)},
        film=record_data(f"{unique_word} film", resource_type="video"),
        closed=record_data(f"{unique_word} stängd", access="restricted"),
    )
    owner = {"Authorization": f"Bearer {depositor.token}"}
    for params in (
        {"q": unique_word},
        {"q": unique_word, "size": 2, "page": 2},
        {"q": unique_word, "sort": "newest"},
        {"q": unique_word, "resource_type": "video"},
        {"q": f"{unique_word} AND rapport", "size": 1},
        {"q": "title:(", "size": 1},  # searched as plain words
        {"sort": "newest", "size": 3},
    ):
        for headers in ({}, owner):
            split, single = _answers(client, params, headers=headers)
            assert split == single, params
            assert split[0] == 200
    anonymous = _answers(client, {"q": unique_word})[0][1]
    assert anonymous["hits"]["total"] == 4
    assert anonymous["aggregations"]["resource_type"]["buckets"]
    seen = {hit["id"] for hit in anonymous["hits"]["hits"]}
    assert records["closed"]["id"] not in seen


def test_refused_query_gives_the_same_error(client, search):
    """A query OpenSearch refuses is answered with the same status and message as before."""
    split, single = _answers(client, {"q": "a/b"})
    assert split == single
    assert split[0] == 400


def test_restricted_records_are_not_counted_for_the_public(
    app, client, search, depositor, unique_word
):
    """Facet counts come from the permission-filtered query: a restricted record counts for its
    owner and not for anyone else, cached or not."""
    deposit_each(app, depositor, closed=record_data(f"{unique_word} stängd", access="restricted"))
    owner = {"Authorization": f"Bearer {depositor.token}"}
    for _ in range(2):  # the second time from OpenSearch's cache
        public = client.get("/api/records", query_string={"q": unique_word}).json
        assert public["hits"]["total"] == 0
        assert all(not facet["buckets"] for facet in public["aggregations"].values())
        mine = client.get("/api/records", query_string={"q": unique_word}, headers=owner).json
        assert mine["hits"]["total"] == 1
        resource_types = mine["aggregations"]["resource_type"]["buckets"]
        assert [(b["key"], b["doc_count"]) for b in resource_types] == [("publication", 1)]


def _request_cache(search):
    alias = build_alias_name(service.record_cls.index.search_alias)
    stats = search.indices.stats(index=alias, metric="request_cache")
    return stats["_all"]["total"]["request_cache"]


def _sent(client, params):
    """The answer to ``params`` and the records searches its request sent to OpenSearch."""
    sent = []
    original = Transport.perform_request

    def recording(transport, method, url, *args, **kwargs):
        sent.append(url)
        return original(transport, method, url, *args, **kwargs)

    with mock.patch.object(Transport, "perform_request", recording):
        answer = client.get("/api/records", query_string=params).json
    alias = build_alias_name(service.record_cls.index.search_alias)
    return answer, [url.removeprefix(f"/{alias}/") for url in sent if alias in url]


def test_facets_served_from_opensearch_cache_until_the_index_changes(
    app, client, search, depositor, unique_word
):
    """Facets not asked before go with the hits in one ``_search``. From the second time the
    same facets are asked (the next page, a facet selection) they are a request of their own:
    counted once more, then answered from OpenSearch's request cache; a new record makes them
    counted afresh."""
    deposit_each(app, depositor, first=record_data(f"{unique_word} första"))
    first, sent = _sent(client, {"q": unique_word})
    assert sent == ["_search"]
    before = _request_cache(search)
    second, sent = _sent(client, {"q": unique_word, "page": 2})
    assert sent == ["_msearch"]
    middle = _request_cache(search)
    assert (middle["miss_count"] - before["miss_count"], middle["hit_count"]) == (
        1,
        before["hit_count"],
    )
    third, sent = _sent(client, {"q": unique_word, "resource_type": "video"})
    assert sent == ["_msearch"]
    after = _request_cache(search)
    assert (after["hit_count"] - middle["hit_count"], after["miss_count"]) == (
        1,
        middle["miss_count"],
    )
    assert second["aggregations"] == third["aggregations"] == first["aggregations"]

    deposit_each(app, depositor, second=record_data(f"{unique_word} andra"))
    refresh_indices()
    fresh, sent = _sent(client, {"q": unique_word})
    assert sent == ["_msearch"]
    assert fresh["hits"]["total"] == 2
    counts = {b["key"]: b["doc_count"] for b in fresh["aggregations"]["resource_type"]["buckets"]}
    assert counts == {"publication": 2}


def test_searches_nobody_repeats_are_sent_as_one_request(client, search, unique_word):
    """Each search whose facets were not asked before is one ``_search``, as upstream sends it,
    so a stream of new searches costs OpenSearch no second evaluation of the query."""
    for n in range(5):
        assert _sent(client, {"q": f"{unique_word}{n}"})[1] == ["_search"]


def test_remembered_facets_are_bounded(app, client, search, unique_word):
    """Only ``MSI_CACHED_FACETS_SEEN`` facet requests are remembered, the least recent dropped;
    0 turns splitting off."""
    api = app.wsgi_app.mounts["/api"]  # the REST API has a configuration of its own
    with mock.patch.dict(api.config, {"MSI_CACHED_FACETS_SEEN": 2}):
        for word in ("a", "b", "c", "a"):  # "a" is forgotten when "c" is noted
            assert _sent(client, {"q": f"{unique_word}{word}"})[1] == ["_search"]
        assert _sent(client, {"q": f"{unique_word}a"})[1] == ["_msearch"]
    with mock.patch.dict(api.config, {"MSI_CACHED_FACETS_SEEN": 0}):
        for _ in range(2):
            assert _sent(client, {"q": f"{unique_word}z"})[1] == ["_search"]
