"""Record loads and dumps without working out the same function signatures again and again.

invenio-records asks ``inspect.signature`` of every system field's hook each time a record is
loaded or dumped (to tell old hooks without a ``data`` argument from new ones). A record has about
thirty system fields, so a search page of ten hits computed some 700 signatures, about a fifth of
its time, and indexing and landing pages paid the same. A hook's signature never changes, so here
it is computed once per function and remembered.
"""

import inspect
import types

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


_shim = types.SimpleNamespace(**{**vars(inspect), "signature": signature})
"""``inspect`` as the hooked modules see it: the same functions, ``signature`` remembered."""


def remember_signatures():
    """Give invenio-records' record API and system fields the remembering ``signature``."""
    import invenio_records.api
    import invenio_records.systemfields.base

    for module in (invenio_records.api, invenio_records.systemfields.base):
        current = getattr(module, "inspect", None)
        if current is _shim:
            continue
        if current is not inspect:
            raise RuntimeError(f"{module.__name__} no longer uses inspect; review this hook")
        module.inspect = _shim
