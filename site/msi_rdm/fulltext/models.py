"""Extracted text of record files, one row per file, with the outcome of its extraction."""

import enum
import uuid

from invenio_db import db
from sqlalchemy_utils.types import UUIDType


class ExtractionStatus(enum.Enum):
    """Outcome of extracting one file."""

    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"


class FulltextModel(db.Model):
    """The text of one file of a published record."""

    __tablename__ = "msi_fulltext"
    __table_args__ = (db.UniqueConstraint("record_id", "key", name="uq_msi_fulltext_record_key"),)

    id = db.Column(UUIDType, primary_key=True, default=uuid.uuid4)
    record_id = db.Column(UUIDType, nullable=False, index=True)
    key = db.Column(db.String(1024), nullable=False)
    checksum = db.Column(db.String(255), nullable=True)
    status = db.Column(
        db.Enum(
            ExtractionStatus,
            name="msi_fulltext_status",
            values_callable=lambda e: [m.value for m in e],
        ),
        nullable=False,
    )
    reason = db.Column(db.Text, nullable=True)
    extractor = db.Column(db.String(64), nullable=True)
    pages = db.Column(db.Integer, nullable=True)
    text = db.Column(db.Text, nullable=True)
    seconds = db.Column(db.Float, nullable=True)
    updated = db.Column(db.DateTime, nullable=False, default=db.func.now(), onupdate=db.func.now())
