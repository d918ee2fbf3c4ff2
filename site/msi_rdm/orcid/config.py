"""ORCID: where it is, what this site may do there, and how calls to it behave."""

MSI_ORCID_SANDBOX = False
"""Use ORCID's sandbox: URLs below left at their production values become the sandbox's."""

MSI_ORCID_BASE_URL = "https://orcid.org"
"""ORCID's site: OAuth authorisation (``/oauth/authorize``) and tokens (``/oauth/token``)."""

MSI_ORCID_PUBLIC_API_URL = "https://pub.orcid.org/v3.0"
"""Public API v3.0: researchers' public works, read with a client-credentials token."""

MSI_ORCID_MEMBER_API_URL = "https://api.orcid.org/v3.0"
"""Member API v3.0: adds, updates and removes works on researchers' records."""

MSI_ORCID_MEMBER = False
"""The credentials are an ORCID member client's: ask for ``/activities/update`` and push."""

MSI_ORCID_TIMEOUT = (5, 30)
"""Seconds to connect and to read, on every call to ORCID."""

MSI_ORCID_MAX_ATTEMPTS = 4
"""Attempts of one call when ORCID answers 429 or 5xx or cannot be reached."""

MSI_ORCID_BACKOFF = 2.0
"""Seconds before the second attempt, doubling after; ORCID's ``Retry-After`` wins."""

MSI_ORCID_MAX_WAIT = 60
"""Longest wait between attempts, in seconds, whatever ``Retry-After`` says."""
