"""``invenio msi doi``: DOIs that wait for DataCite, retrying them, and DOIs for older records."""

import click
from flask.cli import with_appcontext


@click.group()
def doi():
    """DataCite DOI commands."""


@doi.command("pending")
@with_appcontext
def doi_pending():
    """List the DOIs DataCite has not taken yet, with attempts, last error and next attempt."""
    from . import state
    from .tasks import unregistered

    ledger = state.pending()
    for entry in ledger.values():
        kind = "refused" if entry.get("refused") else "pending"
        click.echo(f"{entry['doi']}  {kind}  attempts={entry['attempts']}  "
                   f"next={entry['next_attempt']}  {entry['last_error'][:120]}")  # fmt: skip
    for doi_value, recid, _parent in unregistered(min_age=0):
        if doi_value not in ledger:
            click.echo(f"{doi_value}  reserved, not yet tried  record={recid}")


@doi.command("retry")
@click.option("--now", "right_now", is_flag=True, help="Ignore the back-off: try every DOI now.")
@with_appcontext
def doi_retry(right_now):
    """Try again the DOIs that are due (all of them with --now)."""
    from datetime import UTC, datetime, timedelta

    from .tasks import retry_dois

    when = (datetime.now(UTC) + timedelta(days=365)).isoformat() if right_now else None
    taken = retry_dois(now=when)
    click.secho(f"{taken} DOIs taken by DataCite", fg="green")


@doi.command("mint")
@click.option("--all", "all_records", is_flag=True, required=True, help="Every published record.")
@with_appcontext
def doi_mint(all_records):
    """Give published records without a DOI (from before DOIs were on) their DOI and concept DOI.

    Each such record is edited and published again by the system, so upstream's PID components
    mint what is missing and register it; nothing else changes.
    """
    from invenio_access.permissions import system_identity
    from invenio_db import db
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    from ..cli import _published_records

    minted = failed = 0
    for record in _published_records("minting DOIs"):
        if "doi" in record.pids or not record.versions.is_latest:
            continue
        if record.deletion_status.status != "P":
            continue
        try:
            service.edit(system_identity, record["id"])
            service.publish(system_identity, record["id"])
        except Exception as error:  # noqa: BLE001 - report it and go on with the others
            db.session.rollback()
            failed += 1
            click.secho(f"\n{record['id']}: {error}", fg="red", err=True)
            continue
        db.session.commit()
        minted += 1
    click.secho(f"{minted} records given a DOI, {failed} failed", fg="green")
    if failed:
        raise SystemExit(1)
