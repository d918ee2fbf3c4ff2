"""A local stand-in for DataCite's REST API, for development and tests; production never uses it.

It speaks the part of https://support.datacite.org/reference/ that upstream's provider (through
the ``datacite`` package) uses: JSON:API documents at ``/dois``, HTTP basic auth, ``POST`` to
create, ``PUT /dois/<doi>`` to create or update, ``DELETE`` of drafts, and the events ``draft``
(no event), ``register``, ``publish`` and ``hide`` with DataCite's states draft, registered and
findable. Registered and findable DOIs need complete metadata: the JSON attributes (or a base64
``xml`` attribute) are turned into DataCite XML and checked against DataCite's kernel-4 schema
(``--schema``, or the copy in ``../shared/standards``; without one, against the ``datacite``
package's JSON schema). Refusals come as 422 with DataCite's ``{"errors": [{"source", "title"}]}``.

``POST /__fake__/fail`` with ``{"status": 503, "count": 2}`` makes the next requests fail, as
DataCite does when it is in trouble; ``--state FILE`` keeps the DOIs across restarts.

Run: ``python -m msi_rdm.doi.fake_datacite --port 5999 --username MSI.TEST --password secret
--prefix 10.5072``.
"""

import argparse
import base64
import json
import threading
from datetime import UTC, datetime
from pathlib import Path

from datacite import schema45
from lxml import etree
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

JSON_API = "application/vnd.api+json"
NOT_METADATA = {"doi", "prefix", "suffix", "event", "url", "xml", "state", "created", "updated"}
REQUIRED = {
    "titles": "titles",
    "creators": "creators",
    "publisher": "publisher",
    "publicationYear": "publicationYear",
    "types": "types",
}


def find_schema():
    """DataCite's kernel-4 schema next to the repository (``../shared/standards``), or None."""
    root = Path(__file__).resolve().parents[3]
    for folder in ("datacite-kernel-4.7", "datacite-kernel-4.5"):
        candidate = root.parent / "shared" / "standards" / folder / "metadata.xsd"
        if candidate.is_file():
            return candidate
    return None


def _error(status, title, source=None):
    error = {"status": str(status), "title": title}
    if source:
        error["source"] = source
    return error


def _answer(status, body):
    return Response(json.dumps(body), status=status, content_type=JSON_API)


def _refuse(status, errors):
    return _answer(status, {"errors": errors})


