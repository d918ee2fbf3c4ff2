"""The backup drill: deposit, back up, wipe, restore, and find everything as it was.

Runs against the real services on an instance of its own (see conftest.py): the shared test
instance is never backed up onto, wiped or restored.
"""

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest


def one_line_error(stderr):
    """The ``error: ...`` line a failed command printed: exactly one, with the reason."""
    lines = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture(scope="module")
def drill(drill_instance):
    """Populate, snapshot, back up, wipe, restore, snapshot again; return what the drill saw."""
    work = drill_instance.root / "run"
    work.mkdir()
    word = "msidrill" + uuid.uuid4().hex[:8]
    state, before, after = work / "state.json", work / "before.json", work / "after.json"
    backup = work / "backup"
    drill_instance.drill_script("populate", str(state), word)
    drill_instance.drill_script("snapshot", str(state), str(before))
    backed_up = drill_instance.invenio("msi", "backup", str(backup))
    drill_instance.wipe()
    assert drill_instance.search_count("rdmrecords-records") == 0
    assert not drill_instance.files.exists()
    restored = drill_instance.invenio("msi", "restore", str(backup))
    drill_instance.drill_script("snapshot", str(state), str(after))
    return {
        "state": json.loads(state.read_text()),
        "before": json.loads(before.read_text()),
        "after": json.loads(after.read_text()),
        "backup": backup,
        "output": backed_up.stdout + restored.stdout,
    }


def test_everything_is_as_it_was(drill):
    """Every REST answer, file, OAI-PMH record, search and directory answer is what it was."""
    before, after = drill["before"], drill["after"]
    assert sorted(after) == sorted(before)
    differing = [key for key in before if before[key] != after[key]]
    assert not differing, (
        f"{len(differing)} answers changed, first: {differing[:5]}\n"
        + _difference(before[differing[0]], after[differing[0]])
    )


def _difference(before, after):
    """The lines of two answers' JSON that differ, for the failure message."""
    import difflib

    lines = [json.dumps(each, indent=1, sort_keys=True).splitlines() for each in (before, after)]
    changed = difflib.unified_diff(*lines, "before", "after", n=2, lineterm="")
    return "\n".join(list(changed)[:60])


def test_the_drill_saw_real_content(drill):
    """The snapshots compared are full: files, access rules, versions, deletions, profiles."""
    before, state = drill["before"], drill["state"]
    owner = "owner"
    assert before["report/None"]["status"] == 200
    assert before["report/None/files/rapport.pdf"]["status"] == 200
    assert before["report/None/files/data.csv"]["status"] == 200
    assert before["film/None/files/film.mp4"]["status"] == 200
    assert before["restricted/None"]["status"] == 403
    assert before[f"restricted/{owner}/files/hemlig.txt"]["status"] == 200
    assert before["embargoed/None"]["json"]["access"]["embargo"]["active"] is True
    assert before["embargoed/None/files"]["status"] == 403
    assert before["deleted/None"]["status"] == 410
    assert before[f"draft/{owner}"]["status"] == 200
    assert before["report_v2/None"]["json"]["metadata"]["title"].endswith("version 2")
    assert before["report_v2/versions"]["json"]["hits"]["total"] == 2
    public = {recid for recid, _ in before["search/api/records/None"]["hits"]}
    records = state["records"]
    assert {records["report_v2"], records["film"], records["embargoed"]} <= public
    assert records["restricted"] not in public and records["deleted"] not in public
    mine = {recid for recid, _ in before[f"search/api/user/records/{owner}"]["hits"]}
    assert records["restricted"] in mine
    deleted_oai = before["oai/GetRecord/deleted"][0]
    assert 'status="deleted"' in deleted_oai
    assert "idDoesNotExist" in before["oai/GetRecord/restricted"][0]
    listed = "".join(before["oai/ListIdentifiers"])
    assert records["report"] in listed and records["deleted"] in listed
    assert records["restricted"] not in listed
    approved, applied = state["profiles"]
    directory = before["researchers/None"]["json"]["hits"]["hits"]
    assert [hit["id"] for hit in directory] == [approved]
    assert directory[0]["orcid"] == {"id": state["orcid"], "verified": True}
    assert before[f"researchers/{applied}/None"]["status"] == 403
    assert before[f"researchers/{applied}/applicant"]["status"] == 200
    assert approved in before["researchers/page"]["profiles"]


