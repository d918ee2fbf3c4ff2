"""Searching the records: OpenSearch's client, per-request access caching, old indices."""
