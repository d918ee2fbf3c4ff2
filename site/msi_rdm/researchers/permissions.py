"""Permission policy of researcher profiles."""

from invenio_records_permissions.generators import AuthenticatedUser
from invenio_records_permissions.policies import BasePermissionPolicy

from .generators import Administrator, NodeCoordinator, ProfileOwner, PublicProfile


class ResearcherPermissionPolicy(BasePermissionPolicy):
    """Public once approved; owners edit their own; node coordinators review; admins do all."""

    can_search = [PublicProfile(), ProfileOwner(), NodeCoordinator(), Administrator()]
    can_read = [PublicProfile(), ProfileOwner(), NodeCoordinator(), Administrator()]
    # Hidden contact details and the review history.
    can_read_private = [ProfileOwner(), NodeCoordinator(), Administrator()]
    can_create = [AuthenticatedUser(), Administrator()]
    can_update = [ProfileOwner(), Administrator()]
    can_delete = [ProfileOwner(), Administrator()]
    # Approve or decline an application.
    can_review = [NodeCoordinator(), Administrator()]
    # End an affiliation: the researcher, the node, or an administrator.
    can_retire = [ProfileOwner(), NodeCoordinator(), Administrator()]
