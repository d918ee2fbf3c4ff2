"""The ``msi:`` custom fields: themes, SDGs, sectors, node, area, audience, summaries, film,
SwePub."""

from .component import MSIFieldsComponent
from .facets import MSI_FACETS
from .fields import MSI_CUSTOM_FIELDS, MSI_NAMESPACES, PlainSummaryCF
from .film import FILM_CUSTOM_FIELDS_UI
from .swepub import SWEPUB_CUSTOM_FIELDS_UI
from .ui import MSI_CUSTOM_FIELDS_UI, on_landing_page

__all__ = (
    "FILM_CUSTOM_FIELDS_UI",
    "MSI_CUSTOM_FIELDS",
    "MSI_CUSTOM_FIELDS_UI",
    "MSI_FACETS",
    "MSI_NAMESPACES",
    "MSIFieldsComponent",
    "PlainSummaryCF",
    "SWEPUB_CUSTOM_FIELDS_UI",
    "on_landing_page",
)
