"""Record loads and dumps without working out the same function signatures again and again.

invenio-records asks ``inspect.signature`` of every system field's hook each time a record is
loaded or dumped (to tell old hooks without a ``data`` argument from new ones). A record has about
thirty system fields, so a search page of ten hits computed some 700 signatures, about a fifth of
its time, and indexing and landing pages paid the same. A hook's signature never changes, so here
it is computed once per function and remembered.
"""

import inspect
import types

import invenio_records.api
import invenio_records.systemfields.base

from .change import UpstreamChange
from .replace import replacing, together

_signatures = {}


def signature(obj):
    """``inspect.signature(obj)``, remembered per underlying function and bound-ness."""
    key = (getattr(obj, "__func__", obj), hasattr(obj, "__self__"))
    try:
        return _signatures[key]
    except KeyError:
        found = _signatures[key] = inspect.signature(obj)
        return found
    except TypeError:  # an unhashable callable: nothing to remember it by
        return inspect.signature(obj)


shim = types.SimpleNamespace(**{**vars(inspect), "signature": signature})
"""``inspect`` as the hooked modules see it: the same functions, ``signature`` remembered."""

apply, revert = together(
    replacing(invenio_records.api, "inspect", shim),
    replacing(invenio_records.systemfields.base, "inspect", shim),
)


change = UpstreamChange(
    name="signatures",
    replaces=("invenio_records.api.inspect", "invenio_records.systemfields.base.inspect"),
    why="a search page of ten hits computed ~700 hook signatures, about a fifth of its CPU time",
    checked={"invenio-records": ("5.1.0",)},
    unnecessary_when="invenio-records drops the hooks without a data argument (its TODO for "
    "1.6.0) and calls them without inspecting their signatures",
    apply=apply,
    revert=revert,
)
