"""BagIt packages for a preservation archive: one bag per published record version.

A bag ``<folder>/<record id>/`` (BagIt 1.0, written and checked with the ``bagit`` library) holds

- ``data/files/<key>``: the version's files, each checked against the file store's checksum as
  it is copied;
- ``data/metadata/datacite.xml`` and ``datacite.json``: the version as DataCite 4.5 (MSI's
  serializers, as the export menu gives them); ``record.json``: the REST answer;
- ``data/metadata/citation.txt``: the landing page's citation (default style) in Swedish and
  English;
- SHA-256 and SHA-512 manifests of all of it, and ``bag-info.txt`` naming the record.

Exports are incremental: ``<folder>/.msi-bags.json`` keeps the revision each bag was made from,
and only new or changed versions are bagged again. A bag is written beside its final name and
swapped in once complete and valid, so an earlier bag is only replaced by a whole one. Bags of
records deleted since stay in the archive.
"""

import hashlib
import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import bagit
from invenio_access.permissions import system_identity
from invenio_db import db
from invenio_rdm_records.proxies import current_rdm_records_service as service

from .backup import PreservationError

STATE = ".msi-bags.json"


def load_state(folder):
    """The export state of ``folder``: ``{record id: {"revision": n, "exported": date}}``."""
    path = Path(folder) / STATE
    return json.loads(path.read_text()) if path.exists() else {}


def save_state(folder, state):
    """Write the export state atomically."""
    path = Path(folder) / STATE
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(state, indent=1, sort_keys=True))
    os.replace(partial, path)


def version_ids():
    """``(uuid, record id, revision)`` of every published record version, oldest first."""
    model_cls = service.record_cls.model_cls
    rows = (
        db.session.query(model_cls.id, model_cls.json, model_cls.version_id)
        .filter(model_cls.is_deleted.is_(False), model_cls.deletion_status == "P")
        .order_by(model_cls.created)
    )
    return [(row.id, (row.json or {}).get("id"), row.version_id) for row in rows]


def pending(folder, record_ids=None):
    """The versions ``folder`` lacks or holds from an older revision: ``[(uuid, id, revision)]``."""
    state = load_state(folder)
    wanted = set(record_ids) if record_ids else None
    found = []
    for uuid, recid, revision in version_ids():
        if not recid or (wanted is not None and recid not in wanted):
            continue
        if state.get(recid, {}).get("revision") == revision and (Path(folder) / recid).is_dir():
            continue
        found.append((uuid, recid, revision))
    return found


def copy_file(file_record, dest, recid):
    """Copy a stored file to ``dest``; refuse it when it does not match the store's checksum."""
    digest = hashlib.md5()  # noqa: S324 the file store's own checksum algorithm
    with file_record.open_stream("rb") as source, open(dest, "wb") as out:
        while block := source.read(1 << 20):
            digest.update(block)
            out.write(block)
    expected = file_record.file.file_model.checksum
    if expected and expected != f"md5:{digest.hexdigest()}":
        raise PreservationError(
            f"record {recid}: {file_record.key} does not match its stored checksum"
        )


def metadata_files(item):
    """``{name: text}`` of a version's metadata: DataCite XML and JSON, REST JSON, citation."""
    from ..exports.datacite import MSIDataCiteJSONSerializer, MSIDataCiteXMLSerializer
    from ..exports.formatted import citation
    from ..exports.styles import DEFAULT_STYLE

    data = item.to_dict()
    lines = [f"{lang}: {citation(data, DEFAULT_STYLE, lang)}" for lang in ("sv", "en")]
    return {
        "datacite.xml": MSIDataCiteXMLSerializer().serialize_object(data),
        "datacite.json": MSIDataCiteJSONSerializer().serialize_object(data),
        "record.json": json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True),
        "citation.txt": "\n".join(lines) + "\n",
    }


def bag_info(item):
    """The ``bag-info.txt`` fields of a version."""
    data = item.to_dict()
    pids = data.get("pids") or {}
    doi = (pids.get("doi") or {}).get("identifier")
    return {
        "Source-Organization": "Mötesplats Social Innovation",
        "External-Identifier": f"doi:{doi}" if doi else data["id"],
        "External-Description": data["metadata"]["title"],
        "Internal-Sender-Identifier": data["id"],
        "MSI-Record-Revision": str(data.get("revision_id")),
        "MSI-Parent-Id": (data.get("parent") or {}).get("id", ""),
        "MSI-Version-Index": str((data.get("versions") or {}).get("index", "")),
        "MSI-Landing-Page": (data.get("links") or {}).get("self_html", ""),
    }


def write_bag(folder, recid):
    """Write the bag of record version ``recid`` into ``folder``, replacing an older one whole."""
    item = service.read(system_identity, recid, include_deleted=False)
    record = item._record
    final = Path(folder) / recid
    partial = Path(folder) / f"{recid}.incomplete"
    shutil.rmtree(partial, ignore_errors=True)
    try:
        (partial / "files").mkdir(parents=True)
        (partial / "metadata").mkdir()
        if record.files.enabled:
            for key in sorted(record.files.entries):
                copy_file(record.files[key], partial / "files" / key, recid)
        for name, text in metadata_files(item).items():
            (partial / "metadata" / name).write_text(text, encoding="utf-8")
        bag = bagit.make_bag(str(partial), bag_info(item), checksums=["sha256", "sha512"])
        bag.validate()
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    previous = Path(folder) / f"{recid}.previous"
    if final.exists():
        os.rename(final, previous)
    os.rename(partial, final)
    shutil.rmtree(previous, ignore_errors=True)
    return final


def export_bags(folder, todo, progress=None):
    """Bag each of ``todo`` (from ``pending``) into ``folder``; return the bags written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    state = load_state(folder)
    written = []
    for _uuid, recid, revision in todo:
        written.append(write_bag(folder, recid))
        state[recid] = {"revision": revision, "exported": datetime.now(UTC).isoformat()}
        save_state(folder, state)
        db.session.expunge_all()
        if progress is not None:
            progress(1)
    return written
