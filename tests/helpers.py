"""Small helpers shared by tests: record data and the REST deposit flow."""

import json

from invenio_search import current_search


def refresh_indices():
    """Make what was just indexed visible to search, as OpenSearch does within a second."""
    current_search.flush_and_refresh("rdmrecords")


def record_data(title, resource_type="publication-report", access="public", files=False):
    """Return minimal valid RDM record data."""
    return {
        "access": {"record": access, "files": access},
        "files": {"enabled": files},
        "metadata": {
            "resource_type": {"id": resource_type},
            "title": title,
            "publication_date": "2025-03-14",
            "publisher": "Mötesplats Social Innovation",
            "creators": [
                {
                    "person_or_org": {
                        "type": "personal",
                        "given_name": "Karin",
                        "family_name": "Sjöberg",
                    }
                }
            ],
            "languages": [{"id": "swe"}],
        },
    }


def deposit(client, headers, data, files=None):
    """Create a draft through the REST API, upload ``{name: bytes}`` files, publish, refresh."""
    response = client.post("/api/records", data=json.dumps(data), headers=headers)
    assert response.status_code == 201, response.json
    record_id = response.json["id"]
    for name, content in (files or {}).items():
        base = f"/api/records/{record_id}/draft/files"
        response = client.post(base, data=json.dumps([{"key": name}]), headers=headers)
        assert response.status_code == 201, response.json
        upload = {**headers, "Content-Type": "application/octet-stream"}
        response = client.put(f"{base}/{name}/content", data=content, headers=upload)
        assert response.status_code == 200, response.json
        response = client.post(f"{base}/{name}/commit", headers=headers)
        assert response.status_code == 200, response.json
    response = client.post(f"/api/records/{record_id}/draft/actions/publish", headers=headers)
    assert response.status_code == 202, response.json
    refresh_indices()
    return response.json