def test_backup_holds_a_verifiable_manifest_without_secrets(drill):
    """``sha256sum -c`` agrees with the manifest; no secret's value is anywhere in the backup."""
    backup = drill["backup"]
    manifest = json.loads((backup / "manifest.json").read_text())
    assert "INVENIO_SECRET_KEY" in manifest["secrets_excluded"]
    assert any(
        name.startswith("INVENIO_SQLALCHEMY_DATABASE_URI") for name in manifest["secrets_excluded"]
    )
    assert manifest["stored_files"] >= 7
    check = subprocess.run(
        ["sha256sum", "--quiet", "-c", "manifest-sha256.txt"], cwd=backup, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    secrets = [os.environ["INVENIO_SECRET_KEY"], os.environ["INVENIO_SECURITY_LOGIN_SALT"]]
    password = drill_password()
    for path in backup.rglob("*"):
        if path.is_file() and path.suffix != ".pgdump":
            text = path.read_bytes()
            for secret in [*secrets, password]:
                assert secret.encode() not in text, f"a secret is in {path}"
    readme = (backup / "README.txt").read_text()
    assert "Secrets are NOT in this backup" in readme and "INVENIO_SECRET_KEY" in readme


def drill_password():
    """The database password of the test instance, which the drill instance shares."""
    from sqlalchemy.engine import make_url

    return make_url(os.environ["INVENIO_SQLALCHEMY_DATABASE_URI"]).password


def test_restore_refuses_a_database_that_is_not_empty(drill, drill_instance):
    """Restoring onto the restored instance is refused in one line; nothing is changed."""
    count = drill_instance.search_count("rdmrecords-records")
    done = drill_instance.invenio("msi", "restore", str(drill["backup"]), check=False)
    assert done.returncode == 1
    reason = one_line_error(done.stderr)
    assert "database msi_drill is not empty" in reason and "tables" in reason
    assert drill_instance.search_count("rdmrecords-records") == count


def _msi(app, *args):
    """``invenio msi ARGS`` run in this process: the commands below refuse before they touch
    an instance, so the test app stands in for the drill's (a process costs ~9 s)."""
    from msi_rdm.cli import msi

    return app.test_cli_runner().invoke(msi, list(args), catch_exceptions=False)


def test_restore_refuses_a_damaged_backup(drill, app, tmp_path):
    """A changed byte, a missing file or an extra one: the backup is refused before anything."""
    damaged = tmp_path / "damaged"
    shutil.copytree(drill["backup"], damaged)
    stored = next(p for p in (damaged / "files").rglob("*") if p.is_file())
    data = bytearray(stored.read_bytes())
    data[0] ^= 0xFF
    stored.write_bytes(bytes(data))
    done = _msi(app, "restore", "--verify-only", str(damaged))
    assert done.exit_code == 1
    assert "does not match its manifest checksum" in one_line_error(done.stderr)
    stored.unlink()
    done = _msi(app, "restore", "--verify-only", str(damaged))
    assert "lacks" in one_line_error(done.stderr)
    (damaged / "files" / "stray.bin").write_bytes(b"x")
    stored.write_bytes(b"")
    done = _msi(app, "restore", "--verify-only", str(damaged))
    assert done.exit_code == 1
    ok = _msi(app, "restore", "--verify-only", str(drill["backup"]))
    assert "backup verified" in ok.stdout


def test_backup_never_writes_into_an_existing_backup(drill, app):
    """A folder that holds anything is refused; the backup in it is left as it was."""
    before = (drill["backup"] / "manifest.json").read_bytes()
    done = _msi(app, "backup", str(drill["backup"]))
    assert done.exit_code == 1
    assert "exists and is not empty" in one_line_error(done.stderr)
    assert (drill["backup"] / "manifest.json").read_bytes() == before


def test_backup_onto_a_full_disk_fails_in_one_line(drill, drill_instance, tmp_path):
    """On a disk too small for it the backup stops with the reason and a log; nothing is left."""
    mount = tmp_path / "small"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if mounted.returncode:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        done = drill_instance.invenio("msi", "backup", str(mount / "backup"), check=False)
        assert done.returncode == 1
        reason = one_line_error(done.stderr)
        assert "No space left on device" in reason, done.stderr
        log = Path(done.stderr.split("log: ")[-1].strip().splitlines()[0])
        assert log.is_file() and "No space left on device" in log.read_text()
        assert list(mount.iterdir()) == []
    finally:
        subprocess.run(["umount", str(mount)], check=False)
