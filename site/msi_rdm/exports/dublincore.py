"""Dublin Core with the MSI fields: theme and SDG subjects, node university, COAR type."""

from functools import cache

import lxml.html
from dcxml import simpledc
from invenio_rdm_records.resources.serializers import DublinCoreXMLSerializer

from ..oai.mapping import msi_node, msi_subjects, resource_type_props
from .vocabulary_schemas import VocabularyTableMixin


def plain_text(html):
    """The text of an HTML fragment (descriptions are stored as sanitised HTML)."""
    if not html or not html.strip():
        return ""
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split())


def descriptions_text(source):
    """The record's descriptions as plain text: harvesters get no markup, escaped or not."""
    metadata = source.get("metadata", {})
    texts = [metadata.get("description", "")]
    texts += [entry.get("description", "") for entry in metadata.get("additional_descriptions", [])]
    return [text for text in map(plain_text, texts) if text]


NBN_RESOLVER = "https://nbn-resolving.org/"


def plain_urn_nbn(identifier):
    """A Swedish URN:NBN as itself: upstream links every URN:NBN to Germany's resolver, while
    Swedish ones resolve at KB (``urn.kb.se``)."""
    if identifier.startswith(NBN_RESOLVER + "urn:nbn:se:"):
        return identifier.removeprefix(NBN_RESOLVER)
    return identifier


def add_msi_fields(source, data):
    """Return Dublin Core data with MSI's subjects, node and COAR type added (a new dict)."""
    subjects = list(data.get("subjects", []))
    for subject in msi_subjects(source):
        subjects.append(subject["subject"])
        if subject["value_uri"] and subject["value_uri"] not in subjects:
            subjects.append(subject["value_uri"])
    result = {**data, "subjects": subjects, "descriptions": descriptions_text(source)}
    if data.get("identifiers"):
        result["identifiers"] = [plain_urn_nbn(value) for value in data["identifiers"]]
    node = msi_node(source)
    if node and node["university"]:
        result["contributors"] = [*data.get("contributors", []), node["university"]]
    coar = resource_type_props(source).get("coar")
    if coar:
        result["types"] = [*data.get("types", []), coar]
    return result


class MSIDublinCoreXMLSerializer(VocabularyTableMixin, DublinCoreXMLSerializer):
    """Dublin Core XML export with the MSI fields."""

    def dump_obj(self, obj):
        """Dump one record with the MSI fields added."""
        return add_msi_fields(obj, super().dump_obj(obj))


@cache
def _serializer():
    """One serializer for all records: building its schemas costs more than a dump."""
    return MSIDublinCoreXMLSerializer()


def dublincore_etree(pid, record):
    """OAI-PMH ``oai_dc``."""
    return simpledc.dump_etree(_serializer().dump_obj(record["_source"]))
