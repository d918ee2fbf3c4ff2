"""Request-argument schemas are built once, and arguments still checked per request."""

import marshmallow as ma
from flask_resources.parsers.base import RequestParser


def test_request_argument_schemas_are_built_once_per_dictionary():
    """Parsers of one field dictionary share one schema class; another dictionary, location or
    unknown-field rule gets its own; each parse still makes its own instance."""
    fields = {"size": ma.fields.Int()}
    first, second = RequestParser(fields, "args"), RequestParser(fields, "args")
    assert first._schema is second._schema
    assert first.schema is not second.schema
    assert RequestParser(dict(fields), "args")._schema is not first._schema
    assert RequestParser(fields, "headers")._schema is not first._schema
    assert RequestParser(fields, "args", unknown=ma.RAISE)._schema is not first._schema
    assert first._schema().load({"size": "7"}) == {"size": 7}


def test_search_arguments_still_checked_per_request(client):
    """Searches with different arguments answer each their own; a bad size is still a 400."""
    assert len(client.get("/api/records", query_string={"size": 1}).json["hits"]["hits"]) == 1
    assert len(client.get("/api/records", query_string={"size": 2}).json["hits"]["hits"]) == 2
    assert client.get("/api/records", query_string={"size": "many"}).status_code == 400
