"""Records the export tests read: a report of a node, a film, a restricted record, edge cases."""

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


def person(family, given):
    return {"person_or_org": {"type": "personal", "family_name": family, "given_name": given}}


def organisation(name):
    return {"person_or_org": {"type": "organizational", "name": name}}


def with_creators(title, creators, resource_type="publication-report"):
    data = record_data(title, resource_type=resource_type)
    data["metadata"]["creators"] = creators
    return data


GIVEN = ["Anna", "Björn", "Cecilia", "Dan", "Elin", "Fredrik", "Greta", "Hampus", "Ida", "Jonas"]


def many(count):
    """``count`` creators with Swedish names, each different."""
    return [person(f"Åkesson{i}", GIVEN[i % len(GIVEN)]) for i in range(count)]


@pytest.fixture(scope="module")
def edge_records(app, depositor):
    """Published records of the edge cases the deposit form can hold."""
    report = with_creators(
        "Sociala innovationer i Borås: lärdomar från tre kommuner",
        [person("Sjöberg", "Karin"), person("Nod", "Erik")],
    )
    report["custom_fields"] = {"msi:node": {"id": "nod-boras"}, "msi:report_number": "2025:3"}
    del report["metadata"]["publisher"]
    film = film_data("Trygga torg – en film om samskapande")
    english = with_creators(
        "Social innovation in Swedish municipalities", [person("Lund", "Eva Maria")]
    )
    english["metadata"]["languages"] = [{"id": "eng"}]
    return deposit_each(
        app,
        depositor,
        corporate=with_creators("Årsrapport 2024", [organisation("Mötesplats Social Innovation")]),
        one=with_creators("Ödets väg till välfärd", [person("Öberg", "Märta")]),
        two=with_creators(
            "Idéburet offentligt partnerskap",
            [person("Åberg", "Nils"), organisation("Mötesplats Social Innovation")],
        ),
        three=with_creators(
            "Tre perspektiv på samskapande",
            [person("Ängström", "Åsa"), person("Öst", "Anna-Lena"), person("Ek", "Per Olof")],
        ),
        eight=with_creators("Åtta röster om socialt företagande", many(8)),
        twentyone=with_creators("Ett nationellt forskningsnätverk", many(21)),
        report=report,
        film=film,
        article=with_creators(
            "Samverkan över sektorsgränser", [person("Holm", "Lina")], "publication-article"
        ),
        dataset=with_creators("Enkät om kapacitetsbehov", [person("Berg", "Sven")], "dataset"),
        english=english,
    )
