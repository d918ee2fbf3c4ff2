"""Fixity: what the scheduled checksum checks found wrong, with the record each file belongs to.

The checks themselves are upstream's: invenio-files-rest's ``schedule_checksum_verification``
(beat entry ``file-checks``: every hour a batch, all files within the period) and
invenio-app-rdm's ``file_integrity_report`` (beat entry ``file-integrity-report``: a daily e-mail
to ``APP_RDM_ADMIN_EMAIL_RECIPIENT``). This module lists the same files for the command line.
"""

import sqlalchemy as sa
from invenio_app_rdm.utils.files import generate_integrity_report_entries
from invenio_files_rest.models import FileInstance


def unhealthy_files():
    """Files whose last check failed (``False``: checksum mismatch; ``None``: unreadable)."""
    return (
        FileInstance.query.filter(
            sa.or_(FileInstance.last_check.is_(None), FileInstance.last_check.is_(False)),
            FileInstance.uri.is_not(None),
        )
        .order_by(FileInstance.created.desc())
        .all()
    )


def problems():
    """``[{uri, key, problem, record, draft, checked}]`` of every unhealthy file."""
    rows = []
    for entry in generate_integrity_report_entries(unhealthy_files()):
        file = entry["file"]
        rows.append(
            {
                "uri": file.uri,
                "key": entry.get("filename"),
                "problem": "unreadable" if file.last_check is None else "checksum mismatch",
                "record": (entry.get("record") or {}).get("id"),
                "draft": (entry.get("draft") or {}).get("id"),
                "checked": file.last_check_at.isoformat() if file.last_check_at else None,
            }
        )
    return rows
