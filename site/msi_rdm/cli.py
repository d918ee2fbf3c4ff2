"""The ``invenio msi`` commands."""

import click
from flask.cli import with_appcontext

from .doi.cli import doi as doi_commands
from .instance import check_instance, init_instance


def _published_records(label):
    """Yield every published record, with a progress bar labelled ``label``."""
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    record_cls = service.record_cls
    ids = [m.id for m in record_cls.model_cls.query.filter_by(is_deleted=False).all()]
    with click.progressbar(ids, label=label) as bar:
        for record_id in bar:
            yield record_cls.get_record(record_id)


@click.group()
def msi():
    """MSI repository commands."""


@msi.command("init")
@click.option("--files-uri", required=True, help="Where the default files location keeps files.")
@click.option("--admin-email", required=True)
@click.option("--admin-password", required=True, envvar="MSI_ADMIN_PASSWORD")
@click.option("--demo/--no-demo", default=False, help="Also publish the demo collection.")
@with_appcontext
def init(files_uri, admin_email, admin_password, demo):
    """Initialise a fresh instance; anything left by an earlier attempt is dropped first."""
    init_instance(files_uri, admin_email, admin_password, demo)


@msi.command("check")
@with_appcontext
def check():
    """Check that vocabularies are loaded and indexed; exit non-zero otherwise."""
    problems = check_instance(echo=click.echo)
    if problems:
        for problem in problems:
            click.secho(f"problem: {problem}", fg="red", err=True)
        raise SystemExit(1)
    click.secho("instance ready", fg="green")


@msi.group()
def demo():
    """Demo collection commands."""


@demo.command("load")
@with_appcontext
def demo_load():
    """Publish the demo records that are not in the repository yet."""
    from .demo.loader import load_demo

    count = load_demo()
    click.secho(f"{count} demo records published", fg="green")


@msi.group()
def fulltext():
    """Full-text extraction commands."""


@fulltext.command("extract")
@click.option("--all", "all_records", is_flag=True, required=True, help="Every published record.")
@click.option("--force", is_flag=True, help="Extract again files whose text is already stored.")
@with_appcontext
def fulltext_extract(all_records, force):
    """Extract the files of published records (only what is missing unless --force); resumable."""
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    from .fulltext.api import extract_record

    count = 0
    for record in _published_records("extracting full text"):
        extract_record(record, force=force)
        service.indexer.index(record)
        count += 1
    click.secho(f"{count} records processed", fg="green")


@fulltext.command("upgrade-indices")
@with_appcontext
def fulltext_upgrade_indices():
    """Add MSI's search section to record indices created before it (then run extract --all)."""
    from .fulltext.upgrade import upgrade_indices

    upgrade_indices(echo=click.echo)


@fulltext.command("status")
@with_appcontext
def fulltext_status():
    """Print how many files were extracted, failed or skipped."""
    from .fulltext.api import status_counts

    counts = status_counts()
    for status in ("ok", "failed", "skipped"):
        click.echo(f"{status:8} {counts.get(status, 0)}")


@msi.group()
def films():
    """Film commands."""


@films.command("probe")
@click.option("--all", "all_records", is_flag=True, required=True, help="Every published record.")
@click.option("--force", is_flag=True, help="Probe again files already probed.")
@with_appcontext
def films_probe(all_records, force):
    """Probe the videos and read the captions of published records (only what is missing)."""
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    from .films.api import film_keys, process_record

    count = 0
    for record in _published_records("probing films"):
        if film_keys(record):
            count += 1
            _, filled = process_record(record, force=force)
            if filled:
                service.indexer.index(record)
    click.secho(f"{count} records with films processed", fg="green")


@msi.command("reindex")
@click.option("--chunk-size", default=500, show_default=True, help="Records per bulk request.")
@with_appcontext
def reindex(chunk_size):
    """Rebuild the records index in bulk, full text included (drafts are left alone)."""
    from .bulk.reindex import published_ids, reindex_records

    ids = published_ids()
    with click.progressbar(length=len(ids), label="indexing records") as bar:
        count = reindex_records(ids, chunk_size=chunk_size, progress=bar.update)
    click.secho(f"{count} records indexed", fg="green")


@msi.command("upstream")
@with_appcontext
def upstream():
    """List every change this instance makes to upstream behaviour, and whether it is applied."""
    from .upstream import CHANGES

    for change in CHANGES.values():
        colour = {"applied": "green", "off": "yellow"}.get(change.state, "red")
        state = change.state + (f" ({change.reason})" if change.reason else "")
        click.secho(f"{change.name:26} {state}", fg=colour)
        click.echo(f"    replaces: {', '.join(change.replaces)}")
        checked = "; ".join(f"{dist} {', '.join(v)}" for dist, v in change.checked.items())
        click.echo(f"    checked against: {checked}")
        click.echo(f"    switch: {change.switch}")


@msi.group()
def communities():
    """Community commands."""


@communities.command("logos")
@click.option("--force", is_flag=True, help="Replace logos the communities already have.")
@with_appcontext
def communities_logos(force):
    """Give each community of app_data/communities.yaml its logo or a generated mark."""
    from .communities.logos import ensure_logos

    count = ensure_logos(force=force)
    click.secho(f"{count} community logos added", fg="green")


from .alerts.cli import alerts  # noqa: E402
from .preservation.cli import backup_command, export, fixity, restore_command  # noqa: E402
from .swepub.cli import swepub  # noqa: E402

msi.add_command(doi_commands)
msi.add_command(swepub)
msi.add_command(backup_command)
msi.add_command(restore_command)
msi.add_command(fixity)
msi.add_command(export)
msi.add_command(alerts)
