"""Find an expert: rank researchers by how well a challenge matches their profile and works.

The ranking adds two signals: the profile's own text (expertise, themes, bio, name) scored by the
researchers index, and the relevance of the researcher's public works to the same text (title,
description and the full text of their files) summed per verified ORCID iD by the records index.
"""

from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_records_resources.services.records.params import SortParam
from invenio_records_resources.services.records.params.base import ParamInterpreter
from invenio_search.engine import dsl
from marshmallow import ValidationError

from .works import public_identity

PROFILE_FIELDS = [
    "expertise^4",
    "themes.title.sv^2",
    "themes.title.en^2",
    "sdgs.title.sv",
    "sdgs.title.en",
    "bio.sv",
    "bio.en",
    "name",
]
WORK_FIELDS = [
    # The analysed copies of the search section: Swedish stemming and stop words ("hur", "vi", "i"
    # match nothing), English, and the text of the public files.
    "msi_search.title^3",
    "msi_search.title_en^2",
    "msi_search.description^2",
    "msi_search.description_en",
    "msi_search.fulltext",
    "msi_search.fulltext_en^0.5",
]
MAX_CHALLENGE = 2000
MAX_PEOPLE = 200
MAX_WORKS = 300
OTHER_WORKS_WEIGHT = 0.3
# Works count at most half as much as a profile that describes the challenge.
WORKS_WEIGHT = 0.5


def work_scores(text):
    """Sum of the relevance of each verified iD's public works to ``text``, normalised to 0..10.

    The best-matching works are fetched with only their creators' identifiers and combined here:
    the search engine has no scripting module to sum scores in an aggregation.
    """
    search = current_rdm_records_service.create_search(
        public_identity(),
        current_rdm_records_service.record_cls,
        current_rdm_records_service.config.search,
    )
    search = (
        search.filter("term", **{"versions.is_latest": True})
        .query(dsl.Q("multi_match", query=text, fields=WORK_FIELDS, operator="or"))
        .source(["metadata.creators.person_or_org.identifiers"])
        .extra(size=MAX_WORKS, track_total_hits=False)
    )
    scores = {}
    for hit in search.execute():
        for creator in hit.to_dict().get("metadata", {}).get("creators", []):
            for identifier in creator.get("person_or_org", {}).get("identifiers", []):
                if identifier.get("scheme") == "orcid":
                    scores.setdefault(identifier["identifier"], []).append(hit.meta.score)
    if not scores:
        return {}
    # The best-matching work counts fully, the others less: many loosely matching works must not
    # outweigh one that is about the challenge.
    totals = {
        orcid: max(found) + OTHER_WORKS_WEIGHT * (sum(found) - max(found))
        for orcid, found in scores.items()
    }
    top = max(totals.values()) or 1.0
    best = sorted(totals.items(), key=lambda item: -item[1])[:MAX_PEOPLE]
    return {orcid: 10.0 * score / top for orcid, score in best}


class ChallengeSortParam(SortParam):
    """A challenge ranks by relevance, as a query does (query-less searches sort by name)."""

    def _default_sort(self, params, options):
        if params.get("challenge"):
            return self.config.sort_default
        return super()._default_sort(params, options)

    def _handle_empty_query(self, params, options):
        if params.get("challenge"):
            return params["sort"]
        return super()._handle_empty_query(params, options)


class ChallengeParam(ParamInterpreter):
    """``challenge=<free text>``: rank the directory by fit to the described challenge."""

    def apply(self, identity, search, params):
        text = (params.get("challenge") or "").strip()
        if not text:
            return search
        if len(text) > MAX_CHALLENGE:
            raise ValidationError({"challenge": [f"At most {MAX_CHALLENGE} characters."]})
        should = [dsl.Q("multi_match", query=text, fields=PROFILE_FIELDS, operator="or")]
        for orcid, score in work_scores(text).items():
            should.append(
                dsl.Q(
                    "constant_score",
                    filter=dsl.Q(
                        "bool",
                        filter=[
                            dsl.Q("term", **{"orcid.id": orcid}),
                            dsl.Q("term", **{"orcid.verified": True}),
                        ],
                    ),
                    boost=WORKS_WEIGHT * score,
                )
            )
        return search.query(dsl.Q("bool", should=should, minimum_should_match=1))
