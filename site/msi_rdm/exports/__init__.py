"""Formatted citations (six CSL styles, sv-SE and en-US) and exports, films and reports included."""
