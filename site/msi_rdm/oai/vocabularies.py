"""Titles and props of the vocabularies that OAI-PMH and exports map, read once per process.

Vocabularies change only when ``app_data`` is reloaded (and the site restarted), so one query per
vocabulary type per process keeps the per-page SQL count of a harvest at zero.
"""

import importlib
from functools import lru_cache

from invenio_db import db
from invenio_rdm_records.resources.serializers.errors import VocabularyItemNotFoundError
from invenio_vocabularies.records.models import VocabularyMetadata


@lru_cache(maxsize=16)
def vocabulary(type_id):
    """Return ``{id: {"title": {...}, "props": {...}}}`` of one vocabulary type."""
    rows = (
        db.session.query(VocabularyMetadata.json)
        .filter(VocabularyMetadata.json["type"]["id"].as_string() == type_id)
        .all()
    )
    return {
        row.json["id"]: {"title": row.json.get("title", {}), "props": row.json.get("props", {})}
        for row in rows
    }


def props(type_id, entry_id):
    """Props of one vocabulary entry (empty when unknown)."""
    return vocabulary(type_id).get(entry_id, {}).get("props", {})


def title(type_id, entry_id, language="en"):
    """Title of one vocabulary entry in a language, falling back to English, then the id."""
    titles = vocabulary(type_id).get(entry_id, {}).get("title", {})
    return titles.get(language) or titles.get("en") or entry_id


def vocabulary_props(vocabulary_type, fields, id_):
    """Upstream's ``get_vocabulary_props``, answered from the per-process vocabulary table.

    Upstream's serializers call it for every record and field (resource type, roles, date and
    relation types): a service ``read_all`` of about 10 ms each time, most of an OAI-PMH page.
    """
    entry = vocabulary(vocabulary_type).get(id_)
    if entry is None:
        raise VocabularyItemNotFoundError(
            f"The '{vocabulary_type}' vocabulary item '{id_}' was not found."
        )
    return entry["props"]


SERIALIZER_SCHEMAS = (
    "invenio_rdm_records.resources.serializers.csl.schema",
    "invenio_rdm_records.resources.serializers.datacite.schema",
    "invenio_rdm_records.resources.serializers.dublincore.schema",
    "invenio_rdm_records.resources.serializers.marcxml.schema",
    "invenio_rdm_records.resources.serializers.schemaorg.schema",
    "invenio_rdm_records.resources.serializers.signposting.schema",
)
"""Upstream serializer modules that look vocabulary props up by ``get_vocabulary_props``."""


def use_vocabulary_table():
    """Point upstream's serializer schemas at ``vocabulary_props`` (called once at app start)."""
    for name in SERIALIZER_SCHEMAS:
        module = importlib.import_module(name)
        if not hasattr(module, "get_vocabulary_props"):
            raise RuntimeError(f"{name} no longer looks up vocabulary props; review this hook")
        module.get_vocabulary_props = vocabulary_props
