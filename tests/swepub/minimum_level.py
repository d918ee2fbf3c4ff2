"""KB's minimum level (rules 01–12) checked on Swepub MODS XML, as SwePub's filter reads it.

Written from the rules of SwePub's ``minimumlevelfilter.xsl`` (libris/swepub-redux), not from
MSI's code, so the test judges the XML, not the data it was built from.
"""

import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "standards" / "swepub"
NS = {"m": "http://www.loc.gov/mods/v3"}
PUNCTUATION = str.maketrans({c: " " for c in '?-:;.,()[]!#€/=+$@"'})

CONTENT_TYPE_FREE = {
    "intellectual-property", "intellectual-property/patent", "intellectual-property/other",
    "other", "other/data-set", "other/software", "artistic-work",
    "artistic-work/original-creative-work", "artistic-work/curated-exhibition-or-event",
    "artistic-work/artistic-thesis", "ArtisticPerformance/VisualArtworks",
}  # fmt: skip
UNPUBLISHED = {"Preprint", "Submitted", "Accepted", "In press", "Epub ahead of print/Online first"}
HOST_REQUIRED = {
    "publication/book-chapter", "publication/report-chapter", "publication/journal-article",
    "publication/editorial-letter", "publication/magazine-article",
    "publication/newspaper-article", "publication/journal-issue", "publication/book-review",
    "publication/review-article", "publication/foreword-afterword",
}  # fmt: skip
HOST_FORBIDDEN = {
    "publication/book", "publication/edited-book", "publication/report",
    "publication/doctoral-thesis", "publication/licentiate-thesis",
    "artistic-work/artistic-thesis", "conference/proceeding", "intellectual-property/patent",
    "other/software",
}  # fmt: skip
HOST_GENRES_ALLOWED = {"project", "initiative", "grantAgreement", "programme", "event", "dataset"}


def kb_output_types():
    """Every code of KB's output-type list (../shared), top levels and subtypes."""
    tree = json.loads((SHARED / "output_types.json").read_text())
    codes = set(tree)
    for top, spec in tree.items():
        codes |= {f"{top}/{sub}" for sub in spec["subcategories"]}
    return codes


def _texts(mods, path):
    """Texts at ``path`` that hold more than punctuation and blanks."""
    return [t for t in mods.xpath(path, namespaces=NS) if str(t).translate(PUNCTUATION).strip()]


def _any(mods, path):
    return bool(mods.xpath(path, namespaces=NS))


MARC = "m:role/m:roleTerm[@type='code'][@authority='marcrelator']"
CREATOR = f"{MARC}[.='aut' or .='edt' or .='cre']"
CORPORATE = f"{MARC}[.='pbl' or .='aut' or .='edt' or .='cre' or .='org']"
LANGUAGE = (
    "m:language/m:languageTerm[@type='code'][@authority='iso639-2b' or @authority='iso639-3']"
)


def failed_rules(mods, output_types):
    """The numbers of the rules ``mods`` (a ``mods:mods`` element) fails."""
    out = [
        str(g)
        for g in mods.xpath("m:genre[@authority='kb.se'][@type='outputType']/text()", namespaces=NS)
    ]
    status = set(mods.xpath("m:note[@type='publicationStatus']/text()", namespaces=NS))
    unpublished = bool(status & UNPUBLISHED) or "publication/preprint" in out
    hosts = _texts(mods, "m:relatedItem[@type='host']/m:titleInfo/m:title/text()")
    host_genres = set(mods.xpath("m:relatedItem[@type='host']/m:genre/text()", namespaces=NS))
    content = "m:genre[@authority='svep'][@type='contentType'][.='ref' or .='vet' or .='pop']"
    checks = {
        "01": _texts(mods, "m:recordInfo/m:recordContentSource/text()"),
        "02": _texts(mods, f"m:name[@type='personal'][{CREATOR}]/m:namePart/text()")
        or _texts(mods, f"m:name[@type='corporate'][@authority!=''][{CORPORATE}]/m:namePart/text()")
        or _texts(
            mods, f"m:name[@type='corporate'][{CORPORATE}]/m:affiliation[@authority!='']/text()"
        ),
        "03": _texts(mods, "m:titleInfo/m:title/text()"),
        "05": [code for code in out if code in output_types],
        "07": _any(mods, content) or any(code in CONTENT_TYPE_FREE for code in out),
        "08": _texts(mods, "m:originInfo/m:dateIssued/text()") or unpublished,
        "09": _any(mods, "m:identifier[@type='uri'][.!='']"),
        "10": _any(mods, f"{LANGUAGE}[.!='']"),
        "11": not any(code in HOST_REQUIRED for code in out) or hosts or status & UNPUBLISHED,
        "12": not any(code in HOST_FORBIDDEN for code in out)
        or not hosts
        or host_genres & HOST_GENRES_ALLOWED,
    }
    return sorted(rule for rule, passed in checks.items() if not passed)
