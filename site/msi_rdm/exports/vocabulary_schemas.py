"""Serializers that read the props of vocabulary terms from the per-process table."""

from ..upstream.serializer_vocabularies import table_schema


class VocabularyTableMixin:
    """An upstream serializer (mixin goes first) dumping with a schema that reads vocabulary
    props from the table (``msi_rdm.upstream.serializer_vocabularies``)."""

    def __init__(self, *args, **kwargs):
        """Build the serializer as upstream does, then take the table-reading schema, made
        with what upstream gave its own: the custom-field dumpers (journal, imprint, meeting)
        and the context."""
        super().__init__(*args, **kwargs)
        upstream = self.object_schema
        schema_cls = table_schema(type(upstream))
        if schema_cls is not type(upstream):
            options = {"context": upstream.context} if upstream.context else {}
            if getattr(upstream, "dumpers", None):
                options["dumpers"] = upstream.dumpers
            self.object_schema = schema_cls(**options)
