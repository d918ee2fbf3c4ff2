"""The SwePub fields: SSIF subjects, output type, content type, publication status, university.

Every field but SSIF has a default derived from the resource type and the node (see
``msi_rdm.swepub.defaults``), so depositors fill in only what cannot be derived. ``msi:swepub``
is written by ``msi_rdm.swepub.components`` alone: the values SwePub receives and what is missing.
"""

from invenio_i18n import lazy_gettext as _
from invenio_records_resources.services.custom_fields import BaseCF
from marshmallow import fields

from .options import CachedOptionsVocabularyCF
from .ui import vocabulary_widget


class SwepubStatusCF(BaseCF):
    """The record's SwePub state, computed on every save: effective values and missing rules."""

    @property
    def field(self):
        """Marshmallow field: a free mapping, replaced by the component whatever is sent."""
        return fields.Dict(**self._field_args)

    @property
    def mapping(self):
        """Search mapping: the set's university and whether the record meets the minimum level."""
        return {
            "type": "object",
            "properties": {
                "university": {"type": "keyword"},
                "output_type": {"type": "keyword"},
                "content_type": {"type": "keyword"},
                "publication_status": {"type": "keyword"},
                "ready": {"type": "boolean"},
                "missing": {"type": "keyword"},
            },
        }


SWEPUB_CUSTOM_FIELDS = [
    CachedOptionsVocabularyCF(
        name="msi:ssif",
        vocabulary_id="ssif",
        multiple=True,
        sort_by="id",
        # 345 classes: the form looks them up as one types instead of loading them all.
        dump_options=False,
    ),
    CachedOptionsVocabularyCF(name="msi:output_type", vocabulary_id="swepuboutputtypes"),
    CachedOptionsVocabularyCF(name="msi:content_type", vocabulary_id="swepubcontenttypes"),
    CachedOptionsVocabularyCF(
        name="msi:publication_status", vocabulary_id="swepubpublicationstatus"
    ),
    CachedOptionsVocabularyCF(name="msi:university", vocabulary_id="msiuniversities"),
    SwepubStatusCF(name="msi:swepub"),
]
"""The SwePub fields; ``msi:swepub`` is computed, never asked for."""


SWEPUB_CUSTOM_FIELDS_UI = {
    "section": _("Research reporting (SwePub)"),
    "fields": [
        vocabulary_widget(
            "msi:ssif",
            "ssif",
            _("Research subjects (SSIF)"),
            _(
                "Standard for Swedish classification of research subjects 2025: type a code or an "
                "English name, preferably at the five-digit level."
            ),
            "sitemap",
        ),
        vocabulary_widget(
            "msi:output_type",
            "swepuboutputtypes",
            _("Output type (SwePub)"),
            _("Leave empty to use the type that follows from the resource type."),
            "file alternate",
            multiple=False,
        ),
        vocabulary_widget(
            "msi:content_type",
            "swepubcontenttypes",
            _("Content type (SwePub)"),
            _(
                "Peer-reviewed, other academic or popular science. Needed for articles and "
                "conference papers; other types get a default."
            ),
            "check circle",
            multiple=False,
        ),
        vocabulary_widget(
            "msi:publication_status",
            "swepubpublicationstatus",
            _("Publication status"),
            _("Leave empty for a published work."),
            "calendar check",
            multiple=False,
        ),
        vocabulary_widget(
            "msi:university",
            "msiuniversities",
            _("Responsible university"),
            _("Leave empty to use the university of the record's MSI node."),
            "university",
            multiple=False,
        ),
    ],
}
"""The deposit form's SwePub section (``msi:swepub`` is shown on the landing page instead)."""
