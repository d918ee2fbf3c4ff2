"""Feeds, saved searches and e-mail digests."""

from datetime import timedelta

MSI_ALERTS_FEED_SIZE = 25
"""Newest public records in one feed."""

MSI_ALERTS_FEED_MAX_AGE = 300
"""Seconds a feed may be cached (``Cache-Control: max-age``); the ETag answers 304 after that."""

MSI_ALERTS_MAX_SAVED = 20
"""Saved searches (coordinators' digests included) one user may keep; more are refused."""

MSI_ALERTS_FREQUENCIES = {
    "daily": timedelta(days=1),
    "weekly": timedelta(days=7),
    "monthly": timedelta(days=30),
}
"""How often a saved search may be sent, and the period of each choice."""

MSI_ALERTS_SLACK = timedelta(hours=1)
"""A digest counts as due this long before its period is over, so an hourly run keeps the rhythm
instead of drifting by an hour each period."""

MSI_ALERTS_SETTLE = timedelta(minutes=10)
"""Records newer than this are left for the next digest: a record is indexed a few seconds after
it is published, and one published just before a run must not fall behind the mark unseen."""

MSI_ALERTS_DIGEST_HITS = 10
"""Records listed for one saved search in one digest; the rest are counted, with a link."""

MSI_ALERTS_MAX_DIGESTS_PER_DAY = 4
"""Digests one address receives in 24 hours at most; those beyond wait for the next run."""

MSI_ALERTS_MAX_BOUNCES = 3
"""Bounces after which an address receives no more digests (``invenio msi alerts bounce``)."""

MSI_ALERTS_BOUNCE_TOKEN = ""
"""Bearer token of the MTA's bounce handler for ``POST /alerts/bounces``; empty: endpoint off."""

MSI_ALERTS_UNSUBSCRIBE_SALT = "msi-alerts-unsubscribe"
"""Salt of the signed unsubscribe tokens (signed with ``SECRET_KEY``)."""
