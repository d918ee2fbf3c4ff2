"""Vocabulary custom fields whose form options are read once every few minutes, not per page.

Upstream's landing page and deposit form call ``options()`` of every vocabulary custom field on
each request: a vocabulary search and a schema dump per entry, for six MSI fields about 40 ms of
every landing page. The options are the same for every caller (the vocabulary search filter does
not depend on who asks) and change only when a vocabulary is edited, so each process keeps them
per vocabulary, sort order, fields and locale for ``MSI_VOCABULARIES_TTL`` seconds.
"""

from invenio_i18n import get_locale
from invenio_vocabularies.services.custom_fields import VocabularyCF

from ..vocabularies.cache import options_table


class CachedOptionsVocabularyCF(VocabularyCF):
    """A ``VocabularyCF`` whose ``options()`` come from a short-lived per-process table."""

    def options(self, identity):
        """Upstream's options of this field, read again once they are older than the TTL."""
        if not self.dump_options:
            return None
        key = (self.vocabulary_id, self.sort_by, tuple(self.field_keys), str(get_locale()))
        upstream = super().options
        return list(options_table.get(key, lambda: upstream(identity)))
