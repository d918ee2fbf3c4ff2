"""Request-argument schemas built once per field dictionary, not once per request.

flask-resources turns the field dictionaries of its ``request_parser`` decorators into two new
marshmallow schema classes on every request. The dictionaries are fixed when the resource is
defined, so each class is built once per dictionary, location and unknown-field rule, and kept.
Instances (which hold the parsed state) are still made per request, as before.
"""

from flask_resources.parsers.base import RequestParser

from .change import UpstreamChange
from .replace import replacing

_upstream_schema_from_dict = RequestParser.schema_from_dict
_schemas = {}
MAX_SCHEMAS = 512
"""A bound, in case some configuration makes a new dictionary per request."""


def schema_from_dict(self, schema_dict):
    """The schema class upstream builds for ``schema_dict``, built once and kept."""
    key = (id(schema_dict), self.default_schema_cls, self._unknown)
    kept = _schemas.get(key)
    if kept is None or kept[0] is not schema_dict:  # kept[0] holds the dict, so ids stay unique
        if len(_schemas) >= MAX_SCHEMAS:
            _schemas.clear()
        kept = _schemas[key] = (schema_dict, _upstream_schema_from_dict(self, schema_dict))
    return kept[1]


apply, revert = replacing(RequestParser, "schema_from_dict", schema_from_dict)

change = UpstreamChange(
    name="request-schemas",
    replaces=("flask_resources.parsers.base.RequestParser.schema_from_dict",),
    why="two marshmallow schema classes built per request from fixed field dictionaries",
    checked={"flask-resources": ("1.3.1",)},
    unnecessary_when="flask-resources builds a request parser's schema when the parser is made",
    apply=apply,
    revert=revert,
)
