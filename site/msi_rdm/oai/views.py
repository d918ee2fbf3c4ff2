"""The ``/oai2d`` endpoint: one view answering every verb, errors included, with HTTP 200.

It replaces the view of invenio-oaiserver's ``invenio_oaiserver.response`` endpoint (see
``msi_rdm.ext.finalize_app``), so the URL and ``url_for`` stay upstream's.
"""

from datetime import UTC, datetime

from flask import Response, request
from lxml import etree

from .errors import OAIError
from .verbs import NS_OAI, NS_XSI, VERBS, base_url, check_arguments

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
