"""Initialise an instance in one process, and check that it holds what the site needs."""

import contextlib
import io
import time
from datetime import UTC, datetime

import click
from flask import current_app
from invenio_access.models import ActionRoles
from invenio_access.permissions import superuser_access, system_identity
from invenio_accounts.proxies import current_datastore
from invenio_administration.permissions import administration_access_action
from invenio_app_rdm.fixtures import FixturesEngine as PagesAndSetsFixtures
from invenio_communities.cli import create_communities_custom_field
from invenio_db import db
from invenio_db.cli import create as create_tables
from invenio_db.cli import drop as drop_tables
from invenio_files_rest.models import Location
from invenio_queues.proxies import current_queues
from invenio_rdm_records.cli import create_records_custom_field
from invenio_rdm_records.fixtures import FixturesEngine as VocabularyFixtures
from invenio_records_resources.proxies import current_service_registry
from invenio_search.proxies import current_search, current_search_client
from invenio_search.utils import prefix_index
from invenio_stats.bookmark import SUPPORTED_INTERVALS
from invenio_vocabularies.proxies import current_service as vocabulary_service
from invenio_vocabularies.records.models import VocabularyMetadata, VocabularyType

from .search.indices import drop_superseded_indices

ROLES = {
    "admin": ("Administrators of the MSI repository", superuser_access),
    "administration": ("Access to the administration panel", administration_access_action),
}

REQUIRED_VOCABULARIES = {
    "languages": 150,
    "licenses": 50,
    "resourcetypes": 20,
    "creatorsroles": 5,
    "contributorsroles": 5,
    "descriptiontypes": 5,
    "datetypes": 5,
    "relationtypes": 5,
    "titletypes": 3,
    "removalreasons": 1,
    "names": 1,
}
"""Vocabularies the deposit form cannot do without, with the fewest entries expected."""


def _invoke_optional(command, **params):
    """Invoke an upstream command that calls ``exit(0)`` when it has nothing to do."""
    try:
        click.get_current_context().invoke(command, **params)
    except SystemExit as exc:
        if exc.code:
            raise click.ClickException(f"{command.name} exited with {exc.code}") from exc


def clear_partial_state():
    """Drop tables and indices that an interrupted earlier run may have left."""
    list(current_search.delete(ignore=[400, 404]))
    click.get_current_context().invoke(drop_tables)


def create_indices():
    """Create the search templates and indices (and drop superseded empty ones)."""
    drop_superseded_indices(echo=lambda line: None)
    for action in (
        current_search.put_templates,
        current_search.put_component_templates,
        current_search.put_index_templates,
        current_search.create,
    ):
        list(action())


def create_tables_at_head():
    """Create all tables and stamp them with the newest migrations, so upgrades start from there."""
    click.get_current_context().invoke(create_tables)
    current_app.extensions["invenio-db"].alembic.stamp()


def create_stats_indices():
    """Create this month's statistics indices, which upstream only creates on the first aggregation.

    Until they exist, every landing page logs an index-not-found warning for its view counts.
    """
    for aggregation in current_app.config["STATS_AGGREGATIONS"].values():
        params = aggregation["params"]
        suffix = datetime.now(UTC).strftime(SUPPORTED_INTERVALS[params["index_interval"]])
        index = prefix_index(f"stats-{params['event']}-{suffix}")
        current_search_client.indices.create(index=index, ignore=[400])


def create_location(uri):
    """Create the default files location."""
    db.session.add(Location(name="default-location", uri=uri, default=True))
    db.session.commit()


def create_roles():
    """Create the roles and grant them their actions."""
    for name, (description, action) in ROLES.items():
        role = current_datastore.find_or_create_role(name=name, description=description)
        db.session.flush()
        db.session.add(ActionRoles.allow(action, role=role))
    db.session.commit()


