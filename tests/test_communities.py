"""One reviewed community per MSI node and one for the national office."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def test_every_community_answers_its_logo(client):
    """Each community of communities.yaml has a logo (its node's mark), not a 404 placeholder."""
    import io

    import yaml
    from PIL import Image

    from msi_rdm.communities.logos import PLUM, SIZE, make_logo

    entries = yaml.safe_load((ROOT / "app_data/communities.yaml").read_text())
    marks = set()
    for entry in entries:
        response = client.get(f"/api/communities/{entry['slug']}/logo")
        assert response.status_code == 200, entry["slug"]
        image = Image.open(io.BytesIO(response.data))
        assert image.format == "PNG" and image.size == (SIZE, SIZE)
        assert image.convert("RGB").getpixel((1, 1)) == PLUM
        if not entry.get("logo"):
            assert response.data == make_logo(entry["metadata"]["title"]), entry["slug"]
        marks.add(response.data)
    assert len(marks) == len(entries)


def test_mark_names_the_node_and_its_university():
    """The generated mark reads MSI, the node's place and its host university."""
    from msi_rdm.communities.logos import mark_lines

    assert mark_lines("MSI Borås – Högskolan i Borås") == ["MSI", "Borås", "Högskolan i Borås"]
    assert mark_lines("Mötesplats Social Innovation – nationellt kansli") == [
        "MSI",
        "Nationellt kansli",
        "Mötesplats Social Innovation",
    ]
