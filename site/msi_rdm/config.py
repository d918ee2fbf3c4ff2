"""The instance's settings of upstream's hooks, read by tests and production alike.

Loaded through the ``invenio_config.module`` entry point, after ``invenio_app_rdm.config`` and
before ``invenio.cfg`` and the ``INVENIO_*`` environment variables. Each feature's own settings
(``MSI_<FEATURE>_*``) live in its ``config.py`` and are set by its extension; what one upstream
key gathers from several features (service components, serializers, exporters) is built here,
once.
"""

from datetime import timedelta

from flask_resources import ResponseHandler
from invenio_app import config as invenio_app_config
from invenio_app_rdm import config as app_rdm_config
from invenio_i18n import lazy_gettext as _
from invenio_rdm_records import config as rdm_records_config
from invenio_rdm_records.contrib.imprint import (
    IMPRINT_CUSTOM_FIELDS,
    IMPRINT_CUSTOM_FIELDS_UI,
    IMPRINT_NAMESPACE,
)
from invenio_rdm_records.contrib.journal import (
    JOURNAL_CUSTOM_FIELDS,
    JOURNAL_CUSTOM_FIELDS_UI,
    JOURNAL_NAMESPACE,
)
from invenio_rdm_records.contrib.meeting import (
    MEETING_CUSTOM_FIELDS,
    MEETING_CUSTOM_FIELDS_UI,
    MEETING_NAMESPACE,
)
from invenio_rdm_records.resources import config as rdm_resources_config
from invenio_rdm_records.services.components import DefaultRecordsComponents
from invenio_records_resources.resources.records.headers import etag_headers
from invenio_records_resources.services.files.config import FileServiceConfig
from invenio_records_resources.services.records.queryparser import SearchFieldTransformer

from .custom_fields import (
    FILM_CUSTOM_FIELDS_UI,
    MSI_CUSTOM_FIELDS,
    MSI_CUSTOM_FIELDS_UI,
    MSI_FACETS,
    MSI_NAMESPACES,
    SWEPUB_CUSTOM_FIELDS_UI,
    MSIFieldsComponent,
    on_landing_page,
)
from .discovery import config as discovery_config
from .discovery.sitemaps import SitemapSectionOfResearchers
from .doi.components import RestrictedDOIComponent
from .doi.provider import MSIDataCiteClient, MSIDataCitePIDProvider
from .exports.bibtex import BibTeXSerializer
from .exports.csl import MSICSLJSONSerializer
from .exports.datacite import MSIDataCiteJSONSerializer, MSIDataCiteXMLSerializer
from .exports.dublincore import MSIDublinCoreXMLSerializer
from .exports.formatted import CitationSerializer, bibliography_headers
from .exports.ris import RISSerializer
from .exports.schemaorg import MSISchemaorgJSONLDSerializer
from .exports.styles import DEFAULT_STYLE, citation_styles_config
from .films.components import FilmComponent
from .fulltext.components import FulltextComponent
from .fulltext.search import MSI_SEARCH_FIELDS, MSIQueryParser, MSISearchOptions
from .hardening.uploads import FileKeyComponent
from .oai.flow import is_oai_request
from .orcid.oauth import ORCID_REMOTE_APP
from .orcid.push import OrcidPushComponent
from .preferences import PreferencesSchema
from .preferences import UserSchema as PreferencesUserSchema
from .records.api import MSIRecord
from .records.schema import MSIRecordSchema
from .records.serializers import OrjsonJSONSerializer, OrjsonUIJSONSerializer
from .search.client import OrjsonReadingSerializer
from .swepub.components import SwepubComponent
from .urnnbn.provider import SCHEME as URN_SCHEME
from .urnnbn.provider import URNNBNProvider, is_urn_nbn

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
COVER_TEMPLATE = "msi_rdm/page_cover.html"
"""Sign-in and sign-up pages: upstream's cover page with the links to the statement, privacy
and contact pages."""

BASE_TEMPLATE = "msi_rdm/alerts/page.html"
"""Upstream's page, with the feed of search, community and researcher pages advertised in the
head and offered by a "Follow" control (``msi_rdm.alerts.links``)."""

