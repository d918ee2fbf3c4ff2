"""The ``msi:`` custom fields: themes, SDGs, sectors, node, strategic area, audience, summaries."""

from .component import MSIFieldsComponent
from .facets import MSI_FACETS
from .fields import MSI_CUSTOM_FIELDS, MSI_NAMESPACES, PlainSummaryCF
from .ui import MSI_CUSTOM_FIELDS_UI

__all__ = (
    "MSI_CUSTOM_FIELDS",
    "MSI_CUSTOM_FIELDS_UI",
    "MSI_FACETS",
    "MSI_NAMESPACES",
    "MSIFieldsComponent",
    "PlainSummaryCF",
)
