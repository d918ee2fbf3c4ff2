"""Create the msi_rdm migration branch."""

revision = "5e0a1c2b3d4f"
down_revision = None
branch_labels = ("msi_rdm",)
depends_on = "dbdbc1b19cf2"


def upgrade():
    """Start the branch."""


def downgrade():
    """End the branch."""
