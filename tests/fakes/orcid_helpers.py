"""Helpers of the ORCID tests: configuration on both applications, sign-in, the OAuth round trip."""

import uuid
from urllib.parse import urlsplit

import requests
from flask import g
from invenio_accounts.testutils import login_user_via_session


def set_config(app, monkeypatch, key, value):
    """Set ``key`` for this test on the UI application and on the REST API mounted at /api."""
    for each in (app, app.wsgi_app.mounts["/api"]):
        monkeypatch.setitem(each.config, key, value)


def forget_user():
    """Drop the user cached on ``g``: tests share one application context between requests."""
    for name in ("_login_user", "identity", "csrf_token"):
        g.pop(name, None)


def sign_in(client, user):
    """Sign ``user`` in on the test client's session."""
    forget_user()
    login_user_via_session(client, user=user)


def orcid_round_trip(client, fake, orcid, name="Karin Sjöberg", next_url="/"):
    """Go through ORCID sign-in: the app sends us to the fake, which sends us back with a code.

    The test client cannot follow a redirect to another host, so the hop to the fake is a real
    HTTP request; the fake's redirect back is replayed on the test client.
    """
    fake.approve = {"orcid": orcid, "name": name}
    response = client.get("/oauth/login/orcid/", query_string={"next": next_url})
    assert response.status_code == 302, response.data
    authorize = response.headers["Location"]
    assert authorize.startswith(fake.url + "/oauth/authorize")
    back = requests.get(authorize, allow_redirects=False, timeout=10)
    assert back.status_code == 302
    target = urlsplit(back.headers["Location"])
    assert target.path == "/oauth/authorized/orcid/"
    forget_user()
    return client.get(f"{target.path}?{target.query}")


def random_orcid():
    """A valid ORCID iD no other test uses: in ORCID's 0000-0002 block, ISO 7064 11,2 check."""
    digits = f"00000002{uuid.uuid4().int % 10**7:07d}"
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    base = digits + ("X" if check == 10 else str(check))
    return "-".join(base[i : i + 4] for i in range(0, 16, 4))
