"""Publishing and editing succeed while OpenSearch cannot be reached.

Upstream's unit of work indexes a record after its database commit, so an unreachable OpenSearch
answers 500 for a record that is saved. The records service's indexers (``indexer_cls`` and
``draft_indexer_cls``, class attributes of its configuration with no setting) are set to
``msi_rdm.hardening.indexer.TolerantRecordIndexer``, which logs instead, and the ``reindex_stale``
task repairs the index once OpenSearch is back. This is a change of behaviour, not of speed: with
it out, writes during an OpenSearch outage fail with 500 as upstream's do (and are saved all the
same); every other answer is the same.
"""

from invenio_rdm_records.proxies import current_rdm_records

from ..hardening.indexer import TolerantRecordIndexer
from .change import UpstreamChange
from .replace import replacing, together


def _records_config(app):
    return current_rdm_records.records_service.config


apply, revert = together(
    *(
        replacing(_records_config, name, TolerantRecordIndexer)
        for name in ("indexer_cls", "draft_indexer_cls")
    )
)


change = UpstreamChange(
    name="tolerant-indexer",
    replaces=(
        "invenio_rdm_records.services.config.RDMRecordServiceConfig.indexer_cls",
        "invenio_rdm_records.services.config.RDMRecordServiceConfig.draft_indexer_cls",
    ),
    why="a publish or edit while OpenSearch is down answered 500 for a saved record "
    "(behaviour, not speed: tests/hardening/test_opensearch_outage.py)",
    checked={"invenio-rdm-records": ("32.3.2",), "invenio-records-resources": ("10.2.4",)},
    unnecessary_when="invenio-records-resources indexes after commit without failing the request, "
    "or takes the indexer class from a setting",
    apply=apply,
    revert=revert,
    phase="finalize",
)
