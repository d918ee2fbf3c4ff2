"""Found by search engines: Google Scholar's citation tags on landing pages, and sitemaps."""
