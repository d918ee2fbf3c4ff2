"""Search engines: sitemaps built when first asked for, and how often the beat task renews them."""

from datetime import timedelta

MSI_DISCOVERY_SITEMAP_ON_DEMAND = True
"""Build the sitemaps when a crawler asks for them (``/robots.txt``, ``/sitemap_index.xml``,
``/sitemap.xml``, ``/sitemap_<n>.xml``) before the beat task first ran, instead of answering 404.
False: only the beat task (``MSI_DISCOVERY_SITEMAP_EVERY``) builds them, as upstream."""

MSI_DISCOVERY_SITEMAP_EVERY = timedelta(hours=1)
"""How often the beat task rebuilds the sitemaps (upstream: once a night), so that a record
published or made restricted shows in them, or leaves them, within the hour."""
