"""What depositors and operators see of DOIs: the landing-page notice, the `msi doi` commands."""

import os
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
import requests
import yaml
from invenio_access.permissions import system_identity
from invenio_accounts.testutils import login_user_via_session
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import ROOT, applications, deposit, record_data, token_headers
from msi_rdm.cli import msi
from msi_rdm.doi import state


@contextmanager
def visitor(app, user):
    """A signed-in test client with a session and application context of its own."""
    with app.app_context(), app.test_client() as client:
        login_user_via_session(client, user=user)
        yield client


@contextmanager
def dois(app, enabled):
    """DataCite DOIs switched on or off in every application, then back."""
    apps = applications(app)
    previous = [each.config["DATACITE_ENABLED"] for each in apps]
    for each in apps:
        each.config["DATACITE_ENABLED"] = enabled
    try:
        yield
    finally:
        for each, value in zip(apps, previous, strict=True):
            each.config["DATACITE_ENABLED"] = value


def test_landing_page_tells_the_depositor(app, depositor, datacite, unique_word):
    """A DOI DataCite has not taken is shown to the depositor, in Swedish, not to visitors."""
    client, headers = app.test_client(), token_headers(depositor.token)
    datacite.fail_next(2, status=502)
    record = deposit(client, headers, record_data(f"{unique_word} väntar"))
    doi = record["pids"]["doi"]["identifier"]
    with visitor(app, depositor) as own:
        page = own.get(f"/records/{record['id']}").get_data(as_text=True)
    assert "DOI:n är inte registrerad än" in page and doi in page
    anonymous = app.test_client().get(f"/records/{record['id']}").get_data(as_text=True)
    assert "DOI:n är inte registrerad än" not in anonymous
    later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    from msi_rdm.doi.tasks import retry_dois

    retry_dois.delay(now=later)
    assert state.entry(doi) is None
    with visitor(app, depositor) as own:
        page = own.get(f"/records/{record['id']}").get_data(as_text=True)
    assert "DOI:n är inte registrerad än" not in page


def test_mint_gives_older_records_dois(app, depositor, datacite, unique_word):
    """Records published while DOIs were off get a DOI and a concept DOI from ``msi doi mint``."""
    client, headers = app.test_client(), token_headers(depositor.token)
    with dois(app, False):
        record = deposit(client, headers, record_data(f"{unique_word} äldre"))
    assert "doi" not in record["pids"]
    result = app.test_cli_runner().invoke(msi, ["doi", "mint", "--all"])
    assert result.exit_code == 0, result.output
    minted = service.read(system_identity, record["id"]).data
    doi = minted["pids"]["doi"]["identifier"]
    assert datacite.doi(doi)["state"] == "findable"
    assert datacite.doi(minted["parent"]["pids"]["doi"]["identifier"])["state"] == "findable"
    assert minted["metadata"]["title"] == f"{unique_word} äldre"


def test_pending_and_retry_commands(app, depositor, datacite, unique_word):
    """``msi doi pending`` lists a DOI DataCite refused; ``msi doi retry --now`` registers it."""
    client, headers = app.test_client(), token_headers(depositor.token)
    datacite.fail_next(2, status=503)
    record = deposit(client, headers, record_data(f"{unique_word} kö"))
    doi = record["pids"]["doi"]["identifier"]
    runner = app.test_cli_runner()
    listed = runner.invoke(msi, ["doi", "pending"])
    assert listed.exit_code == 0 and doi in listed.output and "attempts=1" in listed.output
    retried = runner.invoke(msi, ["doi", "retry", "--now"])
    assert retried.exit_code == 0, retried.output
    assert datacite.doi(doi)["state"] == "findable"
    assert doi not in runner.invoke(msi, ["doi", "pending"]).output


def test_demo_collection_registered_with_the_services_fake(app):
    """``scripts/services.sh`` runs the fake that ``make run``/``make test`` register with: every
    demo record's DOI and concept DOI are findable there."""
    url = os.environ.get("INVENIO_DATACITE_URL")
    if not url or os.environ.get("MSI_DATACITE_FAKE") != "1":
        pytest.skip("DOIs are registered with a DataCite of the environment's, not the fake")
    auth = (app.config["DATACITE_USERNAME"], app.config["DATACITE_PASSWORD"])
    assert requests.get(url + "heartbeat", timeout=10).text == "OK"
    titles = {
        spec["title"] for spec in yaml.safe_load((ROOT / "app_data/demo/records.yaml").open())
    }
    client, found = app.test_client(), 0
    for title in titles:
        query = {"q": f'"{title}"', "size": 10, "sort": "oldest"}
        answer = client.get("/api/records", query_string=query)
        hits = [h for h in answer.json["hits"]["hits"] if h["metadata"]["title"] == title]
        if not hits:
            continue
        hit = hits[0]  # the demo record itself, the oldest of its title
        found += 1
        for doi in (hit["pids"]["doi"]["identifier"], hit["parent"]["pids"]["doi"]["identifier"]):
            remote = requests.get(f"{url}dois/{doi}", auth=auth, timeout=10)
            assert remote.status_code == 200, doi
            assert remote.json()["data"]["attributes"]["state"] == "findable", doi
    assert found == len(titles)
