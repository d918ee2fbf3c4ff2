"""Write the SSIF and SwePub output-type vocabularies of app_data/ from KB's lists.

Run once per edition: ``python scripts/gen_swepub_vocabularies.py ../shared/standards/swepub``.
The running site reads only the YAML files written here, never the lists themselves.
"""

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = ROOT / "app_data" / "vocabularies"

OUTPUT_TYPES_EN = {
    "intellectual-property": "Intellectual property",
    "intellectual-property/patent": "Patent",
    "intellectual-property/other": "Other intellectual property",
    "conference": "Conference output",
    "conference/paper": "Paper in proceedings",
    "conference/poster": "Poster",
    "conference/proceeding": "Proceedings (editorship)",
    "conference/other": "Other conference contribution",
    "artistic-work": "Artistic output",
    "artistic-work/artistic-thesis": "Documented artistic research project (doctoral thesis)",
    "artistic-work/original-creative-work": "Artistic work",
    "publication": "Publication",
    "publication/newspaper-article": "Newspaper article",
    "publication/journal-article": "Article in a scientific journal",
    "publication/magazine-article": "Article in another periodical",
    "publication/encyclopedia-entry": "Encyclopedia entry",
    "publication/book": "Book",
    "publication/doctoral-thesis": "Doctoral thesis",
    "publication/review-article": "Review article",
    "publication/foreword-afterword": "Foreword or afterword",
    "publication/editorial-letter": "Editorial text (letter, editorial, comment, note)",
    "publication/report-chapter": "Chapter in a report",
    "publication/book-chapter": "Chapter in an edited volume",
    "publication/licentiate-thesis": "Licentiate thesis",
    "publication/preprint": "Preprint",
    "publication/report": "Report",
    "publication/book-review": "Review",
    "publication/edited-book": "Edited volume (editorship)",
    "publication/journal-issue": "Special or themed issue of a journal (editorship)",
    "publication/critical-edition": "Scholarly or annotated edition",
    "publication/working-paper": "Working paper",
    "publication/other": "Other publication",
    "other": "Other output",
    "other/data-set": "Data set",
    "other/software": "Software",
}
"""English names, written for this repository (KB's list names the types in Swedish only)."""


def _dump(path, header, entries):
    text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + text)


def ssif_entries(graph):
    """The current SSIF classes (levels 1, 3 and 5 digits), deprecated codes left out."""
    entries = []
    for node in graph:
        if node.get("@type") != "Classification" or node.get("owl:deprecated"):
            continue
        if "inScheme" not in node:
            continue
        code = node["code"]
        labels = node["prefLabelByLang"]
        parent = node.get("broader", {}).get("@id", "").rsplit("/", 1)[-1]
        props = {"level": str({1: 1, 3: 2, 5: 3}[len(code)]), "uri": node["@id"]}
        if parent:
            props["parent"] = parent
        entries.append(
            {
                "id": code,
                "title": {"sv": labels["sv"], "en": labels.get("en", labels["sv"])},
                "props": props,
                "tags": [f"level-{props['level']}"],
            }
        )
    return sorted(entries, key=lambda entry: entry["id"])


def output_type_entries(tree):
    """KB's output types, each top-level type followed by its subtypes."""
    entries = []
    for top, spec in tree.items():
        for code, labels in [
            (top, spec),
            *((f"{top}/{s}", v) for s, v in spec["subcategories"].items()),
        ]:
            entries.append(
                {
                    "id": code.replace("/", "_"),
                    "title": {"sv": labels["swe"], "en": OUTPUT_TYPES_EN[code]},
                    "props": {"code": code, **({"parent": top} if "/" in code else {})},
                }
            )
    return entries


def main(source):
    """Write ssif.yaml and swepub_output_types.yaml from the lists in ``source``."""
    source = Path(source)
    graph = json.loads((source / "ssif.jsonld").read_text())["@graph"]
    _dump(
        VOCABULARIES / "ssif.yaml",
        "# Standard för svensk indelning av forskningsämnen (SSIF 2025), three levels.\n"
        "# Codes and labels: UKÄ's classification as KB's SwePub uses it (begrepp.uka.se/SSIF).\n"
        "# Written by scripts/gen_swepub_vocabularies.py; do not edit by hand.\n",
        ssif_entries(graph),
    )
    tree = json.loads((source / "output_types.json").read_text())
    _dump(
        VOCABULARIES / "swepub_output_types.yaml",
        "# KB's output types of 2019 for SwePub (ids: the code with '/' written as '_').\n"
        "# Swedish names from KB's list, English names written for this repository.\n"
        "# Written by scripts/gen_swepub_vocabularies.py; do not edit by hand.\n",
        output_type_entries(tree),
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared/standards/swepub")