THEME_JAVASCRIPT_TEMPLATE = "msi_rdm/javascript.html"
"""Upstream's scripts plus MSI's ARIA repairs of Semantic UI's widgets (static/js/a11y.js)."""

# Languages: Swedish first, English second
# ----------------------------------------

BABEL_DEFAULT_LOCALE = "sv"
BABEL_DEFAULT_TIMEZONE = "Europe/Stockholm"
I18N_LANGUAGES = [("en", _("English"))]
"""Languages besides the default; Swedish is the default locale."""

ACCOUNTS_USER_PREFERENCES_SCHEMA = PreferencesSchema()
USERS_RESOURCES_SERVICE_SCHEMA = PreferencesUserSchema
"""Users' preferences checked without rewriting the defaults above (``msi_rdm.preferences``)."""

# Services
# --------

SEARCH_INDEX_PREFIX = ""
"""Empty for the site; tests use their own prefix through ``INVENIO_SEARCH_INDEX_PREFIX``."""

SEARCH_CLIENT_CONFIG = {"serializer": OrjsonReadingSerializer()}
"""OpenSearch's answers are parsed with orjson (see ``msi_rdm.search.client``)."""

SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 3600}
"""Survive a database restart under a running app: stale connections are replaced."""

ACCESS_CACHE = "msi_rdm.search.access_cache:request_memo_cache"
"""Action expansions read from Redis once per request, not once per permission check."""

CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
"""A task whose worker dies is delivered again; every MSI task is idempotent."""

MSI_MEDIA_QUEUE = "msi-media"
"""The Celery queue of full-text extraction and film probing (``CELERY_TASK_ROUTES``)."""

CELERY_TASK_ROUTES = {
    "msi_rdm.fulltext.tasks.extract_fulltext": {"queue": MSI_MEDIA_QUEUE},
    "msi_rdm.films.tasks.probe_films": {"queue": MSI_MEDIA_QUEUE},
}
"""Extraction and film probing, minutes per record at worst, go to a queue that a worker of its own
consumes (scripts/run.sh, docker-compose.yml), so e-mails, ORCID pushes and everything else on
Celery's default queue never wait behind them."""

DATACITE_ENABLED = False
"""DataCite DOIs: off unless ``INVENIO_DATACITE_ENABLED=True``, which development and tests set
(``scripts/env.sh``, against the local fake) and production sets once MSI has its account.
The account comes from ``INVENIO_DATACITE_USERNAME``, ``_PASSWORD``, ``_PREFIX``,
``_TEST_MODE`` and ``_DATACENTER_SYMBOL``; ``INVENIO_DATACITE_URL`` names another API (the fake)."""

DATACITE_FORMAT = "{prefix}/msi.{id}"
"""DOI of a record: the prefix, then ``msi.`` and the record's id (``10.5072/msi.abcd-1234``)."""

DATACITE_URL = None
"""Base of DataCite's REST API when neither the production nor the test API (the local fake);
read by ``msi_rdm.doi.provider.MSIDataCiteClient``."""

RDM_PERSISTENT_IDENTIFIER_PROVIDERS = [
    MSIDataCitePIDProvider(
        "datacite",
        client=MSIDataCiteClient("datacite", config_prefix="DATACITE"),
        serializer=MSIDataCiteJSONSerializer(),
        label=_("DOI"),
    ),
    *(p for p in rdm_records_config.RDM_PERSISTENT_IDENTIFIER_PROVIDERS if p.name != "datacite"),
]
"""Upstream's providers, its DataCite one as MSI registers DOIs (``msi_rdm.doi.provider``)."""

RDM_PARENT_PERSISTENT_IDENTIFIER_PROVIDERS = [
    MSIDataCitePIDProvider(
        "datacite",
        client=MSIDataCiteClient("datacite", config_prefix="DATACITE"),
        serializer=MSIDataCiteJSONSerializer(is_parent=True),
        label=_("Concept DOI"),
    ),
    *(
        p
        for p in rdm_records_config.RDM_PARENT_PERSISTENT_IDENTIFIER_PROVIDERS
        if p.name != "datacite"
    ),
]
"""The concept (parent) DOI of every record, through the same provider."""

