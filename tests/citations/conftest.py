"""A report of a node without publisher, a film with its director, and a restricted record."""

import uuid

import pytest

from helpers import deposit_each, film_data, record_data


@pytest.fixture(scope="module")
def cited(app, depositor):
    """Publish the records the citation tests cite; return their API dicts."""
    word = "msicite" + uuid.uuid4().hex[:8]
    report = record_data(f"Sociala innovationer i Borås {word}")
    del report["metadata"]["publisher"]
    report["metadata"]["creators"].append(
        {"person_or_org": {"type": "personal", "given_name": "Erik", "family_name": "Nod"}}
    )
    report["custom_fields"] = {"msi:node": {"id": "nod-boras"}}
    film = film_data(f"Trygga torg {word}")
    hidden = record_data(f"Begränsad {word}", access="restricted")
    records = deposit_each(app, depositor, report=report, film=film, restricted=hidden)
    return {"word": word, **records}
