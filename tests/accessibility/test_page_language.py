"""What upstream writes in English whatever the page's language: file sizes (Jinja's
``filesizeformat``) and the names of react-searchkit's widgets, given in the page's language."""

import json
import re

from flask_babel import force_locale


def test_file_sizes_in_the_page_language(app):
    """Swedish writes "byte" and a decimal comma; English keeps its plural and point."""
    size = app.jinja_env.filters["filesizeformat"]
    with app.test_request_context("/"):
        with force_locale("sv"):
            assert [size(0), size(1), size(3400), size(5_300_000)] == [
                "0 byte",
                "1 byte",
                "3,4 kB",
                "5,3 MB",
            ]
            assert size(3400, binary=True) == "3,3 KiB"
        with force_locale("en"):
            assert [size(0), size(1), size(3400)] == ["0 bytes", "1 byte", "3.4 kB"]


def test_landing_page_statistics_in_swedish(app, client):
    """The landing page's data volume says "byte", not Jinja's "Bytes", in the Swedish UI."""
    with app.app_context():
        query = {"q": "metadata.resource_type.id:publication-report", "size": 1}
        (record,) = client.get("/api/records", query_string=query).json["hits"]["hits"]
        page = client.get(f"/records/{record['id']}", headers={"Accept-Language": "sv"})
    html = page.get_data(as_text=True)
    statistics = html[html.index('id="record-statistics"') :]
    statistics = statistics[: statistics.index("</table>")]
    assert "Bytes" not in statistics
    assert re.search(r">\s*[\d,]+ (byte|kB|MB)\s*<", statistics)


def test_widget_names_in_the_page_language(app, client):
    """Every page carries the Swedish names that a11y.js gives react-searchkit's widgets."""
    with app.app_context():
        html = client.get("/search", headers={"Accept-Language": "sv"}).get_data(as_text=True)
    found = re.search(r'id="msi-widget-names">(.*?)</script>', html, re.S)
    assert found
    names = json.loads(found.group(1))
    assert names["labels"] == {"Results per page": "Träffar per sida", "Sort": "Sortera"}
    assert names["placeholders"] == {"Select relation...": "Välj relation …"}
