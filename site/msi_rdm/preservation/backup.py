"""Back up an instance into a folder: its database, its files, its configuration and a manifest.

A backup folder holds

- ``database.pgdump``: ``pg_dump --format=custom`` of the instance's database (one consistent
  snapshot of every table);
- ``files/<location>/``: each files location's folder, copied after the dump, so that every file the
  dump refers to is there (files are never changed in place, only added);
- ``config/invenio.cfg`` and ``config/environment.json``: the instance's configuration file and its
  ``INVENIO_*`` settings, secrets left out (their names are listed in the manifest);
- ``manifest.json`` (what the backup holds, where it came from, the SHA-256 of every file) and
  ``manifest-sha256.txt`` (the same checksums, for ``sha256sum -c``).

It is written into ``<folder>.incomplete`` and renamed to ``<folder>`` once complete, so a folder
with the final name is always a whole backup; an existing folder is never written into.
"""

import hashlib
import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from flask import current_app
from invenio_db import db
from invenio_files_rest.models import FileInstance, Location
from sqlalchemy.engine import URL, make_url

FORMAT = 1
"""Version of the backup folder's layout; restores refuse layouts they do not know."""

DUMP = "database.pgdump"
MANIFEST = "manifest.json"
CHECKSUMS = "manifest-sha256.txt"
README = "README.txt"


class PreservationError(Exception):
    """A backup or restore that cannot go on: a one-line reason and the log to read."""

    def __init__(self, reason, log=None):
        """Keep the reason and the log."""
        super().__init__(reason)
        self.reason = reason
        self.log = log

    def __str__(self):
        """The reason, and where to read more."""
        return self.reason + (f" (log: {self.log})" if self.log else "")


def log_folder():
    """The folder of backup and restore logs."""
    folder = current_app.config.get("MSI_PRESERVATION_LOG_FOLDER")
    folder = Path(folder) if folder else Path(current_app.instance_path).parent / "log"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_log(kind):
    """A fresh log file for a backup or restore."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return log_folder() / f"{kind}-{stamp}.log"


def pg_tool(name):
    """The path of a PostgreSQL client tool (``pg_dump``, ``pg_restore``)."""
    folder = current_app.config.get("MSI_PRESERVATION_PG_BIN")
    if not folder:
        found = sorted(
            Path("/usr/lib/postgresql").glob("*/bin"),
            key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        )
        folder = str(found[-1]) if found else None
    path = Path(folder) / name if folder else shutil.which(name)
    if not path or not Path(path).exists():
        raise PreservationError(f"{name} not found; install the PostgreSQL client tools")
    return str(path)


def database_url():
    """The instance's database URL (SQLAlchemy's), as libpq tools take it, and its password."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    return without_password(url, drivername="postgresql"), url.password


