"""The drill instance: a database, index prefix, Redis database and files folder of its own.

It never touches the shared test instance (``msi_test``, ``msi-test-*``): the drill's database is
``msi_drill``, its indices ``msi-test-drill-*``, its Redis database 15 and its files a folder of
its own. ``scripts/test.sh`` makes one ahead of the session, while the web assets build:

    python tests/preservation/drill_instance.py ROOT

initialises it under ROOT and then writes ROOT/ready; the ``drill_instance`` fixture takes it
when ``MSI_DRILL_ROOT`` names it, and otherwise makes one itself.
"""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
import redis
import requests
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers import ROOT  # noqa: E402

DRILL_DB = "msi_drill"
DRILL_PREFIX = "msi-test-drill-"
DRILL_REDIS_DB = 15
INVENIO = str(Path(sys.executable).with_name("invenio"))


class DrillInstance:
    """The drill instance's settings, and what the drill does to its services."""

    def __init__(self, root):
        """Settings of an instance kept under ``root``."""
        self.root = root
        self.instance = root / "instance"
        self.files = root / "files"
        url = make_url(os.environ["INVENIO_SQLALCHEMY_DATABASE_URI"])
        self.url = url.set(database=DRILL_DB)
        self.admin_url = url.set(drivername="postgresql", database="postgres")
        host = ast.literal_eval(os.environ["INVENIO_SEARCH_HOSTS"])[0]
        self.search = f"http://{host['host']}:{host['port']}"
        redis_url = make_url(os.environ["INVENIO_CACHE_REDIS_URL"])
        self.redis = f"redis://{redis_url.host}:{redis_url.port}/{DRILL_REDIS_DB}"
        self.env = {
            **os.environ,
            "INVENIO_INSTANCE_PATH": str(self.instance),
            "INVENIO_SQLALCHEMY_DATABASE_URI": self.url.render_as_string(hide_password=False),
            "INVENIO_SEARCH_INDEX_PREFIX": DRILL_PREFIX,
            "INVENIO_CELERY_TASK_ALWAYS_EAGER": "True",
            "INVENIO_LOGGING_CONSOLE_LEVEL": "WARNING",
            "MSI_ADMIN_PASSWORD": "drill-Pa55word",
            **{
                name: self.redis
                for name in os.environ
                if name.startswith("INVENIO_") and os.environ[name].startswith("redis://")
            },
        }

    def run(self, *args, check=True, env=None, timeout=900):
        """Run a command on the drill instance; return the completed process."""
        done = subprocess.run(  # noqa: S603
            list(args), env={**self.env, **(env or {})}, capture_output=True, text=True,
            timeout=timeout, check=False,
        )  # fmt: skip
        if check and done.returncode:
            pytest.fail(f"{args[:3]} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return done

    def invenio(self, *args, **kwargs):
        """Run ``invenio`` on the drill instance."""
        return self.run(INVENIO, *args, **kwargs)

    def drill_script(self, *args):
        """Run tests/preservation/drill.py on the drill instance."""
        return self.run(sys.executable, str(Path(__file__).with_name("drill.py")), *args)

    def sql(self, statement):
        """Run one statement on the server's ``postgres`` database (autocommit)."""
        conn = psycopg2.connect(self.admin_url.render_as_string(hide_password=False))
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                cursor.execute(statement)
        finally:
            conn.close()

    def wipe(self):
        """Drop everything of the drill instance: database, indices, Redis, files."""
        self.sql(f"DROP DATABASE IF EXISTS {DRILL_DB} WITH (FORCE)")
        self.sql(f"CREATE DATABASE {DRILL_DB}")
        indices = requests.get(
            f"{self.search}/_cat/indices/{DRILL_PREFIX}*?format=json", timeout=30
        ).json()
        for index in indices:
            assert index["index"].startswith(DRILL_PREFIX)
            requests.delete(f"{self.search}/{index['index']}", timeout=60).raise_for_status()
        redis.Redis.from_url(self.redis).flushdb()
        shutil.rmtree(self.files, ignore_errors=True)

    def create(self):
        """Initialise the drill instance afresh (no demo collection)."""
        self.wipe()
        self.instance.mkdir(parents=True, exist_ok=True)
        for name in ("invenio.cfg", "app_data", "templates"):
            link = self.instance / name
            if not link.exists():
                link.symlink_to(ROOT / name)
        self.invenio(
            "msi", "init", "--files-uri", str(self.files), "--admin-email",
            "admin@drill.example.org", "--no-demo",
        )  # fmt: skip

    def search_count(self, alias):
        """Documents behind one of the drill's aliases."""
        answer = requests.get(f"{self.search}/{DRILL_PREFIX}{alias}/_count", timeout=30)
        return answer.json().get("count", 0)

    def is_ready(self):
        """Whether this instance was made ahead of the session and finished."""
        return (self.root / "ready").exists()


if __name__ == "__main__":
    drill = DrillInstance(Path(sys.argv[1]))
    drill.create()
    (drill.root / "ready").write_text("ready\n")
