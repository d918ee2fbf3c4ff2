"""Refuse to start a production instance with a weak secret key or insecure cookies and headers."""

WEAK_SECRET_KEYS = {"CHANGE_ME", "changeme", "secret", "build", "dev", "development", "test"}
"""Placeholders that upstream, images and tutorials use; never a production key."""

MIN_SECRET_KEY_LENGTH = 32


class InsecureProductionConfig(RuntimeError):
    """The production configuration is missing something security needs."""


def production_problems(config):
    """Return what keeps ``config`` from being safe for production (empty if nothing)."""
    problems = []
    key = config.get("SECRET_KEY") or ""
    if key in WEAK_SECRET_KEYS or len(key) < MIN_SECRET_KEY_LENGTH:
        problems.append(
            f"SECRET_KEY must be a random string of at least {MIN_SECRET_KEY_LENGTH} characters "
            "(set INVENIO_SECRET_KEY)"
        )
    if not config.get("SESSION_COOKIE_SECURE"):
        problems.append("SESSION_COOKIE_SECURE must be True")
    headers = config.get("APP_DEFAULT_SECURE_HEADERS") or {}
    for name in ("session_cookie_secure", "session_cookie_http_only", "strict_transport_security"):
        if not headers.get(name):
            problems.append(f"APP_DEFAULT_SECURE_HEADERS['{name}'] must be True")
    if not (headers.get("content_security_policy") or {}).get("default-src"):
        problems.append("APP_DEFAULT_SECURE_HEADERS must carry a content security policy")
    if config.get("DEBUG") or config.get("TESTING"):
        problems.append("DEBUG and TESTING must be off")
    return problems


def check_production(app):
    """Raise ``InsecureProductionConfig`` if ``MSI_PRODUCTION`` is on and settings are unsafe."""
    if not app.config.get("MSI_PRODUCTION"):
        return
    problems = production_problems(app.config)
    if problems:
        raise InsecureProductionConfig("refusing to start in production: " + "; ".join(problems))
