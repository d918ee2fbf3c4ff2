"""Search hits serialised with one schema per page and memoised permission answers per hit.

Upstream's result list builds a new record schema, and with it every nested schema, for each hit,
and each nested schema asks the permission policy its field questions anew (``read_files``,
``manage``, ``review``, ...). Here one schema instance serves the whole page (the schema context
lives in a context variable, not on the instance, so it is safe to reuse), and each hit's answers
are computed once.
"""

from invenio_rdm_records.services.results import RDMRecordList
from marshmallow_utils.context import context_schema

from .films.search import FilmRecordList


def memoised_permission_check(policy_cls, context):
    """A ``field_permission_check`` for one hit that asks the policy each action once."""
    answers = {}
    default_identity = context["identity"]

    def check(action, identity=default_identity, **kwargs):
        if kwargs or identity is not default_identity:
            return policy_cls(action, **context, **kwargs).allows(identity)
        if action not in answers:
            answers[action] = policy_cls(action, **context).allows(identity)
        return answers[action]

    return check


class PageSchemaHits(RDMRecordList):
    """Upstream's hits, produced with one schema instance for the page."""

    @property
    def hits(self):
        """Yield the projection of each hit, as upstream's ``RDMRecordList.hits`` does."""
        service, identity = self._service, self._identity
        schema = self._schema.schema()
        policy_cls = service.config.permission_policy_cls
        records_index = service.record_cls.index._name
        for hit in self._results:
            record_cls = (
                service.record_cls if records_index in hit.meta["index"] else service.draft_cls
            )
            record = record_cls.loads(hit.to_dict())
            context = {"identity": identity, "record": record, "meta": hit.meta}
            check = memoised_permission_check(policy_cls, context)
            token = context_schema.set({**context, "field_permission_check": check})
            try:
                projection = schema.dump(record)
            finally:
                context_schema.reset(token)
            if self._links_item_tpl:
                projection["links"] = self._links_item_tpl.expand(identity, record)
            yield projection


class MSIRecordSearchList(FilmRecordList, PageSchemaHits):
    """MSI's record search results (snippets, film posters, caption hits), serialised faster."""
