"""Load the demo collection of app_data/demo/records.yaml, skipping records already published."""

import tempfile
from pathlib import Path

import click
import yaml
from flask import current_app
from invenio_access.permissions import authenticated_user, system_identity
from invenio_access.utils import get_identity
from invenio_accounts.proxies import current_datastore
from invenio_communities.proxies import current_communities
from invenio_db import db
from invenio_rdm_records.proxies import current_rdm_records
from invenio_rdm_records.proxies import current_rdm_records_service as records_service
from invenio_rdm_records.records.models import RDMRecordMetadata
from invenio_vocabularies.proxies import current_service as vocabulary_service

from .files import make_file
from .storyboard import make_demo_film

DEMO_OWNER = "admin@msi-demo.org"


def _app_data() -> Path:
    """Return the instance's app_data folder."""
    return Path(current_app.instance_path) / "app_data"


def _people() -> dict:
    """Return the demo researchers of the names vocabulary, keyed by ORCID iD."""
    entries = yaml.safe_load((_app_data() / "vocabularies/names.yaml").read_text())
    return {entry["id"]: entry for entry in entries}


def _creator(spec, people):
    """Build a creator from an ORCID iD of a demo researcher or an organisation name."""
    if "orcid" in spec:
        person = people[spec["orcid"]]
        creator = {
            "person_or_org": {
                "type": "personal",
                "given_name": person["given_name"],
                "family_name": person["family_name"],
                "identifiers": [{"scheme": "orcid", "identifier": spec["orcid"]}],
            },
            "affiliations": person.get("affiliations", []),
        }
    else:
        creator = {"person_or_org": {"type": "organizational", "name": spec["organisation"]}}
    if "role" in spec:
        creator["role"] = {"id": spec["role"]}
    return creator


def record_data(spec, people):
    """Build the RDM record data of a demo record specification."""
    metadata = {
        "resource_type": {"id": spec["resource_type"]},
        "title": spec["title"],
        "description": spec["description"],
        "publication_date": str(spec["publication_date"]),
        "publisher": spec.get("publisher", "Mötesplats Social Innovation"),
        "creators": [_creator(c, people) for c in spec["creators"]],
        "languages": [{"id": lang} for lang in spec.get("languages", ["swe"])],
        "subjects": [{"subject": keyword} for keyword in spec.get("keywords", [])],
        "rights": [{"id": spec.get("license", "cc-by-4.0")}],
    }
    if spec.get("contributors"):
        metadata["contributors"] = [_creator(c, people) for c in spec["contributors"]]
    return {
        "access": {"record": "public", "files": spec.get("files_access", "public")},
        "files": {"enabled": bool(spec.get("files"))},
        "metadata": metadata,
        "custom_fields": custom_fields(spec),
    }


def custom_fields(spec):
    """Build the ``msi:`` custom fields of a demo record specification."""
    fields = {}
    for key in ("themes", "sdgs", "sectors", "audiences", "ssif"):
        if spec.get(key):
            fields[f"msi:{key}"] = [{"id": value} for value in spec[key]]
    for key in (
        "node",
        "strategic_area",
        "output_type",
        "content_type",
        "publication_status",
        "university",
    ):
        if spec.get(key):
            fields[f"msi:{key}"] = {"id": spec[key]}
    for key in ("journal", "imprint", "meeting"):
        if spec.get(key):
            fields[f"{key}:{key}"] = spec[key]
    if spec.get("plain_summary"):
        fields["msi:plain_summary"] = spec["plain_summary"]
    if spec.get("project"):
        fields["msi:project"] = spec["project"]
    return fields


def include_in_node_community(record, node_id):
    """Include a published record in the community of its MSI node, as the system."""
    node = vocabulary_service.read(system_identity, ("msinodes", node_id)).to_dict()
    community = current_communities.service.read(system_identity, node["props"]["community"])
    current_rdm_records.record_communities_service.add(
        system_identity, record.id, {"communities": [{"id": community.id}]}
    )


def published_titles() -> set:
    """Return the titles of the records already published."""
    rows = db.session.query(RDMRecordMetadata.json["metadata"]["title"].as_string()).filter(
        RDMRecordMetadata.is_deleted.is_(False)
    )
    return {title for (title,) in rows}


def _owner_identity():
    """Return the identity of the demo records' owner."""
    user = current_datastore.get_user(DEMO_OWNER)
    if user is None:
        raise click.ClickException(f"the demo owner {DEMO_OWNER} does not exist")
    identity = get_identity(user)
    identity.provides.add(authenticated_user)
    return identity


def publish(identity, spec, people, folder: Path):
    """Create, attach the files of and publish one demo record."""
    draft = records_service.create(identity, record_data(spec, people))
    files = [
        make_demo_film(folder, f, spec, people)
        if f["kind"] == "film"
        else make_file(folder, f, spec["title"])
        for f in spec.get("files", [])
    ]
    if files:
        file_service = records_service.draft_files
        file_service.init_files(identity, draft.id, [{"key": path.name} for path in files])
        for path in files:
            with path.open("rb") as stream:
                file_service.set_file_content(identity, draft.id, path.name, stream)
            file_service.commit_file(identity, draft.id, path.name)
    record = records_service.publish(identity, draft.id)
    if spec.get("node"):
        include_in_node_community(record, spec["node"])
    return record


def load_demo(path: Path | None = None) -> int:
    """Publish every demo record not yet in the repository; return how many were published."""
    specs = yaml.safe_load((path or _app_data() / "demo/records.yaml").read_text())
    people, identity, done = _people(), _owner_identity(), published_titles()
    todo = [spec for spec in specs if spec["title"] not in done]
    with tempfile.TemporaryDirectory(prefix="msi-demo-") as tmp:
        with click.progressbar(todo, label="publishing demo records", file=None) as bar:
            for spec in bar:
                publish(identity, spec, people, Path(tmp))
    records_service.indexer.refresh()
    from .researchers import load_demo_researchers

    load_demo_researchers(_app_data(), people)
    return len(todo)
