"""File sizes as the page's language writes them: ``0 byte``, ``3,4 kB`` in Swedish.

Jinja's own ``filesizeformat`` writes English words and a decimal point whatever the page's
language ("0 Bytes", "3.4 kB"), on the landing page's file list and statistics. The instance
registers this one under the same name (``app.add_template_filter``), so upstream's templates
render it unchanged.
"""

from flask_babel import format_decimal, ngettext

DECIMAL = ("kB", "MB", "GB", "TB", "PB")
BINARY = ("KiB", "MiB", "GiB", "TiB", "PiB")


def file_size(value, binary=False):
    """A number of bytes for people: whole bytes, else one decimal in the page's language."""
    size = float(value or 0)
    base = 1024 if binary else 1000
    if size < base:
        count = int(size)
        return ngettext("%(num)s byte", "%(num)s bytes", count)
    units = BINARY if binary else DECIMAL
    for unit in units:
        size /= base
        if size < base or unit == units[-1]:
            return f"{format_decimal(size, format='#,##0.0')} {unit}"
