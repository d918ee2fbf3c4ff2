"""DataCite DOIs: upstream's DataCite provider as MSI configures it, retries, a local fake."""
