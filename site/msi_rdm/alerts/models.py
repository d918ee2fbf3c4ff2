"""Saved searches, the recipients' delivery state and the log of digests sent."""

from datetime import UTC, datetime

from invenio_db import db
from sqlalchemy.dialects import postgresql
from sqlalchemy_utils.types import UUIDType

KINDS = ("search", "review")
"""A saved search of records, or a coordinator's digest of a community's submissions."""


def utcnow():
    """Naive UTC now, as every timestamp of these tables is stored."""
    return datetime.now(UTC).replace(tzinfo=None)


class SavedSearch(db.Model):
    """A search (query and facets) or a community's review queue that a user follows by e-mail."""

    __tablename__ = "msi_alerts_saved_searches"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(
        db.Integer,
        db.ForeignKey("accounts_user.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    kind = db.Column(db.String(16), nullable=False, default="search")
    name = db.Column(db.String(255), nullable=False)
    search_query = db.Column("query", db.Text, nullable=False, default="")
    facets = db.Column(postgresql.JSONB, nullable=False, default=list)
    """``[[facet, value], ...]``, as the search page's ``f`` arguments give them."""
    community_id = db.Column(UUIDType, nullable=True)
    frequency = db.Column(db.String(16), nullable=False, default="weekly")
    active = db.Column(db.Boolean, nullable=False, default=True)
    high_water = db.Column(db.DateTime, nullable=False, default=utcnow)
    """Everything created up to this instant was sent (or existed when the search was saved)."""
    last_sent = db.Column(db.DateTime, nullable=True)
    created = db.Column(db.DateTime, nullable=False, default=utcnow)

    def group_key(self):
        """Searches with the same key are answered by one query in a digest run."""
        return (self.kind, self.search_query, tuple(map(tuple, self.facets)), self.community_id)


class AlertRecipient(db.Model):
    """An account's delivery state: bounces counted from the MTA's reports."""

    __tablename__ = "msi_alerts_recipients"

    user_id = db.Column(
        db.Integer, db.ForeignKey("accounts_user.id", ondelete="CASCADE"), primary_key=True
    )
    bounces = db.Column(db.Integer, nullable=False, default=0)
    last_bounce = db.Column(db.DateTime, nullable=True)


class AlertDelivery(db.Model):
    """One digest sent: the rate limit counts these."""

    __tablename__ = "msi_alerts_deliveries"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(
        db.Integer,
        db.ForeignKey("accounts_user.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    frequency = db.Column(db.String(16), nullable=False)
    records = db.Column(db.Integer, nullable=False, default=0)
    sent = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)
