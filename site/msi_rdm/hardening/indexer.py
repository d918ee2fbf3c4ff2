"""Record indexers that let a write succeed while OpenSearch cannot be reached."""

from flask import current_app
from invenio_indexer.api import RecordIndexer
from opensearchpy.exceptions import ConnectionError as SearchConnectionError


class TolerantRecordIndexer(RecordIndexer):
    """Index and unindex records, logging instead of failing when OpenSearch is unreachable.

    The database commit has already happened when upstream's unit of work indexes, so failing
    there would answer 500 for a record that is saved. The ``reindex_stale`` task repairs the
    index once OpenSearch is back.
    """

    def index(self, record, arguments=None, **kwargs):
        """Index ``record``; None if OpenSearch cannot be reached."""
        try:
            return super().index(record, arguments=arguments, **kwargs)
        except SearchConnectionError as exc:
            _warn("index", record, exc)
            return None

    def delete(self, record, **kwargs):
        """Remove ``record`` from the index; None if OpenSearch cannot be reached."""
        try:
            return super().delete(record, **kwargs)
        except SearchConnectionError as exc:
            _warn("unindex", record, exc)
            return None


def _warn(action, record, exc):
    current_app.logger.warning(
        "could not %s record %s, OpenSearch unreachable (%s); reindex_stale will",
        action,
        record.id,
        exc,
    )
