"""Sign-in and account linking with ORCID through invenio-oauthclient's ORCID remote.

Upstream's remote fixes its URLs when the configuration module is read, before ``invenio.cfg``
and ``INVENIO_*`` are applied; here the remote application reads URLs, credentials and scope
from the final configuration on every use, and hides itself when no credentials are set.
"""

from types import SimpleNamespace

import requests
from flask import current_app, flash, redirect, url_for
from flask_login import current_user
from invenio_db import db
from invenio_i18n import gettext as _
from invenio_i18n import lazy_gettext
from invenio_oauthclient.contrib import orcid as upstream
from invenio_oauthclient.ext import OAuthRemoteApp
from invenio_oauthclient.handlers.ui import authorized_signup_handler
from invenio_oauthclient.handlers.utils import require_more_than_one_external_account
from invenio_oauthclient.models import UserIdentity
from werkzeug.local import LocalProxy

from . import api, settings
from .ids import InvalidOrcidError, normalize_orcid
from .signals import orcid_linked

REMOTE = "orcid"


class OrcidLinkRefused(Exception):
    """Linking is refused; the message tells the user why."""


class ORCIDRemoteApp(OAuthRemoteApp):
    """ORCID's OAuth endpoints, credentials and scope, read from the current configuration."""

    @property
    def base_url(self):
        """The member API for member clients, otherwise the public API."""
        key = "MSI_ORCID_MEMBER_API_URL" if settings.push_enabled() else "MSI_ORCID_PUBLIC_API_URL"
        return settings.url(key) + "/"

    @property
    def authorize_url(self):
        """ORCID's authorisation page."""
        return settings.url("MSI_ORCID_BASE_URL") + "/oauth/authorize"

    @property
    def access_token_url(self):
        """ORCID's token endpoint."""
        return settings.url("MSI_ORCID_BASE_URL") + "/oauth/token"

    @property
    def consumer_key(self):
        """The client id."""
        return settings.credentials()[0]

    @property
    def consumer_secret(self):
        """The client secret."""
        return settings.credentials()[1]

    @property
    def request_token_params(self):
        """The scope to ask for; ``show_login`` opens ORCID's sign-in form."""
        return {"scope": settings.scope(), "show_login": "true"}

    @staticmethod
    def http_request(uri, headers=None, data=None, method=None):
        """Exchange the code for a token, as flask-oauthlib does, but with a timeout."""
        from flask_oauthlib.client import prepare_request

        uri, headers, data, method = prepare_request(uri, headers, data, method)
        timeout = tuple(current_app.config["MSI_ORCID_TIMEOUT"])
        try:
            response = requests.request(method, uri, headers=headers, data=data, timeout=timeout)
        except requests.RequestException as exc:  # flask-oauthlib turns 504 into a clean error
            current_app.logger.warning("ORCID token endpoint unreachable: %s", exc)
            return SimpleNamespace(code=504, headers={}), b"{}"
        return SimpleNamespace(
            code=response.status_code, headers=response.headers
        ), response.content


def _hidden():
    return not settings.enabled()


def _remote_app():
    helper = upstream.ORCIDOAuthSettingsHelper(
        title=lazy_gettext("ORCID"),
        description=lazy_gettext("Sign in with your ORCID iD and show it as verified."),
    )
    app = dict(helper.remote_app)
    app.update(
        hide=LocalProxy(_hidden),
        remote_app="msi_rdm.orcid.oauth:ORCIDRemoteApp",
        authorized_handler="msi_rdm.orcid.oauth:authorized_handler",
        disconnect_handler="msi_rdm.orcid.oauth:disconnect_handler",
        signup_handler={**app["signup_handler"], "setup": "msi_rdm.orcid.oauth:account_setup"},
    )
    return app


ORCID_REMOTE_APP = _remote_app()
"""The ``orcid`` entry of OAUTHCLIENT_REMOTE_APPS."""


def authorized_handler(resp, remote, *args, **kwargs):
    """Upstream's sign-in/link handler; a refused link changes nothing and says why."""
    try:
        return authorized_signup_handler(resp, remote, *args, **kwargs)
    except OrcidLinkRefused as exc:
        db.session.rollback()
        flash(str(exc), category="danger")
        if current_user.is_authenticated:
            return redirect(url_for("invenio_oauthclient_settings.index"))
        return redirect("/")


def check_link(remote, response=None, account_info=None, **kwargs):
    """Refuse an invalid iD, an iD linked to another account, or a second iD for one account."""
    if remote.name != REMOTE:
        return
    try:
        orcid_id = normalize_orcid(account_info.get("external_id"))
    except InvalidOrcidError as exc:
        raise OrcidLinkRefused(str(exc)) from exc
    account_info["external_id"] = orcid_id
    if not current_user.is_authenticated:
        return
    owner = UserIdentity.get_user("orcid", orcid_id)
    if owner is not None and owner.id != current_user.id:
        raise OrcidLinkRefused(
            _("The ORCID iD %(orcid)s is already linked to another account.", orcid=orcid_id)
        )
    linked = api.verified_orcid(current_user.id)
    if linked and linked != orcid_id:
        raise OrcidLinkRefused(
            _("Your account is already linked to the ORCID iD %(orcid)s; unlink it first.",
              orcid=linked)
        )  # fmt: skip


def account_setup(remote, token, resp):
    """Upstream's setup (iD on the account), plus the granted scope and no push consent yet."""
    upstream.account_setup(remote, token, {**resp, "orcid": normalize_orcid(resp.get("orcid"))})
    account = token.remote_account
    account.extra_data = {**account.extra_data, "scope": resp.get("scope") or "", "push": False}


def announce_link(remote, token=None, **kwargs):
    """Send ``orcid_linked`` once the link is committed."""
    if remote.name == REMOTE:
        account = token.remote_account
        orcid_linked.send(
            current_app._get_current_object(),
            user_id=account.user_id,
            orcid=account.extra_data.get("orcid"),
        )


@require_more_than_one_external_account
def _unlink(remote):
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    api.unlink_orcid(current_user.id)
    return redirect(url_for("invenio_oauthclient_settings.index"))


def disconnect_handler(remote, *args, **kwargs):
    """Unlink the current user's ORCID iD (refused if it is their only way to sign in)."""
    return _unlink(remote)
