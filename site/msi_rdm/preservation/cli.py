"""``invenio msi backup``, ``invenio msi restore`` (and ``invenio msi export bags``)."""

import click
from flask.cli import with_appcontext

from .backup import PreservationError


def _fail(exc):
    """Print the one-line reason (and log) of a failed preservation command and exit 1."""
    click.secho(f"error: {exc.reason}", fg="red", err=True)
    if exc.log:
        click.echo(f"log: {exc.log}", err=True)
    raise SystemExit(1)


@click.command("backup")
@click.argument("folder", type=click.Path(file_okay=False))
@with_appcontext
def backup_command(folder):
    """Back up the database, files and configuration into the new FOLDER (secrets left out)."""
    from .backup import backup

    try:
        info = backup(folder, echo=click.echo)
    except PreservationError as exc:
        _fail(exc)
    click.secho(
        f"backup written to {folder}: {len(info['files'])} files in the manifest, "
        f"{info['stored_files']} stored files",
        fg="green",
    )


@click.command("restore")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--files-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Put each files location in FILES_DIR/<location> instead of where it was.",
)
@click.option("--verify-only", is_flag=True, help="Only check the backup against its manifest.")
@with_appcontext
def restore_command(folder, files_dir, verify_only):
    """Restore the backup in FOLDER onto this empty instance and rebuild the search indices."""
    from .restore import restore, verify

    try:
        if verify_only:
            manifest = verify(folder)
            click.secho(f"backup verified: {len(manifest['files'])} files match", fg="green")
            return
        counts = restore(folder, files_root=files_dir, echo=click.echo)
    except PreservationError as exc:
        _fail(exc)
    indexed = ", ".join(f"{name} {count}" for name, count in counts.items())
    click.secho(f"restored from {folder}; indexed: {indexed}", fg="green")


@click.group("fixity")
def fixity():
    """File fixity commands."""


@fixity.command("report")
@with_appcontext
def fixity_report():
    """List the stored files whose last checksum check failed, with their records; exit 1 if any."""
    from .fixity import problems

    found = problems()
    for row in found:
        owner = f"record {row['record']}" if row["record"] else f"draft {row['draft']}"
        click.echo(f"{row['problem']}: {row['key']} of {owner} ({row['uri']}, {row['checked']})")
    if found:
        raise SystemExit(1)
    click.secho("every checked file matches its checksum", fg="green")


@click.group("export")
def export():
    """Export commands."""


@export.command("bags")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option(
    "--record", "record_ids", multiple=True, help="Only this record version (repeatable)."
)
@with_appcontext
def export_bags_command(folder, record_ids):
    """Write a BagIt package per record version into FOLDER: only new or changed versions."""
    from .bags import export_bags, pending

    todo = pending(folder, record_ids)
    try:
        with click.progressbar(length=len(todo), label="bagging record versions") as bar:
            written = export_bags(folder, todo, progress=bar.update)
    except PreservationError as exc:
        _fail(exc)
    click.secho(f"{len(written)} bags written to {folder}", fg="green")
