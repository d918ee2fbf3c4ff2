"""Steps on the finished text of an entry that citeproc-py leaves out."""

PUNCTUATION_IN_QUOTE = (",", ".")
"""What ``punctuation-in-quote`` moves inside a closing quote: commas and periods (CSL 1.0.2)."""


def punctuation_in_quote(text, close_quote, enabled):
    """CSL locale option ``punctuation-in-quote``: a comma or period right after a closing
    quote goes inside it (en-US: ``“Title,”``; sv-SE leaves it out: ``”Title”,``).

    citeproc-py reads the option and does nothing with it.
    """
    if not enabled or not close_quote:
        return text
    for mark in PUNCTUATION_IN_QUOTE:
        text = text.replace(close_quote + mark, mark + close_quote)
    return text.replace(f".{close_quote}.", f".{close_quote}").replace(
        f",{close_quote},", f",{close_quote}"
    )
