"""Upstream hooks and defaults of the MSI repository, read by tests and production alike.

Loaded through the ``invenio_config.module`` entry point, after ``invenio_app_rdm.config`` and
before ``invenio.cfg`` and the ``INVENIO_*`` environment variables.
"""

from datetime import timedelta

from flask_resources import ResponseHandler
from invenio_app import config as invenio_app_config
from invenio_app_rdm import config as app_rdm_config
from invenio_i18n import lazy_gettext as _
from invenio_rdm_records import config as rdm_records_config
from invenio_rdm_records.resources import config as rdm_resources_config
from invenio_rdm_records.services.components import DefaultRecordsComponents
from invenio_records_resources.resources.records.headers import etag_headers
from invenio_records_resources.services.files.config import FileServiceConfig
from invenio_records_resources.services.records.queryparser import SearchFieldTransformer

from .citations.csl import MSICSLJSONSerializer
from .citations.formatted import CitationSerializer
from .citations.ris import RISSerializer
from .citations.schemaorg import MSISchemaorgJSONLDSerializer
from .citations.styles import DEFAULT_STYLE, citation_styles_config
from .custom_fields import (
    FILM_CUSTOM_FIELDS_UI,
    MSI_CUSTOM_FIELDS,
    MSI_CUSTOM_FIELDS_UI,
    MSI_FACETS,
    MSI_NAMESPACES,
    MSIFieldsComponent,
)
from .films.components import FilmComponent
from .fulltext.components import FulltextComponent
from .fulltext.search import MSI_SEARCH_FIELDS, MSIQueryParser, MSISearchOptions
from .oai.datacite import MSIDataCiteJSONSerializer, MSIDataCiteXMLSerializer
from .oai.dublincore import MSIDublinCoreXMLSerializer
from .orcid.oauth import ORCID_REMOTE_APP
from .orcid.push import OrcidPushComponent
from .records import MSIRecord
from .search_client import OrjsonReadingSerializer
from .uploads.components import FileKeyComponent

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

SEARCH_CLIENT_CONFIG = {"serializer": OrjsonReadingSerializer()}
"""OpenSearch's answers are parsed with orjson (see ``msi_rdm.search_client``)."""

SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 3600}
"""Survive a database restart under a running app: stale connections are replaced."""

ACCESS_CACHE = "msi_rdm.access_cache:request_memo_cache"
"""Action expansions read from Redis once per request, not once per permission check."""

CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
"""A task whose worker dies is delivered again; every MSI task is idempotent."""

DATACITE_ENABLED = False
"""DOIs are not minted until MSI has a DataCite account; records get OAI identifiers."""

RATELIMIT_AUTHENTICATED_USER = "5000 per minute"
"""Depositors and harvest clients make many small calls; anonymous users keep upstream's limit."""

RATELIMIT_GUEST_USER = "5000 per hour;500 per minute"
"""Anonymous requests (search included) per user agent and address: InvenioRDM's value, stated.

A landing page or search page loads dozens of assets and API calls, so lower limits refuse
ordinary browsing."""

RATELIMIT_PER_ENDPOINT = {**invenio_app_config.RATELIMIT_PER_ENDPOINT}
"""Upstream's: login, registration and password reset 10 per minute; 429 beyond."""

# OAI-PMH
# -------

OAISERVER_REPOSITORY_NAME = "Mötesplats Social Innovation – forskning och publikationer"
"""A plain string: upstream's default is the (lazy, translated) site name, which lxml refuses."""

# Metadata: the msi: custom fields, their deposit-form section and search facets
# ------------------------------------------------------------------------------

RDM_NAMESPACES = {**MSI_NAMESPACES}
RDM_CUSTOM_FIELDS = [*MSI_CUSTOM_FIELDS]
RDM_CUSTOM_FIELDS_UI = [MSI_CUSTOM_FIELDS_UI]

