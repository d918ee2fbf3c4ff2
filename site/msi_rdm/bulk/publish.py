"""Publish many new records at once: the bulk path for migrations and benchmark corpora.

Each batch is checked with the service's own schema, the record class's relation checks and JSON
schema, and then written in one transaction as the rows the service's publish leaves
(``msi_rdm.upstream.bulk_publish``); what that path refuses (films, community records, embargoes,
external PIDs) it says why, and the caller publishes those through the service. With that change
of the seam out, every record is published through the service here, one at a time (only slower;
the service's own refusals are reported the same way). Nothing is indexed: index the records
afterwards, in bulk, with ``msi_rdm.bulk.reindex.reindex_records``.
"""

from invenio_records.systemfields.relations.errors import RelationError
from marshmallow import ValidationError

from ..upstream.bulk_publish import BulkResult, Refused, change, publish_rows
from .reindex import publish_unindexed

__all__ = ("BulkResult", "Refused", "publish_bulk")


def publish_bulk(identity, items):
    """Publish ``items`` (pairs of record data and ``{key: bytes}`` files) on behalf of a user.

    Returns a ``BulkResult``: the ids of the published records and, per refused item, why.
    """
    if change.active:
        return publish_rows(identity, items)
    result = BulkResult()
    for index, (data, files) in enumerate(items):
        try:
            result.ids.append(str(publish_unindexed(identity, data, files)._record.id))
        except ValidationError as exc:
            result.refused[index] = str(exc.messages)
        except RelationError as exc:  # an unknown vocabulary term, as the service refuses it
            result.refused[index] = str(exc)
    return result
