"""Our permission policies against a reviewed snapshot, so upstream or local drift is noticed.

Run with ``MSI_UPDATE_POLICIES=1`` to rewrite ``data/policies.json`` after reviewing the change.
"""

import json
import os
from pathlib import Path

from flask import current_app
from invenio_rdm_records.services.permissions import RDMRecordPermissionPolicy

from msi_rdm.researchers.permissions import ResearcherPermissionPolicy

SNAPSHOT = Path(__file__).parent / "data" / "policies.json"


def describe(value):
    """A stable, address-free description of a generator, a list of them, or a plain value."""
    if isinstance(value, list | tuple):
        return [describe(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(json.dumps(describe(item), sort_keys=True) for item in value)
    if isinstance(value, dict):
        return {str(key): describe(item) for key, item in sorted(value.items())}
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    attributes = {
        name: describe(item)
        for name, item in sorted(getattr(value, "__dict__", {}).items())
        if not name.startswith("__") and (isinstance(item, list) or not callable(item))
    }
    return {type(value).__qualname__: attributes} if attributes else type(value).__qualname__


def policy_rules(policy):
    """``{action: [generators]}`` of a policy class."""
    actions = sorted(name for name in dir(policy) if name.startswith("can_"))
    return {action: describe(getattr(policy, action)) for action in actions}


def current_policies():
    """The policies the instance enforces, by what they guard."""
    config = current_app.config
    records = config.get("RDM_PERMISSION_POLICY") or RDMRecordPermissionPolicy
    researchers = config.get("MSI_RESEARCHERS_PERMISSION_POLICY") or ResearcherPermissionPolicy
    return {
        "records": {
            "class": f"{records.__module__}.{records.__qualname__}",
            **policy_rules(records),
        },
        "researchers": {
            "class": f"{researchers.__module__}.{researchers.__qualname__}",
            **policy_rules(researchers),
        },
    }


def test_policies_match_the_reviewed_snapshot(app):
    """Any change of who may do what, ours or upstream's, shows here as a diff to review."""
    current = current_policies()
    if os.environ.get("MSI_UPDATE_POLICIES") == "1":
        SNAPSHOT.write_text(
            json.dumps(current, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        )
    assert current == json.loads(SNAPSHOT.read_text())


def test_records_use_upstreams_policy(app):
    """Records are guarded by upstream's policy, not a copy that would miss upstream's fixes."""
    assert current_policies()["records"]["class"] == (
        f"{RDMRecordPermissionPolicy.__module__}.{RDMRecordPermissionPolicy.__qualname__}"
    )


def test_researchers_reviewed_only_by_coordinators_and_admins(app):
    """Only node coordinators and administrators approve or decline applications."""
    review = current_policies()["researchers"]["can_review"]
    names = {entry if isinstance(entry, str) else next(iter(entry)) for entry in review}
    assert names == {"NodeCoordinator", "Administrator"}