RATELIMIT_AUTHENTICATED_USER = "5000 per minute"
"""Depositors and harvest clients make many small calls; anonymous users keep upstream's limit."""

RATELIMIT_GUEST_USER = "5000 per hour;500 per minute"
"""Anonymous requests (search included) per user agent and address: InvenioRDM's value, stated.

A landing page or search page loads dozens of assets and API calls, so lower limits refuse
ordinary browsing."""

RATELIMIT_PER_ENDPOINT = {**invenio_app_config.RATELIMIT_PER_ENDPOINT}
"""Upstream's: login, registration and password reset 10 per minute; 429 beyond."""

RATELIMIT_APPLICATION_EXEMPT_WHEN = is_oai_request
"""Flask-Limiter's limits above leave ``/oai2d`` out: harvesters have a budget of their own
(``MSI_OAI_RATE_LIMIT``), answered with OAI-PMH's 503 and ``Retry-After`` (``msi_rdm.oai.flow``)."""

# Metadata: the msi: custom fields, their deposit-form section and search facets
# ------------------------------------------------------------------------------

RDM_NAMESPACES = {
    **MSI_NAMESPACES,
    **JOURNAL_NAMESPACE,
    **IMPRINT_NAMESPACE,
    **MEETING_NAMESPACE,
}
RDM_CUSTOM_FIELDS = [
    *MSI_CUSTOM_FIELDS,
    *JOURNAL_CUSTOM_FIELDS,
    *IMPRINT_CUSTOM_FIELDS,
    *MEETING_CUSTOM_FIELDS,
]
"""MSI's fields, and upstream's journal, imprint and conference fields: the host item of
articles and chapters and the meeting of conference contributions, which SwePub asks for."""

RDM_CUSTOM_FIELDS_UI = [
    *(
        on_landing_page(section)
        for section in (MSI_CUSTOM_FIELDS_UI, FILM_CUSTOM_FIELDS_UI, SWEPUB_CUSTOM_FIELDS_UI)
    ),
    JOURNAL_CUSTOM_FIELDS_UI,
    IMPRINT_CUSTOM_FIELDS_UI,
    MEETING_CUSTOM_FIELDS_UI,
]
"""The deposit form's "Social innovation" section, its film and SwePub sections, then
upstream's journal, book (imprint) and conference sections."""

RDM_RECORDS_SERVICE_COMPONENTS = [
    MSIFieldsComponent,
    *DefaultRecordsComponents,
    FulltextComponent,
    OrcidPushComponent,
    FilmComponent,
    RestrictedDOIComponent,
    SwepubComponent,
]
"""Every feature's record service components, in one list: a strict check of the msi: fields
first, upstream's, then those that queue work once the unit of work commits (full-text
extraction, the ORCID push, the film probe), the DOIs of restricted records, which upstream's
PID components leave out, and last the SwePub state, read from the saved fields."""

RDM_PERSISTENT_IDENTIFIER_PROVIDERS = [
    *RDM_PERSISTENT_IDENTIFIER_PROVIDERS,
    URNNBNProvider("urnnbn"),
]
RDM_PERSISTENT_IDENTIFIERS = {
    **rdm_records_config.RDM_PERSISTENT_IDENTIFIERS,
    URN_SCHEME: {
        "providers": ["urnnbn"],
        "required": True,
        "label": _("URN:NBN"),
        "validator": is_urn_nbn,
        "is_enabled": URNNBNProvider.is_enabled,
    },
}
"""MSI's DataCite provider and upstream's others, plus a URN:NBN for every published version,
minted only once KB's prefix is set (``MSI_URNNBN_PREFIX``, see msi_rdm.urnnbn)."""

RDM_RECORD_CLS = MSIRecord
"""Records whose index document carries MSI's search section (full text, Swedish analysis)."""

RDM_RECORD_SCHEMA = MSIRecordSchema
"""Upstream's record schema; search hits also carry their snippets and film data."""

RDM_SEARCH_OPTIONS_CLS = MSISearchOptions

