"""Linking an ORCID iD through the app's OAuth views, against the fake ORCID."""

import re
import time

import pytest
from fakes.orcid_helpers import forget_user, orcid_round_trip, random_orcid, sign_in
from invenio_oauthclient.models import RemoteAccount, UserIdentity

from msi_rdm.orcid import api
from msi_rdm.orcid.ids import InvalidOrcidError, normalize_orcid
from msi_rdm.orcid.signals import orcid_linked, orcid_unlinked

ORCID = "0000-0002-1825-0097"


@pytest.fixture()
def signals():
    """Record orcid_linked and orcid_unlinked as they are sent."""
    sent = []

    def linked(sender, **kwargs):
        sent.append(("linked", kwargs))

    def unlinked(sender, **kwargs):
        sent.append(("unlinked", kwargs))

    orcid_linked.connect(linked)
    orcid_unlinked.connect(unlinked)
    yield sent
    orcid_linked.disconnect(linked)
    orcid_unlinked.disconnect(unlinked)


def _flashes(client):
    with client.session_transaction() as session:
        return [message for _category, message in session.get("_flashes", [])]


def test_link_records_verified_orcid(app, client, orcid_site, make_user, signals):
    """A signed-in user links an iD: it is verified, the signal is sent, /api/me/orcid shows it."""
    user, orcid = make_user(), random_orcid()
    sign_in(client, user)
    response = orcid_round_trip(client, orcid_site, orcid, next_url="/account/settings/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/settings/")
    assert api.verified_orcid(user.id) == orcid
    assert signals == [("linked", {"user_id": user.id, "orcid": orcid})]
    token_call = next(r for r in orcid_site.requests if r["path"] == "/oauth/token")
    assert "grant_type=authorization_code" in token_call["body"]
    authorize = next(r for r in orcid_site.requests if r["path"] == "/oauth/authorize")
    assert authorize["query"]["scope"] == ["/authenticate"]
    forget_user()
    me = client.get("/api/me/orcid", headers=user.headers).json
    assert me["orcid"] == orcid and me["verified"] is True and me["push_consent"] is False
    api.unlink_orcid(user.id)


def test_sign_in_with_linked_orcid(app, client, orcid_site, make_user):
    """Once linked, signing in with ORCID signs the same account in."""
    user, orcid = make_user(), random_orcid()
    sign_in(client, user)
    orcid_round_trip(client, orcid_site, orcid)
    with client.session_transaction() as session:
        session.clear()
    forget_user()
    response = orcid_round_trip(client, orcid_site, orcid)
    assert response.status_code == 302
    forget_user()
    me = client.get("/api/me/orcid")
    assert me.status_code == 200
    assert me.json["orcid"] == orcid
    api.unlink_orcid(user.id)


def test_orcid_of_another_account_refused(app, client, orcid_site, make_user, signals):
    """An iD linked to one account cannot be claimed by another: clear message, nothing changed."""
    owner, claimant, claimed = make_user(), make_user(), random_orcid()
    sign_in(client, owner)
    orcid_round_trip(client, orcid_site, claimed)
    signals.clear()
    sign_in(client, claimant)
    response = orcid_round_trip(client, orcid_site, claimed)
    assert response.status_code == 302
    assert any("redan kopplat till ett annat konto" in m for m in _flashes(client))
    assert api.verified_orcid(claimant.id) is None
    assert RemoteAccount.query.filter_by(user_id=claimant.id).count() == 0
    assert api.verified_orcid(owner.id) == claimed
    assert signals == []
    api.unlink_orcid(owner.id)


def test_second_orcid_for_one_account_refused(app, client, orcid_site, make_user):
    """An account linked to one iD cannot silently switch to another."""
    user, first, second = make_user(), random_orcid(), random_orcid()
    sign_in(client, user)
    orcid_round_trip(client, orcid_site, first)
    sign_in(client, user)
    orcid_round_trip(client, orcid_site, second)
    assert any("ta bort den kopplingen först" in m for m in _flashes(client))
    assert api.verified_orcid(user.id) == first
    assert UserIdentity.query.filter_by(id=second).count() == 0
    api.unlink_orcid(user.id)


def test_invalid_orcid_from_provider_refused(app, client, orcid_site, make_user):
    """An iD with a wrong check digit is not linked."""
    user = make_user()
    sign_in(client, user)
    orcid_round_trip(client, orcid_site, "0000-0002-1825-0098")
    assert any("inte ett giltigt ORCID iD" in m for m in _flashes(client))
    assert api.verified_orcid(user.id) is None
    assert RemoteAccount.query.filter_by(user_id=user.id).count() == 0


