"""Vocabularies: how long a web process reuses what it read of them."""

MSI_VOCABULARIES_TTL = 300
"""Seconds a process reuses what it read of vocabularies: option lists of the msi: fields,
terms resolved on pages, titles and props mapped by OAI-PMH and exports."""