def create_coordinator_roles():
    """One role per MSI node whose members review that node's researcher applications."""
    from invenio_vocabularies.proxies import current_service as vocabularies

    from .researchers.generators import coordinator_role

    nodes = vocabularies.search(system_identity, type="msinodes", params={"size": 100})
    for node in nodes.hits:
        name = coordinator_role(node["id"])
        description = f"Coordinators of {node['title'].get('en', node['id'])}"
        current_datastore.find_or_create_role(id=name, name=name, description=description)
    db.session.commit()


def load_fixtures(admin_email, admin_password):
    """Load vocabularies, the admin user (app_data/users.yaml), pages and OAI-PMH sets."""
    current_app.config["RDM_RECORDS_USER_FIXTURE_PASSWORDS"] = {admin_email: admin_password}
    VocabularyFixtures(system_identity).run()
    PagesAndSetsFixtures().run()
    db.session.commit()


def add_community_logos():
    """Give each community of app_data/communities.yaml its logo or a generated mark."""
    from .communities.logos import ensure_logos

    ensure_logos()


def init_instance(files_uri, admin_email, admin_password, demo):
    """Initialise database, files, roles, indices, fixtures and, optionally, the demo content."""
    steps = [
        ("clearing partial state", clear_partial_state),
        ("creating database tables", create_tables_at_head),
        ("creating the files location", lambda: create_location(files_uri)),
        ("creating roles", create_roles),
        ("creating search indices", create_indices),
        ("creating statistics indices", create_stats_indices),
        ("creating record custom fields", lambda: _invoke_optional(create_records_custom_field)),
        (
            "creating community custom fields",
            lambda: _invoke_optional(create_communities_custom_field),
        ),
        (
            "loading vocabularies, users, pages, OAI-PMH sets",
            lambda: load_fixtures(admin_email, admin_password),
        ),
        ("adding community logos", add_community_logos),
        ("creating node coordinator roles", create_coordinator_roles),
        ("declaring statistics queues", lambda: current_queues.declare()),
    ]
    if demo:
        from .demo.loader import load_demo

        steps.append(("loading the demo collection", load_demo))
    for description, function in steps:
        start = time.monotonic()
        click.echo(f"  {description:54}", nl=False)
        # Upstream commands print their own chatter; show it only when a step fails.
        chatter = io.StringIO()
        try:
            with contextlib.redirect_stdout(chatter):
                function()
        except Exception:
            click.echo(" failed")
            click.echo(chatter.getvalue(), err=True)
            raise
        click.echo(f"{time.monotonic() - start:6.1f}s")
    for index in current_search.mappings:
        current_search.flush_and_refresh(index)


def vocabulary_counts():
    """Return ``{type: (rows in the database, documents in the index)}`` per vocabulary type."""
    counts = {}
    for vtype in db.session.query(VocabularyType).all():
        try:
            # Names, affiliations, funders, awards, subjects: a record type of their own.
            service = current_service_registry.get(vtype.id)
        except KeyError:
            service = None
        if service is not None:
            in_db = service.record_cls.model_cls.query.count()
            in_index = service.search(system_identity, size=1).total
        else:
            in_db = VocabularyMetadata.query.filter(
                VocabularyMetadata.json["type"]["id"].as_string() == vtype.id
            ).count()
            in_index = vocabulary_service.search(system_identity, type=vtype.id, size=1).total
        counts[vtype.id] = (in_db, in_index)
    return counts


def check_instance(echo=print):
    """Return a list of problems: missing, short or unindexed vocabularies."""
    problems = []
    counts = vocabulary_counts()
    for vtype, (in_db, in_index) in sorted(counts.items()):
        echo(f"  {vtype:24} {in_db:6} in the database {in_index:6} indexed")
        if in_db != in_index:
            problems.append(f"vocabulary {vtype}: {in_db} in the database, {in_index} indexed")
    for vtype, minimum in REQUIRED_VOCABULARIES.items():
        found = counts.get(vtype, (0, 0))[0]
        if found < minimum:
            problems.append(f"vocabulary {vtype}: {found} entries, expected at least {minimum}")
    return problems
