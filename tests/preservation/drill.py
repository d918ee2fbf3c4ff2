"""The backup drill's two halves, run in a process of their own on the drill instance.

    python tests/preservation/drill.py populate STATE WORD
    python tests/preservation/drill.py snapshot STATE OUT

``populate`` deposits what a repository holds (reports, a film, restricted and embargoed records,
a new version, a deletion, researcher profiles, an ORCID link) and writes the ids and tokens to
STATE; ``snapshot`` writes to OUT what the site answers about them: REST answers for each caller,
every file's bytes (as SHA-256), OAI-PMH records (deleted ones included), search results and the
researcher directory. The drill compares the snapshots taken before the backup and after the
restore. The environment (``INVENIO_*``) chooses the instance; the drill's test sets it.
"""

import hashlib
import json
import re
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers import deposit, film_data, record_data, token_headers  # noqa: E402

CONFIG = {
    "TESTING": True,
    "CELERY_TASK_ALWAYS_EAGER": True,
    "CELERY_TASK_EAGER_PROPAGATES_EXCEPTIONS": True,
    "MAIL_SUPPRESS_SEND": True,
    "RATELIMIT_ENABLED": False,
    "MSI_OAI_PAGE_SIZE": 5,
}
COORDINATOR_ROLE = "msi-coordinator-nod-boras"


def make_app():
    """The drill instance's application (UI with the REST API at /api)."""
    from invenio_app.factory import create_app

    return create_app(**CONFIG)


def make_user(prefix, roles=()):
    """A confirmed account with a personal token; returns ``(id, email, token)``."""
    from invenio_accounts.proxies import current_datastore
    from invenio_db import db
    from invenio_oauth2server.models import Token

    email = f"{prefix}-{uuid.uuid4().hex[:8]}@example.org"
    user = current_datastore.create_user(email=email, password=None, active=True)
    current_datastore.activate_user(user)
    for name in roles:
        current_datastore.add_role_to_user(user, current_datastore.find_role(name))
    db.session.commit()
    token = Token.create_personal("drill", user.id, scopes=[], is_internal=False)
    db.session.commit()
    return {"id": user.id, "email": email, "token": token.access_token}


def call(client, method, url, user=None, data=None):
    """A REST call as ``user`` (anonymous when None); returns the response."""
    headers = token_headers(user["token"]) if user else {"Accept": "application/json"}
    body = json.dumps(data) if data is not None else None
    return getattr(client, method)(url, data=body, headers=headers)


def refresh():
    """Make everything indexed so far searchable."""
    from invenio_search import current_search_client
    from invenio_search.utils import prefix_index

    current_search_client.indices.refresh(index=prefix_index("*"))


