"""Preservation: where the PostgreSQL client tools are, which settings count as secrets, logs."""

MSI_PRESERVATION_PG_BIN = None
"""Folder of ``pg_dump`` and ``pg_restore``; None takes the newest ``/usr/lib/postgresql/*/bin``
(the one scripts/services.sh runs the server with), else the ones on ``PATH``."""

MSI_PRESERVATION_LOG_FOLDER = None
"""Where backups and restores write their logs; None is the ``log`` folder beside the instance
folder (``.state/log`` for the instances the scripts make)."""

MSI_PRESERVATION_SECRET_WORDS = ("SECRET", "SALT", "PASSWORD", "TOKEN", "KEY", "CREDENTIAL")
"""An ``INVENIO_*`` setting whose name holds one of these words is left out of backups."""

MSI_PRESERVATION_REINDEX_SERVICES = (
    "communities",
    "members",
    "requests",
    "request_events",
    "users",
    "groups",
    "domains",
    "affiliations",
    "awards",
    "funders",
    "names",
    "subjects",
    "vocabularies",
    "oaipmh-server",
    "msi-researchers",
)
"""Services (ids in upstream's service registry) whose indices a restore rebuilds with their own
``rebuild_index`` after the records and drafts, which it indexes in bulk itself; ids the registry
does not hold are skipped."""
