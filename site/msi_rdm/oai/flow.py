"""Flow control for harvesters: ``/oai2d`` has a budget of its own and answers 503 beyond it.

OAI-PMH's own flow control (protocol 2.0, section 3.1.2.2) is HTTP 503 with ``Retry-After``;
harvesters (Sickle, OpenAIRE's, BASE's) wait that long and send the same request again. The
anonymous limit on pages and search (``RATELIMIT_GUEST_USER``, answered with an HTML 429 by
Flask-Limiter) would cut a harvest off with a page no harvester can parse, so:

- ``/oai2d`` is left out of Flask-Limiter's application limits
  (``RATELIMIT_APPLICATION_EXEMPT_WHEN`` in ``msi_rdm.config`` calls ``is_oai_request``), so
  harvesting spends nothing of the budget of pages and search, and browsing nothing of a
  harvester's;
- ``over_budget`` counts OAI-PMH requests per client (the same key as Flask-Limiter's: user agent
  and address, or ``RATELIMIT_KEY_FUNC``) against ``MSI_OAI_RATE_LIMIT``, in Flask-Limiter's
  storage (Redis in production) with its moving-window strategy; a refused request is not
  counted, so a harvester that waits as told is let through again;
- ``busy_answer`` is the 503.

Choices the protocol leaves open:

- ``Retry-After`` is given in whole seconds (delta-seconds, never an HTTP date): Sickle and most
  harvesters read it with ``int()``. It is rounded up and at least 1, so a harvester that waits
  that long finds its budget free again.
- The protocol defines no OAI-PMH body for a 503 (no error code names it, and the schema's
  ``error`` needs one of its eight codes). The body is the OAI-PMH envelope (``responseDate`` and
  ``request``, which every harvester's parser reads) with the explanation in a comment: XML,
  never the HTML error page, for clients that parse the body whatever the status.
"""

import math
import time
from datetime import UTC, datetime
from functools import cache

from flask import Response, current_app, request
from invenio_app.limiter import useragent_and_ip_limit_key
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from lxml import etree
from werkzeug.utils import import_string

from .verbs import NS_OAI, NS_XSI, base_url

ENDPOINT = "invenio_oaiserver.response"
"""invenio-oaiserver's endpoint, which ``oai.views`` answers."""

NAMESPACE = "msi-oai"
"""First part of the counters' keys in the storage, apart from Flask-Limiter's."""


def is_oai_request():
    """True for requests to ``/oai2d`` (Flask-Limiter then skips its application limits)."""
    return request.endpoint == ENDPOINT and current_app.config.get("MSI_OAI_SERVER", True)


@cache
def _limiter(storage_uri):
    """A moving-window limiter on the storage at ``storage_uri`` (one per process)."""
    return MovingWindowRateLimiter(storage_from_string(storage_uri))


def _client_key():
    """The client's key: Flask-Limiter's key function (``RATELIMIT_KEY_FUNC``) or its default."""
    key_func = current_app.config.get("RATELIMIT_KEY_FUNC") or useragent_and_ip_limit_key
    if isinstance(key_func, str):
        key_func = import_string(key_func)
    return key_func()


def over_budget():
    """Count this OAI-PMH request; return the seconds to wait when it is over the budget."""
    config = current_app.config
    limits = config.get("MSI_OAI_RATE_LIMIT")
    if not limits or not config.get("RATELIMIT_ENABLED", True):
        return None
    limiter = _limiter(config.get("RATELIMIT_STORAGE_URI") or "memory://")
    key = _client_key()
    items = parse_many(limits)
    refused = [item for item in items if not limiter.test(item, NAMESPACE, key)]
    if not refused:
        for item in items:
            limiter.hit(item, NAMESPACE, key)
        return None
    now = time.time()
    reset = max(limiter.get_window_stats(item, NAMESPACE, key).reset_time for item in refused)
    return max(1, math.ceil(reset - now))


def busy_answer(seconds):
    """The 503 with ``Retry-After`` of a harvester over its budget, as XML."""
    root = etree.Element(f"{{{NS_OAI}}}OAI-PMH", nsmap={None: NS_OAI, "xsi": NS_XSI})
    root.set(
        f"{{{NS_XSI}}}schemaLocation", f"{NS_OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
    )
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    etree.SubElement(root, f"{{{NS_OAI}}}responseDate").text = now
    etree.SubElement(root, f"{{{NS_OAI}}}request").text = base_url()
    root.append(
        etree.Comment(
            f" Service unavailable: this harvester has used its budget of requests"
            f" ({current_app.config['MSI_OAI_RATE_LIMIT']}). Send the same request again"
            f" after {seconds} seconds (OAI-PMH flow control, HTTP 503 with Retry-After). "
        )
    )
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return Response(
        body,
        status=503,
        content_type="text/xml; charset=utf-8",
        headers={"Retry-After": str(seconds), "Cache-Control": "no-store"},
    )
