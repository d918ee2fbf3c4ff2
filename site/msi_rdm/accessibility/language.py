"""The language of a record's content, for ``lang`` where it differs from the UI's."""

from invenio_i18n.ext import current_i18n

from ..vocabularies.props import props


def content_language(record_ui):
    """The BCP 47 tag of the record's first language (``swe`` → ``sv``), or None."""
    languages = (record_ui.get("metadata") or {}).get("languages") or []
    if not languages:
        return None
    code = languages[0].get("id")
    return props("languages", code).get("alpha_2") or code


def lang_attribute(record_ui):
    """``lang="sv"`` when the record's language is not the UI's, else nothing."""
    language = content_language(record_ui)
    if not language or language == str(current_i18n.language):
        return ""
    return f'lang="{language}"'
