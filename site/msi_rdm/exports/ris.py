"""RIS export, built from the same CSL-JSON item the formatted citations use."""

from flask_resources.serializers import BaseSerializer

from .csl import csl_data

RIS_TYPES = {
    "report": "RPRT",
    "motion_picture": "MPCT",
    "broadcast": "VIDEO",
    "article-journal": "JOUR",
    "article": "GEN",
    "book": "BOOK",
    "chapter": "CHAP",
    "thesis": "THES",
    "dataset": "DATA",
    "paper-conference": "CPAPER",
    "speech": "SLIDE",
    "software": "COMP",
    "webpage": "ELEC",
    "song": "SOUND",
    "graphic": "FIGURE",
}
"""CSL type → RIS reference type; anything else is GEN."""


def _clean(value):
    """One line of RIS: newlines would end the tag."""
    return " ".join(str(value).split())


def _person(name):
    """RIS name: ``Family, Given`` or the literal name."""
    if "literal" in name:
        return name["literal"]
    return ", ".join(part for part in (name.get("family"), name.get("given")) if part)


def ris_lines(item):
    """Return the ``(tag, value)`` pairs of one CSL-JSON item."""
    lines = [("TY", RIS_TYPES.get(item.get("type"), "GEN")), ("ID", item["id"])]
    lines.append(("TI", item.get("title", "")))
    names = item.get("author", []) + item.get("director", [])
    lines.extend(("AU", _person(name)) for name in names)
    date = [int(part) for part in item.get("issued", {}).get("date-parts", [[]])[0]]
    if date:
        lines.append(("PY", str(date[0])))
        lines.append(("DA", "/".join([str(date[0]), *(f"{part:02d}" for part in date[1:])])))
    for tag, key in (
        ("PB", "publisher"),
        ("AB", "abstract"),
        ("LA", "language"),
        ("DO", "DOI"),
        ("UR", "URL"),
        ("SN", "ISBN"),
    ):
        if item.get(key):
            lines.append((tag, item[key]))
    return lines


def to_ris(item):
    """Serialize one CSL-JSON item as a RIS record."""
    body = "".join(f"{tag}  - {_clean(value)}\r\n" for tag, value in ris_lines(item))
    return body + "ER  - \r\n"


class RISSerializer(BaseSerializer):
    """``application/x-research-info-systems``."""

    def serialize_object(self, obj):
        """Serialize one record."""
        return to_ris(csl_data(obj))

    def serialize_object_list(self, obj_list):
        """Serialize a list of records."""
        return "\r\n".join(to_ris(csl_data(hit)) for hit in obj_list["hits"]["hits"])
