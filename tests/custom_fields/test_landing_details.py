"""The landing page's details panel shows the MSI fields as label and a line of linked values."""

import re

TRYGGA = "Forskning i samverkan som förändrar Sverige: Trygga platser i staden"


def _details(client):
    query = {"q": f'metadata.title:"{TRYGGA}"', "size": 1}
    record = client.get("/api/records", query_string=query).json["hits"]["hits"][0]
    html = client.get(f"/records/{record['id']}").get_data(as_text=True)
    start = html.index('id="additional-details"')
    return html[start : html.index("</section>", start)]


def test_labels_do_not_link_to_namespace_pages(client):
    """No label links to https://www.motesplatssocialinnovation.se/terms/…, which does not exist."""
    details = _details(client)
    assert "Hållbara städer" in details
    assert "motesplatssocialinnovation.se/terms" not in details
    assert "icon external" not in details


def test_values_run_on_with_commas_and_link_to_search_by_id(client):
    """Several goals read "A, B", each linked to the search for records with that goal's id."""
    details = _details(client)
    dd = re.search(
        r'<dd class="msi-field-values">((?:(?!</dd>).)*Hållbara städer.*?)</dd>', details, re.S
    )
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', dd.group(1))
    assert len(links) == 2
    text = re.sub(r"<[^>]+>", "", dd.group(1)).strip()
    assert text == f"{links[0][1]}, {links[1][1]}"
    assert "sdg-11" in links[0][0] and "custom_fields.msi" in links[0][0]
