"""Resumption tokens that hold the whole harvest position, signed and valid for hours.

A token carries the request's arguments, the sort values of the last record sent
(``search_after``) and the cursor, so the server keeps nothing between pages: no scroll context
expires, and a harvester may pause as long as the token lives (``MSI_OAI_TOKEN_LIFETIME``).
"""

import time
from datetime import UTC, datetime, timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from .errors import OAIError

SALT = "msi-oai-resumption"


def _serializer(issued_at=None):
    """Return the token serializer; ``issued_at`` (epoch seconds) dates a token being made."""
    signer = TimestampSigner
    if issued_at is not None:
        signer = type("DatedSigner", (TimestampSigner,), {"get_timestamp": lambda self: issued_at})
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT, signer=signer)


def lifetime():
    """Seconds a resumption token stays valid."""
    return int(current_app.config["MSI_OAI_TOKEN_LIFETIME"])


def dump_token(state, issued_at=None):
    """Sign a harvest position into a resumption token."""
    return _serializer(int(issued_at if issued_at is not None else time.time())).dumps(state)


def load_token(token, verb):
    """Return the harvest position of a token, or raise badResumptionToken."""
    try:
        state = _serializer().loads(token, max_age=lifetime())
    except SignatureExpired:
        raise OAIError("badResumptionToken", "The resumptionToken has expired.") from None
    except BadSignature:
        raise OAIError("badResumptionToken", "The resumptionToken is not valid.") from None
    if not isinstance(state, dict) or state.get("verb") != verb:
        raise OAIError("badResumptionToken", "The resumptionToken belongs to another verb.")
    return state


def expiration_date():
    """Datestamp at which a token made now expires."""
    moment = datetime.now(UTC) + timedelta(seconds=lifetime())
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
