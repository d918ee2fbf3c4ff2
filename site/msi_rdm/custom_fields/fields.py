"""Definitions of the ``msi:`` custom fields on records."""

import re

from invenio_records_resources.services.custom_fields import BaseCF, TextCF
from marshmallow import ValidationError, fields, validate
from marshmallow_utils.fields import SanitizedUnicode

from .film import FILM_CUSTOM_FIELDS
from .options import CachedOptionsVocabularyCF
from .swepub import SWEPUB_CUSTOM_FIELDS

MSI_NAMESPACES = {"msi": "https://www.motesplatssocialinnovation.se/terms/"}
"""The namespace of MSI's own metadata terms."""

SUMMARY_LANGUAGES = ("sv", "en")

PROJECT_MAX_LENGTH = 500

REPORT_NUMBER_MAX_LENGTH = 100


def plain_text(value):
    """Refuse markup: the field is plain text wherever it is shown or exported."""
    if re.search(r"<[A-Za-z!/?]", value):
        raise ValidationError("Give plain text, without HTML tags.")


class PlainSummaryCF(BaseCF):
    """Plain-language summaries ("klarspråk"), one per language: ``{"sv": ..., "en": ...}``."""

    @property
    def field(self):
        """Marshmallow field: a mapping whose keys must be one of the summary languages."""
        return fields.Dict(
            keys=fields.String(
                validate=validate.OneOf(
                    SUMMARY_LANGUAGES,
                    error="Give the summary's language: one of {choices}.",
                )
            ),
            values=SanitizedUnicode(validate=validate.Length(min=1, max=3000)),
            **self._field_args,
        )

    @property
    def mapping(self):
        """Search mapping: each language analysed by its own stemmer."""
        return {
            "type": "object",
            "properties": {
                "sv": {"type": "text", "analyzer": "swedish"},
                "en": {"type": "text", "analyzer": "english"},
            },
        }


MSI_CUSTOM_FIELDS = [
    CachedOptionsVocabularyCF(name="msi:themes", vocabulary_id="msithemes", multiple=True),
    CachedOptionsVocabularyCF(name="msi:sdgs", vocabulary_id="sdgs", multiple=True, sort_by="id"),
    CachedOptionsVocabularyCF(name="msi:sectors", vocabulary_id="msisectors", multiple=True),
    CachedOptionsVocabularyCF(name="msi:node", vocabulary_id="msinodes"),
    CachedOptionsVocabularyCF(name="msi:strategic_area", vocabulary_id="msistrategicareas"),
    CachedOptionsVocabularyCF(name="msi:audiences", vocabulary_id="msiaudiences", multiple=True),
    PlainSummaryCF(name="msi:plain_summary"),
    TextCF(
        name="msi:project",
        field_args={"validate": [validate.Length(max=PROJECT_MAX_LENGTH), plain_text]},
    ),
    TextCF(
        name="msi:report_number",
        field_args={"validate": [validate.Length(max=REPORT_NUMBER_MAX_LENGTH), plain_text]},
    ),
    *FILM_CUSTOM_FIELDS,
    *SWEPUB_CUSTOM_FIELDS,
]
"""Every MSI custom field on records; vocabularies are loaded from app_data/vocabularies."""
