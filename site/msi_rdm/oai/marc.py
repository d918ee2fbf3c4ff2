"""``marcxml``: upstream's MARC21 record, made schema-valid and given the MSI fields.

Upstream writes ``#`` for blanks in the leader, Invenio's local ``909 CO`` with capital
indicators, fields out of order and HTML in 520; harvesters validating MARCXML reject that.
"""

from functools import cache

from invenio_rdm_records.resources.serializers import MARCXMLSerializer
from lxml import etree

from ..exports.dublincore import descriptions_text
from ..exports.vocabulary_schemas import VocabularyTableMixin
from .mapping import (
    SSIF_SCHEME,
    api_shaped,
    msi_node,
    msi_subjects,
    report_number,
    ssif_codes,
)

MARC = "http://www.loc.gov/MARC21/slim"


def _field(tag, ind1, ind2, subfields):
    """A MARC datafield with ``(code, value)`` subfields (empty values dropped)."""
    field = etree.Element(f"{{{MARC}}}datafield", tag=tag, ind1=ind1, ind2=ind2)
    for code, value in subfields:
        if value:
            etree.SubElement(field, f"{{{MARC}}}subfield", code=code).text = value
    return field


def _msi_fields(source):
    """084 SSIF codes; 088 a report's number; 650 subjects with their scheme and URI; 710 for
    the node's university."""
    fields = [
        _field("084", " ", " ", [("a", code), ("2", SSIF_SCHEME.lower())])
        for code in ssif_codes(source)
    ]
    number = report_number(source)
    if number:
        fields.append(_field("088", " ", " ", [("a", number)]))
    fields += [
        _field(
            "650",
            " ",
            "7",
            [("a", subject["subject"]), ("0", subject["value_uri"]), ("2", subject["scheme"])],
        )
        for subject in msi_subjects(source)
    ]
    node = msi_node(source)
    if node and node["university"]:
        ror = f"https://ror.org/{node['ror']}" if node["ror"] else ""
        fields.append(_field("710", "2", " ", [("a", node["university"]), ("0", ror)]))
    return fields


class TableMARCXMLSerializer(VocabularyTableMixin, MARCXMLSerializer):
    """Upstream's MARC21 serializer, its vocabulary props read from the table."""


@cache
def _serializer():
    """One serializer for all records."""
    return TableMARCXMLSerializer()


def marcxml_etree(pid, record):
    """Build the MARC21 ``record`` element of one record."""
    source = record["_source"]
    marc = _serializer().serialize_object(api_shaped(source))
    root = etree.fromstring(marc.encode())
    leader = root.find(f"{{{MARC}}}leader")
    if leader is not None:
        leader.text = leader.text.replace("#", " ")
    controls = root.findall(f"{{{MARC}}}controlfield")
    upstream = root.findall(f"{{{MARC}}}datafield")
    for element in controls + upstream:
        root.remove(element)
    descriptions = [_field("520", " ", " ", [("a", text)]) for text in descriptions_text(source)]
    datafields = [f for f in upstream if f.get("tag") != "520"] + descriptions + _msi_fields(source)
    for field in datafields:
        for name in ("ind1", "ind2"):
            field.set(name, field.get(name, " ").lower())
    root.extend(controls)
    root.extend(sorted(datafields, key=lambda field: field.get("tag")))
    return root
