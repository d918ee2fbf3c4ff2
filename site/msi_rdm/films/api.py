"""Probe the video files and read the captions of a published record; report what was found."""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from invenio_db import db
from invenio_i18n import gettext as _
from invenio_pidstore.errors import PIDDoesNotExistError
from invenio_pidstore.models import PersistentIdentifier

from .access import files_public
from .captions import CaptionError, caption_language, is_caption, parse_webvtt
from .durations import iso_duration
from .models import FilmFileKind, FilmFileModel, FilmFileStatus
from .probe import ProbeError, check_complete, is_video, poster, probe


@contextmanager
def local_path(file_instance):
    """Yield a path to the file's content: its own when stored locally, else a temporary copy."""
    uri = Path(file_instance.uri or "")
    if uri.is_absolute() and uri.is_file():
        yield uri
        return
    with tempfile.NamedTemporaryFile(prefix="msi-film-") as tmp:
        with file_instance.storage().open() as stream:
            shutil.copyfileobj(stream, tmp)
        tmp.flush()
        yield Path(tmp.name)


def _read_video(row, file_instance, with_poster=True):
    """Probe a video, check it is complete and take its poster."""
    timeout = current_app.config["MSI_FILMS_PROBE_TIMEOUT"]
    with local_path(file_instance) as path:
        found = probe(path, timeout)
        check_complete(path, found.duration, timeout)
        if with_poster:
            width = current_app.config["MSI_FILMS_POSTER_WIDTH"]
            row.poster = poster(path, found.duration, width)
    row.duration, row.width, row.height = found.duration, found.width, found.height
    row.video_codec, row.audio_codec, row.container = (
        found.video_codec,
        found.audio_codec,
        found.container,
    )


def _read_captions(row, file_instance, with_poster=True):
    """Parse a WebVTT file into cues."""
    with file_instance.storage().open() as stream:
        cues = parse_webvtt(stream.read())
    row.cues = [[cue.start, cue.end, cue.text] for cue in cues]


def _clear(row):
    """Forget what an earlier reading of the row's file found."""
    for column in ("reason", "duration", "width", "height", "video_codec", "audio_codec"):
        setattr(row, column, None)
    row.container = row.poster = row.cues = None


def inspect(row, key, file_instance, with_poster=True):
    """Fill a row with what the video or caption file ``key`` holds, or why it cannot be used."""
    kind = FilmFileKind.VIDEO if is_video(key) else FilmFileKind.CAPTIONS
    _clear(row)
    row.kind, row.checksum = kind, file_instance.checksum
    row.language = caption_language(key) if kind == FilmFileKind.CAPTIONS else None
    read = _read_video if kind == FilmFileKind.VIDEO else _read_captions
    try:
        read(row, file_instance, with_poster)
    except (ProbeError, CaptionError) as exc:
        row.status, row.reason = FilmFileStatus.FAILED, str(exc)
    else:
        row.status = FilmFileStatus.OK
    return row


def read_file(record_id, key, file_instance, force=False):
    """Read one video or caption file unless this exact content was read; return its row."""
    row = FilmFileModel.query.filter_by(record_id=record_id, key=key).one_or_none()
    if row is not None and row.checksum == file_instance.checksum and not force:
        return row
    if row is None:
        row = FilmFileModel(record_id=record_id, key=key)
        db.session.add(row)
    return inspect(row, key, file_instance)


def check_draft(draft):
    """Return unsaved rows saying what the draft's film files hold, for its depositor.

    Nothing is stored (no poster is taken): the record is probed for good once published.
    """
    rows = []
    for key in film_keys(draft):
        version = draft.files.entries[key].object_version
        if version is not None and version.file is not None:  # uploads not finished are skipped
            row = FilmFileModel(record_id=draft.id, key=key)
            rows.append(inspect(row, key, version.file, with_poster=False))
    return rows


def is_film_file(key):
    """True for a video or caption file: the files the pipeline keeps a row for."""
    return is_video(key) or is_caption(key)


