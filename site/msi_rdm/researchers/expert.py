"""Find an expert: rank researchers by how well a challenge matches their profile and works.

The ranking adds two signals: the profile's own text (expertise, themes, bio, name) scored by the
researchers index, and the relevance of the researcher's public works to the same text (title,
description and the full text of their files) summed per verified ORCID iD by the records index.
Each ranked profile says why (``match``): the themes and terms of the profile the challenge
matched, and the works that added to its rank.
"""

from dataclasses import dataclass

from flask import g
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_records_resources.services.records.params import SortParam
from invenio_records_resources.services.records.params.base import ParamInterpreter
from invenio_search import current_search_client
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
HIGHLIGHT_FIELDS = (
    "expertise",
    "themes.title.sv",
    "themes.title.en",
    "sdgs.title.sv",
    "sdgs.title.en",
    "bio.sv",
    "bio.en",
)
"""Profile fields whose matches each hit shows (``explain.py``); highlighted whole, being short."""
MAX_CHALLENGE = 2000
MAX_PEOPLE = 200
MAX_WORKS = 300
OTHER_WORKS_WEIGHT = 0.3
# Works count at most half as much as the profile that describes the challenge best: the best
# work's boost is half that profile's score (relevance scores have no fixed scale).
WORKS_WEIGHT = 0.5
# With no profile matching, the best work's boost is what a profile scoring this would get.
WORKS_SCALE_WITHOUT_PROFILES = 10.0


# Swedish function words ("och", "hur", "vi") left in a challenge would match every Swedish text
# in the English-analysed fields, which keep them; the engine's own list removes them first.
CONTENT_ANALYSIS = {
    "tokenizer": "standard",
    "filter": ["lowercase", {"type": "stop", "stopwords": "_swedish_"}],
}


def content_words(text):
    """``text`` without Swedish stop words, as the engine analyses it ("" if only those)."""
    cache = g.setdefault("msi_expert_content_words", {})
    if text not in cache:
        tokens = current_search_client.indices.analyze(body={**CONTENT_ANALYSIS, "text": text})
        words = " ".join(token["token"] for token in tokens.get("tokens", []))
        cache[text] = words
    return cache[text]


@dataclass(frozen=True)
class WorkMatch:
    """A public work that matches a challenge, with its relevance."""

    id: str
    title: str
    score: float


def _search_work_matches(text):
    """Return ``{orcid: [WorkMatch, ...]}``, best first, of the works most relevant to ``text``."""
    if not content_words(text):
        return {}
    search = current_rdm_records_service.create_search(
        public_identity(),
        current_rdm_records_service.record_cls,
        current_rdm_records_service.config.search,
    )
    search = (
        search.filter("term", **{"versions.is_latest": True})
        .query(dsl.Q("multi_match", query=content_words(text), fields=WORK_FIELDS, operator="or"))
        .source(["id", "metadata.title", "metadata.creators.person_or_org.identifiers"])
        .extra(size=MAX_WORKS, track_total_hits=False)
    )
    matches = {}
    for hit in search.execute():
        source = hit.to_dict()
        metadata = source.get("metadata", {})
        work = WorkMatch(source.get("id", hit.meta.id), metadata.get("title", ""), hit.meta.score)
        for creator in metadata.get("creators", []):
            for identifier in creator.get("person_or_org", {}).get("identifiers", []):
                if identifier.get("scheme") == "orcid":
                    found = matches.setdefault(identifier["identifier"], [])
                    if work not in found:
                        found.append(work)
    return matches


def work_matches(text):
    """The works behind ``text``'s ranking, searched once per request (ranking and explanation)."""
    cache = g.setdefault("msi_expert_work_matches", {})
    if text not in cache:
        cache[text] = _search_work_matches(text)
    return cache[text]


def work_scores(text):
    """Sum of the relevance of each verified iD's public works to ``text``, normalised to 0..10.

    The best-matching works are fetched with only their creators' identifiers and combined here:
    the search engine has no scripting module to sum scores in an aggregation.
    """
    scores = {orcid: [work.score for work in works] for orcid, works in work_matches(text).items()}
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


def best_profile_score(search, query):
    """The score of the profile that ``query`` matches best among those ``search`` may find."""
    found = search.query(query).extra(size=1, track_total_hits=False).source(False).execute()
    return found.hits[0].meta.score if len(found.hits) else 0.0


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
        words = content_words(text)
        if not words:  # only function words: nothing to rank anyone by
            return search.filter(dsl.Q("match_none"))
        by_profile = dsl.Q("multi_match", query=words, fields=PROFILE_FIELDS, operator="or")
        should = [by_profile]
        scale = best_profile_score(search, by_profile) or WORKS_SCALE_WITHOUT_PROFILES
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
                    boost=WORKS_WEIGHT * scale * score / 10.0,
                )
            )
        search = search.query(dsl.Q("bool", should=should, minimum_should_match=1))
        search = search.highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], number_of_fragments=0
        )
        return search.highlight(*HIGHLIGHT_FIELDS)
