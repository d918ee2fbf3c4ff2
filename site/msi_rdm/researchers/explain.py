"""Why a researcher ranks for a challenge: the themes, terms and works the challenge matched."""

import html
import re

from invenio_records_resources.services.records.results import RecordList

from .expert import work_matches

MAX_TERMS = 8
MAX_WORKS_SHOWN = 3
MARKED = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def _whole_values(fragments):
    """The highlighted values, without their marks."""
    return {html.unescape(MARKED.sub(r"\1", fragment)) for fragment in fragments}


def _marked_words(fragments):
    """The words the highlighter marked, in lower case, in order, once each."""
    words = [
        html.unescape(word).lower() for fragment in fragments for word in MARKED.findall(fragment)
    ]
    return list(dict.fromkeys(words))


def matched_themes(found, projection):
    """The profile's themes and goals whose title (Swedish or English) the challenge matched."""
    themes = []
    for key in ("themes", "sdgs"):
        titles = _whole_values(found.get(f"{key}.title.sv", []) + found.get(f"{key}.title.en", []))
        for item in projection.get(key, []):
            title = item.get("title") or {}
            if titles & set(title.values()):
                themes.append({"id": item["id"], "title": title})
    return themes


def matched_terms(found, projection):
    """The expertise entries the challenge matched, then the matched words of the bio."""
    entries = _whole_values(found.get("expertise", []))
    terms = [entry for entry in projection.get("expertise", []) if entry in entries]
    covered = " ".join(terms).lower()
    for word in _marked_words(found.get("bio.sv", []) + found.get("bio.en", [])):
        if word not in covered:
            terms.append(word)
    return terms[:MAX_TERMS]


def matched_works(projection, text):
    """The public works by the profile's verified iD that added to its rank, best first."""
    orcid = projection.get("orcid") or {}
    if not orcid.get("verified"):
        return []
    works = work_matches(text).get(orcid.get("id"), [])[:MAX_WORKS_SHOWN]
    return [{"id": work.id, "title": work.title} for work in works]


def explain(meta, projection, text):
    """Return ``{"themes", "terms", "works"}`` behind one hit's rank for ``text``."""
    marks = getattr(meta, "highlight", None)
    found = marks.to_dict() if marks else {}
    return {
        "themes": matched_themes(found, projection),
        "terms": matched_terms(found, projection),
        "works": matched_works(projection, text),
    }


class ResearcherList(RecordList):
    """Directory results; for a challenge each hit carries ``match``, what its rank rests on."""

    @property
    def hits(self):
        """Yield upstream's projections, each with its ``match`` when a challenge was given."""
        text = ((self._params or {}).get("challenge") or "").strip()
        for hit, projection in zip(self._results, super().hits, strict=True):
            if text:
                projection["match"] = explain(hit.meta, projection, text)
            yield projection
