"""Hits serialised once per page equal upstream's for every caller, without the search section."""

from invenio_access.permissions import any_user, authenticated_user, system_identity
from invenio_access.utils import get_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service
from invenio_rdm_records.services.results import RDMRecordList

from helpers import deposit_each, record_data
from msi_rdm.hits import MSIRecordSearchList, memoised_permission_check
from msi_rdm.researchers.works import public_identity


def upstream_hits(result):
    """The same search result serialised by upstream's record list."""
    upstream = RDMRecordList(
        service,
        result._identity,
        result._results,
        result._params,
        links_tpl=result._links_tpl,
        links_item_tpl=result._links_item_tpl,
        schema=service.schema,
    )
    return list(upstream.hits)


def owner_identity(user):
    identity = get_identity(user)
    identity.provides.add(authenticated_user)
    identity.provides.add(any_user)
    return identity


def test_hits_equal_upstream_for_each_caller(app, database, search, depositor, unique_word):
    """Public, restricted-files and restricted records: the owner, the public and the system."""
    restricted_files = record_data(f"{unique_word} filer")
    restricted_files["access"]["files"] = "restricted"
    deposit_each(
        app,
        depositor,
        public=record_data(f"{unique_word} öppen"),
        files=restricted_files,
        closed=record_data(f"{unique_word} stängd", access="restricted"),
    )
    for identity in (owner_identity(depositor), public_identity(), system_identity):
        result = service.search(identity, params={"q": unique_word, "size": 10})
        assert isinstance(result, MSIRecordSearchList)
        ours = [{k: v for k, v in hit.items() if k != "highlight"} for hit in result.hits]
        theirs = upstream_hits(result)
        assert ours == theirs
        assert ours and len(ours) == result.total
    assert len(list(service.search(public_identity(), params={"q": unique_word}).hits)) == 2


def test_hits_carry_no_search_section(app, database, search):
    """``msi_search`` (file text) stays in the index: OpenSearch leaves it out of every hit."""
    result = service.search(system_identity, params={"size": 25})
    sources = [hit.to_dict() for hit in result._results]
    assert sources and all("msi_search" not in source for source in sources)


def test_permission_answers_are_memoised_per_hit(app, database):
    """Each action is asked once; other identities and extra arguments are asked anew."""
    asked = []

    class Policy:
        def __init__(self, action, **kwargs):
            self.action, self.kwargs = action, kwargs

        def allows(self, identity):
            asked.append((self.action, identity))
            return self.action == "read_files"

    check = memoised_permission_check(Policy, {"identity": "anna", "record": None, "meta": None})
    assert [check("read_files"), check("manage"), check("read_files"), check("manage")] == [
        True,
        False,
        True,
        False,
    ]
    assert asked == [("read_files", "anna"), ("manage", "anna")]
    check("manage", identity="bo")
    check("read_files", extra=1)
    assert asked[2:] == [("manage", "bo"), ("read_files", "anna")]


def test_pages_reuse_the_threads_record_schema(app, database, search):
    """Each page used to build the record schema and its thirty nested schemas anew; a thread
    now serialises every page with one instance (answers as upstream's, tested above)."""
    from unittest import mock

    schema_cls = service.schema.schema
    assert list(service.search(system_identity, params={"size": 3}).hits)
    made = []
    original = schema_cls.__init__

    def counting(self, *args, **kwargs):
        made.append(type(self))
        original(self, *args, **kwargs)

    with mock.patch.object(schema_cls, "__init__", counting):
        for page in (1, 2, 3):
            assert list(service.search(system_identity, params={"size": 3, "page": page}).hits)
    assert made == []
