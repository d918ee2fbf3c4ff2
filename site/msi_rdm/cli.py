"""The ``invenio msi`` commands."""

import click
from flask.cli import with_appcontext

from .instance import check_instance, init_instance


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
