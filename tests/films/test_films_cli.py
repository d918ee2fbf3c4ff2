"""`invenio msi films probe --all` restores what is missing; the demo films were probed at init."""

from msi_rdm.cli import msi
from msi_rdm.films.models import FilmFileKind, FilmFileModel, FilmFileStatus


def test_demo_films_probed_with_posters(app, database):
    """Every demo film got probed and a poster when the instance was initialised."""
    videos = FilmFileModel.query.filter_by(kind=FilmFileKind.VIDEO).all()
    demo = [
        v
        for v in videos
        if v.key
        in {
            "trygga-platser-i-staden.mp4",
            "si-summit-2020-arbete.mp4",
            "foresight-digital-inkludering.mp4",
            "laxhjalp-som-bryter-monster.mp4",
        }
    ]
    assert len(demo) == 4
    assert all(v.status == FilmFileStatus.OK and v.poster and v.duration for v in demo)


def test_probe_all_restores_missing_rows(app, database):
    """After losing a film's rows, probe --all brings them back; other rows are not redone."""
    row = FilmFileModel.query.filter_by(key="trygga-platser-i-staden.mp4").one()
    record_id = row.record_id
    others = {r.id: r.updated for r in FilmFileModel.query.filter(FilmFileModel.id != row.id)}
    database.session.delete(row)
    database.session.commit()
    result = app.test_cli_runner().invoke(msi, ["films", "probe", "--all"])
    assert result.exit_code == 0, result.output
    restored = FilmFileModel.query.filter_by(record_id=record_id, key=row.key).one()
    assert restored.status == FilmFileStatus.OK and restored.poster
    unchanged = {r.id: r.updated for r in FilmFileModel.query.filter(FilmFileModel.id.in_(others))}
    assert unchanged == others
