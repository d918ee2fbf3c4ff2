"""Search hits serialised with one schema per page, memoised permission answers, and a hit cache.

This copies the loop of upstream's ``RDMRecordList.hits`` (load each hit back into a record,
dump it with the record schema and the hit's metadata in the context, expand its links) and
changes how it is done, not what comes out; the service's result list is set to it when the
application is finalised (``records_service.config.result_list_cls``, a class attribute with no
setting). With the change out, upstream's loop runs.

Upstream's result list builds a new record schema, and with it every nested schema, for each hit,
and each nested schema asks the permission policy its field questions anew (``read_files``,
``manage``, ``review``, ...). Here one schema instance serves every page a thread serialises (the
schema context lives in a context variable, not on the instance, so it is safe to reuse; see
``msi_rdm.upstream.dump_schemas``), and each hit's answers are computed once.

Most of a search request is that serialisation, and the same records come back again and again.
So the projection of a published record's hit is kept in a bounded per-process cache, keyed by a
digest of everything it is computed from: the hit's index document (which changes with every
revision, reindex, version or statistics update), the caller's needs (so each caller class has
its own entry and nobody is served another caller's view), the locale and the day (embargoes end
by date). Drafts are never cached: their permissions also depend on review
requests. A hit's snippets (``highlight``) are not part of its entry: they change with every
query, so they are put into the projection afresh, with the caption cues that say the marked
words (``records.schema.hit_highlight``), and one record's entry serves all queries that find it.
A film's poster and caption cues come from rows of their own: the film rows of a page's film hits
are read in one query, which the schema then uses, and each row's id and time of change are part
of the hit's key, so a new poster or new captions make a new entry.
"""

import hashlib
import threading
from collections import OrderedDict
from datetime import UTC, datetime

import orjson
from flask import current_app
from invenio_i18n import get_locale
from invenio_rdm_records.proxies import current_rdm_records
from invenio_rdm_records.services.results import RDMRecordList
from marshmallow_utils.context import context_schema

from ..films.search import film_rows_of, lists_film_files, rows_version
from ..records.schema import hit_highlight, shows_film_rows
from ..scoped import bound
from .change import UpstreamChange
from .replace import replacing
from .thread_schemas import thread_schema


def memoised_permission_check(policy_cls, context):
    """A ``field_permission_check`` for one hit that asks the policy each action once."""
    answers = {}
    default_identity = context["identity"]

    def check(action, identity=default_identity, **kwargs):
        if kwargs or identity is not default_identity:
            return policy_cls(action, **context, **kwargs).allows(identity)
        if action not in answers:
            answers[action] = policy_cls(action, **context).allows(identity)
        return answers[action]

    return check


class HitCache:
    """A bounded, least-recently-used map of digests to serialised projections (JSON bytes)."""

    def __init__(self):
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        """A fresh copy of the projection stored under ``key``, or None."""
        with self._lock:
            data = self._entries.get(key)
            if data is None:
                return None
            self._entries.move_to_end(key)
        return orjson.loads(data)

    def put(self, key, projection, size):
        """Keep ``projection`` under ``key``, dropping the least recently used beyond ``size``."""
        try:
            data = orjson.dumps(projection)
        except TypeError:
            return
        with self._lock:
            self._entries[key] = data
            self._entries.move_to_end(key)
            while len(self._entries) > size:
                self._entries.popitem(last=False)

    def clear(self):
        """Forget every entry."""
        with self._lock:
            self._entries.clear()

    def __len__(self):
        """Entries held."""
        return len(self._entries)


hit_cache = HitCache()


def caller_digest(identity):
    """Digest of what permission answers can depend on besides the record: needs, locale, day."""
    needs = sorted(repr(tuple(need)) for need in identity.provides)
    day = datetime.now(UTC).date().isoformat()
    return hashlib.blake2b(
        orjson.dumps([needs, str(get_locale() or ""), day]), digest_size=16
    ).digest()


def hit_key(caller, hit, source, film_rows=None):
    """Cache key of one hit: the caller's digest, the index, the index document and, for a film,
    its film rows' versions."""
    digest = hashlib.blake2b(caller, digest_size=20)
    digest.update(hit.meta["index"].encode())
    digest.update(orjson.dumps(source, option=orjson.OPT_SORT_KEYS))
    if film_rows:
        digest.update(orjson.dumps(rows_version(film_rows)))
    return digest.digest()


class PageSchemaHits(RDMRecordList):
    """Upstream's hits, produced with this thread's instance of the record schema."""

    @property
    def hits(self):
        """Yield the projection of each hit, as upstream's ``RDMRecordList.hits`` does."""
        if not change.active:
            yield from super().hits
            return
        service, identity = self._service, self._identity
        schema = thread_schema(self._schema.schema, {})
        policy_cls = service.config.permission_policy_cls
        records_index = service.record_cls.index._name
        size = current_app.config.get("MSI_SEARCH_HIT_CACHE_SIZE", 0)
        caller = caller_digest(identity) if size else None
        found = [(hit, hit.to_dict()) for hit in self._results]
        films = film_rows_of([hit.meta.id for hit, source in found if lists_film_files(source)])
        for hit, source in found:
            published = records_index in hit.meta["index"]
            film_rows = films.get(hit.meta.id)
            key = hit_key(caller, hit, source, film_rows) if size and published else None
            if key is not None and (cached := hit_cache.get(key)) is not None:
                projection, shows_rows = cached
                rows = film_rows if shows_rows and film_rows else []
                highlight = hit_highlight(hit.meta, projection["id"], rows)
                yield {**projection, "highlight": highlight} if highlight else projection
                continue
            record_cls = service.record_cls if published else service.draft_cls
            record = record_cls.loads(source)
            context = {"identity": identity, "record": record, "meta": hit.meta}
            check = memoised_permission_check(policy_cls, context)
            schema_context = {
                **context,
                "field_permission_check": check,
                "msi_film_page_rows": films,
            }
            with bound(context_schema, schema_context):
                projection = schema.dump(record)
            if self._links_item_tpl:
                projection["links"] = self._links_item_tpl.expand(identity, record)
            if key is not None:
                entry = {name: value for name, value in projection.items() if name != "highlight"}
                hit_cache.put(key, [entry, shows_film_rows(record)], size)
            yield projection


apply, revert = replacing(
    lambda app: current_rdm_records.records_service.config, "result_list_cls", PageSchemaHits
)

change = UpstreamChange(
    name="search-hits",
    replaces=("invenio_rdm_records.services.config.RDMRecordServiceConfig.result_list_cls",),
    why="a page of ten hits built the record schema tree per hit (~28% of a search) and asked "
    "the permission policy the same questions per field (~25%); popular hits come from a cache",
    checked={"invenio-rdm-records": ("32.3.2",), "invenio-records-resources": ("10.2.4",)},
    unnecessary_when="invenio-rdm-records takes the result list class from a setting and reuses "
    "its schema per page",
    apply=apply,
    revert=revert,
    phase="finalize",
)
