"""What the films pipeline found in each video and caption file of a published record."""

import enum
import uuid

from invenio_db import db
from sqlalchemy.dialects import postgresql
from sqlalchemy_utils.types import JSONType, UUIDType


class FilmFileKind(enum.Enum):
    """Kind of file the films pipeline reads."""

    VIDEO = "video"
    CAPTIONS = "captions"


class FilmFileStatus(enum.Enum):
    """Outcome of reading one file."""

    OK = "ok"
    FAILED = "failed"


class FilmFileModel(db.Model):
    """Probe results and poster of a video file, or the cues of a caption file."""

    __tablename__ = "msi_film_files"
    __table_args__ = (db.UniqueConstraint("record_id", "key", name="uq_msi_film_files_record_key"),)

    id = db.Column(UUIDType, primary_key=True, default=uuid.uuid4)
    record_id = db.Column(UUIDType, nullable=False, index=True)
    key = db.Column(db.String(1024), nullable=False)
    kind = db.Column(
        db.Enum(
            FilmFileKind, name="msi_film_file_kind", values_callable=lambda e: [m.value for m in e]
        ),
        nullable=False,
    )
    checksum = db.Column(db.String(255), nullable=True)
    status = db.Column(
        db.Enum(
            FilmFileStatus,
            name="msi_film_file_status",
            values_callable=lambda e: [m.value for m in e],
        ),
        nullable=False,
    )
    reason = db.Column(db.Text, nullable=True)
    duration = db.Column(db.Float, nullable=True)
    width = db.Column(db.Integer, nullable=True)
    height = db.Column(db.Integer, nullable=True)
    video_codec = db.Column(db.String(64), nullable=True)
    audio_codec = db.Column(db.String(64), nullable=True)
    container = db.Column(db.String(128), nullable=True)
    poster = db.Column(db.LargeBinary, nullable=True)
    language = db.Column(db.String(16), nullable=True)
    cues = db.Column(
        JSONType().with_variant(postgresql.JSONB(none_as_null=True), "postgresql"), nullable=True
    )
    updated = db.Column(db.DateTime, nullable=False, default=db.func.now(), onupdate=db.func.now())
