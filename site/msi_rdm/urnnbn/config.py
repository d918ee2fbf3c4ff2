"""URN:NBN: the prefix KB assigned to the repository."""

MSI_URNNBN_PREFIX = ""
"""KB's prefix for this repository (``INVENIO_MSI_URNNBN_PREFIX``), e.g. ``msi``; records then get
``urn:nbn:se:<prefix>-<record id>`` when published. Empty: no URN:NBN is minted."""