MSI_VOCABULARY_OPTIONS_TTL = 300
"""Seconds a web process reuses the option lists of the msi: vocabulary fields (landing, form)."""

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

MSI_SEARCH_HIT_CACHE_SIZE = 4096
"""Serialised search hits each web process keeps (a few KiB each; see ``msi_rdm.hits``); 0: none."""

MSI_CACHED_FACETS_SEEN = 8192
"""Facet requests each web process remembers; a search whose facets were asked before sends them
in a request of their own that OpenSearch caches (see ``msi_rdm.cached_facets``); 0: never."""

# ORCID: sign-in and linking, works import, push of published records
# ---------------------------------------------------------------------

MSI_ORCID_SANDBOX = False
"""Use ORCID's sandbox: URLs below left at their production values become the sandbox's."""

MSI_ORCID_BASE_URL = "https://orcid.org"
"""ORCID's site: OAuth authorisation (``/oauth/authorize``) and tokens (``/oauth/token``)."""

MSI_ORCID_PUBLIC_API_URL = "https://pub.orcid.org/v3.0"
"""Public API v3.0: researchers' public works, read with a client-credentials token."""

MSI_ORCID_MEMBER_API_URL = "https://api.orcid.org/v3.0"
"""Member API v3.0: adds, updates and removes works on researchers' records."""

ORCID_APP_CREDENTIALS = {"consumer_key": "", "consumer_secret": ""}
"""Client id and secret (``INVENIO_ORCID_APP_CREDENTIALS``); empty: ORCID is not offered."""

MSI_ORCID_MEMBER = False
"""The credentials are an ORCID member client's: ask for ``/activities/update`` and push."""

MSI_ORCID_TIMEOUT = (5, 30)
"""Seconds to connect and to read, on every call to ORCID."""

MSI_ORCID_MAX_ATTEMPTS = 4
"""Attempts of one call when ORCID answers 429 or 5xx or cannot be reached."""

MSI_ORCID_BACKOFF = 2.0
"""Seconds before the second attempt, doubling after; ORCID's ``Retry-After`` wins."""

MSI_ORCID_MAX_WAIT = 60
"""Longest wait between attempts, in seconds, whatever ``Retry-After`` says."""

OAUTHCLIENT_REMOTE_APPS = {"orcid": ORCID_REMOTE_APP}
"""Sign in with ORCID, or link an iD from the account settings; hidden without credentials."""

RDM_RECORDS_SERVICE_COMPONENTS = [*RDM_RECORDS_SERVICE_COMPONENTS, OrcidPushComponent]
"""After the other components: queue the ORCID push once a publication or deletion commits."""

# Films: probe and poster, captions as tracks, transcript, time codes in search
# -----------------------------------------------------------------------------

RDM_CUSTOM_FIELDS_UI = [*RDM_CUSTOM_FIELDS_UI, FILM_CUSTOM_FIELDS_UI]
"""The deposit form's film section (duration, production year, caption languages) after MSI's."""

RDM_RECORDS_SERVICE_COMPONENTS = [*RDM_RECORDS_SERVICE_COMPONENTS, FilmComponent]
"""Probe films and read captions after the publish is committed."""

# Uploads: plain file names, sizes that fit films
# ------------------------------------------------

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

MSI_FILMS_PROBE_TIMEOUT = 120
"""Seconds ffprobe/ffmpeg may take for one step on one file before the file counts as failed."""

MSI_FILMS_POSTER_WIDTH = 640
"""Width in pixels of the poster frame (smaller films keep their own width)."""

MSI_FILMS_EMBED_HOSTS = {
    "www.youtube.com": "youtube",
    "youtube.com": "youtube",
    "m.youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "player.vimeo.com": "vimeo",
}
"""Hosts whose links (related identifiers, scheme url) are embedded on the landing page, and
how: YouTube through youtube-nocookie.com, Vimeo with dnt=1. Any other host stays a plain link."""

