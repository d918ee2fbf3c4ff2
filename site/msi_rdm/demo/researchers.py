"""Demo profiles of the research network, one demo account each (app_data/demo/researchers.yaml)."""

import unicodedata

import yaml
from invenio_access.permissions import authenticated_user, system_identity
from invenio_access.utils import get_identity
from invenio_accounts.proxies import current_datastore
from invenio_db import db
from invenio_oauthclient.models import UserIdentity

from ..researchers.proxies import current_researchers_service as service

DEMO_DOMAIN = "msi-demo.org"


def demo_email(person):
    """given.family@msi-demo.org, in ASCII."""
    local = f"{person['given_name']}.{person['family_name']}".lower().replace(" ", "-")
    ascii_local = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()
    return f"{ascii_local}@{DEMO_DOMAIN}"


def _account(email):
    user = current_datastore.get_user(email)
    if user is None:
        user = current_datastore.create_user(email=email, password=None, active=True)
        current_datastore.activate_user(user)
        db.session.commit()
    return user


def load_demo_researchers(app_data, people):
    """Create the demo profiles that do not exist yet; return how many were created."""
    specs = yaml.safe_load((app_data / "demo/researchers.yaml").read_text())
    created = 0
    for spec in specs:
        person = people[spec["orcid"]]
        user = _account(demo_email(person))
        existing = service.read_by_user(system_identity, user.id)
        if existing is not None:
            # A run stopped between creating and approving is completed, not repeated.
            if spec.get("status") == "affiliated" and existing.data["status"] == "applied":
                service.approve(system_identity, existing.id, {"comment": "Demo"})
            continue
        if UserIdentity.query.filter_by(id=spec["orcid"], method="orcid").count() == 0:
            db.session.add(UserIdentity(id=spec["orcid"], method="orcid", id_user=user.id))
            db.session.commit()
        identity = get_identity(user)
        identity.provides.add(authenticated_user)
        data = {
            "given_name": person["given_name"],
            "family_name": person["family_name"],
            "orcid": {"id": spec["orcid"]},
            "node": {"id": spec["node"]},
            "affiliations": [{"id": a} for a in spec.get("affiliations", [])],
            "themes": [{"id": t} for t in spec.get("themes", [])],
            "sdgs": [{"id": s} for s in spec.get("sdgs", [])],
            "expertise": spec.get("expertise", []),
            "bio": spec.get("bio", {}),
        }
        if spec.get("contact"):
            data["contact"] = spec["contact"]
        profile = service.create(identity, data)
        if spec.get("status") == "affiliated":
            service.approve(system_identity, profile.id, {"comment": "Demo"})
        created += 1
    service.indexer.refresh()
    return created
