"""What the landing page and the film previewer show of a film: poster, tracks and transcript."""

from babel import Locale, UnknownLocaleError
from flask import current_app, url_for
from invenio_i18n import gettext as _
from invenio_i18n.ext import current_i18n
from invenio_pidstore.errors import PIDDoesNotExistError
from invenio_pidstore.models import PersistentIdentifier
from invenio_rdm_records.proxies import current_rdm_records_service as records_service

from .api import check_draft, film_messages, film_rows
from .captions import caption_kind, time_code
from .embed import record_embeds
from .models import FilmFileKind, FilmFileStatus


def language_name(code):
    """Return the name of a language in the user's language (``sv`` → ``svenska``/``Swedish``)."""
    try:
        return Locale.parse(code).get_display_name(current_i18n.locale) or code
    except (UnknownLocaleError, ValueError, TypeError):
        return code or "?"


def _label(row, kind):
    """A track's name in the menus: its language, and for descriptions what they are."""
    name = language_name(row.language) if row.language else row.key
    return _("%(language)s (audio description)", language=name) if kind == "descriptions" else name


def _tracks(pid_value, captions):
    """Return the caption tracks, then the audio-description tracks, the user's language first;
    the first caption track is the default."""
    ui_language = str(current_i18n.language or "sv")
    ordered = sorted(
        captions,
        key=lambda r: (caption_kind(r.key) != "captions", r.language != ui_language, r.key),
    )
    return [
        {
            "src": url_for("msi_films.captions", pid_value=pid_value, key=row.key),
            "srclang": row.language or "",
            "kind": caption_kind(row.key),
            "label": _label(row, caption_kind(row.key)),
            "default": index == 0 and caption_kind(row.key) == "captions",
            "key": row.key,
            "cues": [
                {"start": start, "time": time_code(start), "text": text}
                for start, _end, text in row.cues
            ],
        }
        for index, row in enumerate(ordered)
    ]


def film_for(pid_value):
    """Return the film of a record for templates, or None when it has no video or captions."""
    try:
        record_id = PersistentIdentifier.get("recid", pid_value).object_uuid
    except PIDDoesNotExistError:
        return None
    rows = film_rows(record_id)
    if not rows:
        return None
    ok = [r for r in rows if r.status == FilmFileStatus.OK]
    videos = [r for r in ok if r.kind == FilmFileKind.VIDEO]
    captions = [r for r in ok if r.kind == FilmFileKind.CAPTIONS]
    return {
        "poster": url_for("msi_films.poster", pid_value=pid_value)
        if any(v.poster for v in videos)
        else None,
        "video_keys": [v.key for v in videos],
        "tracks": _tracks(pid_value, captions),
        "messages": [str(m) for m in film_messages(rows)],
    }


def film_embeds(record_ui):
    """Return the embeddable external streaming links of a record."""
    related = (record_ui.get("metadata") or {}).get("related_identifiers")
    return record_embeds(related, current_app.config["MSI_FILMS_EMBED_HOSTS"])


def draft_film_messages(pid_value):
    """Return what the depositor should fix in a draft's film files before publishing."""
    draft = records_service.draft_cls.pid.resolve(pid_value, registered_only=False)
    return [str(m) for m in film_messages(check_draft(draft))]
