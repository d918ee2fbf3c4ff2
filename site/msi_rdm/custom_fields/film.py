"""The film fields: duration, production year and caption languages, with their form section."""

import re

from invenio_i18n import lazy_gettext as _
from invenio_records_resources.services.custom_fields import IntegerCF, KeywordCF
from marshmallow import validate

from .options import CachedOptionsVocabularyCF

ISO_DURATION = re.compile(r"^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$")
"""A film's length as an ISO 8601 time duration, e.g. ``PT4M12S`` or ``PT1H2M``."""

FILM_CUSTOM_FIELDS = [
    KeywordCF(
        name="msi:duration",
        field_args={
            "validate": validate.Regexp(
                ISO_DURATION, error="Give the duration as ISO 8601, e.g. PT4M12S."
            )
        },
    ),
    IntegerCF(
        name="msi:production_year",
        field_args={
            "validate": validate.Range(
                min=1880, max=2100, error="Give a year between {min} and {max}."
            )
        },
    ),
    CachedOptionsVocabularyCF(
        name="msi:caption_languages",
        vocabulary_id="languages",
        multiple=True,
        # The form looks languages up as one types (AutocompleteDropdown below), so the thousands
        # of ISO 639-3 entries are not read and sent with every landing page and deposit form.
        dump_options=False,
    ),
]
"""Film fields; people in roles use creators/contributors, spoken language ``languages``."""

FILM_CUSTOM_FIELDS_UI = {
    "section": _("Film"),
    "fields": [
        {
            "field": "msi:duration",
            "ui_widget": "Input",
            "props": {
                "label": _("Duration"),
                "description": _(
                    "Length as ISO 8601, e.g. PT4M12S. Left empty, it is measured from the file."
                ),
                "placeholder": "PT4M12S",
                "icon": "clock",
            },
        },
        {
            "field": "msi:production_year",
            "ui_widget": "NumberInput",
            "props": {
                "label": _("Production year"),
                "description": _("The year the film was made."),
                "icon": "calendar",
            },
        },
        {
            "field": "msi:caption_languages",
            "ui_widget": "AutocompleteDropdown",
            "props": {
                "label": _("Caption languages"),
                "description": _("Languages of the film's caption files."),
                "icon": "closed captioning",
                "placeholder": _("Start typing…"),
                "autocompleteFrom": "/api/vocabularies/languages",
                "autocompleteFromAcceptHeader": "application/vnd.inveniordm.v1+json",
                "multiple": True,
                "clearable": True,
            },
        },
    ],
}
"""The deposit form's film section."""
