"""Affiliated-researcher profiles: a record type of their own, with an affiliation workflow."""
