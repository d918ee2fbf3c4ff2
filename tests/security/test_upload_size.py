"""Uploads above the size limits answer 413 or 400, keep the draft and leave no bytes on disk."""

import io

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request


def _put_content(client, url, headers, body, content_length):
    """PUT ``body`` to ``url`` declaring ``content_length`` (``None``: streamed, no declared size).

    Werkzeug's test client always declares the true length of a stream, so the WSGI environ is
    built first and its size fields then set as a client sending a large or chunked body would.
    """
    environ = EnvironBuilder(
        path=url, method="PUT", headers=headers, input_stream=io.BytesIO(body)
    ).get_environ()
    if content_length is None:
        del environ["CONTENT_LENGTH"]
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
        environ["wsgi.input_terminated"] = True
    else:
        environ["CONTENT_LENGTH"] = str(content_length)
    return client.open(Request(environ))


@pytest.fixture()
def draft_file(init_draft_file):
    """A new draft with one initialised, not yet uploaded, file: its URL and the draft's id."""
    url = init_draft_file("Stor fil", "film.mp4")
    return f"{url}/film.mp4", url.split("/")[3]


def _assert_nothing_stored(client, api_headers, file_url, draft_id):
    entry = client.get(file_url, headers=api_headers).json
    assert entry["status"] == "pending"
    assert "size" not in entry or not entry["size"]
    draft = client.get(f"/api/records/{draft_id}/draft", headers=api_headers)
    assert draft.status_code == 200
    assert draft.json["metadata"]["title"] == "Stor fil"


def test_production_limits_fit_films(app):
    """One file may be 20 GiB, a record's files together 50 GiB; new drafts' buckets carry them."""
    assert app.config["RDM_FILES_DEFAULT_MAX_FILE_SIZE"] == 20 * 2**30
    assert app.config["RDM_FILES_DEFAULT_QUOTA_SIZE"] == 50 * 2**30
    assert app.config["FILES_REST_DEFAULT_MAX_FILE_SIZE"] == 20 * 2**30


def test_bucket_of_a_new_draft_has_the_limits(app, database, draft_file):
    """The draft's bucket enforces the configured per-file limit and quota."""
    from invenio_rdm_records.proxies import current_rdm_records_service

    draft = current_rdm_records_service.draft_cls.pid.resolve(draft_file[1], registered_only=False)
    assert draft.bucket.max_file_size == 20 * 2**30
    assert draft.bucket.quota_size == 50 * 2**30


def test_declared_size_above_the_limit_answers_413(client, api_headers, draft_file, files_on_disk):
    """A Content-Length above the per-file limit is refused (413) before a byte is read."""
    file_url, draft_id = draft_file
    before = files_on_disk()
    headers = {**api_headers, "Content-Type": "application/octet-stream"}
    response = _put_content(client, f"{file_url}/content", headers, b"x" * 1024, 20 * 2**30 + 1)
    assert response.status_code == 413, response.get_data(as_text=True)
    _assert_nothing_stored(client, api_headers, file_url, draft_id)
    assert files_on_disk() == before


def test_streamed_bytes_above_the_quota_answer_400(client, api_headers, draft_file, files_on_disk):
    """Bytes beyond what the record may still hold, without a declared size, stop the upload."""
    from invenio_db import db
    from invenio_rdm_records.proxies import current_rdm_records_service

    file_url, draft_id = draft_file
    draft = current_rdm_records_service.draft_cls.pid.resolve(draft_id, registered_only=False)
    draft.bucket.quota_size = 4096  # as if the record's quota were almost used up
    db.session.commit()
    before = files_on_disk()
    headers = {**api_headers, "Content-Type": "application/octet-stream"}
    response = _put_content(client, f"{file_url}/content", headers, b"x" * 64 * 1024, None)
    assert response.status_code == 400, response.get_data(as_text=True)
    _assert_nothing_stored(client, api_headers, file_url, draft_id)
    assert files_on_disk() == before
