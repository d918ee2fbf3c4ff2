"""URN:NBN: minted on publish once KB's prefix is set, shown on the landing page and in exports."""

from lxml import etree

from helpers import applications, deposit, record_data

MODS = "{http://www.loc.gov/mods/v3}"
DC = "{http://purl.org/dc/elements/1.1/}"


def _oai(client, record, prefix):
    answer = client.get(
        "/oai2d",
        query_string={
            "verb": "GetRecord",
            "identifier": record["pids"]["oai"]["identifier"],
            "metadataPrefix": prefix,
        },
    )
    return etree.fromstring(answer.data)


def test_no_urn_without_a_prefix(app, client, api_headers, unique_word):
    """Without a prefix from KB, records get no URN:NBN."""
    assert not any(each.config["MSI_URNNBN_PREFIX"] for each in applications(app))
    record = deposit(client, api_headers, record_data(f"Utan URN {unique_word}"))
    assert "urn" not in record["pids"]


def test_urn_minted_shown_and_exported(app, client, api_headers, unique_word, monkeypatch):
    """With a prefix, each published record gets urn:nbn:se:<prefix>-<id>, registered, on its
    landing page (linked to KB's resolver), in Swepub MODS and in Dublin Core."""
    for each in applications(app):  # the site and the REST API mounted in it
        monkeypatch.setitem(each.config, "MSI_URNNBN_PREFIX", "msitest")
    data = record_data(f"Med URN {unique_word}")
    data["custom_fields"] = {"msi:node": {"id": "nod-lulea"}}
    record = deposit(client, api_headers, data)
    urn = f"urn:nbn:se:msitest-{record['id']}"
    assert record["pids"]["urn"] == {"identifier": urn, "provider": "urnnbn"}
    page = client.get(f"/records/{record['id']}").get_data(as_text=True)
    assert 'id="msi-urn-nbn"' in page and f"https://urn.kb.se/resolve?urn={urn}" in page
    mods = _oai(client, record, "swepub_mods")
    assert urn in [e.text for e in mods.iter(f"{MODS}identifier") if e.get("type") == "urn"]
    dc = _oai(client, record, "oai_dc")
    assert urn in [e.text for e in dc.iter(f"{DC}identifier")]
