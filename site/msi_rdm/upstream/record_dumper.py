"""Every record the records service indexes is dumped with MSI's dumper, whatever its class.

The services index records with their class's dumper unless their configuration names one
(``index_dumper``, a class attribute with no setting). MSI's records (``RDM_RECORD_CLS``) carry
MSI's dumper, but some upstream paths load a record as plain ``RDMRecord`` and index it with the
records or record-communities service (a community inclusion request resolves its record so):
those documents would lack MSI's search section (full text, Swedish analysis). Here both services'
``index_dumper`` is MSI's. This is a change of behaviour for those paths: with it out, a record
indexed through them is found by its metadata only until it is indexed again
(``invenio msi reindex``); every record indexed through MSI's record class is the same.
"""

from invenio_rdm_records.proxies import current_rdm_records

from ..records.api import MSIRecord
from .change import UpstreamChange
from .replace import replacing, together

apply, revert = together(
    replacing(
        lambda app: current_rdm_records.records_service.config, "index_dumper", MSIRecord.dumper
    ),
    replacing(
        lambda app: current_rdm_records.record_communities_service.config,
        "index_dumper",
        MSIRecord.dumper,
    ),
)


change = UpstreamChange(
    name="record-dumper",
    replaces=(
        "invenio_rdm_records.services.config.RDMRecordServiceConfig.index_dumper",
        "invenio_rdm_records.services.config.RDMRecordCommunitiesConfig.index_dumper",
    ),
    why="records loaded as plain RDMRecord by upstream paths (community inclusion) were indexed "
    "without MSI's search section",
    checked={"invenio-rdm-records": ("32.3.2",)},
    unnecessary_when="invenio-rdm-records' entity resolvers load records with RDM_RECORD_CLS, "
    "or the services take index_dumper from a setting",
    apply=apply,
    revert=revert,
    phase="finalize",
)