RDM_FACETS = {**rdm_records_config.RDM_FACETS, **MSI_FACETS}
RDM_SEARCH = {
    **rdm_records_config.RDM_SEARCH,
    "query_parser_cls": MSIQueryParser.factory(
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
        "ssif",
        "access_status",
        "file_type",
    ],
}
"""Upstream's search with the MSI facets; practitioners filter by theme and goal first."""

APP_RDM_RECORD_LANDING_PAGE_TEMPLATE = "msi_rdm/records/detail.html"
"""Upstream's landing page with the plain-language summary added."""

SEARCH_UI_SEARCH_TEMPLATE = "msi_rdm/records/search.html"
APP_RDM_DEPOSIT_FORM_TEMPLATE = "msi_rdm/records/deposit.html"
"""Upstream's search page and deposit form, each with the page's <h1>."""

# ORCID: sign-in and linking, works import, push of published records
# ---------------------------------------------------------------------

ORCID_APP_CREDENTIALS = {"consumer_key": "", "consumer_secret": ""}
"""Client id and secret (``INVENIO_ORCID_APP_CREDENTIALS``); empty: ORCID is not offered."""

OAUTHCLIENT_REMOTE_APPS = {"orcid": ORCID_REMOTE_APP}
"""Sign in with ORCID, or link an iD from the account settings; hidden without credentials."""

# Uploads and films: plain file names, sizes that fit films, players that seek
# ---------------------------------------------------------------------------

RDM_DRAFT_FILES_SERVICE_COMPONENTS = [FileKeyComponent, *FileServiceConfig.components]
"""Refuse file names with path parts, control characters or no name (400) before upstream's."""

RDM_FILES_DEFAULT_MAX_FILE_SIZE = 20 * 2**30
"""Largest file of a record, in bytes (20 GiB: a long film in high quality); larger answers 400."""

RDM_FILES_DEFAULT_QUOTA_SIZE = 50 * 2**30
"""All files of one record version together, in bytes (50 GiB: a few films with extras)."""

FILES_REST_DEFAULT_MAX_FILE_SIZE = RDM_FILES_DEFAULT_MAX_FILE_SIZE
"""The same per-file limit for buckets created outside records (upstream's default: none)."""

FILES_REST_ALLOW_RANGE_REQUESTS = True
"""Answer ``Range`` requests with 206 and the bytes asked for, so players seek without
downloading the whole film (upstream's default is off)."""

FILES_REST_STORAGE_FACTORY = "msi_rdm.downloads.storage:storage_factory"
"""Upstream's file system storage, whose downloads keep safe stored MIME types (PDF, images,
sound, films, captions, CSV, text) and answer ranges as RFC 9110 says (``msi_rdm.downloads``)."""

PREVIEWER_VIDEO_EXTS = ["mp4", "webm"]
"""Files the video.js previewer (``video_videojs``, in upstream's PREVIEWER_PREFERENCE) plays."""

PREVIEWER_VIDEO_DATA_SETUP = {
    "controls": True,
    "preload": "metadata",
    "fill": True,
    "playbackRates": [0.75, 1, 1.25, 1.5],
    "userActions": {"hotkeys": True},
}
"""video.js options: keyboard control (space, f, m, arrows) once the player has focus."""


# OAI-PMH and exports
# -------------------

OAISERVER_REPOSITORY_NAME = "Mötesplats Social Innovation – forskning och publikationer"
"""A plain string: upstream's default is the (lazy, translated) site name, which lxml refuses."""

OAISERVER_ID_PREFIX = "motesplatssocialinnovation.se"
"""Repository identifier of OAI identifiers ``oai:<domain>:<record id>``; never change it once
records are harvested (it is stored in every record's ``pids.oai``)."""

OAISERVER_ADMIN_EMAILS = ["info@motesplatssocialinnovation.se"]
"""Who harvesters write to, as Identify tells them."""

