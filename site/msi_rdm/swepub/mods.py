"""``swepub_mods``: Swepub MODS 4.0 (MODS 3.7 as KB has read it since 15 February 2024).

Built from the index document: the output type in ``genre authority="kb.se"``, the content type
in ``genre authority="svep"``, SSIF in ``classification authority="ssif"``, the publication status
as a note, people and organisations as names with marcrelator roles (the publisher among them,
role ``pbl``, in place of ``originInfo/publisher``), ORCID iDs and affiliations with KB's codes,
the host item of articles and chapters, and the university's code as ``recordContentSource``.
"""

from flask import current_app
from lxml import etree

from ..exports.dublincore import descriptions_text
from ..vocabularies.props import props, title
from .rules import host_title
from .values import effective_values, university_of_name, university_of_ror

NS_MODS = "http://www.loc.gov/mods/v3"
NS_XLINK = "http://www.w3.org/1999/xlink"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS_MODS} http://www.loc.gov/standards/mods/v3/mods-3-7.xsd"

ROLES = {
    "editor": "edt",
    "producer": "pro",
    "director": "drt",
    "researcher": "res",
    "supervisor": "ths",
    "translator": "trl",
    "interviewee": "ive",
    "datacollector": "com",
    "datacurator": "cur",
    "distributor": "dst",
    "rightsholder": "cph",
    "sponsor": "spn",
    "hostinginstitution": "his",
}
"""MSI's creator and contributor roles as marcrelator codes; others are ``ctb``."""

CREATOR_ROLES = {"aut", "edt", "cre"}

RESOURCE_TYPES = {
    "video": "moving image",
    "dataset": "software, multimedia",
    "image": "still image",
    "audio": "sound recording",
    "software": "software, multimedia",
}
"""MODS ``typeOfResource`` by the resource type's first part; everything else is ``text``."""


def _sub(parent, name, text=None, **attributes):
    """Append a MODS element with text and attributes (empty ones dropped)."""
    element = etree.SubElement(parent, f"{{{NS_MODS}}}{name}")
    if text is not None:
        element.text = str(text)
    for key, value in attributes.items():
        if value:
            name = f"{{{NS_XLINK}}}href" if key == "href" else key
            element.set(name, str(value))
    return element


def _role(name, code):
    role = _sub(name, "role")
    _sub(role, "roleTerm", code, type="code", authority="marcrelator")


def _affiliations(name, affiliations):
    """Affiliations, with KB's code for the node universities."""
    for affiliation in affiliations or []:
        label = affiliation.get("name") or title("affiliations", affiliation.get("id", ""))
        code = university_of_ror(affiliation.get("id")) or university_of_name(label)
        if code:
            label = title("msiuniversities", code, "sv")
        _sub(name, "affiliation", label, authority="kb.se" if code else None, href=code)


def _name(parent, entry, creator):
    """A person or organisation with its roles, identifiers and affiliations."""
    person = entry.get("person_or_org") or {}
    role_id = (entry.get("role") or {}).get("id")
    code = ROLES.get(role_id, "aut" if creator and not role_id else "ctb")
    codes = [code] if code in CREATOR_ROLES or not creator else [code, "cre"]
    identifiers = {i.get("scheme"): i.get("identifier") for i in person.get("identifiers", [])}
    if person.get("type") == "personal":
        name = _sub(parent, "name", type="personal")
        _sub(name, "namePart", person.get("family_name") or person.get("name"), type="family")
        if person.get("given_name"):
            _sub(name, "namePart", person["given_name"], type="given")
    else:
        ror = identifiers.get("ror")
        name = _sub(
            parent,
            "name",
            type="corporate",
            authority="ror" if ror else None,
            href=f"https://ror.org/{ror}" if ror else None,
        )
        _sub(name, "namePart", person.get("name"))
    for role_code in codes:
        _role(name, role_code)
    _affiliations(name, entry.get("affiliations"))
    if identifiers.get("orcid"):
        _sub(name, "nameIdentifier", identifiers["orcid"], type="orcid")


