"""Dumper extension that adds MSI's search section to a record's index document.

``msi_search`` holds the title and description for Swedish and English analysis, and the text of
the record's files. File text is added only when anyone may read the files: a public record with
public files and no active embargo. The section never leaves the index: loading a hit drops it.
"""

import re

from invenio_records.dumpers import SearchDumperExt

from .api import record_text

_TAGS = re.compile(r"<[^>]+>")


def files_are_public(record):
    """True when anonymous users may read the record's files."""
    access = record.access
    return (
        access.protection.record == "public"
        and access.protection.files == "public"
        and not access.embargo.active
    )


class MSISearchDumperExt(SearchDumperExt):
    """Write ``msi_search`` into the index document and drop it again when loading."""

    key = "msi_search"

    def __init__(self, texts=None):
        """``texts`` maps record ids to their file text, read in bulk for a chunk of records."""
        super().__init__()
        self.texts = texts

    def dump(self, record, data):
        """Add title, description and, for public files, their text."""
        metadata = data.get("metadata", {})
        section = {
            "title": metadata.get("title"),
            "description": _TAGS.sub(" ", metadata.get("description") or ""),
        }
        if files_are_public(record):
            if self.texts is not None and record.id in self.texts:
                section["fulltext"] = self.texts[record.id]
            else:
                section["fulltext"] = record_text(record.id)
        data[self.key] = section

    def load(self, data, record_cls):
        """Never let the search section into a record loaded from the index."""
        data.pop(self.key, None)
