"""Preservation: backups and restores, file fixity checks and BagIt packages of record versions."""
