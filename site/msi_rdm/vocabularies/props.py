"""Titles and props of the vocabularies that OAI-PMH and exports map, read once per lifetime.

One query per vocabulary type every ``MSI_VOCABULARIES_TTL`` seconds keeps the per-page SQL count
of a harvest at zero, and ``vocabulary_props`` answers what upstream's serializers look up with
``get_vocabulary_props`` (a vocabulary search of about 10 ms per record and field) from the same
table; MSI's serializers use it through ``msi_rdm.exports.vocabulary_schemas``.
"""

from invenio_db import db
from invenio_rdm_records.resources.serializers.errors import VocabularyItemNotFoundError
from invenio_vocabularies.records.models import VocabularyMetadata

from .cache import types_table


def _read_type(type_id):
    rows = (
        db.session.query(VocabularyMetadata.json)
        .filter(VocabularyMetadata.json["type"]["id"].as_string() == type_id)
        .all()
    )
    return {
        row.json["id"]: {"title": row.json.get("title", {}), "props": row.json.get("props", {})}
        for row in rows
    }


def vocabulary(type_id):
    """Return ``{id: {"title": {...}, "props": {...}}}`` of one vocabulary type."""
    return types_table.get(type_id, lambda: _read_type(type_id))


def props(type_id, entry_id):
    """Props of one vocabulary entry (empty when unknown)."""
    return vocabulary(type_id).get(entry_id, {}).get("props", {})


def title(type_id, entry_id, language="en"):
    """Title of one vocabulary entry in a language, falling back to English, then the id."""
    titles = vocabulary(type_id).get(entry_id, {}).get("title", {})
    return titles.get(language) or titles.get("en") or entry_id


def vocabulary_props(vocabulary_type, fields, id_):
    """Upstream's ``get_vocabulary_props``, answered from the per-process vocabulary table."""
    entry = vocabulary(vocabulary_type).get(id_)
    if entry is None:
        raise VocabularyItemNotFoundError(
            f"The '{vocabulary_type}' vocabulary item '{id_}' was not found."
        )
    return entry["props"]
