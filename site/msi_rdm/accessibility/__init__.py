"""Accessibility: the statement the accessibility law asks for, privacy and contact pages."""
