"""citeproc-py's CSL elements with the behaviours of the CSL specification it misses.

Each class subclasses citeproc-py's element of the same name; ``FIXED`` maps the CSL tag to it.
"""

import re

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String, join

STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up via "
    "with yet".split()
)
"""Words title case leaves in lower case (CSL 1.0.2, the list citeproc-py uses)."""

HYPHENATED = re.compile(r"(?<=\w-)([a-z][\w']*)")


def _capitalise_part(match):
    word = match.group(1)
    return word if word in STOP_WORDS else word[0].upper() + word[1:]


SUPPRESSED = "msi:suppressed"
"""Key, in the layout's ``repressed`` dict, of the variables a substitute has rendered."""

RECORDING = "msi:recording"
"""Key of the stack of variable sets being recorded while a substitute renders."""

TERM_FORMS = {
    "symbol": ("symbol", "short", None),
    "short": ("short", None),
    "verb-short": ("verb-short", "verb", None),
    "verb": ("verb", None),
}
"""CSL term form fallback: the forms tried, in order, for a requested form (None is long)."""


def _layout_state(element, context):
    """The ``repressed`` dict of the layout being rendered (reset by it for every entry)."""
    layout = (context if context is not None else element).get_layout()
    if not hasattr(layout, "repressed"):
        layout.repressed = {}
    return layout.repressed


def _suppressed(element, context):
    return _layout_state(element, context).get(SUPPRESSED, set())


def _record(element, context, variables):
    """Note ``variables`` as rendered in every substitute now rendering."""
    for recording in _layout_state(element, context).get(RECORDING, []):
        recording.update(variables)


class TermFormFallback:
    """CSL term fallback: a form a locale lacks falls back to its other forms (short → long)
    in the same locale before the next locale is asked. citeproc-py asked every locale for the
    short form first, so sv-SE's "version" became en-US's "v."."""

    def get_term(self, name, form=None, fallback_locale=True, zero_padded=False):
        """The term in the first locale that has it in the form or a fallback form."""
        root = self.get_root()
        locales = getattr(root, "locales", None)
        if not fallback_locale or not locales or form not in TERM_FORMS:
            return super().get_term(name, form, fallback_locale, zero_padded)
        for locale in locales:
            for candidate in TERM_FORMS[form]:
                try:
                    return locale.get_term(name, candidate, zero_padded=zero_padded)
                except IndexError:
                    continue
        return None


def _is_literal(name):
    return "literal" in name


class Name(TermFormFallback, model.Name):
    """Name options citeproc-py misses.

    - CSL 1.0.1 ``initialize="false"``: with ``initialize-with`` set, given names stay whole
      (citeproc-py ignored it: Chicago's and MLA's "Karin Sjöberg" came out as "K. Sjöberg").
    - CSL institutions: when the last name is an organisation (a literal name), the "and"
      before it follows the institution's ``delimiter-precedes-last`` (inherited from the
      style, else contextual), not the person name's ("Sjöberg, K. & Mötesplats Social
      Innovation" in APA, as citeproc-js has it).
    """

    def get_option(self, name, context=None, sort_options=None):
        """``initialize-with`` off for ``initialize="false"``; the institution's rule when
        the last name is an organisation."""
        if name == "initialize-with" and self.get("initialize", "true").lower() == "false":
            return None
        if name == "delimiter-precedes-last" and getattr(self, "institution_last", False):
            return self.institution_delimiter_precedes_last(context)
        return super().get_option(name, context, sort_options)

    def institution_delimiter_precedes_last(self, context):
        """The option as the implicit ``institution`` element inherits it."""
        element = context if context is not None else self
        expression = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
        for holder in (*element.xpath_search(expression), self.get_root()):
            if holder.get("delimiter-precedes-last"):
                return holder.get("delimiter-precedes-last")
        return "contextual"

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        """Render as citeproc-py does, knowing whether the last name is an organisation."""
        names = item.reference.get(variable, [])
        self.institution_last = bool(names) and _is_literal(names[-1])
        try:
            return super().process(item, variable, context, sort_options, **kwargs)
        finally:
            self.institution_last = False


