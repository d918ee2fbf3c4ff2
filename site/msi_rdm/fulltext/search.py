"""Record search with MSI's Swedish-aware fields, full text at a lower boost, and highlights."""

import json
from importlib.resources import files

from invenio_rdm_records.services.config import RDMSearchOptions
from invenio_records_resources.services.records.params import ParamInterpreter
from invenio_records_resources.services.records.queryparser import QueryParser
from invenio_search.engine import dsl

from ..upstream.cached_facets import CachedFacetsSearch

HIGHLIGHTED = ("msi_search.title", "msi_search.description", "msi_search.fulltext")


def upstream_default_fields():
    """Fields upstream searches by default, read from its records mapping."""
    mapping = files("invenio_rdm_records.records.mappings.os-v2.rdmrecords.records").joinpath(
        "record-v7.0.0.json"
    )
    return json.loads(mapping.read_text())["settings"]["index.query.default_field"]


MSI_SEARCH_FIELDS = [
    *[f for f in upstream_default_fields() if f not in ("metadata.title", "metadata.description")],
    "metadata.title^3",
    "metadata.description^2",
    "msi_search.title^3",
    "msi_search.title_en^2",
    "msi_search.title_folded^2",
    "msi_search.description^2",
    "msi_search.description_en",
    "msi_search.description_folded",
    "msi_search.fulltext^0.5",
    "msi_search.fulltext_en^0.3",
    "msi_search.fulltext_folded^0.3",
]
"""Upstream's fields, title and description boosted, then ours; file text weighs least.

Each of ours has an ``.exact`` subfield, which quoted phrases search (``quote_field_suffix``)."""


QUERY_STRING_ONLY = ("quote_field_suffix",)
"""Parser options ``query_string`` knows and ``multi_match`` refuses."""


class MSIQueryParser(QueryParser):
    """Upstream's parser, whose fallback for a query it cannot parse is a valid request.

    A query string the Lucene syntax parser refuses (``title:(``, a lone quote) is searched as
    plain words with ``multi_match`` and the same options. ``quote_field_suffix`` is not one
    ``multi_match`` accepts: OpenSearch refused the whole request and the visitor got a server
    error. The fallback now goes without it (it only applies to quoted phrases, which a
    ``multi_match`` does not have).
    """

    def parse(self, query_str):
        """Parse as upstream does; drop the ``query_string``-only options from the fallback."""
        query = super().parse(query_str)
        if query.name != "multi_match":
            return query
        options = query.to_dict()["multi_match"]
        return dsl.Q(
            "multi_match", **{k: v for k, v in options.items() if k not in QUERY_STRING_ONLY}
        )


class HighlightParam(ParamInterpreter):
    """Ask for snippets of title, description and file text when there is a query."""

    def apply(self, identity, search, params):
        """Add HTML-escaped highlighting with <mark> around the matched terms."""
        if not (params.get("q") or "").strip():
            return search
        search = search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            fragment_size=160,
            number_of_fragments=3,
            require_field_match=False,
            no_match_size=0,
        )
        return search.highlight(*HIGHLIGHTED)


class SearchSectionExcludedParam(ParamInterpreter):
    """Leave ``msi_search`` (file text included) out of the hits: it is for matching only."""

    def apply(self, identity, search, params):
        """Exclude the search section from each hit's ``_source``."""
        return search.source(excludes=["msi_search"])


class MSISearchOptions(RDMSearchOptions):
    """Upstream's record search options with highlighting, without the search section in hits.

    Facets go in a request of their own that OpenSearch can cache
    (``msi_rdm.upstream.cached_facets``).
    """

    search_cls = CachedFacetsSearch

    params_interpreters_cls = [
        *RDMSearchOptions.params_interpreters_cls,
        HighlightParam,
        SearchSectionExcludedParam,
    ]
