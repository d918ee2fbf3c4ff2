"""One CSL-JSON item formatted as the plain text of its bibliography entry."""

import re

from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source import Name
from citeproc.source.json import CiteProcJSON

from .output import punctuation_in_quote

EXTRA_NAME_VARIABLES = (
    "director",
    "script-writer",
    "producer",
    "executive-producer",
    "host",
    "guest",
    "narrator",
    "organizer",
    "performer",
    "chair",
    "compiler",
    "contributor",
    "curator",
)
"""CSL-JSON name variables that citeproc-py 0.11 reads as strings; set as names here."""


def source(item):
    """The citeproc-py source of one CSL-JSON item, every name variable read as names."""
    extra = {key: item[key] for key in EXTRA_NAME_VARIABLES if item.get(key)}
    data = CiteProcJSON([{key: value for key, value in item.items() if key not in extra}])
    reference = data[str(item["id"]).lower()]
    for key, names in extra.items():
        reference[key.replace("-", "_")] = [Name(**name) for name in names]
    return data


def format_entry(item, style):
    """The plain-text bibliography entry of ``item`` in ``style`` (an ``MSICitationStyle``)."""
    bibliography = CitationStylesBibliography(style, source(item), formatter.plain)
    bibliography.register(Citation([CitationItem(str(item["id"]).lower())]))
    text = re.sub(r"\s+", " ", str(bibliography.bibliography()[0])).strip()
    root = style.root
    return punctuation_in_quote(
        text,
        str(root.get_single_term("close-quote")),
        str(root.get_locale_option("punctuation-in-quote")).lower() == "true",
    )
