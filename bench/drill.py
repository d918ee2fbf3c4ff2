"""B9: the backup drill: back up the running instance, restore it elsewhere, per 1,000 records.

    python bench/drill.py [--repeat 1]

The backup (``invenio msi backup``) is measured against a bare ``pg_dump --format=custom`` of the
same database in the same run (the baseline); the restore (``invenio msi restore``: verification,
``pg_restore``, files, index rebuild) goes to a database, index prefix, Redis database and files
folder of its own (``msi_bench_drill``, ``msi-bench-drill-``, 15, a temporary folder), which are
dropped afterwards: the running instance is only read.
"""

import argparse
import ast
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2
import requests
from sqlalchemy.engine import URL, make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report  # noqa: E402

DB = "msi_bench_drill"
PREFIX = "msi-bench-drill-"
INVENIO = str(Path(sys.executable).with_name("invenio"))


def run(command, env=None):
    """Run a command; return its seconds, or exit with its output."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        sys.exit(f"{command[:3]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def admin_sql(url, statement):
    """Run one statement on the server's ``postgres`` database."""
    conn = psycopg2.connect(url.set(drivername="postgresql", database="postgres").render_as_string(
        hide_password=False))  # fmt: skip
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(statement)
    conn.close()


def drop_target(url, search):
    """Drop the drill's database and indices."""
    admin_sql(url, f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    for index in requests.get(f"{search}/_cat/indices/{PREFIX}*?format=json", timeout=30).json():
        requests.delete(f"{search}/{index['index']}", timeout=120)


def records_in(search, prefix):
    """Published records in the records index of ``prefix``."""
    answer = requests.get(f"{search}/{prefix}rdmrecords-records/_count", timeout=30).json()
    return answer.get("count", 0)


def main():
    """Run B9 and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    options = parser.parse_args()

    url = make_url(os.environ["INVENIO_SQLALCHEMY_DATABASE_URI"])
    host = ast.literal_eval(os.environ["INVENIO_SEARCH_HOSTS"])[0]
    search = f"http://{host['host']}:{host['port']}"
    source_prefix = os.environ.get("INVENIO_SEARCH_INDEX_PREFIX", "")
    records = records_in(search, source_prefix)
    redis = make_url(os.environ["INVENIO_CACHE_REDIS_URL"])
    target_env = {
        **os.environ,
        "INVENIO_SQLALCHEMY_DATABASE_URI": url.set(database=DB).render_as_string(
            hide_password=False
        ),
        "INVENIO_SEARCH_INDEX_PREFIX": PREFIX,
        "INVENIO_CELERY_TASK_ALWAYS_EAGER": "True",
        **{
            name: f"redis://{redis.host}:{redis.port}/15"
            for name, value in os.environ.items()
            if name.startswith("INVENIO_") and value.startswith("redis://")
        },
    }
    pg_dump = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))[-1]
    times = {"pg_dump": [], "backup": [], "restore": []}
    restored = 0
    for _ in range(options.repeat):
        with tempfile.TemporaryDirectory(prefix="msi-bench-drill-") as tmp:
            tmp = Path(tmp)
            plain = URL.create("postgresql", username=url.username, host=url.host,
                               port=url.port, database=url.database)  # fmt: skip
            env = {**os.environ, "PGPASSWORD": url.password or ""}
            dump = [str(pg_dump), "-Fc", f"--file={tmp / 'plain.dump'}",
                    plain.render_as_string(hide_password=False)]  # fmt: skip
            times["pg_dump"].append(run(dump, env))
            times["backup"].append(run([INVENIO, "msi", "backup", str(tmp / "backup")]))
            drop_target(url, search)
            admin_sql(url, f"CREATE DATABASE {DB}")
            instance = tmp / "instance"
            instance.mkdir()
            env = {**target_env, "INVENIO_INSTANCE_PATH": str(instance)}
            restore = [INVENIO, "msi", "restore", str(tmp / "backup"), "--files-dir",
                       str(tmp / "files")]  # fmt: skip
            times["restore"].append(run(restore, env))
            restored = records_in(search, PREFIX)
            drop_target(url, search)
            shutil.rmtree(tmp / "files", ignore_errors=True)
    per_thousand = 1000 / max(records, 1)
    medians = {name: statistics.median(values) for name, values in times.items()}
    results = {
        "records": records,
        "restored_records": restored,
        "seconds": medians,
        "seconds_per_1000_records": {k: v * per_thousand for k, v in medians.items()},
        "backup_vs_pg_dump": medians["backup"] / medians["pg_dump"],
        "repeat": options.repeat,
    }
    lines = [
        f"B9 backup drill: {records} records, {restored} restored and indexed "
        f"(median of {options.repeat})",
        "",
        "| step | seconds | seconds per 1,000 records | ratio to pg_dump |",
        "|---|---|---|---|",
    ]
    for name in ("pg_dump", "backup", "restore"):
        lines.append(
            f"| {name} | {medians[name]:.1f} | {medians[name] * per_thousand:.1f} "
            f"| {medians[name] / medians['pg_dump']:.1f} |"
        )
    report("drill", results, lines)
    if restored != records:
        sys.exit(f"the restore indexed {restored} records of {records}")


if __name__ == "__main__":
    main()
