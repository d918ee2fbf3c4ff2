"""Flask extension of the MSI repository."""

from .index_dates import read_index_dates_fast
from .json_answers import write_json_with_orjson
from .production import check_production
from .resilience.errors import register_error_handlers
from .schemas import reuse_dump_schemas
from .shared import share_immutables
from .signatures import remember_signatures
from .stats_bulk import use_prefetched_stats
from .vocabulary_cache import remember_vocabulary_terms


class MSIRepository:
    """Register the MSI repository on the application (its settings come from msi_rdm.config)."""

    def __init__(self, app=None):
        """Initialise the extension."""
        if app:
            self.init_app(app)

    def init_app(self, app):
        """Register the extension, create the researcher profile service and resource, and
        connect the ORCID link checks."""
        from .researchers.resource import ResearcherResource, ResearcherResourceConfig
        from .researchers.service import ResearcherService, ResearcherServiceConfig

        check_production(app)
        remember_signatures()
        reuse_dump_schemas()
        share_immutables()
        write_json_with_orjson()
        read_index_dates_fast()
        remember_vocabulary_terms()
        use_prefetched_stats()
        app.extensions["msi-rdm"] = self
        # Node id -> community id, looked up once per process (see researchers.generators).
        self.node_communities = None
        self.researchers_service = ResearcherService(ResearcherServiceConfig.build(app))
        self.researchers_resource = ResearcherResource(
            ResearcherResourceConfig(), self.researchers_service
        )
        connect_orcid_signals()
        register_error_handlers(app)


def connect_orcid_signals():
    """Check ORCID links as oauthclient receives them and announce them once committed."""
    from invenio_oauthclient.signals import account_info_received, account_setup_committed

    from .orcid.oauth import announce_link, check_link
    from .orcid.signals import orcid_linked, orcid_unlinked

    account_info_received.connect(check_link)
    account_setup_committed.connect(announce_link)
    orcid_linked.connect(_profile_follows_link)
    orcid_unlinked.connect(_profile_follows_unlink)


def _profile_follows_link(app, user_id=None, orcid=None, **kwargs):
    """Linking an ORCID iD sets it on the account's profile as verified."""
    app.extensions["msi-rdm"].researchers_service.set_orcid_verified(user_id, orcid, True)


def _profile_follows_unlink(app, user_id=None, orcid=None, **kwargs):
    """Unlinking clears the verified flag of that iD."""
    app.extensions["msi-rdm"].researchers_service.set_orcid_verified(user_id, orcid, False)


def finalize_app(app):
    """Give searches highlights and film hits, indexing MSI's search section, OAI-PMH its view.

    Upstream's services take their result list and index dumper from class attributes of their
    configuration, not from the application configuration, so they are set here on this
    application's own service configurations. The dumper matters because requests (community
    inclusion) and other upstream paths index records loaded as plain ``RDMRecord``.

    Mapping versions upstream has moved past are dropped from invenio-search's registry, so that
    no index is created or searched for them. It also answers upstream serializers' vocabulary
    lookups from a per-process table, and serves ``/oai2d`` with MSI's OAI-PMH view under
    upstream's endpoint name.
    """
    from invenio_rdm_records.proxies import current_rdm_records

    from .hits import MSIRecordSearchList
    from .oai.vocabularies import use_vocabulary_table
    from .records import MSIRecord
    from .resilience.indexer import TolerantRecordIndexer
    from .search_indices import keep_newest_mappings
    from .uploads.components import FileKeyComponent

    # Searches run on the newest index of each kind only (see msi_rdm.search_indices).
    app.extensions["msi-rdm"].superseded_indices = keep_newest_mappings(
        app.extensions["invenio-search"]
    )

    with app.app_context():
        researchers = app.extensions["msi-rdm"].researchers_service
        registry = app.extensions["invenio-records-resources"].registry
        registry.register(researchers, service_id=researchers.id)
        app.extensions["invenio-indexer"].registry.register(
            researchers.indexer, indexer_id=researchers.id
        )
        records = current_rdm_records.records_service.config
        records.result_list_cls = MSIRecordSearchList
        records.index_dumper = MSIRecord.dumper
        # Publishing and editing succeed while OpenSearch is down (see msi_rdm.resilience).
        records.indexer_cls = TolerantRecordIndexer
        records.draft_indexer_cls = TolerantRecordIndexer
        current_rdm_records.record_communities_service.config.index_dumper = MSIRecord.dumper
        # Media files (previews, posters) take the same plain-name check as a draft's files;
        # upstream has no setting for that service's components.
        media = current_rdm_records.records_media_files_service.draft_files.config
        if FileKeyComponent not in media.components:
            media.components = [FileKeyComponent, *media.components]
    use_vocabulary_table()
    if "invenio_oaiserver.response" in app.view_functions:
        from .oai.views import oai2d

        app.view_functions["invenio_oaiserver.response"] = oai2d


def finalize_ui_app(app):
    """As ``finalize_app``, plus the researcher pages in the main menu and the user menu."""
    from flask_menu import current_menu
    from invenio_i18n import lazy_gettext as _

    finalize_app(app)
    current_menu.submenu("main.researchers").register(
        endpoint="msi_researchers_ui.directory", text=_("Researchers"), order=2
    )
    current_menu.submenu("plus.researcher").register(
        endpoint="msi_researchers_ui.apply", text=_("My researcher profile"), order=3
    )


def finalize_api_app(app):
    """As ``finalize_app``, plus cached citations answered before the records resource."""
    from .citations.fastpath import cached_citation
    from .inputs import refuse_malformed_json

    finalize_app(app)
    app.before_request(cached_citation)
    app.before_request(refuse_malformed_json)