# OAI-PMH and citations (issue #7)
# --------------------------------

OAISERVER_ID_PREFIX = "motesplatssocialinnovation.se"
"""Repository identifier of OAI identifiers ``oai:<domain>:<record id>``; never change it once
records are harvested (it is stored in every record's ``pids.oai``)."""

OAISERVER_ADMIN_EMAILS = ["info@motesplatssocialinnovation.se"]
"""Who harvesters write to, as Identify tells them."""

MSI_OAI_PAGE_SIZE = 100
"""Records (or headers) per ListRecords/ListIdentifiers page."""

MSI_OAI_TOKEN_LIFETIME = 24 * 3600
"""Seconds a resumption token stays valid; tokens hold the position, so nothing expires earlier."""

OAISERVER_METADATA_FORMATS = {
    "oai_dc": {
        "serializer": "msi_rdm.oai.dublincore:dublincore_etree",
        "schema": "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        "namespace": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    },
    "datacite": {
        "serializer": "msi_rdm.oai.datacite:datacite_etree",
        "schema": "http://schema.datacite.org/meta/kernel-4.5/metadata.xsd",
        "namespace": "http://datacite.org/schema/kernel-4",
    },
    "oai_datacite": {
        "serializer": "msi_rdm.oai.datacite:oai_datacite_etree",
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
}
"""OAI-PMH formats, each with the MSI fields mapped (see msi_rdm.oai)."""

RDM_CITATION_STYLES = citation_styles_config()
"""The landing page's style picker: APA 7, Harvard, Chicago, Vancouver, IEEE, MLA."""

RDM_CITATION_STYLES_DEFAULT = DEFAULT_STYLE

_MSI_EXPORTS = "msi_rdm.citations"
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
        "serializer": "msi_rdm.oai.datacite:MSIDataCiteJSONSerializer",
    },
    "datacite-xml": {
        **app_rdm_config.APP_RDM_RECORD_EXPORTERS["datacite-xml"],
        "serializer": "msi_rdm.oai.datacite:MSIDataCiteXMLSerializer",
    },
    "dublincore": {
        **app_rdm_config.APP_RDM_RECORD_EXPORTERS["dublincore"],
        "serializer": "msi_rdm.oai.dublincore:MSIDublinCoreXMLSerializer",
    },
    "ris": {
        "name": _("RIS"),
        "serializer": f"{_MSI_EXPORTS}.ris:RISSerializer",
        "params": {},
        "content-type": "application/x-research-info-systems",
        "filename": "{id}.ris",
    },
}
"""Upstream's exports on the landing page with the MSI mappings, plus RIS."""

RDM_RECORDS_SERIALIZERS = {
    **rdm_resources_config.record_serializers,
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
    "text/x-bibliography": ResponseHandler(
        CitationSerializer(), headers=rdm_resources_config._bibliography_headers
    ),
}
"""Upstream's record formats by Accept header with the MSI mappings, RIS and cached citations."""

# Production safety (issue #9)
# ----------------------------

MSI_PRODUCTION = False
"""True in production (``INVENIO_MSI_PRODUCTION``): the app refuses to start with a weak
``SECRET_KEY`` or with cookies and headers not fit for https (see ``msi_rdm.production``)."""

# Resilience: repairing the search index after an OpenSearch outage (issue #9)
# ---------------------------------------------------------------------------

MSI_INDEX_RECONCILE_WINDOW = 7 * 24 * 3600
"""Seconds back that ``reindex_stale`` looks for records changed while OpenSearch was away."""

CELERY_BEAT_SCHEDULE = {
    **app_rdm_config.CELERY_BEAT_SCHEDULE,
    "msi-reindex-stale": {
        "task": "msi_rdm.resilience.tasks.reindex_stale",
        "schedule": timedelta(minutes=10),
    },
}
"""Upstream's schedule plus the index repair, every ten minutes."""
