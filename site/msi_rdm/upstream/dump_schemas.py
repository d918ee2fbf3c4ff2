"""Service schemas built once per thread for dumping, not once per dump.

``ServiceSchemaWrapper.dump`` instantiates the service's marshmallow schema for every record it
dumps. Marshmallow deep-copies each declared field on instantiation and builds every nested schema
again when first used, so one landing page built about eighty schemas and spent about a fifth of
its time on it. Dumping keeps no state on the schema: the identity, the permission checks and the
links travel in ``marshmallow_utils.context.context_schema``, which the wrapper sets around each
dump. Here each thread keeps one instance per schema class and arguments and dumps with it, with
the context set exactly as upstream sets it. Loads (validation of input) are left as they are.
"""

from invenio_records_resources.services.records.schema import ServiceSchemaWrapper
from marshmallow_utils.context import context_schema

from ..scoped import bound
from .change import UpstreamChange
from .replace import replacing
from .thread_schemas import thread_schema


def dump(self, data, schema_args=None, context=None):
    """``ServiceSchemaWrapper.dump`` with this thread's instance of the schema."""
    with bound(context_schema, self._build_context(context or {})):
        return thread_schema(self.schema, schema_args or {}).dump(data)


apply, revert = replacing(ServiceSchemaWrapper, "dump", dump)

change = UpstreamChange(
    name="dump-schemas",
    replaces=("invenio_records_resources.services.records.schema.ServiceSchemaWrapper.dump",),
    why="a landing page built ~80 schemas per request, about a fifth of its time",
    checked={"invenio-records-resources": ("10.2.4",), "marshmallow-utils": ("0.15.4",)},
    unnecessary_when="ServiceSchemaWrapper keeps its schema instance (the context already "
    "travels in a context variable, so an instance can be reused)",
    apply=apply,
    revert=revert,
)
