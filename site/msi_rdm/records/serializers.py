"""JSON answers of the records API written with orjson.

flask-resources writes every JSON answer with the standard library's encoder; for a page of ten
search hits with their facets that was about a tenth of the request's CPU time in the web process.
orjson writes the same JSON values several times faster. Only the bytes differ: characters beyond
ASCII are written as UTF-8 instead of ``\\u`` escapes, and no space follows a separator.

Values orjson has no form of its own for (lazy translated strings, dates, decimals) go to the
``default`` of flask-resources' own encoder, so they come out as before: a lazy string in the
request's language, a date as Flask writes it. Pretty-printed answers (``?prettyprint=1``) and
anything orjson refuses (an integer wider than 64 bits) are written by the standard library as
before. The records resource takes these serializers from ``RDM_RECORDS_SERIALIZERS``
(``msi_rdm.config``): plain JSON and the UI's JSON, which the search page asks for.
"""

import orjson
from flask_resources.serializers.json import JSONEncoder, JSONSerializer
from invenio_rdm_records.resources.serializers import UIJSONSerializer

OPTIONS = (
    orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
)
"""Keys that are not strings are written as strings, as the standard library does; dates and
dataclasses go to the encoder's ``default``, as they did."""

_default = JSONEncoder().default


class OrjsonJSONSerializer(JSONSerializer):
    """flask-resources' JSON serializer, writing with orjson where it gives the same values."""

    def _orjson(self, obj):
        if self.encoder is not JSONEncoder or self.dumps_options:
            return None
        try:
            return orjson.dumps(obj, default=_default, option=OPTIONS).decode()
        except orjson.JSONEncodeError:
            return None

    def serialize_object(self, obj):
        """Dump the object into a JSON string."""
        written = self._orjson(obj)
        return super().serialize_object(obj) if written is None else written

    def serialize_object_list(self, obj_list):
        """Dump the object list into a JSON string."""
        written = self._orjson(obj_list)
        return super().serialize_object_list(obj_list) if written is None else written


class OrjsonUIJSONSerializer(UIJSONSerializer):
    """Upstream's UI JSON serializer (the search page's format), written with orjson."""

    def __init__(self):
        """Build upstream's serializer with the orjson writer."""
        super().__init__()
        self.format_serializer = OrjsonJSONSerializer()
