"""Serializers without a per-call context reuse this thread's schema instances.

flask-resources' ``MarshmallowSerializer`` builds its object and list schemas when it is made,
and the landing page makes a new UI serializer for the record and another for its community on
every request: about eighty schemas built per page with ``msi_rdm.upstream.dump_schemas``' twin
cost. Serializers made without a schema context or schema arguments get this thread's instances;
those with per-call state are built as upstream builds them.
"""

from flask_resources.serializers.base import MarshmallowSerializer

from .change import UpstreamChange
from .replace import replacing
from .thread_schemas import thread_schema

_upstream_init = MarshmallowSerializer.__init__


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
        _upstream_init(
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


apply, revert = replacing(MarshmallowSerializer, "__init__", serializer_init)

change = UpstreamChange(
    name="serializer-schemas",
    replaces=("flask_resources.serializers.base.MarshmallowSerializer.__init__",),
    why="the landing page's per-request UI serializers built their schema trees anew (with "
    "dump-schemas, a fifth of a landing page's time)",
    checked={"flask-resources": ("1.3.1",)},
    unnecessary_when="invenio-app-rdm's record views keep their UI serializers instead of "
    "making them per request",
    apply=apply,
    revert=revert,
)
