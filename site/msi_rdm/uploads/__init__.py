"""Uploads: what file names and sizes the deposit accepts."""
