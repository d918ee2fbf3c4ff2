"""What each kind of feed follows: its search, its title and the page it belongs to."""

from urllib.parse import urlencode

from flask import abort, current_app, url_for
from invenio_access.permissions import system_identity
from invenio_i18n import lazy_gettext as _
from invenio_search.engine import dsl

from ..researchers.works import public_identity, works_filter
from .feeds import localised
from .queries import page_arguments

VOCABULARY_FEEDS = {
    "themes": ("theme", "msithemes", _("Theme: %(title)s")),
    "sdgs": ("sdg", "sdgs", _("Sustainable Development Goal: %(title)s")),
    "nodes": ("node", "msinodes", _("MSI node: %(title)s")),
}
"""Feed path → (search facet, vocabulary, feed title)."""


def _site():
    return current_app.config["SITE_UI_URL"]


def search_source(query, facets):
    """A search page's feed: its query and facets."""
    arguments = urlencode(page_arguments(query, facets))
    title = (
        _("New in the MSI repository: %(query)s", query=query)
        if query
        else _("New in the MSI repository")
    )
    return {
        "query": query,
        "facets": facets,
        "filter": None,
        "title": str(title),
        "page": f"{_site()}/search" + (f"?{arguments}" if arguments else ""),
    }


def vocabulary_source(kind, term):
    """A theme's, goal's or node's feed: the search filtered by that term."""
    from invenio_pidstore.errors import PIDDoesNotExistError
    from invenio_vocabularies.proxies import current_service as vocabularies

    facet, vocabulary, title = VOCABULARY_FEEDS[kind]
    try:
        item = vocabularies.read(system_identity, (vocabulary, term)).to_dict()
    except PIDDoesNotExistError:
        abort(404)
    facets = [[facet, term]]
    return {
        "query": "",
        "facets": facets,
        "filter": None,
        "title": str(title) % {"title": localised(item.get("title"))},
        "page": f"{_site()}/search?{urlencode(page_arguments('', facets))}",
    }


def community_source(slug):
    """A public community's feed: the records it includes."""
    from flask_principal import PermissionDenied
    from invenio_communities.proxies import current_communities
    from invenio_pidstore.errors import PIDDoesNotExistError

    try:
        community = current_communities.service.read(public_identity(), slug).to_dict()
    except (PIDDoesNotExistError, PermissionDenied):
        abort(404)
    return {
        "query": "",
        "facets": [],
        "filter": dsl.Q("term", **{"parent.communities.ids": community["id"]}),
        "title": community["metadata"]["title"],
        "page": f"{_site()}/communities/{community['slug']}/records",
    }


def researcher_source(pid_value):
    """A public researcher profile's feed: their works."""
    from flask_principal import PermissionDenied
    from invenio_pidstore.errors import PIDDeletedError, PIDDoesNotExistError

    from ..researchers.proxies import current_researchers_service as researchers

    try:
        item = researchers.read(public_identity(), pid_value)
    except (PIDDoesNotExistError, PIDDeletedError, PermissionDenied):
        abort(404)
    return {
        "query": "",
        "facets": [],
        "filter": works_filter(item._record),
        "title": str(_("Works of %(name)s", name=item.to_dict()["name"])),
        "page": f"{_site()}{url_for('msi_researchers_ui.profile', pid_value=pid_value)}",
    }
