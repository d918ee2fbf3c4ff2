"""ORCID on researcher profiles: linking verifies the iD, imported works show, drafts, unlinking."""

import re

from fakes.orcid_helpers import forget_user, sign_in
from invenio_access.permissions import system_identity
from invenio_search import current_search

from msi_rdm.orcid import api
from msi_rdm.researchers.proxies import current_researchers_service


def csrf(page):
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_linked_profile_imports_shows_and_deposits_orcid_works(
    app, client, orcid_site, linked_user
):
    user = linked_user(orcid_site)
    data = {"family_name": "Sjöberg", "given_name": "Karin", "node": {"id": "nod-lulea"},
            "orcid": {"id": user.orcid}}  # fmt: skip
    response = client.post("/api/researchers", json=data, headers=user.headers)
    assert response.status_code == 201, response.json
    profile = response.json
    assert profile["orcid"] == {"id": user.orcid, "verified": True}
    current_researchers_service.approve(system_identity, profile["id"])
    current_search.flush_and_refresh("researchers")
    orcid_site.add_work(
        user.orcid, "Sociala innovationer i Norrbotten", year=2021, doi="10.5555/msi.1"
    )

    url = f"/researchers/{profile['id']}"
    sign_in(client, user)
    page = client.get(url + "?ln=en").get_data(as_text=True)
    assert "Import my works from ORCID" in page
    response = client.post(url + "/orcid", data={"action": "import", "csrf_token": csrf(page)})
    assert response.status_code == 302
    page = client.get(url + "?ln=en").get_data(as_text=True)
    assert "Sociala innovationer i Norrbotten" in page and "doi:10.5555/msi.1" in page

    put_code = api.imported_works(user.orcid)[0].put_code
    response = client.post(
        url + "/orcid", data={"action": "draft", "put_code": put_code, "csrf_token": csrf(page)}
    )
    assert response.status_code == 302 and "/uploads/" in response.headers["Location"]

    forget_user()
    public = app.test_client().get(url + "?ln=en").get_data(as_text=True)
    assert "Sociala innovationer i Norrbotten" in public  # public works on ORCID are public here
    assert "Import my works from ORCID" not in public

    api.unlink_orcid(user.id)
    assert client.get(f"/api/researchers/{profile['id']}").json["orcid"] == {
        "id": user.orcid,
        "verified": False,
    }


def test_someone_elses_profile_has_no_orcid_actions(client, orcid_site, linked_user, make_user):
    owner = linked_user(orcid_site)
    data = {"family_name": "Ek", "node": {"id": "nod-lulea"}, "orcid": {"id": owner.orcid}}
    profile = client.post("/api/researchers", json=data, headers=owner.headers).json
    current_researchers_service.approve(system_identity, profile["id"])
    other = make_user()
    sign_in(client, other)
    page = client.get(f"/researchers/{profile['id']}").get_data(as_text=True)
    assert "msi-orcid-panel" not in page
    response = client.post(f"/researchers/{profile['id']}/orcid", data={"action": "import"})
    assert response.status_code in (400, 403)
