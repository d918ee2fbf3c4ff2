"""One instance per thread of each marshmallow schema used for dumping (shared by changes)."""

import threading

_local = threading.local()


def thread_schema(schema_cls, schema_args):
    """This thread's instance of ``schema_cls(**schema_args)``."""
    instances = getattr(_local, "instances", None)
    if instances is None:
        instances = _local.instances = {}
    key = (schema_cls, repr(sorted(schema_args.items())))
    schema = instances.get(key)
    if schema is None:
        schema = instances[key] = schema_cls(**schema_args)
    return schema
