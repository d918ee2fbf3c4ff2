"""Each CSL behaviour ``msi_rdm.exports.csl_engine`` restores in citeproc-py, on a tiny style.

Every test renders the same item with citeproc-py as it is and with our style: the fixed text is
what the CSL specification (and citeproc-js) give, and citeproc-py alone gives something else.
"""

import io

import pytest
from citeproc import CitationStylesStyle

from msi_rdm.exports.csl_engine import MSICitationStyle, format_entry
from msi_rdm.exports.csl_engine.output import punctuation_in_quote
from msi_rdm.exports.formatted import format_citation

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {style}>
  <info><title>Test</title><id>test</id><updated>2025-01-01T00:00:00+00:00</updated></info>
  {locale}
  <macro name="title"><text variable="title"/></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography {bibliography}><layout>{layout}</layout></bibliography>
</style>"""

ITEM = {
    "id": "item",
    "type": "motion_picture",
    "title": "Trygga torg",
    "author": [{"family": "Sjöberg", "given": "Karin"}],
    "director": [{"family": "Regisson", "given": "Maja"}],
    "issued": {"date-parts": [[2025, 3, 14]]},
}


def render(layout, item=ITEM, locale="en-US", style="", bibliography="", in_style_locale=""):
    """``(ours, citeproc-py's)`` entries of ``item`` in a style with ``layout``."""
    xml = STYLE.format(
        style=style, bibliography=bibliography, layout=layout, locale=in_style_locale
    ).encode()
    ours = format_entry(item, MSICitationStyle(io.BytesIO(xml), locale=locale, validate=False))
    theirs = format_entry(item, CitationStylesStyle(io.BytesIO(xml), locale=locale, validate=False))
    return ours, theirs


def test_initialize_false_keeps_given_names():
    """``initialize="false"`` keeps "Karin" although the style says ``initialize-with``."""
    layout = '<names variable="author"><name initialize="false"/></names>'
    ours, theirs = render(layout, style='initialize-with=". "')
    assert ours == "Karin Sjöberg"
    assert theirs == "K. Sjöberg"
    initialized, _ = render(
        '<names variable="author"><name/></names>', style='initialize-with=". "'
    )
    assert initialized == "K. Sjöberg"


def test_substituted_names_are_suppressed():
    """A director who stands in for the author is not named again later in the entry."""
    layout = (
        '<names variable="author" suffix=". "><substitute><names variable="director"/>'
        '</substitute></names><text variable="title" suffix=". "/>'
        '<names variable="director" prefix="Directed by "/>'
    )
    film = {key: value for key, value in ITEM.items() if key != "author"}
    ours, theirs = render(layout, item=film)
    assert ours == "Maja Regisson. Trygga torg."
    assert theirs == "Maja Regisson. Trygga torg. Directed by Maja Regisson"


def test_substituted_macro_variables_are_suppressed():
    """A title that stands in for the author (through a macro) is not repeated."""
    layout = (
        '<names variable="author" suffix=". "><substitute><text macro="title"/></substitute>'
        '</names><text variable="title" suffix=". "/><date variable="issued">'
        '<date-part name="year"/></date>'
    )
    untitled = {key: ITEM[key] for key in ("id", "type", "title", "issued")}
    ours, theirs = render(layout, item=untitled)
    assert ours == "Trygga torg. 2025"
    assert theirs == "Trygga torg. Trygga torg. 2025"


def test_names_not_substituted_are_rendered():
    """Suppression touches only what a substitute rendered: an author is not suppressed."""
    layout = (
        '<names variable="author" suffix=". "><substitute><names variable="director"/>'
        '</substitute></names><names variable="director" prefix="Directed by "/>'
    )
    ours, _ = render(layout)
    assert ours == "Karin Sjöberg. Directed by Maja Regisson"


def test_label_text_case_title():
    """``text-case="title"`` on a label capitalises the term: "(Director)"."""
    layout = (
        '<names variable="director"><name/>'
        '<label form="long" prefix=" (" suffix=")" text-case="title"/></names>'
    )
    ours, theirs = render(layout)
    assert ours == "Maja Regisson (Director)"
    assert theirs == "Maja Regisson (director)"


def test_second_field_align_sets_the_number_apart():
    """``second-field-align`` separates the citation number from the entry by a space."""
    layout = '<text variable="citation-number" prefix="[" suffix="]"/><text variable="title"/>'
    ours, theirs = render(layout, bibliography='second-field-align="flush"')
    assert ours == "[1] Trygga torg"
    assert theirs == "[1]Trygga torg"


def test_localized_date_takes_the_locales_delimiter():
    """A localized date joins its parts with the delimiter its locale format sets."""
    in_style_locale = (
        '<locale xml:lang="en"><date delimiter=" " form="text"><date-part name="year"/>'
        '<date-part form="short" name="month" strip-periods="true"/><date-part name="day"/>'
        "</date></locale>"
    )
    layout = '<date form="text" variable="issued"/>'
    ours, theirs = render(layout, in_style_locale=in_style_locale)
    assert ours == "2025 Mar 14"
    assert theirs == "2025Mar14"


@pytest.mark.parametrize(
    ("locale", "expected"), [("en-US", "“Trygga torg,” 2025"), ("sv-SE", "”Trygga torg”, 2025")]
)
def test_punctuation_in_quote_follows_the_locale(locale, expected):
    """en-US moves a comma inside the closing quote; sv-SE does not."""
    layout = (
        '<group delimiter=", "><text variable="title" quotes="true"/>'
        '<date variable="issued"><date-part name="year"/></date></group>'
    )
    ours, _ = render(layout, locale=locale)
    assert ours == expected


def test_punctuation_in_quote_step():
    """The step moves commas and periods only, and only when the locale asks."""
    assert punctuation_in_quote("“A”, “B”. C”;", "”", True) == "“A,” “B.” C”;"
    assert punctuation_in_quote("“A”, b", "”", False) == "“A”, b"


def test_formatted_citation_is_plain_text():
    """The text of ``text/x-bibliography`` keeps ``&`` and ``<`` as they are (plain text)."""
    item = {
        "id": "amp",
        "type": "report",
        "title": "Skola & <samhälle>",
        "author": [{"family": "Sjöberg", "given": "Karin"}, {"family": "Nod", "given": "Erik"}],
        "issued": {"date-parts": [[2025]]},
    }
    text = format_citation(item, "apa", "en-US")
    assert "Sjöberg, K., & Nod, E." in text and "Skola & <samhälle>" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_institution_last_takes_the_institution_rule():
    """Before a last name that is an organisation, "and" follows the institution's
    ``delimiter-precedes-last`` (contextual), not the name element's ("always")."""
    layout = (
        '<names variable="author"><name and="symbol" delimiter-precedes-last="always" '
        'name-as-sort-order="all" initialize-with=". "/></names>'
    )
    mixed = {**ITEM, "author": [ITEM["author"][0], {"literal": "Mötesplats Social Innovation"}]}
    ours, theirs = render(layout, item=mixed)
    assert ours == "Sjöberg, K. & Mötesplats Social Innovation"
    assert theirs == "Sjöberg, K., & Mötesplats Social Innovation"
    people = {**ITEM, "author": [ITEM["author"][0], {"family": "Nod", "given": "Erik"}]}
    assert render(layout, item=people)[0] == "Sjöberg, K., & Nod, E."


def test_term_form_falls_back_within_the_locale():
    """A short term the locale lacks falls back to its long form there, not to en-US's short
    form: sv-SE has "version" only in the long form."""
    layout = '<label form="short" variable="version" text-case="capitalize-first"/>'
    item = {**ITEM, "version": "1.2"}
    ours, theirs = render(layout, item=item, locale="sv-SE")
    assert ours == "Version"
    assert theirs == "V."
    assert render(layout, item=item, locale="en-US")[0] == "V."


def test_title_case_capitalises_hyphenated_parts():
    """Title case of an English title capitalises each part of a hyphenated word, stop words
    apart; a title in another language is left as it is."""
    layout = '<text variable="title" text-case="title"/>'
    english = {**ITEM, "language": "en", "title": "the art of co-creation and out-of-date ideas"}
    ours, theirs = render(layout, item=english)
    assert ours == "The Art of Co-Creation and Out-of-Date Ideas"
    assert theirs == "The Art of Co-creation and Out-of-date Ideas"
    swedish = {**english, "language": "sv"}
    assert render(layout, item=swedish)[0] == swedish["title"]


def test_label_of_an_empty_variable_renders_nothing():
    """A label renders only with its variable: no "Edition." for an item without edition
    (citeproc-py's group suppression misses it when the label sits in a ``choose``)."""
    layout = (
        '<group delimiter=" "><text variable="title"/><group delimiter=" "><choose><if '
        'type="motion_picture"><text variable="edition"/>'
        '<label variable="edition" text-case="capitalize-first"/></if></choose></group></group>'
    )
    ours, theirs = render(layout)
    assert ours == "Trygga torg"
    assert theirs == "Trygga torg Edition"
    assert (
        render(layout, item={**ITEM, "edition": "Reviderad"})[0] == "Trygga torg Reviderad Edition"
    )
