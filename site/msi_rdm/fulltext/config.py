"""Full text: limits of extraction and of the text indexed per record."""

MSI_FULLTEXT_MAX_FILE_SIZE = 200 * 2**20
"""Files larger than this (bytes) are not extracted; their status says so."""

MSI_FULLTEXT_MAX_PAGES = 2000
"""Pages of a PDF read at most."""

MSI_FULLTEXT_MAX_INDEXED_CHARS = 2_000_000
"""Characters of a record's file text put into its index document at most."""
