"""MSI's serializers read vocabulary props from MSI's per-process table; upstream's do not."""

from unittest import mock

import pytest
from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_rdm_records.resources.serializers import utils
from invenio_rdm_records.resources.serializers.errors import VocabularyItemNotFoundError
from invenio_vocabularies.proxies import current_service as vocabularies

from msi_rdm.exports.csl import TableCSLJSONSerializer
from msi_rdm.exports.datacite import MSIDataCiteJSONSerializer, TableDataCite45XMLSerializer
from msi_rdm.exports.dublincore import MSIDublinCoreXMLSerializer
from msi_rdm.exports.schemaorg import MSISchemaorgJSONLDSerializer
from msi_rdm.oai.marc import TableMARCXMLSerializer
from msi_rdm.upstream.serializer_vocabularies import table_module
from msi_rdm.vocabularies.props import vocabulary_props

TABLE_SERIALIZERS = (
    TableCSLJSONSerializer,
    MSIDataCiteJSONSerializer,
    TableDataCite45XMLSerializer,
    MSIDublinCoreXMLSerializer,
    MSISchemaorgJSONLDSerializer,
    TableMARCXMLSerializer,
)


def test_msi_serializers_dump_without_vocabulary_searches(app):
    """MSI's serializers dump a record without one vocabulary search; upstream's modules still
    look props up with upstream's function."""
    query = {"size": 1, "q": "metadata.resource_type.id:video"}  # a film: roles, types, dates
    (hit,) = service.search(system_identity, params=query).hits
    with app.test_request_context():
        with mock.patch.object(vocabularies, "read_all", side_effect=AssertionError("searched")):
            for serializer_cls in TABLE_SERIALIZERS:
                serializer = serializer_cls()
                assert "msi_rdm.upstream.copies." in type(serializer.object_schema).__module__
                assert serializer.dump_obj(hit)
    for kind in ("datacite", "dublincore", "csl", "schemaorg", "marcxml"):
        name = f"invenio_rdm_records.resources.serializers.{kind}.schema"
        assert table_module(name).get_vocabulary_props is vocabulary_props
        upstream = __import__(name, fromlist=["get_vocabulary_props"])
        assert upstream.get_vocabulary_props is utils.get_vocabulary_props


@pytest.mark.parametrize(
    ("vocabulary", "fields", "entry"),
    [
        ("resourcetypes", ["props.csl", "props.datacite_general"], "video"),
        ("resourcetypes", ["props.eurepo"], "publication-report"),
        ("contributorsroles", ["props.datacite"], "director"),
        ("datetypes", ["props.datacite"], "created"),
    ],
)
def test_same_props_as_upstream(app, vocabulary, fields, entry):
    """The table gives each requested prop exactly as upstream's service lookup does."""
    with app.test_request_context():
        upstream = utils.get_vocabulary_props(vocabulary, fields, entry)
        ours = vocabulary_props(vocabulary, fields, entry)
    for field in fields:
        key = field.removeprefix("props.")
        assert ours.get(key) == upstream.get(key)


def test_unknown_entry_raises_as_upstream(app):
    """An unknown id raises upstream's error, as callers expect."""
    with app.test_request_context(), pytest.raises(VocabularyItemNotFoundError):
        vocabulary_props("resourcetypes", ["props.csl"], "no-such-type")