def populate(state_path, word):
    """Deposit the drill's content and write its ids and tokens to ``state_path``."""
    from invenio_access.permissions import system_identity
    from invenio_db import db
    from invenio_oauthclient.models import UserIdentity
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    from msi_rdm.demo.files import make_film, make_pdf
    from msi_rdm.researchers.proxies import current_researchers_service

    app = make_app()
    with app.app_context(), tempfile.TemporaryDirectory() as tmp:
        client = app.test_client()
        owner = make_user("drill-owner")
        coordinator = make_user("drill-coord", [COORDINATOR_ROLE])
        researcher = make_user("drill-researcher")
        applicant = make_user("drill-applicant")
        headers = token_headers(owner["token"])
        pdf = make_pdf(Path(tmp) / "r.pdf", f"{word} rapport", [f"Sidan om {word} och bygder."])
        film = make_film(Path(tmp) / "film.mp4", seconds=2)

        records = {}
        records["report"] = deposit(
            client, headers, record_data(f"{word} rapport", files=True),
            files={"rapport.pdf": pdf.read_bytes(), "data.csv": b"kommun;antal\nBor\xc3\xa5s;3\n"},
        )  # fmt: skip
        film_record = film_data(f"{word} film")
        film_record["files"] = {"enabled": True}
        records["film"] = deposit(
            client, headers, film_record, files={"film.mp4": film.read_bytes()}
        )
        records["restricted"] = deposit(
            client, headers, record_data(f"{word} stängd", access="restricted", files=True),
            files={"hemlig.txt": f"hemlig {word}".encode()},
        )  # fmt: skip
        embargoed = record_data(f"{word} embargo", files=True)
        embargoed["access"]["files"] = "restricted"
        embargoed["access"]["embargo"] = {
            "active": True, "until": "2099-01-01", "reason": "Väntar på publicering",
        }  # fmt: skip
        records["embargoed"] = deposit(
            client, headers, embargoed, files={"embargo.txt": f"embargo {word}".encode()}
        )
        records["deleted"] = deposit(client, headers, record_data(f"{word} borttagen"))

        # A new version of the report, with its files carried over and one more.
        recid = records["report"]["id"]
        response = call(client, "post", f"/api/records/{recid}/versions", owner)
        assert response.status_code == 201, response.json
        draft = response.json
        response = call(
            client, "post", f"/api/records/{draft['id']}/draft/actions/files-import", owner
        )
        assert response.status_code == 201, response.json
        data = {k: draft[k] for k in ("access", "files", "metadata")}
        data["metadata"]["title"] = f"{word} rapport, version 2"
        data["metadata"]["publication_date"] = "2025-06-01"
        response = call(client, "put", f"/api/records/{draft['id']}/draft", owner, data)
        assert response.status_code == 200, response.json
        response = call(client, "post", f"/api/records/{draft['id']}/draft/actions/publish", owner)
        assert response.status_code == 202, response.json
        records["report_v2"] = response.json

        service.delete_record(
            system_identity, records["deleted"]["id"],
            {"removal_reason": {"id": "spam"}, "is_visible": True},
        )  # fmt: skip
        # A draft that was never published stays a draft.
        response = call(client, "post", "/api/records", owner, record_data(f"{word} utkast"))
        assert response.status_code == 201, response.json
        records["draft"] = response.json

        # Researcher profiles: one approved and linked to ORCID, one still an application.
        profile = {
            "given_name": "Lina",
            "family_name": f"Ek {word}",
            "node": {"id": "nod-boras"},
            "themes": [{"id": "jamlik-folkhalsa"}],
            "expertise": ["medborgardialog"],
            "bio": {"sv": f"Forskar om {word}.", "en": f"Researches {word}."},
        }
        response = call(client, "post", "/api/researchers", researcher, profile)
        assert response.status_code == 201, response.json
        approved = response.json["id"]
        response = call(
            client, "post", f"/api/researchers/{approved}/actions/approve", coordinator, {}
        )
        assert response.status_code == 200, response.json
        orcid = "0000-0002-1825-0097"
        UserIdentity.create(_user(researcher["id"]), "orcid", orcid)
        db.session.commit()
        current_researchers_service.set_orcid_verified(researcher["id"], orcid, True)
        response = call(
            client, "post", "/api/researchers", applicant, {**profile, "given_name": "Per"}
        )
        assert response.status_code == 201, response.json
        refresh()
        state = {
            "word": word,
            "users": {
                "owner": owner,
                "coordinator": coordinator,
                "researcher": researcher,
                "applicant": applicant,
            },  # fmt: skip
            "records": {name: rec["id"] for name, rec in records.items()},
            "profiles": [approved, response.json["id"]],
            "orcid": orcid,
        }
    Path(state_path).write_text(json.dumps(state, indent=2))


def _user(user_id):
    """The account of ``user_id``."""
    from invenio_accounts.models import User

    return User.query.get(user_id)


VOLATILE_OAI = re.compile(rb"<responseDate>[^<]*</responseDate>|expirationDate=\"[^\"]*\"")


