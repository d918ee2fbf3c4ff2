"""Vocabularies as pages and exports read them: terms, titles and props cached per process."""