def film_keys(record):
    """Return the keys of the record's video and caption files."""
    if not record.files.enabled:
        return []
    return [key for key in record.files.entries if is_film_file(key)]


def fill_duration(record, rows):
    """Put the probed length into ``msi:duration`` when the depositor left it empty."""
    durations = [r.duration for r in rows if r.kind == FilmFileKind.VIDEO and r.duration]
    custom_fields = record.get("custom_fields") or {}
    if not durations or custom_fields.get("msi:duration"):
        return False
    record["custom_fields"] = {**custom_fields, "msi:duration": iso_duration(max(durations))}
    record.commit()
    return True


def process_record(record, force=False):
    """Read every video and caption file of a published record; drop rows of removed files."""
    keys = film_keys(record)
    rows = [
        read_file(record.id, key, record.files.entries[key].object_version.file, force=force)
        for key in keys
    ]
    stale = FilmFileModel.query.filter(FilmFileModel.record_id == record.id)
    if keys:
        stale = stale.filter(FilmFileModel.key.notin_(keys))
    stale.delete(synchronize_session=False)
    filled = fill_duration(record, rows)
    db.session.commit()
    return rows, filled


def public_poster_url(record):
    """Return the poster address of a published film whose files are public, else None.

    ``record`` is a projection (``id`` and ``access``), as serializers see it. Only the public get
    an address, since it goes into exports that anyone can read.
    """
    if not files_public(record):
        return None
    try:
        pid = PersistentIdentifier.get("recid", record["id"])
    except (KeyError, PIDDoesNotExistError):
        return None
    has_poster = db.session.query(
        FilmFileModel.query.filter(
            FilmFileModel.record_id == pid.object_uuid,
            FilmFileModel.kind == FilmFileKind.VIDEO,
            FilmFileModel.status == FilmFileStatus.OK,
            FilmFileModel.poster.isnot(None),
        ).exists()
    ).scalar()
    if not has_poster:
        return None
    return f"{current_app.config['SITE_UI_URL'].rstrip('/')}/records/{record['id']}/poster"


def film_rows(record_id):
    """Return the film rows of a record, videos first, then captions by key."""
    rows = FilmFileModel.query.filter_by(record_id=record_id).all()
    return sorted(rows, key=lambda r: (r.kind != FilmFileKind.VIDEO, r.key))


def film_messages(rows):
    """Return what the depositor should know: unreadable files, and a film without captions."""
    messages = [
        _("%(key)s: %(reason)s", key=row.key, reason=row.reason)
        for row in rows
        if row.status == FilmFileStatus.FAILED
    ]
    videos = [r for r in rows if r.kind == FilmFileKind.VIDEO and r.status == FilmFileStatus.OK]
    captions = [
        r for r in rows if r.kind == FilmFileKind.CAPTIONS and r.status == FilmFileStatus.OK
    ]
    if videos and not captions:
        messages.append(
            _("The film has no captions: add a WebVTT file per language, e.g. film.sv.vtt.")
        )
    return messages


def film_summary(rows):
    """Return the film's probe results, captions and messages as JSON for the API."""
    return {
        "videos": [
            {
                "key": r.key,
                "status": r.status.value,
                "reason": r.reason,
                "duration": r.duration,
                "iso_duration": iso_duration(r.duration) if r.duration else None,
                "width": r.width,
                "height": r.height,
                "video_codec": r.video_codec,
                "audio_codec": r.audio_codec,
                "container": r.container,
                "poster": bool(r.poster),
            }
            for r in rows
            if r.kind == FilmFileKind.VIDEO
        ],
        "captions": [
            {
                "key": r.key,
                "status": r.status.value,
                "reason": r.reason,
                "language": r.language,
                "cues": len(r.cues or []),
            }
            for r in rows
            if r.kind == FilmFileKind.CAPTIONS
        ],
        "messages": [str(m) for m in film_messages(rows)],
    }
