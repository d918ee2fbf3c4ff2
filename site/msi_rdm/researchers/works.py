"""A researcher's works in the repository, and the co-authors they share with the network."""

from flask_principal import Identity
from invenio_access.permissions import any_user
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_search.engine import dsl

from .api import PUBLIC_STATUSES, Researcher

PERSON_ID_FIELDS = (
    "metadata.creators.person_or_org.identifiers.identifier",
    "metadata.contributors.person_or_org.identifiers.identifier",
)
COAUTHOR_LIMIT = 50


def works_filter(record):
    """Records naming the profile's verified ORCID iD as creator or contributor, or claimed."""
    should = []
    orcid = record.get("orcid") or {}
    if orcid.get("verified"):
        should += [dsl.Q("term", **{field: orcid["id"]}) for field in PERSON_ID_FIELDS]
    if record.get("claimed_works"):
        should.append(dsl.Q("terms", id=record["claimed_works"]))
    if not should:
        return dsl.Q("match_none")
    return dsl.Q("bool", should=should, minimum_should_match=1)


def researcher_works(identity, record, params):
    """Search the works as ``identity`` may see them (restricted ones only for those allowed)."""
    params = {"sort": "newest", **params}
    return current_rdm_records_service.search(
        identity, params=params, extra_filter=works_filter(record)
    )


def public_identity():
    """An anonymous caller: what anyone may see."""
    identity = Identity(None)
    identity.provides.add(any_user)
    return identity


def network_coauthors(identity, record):
    """Public profiles whose verified iD is on the researcher's public works, most shared first."""
    orcid = (
        (record.get("orcid") or {}).get("id")
        if (record.get("orcid") or {}).get("verified")
        else None
    )
    search = current_rdm_records_service.create_search(
        public_identity(),
        current_rdm_records_service.record_cls,
        current_rdm_records_service.config.search,
        extra_filter=works_filter(record),
    )
    search = search.extra(size=0, track_total_hits=False)
    search.aggs.bucket("people", "terms", field=PERSON_ID_FIELDS[0], size=COAUTHOR_LIMIT + 1)
    shared = {
        b["key"]: b["doc_count"]
        for b in search.execute().aggregations.people.buckets
        if b["key"] != orcid
    }
    if not shared:
        return []
    profiles = (
        dsl.Search(using=current_rdm_records_service.indexer.client, index=_researchers_index())
        .filter("terms", **{"orcid.id": sorted(shared)})
        .filter("term", **{"orcid.verified": True})
        .filter("terms", status=list(PUBLIC_STATUSES))
        .source(["id", "name", "node", "orcid", "affiliations"])
        .extra(size=COAUTHOR_LIMIT)
        .execute()
    )
    people = [dict(hit.to_dict(), shared_works=shared[hit.orcid.id]) for hit in profiles]
    return sorted(people, key=lambda p: (-p["shared_works"], p["name"]))


def _researchers_index():
    from invenio_search.utils import prefix_index

    return prefix_index(Researcher.index.search_alias)
