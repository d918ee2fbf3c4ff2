"""The test instance runs on the real services, with vocabularies loaded and indexed."""

import redis
from flask import current_app
from invenio_db import db
from invenio_search import current_search_client

from msi_rdm.instance import REQUIRED_VOCABULARIES, check_instance, vocabulary_counts


def test_services_are_real(app):
    """PostgreSQL, OpenSearch 2.x and Redis answer; nothing is mocked or swapped."""
    assert db.engine.dialect.name == "postgresql"
    assert db.session.execute(db.text("SELECT current_database()")).scalar() == "msi_test"
    info = current_search_client.info()
    assert info["version"]["distribution"] == "opensearch"
    assert info["version"]["number"].startswith("2.")
    assert redis.Redis.from_url(current_app.config["CACHE_REDIS_URL"]).ping()
    assert current_app.config["BROKER_URL"].startswith("redis://")


def test_swedish_analysis_is_available(app):
    """The search engine has the modules InvenioRDM and Swedish analysis need."""
    tokens = current_search_client.indices.analyze(
        body={"analyzer": "swedish", "text": "Barnens rättigheter i offentliga rummen"}
    )["tokens"]
    assert [t["token"] for t in tokens] == ["barn", "rätt", "offent", "rumm"]


def test_vocabularies_loaded_and_indexed(app):
    """Every required vocabulary has its entries, all of them indexed."""
    counts = vocabulary_counts()
    for vtype, minimum in REQUIRED_VOCABULARIES.items():
        in_db, in_index = counts[vtype]
        assert in_db >= minimum, vtype
        assert in_index == in_db, vtype
    assert check_instance(echo=lambda line: None) == []


def test_languages_are_bilingual(client):
    """Languages carry Swedish and English titles and are found by code."""
    response = client.get("/api/vocabularies/languages/swe")
    assert response.status_code == 200
    assert response.json["title"] == {"sv": "svenska", "en": "Swedish"}
    hits = client.get("/api/vocabularies/languages?q=fit").json["hits"]["hits"]
    assert any(hit["id"] == "fit" and hit["title"]["sv"] == "meänkieli" for hit in hits)


def test_resource_types_vocabulary(client):
    """Resource types are served by the vocabulary API."""
    response = client.get("/api/vocabularies/resourcetypes?size=100")
    ids = {hit["id"] for hit in response.json["hits"]["hits"]}
    assert {"publication-report", "video", "dataset"} <= ids
