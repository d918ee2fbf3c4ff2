"""DOIs through upstream's DataCite provider, against the fake DataCite of the module.

Publishing registers a version DOI and a concept DOI (findable); restricted records get
registered, not findable DOIs; new versions and edits update DataCite; deletion hides the DOI
and leaves the tombstone; DataCite down or answering 5xx never stops a publication, and the
beat task registers the DOI once DataCite is back.
"""

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest
import requests
from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import deposit, record_data, refresh_indices, token_headers
from msi_rdm.doi import state
from msi_rdm.doi.fake_datacite import find_schema
from msi_rdm.doi.tasks import retry_dois


def _later():
    """An hour from now: every back-off is over."""
    return (datetime.now(UTC) + timedelta(hours=1)).isoformat()


def _doi_state(client, headers, record_id):
    response = client.get(f"/api/records/{record_id}/doi", headers=headers)
    assert response.status_code == 200, response.data
    return response.json


def test_publish_registers_version_and_concept_doi(app, depositor, datacite, unique_word):
    """A published record: DOI ``10.5072/msi.<id>`` and a concept DOI, both findable."""
    client, headers = app.test_client(), token_headers(depositor.token)
    record = deposit(client, headers, record_data(f"{unique_word} rapport"))
    doi = record["pids"]["doi"]["identifier"]
    assert doi == f"{app.config['DATACITE_PREFIX']}/msi.{record['id']}"
    assert record["pids"]["doi"]["provider"] == "datacite"
    concept = service.read(system_identity, record["id"]).data["parent"]["pids"]["doi"]
    remote = datacite.doi(doi)
    assert remote["state"] == "findable"
    assert remote["url"] == f"{app.config['SITE_UI_URL']}/doi/{doi}"  # upstream's DOI landing URL
    landing = client.get(f"/doi/{doi}")
    assert landing.status_code in (301, 302)
    assert landing.headers["Location"].endswith(f"/records/{record['id']}")
    assert unique_word in remote["titles"][0]["title"]
    assert remote["publisher"]["name"] == "Mötesplats Social Innovation"
    parent = datacite.doi(concept["identifier"])
    assert parent["state"] == "findable"
    assert {"relatedIdentifier": doi, "relationType": "HasVersion",
            "relatedIdentifierType": "DOI"} in parent["relatedIdentifiers"]  # fmt: skip
    answer = _doi_state(client, headers, record["id"])
    assert answer["doi"]["status"] == "registered" and answer["doi"]["findable"] is True
    assert answer["parent_doi"]["status"] == "registered"


def test_restricted_record_registered_not_findable(app, depositor, datacite, unique_word):
    """A restricted record's DOI is registered but not findable, and tells DataCite nothing."""
    client, headers = app.test_client(), token_headers(depositor.token)
    data = record_data(f"{unique_word} hemlig", access="restricted")
    record = deposit(client, headers, data)
    doi = record["pids"]["doi"]["identifier"]
    remote = datacite.doi(doi)
    assert remote["state"] == "registered"
    sent = json.dumps(remote) + base64.b64decode(remote["xml"]).decode()
    assert unique_word not in sent and "Sjöberg" not in sent
    answer = _doi_state(client, headers, record["id"])
    assert answer["doi"]["status"] == "registered" and answer["doi"]["findable"] is False
    anonymous = client.get(f"/api/records/{record['id']}/doi")
    assert anonymous.status_code in (403, 404)
    # What the search index holds is the record as stored, DOIs included.
    refresh_indices()
    stored = client.get(f"/api/records/{record['id']}", headers=headers).json
    (hit,) = client.get(f"/api/user/records?q=id:{record['id']}", headers=headers).json["hits"][
        "hits"
    ]
    assert (hit["revision_id"], hit["pids"]) == (stored["revision_id"], stored["pids"])


