"""Search: the per-process caches of hits and facet requests."""

MSI_SEARCH_HIT_CACHE_SIZE = 4096
"""Serialised search hits each web process keeps (a few KiB each; see
``msi_rdm.upstream.search_hits``); 0: none."""

MSI_CACHED_FACETS_SEEN = 8192
"""Facet requests each web process remembers; a search whose facets were asked before sends them
in a request of their own that OpenSearch caches (see ``msi_rdm.upstream.cached_facets``);
0: never."""
