"""URN:NBN identifiers (``urn:nbn:se:<prefix>-<record id>``), off until KB assigns a prefix."""
