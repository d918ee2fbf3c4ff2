"""The application gunicorn serves leaves its start-up objects out of garbage collection."""

import json
import subprocess
import sys


def test_served_application_freezes_its_start_up_objects():
    """The WSGI module gunicorn serves leaves the objects of start-up out of garbage collection
    and collects young objects less often; the collector is still on."""
    script = (
        "import gc, json; from msi_rdm.wsgi import application; "
        "print(json.dumps([gc.get_freeze_count(), gc.get_threshold(), gc.isenabled(), "
        "application.__class__.__name__]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    frozen, thresholds, enabled, name = json.loads(done.stdout.strip().splitlines()[-1])
    assert frozen > 100_000 and enabled and name == "Flask"
    assert thresholds[0] >= 5000  # CPython's default is 700