class Substitute(model.Substitute):
    """CSL "substitute": the variables a substitute rendered are suppressed in the rest of
    the entry, whether they came from a ``names`` element or a macro (a film cited by its
    director or title does not name them again)."""

    def render(self, item, context=None, **kwargs):
        """Render as citeproc-py does, recording which variables the substitute rendered."""
        state = _layout_state(self, context)
        recording = set()
        state.setdefault(RECORDING, []).append(recording)
        try:
            text = super().render(item, context=context, **kwargs)
        finally:
            state[RECORDING].remove(recording)
        if text:
            state.setdefault(SUPPRESSED, set()).update(recording)
        return text


class Names(model.Names):
    """A ``names`` element renders nothing for variables a substitute already rendered."""

    def process(self, item, names_context=None, context=None, **kwargs):
        """Suppressed variables count as empty; rendered ones are recorded."""
        roles = self.get("variable").split()
        suppressed = _suppressed(self, context)
        if roles and all(role in suppressed for role in roles):
            raise VariableError
        text = super().process(item, names_context=names_context, context=context, **kwargs)
        if text:
            _record(self, context, [role for role in roles if role in item.reference])
        return text


class Text(TermFormFallback, model.Text):
    """A ``text`` variable renders nothing when a substitute already rendered it; title case
    capitalises each part of a hyphenated word ("Co-Creation", as citeproc-js does)."""

    def case(self, text, language=None):
        """citeproc-py's text case, with the parts after hyphens title-cased too."""
        result = super().case(text, language)
        if self.get("text-case") != "title" or language != "en" or not result:
            return result
        return String(HYPHENATED.sub(_capitalise_part, str(result)))

    def _variable(self, item, context):
        """Suppressed variables count as empty; rendered ones are recorded."""
        variable = self.get("variable")
        if variable in _suppressed(self, context):
            return None
        text = super()._variable(item, context)
        if text:
            _record(self, context, [variable])
        return text


class Label(TermFormFallback, model.Label):
    """CSL labels: rendered only for a non-empty variable, cased in any locale.

    - A label renders nothing when its variable is empty (citeproc-py printed the term anyway:
      Chicago's spurious "Edition." / "Upplaga." after every article).
    - ``text-case`` applies to the term in any locale (APA's "(Director)"): citeproc-py applies
      title case only when told the text is English, which it never is for a label; a term is
      the locale's own word, not item data.
    """

    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        """Nothing for an empty variable; else the term as citeproc-py finds it."""
        name = variable or self.get("variable")
        if name == "locator":
            if not item.has_locator:
                return None
        elif name and name.replace("-", "_") not in item.reference:
            return None
        return super().process(item, variable, plural, context, **kwargs)

    def markup(self, text):
        """Case the term as the style asks."""
        if text:
            return self.wrap(self.format(self.case(self.strip_periods(text), "en")))
        return None


class Date(model.Date):
    """CSL localized dates: the parts are joined with the delimiter of the locale's date
    format (the style's ``<locale>`` may set one: Vancouver's "2025 Mar 14"), not with that of
    the ``date`` element calling it, which may set only affixes and formatting."""

    def render_single_date(self, date, show_parts=None, context=None):
        """Join the parts of a localized date with its own delimiter."""
        if context is None or context is self or not self.is_locale_date():
            return super().render_single_date(date, show_parts, context)
        parts = self.parts(date, show_parts, context)
        return self.join(parts) if parts else None


class Layout(model.Layout):
    """CSL ``second-field-align``: the first field of an entry (the citation number) is set
    apart from the rest, as citeproc-js does in text ("[1] K. Sjöberg", "1. Sjöberg K")."""

    def render_bibliography(self, citation_items):
        """Render each entry, its first field apart when the bibliography aligns it."""
        if not self.getparent().get("second-field-align"):
            return super().render_bibliography(citation_items)
        output = []
        for item in citation_items:
            self.repressed = {}
            children = list(self.iterchildren())
            first = self._render_one(children[0], item) if children else None
            rest = [self._render_one(child, item) for child in children[1:]]
            body = [text for text in rest if text is not None]
            parts = [part for part in (first, join(body, "") if body else None) if part]
            if parts:
                output.append(self.format(self.wrap(join(parts, " "))))
        return output

    def _render_one(self, child, item):
        try:
            return child.render(item)
        except VariableError:
            return None


FIXED = {
    "name": Name,
    "names": Names,
    "substitute": Substitute,
    "text": Text,
    "label": Label,
    "date": Date,
    "layout": Layout,
}
"""CSL tag → our element class."""