def test_new_version_and_edit_update_datacite(app, depositor, datacite, unique_word):
    """A new version gets its own DOI, listed by the concept DOI; an edit reaches DataCite."""
    client, headers = app.test_client(), token_headers(depositor.token)
    first = deposit(client, headers, record_data(f"{unique_word} första"))
    response = client.post(f"/api/records/{first['id']}/versions", headers=headers)
    assert response.status_code == 201, response.json
    draft = response.json
    data = record_data(f"{unique_word} andra")
    client.put(f"/api/records/{draft['id']}/draft", data=json.dumps(data), headers=headers)
    response = client.post(f"/api/records/{draft['id']}/draft/actions/publish", headers=headers)
    assert response.status_code == 202, response.json
    second = response.json
    assert second["pids"]["doi"]["identifier"] != first["pids"]["doi"]["identifier"]
    assert datacite.doi(second["pids"]["doi"]["identifier"])["state"] == "findable"
    concept = datacite.doi(second["parent"]["pids"]["doi"]["identifier"])
    versions = {r["relatedIdentifier"] for r in concept["relatedIdentifiers"]
                if r["relationType"] == "HasVersion"}  # fmt: skip
    assert versions >= {first["pids"]["doi"]["identifier"], second["pids"]["doi"]["identifier"]}
    assert unique_word + " andra" in concept["titles"][0]["title"]

    response = client.post(f"/api/records/{second['id']}/draft", headers=headers)
    assert response.status_code == 201, response.json
    edited = record_data(f"{unique_word} rättad")
    edited["pids"] = response.json["pids"]
    response = client.put(
        f"/api/records/{second['id']}/draft", data=json.dumps(edited), headers=headers
    )
    assert response.status_code == 200, response.json
    response = client.post(f"/api/records/{second['id']}/draft/actions/publish", headers=headers)
    assert response.status_code == 202, response.json
    remote = datacite.doi(second["pids"]["doi"]["identifier"])
    assert remote["titles"][0]["title"] == f"{unique_word} rättad"
    assert remote["state"] == "findable"


def test_deletion_hides_doi_keeps_tombstone(app, depositor, datacite, unique_word):
    """A deleted record's DOI is hidden at DataCite; its landing page is the tombstone (410)."""
    client, headers = app.test_client(), token_headers(depositor.token)
    record = deposit(client, headers, record_data(f"{unique_word} raderas"))
    doi = record["pids"]["doi"]["identifier"]
    assert datacite.doi(doi)["state"] == "findable"
    service.delete_record(
        system_identity, record["id"], {"removal_reason": {"id": "spam"}, "is_visible": True}
    )
    refresh_indices()
    assert datacite.doi(doi)["state"] == "registered"
    assert client.get(f"/records/{record['id']}").status_code == 410
    assert client.get(f"/api/records/{record['id']}").status_code == 410


def test_datacite_down_publish_succeeds_then_registers(app, depositor, datacite, unique_word):
    """DataCite stopped mid-publish: the record is published, its DOI pending, the depositor sees
    it; DataCite back, the beat task registers it."""
    client, headers = app.test_client(), token_headers(depositor.token)
    datacite.stop()
    try:
        record = deposit(client, headers, record_data(f"{unique_word} nere"))
    finally:
        datacite.start()
    doi = record["pids"]["doi"]["identifier"]
    assert client.get(f"/api/records/{record['id']}").status_code == 200
    pending = _doi_state(client, headers, record["id"])
    assert pending["doi"]["status"] == "pending"
    assert pending["doi"]["attempts"] == 1 and pending["doi"]["next_attempt"]
    assert pending["parent_doi"]["status"] == "pending"
    assert datacite.doi(doi) is None

    retry_dois.delay(now=_later())
    done = _doi_state(client, headers, record["id"])
    assert done["doi"]["status"] == "registered", done
    assert done["parent_doi"]["status"] == "registered", done
    assert datacite.doi(doi)["state"] == "findable"
    assert state.entry(doi) is None


