"""Hook signatures are worked out once per process (``msi_rdm.upstream.signatures``)."""

import inspect
from unittest import mock

from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service

from msi_rdm.upstream import signatures


def test_hook_signatures_are_worked_out_once(app, database):
    """Loading records asks ``inspect.signature`` of each hook once per process, not per load."""
    import invenio_records.api
    import invenio_records.systemfields.base

    assert invenio_records.api.inspect is signatures.shim
    assert invenio_records.systemfields.base.inspect is signatures.shim
    hits = service.search(system_identity, params={"size": 5})._results
    documents = [hit.to_dict() for hit in hits]
    service.record_cls.loads(documents[0])  # every hook's signature is remembered now
    with mock.patch.object(inspect, "signature", side_effect=AssertionError("asked again")):
        for document in documents:
            record = service.record_cls.loads(document)
            assert str(record.id) == document["uuid"]
    method = service.record_cls.loads
    assert signatures.signature(method) == inspect.signature(method)
