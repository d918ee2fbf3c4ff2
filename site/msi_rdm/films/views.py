"""Routes of films: poster and captions on the site, the film report in the REST API."""

from flask import Blueprint, Response, abort, current_app, g, jsonify
from flask_principal import PermissionDenied
from invenio_pidstore.errors import PIDDoesNotExistError
from invenio_rdm_records.proxies import current_rdm_records_service as records_service

from .access import readable_record
from .api import check_draft, film_rows, film_summary
from .captions import Cue, write_webvtt
from .durations import spoken
from .models import FilmFileKind, FilmFileStatus
from .player import player_languages
from .ui import draft_film_messages, film_embeds, film_for


def _row(record, kind, key=None):
    """Return the readable row of the given kind (and key) of a record, or abort with 404."""
    for row in film_rows(record.id):
        if row.kind == kind and row.status == FilmFileStatus.OK and key in (None, row.key):
            return row
    abort(404)


def poster(pid_value):
    """Serve the poster frame of a film the current user may play."""
    record = readable_record(pid_value)
    row = _row(record, FilmFileKind.VIDEO)
    if not row.poster:
        abort(404)
    response = Response(row.poster, mimetype="image/jpeg")
    response.headers["Cache-Control"] = (
        "public, max-age=3600" if record.access.protection.files == "public" else "private"
    )
    return response


def captions(pid_value, key):
    """Serve a caption file as clean WebVTT (timings and plain text only)."""
    record = readable_record(pid_value)
    row = _row(record, FilmFileKind.CAPTIONS, key)
    cues = [Cue(start, end, text) for start, end, text in row.cues]
    return Response(write_webvtt(cues), mimetype="text/vtt")


def film_report(pid_value):
    """Return what the films pipeline found: probe results, captions and messages."""
    record = readable_record(pid_value)
    summary = film_summary(film_rows(record.id))
    if any(video["poster"] for video in summary["videos"]):
        site = current_app.config["SITE_UI_URL"]
        summary["links"] = {"poster": f"{site}/records/{pid_value}/poster"}
    return jsonify(summary)


def draft_film_report(pid_value):
    """Return what the draft's film files hold and what to fix, to those who may edit it."""
    try:
        draft = records_service.read_draft(g.identity, pid_value)._record
    except PIDDoesNotExistError:
        abort(404)
    except PermissionDenied:  # PermissionDeniedError and RecordPermissionDeniedError
        abort(403)
    return jsonify(film_summary(check_draft(draft)))


def create_ui_blueprint(app):
    """Create the site blueprint: ``/records/<id>/poster`` and ``/records/<id>/captions/<key>``."""
    blueprint = Blueprint("msi_films", __name__)
    blueprint.add_app_template_global(film_for, "msi_film")
    blueprint.add_app_template_global(film_embeds, "msi_film_embeds")
    blueprint.add_app_template_global(draft_film_messages, "msi_draft_film_messages")
    blueprint.add_app_template_filter(spoken, "msi_duration")
    blueprint.add_app_template_global(player_languages, "msi_player_languages")
    blueprint.add_url_rule("/records/<pid_value>/poster", view_func=poster)
    blueprint.add_url_rule("/records/<pid_value>/captions/<path:key>", view_func=captions)
    return blueprint


def create_api_blueprint(app):
    """Create the REST blueprint: ``/records/<id>/film`` and ``/records/<id>/draft/film``."""
    blueprint = Blueprint("msi_films_api", __name__)
    blueprint.add_url_rule("/records/<pid_value>/film", view_func=film_report)
    blueprint.add_url_rule("/records/<pid_value>/draft/film", view_func=draft_film_report)
    return blueprint
