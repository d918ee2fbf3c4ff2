"""`invenio msi reindex` rebuilds the records index in bulk, full text included."""

from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_search import current_search_client
from invenio_search.utils import build_alias_name

from msi_rdm.bulk.reindex import published_ids
from msi_rdm.cli import msi
from msi_rdm.fulltext.models import FulltextModel


def test_reindex_restores_lost_documents_with_full_text(app, database, search):
    """Documents missing from the index come back with their search section and file text."""
    record_id = FulltextModel.query.filter_by(status="ok").first().record_id
    index = build_alias_name(service.record_cls.index._name)
    service.indexer.delete(service.record_cls.get_record(record_id), refresh=True)
    result = app.test_cli_runner().invoke(msi, ["reindex", "--chunk-size", "7"])
    assert result.exit_code == 0, result.output
    indexed = int(result.output.split(" records indexed")[0].split()[-1])
    assert 0 < indexed <= len(published_ids())  # ones indexed newer already are left as they are
    source = current_search_client.get(index=index, id=str(record_id))["_source"]
    assert source["msi_search"]["fulltext"]
    assert source["metadata"]["resource_type"]["title"]["en"]
