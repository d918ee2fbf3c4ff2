"""One reviewed community per MSI node and one for the national office."""


def test_node_communities(client):
    """Seven public communities, every submission reviewed, described in Swedish and English."""
    hits = client.get("/api/communities", query_string={"size": 50, "q": "slug:msi-*"}).json
    communities = {hit["slug"]: hit for hit in hits["hits"]["hits"]}
    assert set(communities) == {
        "msi-boras",
        "msi-jonkoping",
        "msi-lulea",
        "msi-syd",
        "msi-umea",
        "msi-orebro",
        "msi-nationellt-kansli",
    }
    for community in communities.values():
        assert community["access"]["review_policy"] == "closed"
        assert community["access"]["visibility"] == "public"
        swedish, english = community["metadata"]["description"].split(" — ")
        assert "MSI:s" in swedish
        assert "MSI's" in english


def test_demo_records_sit_in_their_node_community(client):
    """Each demo record with a node is included in that node's community."""
    boras = client.get("/api/communities/msi-boras/records").json["hits"]
    assert boras["total"] >= 2
    for hit in boras["hits"]:
        assert hit["custom_fields"]["msi:node"]["id"] == "nod-boras"
