"""Upstream hooks and defaults of the MSI repository, read by tests and production alike.

Loaded through the ``invenio_config.module`` entry point, after ``invenio_app_rdm.config`` and
before ``invenio.cfg`` and the ``INVENIO_*`` environment variables.
"""

from invenio_i18n import lazy_gettext as _
from invenio_rdm_records import config as rdm_records_config
from invenio_rdm_records.services.components import DefaultRecordsComponents
from invenio_records_resources.services.records.queryparser import (
    QueryParser,
    SearchFieldTransformer,
)

from .custom_fields import (
    MSI_CUSTOM_FIELDS,
    MSI_CUSTOM_FIELDS_UI,
    MSI_FACETS,
    MSI_NAMESPACES,
    MSIFieldsComponent,
)
from .fulltext.components import FulltextComponent
from .fulltext.search import MSI_SEARCH_FIELDS, MSISearchOptions
from .records import MSIRecord

# Identity of the site
# --------------------

THEME_SITENAME = _("Mötesplats Social Innovation – research and publications")
"""Name shown in the header, page titles and e-mails."""

THEME_FRONTPAGE_TITLE = _("Search reports, films and data on social innovation")
THEME_SHOW_FRONTPAGE_INTRO_SECTION = False
THEME_FRONTPAGE_TEMPLATE = "msi_rdm/frontpage.html"
THEME_FOOTER_TEMPLATE = "msi_rdm/footer.html"
THEME_HEADER_TEMPLATE = "msi_rdm/header.html"
THEME_LOGO = "msi_rdm/images/msi-logo.svg"

# Languages: Swedish first, English second
# ----------------------------------------

BABEL_DEFAULT_LOCALE = "sv"
BABEL_DEFAULT_TIMEZONE = "Europe/Stockholm"
I18N_LANGUAGES = [("en", _("English"))]
"""Languages besides the default; Swedish is the default locale."""

# Services
# --------

SEARCH_INDEX_PREFIX = ""
"""Empty for the site; tests use their own prefix through ``INVENIO_SEARCH_INDEX_PREFIX``."""

SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 3600}
"""Survive a database restart under a running app: stale connections are replaced."""

CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
"""A task whose worker dies is delivered again; every MSI task is idempotent."""

DATACITE_ENABLED = False
"""DOIs are not minted until MSI has a DataCite account; records get OAI identifiers."""

RATELIMIT_AUTHENTICATED_USER = "5000 per minute"
"""Depositors and harvest clients make many small calls; anonymous users keep upstream's limit."""

# OAI-PMH
# -------

OAISERVER_REPOSITORY_NAME = "Mötesplats Social Innovation – forskning och publikationer"
"""A plain string: upstream's default is the (lazy, translated) site name, which lxml refuses."""

# Metadata: the msi: custom fields, their deposit-form section and search facets
# ------------------------------------------------------------------------------

RDM_NAMESPACES = {**MSI_NAMESPACES}
RDM_CUSTOM_FIELDS = [*MSI_CUSTOM_FIELDS]
RDM_CUSTOM_FIELDS_UI = [MSI_CUSTOM_FIELDS_UI]

RDM_RECORDS_SERVICE_COMPONENTS = [
    MSIFieldsComponent,
    *DefaultRecordsComponents,
    FulltextComponent,
]
"""Upstream's components between a strict check of the msi: fields and full-text extraction."""

RDM_RECORD_CLS = MSIRecord
"""Records whose index document carries MSI's search section (full text, Swedish analysis)."""

RDM_SEARCH_OPTIONS_CLS = MSISearchOptions

RDM_FACETS = {**rdm_records_config.RDM_FACETS, **MSI_FACETS}
RDM_SEARCH = {
    **rdm_records_config.RDM_SEARCH,
    "query_parser_cls": QueryParser.factory(
        mapping=rdm_records_config.RDM_SEARCH["query_parser_cls"].keywords["extra_params"][
            "mapping"
        ],
        tree_transformer_cls=SearchFieldTransformer,
        fields=MSI_SEARCH_FIELDS,
        quote_field_suffix=".exact",
    ),
    "facets": [
        "resource_type",
        "theme",
        "sdg",
        "sector",
        "node",
        "publication_date",
        "language",
        "audience",
        "access_status",
        "file_type",
    ],
}
"""Upstream's search with the MSI facets; practitioners filter by theme and goal first."""

APP_RDM_RECORD_LANDING_PAGE_TEMPLATE = "msi_rdm/records/detail.html"
"""Upstream's landing page with the plain-language summary added."""

# Full text
# ---------

MSI_FULLTEXT_MAX_FILE_SIZE = 200 * 2**20
"""Files larger than this (bytes) are not extracted; their status says so."""

MSI_FULLTEXT_MAX_PAGES = 2000
"""Pages of a PDF read at most."""

MSI_FULLTEXT_MAX_INDEXED_CHARS = 2_000_000
"""Characters of a record's file text put into its index document at most."""
