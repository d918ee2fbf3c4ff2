"""ORCID works summaries (v3.0) read into rows of msi_orcid_works, and kept in step."""

from invenio_db import db

from .models import OrcidWork


def _value(node, *path):
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _doi(summary):
    for ext in _value(summary, "external-ids", "external-id") or []:
        if (ext.get("external-id-type") or "").lower() == "doi":
            value = _value(ext, "external-id-normalized", "value") or ext.get("external-id-value")
            return (value or "").strip().lower() or None
    return None


def _year(summary):
    year = _value(summary, "publication-date", "year", "value")
    return int(year) if year and str(year).isdigit() else None


def work_fields(summary):
    """Return the columns of one v3.0 work summary."""
    return {
        "put_code": int(summary["put-code"]),
        "title": _value(summary, "title", "title", "value") or "",
        "work_type": summary.get("type"),
        "year": _year(summary),
        "doi": _doi(summary),
        "url": _value(summary, "url", "value"),
        "journal": _value(summary, "journal-title", "value"),
        "raw": summary,
    }


def preferred_summaries(works):
    """Return one summary per work group: the one the researcher ranks first on ORCID."""
    summaries = []
    for group in works.get("group") or []:
        candidates = group.get("work-summary") or []
        if candidates:
            ranked = sorted(candidates, key=lambda s: -int(s.get("display-index") or 0))
            summaries.append(ranked[0])
    return summaries


def store_works(orcid_id, works):
    """Upsert the works of ``orcid_id`` and delete those gone from ORCID; return the count."""
    fields = {f["put_code"]: f for f in map(work_fields, preferred_summaries(works))}
    existing = {w.put_code: w for w in OrcidWork.query.filter_by(orcid=orcid_id)}
    for put_code, row in existing.items():
        if put_code not in fields:
            db.session.delete(row)
    for put_code, values in fields.items():
        row = existing.get(put_code) or OrcidWork(orcid=orcid_id)
        for key, value in values.items():
            setattr(row, key, value)
        db.session.add(row)
    return len(fields)
