"""BibTeX export, built from the same CSL-JSON item as the citations and RIS.

Entry types are those classic BibTeX knows (biblatex knows them too). Where BibTeX has no type
(a dataset, software, a film, a map...), the entry is ``@misc`` with ``howpublished`` saying
what it is: biblatex's ``@dataset``/``@software`` would be read by BibTeX as unknown types and
dropped by its styles, while ``@misc`` cites correctly in both. Organisations among the authors
are braced (``{Mötesplats Social Innovation}``), so that BibTeX and biblatex read the whole name
as one family name instead of splitting it into given and family names.
"""

import re

from flask_resources.serializers import BaseSerializer
from slugify import slugify

from .csl import csl_data

ENTRY_TYPES = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "thesis": "phdthesis",
    "report": "techreport",
}
"""CSL type → BibTeX entry type; every other type is ``@misc``."""

REQUIRED = {
    "article": ("container-title",),
    "incollection": ("container-title", "publisher"),
    "inproceedings": ("container-title",),
    "book": ("publisher",),
    "phdthesis": ("publisher",),
}
"""CSL variables an entry type needs for BibTeX's required fields (journal, booktitle,
publisher, school); without them the record is ``@misc``, as upstream does."""

HOWPUBLISHED = {
    "dataset": "Dataset",
    "software": "Software",
    "motion_picture": "Film",
    "broadcast": "Video",
    "graphic": "Image",
    "figure": "Figure",
    "speech": "Presentation",
    "event": "Event",
    "map": "Map",
    "song": "Audio recording",
}
"""What a ``@misc`` entry is, in ``howpublished`` (BibTeX's field for it)."""

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

SPECIAL = re.compile(r"([&%$#_])")


def escape(value):
    """A BibTeX field value: LaTeX's special characters escaped, braces kept balanced."""
    text = SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    if text.count("{") != text.count("}"):
        text = text.replace("{", "").replace("}", "")
    return text


def bibtex_name(name):
    """``Family, Given`` for a person, ``{Name}`` for an organisation (one family name)."""
    if "literal" in name:
        return "{" + escape(name["literal"]) + "}"
    family, given = escape(name.get("family", "")), escape(name.get("given", ""))
    return f"{family}, {given}" if given else "{" + family + "}"


def entry_type(item):
    """The BibTeX entry type of a CSL item; a report without an institution is ``@misc``."""
    kind = ENTRY_TYPES.get(item.get("type"), "misc")
    if kind == "techreport" and not (item.get("authority") or item.get("publisher")):
        return "misc"
    if not all(item.get(key) for key in REQUIRED.get(kind, ())):
        return "misc"
    return kind


def citation_key(item, names):
    """``family_year_id`` as upstream's BibTeX keys are made."""
    first = names[0] if names else {}
    family = first.get("family") or first.get("literal") or ""
    year = _date_parts(item)[:1]
    parts = [slugify(family, separator="_", max_length=40), *map(str, year), str(item["id"])]
    return "_".join(part for part in parts if part)


def _date_parts(item):
    return [int(part) for part in item.get("issued", {}).get("date-parts", [[]])[0]]


def bibtex_fields(item):
    """The ``(field, value)`` pairs of one CSL item, values already BibTeX text."""
    kind = entry_type(item)
    names = item.get("author") or item.get("director") or []
    fields = []
    if names:
        fields.append(("author", " and ".join(bibtex_name(name) for name in names)))
    fields.append(("title", escape(item.get("title", ""))))
    date = _date_parts(item)
    if date:
        fields.append(("year", str(date[0])))
    if len(date) > 1:
        fields.append(("month", MONTHS[date[1] - 1]))
    if kind == "techreport":
        fields.append(("institution", escape(item.get("authority") or item["publisher"])))
        if item.get("number"):
            fields.append(("number", escape(item["number"])))
    elif kind == "phdthesis":
        fields.append(("school", escape(item["publisher"])))
    elif item.get("publisher"):
        fields.append(("publisher", escape(item["publisher"])))
    if kind == "misc" and item.get("type") in HOWPUBLISHED:
        fields.append(("howpublished", HOWPUBLISHED[item["type"]]))
    if kind == "article" and item.get("issue"):
        fields.append(("number", escape(item["issue"])))
    container = "booktitle" if kind in ("incollection", "inproceedings") else "journal"
    if kind != "misc" and item.get("container-title"):
        fields.append((container, escape(item["container-title"])))
    for field, key in (
        ("volume", "volume"),
        ("pages", "page"),
        ("version", "version"),
        ("doi", "DOI"),
        ("isbn", "ISBN"),
        ("issn", "ISSN"),
        ("language", "language"),
    ):
        if item.get(key):
            fields.append((field, escape(item[key])))
    if item.get("URL"):
        fields.append(("url", " ".join(str(item["URL"]).split())))
    return kind, citation_key(item, names), fields


def to_bibtex(item):
    """Serialize one CSL-JSON item as a BibTeX entry."""
    kind, key, fields = bibtex_fields(item)
    body = ",\n".join(
        f"  {field} = {value}" if field == "month" else f"  {field} = {{{value}}}"
        for field, value in fields
    )
    return f"@{kind}{{{key},\n{body}\n}}\n"


class BibTeXSerializer(BaseSerializer):
    """``application/x-bibtex``."""

    def serialize_object(self, obj):
        """Serialize one record."""
        return to_bibtex(csl_data(obj))

    def serialize_object_list(self, obj_list):
        """Serialize a list of records."""
        return "\n".join(to_bibtex(csl_data(hit)) for hit in obj_list["hits"]["hits"])