def _request_element(match):
    """The ``<request>`` element with its attributes sorted (servers echo them in any order)."""
    attributes = sorted(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
    return "<request " + " ".join(f'{name}="{value}"' for name, value in attributes) + ">"


def oai(client, **params):
    """Every page of an OAI-PMH list request (or one GetRecord), answer dates removed."""
    pages = []
    while True:
        response = client.get("/oai2d", query_string=params)
        body = VOLATILE_OAI.sub(b"", response.data).decode()
        pages.append(re.sub(r"<request ([^>]*)>", _request_element, body))
        token = re.search(rb"<resumptionToken[^>]*>([^<]+)</resumptionToken>", response.data)
        if not token:
            return pages
        params = {"verb": params["verb"], "resumptionToken": token.group(1).decode()}


def answer(response, binary=False):
    """What a response says: status and JSON (or the SHA-256 of its bytes)."""
    if binary:
        return {"status": response.status_code, "sha256": hashlib.sha256(response.data).hexdigest()}
    return {"status": response.status_code, "json": response.json}


def snapshot(state_path, out_path):
    """Write what the site answers about the drill's content to ``out_path``."""
    state = json.loads(Path(state_path).read_text())
    users = {None: None, **state["users"]}
    word = state["word"]
    app = make_app()
    result = {}
    with app.app_context():
        client = app.test_client()
        for name, recid in state["records"].items():
            for who, user in users.items():
                base = f"/api/records/{recid}"
                if name == "draft":
                    result[f"{name}/{who}"] = answer(call(client, "get", f"{base}/draft", user))
                    continue
                result[f"{name}/{who}"] = answer(call(client, "get", base, user))
                files = call(client, "get", f"{base}/files", user)
                result[f"{name}/{who}/files"] = answer(files)
                if files.status_code != 200:
                    continue
                for entry in files.json.get("entries", []):
                    content = call(client, "get", f"{base}/files/{entry['key']}/content", user)
                    result[f"{name}/{who}/files/{entry['key']}"] = answer(content, binary=True)
            result[f"{name}/versions"] = answer(
                call(client, "get", f"/api/records/{recid}/versions", state["users"]["owner"])
            )
        for who, user in users.items():
            for url in ("/api/records", "/api/user/records"):
                if url == "/api/user/records" and user is None:
                    continue
                params = f"?q={word}&sort=newest&size=50&allversions=true"
                hits = call(client, "get", url + params, user)
                result[f"search{url}/{who}"] = {
                    "status": hits.status_code,
                    "total": hits.json["hits"]["total"],
                    "hits": [(h["id"], h["metadata"]["title"]) for h in hits.json["hits"]["hits"]],
                }
            directory = call(client, "get", f"/api/researchers?q={word}&size=50", user)
            result[f"researchers/{who}"] = answer(directory)
            for profile in state["profiles"]:
                result[f"researchers/{profile}/{who}"] = answer(
                    call(client, "get", f"/api/researchers/{profile}", user)
                )
        page = client.get("/researchers", query_string={"q": word})
        result["researchers/page"] = {
            "status": page.status_code,
            "profiles": sorted(set(re.findall(r'/researchers/([a-z0-9-]{5,})"', page.text))),
        }
        result["oai/ListRecords"] = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
        result["oai/ListIdentifiers"] = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
        for name, recid in state["records"].items():
            result[f"oai/GetRecord/{name}"] = oai(
                client, verb="GetRecord", metadataPrefix="oai_dc",
                identifier=f"oai:{app.config['OAISERVER_ID_PREFIX']}:{recid}",
            )  # fmt: skip
    Path(out_path).write_text(json.dumps(result, indent=1, sort_keys=True, default=str))


def load(out_path, stop_path, word):
    """Publish records and search, in turns, until ``stop_path`` exists; log each to ``out_path``.

    Each line of ``out_path`` is JSON: ``{"op", "ok", "id" or "total", "error", "at"}``.
    """
    import time

    from invenio_search import current_search_client

    app = make_app()
    with app.app_context(), open(out_path, "a") as out:
        client = app.test_client()
        owner = make_user("cluster-owner")
        headers = token_headers(owner["token"])
        n = 0
        while not Path(stop_path).exists():
            n += 1
            entry = {"op": "publish", "at": time.time()}
            try:
                data = record_data(f"{word} kluster {n}")
                entry.update(ok=True, id=deposit(client, headers, data)["id"])
            except Exception as exc:  # noqa: BLE001 recorded, the test fails on it
                entry.update(ok=False, error=repr(exc)[:300])
            out.write(json.dumps(entry) + "\n")
            entry = {"op": "search", "at": time.time()}
            try:
                response = call(client, "get", f"/api/records?q={word}&size=1", None)
                entry.update(ok=response.status_code == 200, total=response.json["hits"]["total"])
            except Exception as exc:  # noqa: BLE001 recorded, the test fails on it
                entry.update(ok=False, error=repr(exc)[:300])
            out.write(json.dumps(entry) + "\n")
            out.flush()
        current_search_client.indices.refresh()


def prepare_cluster():
    """Create the instance's indices in the (new) cluster with one replica; index everything
    (vocabularies too: search answers label their facets from them)."""
    from invenio_search import current_search_client
    from invenio_search.utils import prefix_index

    from msi_rdm.preservation.restore import create_search_indices, rebuild_indices

    app = make_app()
    with app.app_context():
        create_search_indices()
        current_search_client.indices.put_settings(
            index=prefix_index("*"), body={"index": {"number_of_replicas": 1}}
        )
        rebuild_indices(echo=lambda line: None)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    commands = {"populate": populate, "snapshot": snapshot, "load": load}
    commands["prepare-cluster"] = prepare_cluster
    commands[command](*args)
