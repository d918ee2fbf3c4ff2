"""Records of the SwePub tests: a report, an article without its journal, one without a node."""

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from helpers import deposit_each, record_data

# The OAI-PMH tests' schema and request helpers (tests/oai/oai_support.py), importable whether or
# not pytest collected tests/oai first (it puts that folder on the path only when it does).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "oai"))


def with_fields(data, **custom_fields):
    """Record data with custom fields."""
    return {**data, "custom_fields": custom_fields}


@pytest.fixture(scope="module")
def swepub_records(app, depositor):
    """Publish a report and an article of the Borås node and a report of no node; return them
    with ``word`` (in their titles) and ``since`` (an OAI-PMH datestamp before them)."""
    since = (datetime.now(UTC) - timedelta(seconds=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    word = "msiswepub" + uuid4().hex[:8]
    report = with_fields(
        record_data(f"Rapport om socialt arbete {word}"),
        **{
            "msi:node": {"id": "nod-boras"},
            "msi:ssif": [{"id": "50402"}],
            "msi:swepub": {"ready": True, "university": "uu"},
        },
    )
    article = with_fields(
        record_data(f"Artikel utan tidskrift {word}", resource_type="publication-article"),
        **{"msi:node": {"id": "nod-boras"}},
    )
    orphan = record_data(f"Rapport utan nod {word}")
    records = deposit_each(app, depositor, report=report, article=article, orphan=orphan)
    return {"word": word, "since": since, **records}
