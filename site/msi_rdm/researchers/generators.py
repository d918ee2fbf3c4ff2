"""Who may do what with a researcher profile: the generators behind its permission policy."""

from flask import current_app
from flask_principal import RoleNeed, UserNeed
from invenio_access.permissions import Permission, any_user, superuser_access, system_process
from invenio_administration.permissions import administration_access_action
from invenio_records_permissions.generators import Generator
from invenio_search.engine import dsl

from .api import PUBLIC_STATUSES

COORDINATOR_ROLE_PREFIX = "msi-coordinator-"
COORDINATING_COMMUNITY_ROLES = ("owner", "manager", "curator")


def coordinator_role(node_id):
    """Name of the role whose members coordinate a node."""
    return f"{COORDINATOR_ROLE_PREFIX}{node_id}"


def node_communities():
    """Map each MSI node id to its community's id (the node vocabulary's ``community`` prop)."""
    ext = current_app.extensions["msi-researchers"]
    if ext.node_communities is None:
        from invenio_access.permissions import system_identity
        from invenio_communities.proxies import current_communities
        from invenio_vocabularies.proxies import current_service as vocabularies

        mapping = {}
        nodes = vocabularies.search(system_identity, type="msinodes", params={"size": 100})
        for node in nodes.hits:
            slug = (node.get("props") or {}).get("community")
            if slug:
                try:
                    mapping[node["id"]] = str(
                        current_communities.service.read(system_identity, slug).id
                    )
                except Exception:  # noqa: BLE001 - a node without its community has no curators
                    current_app.logger.warning("msi: node %s has no community %s", node["id"], slug)
        ext.node_communities = mapping
    return ext.node_communities


def coordinated_nodes(identity):
    """The node ids the identity coordinates, by node role or by a role in the node's community."""
    nodes = set()
    by_community = None
    for need in identity.provides:
        if need.method == "role" and str(need.value).startswith(COORDINATOR_ROLE_PREFIX):
            nodes.add(str(need.value)[len(COORDINATOR_ROLE_PREFIX) :])
        elif (
            need.method == "community"
            and getattr(need, "role", None) in COORDINATING_COMMUNITY_ROLES
        ):
            if by_community is None:
                by_community = {c: n for n, c in node_communities().items()}
            node = by_community.get(str(need.value))
            if node:
                nodes.add(node)
    return nodes


def _node_of(record):
    return ((record or {}).get("node") or {}).get("id")


class PublicProfile(Generator):
    """Anyone may see a profile whose affiliation was approved (or has ended)."""

    def needs(self, record=None, **kwargs):
        # Without a record (a search) anyone may ask; the query filter keeps to public profiles.
        if record is None or record.get("status") in PUBLIC_STATUSES:
            return [any_user]
        return []

    def query_filter(self, **kwargs):
        return dsl.Q("terms", status=list(PUBLIC_STATUSES))


class ProfileOwner(Generator):
    """The account the profile belongs to."""

    def needs(self, record=None, **kwargs):
        if record is not None and record.user_id:
            return [UserNeed(record.user_id)]
        return []

    def query_filter(self, identity=None, **kwargs):
        user_id = getattr(identity, "id", None)
        if isinstance(user_id, int) or (isinstance(user_id, str) and user_id.isdigit()):
            return dsl.Q("term", user_id=int(user_id))
        return []


class NodeCoordinator(Generator):
    """The coordinators of the profile's node: its node role, or curators of its community."""

    def needs(self, record=None, **kwargs):
        node = _node_of(record)
        if not node:
            return []
        from invenio_communities.generators import CommunityRoleNeed

        needs = [RoleNeed(coordinator_role(node))]
        community = node_communities().get(node)
        if community:
            needs += [CommunityRoleNeed(community, role) for role in COORDINATING_COMMUNITY_ROLES]
        return needs

    def query_filter(self, identity=None, **kwargs):
        nodes = coordinated_nodes(identity) if identity is not None else set()
        return dsl.Q("terms", **{"node.id": sorted(nodes)}) if nodes else []


class Administrator(Generator):
    """Repository administrators and system processes."""

    def needs(self, **kwargs):
        return [superuser_access, administration_access_action, system_process]

    def query_filter(self, identity=None, **kwargs):
        if identity is not None and is_administrator(identity):
            return dsl.Q("match_all")
        return []


def is_administrator(identity):
    """Whether the identity is a system process or holds an administrator action (by role)."""
    if system_process in identity.provides:
        return True
    return Permission(superuser_access, administration_access_action).allows(identity)
