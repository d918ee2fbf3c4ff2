"""Pages of the records index in a stable order: ``updated`` then ``id``, resumed by search_after.

Only records the public may see take part: published, public metadata, with an OAI identifier.
Deleted and withdrawn records stay in the index as tombstones and are listed as deleted; a
deletion updates the record, so a harvester that already passed it meets it again at the end.
"""

from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_search import current_search_client
from invenio_search.utils import build_alias_name

SORT = [{"updated": "asc"}, {"id": "asc"}]
SOURCE_EXCLUDES = ["msi_search"]
"""The full text of the files: large, and never part of any metadata format."""


def _index():
    """The prefixed alias of the records index."""
    return build_alias_name(current_rdm_records_service.record_cls.index.search_alias)


def visible(extra=()):
    """Return a bool query of the records OAI-PMH may show, with extra filters."""
    return {
        "bool": {
            "filter": [
                {"exists": {"field": "pids.oai.identifier.keyword"}},
                {"term": {"access.record": "public"}},
                {"term": {"is_published": True}},
                *extra,
            ]
        }
    }


def is_deleted(source):
    """Whether an index document is a tombstone (deleted or withdrawn record)."""
    return source.get("deletion_status", "P") != "P" or bool(source.get("is_deleted"))


def search_page(filters, size, after=None):
    """Return ``(hits, total)`` of one page; ``size + 1`` hits are asked for to see a next page."""
    body = {
        "query": visible(filters),
        "sort": SORT,
        "size": size + 1,
        "track_total_hits": True,
        "_source": {"excludes": SOURCE_EXCLUDES},
    }
    if after:
        body["search_after"] = after
    response = current_search_client.search(index=_index(), body=body)
    return response["hits"]["hits"], response["hits"]["total"]["value"]


def find(oai_identifier):
    """Return the index document of an OAI identifier the public may see, or None."""
    body = {
        "query": visible([{"term": {"pids.oai.identifier.keyword": oai_identifier}}]),
        "size": 1,
        "_source": {"excludes": SOURCE_EXCLUDES},
    }
    hits = current_search_client.search(index=_index(), body=body)["hits"]["hits"]
    return hits[0]["_source"] if hits else None


def earliest_datestamp():
    """The oldest ``updated`` among visible records, or None when there are none."""
    body = {"query": visible(), "size": 0, "aggs": {"earliest": {"min": {"field": "updated"}}}}
    response = current_search_client.search(index=_index(), body=body)
    return response["aggregations"]["earliest"].get("value_as_string")
