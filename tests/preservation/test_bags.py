"""BagIt packages: one valid bag per record version, holding what the version holds; incremental."""

import json
from xml.etree import ElementTree

import bagit
import pytest
from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import deposit, record_data, token_headers
from msi_rdm.cli import msi

DATACITE = "{http://datacite.org/schema/kernel-4}"


def export(app, folder, *record_ids):
    """Run ``invenio msi export bags`` for some record versions; return its output."""
    args = ["export", "bags", str(folder)]
    for recid in record_ids:
        args += ["--record", recid]
    result = app.test_cli_runner().invoke(msi, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture()
def versions(app, depositor, unique_word):
    """A report with two files, published in two versions (the second with one more file)."""
    files = {"rapport.txt": f"Rapport om {unique_word}".encode(), "data.csv": b"a;b\n1;2\n"}
    data = record_data(f"{unique_word} bevarande", files=True)
    first = deposit(app.test_client(), token_headers(depositor.token), data, files=files)
    draft = service.new_version(system_identity, first["id"])
    service.import_files(system_identity, draft.id)
    new = draft.to_dict()
    new["metadata"]["title"] = f"{unique_word} bevarande, version 2"
    new["metadata"]["publication_date"] = "2025-09-01"
    service.update_draft(system_identity, draft.id, new)
    second = service.publish(system_identity, draft.id).to_dict()
    return {"first": (first, files), "second": (second, files)}


def test_each_version_is_a_valid_bag_holding_the_record(app, versions, tmp_path):
    """Files, DataCite XML and JSON, the REST JSON, the citation and checksums, per version."""
    ids = [record["id"] for record, _ in versions.values()]
    output = export(app, tmp_path, *ids)
    assert "2 bags written" in output
    for record, files in versions.values():
        bag = bagit.Bag(str(tmp_path / record["id"]))
        bag.validate()
        assert set(bag.algorithms) == {"sha256", "sha512"}
        data = tmp_path / record["id"] / "data"
        for key, content in files.items():
            assert (data / "files" / key).read_bytes() == content
        assert sorted(p.name for p in (data / "files").iterdir()) == sorted(files)
        xml = ElementTree.parse(data / "metadata/datacite.xml").getroot()
        assert xml.find(f"{DATACITE}titles/{DATACITE}title").text == record["metadata"]["title"]
        datacite = json.loads((data / "metadata/datacite.json").read_text())
        assert datacite["titles"][0]["title"] == record["metadata"]["title"]
        rest = json.loads((data / "metadata/record.json").read_text())
        assert rest["id"] == record["id"] and rest["revision_id"] == record["revision_id"]
        citation = (data / "metadata/citation.txt").read_text()
        assert record["metadata"]["title"] in citation and "Sjöberg" in citation
        assert citation.startswith("sv: ") and "\nen: " in citation
        assert bag.info["Internal-Sender-Identifier"] == record["id"]
        assert bag.info["Source-Organization"] == "Mötesplats Social Innovation"
    first, second = versions["first"][0], versions["second"][0]
    assert bagit.Bag(str(tmp_path / second["id"])).info["MSI-Parent-Id"] == first["parent"]["id"]


def test_exports_are_incremental(app, versions, tmp_path):
    """A second export writes nothing; an edited version is bagged again, the other is kept."""
    first, second = versions["first"][0], versions["second"][0]
    ids = [first["id"], second["id"]]
    export(app, tmp_path, *ids)
    kept = (tmp_path / first["id"] / "bag-info.txt").stat().st_mtime_ns
    assert "0 bags written" in export(app, tmp_path, *ids)

    draft = service.edit(system_identity, second["id"]).to_dict()
    draft["metadata"]["title"] = f"{second['metadata']['title']}, rättad"
    service.update_draft(system_identity, second["id"], draft)
    service.publish(system_identity, second["id"])
    assert "1 bags written" in export(app, tmp_path, *ids)
    assert (tmp_path / first["id"] / "bag-info.txt").stat().st_mtime_ns == kept
    bag = bagit.Bag(str(tmp_path / second["id"]))
    bag.validate()
    rest = json.loads((tmp_path / second["id"] / "data/metadata/record.json").read_text())
    assert rest["metadata"]["title"].endswith(", rättad")
    assert not list(tmp_path.glob("*.incomplete")) and not list(tmp_path.glob("*.previous"))


def test_a_damaged_stored_file_is_not_bagged(app, versions, tmp_path):
    """A file that no longer matches its stored checksum stops the export with its name."""
    from pathlib import Path

    record = versions["first"][0]
    bucket = service.record_cls.pid.resolve(record["id"]).files["data.csv"].file.file_model
    Path(bucket.uri).write_bytes(b"a;b\n1;3\n")
    result = app.test_cli_runner().invoke(msi, ["export", "bags", str(tmp_path), "--record",
                                          record["id"]])  # fmt: skip
    assert result.exit_code == 1
    assert "data.csv does not match its stored checksum" in result.output
    assert not (tmp_path / record["id"]).exists()