class FakeDataCite:
    """The WSGI application: an in-memory DataCite account with one or more prefixes."""

    def __init__(self, username, password, prefixes, schema=None, state_file=None):
        """Set up the account, its schema and (optionally) the file that keeps its DOIs."""
        self.username, self.password = username, password
        self.prefixes = [p.strip() for p in prefixes if p.strip()]
        schema = Path(schema) if schema else find_schema()
        self.schema = etree.XMLSchema(etree.parse(str(schema))) if schema else None
        self.state_file = Path(state_file) if state_file else None
        self.lock = threading.Lock()
        self.dois = {}
        self.failures = []
        self.requests = []
        if self.state_file and self.state_file.is_file():
            self.dois = json.loads(self.state_file.read_text())
        self.url_map = Map(
            [
                Rule("/heartbeat", endpoint="heartbeat", methods=["GET"]),
                Rule("/dois", endpoint="list_or_create", methods=["GET", "POST"]),
                Rule("/dois/<path:doi>", endpoint="one", methods=["GET", "PUT", "DELETE"]),
                Rule("/__fake__/fail", endpoint="fail", methods=["POST"]),
                Rule("/__fake__/requests", endpoint="log", methods=["GET"]),
            ]
        )

    # --- plumbing -------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        """Answer one request."""
        request = Request(environ)
        try:
            response = self.dispatch(request)
        except HTTPException as error:
            response = _refuse(error.code, [_error(error.code, error.description)])
        return response(environ, start_response)

    def dispatch(self, request):
        """Route a request, after the fault injection and the credentials."""
        adapter = self.url_map.bind_to_environ(request.environ)
        endpoint, values = adapter.match()
        if endpoint in ("fail", "log", "heartbeat"):
            return getattr(self, endpoint)(request)
        with self.lock:
            self.requests.append({"method": request.method, "path": request.path})
            if self.failures:
                status = self.failures.pop(0)
                return _refuse(status, [_error(status, "Service unavailable")])
        auth = request.authorization
        if not auth or (auth.username, auth.password) != (self.username, self.password):
            return _refuse(401, [_error(401, "Bad credentials.")])
        return getattr(self, endpoint)(request, **values)

    def save(self):
        """Write the DOIs to the state file, if there is one."""
        if self.state_file:
            tmp = self.state_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.dois))
            tmp.replace(self.state_file)

    def heartbeat(self, request):
        """DataCite's health check."""
        return Response("OK", content_type="text/plain")

    def fail(self, request):
        """Make the next ``count`` API requests answer ``status``."""
        body = request.get_json(force=True, silent=True) or {}
        with self.lock:
            self.failures = [int(body.get("status", 503))] * int(body.get("count", 1))
        return _answer(200, {"failing": len(self.failures)})

    def log(self, request):
        """The API requests received so far (method and path)."""
        return _answer(200, {"requests": self.requests})

    # --- the API --------------------------------------------------------------------------

    def list_or_create(self, request):
        """``GET /dois`` (optionally ``?prefix=``) or ``POST /dois``."""
        if request.method == "GET":
            prefix = request.args.get("prefix")
            data = [
                self.document(doi)["data"]
                for doi in sorted(self.dois)
                if not prefix or doi.startswith(prefix + "/")
            ]
            return _answer(200, {"data": data, "meta": {"total": len(data)}})
        attributes, refusal = self.attributes(request)
        if refusal:
            return refusal
        doi = (attributes.get("doi") or "").lower()
        if not doi:
            return _refuse(422, [_error(422, "Can't be blank", "doi")])
        if doi in self.dois:
            return _refuse(422, [_error(422, "This DOI has already been taken", "doi")])
        return self.write(doi, attributes, status=201)

    def one(self, request, doi):
        """``GET``, ``PUT`` (create or update) or ``DELETE`` one DOI."""
        doi = doi.lower()
        if request.method == "GET":
            if doi not in self.dois:
                return self.not_found()
            return _answer(200, self.document(doi))
        if request.method == "DELETE":
            if doi not in self.dois:
                return self.not_found()
            if self.dois[doi]["state"] != "draft":
                return _refuse(405, [_error(405, "Method not allowed: only drafts can be deleted")])
            with self.lock:
                del self.dois[doi]
                self.save()
            return Response(status=204)
        attributes, refusal = self.attributes(request)
        if refusal:
            return refusal
        if attributes.get("doi") and attributes["doi"].lower() != doi:
            return _refuse(422, [_error(422, "DOI does not match the URL", "doi")])
        return self.write(doi, attributes, status=200)

    def not_found(self):
        """DataCite's 404."""
        return _refuse(404, [_error(404, "The resource you are looking for doesn't exist.")])

    def attributes(self, request):
        """The ``data.attributes`` of a JSON:API body, or a refusal."""
        try:
            body = json.loads(request.get_data(as_text=True) or "{}")
            attributes = body["data"].get("attributes") or {}
        except (ValueError, KeyError, AttributeError, TypeError):
            return None, _refuse(400, [_error(400, "You need to provide a payload following "
                                                   "the JSONAPI spec")])  # fmt: skip
        if not isinstance(attributes, dict):
            return None, _refuse(400, [_error(400, "attributes must be an object")])
        return attributes, None

    def write(self, doi, attributes, status):
        """Apply an event to a DOI (new or known) after checking prefix, state and metadata."""
        if not any(doi.startswith(prefix.lower() + "/") for prefix in self.prefixes):
            return _refuse(403, [_error(403, "You are not authorized to access this resource.")])
        current = self.dois.get(doi, {"state": "draft", "metadata": {}, "url": None})
        metadata = dict(current["metadata"])
        if attributes.get("xml"):
            try:
                xml = base64.b64decode(attributes["xml"]).decode()
            except (ValueError, UnicodeDecodeError):
                return _refuse(422, [_error(422, "xml is not base64-encoded UTF-8", "xml")])
            metadata = {"xml": xml}
        else:
            update = {k: v for k, v in attributes.items() if k not in NOT_METADATA}
            if update:
                metadata = {k: v for k, v in {**metadata, **update}.items() if k != "xml"}
        url = attributes.get("url") or current["url"]
        event = attributes.get("event")
        new_state = {
            None: current["state"],
            "register": "registered" if current["state"] != "findable" else "findable",
            "publish": "findable",
            "hide": "registered",
        }.get(event)
        if new_state is None:
            return _refuse(422, [_error(422, f"Event {event} is not allowed", "event")])
        if event == "hide" and current["state"] == "draft":
            return _refuse(422, [_error(422, "Event hide is not allowed for a draft", "event")])
        if new_state != "draft":
            errors = self.check(doi, metadata, url)
            if errors:
                return _refuse(422, errors)
        now = datetime.now(UTC).isoformat()
        with self.lock:
            self.dois[doi] = {
                "state": new_state,
                "metadata": metadata,
                "url": url,
                "created": current.get("created", now),
                "updated": now,
                "events": [*current.get("events", []), event or "draft"],
            }
            self.save()
        return _answer(status, self.document(doi))

    def check(self, doi, metadata, url):
        """DataCite's checks for registered and findable DOIs: a URL and schema-valid metadata."""
        errors = []
        if not url:
            errors.append(_error(422, "Can't be blank", "url"))
        if "xml" in metadata:
            try:
                resource = etree.fromstring(metadata["xml"].encode())
            except etree.XMLSyntaxError as error:
                return [*errors, _error(422, str(error), "xml")]
        else:
            for key, source in REQUIRED.items():
                if not metadata.get(key):
                    errors.append(_error(422, "Can't be blank", source))
            if errors:
                return errors
            try:
                xml = schema45.tostring({**metadata, "doi": doi})
                resource = etree.fromstring(xml.encode())
            except Exception as error:  # noqa: BLE001 - any conversion failure is the client's
                return [_error(422, f"Metadata cannot be converted: {error}", "metadata")]
        if self.schema is not None:
            if not self.schema.validate(resource):
                errors.extend(
                    _error(422, f"{e.message} at line {e.line}", "metadata")
                    for e in self.schema.error_log
                )
        elif "xml" not in metadata and not schema45.validate({**metadata, "doi": doi}):
            errors.append(_error(422, "Metadata does not follow DataCite's JSON schema 4.5",
                                 "metadata"))  # fmt: skip
        return errors

    def document(self, doi):
        """The JSON:API document of one DOI."""
        entry = self.dois[doi]
        metadata = entry["metadata"]
        if "xml" in metadata:
            xml = metadata["xml"]
        elif metadata:
            try:
                xml = schema45.tostring({**metadata, "doi": doi})
            except Exception:  # noqa: BLE001 - a draft's partial metadata may not convert
                xml = ""
        else:
            xml = ""
        attributes = {
            **{k: v for k, v in metadata.items() if k != "xml"},
            "doi": doi,
            "prefix": doi.split("/", 1)[0],
            "suffix": doi.split("/", 1)[1],
            "state": entry["state"],
            "url": entry["url"],
            "xml": base64.b64encode(xml.encode()).decode(),
            "created": entry["created"],
            "updated": entry["updated"],
            "events": entry.get("events", []),
        }
        return {"data": {"id": doi, "type": "dois", "attributes": attributes}}


def main(argv=None):
    """Serve the fake on 127.0.0.1 until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--prefix", action="append", required=True)
    parser.add_argument("--schema", help="DataCite's metadata.xsd (kernel-4)")
    parser.add_argument("--state", help="file that keeps the DOIs across restarts")
    args = parser.parse_args(argv)
    app = FakeDataCite(args.username, args.password, args.prefix, args.schema, args.state)
    server = make_server(args.host, args.port, app, threaded=True)
    checked = "kernel-4 XSD" if app.schema else "JSON schema 4.5"
    print(f"fake DataCite on http://{args.host}:{args.port}/ ({checked})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
