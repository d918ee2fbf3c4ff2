"""``oai_openaire``: OpenAIRE Guidelines for Literature Repositories v4, from the index document.

Elements follow the guidelines' order; the MSI fields map as elsewhere (themes and SDGs as
subjects with scheme URIs, the node's university as hosting institution with its ROR id, resource
types to COAR types, access to COAR access rights).
"""

from flask import current_app
from lxml import etree

from ..exports.datacite import datacite_data
from .mapping import file_entries, msi_node, resource_type_props

NS = {
    "oaire": "http://namespace.openaire.eu/schema/oaire/",
    "datacite": "http://datacite.org/schema/kernel-4",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = "http://namespace.openaire.eu/schema/oaire/ https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd"
RESOURCE_TYPE_GENERAL = {"publication": "literature", "dataset": "dataset", "software": "software"}
"""OpenAIRE result types as the guidelines' ``resourceTypeGeneral``; anything else (OpenAIRE's
``other``) is ``other research product``, the fourth and last value openaire.xsd allows."""

OTHER_RESEARCH_PRODUCT = "other research product"

COAR_4_0_BROADER = {
    "http://purl.org/coar/resource_type/c_ab20": "http://purl.org/coar/resource_type/c_18cf",
    "http://purl.org/coar/resource_type/H9BQ-739P": "http://purl.org/coar/resource_type/c_efa0",
    "http://purl.org/coar/resource_type/YZ1N-ZFT9": "http://purl.org/coar/resource_type/c_18cf",
    "http://purl.org/coar/resource_type/R60J-J5BD": "http://purl.org/coar/resource_type/c_c94f",
    "http://purl.org/coar/resource_type/NHD0-W6SY": "http://purl.org/coar/resource_type/c_ddb1",
    "http://purl.org/coar/resource_type/c_e059": "http://purl.org/coar/resource_type/c_1843",
}
"""COAR concepts of the resource-type vocabulary that the guidelines' 4.0 list
(``oaire-resourceType-v4.xsd``) does not hold, each with the 4.0 concept harvesters read in its
place. Records declare the 4.0 schema (the published guidelines; 4.1 only adds COAR concepts), so
their ``uri`` comes from the 4.0 list: data management plan and study registration -> text, peer
review -> review, presentation -> conference object, survey data -> dataset, learning object ->
other. The vocabulary keeps the precise concept for the other formats."""
ACCESS_RIGHTS = {
    "open": ("open access", "http://purl.org/coar/access_right/c_abf2"),
    "embargoed": ("embargoed access", "http://purl.org/coar/access_right/c_f1cf"),
    "restricted": ("restricted access", "http://purl.org/coar/access_right/c_16ec"),
    "metadata-only": ("metadata only access", "http://purl.org/coar/access_right/c_14cb"),
}


def _element(parent, tag, text=None, **attributes):
    """Append ``prefix:name`` to a parent, with text and attributes (empty ones dropped)."""
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, f"{{{NS[prefix]}}}{name}")
    if text is not None:
        element.text = str(text)
    for key, value in attributes.items():
        if value:
            element.set(XML_LANG if key == "lang" else key, str(value))
    return element


def _group(parent, tag, items, text_key, **attributes):
    """Append ``<tags>`` holding one ``<tag>`` per item; attributes name the item keys to copy."""
    if not items:
        return
    container = _element(parent, f"{tag}s")
    for item in items:
        values = {name: item.get(key) for name, key in attributes.items()}
        _element(container, tag, item[text_key], **values)


def _names(parent, group, people, role):
    """Append creators or contributors as DataCite names with identifiers and affiliations."""
    if not people:
        return
    container = _element(parent, f"datacite:{group}")
    for person in people:
        entry = _element(
            container, f"datacite:{role}", contributorType=person.get("contributorType")
        )
        _element(entry, f"datacite:{role}Name", person["name"], nameType=person.get("nameType"))
        for identifier in person.get("nameIdentifiers", []):
            _element(
                entry,
                "datacite:nameIdentifier",
                identifier["nameIdentifier"],
                nameIdentifierScheme=identifier.get("nameIdentifierScheme"),
                schemeURI=identifier.get("schemeUri"),
            )
        for affiliation in person.get("affiliation", []):
            _element(entry, "datacite:affiliation", affiliation["name"])


def _access(source):
    """COAR access right of a record's files."""
    access = source.get("access", {})
    if not source.get("files", {}).get("enabled"):
        return ACCESS_RIGHTS["metadata-only"]
    if access.get("embargo", {}).get("active"):
        return ACCESS_RIGHTS["embargoed"]
    return ACCESS_RIGHTS["open" if access.get("files") == "public" else "restricted"]


def openaire_etree(pid, record):
    """Build the ``oaire:resource`` element of one record."""
    source = record["_source"]
    data = datacite_data(source)
    root = etree.Element(f"{{{NS['oaire']}}}resource", nsmap=NS)
    root.set(f"{{{NS['xsi']}}}schemaLocation", SCHEMA_LOCATION)

    titles = _element(root, "datacite:titles")
    for title in data.get("titles", []):
        _element(titles, "datacite:title", title["title"], lang=title.get("lang"))
    _names(root, "creators", data.get("creators", []), "creator")
    _names(root, "contributors", data.get("contributors", []), "contributor")
    _group(
        root,
        "datacite:relatedIdentifier",
        data.get("relatedIdentifiers", []),
        "relatedIdentifier",
        relatedIdentifierType="relatedIdentifierType",
        relationType="relationType",
    )
    dates = _element(root, "datacite:dates")
    issued = source.get("metadata", {}).get("publication_date", "")
    _element(dates, "datacite:date", issued, dateType="Issued")
    for language in source.get("metadata", {}).get("languages", []):
        _element(root, "dc:language", language["id"])
    publisher = source.get("metadata", {}).get("publisher")
    node = msi_node(source)
    if publisher or node:
        _element(root, "dc:publisher", publisher or node["university"])
    type_props = resource_type_props(source)
    general = RESOURCE_TYPE_GENERAL.get(type_props.get("openaire_type"), OTHER_RESEARCH_PRODUCT)
    coar = type_props.get("coar")
    type_title = source.get("metadata", {}).get("resource_type", {}).get("title", {})
    _element(
        root,
        "oaire:resourceType",
        type_title.get("en") or source["metadata"]["resource_type"]["id"],
        resourceTypeGeneral=general,
        uri=COAR_4_0_BROADER.get(coar, coar),
    )
    for description in data.get("descriptions", []):
        _element(root, "dc:description", description["description"], lang=description.get("lang"))
    landing = f"{current_app.config['SITE_UI_URL']}/records/{source['id']}"
    _element(root, "datacite:identifier", landing, identifierType="URL")
    label, uri = _access(source)
    _element(root, "datacite:rights", label, rightsURI=uri)
    _group(
        root,
        "datacite:subject",
        data.get("subjects", []),
        "subject",
        subjectScheme="subjectScheme",
        schemeURI="schemeUri",
        valueURI="valueUri",
        lang="lang",
    )
    for right in data.get("rightsList", []):
        if right.get("rightsUri"):
            _element(root, "oaire:licenseCondition", right.get("rights"), uri=right["rightsUri"])
    if uri == ACCESS_RIGHTS["open"][1]:
        for entry in sorted(file_entries(source), key=lambda entry: entry["key"]):
            _element(
                root,
                "oaire:file",
                f"{landing}/files/{entry['key']}",
                accessRightsURI=uri,
                mimeType=entry.get("mimetype"),
                objectType="fulltext",
            )
    return root
