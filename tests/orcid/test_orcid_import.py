"""Import of a researcher's public ORCID works, and drafts made from them."""

import pytest
from fakes.orcid_helpers import forget_user
from invenio_access.permissions import system_identity
from invenio_accounts.proxies import current_datastore
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_records_resources.services.errors import PermissionDeniedError

from msi_rdm.orcid import api, tasks
from msi_rdm.orcid.ids import InvalidOrcidError
from msi_rdm.orcid.models import OrcidWork
from msi_rdm.orcid.tasks import import_orcid_works


def _seed(fake, orcid):
    article = fake.add_work(
        orcid, "Sociala innovationer i kommunen", "journal-article", 2022,
        doi="10.1234/SI.2022.7", journal="Scandinavian Journal of Public Administration",
    )  # fmt: skip
    report = fake.add_work(orcid, "Lägesrapport om samverkan", "report", 2020)
    film = fake.add_work(orcid, "Innovation på film", "moving-image", 2024, url="https://x.se/f")
    return article, report, film


def _works(client, user):
    response = client.get("/api/me/orcid/works", headers=user.headers)
    assert response.status_code == 200, response.json
    return {w["put_code"]: w for w in response.json["hits"]["hits"]}


def test_import_through_rest(app, client, orcid_site, linked_user):
    """POST /api/me/orcid/import fetches the public works; they list with DOI, year and type."""
    user = linked_user(orcid_site)
    article, report, film = _seed(orcid_site, user.orcid)
    response = client.post("/api/me/orcid/import", headers=user.headers)
    assert response.status_code == 202, response.json
    works = _works(client, user)
    assert set(works) == {article, report, film}
    assert works[article]["doi"] == "10.1234/si.2022.7"
    assert works[article]["year"] == 2022
    assert works[article]["type"] == "journal-article"
    assert works[article]["journal"] == "Scandinavian Journal of Public Administration"
    assert works[film]["url"] == "https://x.se/f"
    status = client.get("/api/me/orcid", headers=user.headers).json["import"]
    assert status["status"] == "done" and status["works"] == 3
    paths = [r["path"] for r in orcid_site.requests]
    assert f"/pub/v3.0/{user.orcid}/works" in paths


def test_import_idempotent_and_follows_orcid(app, orcid_site, linked_user):
    """Running the import again changes nothing; edits and removals on ORCID are followed."""
    user = linked_user(orcid_site)
    article, report, film = _seed(orcid_site, user.orcid)
    import_orcid_works.delay(user.orcid)
    first = {w.put_code: w.id for w in api.imported_works(user.orcid)}
    import_orcid_works.delay(user.orcid)  # a worker died after the first run: it runs again
    assert {w.put_code: w.id for w in api.imported_works(user.orcid)} == first
    orcid_site.remove_work(user.orcid, report)
    orcid_site.works[user.orcid][film]["title"]["title"]["value"] = "Innovation på film (ny)"
    import_orcid_works.delay(user.orcid)
    works = {w.put_code: w for w in api.imported_works(user.orcid)}
    assert set(works) == {article, film}
    assert works[film].title == "Innovation på film (ny)"
    assert OrcidWork.query.filter_by(orcid=user.orcid).count() == 2


def test_import_backs_off_on_429_and_503(app, orcid_site, linked_user):
    """ORCID answering 503, 503 then 429 is waited out; the import completes."""
    user = linked_user(orcid_site)
    _seed(orcid_site, user.orcid)
    orcid_site.script("GET", "/works", 503, times=2)
    orcid_site.script("GET", "/works", 429, retry_after=0)
    import_orcid_works.delay(user.orcid)
    assert len(api.imported_works(user.orcid)) == 3
    assert api.import_status(user.orcid)["status"] == "done"
    calls = [r for r in orcid_site.requests if r["path"].endswith("/works")]
    assert len(calls) == 4