def without_password(url, drivername=None):
    """A URL as text without its password (``URL.set`` keeps one when given None)."""
    plain = URL.create(
        drivername=drivername or url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return plain.render_as_string(hide_password=False)


def pg_env(password):
    """The environment of PostgreSQL tools: the password in ``PGPASSWORD``, not in arguments."""
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password
    return env


def sha256(path, chunk=1 << 20):
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def md5(path, chunk=1 << 20):
    """The MD5 of a file, as invenio-files-rest writes checksums (``md5:<hex>``)."""
    digest = hashlib.md5()  # noqa: S324 the files store's own checksum algorithm
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return f"md5:{digest.hexdigest()}"


def is_secret(name):
    """Whether an ``INVENIO_*`` setting is a secret that backups leave out."""
    words = current_app.config["MSI_PRESERVATION_SECRET_WORDS"]
    return any(word in name.upper() for word in words)


def environment_settings():
    """``(settings kept, names left out)`` of the ``INVENIO_*`` environment.

    Secrets are left out by name; a URL setting keeps its address but loses its password.
    """
    kept, left_out = {}, []
    for name in sorted(os.environ):
        if not name.startswith("INVENIO_"):
            continue
        value = os.environ[name]
        if is_secret(name):
            left_out.append(name)
            continue
        if "://" in value and "@" in value:
            try:
                url = make_url(value)
            except Exception:  # noqa: BLE001 not a URL after all: leave it out to be safe
                left_out.append(name)
                continue
            if url.password:
                left_out.append(f"{name} (password)")
                value = without_password(url)
        kept[name] = value
    return kept, left_out


def locations():
    """The files locations: ``[{name, uri}]``, local folders only."""
    rows = Location.query.order_by(Location.name).all()
    return [{"name": row.name, "uri": row.uri, "default": row.default} for row in rows]


def _write(path, data):
    """Write ``data`` (text) and make sure it reached the disk."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def run_pg_tool(name, arguments, shown, log):
    """Run PostgreSQL's ``name`` with ``arguments`` and the instance's password, its output
    appended to ``log`` after the line ``$ name shown``; raise with the log's last line if it
    fails."""
    _url, password = database_url()
    with open(log, "a") as out:
        out.write(f"$ {name} {shown}\n")
        out.flush()
        done = subprocess.run(  # noqa: S603 fixed tool, arguments from the configuration
            [pg_tool(name), *arguments],
            env=pg_env(password),
            stdout=out,
            stderr=out,
            check=False,
        )
    if done.returncode:
        tail = Path(log).read_text(errors="replace").strip().splitlines()[-1:]
        raise PreservationError(f"{name} failed: {tail[0] if tail else done.returncode}", log)


def dump_database(target, log):
    """``pg_dump --format=custom`` the instance's database into ``target``."""
    url, _password = database_url()
    run_pg_tool(
        "pg_dump",
        ["--format=custom", "--no-password", f"--file={target}", url],
        f"--format=custom --file={target} {make_url(url).database}",
        log,
    )


def copy_files(locs, target, log):
    """Copy each location's folder into ``target/<name>``; return how many files were copied."""
    count = 0
    with open(log, "a") as out:
        for loc in locs:
            source = Path(loc["uri"].removeprefix("file://"))
            dest = target / loc["name"]
            out.write(f"copying {source} to {dest}\n")
            if source.is_dir():
                shutil.copytree(source, dest, symlinks=False)
                count += sum(1 for p in dest.rglob("*") if p.is_file())
            else:
                dest.mkdir(parents=True)
    return count


def check_copied_files(locs, files_folder):
    """Each stored file of the database that lies in a location is in the copy, with its checksum.

    Returns the problems found: ``[(uri, reason)]``. Run before the backup is called complete, so
    a backup of a damaged file store says so instead of passing it on unnoticed.
    """
    problems = []
    roots = [(loc["uri"].removeprefix("file://").rstrip("/") + "/", loc["name"]) for loc in locs]
    query = db.session.query(FileInstance.uri, FileInstance.checksum).filter(
        FileInstance.readable.is_(True)
    )
    for uri, checksum in query.yield_per(1000):
        local = uri.removeprefix("file://")
        root = next(((r, n) for r, n in roots if local.startswith(r)), None)
        if root is None:
            continue
        copy = files_folder / root[1] / local[len(root[0]) :]
        if not copy.is_file():
            problems.append((uri, "missing"))
        elif checksum and checksum.startswith("md5:") and md5(copy) != checksum:
            problems.append((uri, "checksum mismatch"))
    return problems


def write_manifest(folder, info):
    """Checksum every file of ``folder`` and write the manifest and ``manifest-sha256.txt``."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel in (MANIFEST, CHECKSUMS):
            continue
        files[rel] = {"sha256": sha256(path), "size": path.stat().st_size}
    info["files"] = files
    _write(folder / MANIFEST, json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    lines = [f"{entry['sha256']}  {rel}\n" for rel, entry in files.items()]
    _write(folder / CHECKSUMS, "".join(lines))
    return info


def readme(left_out):
    """The backup's README: what it holds and what it leaves out."""
    secrets = "\n".join(f"  - {name}" for name in left_out) or "  (none were set)"
    return f"""MSI repository backup
=====================

database.pgdump      pg_dump --format=custom of the instance's database
files/<location>/    the files locations, as they were on disk
config/invenio.cfg   the instance's configuration file
config/environment.json  its INVENIO_* settings, secrets left out
manifest.json        what this backup holds, where it came from, SHA-256 of every file
manifest-sha256.txt  the same checksums: `sha256sum -c manifest-sha256.txt` checks them

Secrets are NOT in this backup. Set them again on the machine you restore to:
{secrets}
(and the passwords of the database, broker and cache URLs, which were removed from them).
Search indices are not in it either: `invenio msi restore` rebuilds them from the database.
Usage statistics live only in the search indices and are not restored.

Restore onto an empty database with `invenio msi restore <this folder>`; it checks every
checksum first and refuses a database that is not empty.
"""


def backup(folder, echo=print):
    """Write a backup of the instance into the new folder ``folder``; return the manifest.

    Raises ``PreservationError`` (reason and log) when it cannot, leaving no partial backup behind.
    """
    folder = Path(folder).absolute()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PreservationError(f"{folder} exists and is not empty; back up into a new folder")
    partial = folder.with_name(folder.name + ".incomplete")
    if partial.exists():
        raise PreservationError(f"{partial} is left from an interrupted backup; remove it first")
    log = new_log("backup")
    started = datetime.now(UTC)
    try:
        partial.mkdir(parents=True)
        echo("dumping the database")
        dump_database(partial / DUMP, log)
        locs = locations()
        echo("copying the files")
        count = copy_files(locs, partial / "files", log)
        problems = check_copied_files(locs, partial / "files")
        if problems:
            with open(log, "a") as out:
                for uri, reason in problems:
                    out.write(f"{reason}: {uri}\n")
            raise PreservationError(
                f"{len(problems)} stored files are missing or damaged "
                f"(first: {problems[0][1]} {problems[0][0]})",
                log,
            )
        echo("writing the configuration and manifest")
        (partial / "config").mkdir()
        cfg = Path(current_app.instance_path) / "invenio.cfg"
        if cfg.exists():
            shutil.copyfile(cfg.resolve(), partial / "config" / "invenio.cfg")
        kept, left_out = environment_settings()
        _write(partial / "config" / "environment.json", json.dumps(kept, indent=2) + "\n")
        _write(partial / README, readme(left_out))
        info = {
            "format": FORMAT,
            "kind": "msi-rdm-backup",
            "created": started.isoformat(),
            "finished": datetime.now(UTC).isoformat(),
            "database": make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).database,
            "search_index_prefix": current_app.config.get("SEARCH_INDEX_PREFIX", ""),
            "site_url": current_app.config.get("SITE_UI_URL"),
            "versions": {d: version(d) for d in ("msi-rdm", "invenio-app-rdm")},
            "locations": locs,
            "stored_files": count,
            "secrets_excluded": left_out,
            "secrets_note": "Secrets are not in this backup; set them again where you restore.",
        }
        write_manifest(partial, info)
        os.rename(partial, folder) if not folder.exists() else _move_into(partial, folder)
    except OSError as exc:
        with open(log, "a") as out:
            out.write(f"error: {exc!r}\n")
        shutil.rmtree(partial, ignore_errors=True)
        raise PreservationError(f"backup failed: {exc.strerror or exc}", log) from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    with open(log, "a") as out:
        out.write(f"backup complete: {folder}\n")
    return info


def _move_into(partial, folder):
    """Move the complete backup into the (empty) folder the operator made for it."""
    for child in partial.iterdir():
        os.rename(child, folder / child.name)
    partial.rmdir()
