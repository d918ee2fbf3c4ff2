"""Hardening: production checks and the repair of the search index."""

MSI_PRODUCTION = False
"""True in production (``INVENIO_MSI_PRODUCTION``): the app refuses to start with a weak
``SECRET_KEY`` or with cookies and headers not fit for https (see
``msi_rdm.hardening.production``)."""

MSI_INDEX_RECONCILE_WINDOW = 7 * 24 * 3600
"""Seconds back that ``reindex_stale`` looks for records changed while OpenSearch was away."""