def test_datacite_5xx_backs_off(app, depositor, datacite, unique_word):
    """DataCite answering 503: pending with back-off (not retried before it is due)."""
    client, headers = app.test_client(), token_headers(depositor.token)
    datacite.fail_next(4, status=503)
    record = deposit(client, headers, record_data(f"{unique_word} felsvar"))
    doi = record["pids"]["doi"]["identifier"]
    first = state.entry(doi)
    assert first["attempts"] == 1
    assert "unavailable" in first["last_error"].lower()
    due = datetime.fromisoformat(first["next_attempt"])
    assert due - datetime.now(UTC) > timedelta(seconds=app.config["MSI_DOI_RETRY_BASE"] - 10)
    retry_dois.delay()  # not yet due: nothing is tried
    assert state.entry(doi)["attempts"] == 1
    datacite.fail_next(1, status=500)
    retry_dois.delay(now=_later())
    second = state.entry(doi)
    assert second["attempts"] == 2
    assert datetime.fromisoformat(second["next_attempt"]) - datetime.fromisoformat(
        first["next_attempt"]
    ) > timedelta(seconds=app.config["MSI_DOI_RETRY_BASE"])
    retry_dois.delay(now=(datetime.now(UTC) + timedelta(days=1)).isoformat())
    assert datacite.doi(doi)["state"] == "findable"
    assert _doi_state(client, headers, record["id"])["doi"]["status"] == "registered"


def test_fake_checks_metadata_like_datacite(app, datacite):
    """The fake: basic auth, drafts without metadata, 422 with DataCite's error shape."""
    url, auth = datacite.url + "dois", datacite.auth
    doi = f"{datacite.prefix}/fake-{datetime.now(UTC).timestamp()}"
    body = {"data": {"type": "dois", "attributes": {"doi": doi}}}
    assert requests.post(url, json=body, timeout=10).status_code == 401
    created = requests.post(url, json=body, auth=auth, timeout=10)
    assert created.status_code == 201 and created.json()["data"]["attributes"]["state"] == "draft"
    publish = {"data": {"attributes": {"event": "publish", "url": "https://example.org/x",
                                       "titles": [{"title": "T"}]}}}  # fmt: skip
    refused = requests.put(f"{url}/{doi}", json=publish, auth=auth, timeout=10)
    assert refused.status_code == 422
    sources = {e["source"] for e in refused.json()["errors"]}
    assert {"creators", "publisher", "publicationYear", "types"} <= sources
    assert all(e["title"] for e in refused.json()["errors"])
    if find_schema() is None:
        pytest.skip(
            "DataCite's kernel-4 XSD (../shared/standards) is absent: the fake cannot check XML"
        )
    xml = (
        '<resource xmlns="http://datacite.org/schema/kernel-4"><identifier identifierType="DOI">'
        f"{doi}</identifier><titles><title>T</title></titles></resource>"
    )
    refused = requests.put(f"{url}/{doi}", auth=auth, timeout=10, json={"data": {"attributes": {
        "event": "publish", "url": "https://example.org/x",
        "xml": base64.b64encode(xml.encode()).decode()}}})  # fmt: skip
    assert refused.status_code == 422 and refused.json()["errors"][0]["source"] == "metadata"
    assert requests.delete(f"{url}/{doi}", auth=auth, timeout=10).status_code == 204
    other = {"data": {"attributes": {"doi": "10.9999/not-ours"}}}
    assert requests.post(url, json=other, auth=auth, timeout=10).status_code == 403


def test_access_changes_reach_datacite(app, depositor, datacite, unique_word):
    """Restricted made public: the DOI becomes findable with the metadata; public made restricted:
    hidden again, the metadata withdrawn."""
    client, headers = app.test_client(), token_headers(depositor.token)
    record = deposit(client, headers, record_data(f"{unique_word} dold", access="restricted"))
    doi = record["pids"]["doi"]["identifier"]
    assert datacite.doi(doi)["state"] == "registered"

    def republish(access):
        response = client.post(f"/api/records/{record['id']}/draft", headers=headers)
        assert response.status_code == 201, response.json
        data = record_data(f"{unique_word} dold", access=access)
        data["pids"] = response.json["pids"]
        response = client.put(
            f"/api/records/{record['id']}/draft", data=json.dumps(data), headers=headers
        )
        assert response.status_code == 200, response.json
        response = client.post(
            f"/api/records/{record['id']}/draft/actions/publish", headers=headers
        )
        assert response.status_code == 202, response.json

    republish("public")
    remote = datacite.doi(doi)
    assert remote["state"] == "findable"
    assert remote["titles"][0]["title"] == f"{unique_word} dold"
    republish("restricted")
    remote = datacite.doi(doi)
    assert remote["state"] == "registered"
    assert unique_word not in json.dumps(remote["titles"])
