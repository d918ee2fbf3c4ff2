"""The action cache is read once per request, and a search expands superuser access once."""

from invenio_cache import current_cache

from helpers import (
    CountingGets,
)
from msi_rdm.search.access_cache import request_memo_cache
from msi_rdm.upstream.search_hits import hit_cache


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
    assert app.config["ACCESS_CACHE"] == "msi_rdm.search.access_cache:request_memo_cache"
    hit_cache.clear()
    counting = CountingGets()
    with counting.patch():
        response = client.get("/api/records", query_string={"size": 10})
    assert response.status_code == 200 and response.json["hits"]["hits"]
    superuser = [key for key in counting.keys if key.endswith("superuser-access")]
    assert len(superuser) == 1, counting.keys
