"""`invenio msi fulltext status` counts files per status; `extract --all` fills what is missing."""

from msi_rdm.cli import msi
from msi_rdm.fulltext.models import FulltextModel


def test_status_counts(app, database):
    """The status command prints a count per status that matches the table."""
    result = app.test_cli_runner().invoke(msi, ["fulltext", "status"])
    assert result.exit_code == 0, result.output
    ok = FulltextModel.query.filter_by(status="ok").count()
    assert f"ok       {ok}" in result.output
    assert ok >= 10


def test_extract_all_restores_missing_text(app, database):
    """After losing a record's rows, extract --all brings them back; nothing else is redone."""
    row = FulltextModel.query.filter_by(status="ok").first()
    record_id, key, updated = row.record_id, row.key, row.updated
    others = {r.id: r.updated for r in FulltextModel.query.filter(FulltextModel.id != row.id)}
    database.session.delete(row)
    database.session.commit()
    result = app.test_cli_runner().invoke(msi, ["fulltext", "extract", "--all"])
    assert result.exit_code == 0, result.output
    restored = FulltextModel.query.filter_by(record_id=record_id, key=key).one()
    assert restored.status.value == "ok" and restored.text
    unchanged = {r.id: r.updated for r in FulltextModel.query.filter(FulltextModel.id.in_(others))}
    assert unchanged == others
    assert restored.updated >= updated
