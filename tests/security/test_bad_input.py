"""Bad input to the REST API: bodies of the wrong shape and malformed msi: fields answer 400."""

import json

import pytest

from helpers import deposit, record_data

NOT_OBJECTS = ["[]", '[{"a": 1}]', '"text"', "42", "true", "null", "{", '{"a": }', "\xff\xfe"]
"""Bodies that are not a JSON object, or not JSON at all."""

NOT_ARRAYS_OF_OBJECTS = ["{}", '"text"', "42", "null", '["a.pdf"]', "[null]", "["]
"""Bodies that are not an array of objects (what file initialisation takes)."""


@pytest.fixture(scope="module")
def targets(app, depositor):
    """Write endpoints of upstream and MSI, with a real draft and record in their URLs."""
    from helpers import token_headers

    client = app.test_client()
    headers = token_headers(depositor.token)
    record = deposit(client, headers, record_data("Mål för felaktiga anrop"))
    draft = client.post("/api/records", data=json.dumps(record_data("Utkast")), headers=headers)
    d, r = draft.json["id"], record["id"]
    return [
        ("post", "/api/records"),
        ("put", f"/api/records/{d}/draft"),
        ("post", f"/api/records/{d}/draft/actions/publish"),
        ("post", f"/api/records/{r}/draft"),
        ("post", f"/api/records/{r}/versions"),
        ("post", f"/api/records/{r}/access/links"),
        ("post", f"/api/records/{r}/communities"),
        ("post", "/api/communities"),
        ("post", "/api/researchers"),
        ("put", "/api/researchers/no-such-profile"),
    ], f"/api/records/{d}/draft/files"


def test_bodies_that_are_not_objects_answer_400(client, api_headers, targets):
    """Arrays, strings, numbers, null and broken JSON answer 400 on every write endpoint."""
    endpoints, _ = targets
    answers = {}
    for method, url in endpoints:
        for body in NOT_OBJECTS:
            response = getattr(client, method)(
                url, data=body.encode("latin-1"), headers=api_headers
            )
            answers[(method, url, body)] = response.status_code
    wrong = {case: status for case, status in answers.items() if status != 400}
    assert not wrong
    assert len(answers) == len(endpoints) * len(NOT_OBJECTS)


@pytest.mark.parametrize("body", NOT_ARRAYS_OF_OBJECTS)
def test_file_initialisation_takes_only_an_array_of_objects(client, api_headers, targets, body):
    """The files endpoint answers 400 to anything but an array of objects."""
    _, files_url = targets
    response = client.post(files_url, data=body.encode("latin-1"), headers=api_headers)
    assert response.status_code == 400, response.get_data(as_text=True)


def test_file_initialisation_still_works(client, api_headers, targets):
    """A proper array of objects initialises files."""
    _, files_url = targets
    draft_url = files_url.rsplit("/files", 1)[0]
    data = record_data("Med filer", files=True)
    assert client.put(draft_url, data=json.dumps(data), headers=api_headers).status_code == 200
    response = client.post(files_url, data=json.dumps([{"key": "a.pdf"}]), headers=api_headers)
    assert response.status_code == 201


def _create(client, headers, title, **fields):
    data = record_data(title)
    data["custom_fields"] = fields
    return client.post("/api/records", data=json.dumps(data), headers=headers)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("msi:themes", [None]),
        ("msi:themes", [{"id": "digital-inkludering"}, None]),
        ("msi:themes", ["digital-inkludering"]),
        ("msi:themes", [{"id": None}]),
        ("msi:themes", [{}]),
        ("msi:themes", "digital-inkludering"),
        ("msi:node", None),
        ("msi:node", [{"id": "nod-jonkoping"}]),
        ("msi:node", {"id": 7}),
        ("msi:sdgs", [[{"id": "sdg-10"}]]),
        ("msi:plain_summary", {"sv": None}),
        ("msi:plain_summary", ["sv"]),
        ("msi:project", "x" * 501),
        ("msi:project", "<script>alert(1)</script>"),
        ("msi:project", 'Projekt <img src=x onerror="alert(1)">'),
        ("msi:project", ["Projekt"]),
        ("msi:project", 42),
    ],
)
def test_malformed_msi_fields_answer_400(client, api_headers, unique_word, field, value):
    """Nulls, wrong types, overlong or marked-up text in msi: fields are a 400 naming the field."""
    response = _create(client, api_headers, f"Fel {unique_word}", **{field: value})
    assert response.status_code == 400, response.json
    assert field in json.dumps(response.json)


def test_custom_fields_not_an_object_is_reported(client, api_headers, unique_word):
    """``custom_fields`` given as an array is not a crash: the draft is saved without them and the
    answer lists the error, as upstream does for any invalid draft field."""
    data = record_data(f"Fel {unique_word}")
    data["custom_fields"] = [{"msi:project": "Projekt"}]
    response = client.post("/api/records", data=json.dumps(data), headers=api_headers)
    assert response.status_code == 201
    assert any(error["field"].startswith("custom_fields") for error in response.json["errors"])
    kept = response.json.get("custom_fields") or {}
    assert "msi:project" not in kept
    assert set(kept) <= {"msi:swepub"}, "only the SwePub state the server derives"


def test_project_of_500_plain_characters_is_kept(client, api_headers, unique_word):
    """The longest plain project name allowed is stored as given, with <, > and & in prose."""
    project = ("Projekt a < b & c > d " + "x" * 500)[:500]
    response = _create(client, api_headers, f"Lång {unique_word}", **{"msi:project": project})
    assert response.status_code == 201, response.json
    assert response.json["custom_fields"]["msi:project"] == project
