"""Service and serializer schemas built once per thread for dumping, not once per dump.

``ServiceSchemaWrapper.dump`` instantiates the service's marshmallow schema for every record it
dumps. Marshmallow deep-copies each declared field on instantiation and builds every nested schema
again when first used, so one landing page built about eighty schemas and spent about a fifth of
its time on it. Dumping keeps no state on the schema: the identity, the permission checks and the
links travel in ``marshmallow_utils.context.context_schema``, which the wrapper sets around each
dump. Here each thread keeps one instance per schema class and arguments and dumps with it, with
the context set exactly as upstream sets it. Loads (validation of input) are left as they are.

flask-resources' ``MarshmallowSerializer`` does the same per serializer, and the landing page
makes a new UI serializer for the record and another for its community on every request; those
without a per-call schema context or arguments get this thread's schema instances too.
"""

import threading

from flask_resources.serializers.base import MarshmallowSerializer
from invenio_records_resources.services.records.schema import ServiceSchemaWrapper
from marshmallow_utils.context import context_schema

from .scoped import bound

_upstream_dump = ServiceSchemaWrapper.dump
_upstream_serializer_init = MarshmallowSerializer.__init__
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


def dump(self, data, schema_args=None, context=None):
    """``ServiceSchemaWrapper.dump`` with this thread's instance of the schema."""
    with bound(context_schema, self._build_context(context or {})):
        return thread_schema(self.schema, schema_args or {}).dump(data)


def serializer_init(
    self,
    format_serializer_cls,
    object_schema_cls,
    list_schema_cls=None,
    schema_context=None,
    schema_kwargs=None,
    **serializer_options,
):
    """``MarshmallowSerializer.__init__`` with this thread's schema instances when it can."""
    if schema_context or schema_kwargs:  # per-call state: build as upstream does
        _upstream_serializer_init(
            self,
            format_serializer_cls,
            object_schema_cls,
            list_schema_cls,
            schema_context,
            schema_kwargs,
            **serializer_options,
        )
        return
    self.format_serializer = format_serializer_cls(**serializer_options)
    self.object_schema = thread_schema(object_schema_cls, {})
    self.list_schema = None
    if list_schema_cls:
        self.list_schema = thread_schema(list_schema_cls, {"object_schema_cls": object_schema_cls})


def reuse_dump_schemas():
    """Let service schema wrappers and serializers dump with reused instances (at app start)."""
    if ServiceSchemaWrapper.dump is not dump:
        ServiceSchemaWrapper.dump = dump
    if MarshmallowSerializer.__init__ is not serializer_init:
        MarshmallowSerializer.__init__ = serializer_init
