"""Refuse file names that are not plain names with 400, before upstream stores them.

Upstream takes any string as a file key: ``../../etc/passwd``, ``a/b.pdf`` and ``""`` are stored (on
disk under a UUID, so nothing escapes the files location), but keys with slashes or no name cannot
be addressed in URLs, a NUL byte fails in PostgreSQL with 500 and a key over
``FILES_REST_OBJECT_KEY_MAX_LEN`` is accepted here and refused only when its content arrives.
"""

import unicodedata

from flask import current_app
from invenio_i18n import gettext as _
from invenio_records_resources.services.files.components import FileServiceComponent
from marshmallow import ValidationError

FORBIDDEN_NAMES = {".", ".."}
PATH_SEPARATORS = ("/", "\\")


def file_key_error(key):
    """Why ``key`` is not a plain file name, or ``None`` when it is one."""
    max_length = current_app.config["FILES_REST_OBJECT_KEY_MAX_LEN"]
    if not key.strip() or key in FORBIDDEN_NAMES:
        return _("File name must not be empty, '.' or '..'.")
    if any(separator in key for separator in PATH_SEPARATORS):
        return _("File name must not contain '/' or '\\'.")
    if any(unicodedata.category(char) == "Cc" for char in key):
        return _("File name must not contain control characters.")
    if len(key) > max_length:
        return _("File name must not be longer than %(max)s characters.", max=max_length)
    return None


class FileKeyComponent(FileServiceComponent):
    """Accept only plain file names when files are initialised."""

    def init_files(self, identity, id_, record, data, **kwargs):
        """Refuse the whole request if any key is not a plain file name."""
        for entry in data:
            error = file_key_error(entry["key"])
            if error:
                raise ValidationError({"key": [error]})
