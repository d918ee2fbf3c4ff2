"""Sitemaps of the public records, communities and researcher profiles (invenio-sitemap).

invenio-sitemap serves ``/sitemap.xml`` (the first sitemap index), ``/sitemap_index_<n>.xml``
and ``/sitemap_<n>.xml`` from its cache, which its task ``update_sitemap_cache`` fills from
``SITEMAP_SECTIONS``: upstream's sections of records and communities, and
``SitemapSectionOfResearchers`` here. MSI adds:

- ``/sitemap_index.xml``, the name crawlers and ``robots.txt`` conventions look for, serving the
  same first index as ``/sitemap.xml`` (``views``);
- the task on the beat every ``MSI_DISCOVERY_SITEMAP_EVERY`` (``msi_rdm.config``), so that what
  is published, restricted or deleted shows within the hour;
- ``sitemaps_on_demand``: a crawler that comes before the first beat run gets sitemaps, not 404.

Only what anyone may see is listed: records with public metadata that are not deleted
(upstream's section), public communities, and profiles the researchers service shows anonymous
visitors (approved or ended affiliations).
"""

from flask import current_app, request
from flask_principal import Identity
from invenio_access.permissions import any_user
from invenio_base import invenio_url_for
from invenio_cache import current_cache
from invenio_sitemap import SitemapSection, format_to_w3c
from invenio_sitemap.cache import SitemapIndexCache
from invenio_sitemap.tasks import update_sitemap_cache

CRAWLER_ENDPOINTS = {
    "invenio_app_rdm.robots",
    "invenio_sitemap.sitemap_root",
    "invenio_sitemap.sitemap_index",
    "invenio_sitemap.sitemap",
    "msi_discovery.sitemap_index",
}
"""Endpoints whose answer depends on the sitemaps being built."""


def anonymous_identity():
    """The identity of a visitor who is not signed in."""
    identity = Identity(None)
    identity.provides.add(any_user)
    return identity


class SitemapSectionOfResearchers(SitemapSection):
    """The public researcher profiles (``/researchers/<id>``)."""

    page_size = 100

    def iter_entities(self):
        """Profiles an anonymous visitor may see, as the researchers service finds them (its
        search applies the permission policy), page by page by name (up to the index's window
        of 10,000 hits, far more than the network has)."""
        from ..researchers.proxies import current_researchers_service

        identity, page = anonymous_identity(), 1
        while True:
            params = {"size": self.page_size, "page": page, "sort": "name"}
            hits = list(current_researchers_service.search(identity, params=params).hits)
            yield from hits
            if len(hits) < self.page_size or page * self.page_size >= 10000:
                return
            page += 1

    def to_dict(self, entity):
        """The profile page and when the profile last changed."""
        return {
            "loc": invenio_url_for("msi_researchers_ui.profile", pid_value=entity["id"]),
            "lastmod": format_to_w3c(entity["updated"]),
        }


def sitemaps_built():
    """Whether invenio-sitemap's cache holds a sitemap index."""
    return SitemapIndexCache(current_cache).has(0)


def sitemaps_on_demand():
    """``before_request``: build the sitemaps for a crawler when the beat has not yet done so."""
    if request.endpoint not in CRAWLER_ENDPOINTS:
        return None
    if current_app.config["MSI_DISCOVERY_SITEMAP_ON_DEMAND"] and not sitemaps_built():
        update_sitemap_cache()
    return None
