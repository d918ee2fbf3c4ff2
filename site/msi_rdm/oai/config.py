"""OAI-PMH: page size and the lifetime of resumption tokens."""

MSI_OAI_PAGE_SIZE = 100
"""Records (or headers) per ListRecords/ListIdentifiers page."""

MSI_OAI_TOKEN_LIFETIME = 24 * 3600
"""Seconds a resumption token stays valid; tokens hold the position, so nothing expires earlier."""

MSI_OAI_SERVER = True
"""Answer ``/oai2d`` with MSI's OAI-PMH server (stable paging, MSI's formats and sets, persistent
deletions); False leaves it to invenio-oaiserver's view, as vanilla InvenioRDM (benchmarks)."""

MSI_OAI_RATE_LIMIT = "3000 per minute;40000 per hour"
"""Budget of OAI-PMH requests per harvester (user agent and address), apart from the limit on pages
and search; beyond it ``/oai2d`` answers 503 with ``Retry-After`` (``oai.flow``). Sized for nightly
harvests: a ListRecords harvest at full speed takes about 14 pages (1,400 records) a second, 840 a
minute, so a 100,000-record harvest (1,000 pages) never meets it, with room for a server three
times as fast; a harvester fetching record by record (GetRecord) is slowed to 40,000 an hour, not
cut off. Empty: no limit."""
