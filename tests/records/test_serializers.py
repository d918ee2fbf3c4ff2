"""JSON answers of the records API are written with orjson with upstream's values."""

import json
from datetime import UTC


def test_json_answers_are_written_by_orjson_with_upstream_values(app, client):
    """Answers parse to exactly what the standard library wrote, lazy strings in the request's
    language and dates as Flask writes them; only the bytes differ (UTF-8, no spaces).
    Pretty-printed answers are still indented by the standard library."""
    from datetime import date, datetime
    from decimal import Decimal

    from flask_babel import force_locale
    from flask_resources.serializers.json import JSONSerializer
    from invenio_i18n import lazy_gettext

    from msi_rdm.records.serializers import OrjsonJSONSerializer

    value = {
        "title": "Folkhälsa <script>alert(1)</script>",
        "label": lazy_gettext("Access status"),
        "day": date(2025, 3, 1),
        "at": datetime(2025, 3, 1, 12, 30, tzinfo=UTC),
        "amount": Decimal("1.50"),
        "counts": {1: "one", None: "none"},
        "nested": [{"x": 1.5, "y": None, "z": True}],
    }
    with app.test_request_context("/"), force_locale("sv"):
        written = OrjsonJSONSerializer().serialize_object_list(value)
        upstream = JSONSerializer().serialize_object_list(value)
    assert json.loads(written) == json.loads(upstream)
    assert "Folkhälsa" in written and "\\u00e4" in upstream
    assert json.loads(written)["label"] == "Åtkomststatus"
    answer = client.get("/api/records", query_string={"q": "folkhälsa", "size": 1})
    assert answer.status_code == 200 and b"\\u00e4" not in answer.data
    assert "ä".encode() in answer.data
    pretty = client.get("/api/records", query_string={"size": 1, "prettyprint": 1})
    assert pretty.get_data(as_text=True).startswith('{\n  "aggregations"')
    ui = client.get(
        "/api/records",
        query_string={"q": "folkhälsa", "size": 1},
        headers={"Accept": "application/vnd.inveniordm.v1+json"},
    )
    assert ui.status_code == 200 and b"\\u00e4" not in ui.data and "ä".encode() in ui.data
