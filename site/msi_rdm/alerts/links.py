"""The feed a page advertises: ``<link rel="alternate">`` in its head and its "Follow" control."""

from flask import request, url_for

from .queries import page_arguments, search_arguments

SEARCH_ENDPOINTS = ("invenio_search_ui.search",)
COMMUNITY_ENDPOINTS = (
    "invenio_app_rdm_communities.communities_detail",
    "invenio_app_rdm_communities.communities_home",
)
RESEARCHER_ENDPOINTS = ("msi_researchers_ui.profile",)


def page_feed():
    """``{"atom": url, "rss": url}`` of the current page's feed, or None if it has none."""
    endpoint = request.endpoint or ""
    view_args = request.view_args or {}
    if endpoint in SEARCH_ENDPOINTS:
        query, facets = search_arguments(request.args)
        args = page_arguments(query, facets)
        return {
            fmt: url_for("msi_alerts.search_feed", fmt=fmt) + _query_string(args)
            for fmt in ("atom", "rss")
        }
    if endpoint in COMMUNITY_ENDPOINTS and "pid_value" in view_args:
        return {
            fmt: url_for("msi_alerts.community_feed", slug=view_args["pid_value"], fmt=fmt)
            for fmt in ("atom", "rss")
        }
    if endpoint in RESEARCHER_ENDPOINTS and "pid_value" in view_args:
        return {
            fmt: url_for("msi_alerts.researcher_feed", pid_value=view_args["pid_value"], fmt=fmt)
            for fmt in ("atom", "rss")
        }
    return None


def _query_string(args):
    from urllib.parse import urlencode

    return f"?{urlencode(args)}" if args else ""


def feed_context():
    """Template globals: ``msi_page_feed()`` for the page head and the follow control, and
    ``msi_csrf_token()`` for forms on pages that upstream's views render (the search page)."""
    from flask_wtf.csrf import generate_csrf

    return {"msi_page_feed": page_feed, "msi_csrf_token": generate_csrf}
