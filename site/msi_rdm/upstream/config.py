"""Switches of the changes to upstream behaviour (``msi_rdm.upstream``)."""

MSI_UPSTREAM_ENABLED = True
"""False leaves every change out: the site answers the same, only slower (CI runs the API,
OAI-PMH, export and permission tests so). Each change also has a switch of its own,
``MSI_UPSTREAM_<NAME>`` (True unless set), listed by ``invenio msi upstream``."""
