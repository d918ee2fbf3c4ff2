"""Service component that refuses malformed ``msi:`` fields before anything is saved.

Upstream saves a draft with invalid custom fields and reports the errors beside it, and an unknown
vocabulary id only fails when the relation is checked at commit, in a message that names no field.
Depositors and API clients get a 400 naming the field instead, and nothing is stored.
"""

from invenio_pidstore.errors import PIDDoesNotExistError
from invenio_records_resources.services.records.components import ServiceComponent
from invenio_vocabularies.records.api import Vocabulary
from invenio_vocabularies.services.custom_fields import VocabularyCF
from marshmallow import ValidationError

from .fields import MSI_CUSTOM_FIELDS


def _unknown_ids(cf, value):
    """Return the ids in a vocabulary field's value that its vocabulary does not hold."""
    entries = value if isinstance(value, list) else [value]
    unknown = []
    for entry in entries:
        # Entries of the wrong shape (null, a string, no id) are the schema's errors to report.
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        try:
            Vocabulary.pid.resolve((cf.vocabulary_id, entry["id"]))
        except PIDDoesNotExistError:
            unknown.append(entry["id"])
    return unknown


def unknown_vocabulary_ids(custom_fields):
    """Return ``{field: [messages]}`` for msi: vocabulary fields naming ids their vocabulary lacks.

    Their shape was checked by upstream's schema, which also dropped what it could not load.
    """
    values = custom_fields if isinstance(custom_fields, dict) else {}
    errors = {}
    for cf in MSI_CUSTOM_FIELDS:
        value = values.get(cf.name)
        if isinstance(cf, VocabularyCF) and value:
            unknown = _unknown_ids(cf, value)
            if unknown:
                errors[cf.name] = [f"Unknown {cf.vocabulary_id} id: {', '.join(unknown)}."]
    return errors


class MSIFieldsComponent(ServiceComponent):
    """Validate the msi: custom fields strictly on every write of a draft."""

    def _validate(self, data, schema_errors):
        # The draft schema already dropped values it could not load and listed why: those count.
        errors = {
            error["field"].split(".")[1]: error["messages"]
            for error in schema_errors or []
            if error.get("field", "").startswith("custom_fields.msi:")
        }
        data = data if isinstance(data, dict) else {}
        errors.update(unknown_vocabulary_ids(data.get("custom_fields")))
        if errors:
            raise ValidationError({"custom_fields": errors})

    def create(self, identity, data=None, record=None, errors=None, **kwargs):
        """Refuse a new draft with malformed msi: fields."""
        self._validate(data, errors)

    def update_draft(self, identity, data=None, record=None, errors=None, **kwargs):
        """Refuse an edit that makes the msi: fields malformed."""
        self._validate(data, errors)
