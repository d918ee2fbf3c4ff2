"""citeproc-py, the instance's CSL processor, with the CSL behaviours it misses restored.

The reference is citeproc-js (the processor of Zotero and Mendeley): given the same CSL style,
locale and CSL-JSON item, the text must be the same (``tests/exports/test_citeproc_js.py``).
Each fix is a subclass used only by our own style (``style.MSICitationStyle``), or a step on the
finished text (``output``), named after the behaviour it restores:

- ``Name``: ``initialize="false"`` keeps given names whole (Chicago, MLA); before a last name
  that is an organisation, "and" follows the institution's ``delimiter-precedes-last``.
- ``TermFormFallback``: a term form a locale lacks falls back within that locale (short → long).
- ``Text``: title case capitalises the parts of hyphenated words ("Co-Creation").
- ``Date``: a localized date joins its parts with its locale format's delimiter.
- ``Substitute``/``Names``/``Text``: variables rendered by a substitute are suppressed in the
  rest of the entry (a film's director, an untitled author's title).
- ``Label``: renders only for a non-empty variable (no spurious "Edition."); ``text-case``
  applies to terms in every locale ("(Director)" in APA).
- ``Layout``: ``second-field-align`` sets the citation number apart ("[1] K. Sjöberg").
- ``output.punctuation_in_quote``: the locale's ``punctuation-in-quote`` (en-US: ``“Title,”``).

Nothing of citeproc-py is replaced at run time: other users of citeproc-py see it unchanged.
"""

from .render import format_entry
from .style import MSICitationStyle

ENGINE_VERSION = "5"
"""Part of every cached citation's key: raise it whenever a fix changes the text, so no
citation cached by an earlier renderer is served."""

__all__ = ("ENGINE_VERSION", "MSICitationStyle", "format_entry")
