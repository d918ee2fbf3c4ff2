"""A film's length typed as a clock, stored as ISO 8601 and shown as people read it."""

import json

import pytest
from flask_babel import force_locale

from helpers import deposit, film_data
from msi_rdm.films.durations import clock, iso_duration, seconds, spoken


@pytest.mark.parametrize(
    ("typed", "total"),
    [
        ("4:12", 252),
        ("04:12", 252),
        ("75:00", 4500),
        ("1:02:03", 3723),
        ("0:05", 5),
        ("PT4M12S", 252),
        ("pt1h2m", 3720),
        (" 12:00 ", 720),
        ("4:60", None),
        ("1:60:00", None),
        ("4 minuter", None),
        ("412", None),
        ("", None),
    ],
)
def test_seconds_of_clock_and_iso(typed, total):
    """mm:ss, h:mm:ss and ISO 8601 are read; anything else is not a duration."""
    assert seconds(typed) == total


def test_clock_and_iso_formats():
    """The form shows a clock, storage keeps ISO 8601."""
    assert clock("PT4M12S") == "4:12" and clock("PT1H2M3S") == "1:02:03" and clock("PT5S") == "0:05"
    assert iso_duration(252) == "PT4M12S" and iso_duration(3723) == "PT1H2M3S"


def test_spoken_in_swedish_and_english(app):
    """Landing pages read "4 min 12 s", with hours in each language's abbreviation."""
    with app.test_request_context("/"):
        with force_locale("sv"):
            assert spoken("PT4M12S") == "4 min 12 s"
            assert spoken("PT1H2M") == "1 tim 2 min"
            assert spoken("PT4S") == "4 s"
        with force_locale("en"):
            assert spoken("PT1H0M5S") == "1 h 5 s"


def test_clock_typed_is_stored_as_iso(client, api_headers, unique_word):
    """A duration typed as 4:12 is stored as PT4M12S; a wrong one is refused with a message
    that says how to type it, and no draft is kept."""
    data = film_data(f"Klocka {unique_word}")
    data["custom_fields"] = {"msi:duration": "1:02:03"}
    record = deposit(client, api_headers, data)
    stored = client.get(f"/api/records/{record['id']}").json["custom_fields"]
    assert stored["msi:duration"] == "PT1H2M3S"

    bad = film_data(f"Felklocka {unique_word}")
    bad["custom_fields"] = {"msi:duration": "4:75"}
    headers = {**api_headers, "Accept-Language": "sv"}
    response = client.post("/api/records", data=json.dumps(bad), headers=headers)
    assert response.status_code == 400
    messages = json.dumps(response.json["errors"], ensure_ascii=False)
    assert "msi:duration" in messages and "4:12" in messages and "1:02:03" in messages


def test_landing_page_reads_the_duration(client, api_headers, unique_word):
    """The landing page shows "4 min 12 s" with the ISO value for machines, not "PT4M12S"."""
    data = film_data(f"Speltid {unique_word}")
    data["custom_fields"] = {"msi:duration": "PT4M12S"}
    record = deposit(client, api_headers, data)
    page = client.get(f"/records/{record['id']}", headers={"Accept-Language": "sv"})
    html = page.get_data(as_text=True)
    assert '<time datetime="PT4M12S" class="msi-duration">4 min 12 s</time>' in html
    assert ">PT4M12S<" not in html
