"""File downloads: the stored MIME type for safe types, and RFC 9110 range requests."""
