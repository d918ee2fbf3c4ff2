"""invenio-access's action cache, remembered for the length of one request.

Every permission check expands the ``superuser-access`` action (and any other action need of the
policy) through ``ACCESS_CACHE``. Upstream points that at the shared Redis cache, so a search page
of ten hits asks Redis the same question about 140 times: one round trip per check. Here the
answer is kept with the request (its WSGI environment) after the first read, so a request asks
Redis once per action; outside a request (tasks, commands) every read goes to Redis. Writes and
deletes go to Redis as before and update the request's copy, so a grant made during a request is
seen by the rest of it; other requests see it when they start, exactly as with upstream's cache.
"""

from flask import has_request_context, request
from invenio_cache import current_cache

_MISSING = object()


class RequestMemoCache:
    """A cache front for invenio-access: the shared cache, read once per key and request."""

    @staticmethod
    def _memo():
        if not has_request_context():
            return None
        return request.environ.setdefault("msi.access_cache", {})

    def get(self, key):
        """The value of ``key``: from this request's copy, else from the shared cache."""
        memo = self._memo()
        if memo is None:
            return current_cache.get(key)
        value = memo.get(key, _MISSING)
        if value is _MISSING:
            value = memo[key] = current_cache.get(key)
        return value

    def set(self, key, value):
        """Store ``value`` in the shared cache and in this request's copy."""
        current_cache.set(key, value)
        memo = self._memo()
        if memo is not None:
            memo[key] = value

    def delete(self, key):
        """Remove ``key`` from the shared cache and from this request's copy."""
        current_cache.delete(key)
        memo = self._memo()
        if memo is not None:
            memo.pop(key, None)


request_memo_cache = RequestMemoCache()