def test_import_gives_up_cleanly_when_orcid_stays_down(app, client, orcid_site, linked_user):
    """ORCID down for every attempt and task retry: the import is marked failed, nothing lost."""
    user = linked_user(orcid_site)
    _seed(orcid_site, user.orcid)
    import_orcid_works.delay(user.orcid)
    orcid_site.script("GET", "/works", 503, times=1000)
    response = client.post("/api/me/orcid/import", headers=user.headers)
    assert response.status_code == 202
    status = api.import_status(user.orcid)
    assert status["status"] == "failed"
    assert "503" in status["error"]
    assert len(api.imported_works(user.orcid)) == 3
    attempts = app.config["MSI_ORCID_MAX_ATTEMPTS"] * (import_orcid_works.max_retries + 1)
    calls = [r for r in orcid_site.requests if r["path"].endswith("/works")]
    assert len(calls) == 1 + attempts


def test_import_refuses_invalid_orcid(app, orcid_site):
    """An iD with a wrong check digit is refused by the API and skipped by the task."""
    bad = "0000-0002-1825-0098"
    with pytest.raises(InvalidOrcidError):
        tasks.queue_import(bad)
    import_orcid_works.delay(bad)
    assert orcid_site.requests == []
    assert OrcidWork.query.filter_by(orcid=bad).count() == 0


def test_rest_errors(app, client, orcid_site, make_user):
    """Anonymous callers get 401, users without a linked iD 400, both with a message."""
    forget_user()
    assert client.post("/api/me/orcid/import").status_code == 401
    user = make_user()
    for method, url in (("post", "/api/me/orcid/import"), ("get", "/api/me/orcid/works")):
        response = getattr(client, method)(url, headers=user.headers)
        assert response.status_code == 400
        assert "Koppla först ditt konto till ORCID" in response.json["message"]


def test_draft_from_imported_work(app, client, orcid_site, linked_user):
    """The owner turns an imported work into a draft: title, year, type, creator iD and DOI."""
    user = linked_user(orcid_site)
    article, _report, film = _seed(orcid_site, user.orcid)
    import_orcid_works.delay(user.orcid)
    response = client.post(f"/api/me/orcid/works/{article}/draft", headers=user.headers)
    assert response.status_code == 201, response.json
    assert response.json["links"]["self"].endswith(f"/records/{response.json['id']}/draft")
    draft = service.read_draft(system_identity, response.json["id"]).to_dict()
    metadata = draft["metadata"]
    assert metadata["title"] == "Sociala innovationer i kommunen"
    assert metadata["publication_date"] == "2022"
    assert metadata["resource_type"]["id"] == "publication-article"
    person = metadata["creators"][0]["person_or_org"]
    assert person["family_name"] == "Sjöberg" and person["given_name"] == "Karin"
    assert person["identifiers"] == [{"scheme": "orcid", "identifier": user.orcid}]
    related = metadata["related_identifiers"][0]
    assert related["identifier"] == "10.1234/si.2022.7"
    assert related["scheme"] == "doi"
    assert related["relation_type"]["id"] == "isidenticalto"
    assert draft["parent"]["access"]["owned_by"]["user"] == str(user.id)

    response = client.post(f"/api/me/orcid/works/{film}/draft", headers=user.headers)
    film_draft = service.read_draft(system_identity, response.json["id"]).to_dict()
    assert film_draft["metadata"]["resource_type"]["id"] == "video"

    response = client.post("/api/me/orcid/works/999999/draft", headers=user.headers)
    assert response.status_code == 404
    assert response.json["message"]


def test_draft_only_from_own_orcid(app, orcid_site, linked_user, make_user):
    """Another user cannot make a draft from someone else's imported works."""
    owner = linked_user(orcid_site)
    article, _report, _film = _seed(orcid_site, owner.orcid)
    import_orcid_works.delay(owner.orcid)
    stranger = make_user()
    from invenio_access.utils import get_identity

    identity = get_identity(current_datastore.get_user(stranger.id))
    with pytest.raises(PermissionDeniedError):
        api.draft_from_orcid_work(identity, owner.orcid, article)
