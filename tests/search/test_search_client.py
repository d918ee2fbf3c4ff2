"""OpenSearch's answers are parsed with orjson to what upstream's parser gives."""

import json

import pytest


def test_search_answers_are_parsed_with_orjson_as_upstream_would(app, search):
    """The client parses OpenSearch's JSON with orjson into what upstream's parser gives; what
    orjson refuses (a 70-bit integer) is parsed the old way, and broken JSON is still an error."""
    from opensearchpy.exceptions import SerializationError
    from opensearchpy.serializer import JSONSerializer

    from msi_rdm.search.client import OrjsonReadingSerializer

    serializer = search.transport.serializer
    assert isinstance(serializer, OrjsonReadingSerializer)
    assert search.transport.deserializer.serializers["application/json"] is serializer
    body = json.dumps(search.search(index="*", size=3, body={"aggs": {}}), ensure_ascii=False)
    assert serializer.loads(body) == JSONSerializer().loads(body)
    assert serializer.loads('{"n": 1180591620717411303424}') == {"n": 2**70}
    with pytest.raises(SerializationError):
        serializer.loads('{"n": ')
