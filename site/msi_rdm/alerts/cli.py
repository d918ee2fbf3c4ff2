"""The ``invenio msi alerts`` commands: a digest run, bounces reported by the MTA."""

import click
from flask.cli import with_appcontext


@click.group()
def alerts():
    """Saved searches and e-mail digests."""


@alerts.command("send")
@with_appcontext
def alerts_send():
    """Send the digests that are due now (beat does this every hour)."""
    from .digest import run_digests

    counts = run_digests()
    click.echo(", ".join(f"{key} {value}" for key, value in sorted(counts.items())))


@alerts.command("bounce")
@click.argument("email")
@with_appcontext
def alerts_bounce(email):
    """Count one bounce of EMAIL; at MSI_ALERTS_MAX_BOUNCES it receives no more digests."""
    from flask import current_app

    from .api import record_bounce

    count = record_bounce(email)
    if count is None:
        raise click.ClickException(f"no account has the address {email}")
    limit = current_app.config["MSI_ALERTS_MAX_BOUNCES"]
    state = "stopped" if count >= limit else "still receiving"
    click.echo(f"{email}: {count} bounce(s) of {limit}, {state}")


@alerts.command("reset-bounces")
@click.argument("email")
@with_appcontext
def alerts_reset_bounces(email):
    """Let EMAIL receive digests again."""
    from .api import reset_bounces

    if not reset_bounces(email):
        raise click.ClickException(f"no account has the address {email}")
    click.echo(f"{email}: bounces cleared")
