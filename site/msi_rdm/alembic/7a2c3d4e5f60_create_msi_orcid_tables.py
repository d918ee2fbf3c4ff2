"""Create the tables of ORCID works imports and pushes."""

import sqlalchemy as sa
import sqlalchemy_utils
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "7a2c3d4e5f60"
down_revision = "6f1b2d3c4e5a"
branch_labels = ()
depends_on = None


def _updated():
    return sa.Column("updated", sa.DateTime(), nullable=False, server_default=sa.func.now())


def upgrade():
    """Create the three tables."""
    op.create_table(
        "msi_orcid_works",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("orcid", sa.String(length=19), nullable=False),
        sa.Column("put_code", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("work_type", sa.String(length=64), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("doi", sa.String(length=255), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("journal", sa.Text(), nullable=True),
        sa.Column("raw", postgresql.JSONB(none_as_null=True), nullable=False),
        _updated(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_msi_orcid_works")),
        sa.UniqueConstraint("orcid", "put_code", name="uq_msi_orcid_works_put_code"),
    )
    op.create_index(op.f("ix_msi_orcid_works_orcid"), "msi_orcid_works", ["orcid"])
    op.create_table(
        "msi_orcid_imports",
        sa.Column("orcid", sa.String(length=19), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("works", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        _updated(),
        sa.PrimaryKeyConstraint("orcid", name=op.f("pk_msi_orcid_imports")),
    )
    op.create_table(
        "msi_orcid_pushes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sqlalchemy_utils.types.uuid.UUIDType(), nullable=False),
        sa.Column("orcid", sa.String(length=19), nullable=False),
        sa.Column("put_code", sa.BigInteger(), nullable=False),
        sa.Column("record_pid", sa.String(length=255), nullable=False),
        _updated(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_msi_orcid_pushes")),
        sa.UniqueConstraint("parent_id", "orcid", name="uq_msi_orcid_pushes_parent"),
    )
    op.create_index(op.f("ix_msi_orcid_pushes_parent_id"), "msi_orcid_pushes", ["parent_id"])


def downgrade():
    """Drop the three tables."""
    op.drop_index(op.f("ix_msi_orcid_pushes_parent_id"), table_name="msi_orcid_pushes")
    op.drop_table("msi_orcid_pushes")
    op.drop_table("msi_orcid_imports")
    op.drop_index(op.f("ix_msi_orcid_works_orcid"), table_name="msi_orcid_works")
    op.drop_table("msi_orcid_works")
