"""Upstream serializers read vocabulary props from MSI's per-process table."""

import importlib

import pytest
from invenio_rdm_records.resources.serializers import utils
from invenio_rdm_records.resources.serializers.errors import VocabularyItemNotFoundError

from msi_rdm.oai.vocabularies import SERIALIZER_SCHEMAS, vocabulary_props


def test_serializers_use_the_table(app):
    """Every upstream serializer schema that looks props up uses the table."""
    for name in SERIALIZER_SCHEMAS:
        assert importlib.import_module(name).get_vocabulary_props is vocabulary_props


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
