"""Extract and store the text of a published record's files; read it back for indexing."""

import time
from collections import defaultdict

from flask import current_app
from invenio_db import db

from .extractors import ExtractionError, NothingToExtract, extract_text
from .models import ExtractionStatus, FulltextModel


def _save(row, checksum, status, reason=None, extractor=None, extracted=None, secs=None):
    """Fill in the row of one file."""
    row.checksum, row.status, row.reason, row.extractor = checksum, status, reason, extractor
    row.text = extracted.text if extracted else None
    row.pages = extracted.pages if extracted else None
    row.seconds = secs
    return row


def extract_file(record_id, key, file_instance, force=False):
    """Extract one file unless its text for this exact content is already stored; return its row."""
    checksum = file_instance.checksum
    row = FulltextModel.query.filter_by(record_id=record_id, key=key).one_or_none()
    if row is not None and row.checksum == checksum and not force:
        return row
    if row is None:
        row = FulltextModel(record_id=record_id, key=key)
        db.session.add(row)
    max_size = current_app.config["MSI_FULLTEXT_MAX_FILE_SIZE"]
    if file_instance.size is not None and file_instance.size > max_size:
        reason = f"larger than the {max_size // 2**20} MiB extraction limit"
        return _save(row, checksum, ExtractionStatus.SKIPPED, reason)
    start = time.monotonic()
    try:
        with file_instance.storage().open() as stream:
            data = stream.read()
        name, extracted = extract_text(key, data, current_app.config["MSI_FULLTEXT_MAX_PAGES"])
    except NothingToExtract as exc:
        return _save(row, checksum, ExtractionStatus.SKIPPED, str(exc))
    except ExtractionError as exc:
        return _save(row, checksum, ExtractionStatus.FAILED, str(exc))
    return _save(
        row,
        checksum,
        ExtractionStatus.OK,
        None,
        name,
        extracted,
        time.monotonic() - start,
    )


def extract_record(record, force=False):
    """Extract every file of a published record; drop rows of files it no longer has."""
    keys = []
    if record.files.enabled:
        for key, file_record in record.files.entries.items():
            keys.append(key)
            extract_file(record.id, key, file_record.object_version.file, force=force)
    stale = FulltextModel.query.filter(FulltextModel.record_id == record.id)
    if keys:
        stale = stale.filter(FulltextModel.key.notin_(keys))
    stale.delete(synchronize_session=False)
    db.session.commit()


def record_texts(record_ids):
    """Return ``{record_id: text}`` of many records with one query, as ``record_text`` joins it."""
    rows = (
        FulltextModel.query.filter(
            FulltextModel.record_id.in_(record_ids),
            FulltextModel.status == ExtractionStatus.OK,
        )
        .order_by(FulltextModel.record_id, FulltextModel.key)
        .with_entities(FulltextModel.record_id, FulltextModel.text)
    )
    parts = defaultdict(list)
    for record_id, text in rows:
        if text:
            parts[record_id].append(text)
    limit = current_app.config["MSI_FULLTEXT_MAX_INDEXED_CHARS"]
    return {record_id: "\n\n".join(parts[record_id])[:limit] for record_id in record_ids}


def record_text(record_id):
    """Return the extracted text of a record's files, joined, within the indexing limit."""
    return record_texts([record_id])[record_id]


def status_counts():
    """Return the number of files per extraction status."""
    rows = db.session.query(FulltextModel.status, db.func.count()).group_by(FulltextModel.status)
    return {status.value: count for status, count in rows}
