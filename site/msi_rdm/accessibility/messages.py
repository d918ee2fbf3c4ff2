"""Messages of upstream templates and code that MSI translates itself, because upstream's Swedish
catalog leaves them in English or says something else.

Listing them here puts them in MSI's catalog (``make translations``), whose translations win over
upstream's: the package registers its catalog as a translations bundle, which Invenio-I18N loads
after every module's own catalog.
"""

from invenio_i18n import lazy_gettext as _

UPSTREAM_MESSAGES = (
    _("Skip to main"),
    _("Communities"),
)
"""Upstream's message ids, exactly as upstream writes them."""
