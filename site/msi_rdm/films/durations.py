"""A film's length: stored as ISO 8601 (``PT4M12S``), typed as a clock (``4:12``, ``1:02:03``),
read as words (``4 min 12 s``)."""

import re

from invenio_i18n import gettext, lazy_gettext
from marshmallow import ValidationError
from marshmallow_utils.fields import SanitizedUnicode

ISO_DURATION = re.compile(r"^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$")
"""A time duration in ISO 8601, e.g. ``PT4M12S`` or ``PT1H2M``."""

CLOCK = re.compile(r"^(?:(\d+):([0-5]\d)|(\d+):([0-5]\d):([0-5]\d))$")
"""``m:ss`` (any number of minutes) or ``h:mm:ss``."""

DURATION_ERROR = lazy_gettext(
    "Give the duration as minutes and seconds (4:12) or hours, minutes and seconds (1:02:03)."
)


def iso_duration(value: float) -> str:
    """Format seconds as an ISO 8601 duration, whole seconds: 252.3 → ``PT4M12S``."""
    hours, minutes, secs = _parts(max(round(value), 1))
    parts = [
        f"{hours}H" if hours else "",
        f"{minutes}M" if minutes else "",
        f"{secs}S" if secs else "",
    ]
    return "PT" + "".join(parts)


def _parts(total):
    hours, rest = divmod(int(total), 3600)
    minutes, secs = divmod(rest, 60)
    return hours, minutes, secs


def seconds(text):
    """Seconds of an ISO 8601 duration or a clock time; None when it is neither."""
    text = (text or "").strip()
    iso = ISO_DURATION.match(text.upper())
    if iso:
        hours, minutes, secs = iso.groups()
        return int(hours or 0) * 3600 + int(minutes or 0) * 60 + round(float(secs or 0))
    clock = CLOCK.match(text)
    if clock:
        minutes, secs, *long = clock.groups()
        if minutes is None:
            hours, minutes, secs = long
            return int(hours) * 3600 + int(minutes) * 60 + int(secs)
        return int(minutes) * 60 + int(secs)
    return None


def clock(value):
    """An ISO 8601 duration as the clock time the form shows: ``PT4M12S`` → ``4:12``."""
    total = seconds(value)
    if total is None:
        return value
    hours, minutes, secs = _parts(total)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def spoken(value):
    """An ISO 8601 duration as people read it: ``PT4M12S`` → ``4 min 12 s``."""
    total = seconds(value)
    if total is None:
        return value
    hours, minutes, secs = _parts(total)
    words = [
        gettext("%(count)s h", count=hours) if hours else "",
        gettext("%(count)s min", count=minutes) if minutes else "",
        gettext("%(count)s s", count=secs) if secs or not (hours or minutes) else "",
    ]
    return " ".join(word for word in words if word)


class DurationField(SanitizedUnicode):
    """A duration typed as ``mm:ss``, ``h:mm:ss`` or ISO 8601, stored as ISO 8601."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        total = seconds(text)
        if total is None or total <= 0:
            raise ValidationError(str(DURATION_ERROR))
        return iso_duration(total)
