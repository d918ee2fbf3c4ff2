"""Page delivery: compression and cache headers of the web server's answers."""

MSI_DELIVERY_COMPRESS = True
"""Compress text answers (HTML, JSON, CSS, JavaScript, SVG, XML) with brotli or gzip, as the
client accepts. Off, answers go out as upstream sends them."""

MSI_DELIVERY_CACHE_STATIC = True
"""Send webpack's hashed assets (``/static/dist/…/name.<hash>.ext``) with
``Cache-Control: public, max-age=31536000, immutable``: their name changes with their content,
so browsers never need to ask again; other static files may be kept
``MSI_DELIVERY_STATIC_MAX_AGE`` seconds. Off, Flask's ``no-cache`` revalidation applies to all."""

MSI_DELIVERY_STATIC_MAX_AGE = 3600
"""Seconds browsers may keep the static files without a hash in their name (logo, icons)."""

MSI_DELIVERY_HASHED_PATTERN = r"^dist/.+\.[0-9a-f]{7,32}\.+[A-Za-z0-9]+(\.map)?$"
"""Static paths (relative to ``/static/``) that carry a content hash in their name."""
