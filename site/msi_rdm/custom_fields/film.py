"""The film fields: duration, production year and caption languages, with their form section."""

from invenio_i18n import lazy_gettext as _
from invenio_records_resources.services.custom_fields import IntegerCF, KeywordCF
from marshmallow import validate

from ..films.durations import DURATION_ERROR, DurationField
from .options import CachedOptionsVocabularyCF

FILM_CUSTOM_FIELDS = [
    KeywordCF(name="msi:duration", field_cls=DurationField),
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
            "ui_widget": "DurationInput",
            "template": "msi_rdm/films/duration.html",
            "props": {
                "label": _("Duration"),
                "description": _(
                    "Minutes and seconds (4:12) or hours, minutes and seconds (1:02:03). "
                    "Left empty, it is measured from the file."
                ),
                "placeholder": "4:12",
                "icon": "clock",
                "invalidMessage": DURATION_ERROR,
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
