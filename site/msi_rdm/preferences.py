"""Users' preferences validated without changing the site's defaults.

invenio-accounts' ``validate_locale`` and ``validate_timezone`` (8.3) store the value they check
in ``BABEL_DEFAULT_LOCALE`` and ``BABEL_DEFAULT_TIMEZONE`` of the running application. One user
who chooses English, or whose preferences are merely loaded again, then turns the whole worker
process English: every visitor without a choice of their own gets English pages, feeds and
e-mails until the process restarts. These schemas check the same rules and change nothing; they
reach upstream through its own settings, ``ACCOUNTS_USER_PREFERENCES_SCHEMA`` (the preferences
dictionary of every user) and ``USERS_RESOURCES_SERVICE_SCHEMA`` (the users' REST API).
"""

import pytz
from flask import current_app
from invenio_app_rdm.users.schemas import (
    NotificationsUserSchema,
    UserPreferencesNotificationsSchema,
)
from invenio_i18n import lazy_gettext as _
from marshmallow import ValidationError, fields


def validate_locale(value):
    """The value is one of the site's languages."""
    languages = [locale.language for locale in current_app.extensions["invenio-i18n"].get_locales()]
    if value not in languages:
        raise ValidationError(message=str(_("Choose one of the site's languages.")))


def validate_timezone(value):
    """The value is a time zone of the tz database."""
    if value not in pytz.all_timezones:
        raise ValidationError(message=str(_("Choose a time zone from the list.")))


class PreferencesSchema(UserPreferencesNotificationsSchema):
    """InvenioRDM's preferences (notifications included), with validators free of side effects."""

    locale = fields.String(validate=validate_locale)
    timezone = fields.String(validate=validate_timezone)


class UserSchema(NotificationsUserSchema):
    """InvenioRDM's users' REST API schema, with :class:`PreferencesSchema`."""

    preferences = fields.Nested(PreferencesSchema)
