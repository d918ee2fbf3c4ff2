"""The drill instance of the preservation tests (``drill_instance.py``), once per session."""

import os
import shutil
import uuid
from pathlib import Path

import pytest
from drill_instance import DRILL_DB, DrillInstance


@pytest.fixture(scope="session")
def drill_instance():
    """A fresh drill instance (the one made ahead, if any); dropped at the end of the session.

    Its folder is in the state folder, not pytest's temporary one, which other pytest sessions of
    the same account prune while this one runs."""
    ahead = os.environ.get("MSI_DRILL_ROOT")
    if ahead and DrillInstance(Path(ahead)).is_ready():
        drill = DrillInstance(Path(ahead))
    else:
        root = Path(os.environ["INVENIO_INSTANCE_PATH"]).parent / f"drill-{uuid.uuid4().hex[:8]}"
        drill = DrillInstance(root)
        drill.create()
    yield drill
    drill.wipe()
    drill.sql(f"DROP DATABASE IF EXISTS {DRILL_DB} WITH (FORCE)")
    shutil.rmtree(drill.root, ignore_errors=True)
