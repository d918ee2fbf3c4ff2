"""Flask extension of the MSI repository."""


class MSIRepository:
    """Register the MSI repository on the application (its settings come from msi_rdm.config)."""

    def __init__(self, app=None):
        """Initialise the extension."""
        if app:
            self.init_app(app)

    def init_app(self, app):
        """Register the extension."""
        app.extensions["msi-rdm"] = self


def finalize_app(app):
    """Give record searches highlights and every record indexing MSI's search section.

    Upstream's services take their result list and index dumper from class attributes of their
    configuration, not from the application configuration, so they are set here on this
    application's own service configurations. The dumper matters because requests (community
    inclusion) and other upstream paths index records loaded as plain ``RDMRecord``.
    """
    from invenio_rdm_records.proxies import current_rdm_records

    from .fulltext.search import MSIRecordList
    from .records import MSIRecord

    with app.app_context():
        records = current_rdm_records.records_service.config
        records.result_list_cls = MSIRecordList
        records.index_dumper = MSIRecord.dumper
        current_rdm_records.record_communities_service.config.index_dumper = MSIRecord.dumper
