"""Configuration objects that never change are shared by requests instead of rebuilt for each.

Two things upstream redoes on every search request, found with a CPU profile of
``/api/records?q=…``:

- **Lazy strings deep-copied.** invenio-records-resources deep-copies the facet and sort
  configuration for every request (twice for the facets), so that a request can change its copy.
  Their labels are flask-babel ``LazyString`` objects, which ``copy.deepcopy`` takes apart and
  rebuilds through ``__reduce_ex__``: 0.5 ms per copy of the facets, against 0.14 ms without them. A
  lazy string holds only the translation function and its arguments and is translated afresh each
  time it is rendered, so a copy can be the string itself (Django's lazy strings do the same).
- **Request-argument schemas built anew.** flask-resources turns the field dictionaries of its
  ``request_parser`` decorators into two new marshmallow schema classes on every request. The
  dictionaries are fixed when the resource is defined, so each class is built once per dictionary,
  location and unknown-field rule, and kept. Instances (which hold the parsed state) are still made
  per request, as before.
"""

from flask_babel.speaklater import LazyString
from flask_resources.parsers.base import RequestParser

_upstream_schema_from_dict = RequestParser.schema_from_dict
_schemas = {}
MAX_SCHEMAS = 512
"""A bound, in case some configuration makes a new dictionary per request."""


def _lazy_string_deepcopy(self, memo):
    """A lazy string is immutable: its deep copy is itself."""
    return self


def schema_from_dict(self, schema_dict):
    """The schema class upstream builds for ``schema_dict``, built once and kept."""
    key = (id(schema_dict), self.default_schema_cls, self._unknown)
    kept = _schemas.get(key)
    if kept is None or kept[0] is not schema_dict:  # kept[0] holds the dict, so ids stay unique
        if len(_schemas) >= MAX_SCHEMAS:
            _schemas.clear()
        kept = _schemas[key] = (schema_dict, _upstream_schema_from_dict(self, schema_dict))
    return kept[1]


def share_immutables():
    """Install both (at application start; doing it twice changes nothing)."""
    if getattr(LazyString, "__deepcopy__", None) is not _lazy_string_deepcopy:
        if hasattr(LazyString, "__deepcopy__"):
            raise RuntimeError("flask-babel's LazyString copies itself now; review this hook")
        LazyString.__deepcopy__ = _lazy_string_deepcopy
    RequestParser.schema_from_dict = schema_from_dict
