"""Restore a backup onto an empty instance, then rebuild its search indices from the database.

The backup is verified first (layout, every checksum of its manifest, no file missing or added),
and the database must be empty: a restore never overwrites anything, and never trusts a backup it
has not checked.
"""

import json
import os
import shutil
from pathlib import Path

from flask import current_app
from invenio_access.permissions import system_identity
from invenio_db import db
from invenio_records_resources.proxies import current_service_registry
from invenio_search import current_search_client
from invenio_search.utils import prefix_index
from sqlalchemy import text
from sqlalchemy.engine import make_url

from .backup import (
    CHECKSUMS,
    DUMP,
    FORMAT,
    MANIFEST,
    PreservationError,
    database_url,
    new_log,
    run_pg_tool,
    sha256,
)


def verify(folder):
    """Check a backup folder against its manifest; return the manifest.

    Raises ``PreservationError`` at the first thing that does not match.
    """
    folder = Path(folder)
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise PreservationError(f"{folder} is not a backup: it has no {MANIFEST}")
    try:
        manifest = json.loads(manifest_path.read_text())
    except ValueError as exc:
        raise PreservationError(f"{manifest_path} is not valid JSON: {exc}") from exc
    if manifest.get("kind") != "msi-rdm-backup" or manifest.get("format") != FORMAT:
        raise PreservationError(
            f"{folder} is not a backup of format {FORMAT} "
            f"(kind {manifest.get('kind')!r}, format {manifest.get('format')!r})"
        )
    listed = manifest.get("files") or {}
    if DUMP not in listed:
        raise PreservationError(f"the manifest of {folder} lists no {DUMP}")
    present = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name not in (MANIFEST, CHECKSUMS)
    }
    extra = sorted(present - set(listed))
    if extra:
        raise PreservationError(f"{folder} holds a file its manifest does not list: {extra[0]}")
    for rel, entry in listed.items():
        path = folder / rel
        if not path.is_file():
            raise PreservationError(f"{folder} lacks {rel}, which its manifest lists")
        if path.stat().st_size != entry["size"] or sha256(path) != entry["sha256"]:
            raise PreservationError(f"{rel} in {folder} does not match its manifest checksum")
    return manifest


def database_tables():
    """How many tables the instance's database holds outside PostgreSQL's own schemas."""
    return db.session.execute(
        text(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
    ).scalar()


def require_empty_database():
    """Refuse a database that holds any table."""
    tables = database_tables()
    db.session.rollback()
    if tables:
        name = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).database
        raise PreservationError(
            f"database {name} is not empty ({tables} tables); restore only onto an empty "
            "database (make clean, or drop and create it)"
        )


def require_no_indices():
    """Refuse when the instance's search index prefix already has record documents."""
    alias = prefix_index("rdmrecords-records")
    if current_search_client.indices.exists(index=alias):
        count = current_search_client.count(index=alias)["count"]
        if count:
            raise PreservationError(
                f"the search index {alias} already holds {count} records; restore only onto an "
                "empty instance"
            )


def file_targets(manifest, files_root):
    """``[(location, folder in the backup, folder to restore to)]``; refuse non-empty targets."""
    targets = []
    for loc in manifest["locations"]:
        original = Path(loc["uri"].removeprefix("file://"))
        dest = Path(files_root) / loc["name"] if files_root else original
        if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
            raise PreservationError(
                f"{dest} is not empty; restore the files into an empty folder (--files-dir)"
            )
        targets.append((loc, Path("files") / loc["name"], dest))
    return targets


def restore_database(dump, log):
    """``pg_restore`` the dump into the (empty) database of the instance."""
    url, _password = database_url()
    run_pg_tool(
        "pg_restore",
        [
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "--no-password",
            f"--dbname={url}",
            str(dump),
        ],
        f"--exit-on-error --no-owner --no-privileges {dump}",
        log,
    )


