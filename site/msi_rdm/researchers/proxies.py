"""Proxies to the researcher profile service."""

from flask import current_app
from werkzeug.local import LocalProxy

current_researchers_service = LocalProxy(lambda: current_app.extensions["msi-researchers"].service)
