"""Create the msi_film_files table for probe results, posters and caption cues of films."""

import sqlalchemy as sa
import sqlalchemy_utils
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "7a2c3e4f5b6d"
down_revision = "8b3d4f5a6c7e"
branch_labels = ()
depends_on = None

KIND = sa.Enum("video", "captions", name="msi_film_file_kind")
STATUS = sa.Enum("ok", "failed", name="msi_film_file_status")


def upgrade():
    """Create the table and its index."""
    op.create_table(
        "msi_film_files",
        sa.Column("id", sqlalchemy_utils.types.uuid.UUIDType(), nullable=False),
        sa.Column("record_id", sqlalchemy_utils.types.uuid.UUIDType(), nullable=False),
        sa.Column("key", sa.String(length=1024), nullable=False),
        sa.Column("kind", KIND, nullable=False),
        sa.Column("checksum", sa.String(length=255), nullable=True),
        sa.Column("status", STATUS, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("duration", sa.Float(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("video_codec", sa.String(length=64), nullable=True),
        sa.Column("audio_codec", sa.String(length=64), nullable=True),
        sa.Column("container", sa.String(length=128), nullable=True),
        sa.Column("poster", sa.LargeBinary(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("cues", postgresql.JSONB(none_as_null=True), nullable=True),
        sa.Column("updated", sa.DateTime(), nullable=False, server_default=sa.func.now()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_msi_film_files")),
        sa.UniqueConstraint("record_id", "key", name="uq_msi_film_files_record_key"),
    )
    op.create_index(op.f("ix_msi_film_files_record_id"), "msi_film_files", ["record_id"])


def downgrade():
    """Drop the table and its types."""
    op.drop_index(op.f("ix_msi_film_files_record_id"), table_name="msi_film_files")
    op.drop_table("msi_film_files")
    STATUS.drop(op.get_bind(), checkfirst=True)
    KIND.drop(op.get_bind(), checkfirst=True)
