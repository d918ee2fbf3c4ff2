"""The page delivery feature's extension: compression and cache headers, after each request."""

import re

from flask import current_app, request
from flask_compress import Compress

from ..ext import FeatureExtension
from . import config

IMMUTABLE = "public, max-age=31536000, immutable"


def serving_static():
    """Whether the request is for a static file: the app's or a blueprint's (``<name>.static``)."""
    endpoint = request.endpoint or ""
    return endpoint == "static" or endpoint.endswith(".static")


class MSIDelivery(FeatureExtension):
    """Compress text answers; let browsers keep the hashed web assets for a year."""

    name = "msi-delivery"
    config = config
    config_prefixes = ("MSI_DELIVERY_",)

    def init_app(self, app):
        """Register the cache headers and, when switched on, the compression of answers."""
        super().init_app(app)
        self.hashed = re.compile(app.config["MSI_DELIVERY_HASHED_PATTERN"])
        self.compressor = Compress()
        # Flask-Compress reads its settings here; its own hook stays unregistered
        # (COMPRESS_REGISTER is False in msi_rdm.config): compress() below decides first.
        self.compressor.init_app(app)
        app.after_request(self.cache_static)
        app.after_request(self.compress)

    def cache_static(self, response):
        """Mark hashed assets immutable for a year and other static files fresh for a while."""
        if not serving_static() or not current_app.config["MSI_DELIVERY_CACHE_STATIC"]:
            return response
        if response.status_code not in (200, 304):
            return response
        if self.hashed.match((request.view_args or {}).get("filename", "")):
            response.headers["Cache-Control"] = IMMUTABLE
        else:
            max_age = current_app.config["MSI_DELIVERY_STATIC_MAX_AGE"]
            response.headers["Cache-Control"] = f"public, max-age={max_age}"
        return response

    def compress(self, response):
        """Compress a complete text answer the client accepts compressed.

        Partial answers (range requests of files and films) keep their bytes as they are. The
        ETag of a REST answer is the record's revision, which clients send back in ``If-Match``:
        it stays what it was instead of Flask-Compress's ``"<revision>:br"``.
        """
        if not current_app.config["MSI_DELIVERY_COMPRESS"]:
            return response
        if response.status_code != 200 or "Range" in request.headers:
            return response
        etag = response.headers.get("ETag")
        response = self.compressor.after_request(response)
        if etag and not serving_static():
            response.headers["ETag"] = etag
        return response
