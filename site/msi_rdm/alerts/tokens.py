"""Signed unsubscribe tokens: a link in a digest that works without signing in."""

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer


def _serializer():
    return URLSafeSerializer(
        current_app.config["SECRET_KEY"], salt=current_app.config["MSI_ALERTS_UNSUBSCRIBE_SALT"]
    )


def unsubscribe_token(user_id, search_id=None):
    """The token that stops one saved search of a user, or all of them (``search_id`` None)."""
    return _serializer().dumps({"s": search_id, "u": user_id})


def read_token(token):
    """``(search id or None, user id)`` of a token, or None when this site did not sign it."""
    try:
        data = _serializer().loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not {"s", "u"} <= data.keys():
        return None
    return data["s"], data["u"]
