"""Where ORCID is, and whether this site may talk to it, read from the application config."""

from flask import current_app

PRODUCTION = {
    "MSI_ORCID_BASE_URL": "https://orcid.org",
    "MSI_ORCID_PUBLIC_API_URL": "https://pub.orcid.org/v3.0",
    "MSI_ORCID_MEMBER_API_URL": "https://api.orcid.org/v3.0",
}
SANDBOX = {
    "MSI_ORCID_BASE_URL": "https://sandbox.orcid.org",
    "MSI_ORCID_PUBLIC_API_URL": "https://pub.sandbox.orcid.org/v3.0",
    "MSI_ORCID_MEMBER_API_URL": "https://api.sandbox.orcid.org/v3.0",
}


def url(key):
    """Return the configured URL ``key``; with the sandbox on, ORCID's sandbox replaces defaults."""
    value = current_app.config[key]
    if current_app.config.get("MSI_ORCID_SANDBOX") and value == PRODUCTION[key]:
        value = SANDBOX[key]
    return value.rstrip("/")


def credentials():
    """Return ``(client id, client secret)``, empty strings when ORCID is not configured."""
    creds = current_app.config.get("ORCID_APP_CREDENTIALS") or {}
    return creds.get("consumer_key") or "", creds.get("consumer_secret") or ""


def enabled():
    """Whether ORCID credentials are configured (without them nothing calls ORCID)."""
    return all(credentials())


def push_enabled():
    """Whether records are pushed: only with the credentials of an ORCID member client."""
    return enabled() and bool(current_app.config.get("MSI_ORCID_MEMBER"))


def scope():
    """The OAuth scope asked for at sign-in: member clients also ask to add works."""
    return "/read-limited /activities/update" if push_enabled() else "/authenticate"
