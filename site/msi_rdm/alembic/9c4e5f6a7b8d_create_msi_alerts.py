"""Create the msi_alerts tables: saved searches, recipients' bounces, digests sent."""

import sqlalchemy as sa
import sqlalchemy_utils
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "9c4e5f6a7b8d"
down_revision = "7a2c3e4f5b6d"
branch_labels = ()
depends_on = None


def upgrade():
    """Create the three tables and their indices."""
    op.create_table(
        "msi_alerts_saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("facets", postgresql.JSONB(), nullable=False),
        sa.Column("community_id", sqlalchemy_utils.types.uuid.UUIDType(), nullable=True),
        sa.Column("frequency", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("high_water", sa.DateTime(), nullable=False),
        sa.Column("last_sent", sa.DateTime(), nullable=True),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["accounts_user.id"],
            name=op.f("fk_msi_alerts_saved_searches_user_id_accounts_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_msi_alerts_saved_searches")),
    )
    op.create_index(
        op.f("ix_msi_alerts_saved_searches_user_id"), "msi_alerts_saved_searches", ["user_id"]
    )
    op.create_table(
        "msi_alerts_recipients",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("bounces", sa.Integer(), nullable=False),
        sa.Column("last_bounce", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["accounts_user.id"],
            name=op.f("fk_msi_alerts_recipients_user_id_accounts_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_msi_alerts_recipients")),
    )
    op.create_table(
        "msi_alerts_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.String(length=16), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("sent", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["accounts_user.id"],
            name=op.f("fk_msi_alerts_deliveries_user_id_accounts_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_msi_alerts_deliveries")),
    )
    op.create_index(op.f("ix_msi_alerts_deliveries_user_id"), "msi_alerts_deliveries", ["user_id"])
    op.create_index(op.f("ix_msi_alerts_deliveries_sent"), "msi_alerts_deliveries", ["sent"])


def downgrade():
    """Drop the three tables."""
    op.drop_index(op.f("ix_msi_alerts_deliveries_sent"), table_name="msi_alerts_deliveries")
    op.drop_index(op.f("ix_msi_alerts_deliveries_user_id"), table_name="msi_alerts_deliveries")
    op.drop_table("msi_alerts_deliveries")
    op.drop_table("msi_alerts_recipients")
    op.drop_index(
        op.f("ix_msi_alerts_saved_searches_user_id"), table_name="msi_alerts_saved_searches"
    )
    op.drop_table("msi_alerts_saved_searches")