def test_token_exchange_times_out(app, client, orcid_site, make_user, monkeypatch):
    """An ORCID token endpoint that does not answer fails the sign-in quickly; nothing linked."""
    for each in (app, app.wsgi_app.mounts["/api"]):
        monkeypatch.setitem(each.config, "MSI_ORCID_TIMEOUT", (1, 0.3))
    user = make_user()
    sign_in(client, user)
    orcid_site.script("POST", "/oauth/token", 200, delay=3)
    start = time.monotonic()
    response = orcid_round_trip(client, orcid_site, random_orcid())
    assert time.monotonic() - start < 2
    assert response.status_code == 500
    assert api.verified_orcid(user.id) is None
    assert RemoteAccount.query.filter_by(user_id=user.id).count() == 0


def test_unlink_clears_the_link(app, client, orcid_site, make_user, signals):
    """Disconnecting removes the verified iD and its tokens and sends orcid_unlinked."""
    user, orcid = make_user(), random_orcid()
    sign_in(client, user)
    orcid_round_trip(client, orcid_site, orcid)
    signals.clear()
    sign_in(client, user)
    response = client.get("/oauth/disconnect/orcid/")
    assert response.status_code == 302
    assert api.verified_orcid(user.id) is None
    assert RemoteAccount.query.filter_by(user_id=user.id).count() == 0
    assert signals == [("unlinked", {"user_id": user.id, "orcid": orcid})]
    # The iD is free again for whoever holds it.
    other = make_user()
    sign_in(client, other)
    orcid_round_trip(client, orcid_site, orcid)
    assert api.verified_orcid(other.id) == orcid
    api.unlink_orcid(other.id)


def test_no_credentials_no_orcid(app, client, make_user):
    """Without credentials ORCID sign-in is not offered and nothing reaches ORCID."""
    assert not app.config["ORCID_APP_CREDENTIALS"]["consumer_key"]
    forget_user()
    assert client.get("/oauth/login/orcid/").status_code == 404
    page = client.get("/login/")
    assert page.status_code == 200
    assert b"/oauth/login/orcid/" not in page.data


def test_credentials_offer_orcid_sign_in(app, client, orcid_site):
    """With credentials the sign-in page offers ORCID."""
    forget_user()
    page = client.get("/login/")
    assert page.status_code == 200
    assert b"/oauth/login/orcid/" in page.data


def test_consent_endpoint(app, client, orcid_site, make_user):
    """PUT /api/me/orcid/consent stores the choice; bad bodies get a 400 with a message."""
    user, orcid = make_user(), random_orcid()
    sign_in(client, user)
    response = client.put("/api/me/orcid/consent", json={"push": True}, headers=user.headers)
    assert response.status_code == 400
    assert "Koppla först ditt konto till ORCID" in response.json["message"]
    orcid_round_trip(client, orcid_site, orcid)
    forget_user()
    for bad in ({"push": "yes"}, [], {}):
        response = client.put("/api/me/orcid/consent", json=bad, headers=user.headers)
        assert response.status_code == 400
        assert "'push'" in response.json["message"]
    response = client.put("/api/me/orcid/consent", json={"push": True}, headers=user.headers)
    assert response.status_code == 200, response.json
    assert api.push_consent(user.id) is True
    api.set_push_consent(user.id, False)
    assert api.push_consent(user.id) is False
    api.unlink_orcid(user.id)


def test_me_requires_sign_in(app, client, orcid_site):
    """Anonymous calls to /api/me/orcid get a 401 with a JSON message."""
    forget_user()
    response = client.get("/api/me/orcid")
    assert response.status_code == 401
    assert response.json["message"]


@pytest.mark.parametrize(
    "value",
    ["0000-0002-1825-0098", "0000-0002-1825-009", "orcid", "", None, "1234-5678-9012-3456"],
)
def test_invalid_orcid_ids_refused(value):
    """Wrong check digits and formats are refused with a reason."""
    with pytest.raises(InvalidOrcidError, match="inte ett giltigt ORCID iD"):
        normalize_orcid(value)


def test_orcid_spellings_normalised():
    """URLs and iDs without hyphens are accepted and normalised."""
    assert normalize_orcid("https://orcid.org/0000-0002-1825-0097") == ORCID
    assert normalize_orcid("0000000218250097") == ORCID


def test_sign_in_with_new_orcid_asks_for_email(app, client, orcid_site):
    """An iD no account holds leads to upstream's sign-up form; the new account gets the iD."""
    orcid = random_orcid()
    forget_user()
    response = orcid_round_trip(client, orcid_site, orcid)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/oauth/signup/orcid/")
    forget_user()
    form = client.get("/oauth/signup/orcid/").data.decode()
    assert 'value="Karin Sjöberg"' in form
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    email = f"{orcid.lower()}@example.org"  # e-mail addresses are stored in lower case
    data = {
        "email": email,
        "profile.username": "u" + orcid.replace("-", ""),
        "profile.full_name": "Karin Sjöberg",
        "csrf_token": csrf,
    }
    forget_user()
    response = client.post("/oauth/signup/orcid/", data=data)
    assert response.status_code == 302
    user = UserIdentity.get_user("orcid", orcid)
    assert user is not None and user.email == email
    assert api.verified_orcid(user.id) == orcid
