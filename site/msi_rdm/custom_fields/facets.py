"""Search facets over the MSI fields and the year of publication."""

from invenio_i18n import lazy_gettext as _
from invenio_records_resources.services.records.facets import CFTermsFacet
from invenio_vocabularies.services.facets import VocabularyLabels


def _vocabulary_facet(field, vocabulary, label):
    """Return a facet entry over a vocabulary custom field, labelled in the user's language."""
    return {
        "facet": CFTermsFacet(
            field=f"{field}.id", label=label, value_labels=VocabularyLabels(vocabulary)
        ),
        "ui": {"field": f"custom_fields.{field}.id"},
    }


MSI_FACETS = {
    "theme": _vocabulary_facet("msi:themes", "msithemes", _("Theme")),
    "sdg": _vocabulary_facet("msi:sdgs", "sdgs", _("Sustainable Development Goal")),
    "sector": _vocabulary_facet("msi:sectors", "msisectors", _("Sector")),
    "node": _vocabulary_facet("msi:node", "msinodes", _("MSI node")),
    "audience": _vocabulary_facet("msi:audiences", "msiaudiences", _("Audience")),
    "ssif": _vocabulary_facet("msi:ssif", "ssif", _("Research subject (SSIF)")),
}
"""Facets added to upstream's; year, language and resource type come from upstream."""
