"""Fixtures of the security tests: drafts with files, and what the files location holds."""

import json
from pathlib import Path

import pytest

from helpers import record_data


@pytest.fixture()
def files_on_disk(app, database):
    """A function listing the files under the default files location, and that location."""
    from invenio_files_rest.models import Location

    root = Location.get_default().uri

    def listing():
        return {path for path in Path(root).rglob("*") if path.is_file()}

    listing.root = root
    return listing


@pytest.fixture()
def init_draft_file(client, api_headers):
    """A function creating a draft titled ``title`` with file ``key`` initialised: its files URL."""

    def init(title, key):
        data = json.dumps(record_data(title, files=True))
        draft = client.post("/api/records", data=data, headers=api_headers)
        assert draft.status_code == 201, draft.json
        url = f"/api/records/{draft.json['id']}/draft/files"
        response = client.post(url, data=json.dumps([{"key": key}]), headers=api_headers)
        assert response.status_code == 201, response.json
        return url

    return init
