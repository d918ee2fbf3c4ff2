"""Create the msi_fulltext table for the extracted text of record files."""

import sqlalchemy as sa
import sqlalchemy_utils
from alembic import op

revision = "6f1b2d3c4e5a"
down_revision = "5e0a1c2b3d4f"
branch_labels = ()
depends_on = None

STATUS = sa.Enum("ok", "failed", "skipped", name="msi_fulltext_status")


def upgrade():
    """Create the table and its indices."""
    op.create_table(
        "msi_fulltext",
        sa.Column("id", sqlalchemy_utils.types.uuid.UUIDType(), nullable=False),
        sa.Column("record_id", sqlalchemy_utils.types.uuid.UUIDType(), nullable=False),
        sa.Column("key", sa.String(length=1024), nullable=False),
        sa.Column("checksum", sa.String(length=255), nullable=True),
        sa.Column("status", STATUS, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("extractor", sa.String(length=64), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("updated", sa.DateTime(), nullable=False, server_default=sa.func.now()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_msi_fulltext")),
        sa.UniqueConstraint("record_id", "key", name="uq_msi_fulltext_record_key"),
    )
    op.create_index(op.f("ix_msi_fulltext_record_id"), "msi_fulltext", ["record_id"])


def downgrade():
    """Drop the table and its status type."""
    op.drop_index(op.f("ix_msi_fulltext_record_id"), table_name="msi_fulltext")
    op.drop_table("msi_fulltext")
    STATUS.drop(op.get_bind(), checkfirst=True)
