"""A fake ORCID on 127.0.0.1: OAuth, public and member API v3.0, over real HTTP.

It speaks ORCID's JSON shapes closely enough for python-orcid and invenio-oauthclient: the
authorisation page approves at once for the configured iD, the token endpoint grants
authorization codes and client credentials, the public API serves works summaries and works,
the member API adds (201 with the put-code in ``Location``), replaces and removes works and
refuses a second work with the same external identifier (409). Replies can be scripted
(``script(...)``, e.g. 429 or 503 with ``Retry-After``) and every request is logged.
"""

import itertools
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

PUBLIC = "/pub/v3.0"
MEMBER = "/api/v3.0"


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that gave up waiting (a timeout test) is no error of the fake's."""


class FakeOrcid:
    """The fake's state and its HTTP server."""

    def __init__(self, client_id="APP-MSITEST0000001", client_secret="fake-secret"):  # noqa: S107
        """Create the server on a free port; ``start()`` serves it."""
        self.client_id = client_id
        self.client_secret = client_secret
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.fake = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.lock = threading.Lock()
        self.reset()

    def reset(self, orcid="0000-0002-1825-0097", name="Josiah Carberry"):
        """Forget everything; the authorisation page will approve ``orcid``."""
        with self.lock:
            self.approve = {"orcid": orcid, "name": name}
            self.codes = {}
            self.tokens = {}
            self.works = {}
            self.scripted = []
            self.requests = []
            self._put_codes = itertools.count(1001)

    def start(self):
        """Serve in a daemon thread."""
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()

    def config(self):
        """The MSI_ORCID_* settings that point the site at this fake."""
        return {
            "MSI_ORCID_BASE_URL": self.url,
            "MSI_ORCID_PUBLIC_API_URL": self.url + PUBLIC,
            "MSI_ORCID_MEMBER_API_URL": self.url + MEMBER,
            "ORCID_APP_CREDENTIALS": {
                "consumer_key": self.client_id,
                "consumer_secret": self.client_secret,
            },
        }

    def script(self, method, path_part, status, times=1, retry_after=None, delay=0):
        """Answer the next ``times`` requests whose path contains ``path_part`` with ``status``,
        after ``delay`` seconds."""
        headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
        with self.lock:
            self.scripted.append([method, path_part, status, headers, times, delay])

    def add_work(self, orcid, title, work_type="journal-article", year=None, doi=None,
                 journal=None, url=None, source=None):  # fmt: skip
        """Put a work on a researcher's record (as ORCID or another source added it)."""
        work = {"title": {"title": {"value": title}, "subtitle": None}, "type": work_type}
        if year:
            work["publication-date"] = {"year": {"value": str(year)}, "month": None, "day": None}
        if doi:
            work["external-ids"] = {"external-id": [_ext("doi", doi)]}
        if journal:
            work["journal-title"] = {"value": journal}
        if url:
            work["url"] = {"value": url}
        return self._store(orcid, work, source or "0000-0000-0000-0000")

    def remove_work(self, orcid, put_code):
        """Remove a work, as the researcher would on orcid.org."""
        with self.lock:
            del self.works[orcid][put_code]

    def member_requests(self, method=None):
        """Logged requests to the member API, optionally of one method."""
        return [
            r for r in self.requests
            if r["path"].startswith(MEMBER) and (method is None or r["method"] == method)
        ]  # fmt: skip

    def _store(self, orcid, work, source, put_code=None):
        with self.lock:
            put_code = put_code or next(self._put_codes)
            self.works.setdefault(orcid, {})[put_code] = {
                **work,
                "put-code": put_code,
                "source": {"source-client-id": {"path": source}},
            }
            return put_code

    def summary(self, orcid):
        """The v3.0 works summary of ``orcid``."""
        groups = []
        for put_code, work in sorted(self.works.get(orcid, {}).items()):
            summary = {k: v for k, v in work.items() if k != "short-description"}
            summary.update(
                path=f"/{orcid}/work/{put_code}", visibility="public", **{"display-index": "0"}
            )
            groups.append(
                {
                    "external-ids": work.get("external-ids") or {"external-id": []},
                    "work-summary": [summary],
                }
            )
        return {"last-modified-date": None, "group": groups, "path": f"/{orcid}/works"}


def _ext(kind, value):
    return {
        "external-id-type": kind,
        "external-id-value": value,
        "external-id-normalized": {"value": value.lower(), "transient": True},
        "external-id-url": None,
        "external-id-relationship": "self",
    }


