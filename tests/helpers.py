"""Small helpers shared by tests: record data and the REST deposit flow."""

import json

from invenio_search import current_search


def refresh_indices():
    """Make what was just indexed visible to search, as OpenSearch does within a second."""
    current_search.flush_and_refresh("rdmrecords")


def record_data(title, resource_type="publication-report", access="public", files=False):
    """Return minimal valid RDM record data."""
    return {
        "access": {"record": access, "files": access},
        "files": {"enabled": files},
        "metadata": {
            "resource_type": {"id": resource_type},
            "title": title,
            "publication_date": "2025-03-14",
            "publisher": "Mötesplats Social Innovation",
            "creators": [
                {
                    "person_or_org": {
                        "type": "personal",
                        "given_name": "Karin",
                        "family_name": "Sjöberg",
                    }
                }
            ],
            "languages": [{"id": "swe"}],
        },
    }


def token_headers(token):
    """JSON headers carrying a personal access token."""
    return {
        "Authorization": f"Bearer {token}",
        "Content-Type": "application/json",
        "Accept": "application/json",
    }


def film_data(title):
    """A film (resource type video) whose creator is its director, with an interviewee."""
    data = record_data(title, resource_type="video")
    person = {"type": "personal", "given_name": "Maja", "family_name": "Regisson"}
    data["metadata"]["creators"] = [{"person_or_org": person, "role": {"id": "director"}}]
    guest = {"type": "personal", "given_name": "Olle", "family_name": "Intervju"}
    data["metadata"]["contributors"] = [{"person_or_org": guest, "role": {"id": "interviewee"}}]
    return data


def deposit(client, headers, data, files=None):
    """Create a draft through the REST API, upload ``{name: bytes}`` files, publish, refresh."""
    response = client.post("/api/records", data=json.dumps(data), headers=headers)
    assert response.status_code == 201, response.json
    record_id = response.json["id"]
    for name, content in (files or {}).items():
        base = f"/api/records/{record_id}/draft/files"
        response = client.post(base, data=json.dumps([{"key": name}]), headers=headers)
        assert response.status_code == 201, response.json
        upload = {**headers, "Content-Type": "application/octet-stream"}
        response = client.put(f"{base}/{name}/content", data=content, headers=upload)
        assert response.status_code == 200, response.json
        response = client.post(f"{base}/{name}/commit", headers=headers)
        assert response.status_code == 200, response.json
    response = client.post(f"/api/records/{record_id}/draft/actions/publish", headers=headers)
    assert response.status_code == 202, response.json
    refresh_indices()
    return response.json


def refused(response):
    """401/403 for callers without the right, or the REST API's CSRF refusal of anonymous writes."""
    if response.status_code in (401, 403):
        return True
    return response.status_code == 400 and "CSRF" in (response.json or {}).get("message", "")


class Caller:
    """A user with a REST token, or anonymous (``user`` None)."""

    def __init__(self, client, user=None):
        self.client = client
        self.user = user
        self.headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Accept-Language": "en",
        }
        if user is not None:
            self.headers["Authorization"] = f"Bearer {user.token}"

    def _call(self, method, url, data=None, **kwargs):
        body = json.dumps(data) if data is not None else None
        return getattr(self.client, method)(url, data=body, headers=self.headers, **kwargs)

    def get(self, url, **kwargs):
        return self._call("get", url, **kwargs)

    def post(self, url, data=None, **kwargs):
        return self._call("post", url, data if data is not None else {}, **kwargs)

    def put(self, url, data, **kwargs):
        return self._call("put", url, data, **kwargs)

    def delete(self, url, **kwargs):
        return self._call("delete", url, **kwargs)


def deposit_each(app, user, **records):
    """Publish each ``name=data`` as ``user``; return ``{name: published record}``."""
    client = app.test_client()
    headers = token_headers(user.token)
    return {name: deposit(client, headers, data) for name, data in records.items()}


def new_user(database, prefix, roles=()):
    """A confirmed account with the given roles and a REST token (``user.token``)."""
    import uuid

    from invenio_accounts.proxies import current_datastore
    from invenio_oauth2server.models import Token

    email = f"{prefix}-{uuid.uuid4().hex[:8]}@example.org"
    user = current_datastore.create_user(email=email, password=None, active=True)
    current_datastore.activate_user(user)
    for name in roles:
        current_datastore.add_role_to_user(user, current_datastore.find_role(name))
    database.session.commit()
    user.token = Token.create_personal("tests", user.id, scopes=[], is_internal=False).access_token
    database.session.commit()
    return user
