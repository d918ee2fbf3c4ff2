"""Database model of researcher profiles: the JSON document plus the account that owns it."""

from invenio_db import db
from invenio_records.models import RecordMetadataBase


class ResearcherMetadata(db.Model, RecordMetadataBase):
    """One researcher profile. A user account owns at most one."""

    __tablename__ = "msi_researchers_metadata"

    user_id = db.Column(
        db.Integer,
        db.ForeignKey("accounts_user.id", ondelete="SET NULL"),
        nullable=True,
        unique=True,
        index=True,
    )