OAISERVER_METADATA_FORMATS = {
    "oai_dc": {
        "serializer": "msi_rdm.exports.dublincore:dublincore_etree",
        "schema": "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        "namespace": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    },
    "datacite": {
        "serializer": "msi_rdm.exports.datacite:datacite_etree",
        "schema": "http://schema.datacite.org/meta/kernel-4.5/metadata.xsd",
        "namespace": "http://datacite.org/schema/kernel-4",
    },
    "oai_datacite": {
        "serializer": "msi_rdm.exports.datacite:oai_datacite_etree",
        "schema": "http://schema.datacite.org/oai/oai-1.1/oai.xsd",
        "namespace": "http://schema.datacite.org/oai/oai-1.1/",
    },
    "marcxml": {
        "serializer": "msi_rdm.oai.marc:marcxml_etree",
        "schema": "https://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd",
        "namespace": "http://www.loc.gov/MARC21/slim",
    },
    "oai_openaire": {
        "serializer": "msi_rdm.oai.openaire:openaire_etree",
        "schema": "https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd",
        "namespace": "http://namespace.openaire.eu/schema/oaire/",
    },
    "swepub_mods": {
        "serializer": "msi_rdm.swepub.mods:swepub_mods_etree",
        "schema": "http://www.loc.gov/standards/mods/v3/mods-3-7.xsd",
        "namespace": "http://www.loc.gov/mods/v3",
    },
}
"""OAI-PMH formats, each with the MSI fields mapped (see msi_rdm.oai); ``swepub_mods`` is KB's
Swepub MODS 4.0 (see msi_rdm.swepub)."""

RDM_CITATION_STYLES = citation_styles_config()
"""The landing page's style picker: APA 7, Harvard, Chicago, Vancouver, IEEE, MLA."""

RDM_CITATION_STYLES_DEFAULT = DEFAULT_STYLE

_MSI_EXPORTS = "msi_rdm.exports"
APP_RDM_RECORD_EXPORTERS = {
    **app_rdm_config.APP_RDM_RECORD_EXPORTERS,
    "json-ld": {
        **app_rdm_config.APP_RDM_RECORD_EXPORTERS["json-ld"],
        "serializer": f"{_MSI_EXPORTS}.schemaorg:MSISchemaorgJSONLDSerializer",
    },
    "csl": {
        **app_rdm_config.APP_RDM_RECORD_EXPORTERS["csl"],
        "serializer": f"{_MSI_EXPORTS}.csl:MSICSLJSONSerializer",
    },
    "datacite-json": {
        **app_rdm_config.APP_RDM_RECORD_EXPORTERS["datacite-json"],
        "serializer": "msi_rdm.exports.datacite:MSIDataCiteJSONSerializer",
    },
    "datacite-xml": {
        **app_rdm_config.APP_RDM_RECORD_EXPORTERS["datacite-xml"],
        "serializer": "msi_rdm.exports.datacite:MSIDataCiteXMLSerializer",
    },
    "dublincore": {
        **app_rdm_config.APP_RDM_RECORD_EXPORTERS["dublincore"],
        "serializer": "msi_rdm.exports.dublincore:MSIDublinCoreXMLSerializer",
    },
    "bibtex": {
        **app_rdm_config.APP_RDM_RECORD_EXPORTERS["bibtex"],
        "serializer": f"{_MSI_EXPORTS}.bibtex:BibTeXSerializer",
    },
    "ris": {
        "name": _("RIS"),
        "serializer": f"{_MSI_EXPORTS}.ris:RISSerializer",
        "params": {},
        "content-type": "application/x-research-info-systems",
        "filename": "{id}.ris",
    },
}
"""Upstream's exports on the landing page with the MSI mappings (BibTeX in types BibTeX knows,
``msi_rdm.exports.bibtex``), plus RIS."""

RDM_RECORDS_SERIALIZERS = {
    **rdm_resources_config.record_serializers,
    "application/json": ResponseHandler(OrjsonJSONSerializer(), headers=etag_headers),
    "application/vnd.inveniordm.v1+json": ResponseHandler(
        OrjsonUIJSONSerializer(), headers=etag_headers
    ),
    "application/ld+json": ResponseHandler(MSISchemaorgJSONLDSerializer()),
    "application/vnd.citationstyles.csl+json": ResponseHandler(
        MSICSLJSONSerializer(), headers=etag_headers
    ),
    "application/vnd.datacite.datacite+json": ResponseHandler(
        MSIDataCiteJSONSerializer(), headers=etag_headers
    ),
    "application/vnd.datacite.datacite+xml": ResponseHandler(
        MSIDataCiteXMLSerializer(), headers=etag_headers
    ),
    "application/x-dc+xml": ResponseHandler(MSIDublinCoreXMLSerializer(), headers=etag_headers),
    "application/x-research-info-systems": ResponseHandler(RISSerializer(), headers=etag_headers),
    "application/x-bibtex": ResponseHandler(BibTeXSerializer(), headers=etag_headers),
    "text/x-bibliography": ResponseHandler(CitationSerializer(), headers=bibliography_headers),
}
"""Upstream's record formats by Accept header with the MSI mappings, RIS and cached citations;
JSON written with orjson (``msi_rdm.records.serializers``)."""

# Background work
# ---------------

CELERY_BEAT_SCHEDULE = {
    **app_rdm_config.CELERY_BEAT_SCHEDULE,
    "msi-reindex-stale": {
        "task": "msi_rdm.hardening.tasks.reindex_stale",
        "schedule": timedelta(minutes=10),
    },
    "msi-doi-retry": {
        "task": "msi_rdm.doi.tasks.retry_dois",
        "schedule": timedelta(minutes=1),
    },
    "update_sitemap": {
        **app_rdm_config.CELERY_BEAT_SCHEDULE["update_sitemap"],
        "schedule": discovery_config.MSI_DISCOVERY_SITEMAP_EVERY,
    },
    "msi-alerts-digests": {
        "task": "msi_rdm.alerts.tasks.send_digests",
        "schedule": timedelta(hours=1),
    },
}
"""Upstream's schedule plus the index repair, every ten minutes, the DOIs DataCite has not
taken yet, looked at every minute (each retried with its own back-off), and the sitemaps
rebuilt every hour instead of once a night (``msi_rdm.discovery``), and the e-mail digests of
saved searches, every hour (each search is sent when its period is over). Upstream's ``file-checks``
(a batch of stored files checksummed every hour, every file within 14 days) and
``file-integrity-report`` (a daily e-mail of the files that failed) are kept as they are."""

APP_RDM_ADMIN_EMAIL_RECIPIENT = "info@motesplatssocialinnovation.se"
"""Who receives the daily files integrity report (upstream's default is InvenioRDM's address)."""

# Search engines: sitemaps (invenio-sitemap) of records, communities and researchers
# -----------------------------------------------------------------------------------

SITEMAP_SECTIONS = [*app_rdm_config.SITEMAP_SECTIONS, SitemapSectionOfResearchers()]
"""Upstream's sections (public records, public communities) and the public researcher profiles."""

# Page delivery: compressed answers (Flask-Compress, called by msi_rdm.delivery)
# ------------------------------------------------------------------------------

COMPRESS_REGISTER = False
"""Flask-Compress's own hook stays off: ``msi_rdm.delivery`` calls it for whole answers only."""

COMPRESS_ALGORITHM = ["br", "gzip"]
COMPRESS_ALGORITHM_STREAMING = ["br", "gzip"]
"""Brotli for browsers (all current ones accept it), gzip for the rest; files read from disk
(the static assets) are compressed as they stream."""

COMPRESS_BR_LEVEL = 5
COMPRESS_LEVEL = 6
"""About 2 ms for a 100 kB page; the large assets are asked for once a year (immutable)."""

COMPRESS_MIN_SIZE = 1024
"""Smaller answers gain less than the header costs."""

COMPRESS_MIMETYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/xml",
    "text/javascript",
    "text/vtt",
    "text/x-bibliography",
    "application/javascript",
    "application/json",
    "application/ld+json",
    "application/manifest+json",
    "application/vnd.inveniordm.v1+json",
    "application/vnd.citationstyles.csl+json",
    "application/vnd.datacite.datacite+json",
    "application/vnd.datacite.datacite+xml",
    "application/x-dc+xml",
    "application/x-research-info-systems",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "image/svg+xml",
    "image/x-icon",
    "image/vnd.microsoft.icon",
    "font/ttf",
    "font/otf",
    "application/vnd.ms-fontobject",
]
"""Text answers (pages, API JSON, exports, OAI-PMH, assets) and uncompressed font formats."""
