"""The searches behind feeds and digests: public records only, newest first."""

from flask import current_app
from invenio_i18n import lazy_gettext as _
from invenio_rdm_records.proxies import current_rdm_records_service as records_service
from invenio_records_resources.services.errors import QuerystringValidationError
from invenio_search.engine import dsl, search

from ..researchers.works import public_identity

QUERY_MAX_LENGTH = 1000


class RefusedSearch(ValueError):
    """A query or facet that cannot be saved; the message says why, in the user's language."""


def public_filter():
    """Published records anyone may see, embargoed ones left out even where metadata is open."""
    return dsl.Q("term", **{"access.record": "public"}) & ~dsl.Q(
        "term", **{"access.status": "embargoed"}
    )


def search_arguments(args):
    """The query and the ``[facet, value]`` pairs of the search page's arguments (``f=theme:x``)."""
    query = (args.get("q") or "").strip()
    facets = []
    for value in args.getlist("f"):
        name, sep, term = value.partition(":")
        if sep and name and term:
            facets.append([name, term])
    return query, facets


def facet_params(facets):
    """The service's ``facets`` parameter: ``{"theme": ["x", "y"]}``."""
    grouped = {}
    for name, term in facets:
        grouped.setdefault(name, []).append(term)
    return grouped


def page_arguments(query, facets):
    """The search page's arguments for a query and its facets, as ``(key, value)`` pairs."""
    pairs = [("q", query)] if query else []
    return pairs + [("f", f"{name}:{term}") for name, term in facets]


def newest(query="", facets=(), extra_filter=None, size=None, after=None, until=None):
    """Search public records, newest first; ``after``/``until`` bound their creation (UTC)."""
    flt = public_filter()
    if extra_filter is not None:
        flt &= extra_filter
    bounds = {}
    if after is not None:
        bounds["gt"] = after.isoformat()
    if until is not None:
        bounds["lte"] = until.isoformat()
    if bounds:
        flt &= dsl.Q("range", created=bounds)
    params = {
        "q": query,
        "sort": "newest",
        "size": size or current_app.config["MSI_ALERTS_FEED_SIZE"],
        "page": 1,
        "facets": facet_params(facets),
    }
    return records_service.search(public_identity(), params=params, extra_filter=flt)


def check_search(query, facets):
    """Refuse what cannot be saved: unknown facets, an over-long query or one the search refuses."""
    if len(query) > QUERY_MAX_LENGTH:
        raise RefusedSearch(
            _("The query is too long (at most %(n)s characters).", n=QUERY_MAX_LENGTH)
        )
    known = set(current_app.config["RDM_SEARCH"]["facets"])
    unknown = sorted({name for name, _term in facets} - known)
    if unknown:
        raise RefusedSearch(_("Unknown filter: %(names)s.", names=", ".join(unknown)))
    try:
        newest(query, facets, size=1).total  # noqa: B018 - runs the search
    except (QuerystringValidationError, search.RequestError) as error:
        current_app.logger.info("msi: saved search refused: %r (%s)", query, error)
        raise RefusedSearch(
            _("The search cannot run as written: check quotes, brackets and field names.")
        ) from error
