"""Signals sent after the database commit of an ORCID link or unlink."""

from blinker import Namespace

_signals = Namespace()

orcid_linked = _signals.signal("msi-orcid-linked")
"""Sent with the application as sender, ``user_id=`` and ``orcid=`` once a link is committed."""

orcid_unlinked = _signals.signal("msi-orcid-unlinked")
"""Sent with the application as sender, ``user_id=`` and ``orcid=`` once an unlink is committed."""
