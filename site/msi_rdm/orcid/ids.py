"""ORCID iDs: accepted in any of their usual spellings, refused with a reason otherwise."""

import idutils
from invenio_i18n import gettext as _


class InvalidOrcidError(ValueError):
    """The value is not an ORCID iD (wrong format or check digit)."""


def normalize_orcid(value):
    """Return ``0000-0002-1825-0097`` for any spelling of a valid ORCID iD, or raise."""
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text or not idutils.is_orcid(text):
        raise InvalidOrcidError(
            _("'%(value)s' is not a valid ORCID iD (check the format and the last digit).",
              value=str(value)[:40])
        )  # fmt: skip
    return idutils.normalize_orcid(text)
