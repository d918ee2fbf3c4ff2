"""The ``/oai2d`` endpoint: one view answering every verb, errors included, with HTTP 200.

invenio-oaiserver keeps its URL rule and endpoint (``invenio_oaiserver.response``), so the URL,
``url_for`` and per-endpoint settings stay upstream's; ``answer_oai_pmh`` answers requests of
that endpoint before upstream's view is called (a ``before_request`` hook, see ``oai.ext``).
"""

from datetime import UTC, datetime

from flask import Response, current_app, request
from lxml import etree

from .errors import OAIError
from .flow import busy_answer, over_budget
from .verbs import NS_OAI, NS_XSI, VERBS, base_url, check_arguments

ENDPOINT = "invenio_oaiserver.response"

SCHEMA_LOCATION = f"{NS_OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"


def _arguments():
    """Return the request's arguments; a repeated argument is a badArgument (or badVerb)."""
    values = request.values
    repeated = sorted(key for key in values if len(values.getlist(key)) > 1)
    if "verb" in repeated:
        raise OAIError("badVerb", "The verb argument is repeated.")
    if repeated:
        raise OAIError("badArgument", f"Repeated argument(s): {', '.join(repeated)}.")
    return {key: values[key] for key in values}


def _envelope():
    """Return the OAI-PMH root with its response date and request elements."""
    root = etree.Element(f"{{{NS_OAI}}}OAI-PMH", nsmap={None: NS_OAI, "xsi": NS_XSI})
    root.set(f"{{{NS_XSI}}}schemaLocation", SCHEMA_LOCATION)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    etree.SubElement(root, f"{{{NS_OAI}}}responseDate").text = now
    request_element = etree.SubElement(root, f"{{{NS_OAI}}}request")
    request_element.text = base_url()
    return root, request_element


def _answer(root):
    """Serialize an OAI-PMH document."""
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return Response(body, status=200, content_type="text/xml; charset=utf-8")


def _echo(request_element, verb, arguments):
    """Repeat the request's verb and arguments, leaving out values XML cannot hold."""
    for key, value in {"verb": verb, **arguments}.items():
        try:
            request_element.set(key, value)
        except ValueError:
            continue


def oai2d():
    """Answer one OAI-PMH request."""
    root, request_element = _envelope()
    try:
        arguments = _arguments()
        verb = arguments.pop("verb", None)
        if verb not in VERBS:
            message = "The verb argument is missing." if verb is None else "Illegal verb."
            raise OAIError("badVerb", message)
        check_arguments(verb, arguments)
        answer = etree.Element(f"{{{NS_OAI}}}{verb}")
        VERBS[verb](answer, arguments)
    except OAIError as error:
        if error.code not in ("badVerb", "badArgument"):
            _echo(request_element, verb, arguments)
        element = etree.SubElement(root, f"{{{NS_OAI}}}error", code=error.code)
        element.text = error.message
        return _answer(root)
    _echo(request_element, verb, arguments)
    root.append(answer)
    return _answer(root)


def answer_oai_pmh():
    """``before_request`` hook: answer requests of upstream's OAI-PMH endpoint here, or 503 when
    the harvester is over its budget (see ``oai.flow``)."""
    if request.endpoint != ENDPOINT or not current_app.config["MSI_OAI_SERVER"]:
        return None
    wait = over_budget()
    if wait is not None:
        return busy_answer(wait)
    return oai2d()
