"""The fake DataCite of these tests: its own process on a free port, stopped and started at will."""

import subprocess
import sys
import time

import pytest
import requests

from helpers import applications, free_port


class FakeDataCiteProcess:
    """``python -m msi_rdm.doi.fake_datacite`` with the app's DataCite account."""

    def __init__(self, config, state_file, log):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.auth = (config["DATACITE_USERNAME"], config["DATACITE_PASSWORD"])
        self.prefix = config["DATACITE_PREFIX"]
        self.state_file, self.log = state_file, log
        self.process = None

    def start(self):
        """Start the fake and wait for its heartbeat."""
        command = [sys.executable, "-m", "msi_rdm.doi.fake_datacite", "--port", str(self.port),
                   "--username", self.auth[0], "--password", self.auth[1],
                   "--prefix", self.prefix, "--state", str(self.state_file)]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)  # noqa: S603
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(self.url + "heartbeat", timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the fake DataCite did not start")
            time.sleep(0.2)

    def stop(self):
        """Stop the fake: DataCite is down."""
        self.process.terminate()
        self.process.wait(timeout=10)

    def doi(self, doi):
        """The fake's JSON:API document of a DOI (None when unknown)."""
        response = requests.get(self.url + "dois/" + doi, auth=self.auth, timeout=10)
        return response.json()["data"]["attributes"] if response.ok else None

    def fail_next(self, count, status=503):
        """Make the next ``count`` requests answer ``status``."""
        requests.post(self.url + "__fake__/fail", json={"status": status, "count": count},
                      timeout=10).raise_for_status()  # fmt: skip


@pytest.fixture(scope="module")
def datacite(app, tmp_path_factory):
    """A fake DataCite the app registers DOIs with, for the module."""
    if not app.config.get("DATACITE_ENABLED"):
        pytest.skip("DOIs are off (INVENIO_DATACITE_ENABLED is not set by scripts/env.sh)")
    folder = tmp_path_factory.mktemp("datacite")
    with (folder / "fake.log").open("w") as log:
        fake = FakeDataCiteProcess(app.config, folder / "dois.json", log)
        fake.start()
        apps = applications(app)  # the UI application and the REST API's
        previous = [each.config.get("DATACITE_URL") for each in apps]
        for each in apps:
            each.config["DATACITE_URL"] = fake.url
        yield fake
        for each, url in zip(apps, previous, strict=True):
            each.config["DATACITE_URL"] = url
        if fake.process.poll() is None:
            fake.stop()
