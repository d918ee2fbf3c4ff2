"""The search client reads OpenSearch's answers with orjson.

opensearch-py parses every response with simplejson. A page of ten hits with ten facets is about
70 kB of JSON, and parsing it took about a tenth of a search request's CPU time in the web process;
orjson parses the same text into the same Python values several times faster. Requests are still
written by opensearch-py's own serializer (they are small, and it knows dates and UUIDs).

orjson refuses a few things that are valid for simplejson, such as integers wider than 64 bits;
such an answer is parsed by simplejson as before, so nothing that parsed before fails now.
"""

import orjson
from opensearchpy.serializer import JSONSerializer


class OrjsonReadingSerializer(JSONSerializer):
    """opensearch-py's JSON serializer, parsing with orjson first."""

    def loads(self, s):
        """Parse ``s`` with orjson; fall back to the upstream parser for what orjson refuses."""
        try:
            return orjson.loads(s)
        except orjson.JSONDecodeError:
            return super().loads(s)
