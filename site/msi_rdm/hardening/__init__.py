"""Staying up when a service fails: tolerant indexing, stale-index repair, clean 503 answers."""
