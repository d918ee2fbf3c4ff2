"""The six OAI-PMH verbs: check a request's arguments, then build each verb's XML answer."""

from flask import current_app
from lxml import etree
from werkzeug.utils import import_string

from . import search, sets, tokens
from .dates import date_range, datestamp
from .errors import OAIError, bad_argument

NS_OAI = "http://www.openarchives.org/OAI/2.0/"
NS_ID = "http://www.openarchives.org/OAI/2.0/oai-identifier"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"

ARGUMENTS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}),
}
"""Required and optional arguments of each verb (``resumptionToken`` is exclusive)."""

RESUMABLE = {"ListIdentifiers", "ListRecords", "ListSets"}


def check_arguments(verb, arguments):
    """Raise badArgument unless the arguments are exactly what the verb allows."""
    required, optional = ARGUMENTS[verb]
    given = set(arguments)
    if "resumptionToken" in given and verb in RESUMABLE:
        if given != {"resumptionToken"}:
            raise bad_argument("resumptionToken is an exclusive argument.")
        return
    unknown = given - required - optional
    if unknown:
        raise bad_argument(f"Illegal argument(s) for {verb}: {', '.join(sorted(unknown))}.")
    missing = required - given
    if missing:
        raise bad_argument(f"Missing argument(s) for {verb}: {', '.join(sorted(missing))}.")


def _sub(parent, name, text=None, **attributes):
    """Append an OAI-PMH element."""
    element = etree.SubElement(parent, f"{{{NS_OAI}}}{name}", **attributes)
    if text is not None:
        element.text = text
    return element


def _formats():
    """The configured metadata formats."""
    return current_app.config["OAISERVER_METADATA_FORMATS"]


def _dumper(prefix):
    """The serializer of a metadata prefix, or cannotDisseminateFormat."""
    if prefix not in _formats():
        raise OAIError(
            "cannotDisseminateFormat", f"The metadata format '{prefix}' is not supported."
        )
    serializer = _formats()[prefix]["serializer"]
    return import_string(serializer) if isinstance(serializer, str) else serializer


def _header(parent, source):
    """Append a record header; tombstones get ``status="deleted"``."""
    header = _sub(parent, "header")
    if search.is_deleted(source):
        header.set("status", "deleted")
    _sub(header, "identifier", source["pids"]["oai"]["identifier"])
    _sub(header, "datestamp", datestamp(source["updated"]))
    for spec in sets.record_sets(source):
        _sub(header, "setSpec", spec)


def _record(parent, source, dumper):
    """Append a full record: header, then metadata unless deleted."""
    record = _sub(parent, "record")
    _header(record, source)
    if not search.is_deleted(source):
        _sub(record, "metadata").append(dumper(None, {"_source": source}))


def identify(parent, arguments):
    """Describe the repository."""
    config = current_app.config
    _sub(parent, "repositoryName", config["OAISERVER_REPOSITORY_NAME"])
    _sub(parent, "baseURL", base_url())
    _sub(parent, "protocolVersion", "2.0")
    for email in config["OAISERVER_ADMIN_EMAILS"]:
        _sub(parent, "adminEmail", email)
    earliest = search.earliest_datestamp()
    _sub(parent, "earliestDatestamp", datestamp(earliest) if earliest else "1970-01-01T00:00:00Z")
    _sub(parent, "deletedRecord", "persistent")
    _sub(parent, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    domain = config["OAISERVER_ID_PREFIX"]
    description = _sub(parent, "description")
    identifier = etree.SubElement(
        description, f"{{{NS_ID}}}oai-identifier", nsmap={None: NS_ID, "xsi": NS_XSI}
    )
    identifier.set(f"{{{NS_XSI}}}schemaLocation", f"{NS_ID} {NS_ID}.xsd")
    for name, text in (
        ("scheme", "oai"),
        ("repositoryIdentifier", domain),
        ("delimiter", ":"),
        ("sampleIdentifier", f"oai:{domain}:abcde-12345"),
    ):
        etree.SubElement(identifier, f"{{{NS_ID}}}{name}").text = text


def list_metadata_formats(parent, arguments):
    """List the formats (of one record, when an identifier is given: all formats apply)."""
    if "identifier" in arguments and search.find(arguments["identifier"]) is None:
        raise OAIError("idDoesNotExist", "No public record has this identifier.")
    for prefix, metadata in _formats().items():
        entry = _sub(parent, "metadataFormat")
        _sub(entry, "metadataPrefix", prefix)
        _sub(entry, "schema", metadata["schema"])
        _sub(entry, "metadataNamespace", metadata["namespace"])


def list_sets(parent, arguments):
    """List every set; the list is short, so it comes whole and never with a token."""
    if "resumptionToken" in arguments:
        raise OAIError("badResumptionToken", "ListSets never issues resumption tokens.")
    for spec, name in sets.all_sets():
        entry = _sub(parent, "set")
        _sub(entry, "setSpec", spec)
        _sub(entry, "setName", str(name))


def get_record(parent, arguments):
    """Return one record, or its deleted header."""
    dumper = _dumper(arguments["metadataPrefix"])
    source = search.find(arguments["identifier"])
    if source is None:
        raise OAIError("idDoesNotExist", "No public record has this identifier.")
    _record(parent, source, dumper)


def _harvest_state(verb, arguments):
    """Return the harvest position: from a resumption token, or a new one from the arguments."""
    if "resumptionToken" in arguments:
        return tokens.load_token(arguments["resumptionToken"], verb)
    state = {"verb": verb, "cursor": 0, "after": None}
    state.update(
        {
            key: arguments[key]
            for key in ("metadataPrefix", "from", "until", "set")
            if key in arguments
        }
    )
    return state


def _filters(state):
    """OpenSearch filters of a harvest: its set and its date range."""
    filters = []
    if "set" in state:
        query = sets.set_query(state["set"])
        if query is None:
            raise OAIError("noRecordsMatch", f"There is no set '{state['set']}'.")
        filters.append(query.to_dict())
    bounds = date_range(state)
    if bounds:
        filters.append({"range": {"updated": bounds}})
    return filters


def list_records(parent, arguments, verb="ListRecords"):
    """Return one page of records (or headers), with a resumption token if more follow."""
    state = _harvest_state(verb, arguments)
    dumper = _dumper(state["metadataPrefix"])
    size = int(current_app.config["MSI_OAI_PAGE_SIZE"])
    hits, total = search.search_page(_filters(state), size, state["after"])
    if not hits:
        # Also on a later page, when the records still to come were made restricted meanwhile:
        # an empty list is not valid OAI-PMH.
        raise OAIError("noRecordsMatch", "No (more) records match these arguments.")
    page, more = hits[:size], len(hits) > size
    for hit in page:
        if verb == "ListRecords":
            _record(parent, hit["_source"], dumper)
        else:
            _header(parent, hit["_source"])
    if not more and state["cursor"] == 0:
        return
    token = _sub(parent, "resumptionToken")
    token.set("completeListSize", str(total))
    token.set("cursor", str(state["cursor"]))
    if more:
        following = {**state, "cursor": state["cursor"] + len(page), "after": page[-1]["sort"]}
        token.text = tokens.dump_token(following)
        token.set("expirationDate", tokens.expiration_date())


def list_identifiers(parent, arguments):
    """Return one page of headers."""
    list_records(parent, arguments, verb="ListIdentifiers")


def base_url():
    """The public address of the OAI-PMH endpoint."""
    return current_app.config["SITE_UI_URL"].rstrip("/") + "/oai2d"


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
