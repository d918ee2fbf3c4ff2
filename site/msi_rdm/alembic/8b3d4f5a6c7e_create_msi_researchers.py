"""Create the msi_researchers_metadata table of researcher profiles."""

import sqlalchemy as sa
import sqlalchemy_utils
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "8b3d4f5a6c7e"
down_revision = "7a2c3d4e5f60"
branch_labels = ()
depends_on = None


def upgrade():
    """Create the table: one JSON document per profile, owned by at most one account."""
    op.create_table(
        "msi_researchers_metadata",
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.Column("id", sqlalchemy_utils.types.uuid.UUIDType(), nullable=False),
        sa.Column(
            "json",
            sa.JSON()
            .with_variant(sqlalchemy_utils.types.json.JSONType(), "mysql")
            .with_variant(postgresql.JSONB(none_as_null=True, astext_type=sa.Text()), "postgresql")
            .with_variant(sqlalchemy_utils.types.json.JSONType(), "sqlite"),
            nullable=True,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["accounts_user.id"],
            name=op.f("fk_msi_researchers_metadata_user_id_accounts_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_msi_researchers_metadata")),
    )
    op.create_index(
        op.f("ix_msi_researchers_metadata_user_id"),
        "msi_researchers_metadata",
        ["user_id"],
        unique=True,
    )


def downgrade():
    """Drop the table."""
    op.drop_index(
        op.f("ix_msi_researchers_metadata_user_id"), table_name="msi_researchers_metadata"
    )
    op.drop_table("msi_researchers_metadata")
