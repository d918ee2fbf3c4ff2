"""The ORCID feature's extension: settings and the checks of links as they arrive."""

from ..features import FeatureExtension
from . import config


class MSIOrcid(FeatureExtension):
    """ORCID: its settings, and signals that keep researcher profiles in step with links."""

    name = "msi-orcid"
    config = config
    config_prefixes = ("MSI_ORCID_",)

    def init_app(self, app):
        """Set the defaults and connect the ORCID link checks."""
        super().init_app(app)
        connect_orcid_signals()


def connect_orcid_signals():
    """Check ORCID links as oauthclient receives them and announce them once committed."""
    from invenio_oauthclient.signals import account_info_received, account_setup_committed

    from .oauth import announce_link, check_link
    from .signals import orcid_linked, orcid_unlinked

    account_info_received.connect(check_link)
    account_setup_committed.connect(announce_link)
    orcid_linked.connect(_profile_follows_link)
    orcid_unlinked.connect(_profile_follows_unlink)


def _profile_follows_link(app, user_id=None, orcid=None, **kwargs):
    """Linking an ORCID iD sets it on the account's profile as verified."""
    from ..researchers.proxies import current_researchers_service

    current_researchers_service.set_orcid_verified(user_id, orcid, True)


def _profile_follows_unlink(app, user_id=None, orcid=None, **kwargs):
    """Unlinking clears the verified flag of that iD."""
    from ..researchers.proxies import current_researchers_service

    current_researchers_service.set_orcid_verified(user_id, orcid, False)