def restore_files(folder, targets, log):
    """Copy each location's files to its target and point the database at the new folders."""
    with open(log, "a") as out:
        for loc, source, dest in targets:
            out.write(f"copying {folder / source} to {dest}\n")
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                dest.rmdir()  # empty, checked by file_targets
            shutil.copytree(folder / source, dest)
            original = loc["uri"]
            new = str(dest)
            if new.rstrip("/") == original.removeprefix("file://").rstrip("/"):
                continue
            out.write(f"location {loc['name']}: {original} -> {new}\n")
            old_prefix = original.rstrip("/") + "/"
            db.session.execute(
                text("UPDATE files_location SET uri = :new WHERE name = :name"),
                {"new": new, "name": loc["name"]},
            )
            db.session.execute(
                text(
                    "UPDATE files_files SET uri = :new || substr(uri, :cut) "
                    "WHERE substr(uri, 1, :len) = :old"
                ),
                {
                    "new": new.rstrip("/") + "/",
                    "cut": len(old_prefix) + 1,
                    "len": len(old_prefix),
                    "old": old_prefix,
                },
            )
    db.session.commit()


def create_search_indices():
    """Create the indices, templates and this month's statistics indices of the instance."""
    from ..instance import create_indices, create_stats_indices

    create_indices()
    create_stats_indices()


def drain(indexer):
    """Index everything waiting in ``indexer``'s bulk queue; return how many were indexed."""
    total = 0
    while True:
        indexed, errors = indexer.process_bulk_queue(bulk_index_max_items=1000)
        if errors:
            raise PreservationError(
                f"{errors} documents of {indexer.mq_queue.name} failed to index"
            )
        if not indexed:
            return total
        total += indexed


def rebuild_indices(echo=print):
    """Index everything from the database: records in bulk (full text included), the rest through
    each service's own ``rebuild_index``. Returns ``{service: documents indexed}``."""
    from invenio_rdm_records.proxies import current_rdm_records_service

    from ..bulk.reindex import published_ids, reindex_records

    counts = {}
    echo("indexing records")
    counts["records"] = reindex_records(published_ids())
    rdm = current_rdm_records_service
    model_cls = rdm.draft_cls.model_cls
    draft_ids = [
        row.id for row in db.session.query(model_cls.id).filter(model_cls.is_deleted.is_(False))
    ]
    rdm.draft_indexer.bulk_index(draft_ids)
    counts["drafts"] = drain(rdm.draft_indexer)
    for name in current_app.config["MSI_PRESERVATION_REINDEX_SERVICES"]:
        try:
            service = current_service_registry.get(name)
        except KeyError:
            continue
        try:
            service.rebuild_index(system_identity)
        except NotImplementedError:
            continue
        indexer = getattr(service, "indexer", None)
        if indexer is not None and hasattr(indexer, "process_bulk_queue"):
            counts[name] = drain(indexer)
        echo(f"indexed {name}")
    current_search_client.indices.refresh(index=prefix_index("*"))
    return counts


def restore(folder, files_root=None, echo=print):
    """Restore the backup in ``folder`` onto this (empty) instance; return what was indexed."""
    folder = Path(folder).absolute()
    echo("verifying the backup")
    manifest = verify(folder)
    require_empty_database()
    require_no_indices()
    targets = file_targets(manifest, files_root)
    log = new_log("restore")
    try:
        echo("restoring the database")
        restore_database(folder / DUMP, log)
        echo("restoring the files")
        restore_files(folder, targets, log)
        echo("upgrading the database schema")
        current_app.extensions["invenio-db"].alembic.upgrade()
        db.session.commit()
        echo("creating the search indices")
        create_search_indices()
        counts = rebuild_indices(echo=echo)
    except OSError as exc:
        with open(log, "a") as out:
            out.write(f"error: {exc!r}\n")
        raise PreservationError(f"restore failed: {exc.strerror or exc}", log) from exc
    with open(log, "a") as out:
        out.write(f"restore complete from {folder}: {counts}\n")
    os.sync()
    return counts