def _host(parent, custom, code, source):
    """The host item: the journal of an article, the book or proceedings of a chapter or paper."""
    host_name = host_title(source, code)
    if not host_name:
        return
    host = _sub(parent, "relatedItem", type="host")
    info = _sub(host, "titleInfo")
    _sub(info, "title", host_name)
    journal = custom.get("journal:journal") or {}
    imprint = custom.get("imprint:imprint") or {}
    if journal.get("issn") and host_name == journal.get("title", "").strip():
        _sub(host, "identifier", journal["issn"], type="issn")
    if imprint.get("isbn") and host_name == imprint.get("title", "").strip():
        _sub(host, "identifier", imprint["isbn"], type="isbn")
    details = [(kind, journal.get(kind)) for kind in ("volume", "issue") if journal.get(kind)]
    pages = journal.get("pages") or imprint.get("pages")
    if details or pages:
        part = _sub(host, "part")
        for kind, number in details:
            _sub(_sub(part, "detail", type=kind), "number", number)
        if pages:
            start, _, end = str(pages).partition("-")
            extent = _sub(part, "extent", unit="pages")
            _sub(extent, "start", start.strip())
            if end.strip():
                _sub(extent, "end", end.strip())


def build_mods(source):
    """Build the ``mods`` element of one index document."""
    metadata = source.get("metadata", {})
    custom = source.get("custom_fields", {})
    values = effective_values(source)
    root = etree.Element(
        f"{{{NS_MODS}}}mods", nsmap={None: NS_MODS, "xlink": NS_XLINK, "xsi": NS_XSI}, version="3.7"
    )
    root.set(f"{{{NS_XSI}}}schemaLocation", SCHEMA_LOCATION)
    code = values["output_type"]
    _sub(root, "genre", code, authority="kb.se", type="outputType")
    if values["content_type"]:
        _sub(root, "genre", values["content_type"], authority="svep", type="contentType")
    languages = [language["id"] for language in metadata.get("languages", [])]
    info = _sub(root, "titleInfo", lang=languages[0] if languages else None)
    _sub(info, "title", metadata.get("title"))
    for entry in metadata.get("creators", []):
        _name(root, entry, creator=True)
    for entry in metadata.get("contributors", []):
        _name(root, entry, creator=False)
    if metadata.get("publisher"):
        publisher = _sub(root, "name", type="corporate")
        _sub(publisher, "namePart", metadata["publisher"])
        _role(publisher, "pbl")
    meeting = custom.get("meeting:meeting") or {}
    if meeting.get("title"):
        conference = _sub(root, "name", type="conference")
        _sub(conference, "namePart", meeting["title"])
    origin = _sub(root, "originInfo")
    _sub(origin, "dateIssued", (metadata.get("publication_date") or "")[:4] or None)
    if meeting.get("place"):
        _sub(_sub(origin, "place"), "placeTerm", meeting["place"], type="text")
    for language in languages:
        term = _sub(_sub(root, "language"), "languageTerm", language)
        term.set("type", "code")
        term.set("authority", "iso639-3")
    type_id = metadata.get("resource_type", {}).get("id", "")
    _sub(root, "typeOfResource", RESOURCE_TYPES.get(type_id.split("-")[0], "text"))
    for text in descriptions_text(source):
        _sub(root, "abstract", text, lang=languages[0] if languages else None)
    for subject in metadata.get("subjects", []):
        if subject.get("subject"):
            _sub(_sub(root, "subject"), "topic", subject["subject"])
    for ssif in custom.get("msi:ssif", []):
        _sub(root, "classification", ssif["id"], authority="ssif")
    status = props("swepubpublicationstatus", values["publication_status"]).get("mods")
    _sub(root, "note", status or "Published", type="publicationStatus")
    _host(root, custom, code, source)
    landing = f"{current_app.config['SITE_UI_URL']}/records/{source['id']}"
    _sub(root, "identifier", landing, type="uri")
    doi = (source.get("pids") or {}).get("doi", {}).get("identifier")
    if doi:
        _sub(root, "identifier", doi, type="doi")
    urn = (source.get("pids") or {}).get("urn", {}).get("identifier")
    if urn:
        _sub(root, "identifier", urn, type="urn")
    _sub(_sub(root, "location"), "url", landing)
    record_info = _sub(root, "recordInfo")
    _sub(record_info, "recordContentSource", values["university"])
    _sub(record_info, "recordIdentifier", source["pids"]["oai"]["identifier"])
    _sub(record_info, "recordOrigin", current_app.config["MSI_SWEPUB_RECORD_ORIGIN"])
    return root


def swepub_mods_etree(pid, record):
    """OAI-PMH ``swepub_mods``."""
    return build_mods(record["_source"])
