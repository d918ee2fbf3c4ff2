"""Small helpers shared by tests: record data and the REST deposit flow."""

import json
import socket
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import requests
import yaml
from flask_caching import Cache
from invenio_access.permissions import any_user, authenticated_user
from invenio_access.utils import get_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_rdm_records.services.results import RDMRecordList
from invenio_search import current_search, current_search_client
from invenio_search.utils import build_alias_name
from sqlalchemy import event
from sqlalchemy.engine import Engine


def free_port():
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def webpack_chunk(app, name, suffix):
    """The public paths of the files ending in ``suffix`` of webpack entry ``name``."""
    manifest = json.loads((Path(app.static_folder) / "dist/manifest.json").read_text())
    public = manifest["publicPath"]
    return [public + path for path in manifest["chunks"][name] if path.endswith(suffix)]


ROOT = Path(__file__).resolve().parent.parent
"""The checkout's root."""


def demo_record(site_url, resource_type):
    """The first demo record of ``resource_type`` with files (app_data/demo), from a live site."""
    demo = yaml.safe_load((ROOT / "app_data/demo/records.yaml").read_text())
    spec = next(r for r in demo if r["resource_type"] == resource_type and r.get("files"))
    response = requests.get(
        f"{site_url}/api/records", params={"q": f'"{spec["title"]}"', "size": 1}, timeout=30
    )
    response.raise_for_status()
    hits = response.json()["hits"]["hits"]
    assert hits, f"the demo record {spec['title']!r} is not there"
    return hits[0]


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


def upstream_hits(result):
    """The same search result serialised by upstream's record list."""
    upstream = RDMRecordList(
        service,
        result._identity,
        result._results,
        result._params,
        links_tpl=result._links_tpl,
        links_item_tpl=result._links_item_tpl,
        schema=service.schema,
    )
    return list(upstream.hits)


def owner_identity(user):
    identity = get_identity(user)
    identity.provides.add(authenticated_user)
    identity.provides.add(any_user)
    return identity


def add_statistics(docs):
    """Index aggregated statistics documents; return their (index, id) for removal."""
    added = []
    for name, body in docs:
        index = build_alias_name(name)
        response = current_search_client.index(index=index, body=body, refresh=True)
        added.append((response["_index"], response["_id"]))
    return added


def remove_statistics(added):
    """Delete what ``add_statistics`` indexed."""
    for index, doc_id in added:
        current_search_client.delete(index=index, id=doc_id, refresh=True)


def applications(app):
    """The UI application and the applications mounted in it (the REST API at /api)."""
    wsgi = app.wsgi_app
    while not hasattr(wsgi, "mounts") and hasattr(wsgi, "app"):
        wsgi = wsgi.app
    return [app, *getattr(wsgi, "mounts", {}).values()]


@contextmanager
def changes_left_out(app, *names):
    """Leave the named changes to upstream out (all when none is named), then put them back."""
    from msi_rdm.upstream import CHANGES

    changes = [CHANGES[name] for name in names] if names else list(CHANGES.values())
    taken = [change for change in changes if change.active]
    apps = applications(app)
    for change in taken:
        change.take_out(apps)
    try:
        yield
    finally:
        for change in reversed(taken):
            change.put_in(apps)


class CountingGets:
    """Wrap ``Cache.get`` of every application (UI and API), counting the reads of each key."""

    def __init__(self):
        self.keys = []
        self.original = Cache.get

    def patch(self):
        def get(cache, key, *args, **kwargs):
            self.keys.append(key)
            return self.original(cache, key, *args, **kwargs)

        return mock.patch.object(Cache, "get", get)


class CountingStatements:
    """Collect the SQL statements run while the block runs."""

    def __init__(self):
        self.statements = []

        def listener(conn, cursor, statement, parameters, context, executemany):
            self.statements.append((statement, parameters))

        self._listener = listener

    # On the Engine class: the UI and the API application each have an engine of their own.
    def __enter__(self):
        event.listen(Engine, "before_cursor_execute", self._listener)
        return self

    def __exit__(self, *exc):
        event.remove(Engine, "before_cursor_execute", self._listener)

    def pid_lookups(self, pid_type):
        return [p for s, p in self.statements if p and p.get("pid_type_1") == pid_type]


@contextmanager
def live_server(name, **settings):
    """Serve the test instance with gunicorn on a free port, with extra ``INVENIO_*`` settings.

    Like the suite's ``msi_server``, for tests that need settings of their own (a small rate
    limit) or to stop and start the web process; yields the base URL. ``name`` names its log.
    """
    import os
    import subprocess
    import time

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "INVENIO_SITE_UI_URL": url,
        "INVENIO_SITE_API_URL": f"{url}/api",
        "INVENIO_TRUSTED_HOSTS": "['127.0.0.1', 'localhost']",
        **{f"INVENIO_{key}": str(value) for key, value in settings.items()},
    }
    log_path = Path(os.environ["INVENIO_INSTANCE_PATH"]).parent / "log" / f"gunicorn-{name}.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            ["gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "120"]
            + ["--no-control-socket", "msi_rdm.wsgi:application"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if requests.get(f"{url}/oai2d?verb=Identify", timeout=5).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the live server did not start; see {log_path}")
                time.sleep(0.5)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)
