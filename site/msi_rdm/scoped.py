"""A context variable set for the length of a ``with`` block, then restored."""

from contextlib import contextmanager


@contextmanager
def bound(variable, value):
    """Set the ``ContextVar`` ``variable`` to ``value`` within the block; yield ``value``."""
    token = variable.set(value)
    try:
        yield value
    finally:
        variable.reset(token)
