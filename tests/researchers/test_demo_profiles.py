"""The demo collection includes the research network: profiles with their works and co-authors."""

from pathlib import Path

import yaml
from invenio_search import current_search

from msi_rdm.demo.loader import load_demo

ASTRID = "0009-0007-2943-6480"
LEILA = "0009-0000-4859-6913"
NILS = "0009-0005-9337-5235"


def demo_orcids(app):
    path = Path(app.instance_path) / "app_data/demo/researchers.yaml"
    return [spec["orcid"] for spec in yaml.safe_load(path.read_text())]


def profiles_by_orcid(client, orcids):
    query = "orcid.id:(" + " OR ".join(f'"{o}"' for o in orcids) + ")"
    hits = client.get("/api/researchers", query_string={"size": 100, "q": query}).json
    return {hit["orcid"]["id"]: hit for hit in hits["hits"]["hits"]}


def test_demo_network(client, app):
    load_demo()  # idempotent; `make test` has already loaded it
    current_search.flush_and_refresh("researchers")
    profiles = profiles_by_orcid(client, demo_orcids(app))
    assert len(profiles) == 7  # the eighth application waits for its node
    assert NILS not in profiles
    astrid = profiles[ASTRID]
    assert astrid["orcid"]["verified"] is True
    assert astrid["contact"]["email"] == "astrid.lindqvist@msi-demo.org"
    works = client.get(f"/api/researchers/{astrid['id']}/works").json["hits"]
    assert works["total"] >= 2
    for hit in works["hits"]:
        ids = [
            i["identifier"]
            for c in hit["metadata"]["creators"]
            for i in c["person_or_org"].get("identifiers", [])
        ]
        assert ASTRID in ids
    coauthors = client.get(f"/api/researchers/{astrid['id']}/coauthors").json["hits"]["hits"]
    assert LEILA in [c["orcid"]["id"] for c in coauthors]
    assert load_demo() == 0
    assert len(profiles_by_orcid(client, demo_orcids(app))) == 7
