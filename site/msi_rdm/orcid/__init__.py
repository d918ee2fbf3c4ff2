"""ORCID: sign-in and linking, import of a researcher's public works, push of published records."""
