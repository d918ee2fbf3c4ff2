"""``invenio msi swepub``: the SwePub state of records saved before it existed or went stale."""

import click
from flask.cli import with_appcontext


@click.group()
def swepub():
    """SwePub commands."""


@swepub.command("refresh")
@with_appcontext
def swepub_refresh():
    """Compute ``msi:swepub`` of every published record again; reindex those that changed."""
    from invenio_db import db
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    from ..cli import _published_records
    from .components import swepub_status

    changed = 0
    for record in _published_records("computing SwePub states"):
        status = swepub_status(record)
        if (record.get("custom_fields") or {}).get("msi:swepub") == status:
            continue
        record.setdefault("custom_fields", {})["msi:swepub"] = status
        record.commit()
        db.session.commit()
        service.indexer.index(record)
        changed += 1
    click.secho(f"{changed} records changed", fg="green")
