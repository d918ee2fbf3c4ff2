"""DataCite DOIs: MSI's own settings (upstream's are the ``DATACITE_*`` keys)."""

MSI_DOI_DEFAULT_PUBLISHER = "Mötesplats Social Innovation"
"""Publisher in DataCite of records that name none and belong to no node."""

MSI_DOI_RETRY_BASE = 60
"""Seconds before the first retry of a DOI that DataCite did not take (down, 5xx); doubled after
every further failure."""

MSI_DOI_RETRY_MAX_DELAY = 6 * 3600
"""Longest wait between two retries of one DOI, in seconds."""

MSI_DOI_SWEEP_MIN_AGE = 120
"""Seconds a published record's DOI may stay unregistered before the beat task takes it over
(upstream's task after the publish normally registers it within seconds)."""
