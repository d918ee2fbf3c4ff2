"""Records of the OAI-PMH tests: a report and a film with MSI fields, and a restricted record."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from helpers import deposit_each, film_data, record_data

REPORT_FIELDS = {
    "msi:themes": [{"id": "barnets-ratt"}],
    "msi:sdgs": [{"id": "sdg-05"}],
    "msi:node": {"id": "nod-boras"},
}


@pytest.fixture(scope="module")
def oai_records(app, depositor):
    """Publish a report, a film and a restricted report; return their API dicts, and ``since``:
    an OAI-PMH datestamp just before they were published (lists from it are short)."""
    since = (datetime.now(UTC) - timedelta(seconds=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    word = "msioai" + uuid4().hex[:8]
    report = record_data(f"Rapport om barns rätt {word} <script>alert(1)</script>")
    report["custom_fields"] = REPORT_FIELDS
    film = film_data(f"Film om samverkan {word}")
    film["custom_fields"] = {"msi:node": {"id": "nod-boras"}}
    hidden = record_data(f"Begränsad rapport {word}", access="restricted")
    records = deposit_each(app, depositor, report=report, film=film, restricted=hidden)
    return {"word": word, "since": since, **records}
