"""Lazy translated strings are their own deep copies.

invenio-records-resources deep-copies the facet and sort configuration for every search request
(twice for the facets), so that a request can change its copy. Their labels are flask-babel
``LazyString`` objects, which ``copy.deepcopy`` takes apart and rebuilds through
``__reduce_ex__``: 0.5 ms per copy of the facets, against 0.14 ms without them. A lazy string
holds only the translation function and its arguments and is translated afresh each time it is
rendered, so its copy can be the string itself (Django's lazy strings do the same).
"""

from flask_babel.speaklater import LazyString

from .change import UpstreamChange
from .replace import replacing


def lazy_string_deepcopy(self, memo):
    """A lazy string is immutable: its deep copy is itself."""
    return self


apply, revert = replacing(LazyString, "__deepcopy__", lazy_string_deepcopy)

change = UpstreamChange(
    name="lazy-strings",
    replaces=("flask_babel.speaklater.LazyString.__deepcopy__",),
    why="deep copies of the facet configuration per search: 0.5 ms per copy against 0.14 ms",
    checked={"flask-babel": ("4.0.0",)},
    unnecessary_when="flask-babel's LazyString defines __deepcopy__, or "
    "invenio-records-resources stops deep-copying its facet configuration per request",
    apply=apply,
    revert=revert,
)