class _Handler(BaseHTTPRequestHandler):
    """One request to the fake."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        """Keep test output quiet."""

    @property
    def fake(self):
        return self.server.fake

    def _reply(self, status, body=None, headers=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if data:
            self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _scripted(self, path):
        with self.fake.lock:
            for entry in self.fake.scripted:
                method, part, status, headers, times, delay = entry
                if method == self.command and part in path and times > 0:
                    entry[4] -= 1
                    return status, headers, delay
        return None

    def _handle(self):
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        self.fake.requests.append(
            {
                "method": self.command,
                "path": split.path,
                "query": parse_qs(split.query),
                "headers": dict(self.headers),
                "body": raw.decode() if raw else "",
            }
        )
        scripted = self._scripted(split.path)
        if scripted:
            status, headers, delay = scripted
            time.sleep(delay)
            return self._reply(status, {"error-code": status}, headers)
        if split.path == "/oauth/authorize":
            return self._authorize(parse_qs(split.query))
        if split.path == "/oauth/token":
            return self._token(parse_qs(raw.decode()))
        if split.path.startswith(PUBLIC):
            return self._public(split.path[len(PUBLIC) :].strip("/").split("/"))
        if split.path.startswith(MEMBER):
            return self._member(split.path[len(MEMBER) :].strip("/").split("/"), raw)
        return self._reply(404, {"error": "not found"})

    do_GET = do_POST = do_PUT = do_DELETE = _handle

    def _authorize(self, query):
        if query.get("client_id", [""])[0] != self.fake.client_id:
            return self._reply(400, {"error": "invalid_client"})
        code = secrets.token_hex(6)
        self.fake.codes[code] = {**self.fake.approve, "scope": query.get("scope", [""])[0]}
        target = query["redirect_uri"][0]
        params = {"code": code, "state": query.get("state", [""])[0]}
        return self._reply(302, headers={"Location": f"{target}?{urlencode(params)}"})

    def _token(self, form):
        field = {k: v[0] for k, v in form.items()}
        if (field.get("client_id"), field.get("client_secret")) != (
            self.fake.client_id,
            self.fake.client_secret,
        ):
            return self._reply(401, {"error": "invalid_client"})
        token = secrets.token_hex(8)
        answer = {
            "access_token": token,
            "token_type": "bearer",
            "refresh_token": secrets.token_hex(8),
            "expires_in": 631138518,
        }
        if field.get("grant_type") == "client_credentials":
            grant = {"orcid": None, "name": None, "scope": field.get("scope", "/read-public")}
        elif (
            field.get("grant_type") == "authorization_code" and field.get("code") in self.fake.codes
        ):
            grant = self.fake.codes.pop(field["code"])
        else:
            return self._reply(400, {"error": "invalid_grant"})
        self.fake.tokens[token] = grant
        return self._reply(200, {**answer, **grant})

    def _grant(self):
        token = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
        return self.fake.tokens.get(token)

    def _public(self, parts):
        if self._grant() is None:
            return self._reply(401, {"error": "invalid_token"})
        orcid = parts[0]
        if parts[1:] == ["works"]:
            return self._reply(200, self.fake.summary(orcid))
        if len(parts) == 3 and parts[1] == "work":
            work = self.fake.works.get(orcid, {}).get(int(parts[2]))
            return self._reply(200, work) if work else self._reply(404, {"error": "not found"})
        return self._reply(404, {"error": "not found"})

    def _member(self, parts, raw):
        grant, orcid = self._grant(), parts[0]
        if grant is None or grant.get("orcid") != orcid:
            return self._reply(401, {"error": "invalid_token"})
        if parts[1:] == ["works"] and self.command == "GET":
            return self._reply(200, self.fake.summary(orcid))
        if "/activities/update" not in grant["scope"].split():
            return self._reply(403, {"error": "insufficient_scope"})
        if parts[1:] == ["work"] and self.command == "POST":
            return self._add(orcid, json.loads(raw))
        put_code = int(parts[2]) if len(parts) == 3 else None
        existing = self.fake.works.get(orcid, {}).get(put_code)
        if (
            existing is None
            or existing["source"]["source-client-id"]["path"] != self.fake.client_id
        ):
            return self._reply(404, {"error": "not found"})
        if self.command == "PUT":
            work = json.loads(raw)
            if work.get("put-code") != put_code:
                return self._reply(400, {"error": "put-code mismatch"})
            self.fake._store(orcid, work, self.fake.client_id, put_code)
            return self._reply(200, self.fake.works[orcid][put_code])
        if self.command == "DELETE":
            self.fake.remove_work(orcid, put_code)
            return self._reply(204)
        return self._reply(405, {"error": "method not allowed"})

    def _add(self, orcid, work):
        ids = {
            (e["external-id-type"], e["external-id-value"])
            for e in (work.get("external-ids") or {}).get("external-id", [])
        }
        for other in self.fake.works.get(orcid, {}).values():
            mine = other["source"]["source-client-id"]["path"] == self.fake.client_id
            theirs = {
                (e["external-id-type"], e["external-id-value"])
                for e in (other.get("external-ids") or {}).get("external-id", [])
            }
            if mine and ids & theirs:
                return self._reply(409, {"error-code": 9021, "developer-message": "duplicate"})
        put_code = self.fake._store(orcid, work, self.fake.client_id)
        location = f"{self.fake.url}{MEMBER}/{orcid}/work/{put_code}"
        return self._reply(201, headers={"Location": location})
