"""The ``msi:`` custom fields: themes, SDGs, sectors, node, area, audience, summaries, film."""

from .component import MSIFieldsComponent
from .facets import MSI_FACETS
from .fields import MSI_CUSTOM_FIELDS, MSI_NAMESPACES, PlainSummaryCF
from .film import FILM_CUSTOM_FIELDS_UI
from .ui import MSI_CUSTOM_FIELDS_UI

__all__ = (
    "FILM_CUSTOM_FIELDS_UI",
    "MSI_CUSTOM_FIELDS",
    "MSI_CUSTOM_FIELDS_UI",
    "MSI_FACETS",
    "MSI_NAMESPACES",
    "MSIFieldsComponent",
    "PlainSummaryCF",
)
