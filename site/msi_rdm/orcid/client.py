"""The one module that talks to ORCID: python-orcid pointed at the configured v3.0 API roots.

python-orcid 1.0.3 builds its URLs as ``<host> + "/v2.0"`` with hosts fixed to orcid.org. Its
request and serialisation logic is kept; the three methods that build URLs are replaced so that
every call goes to the configured, versioned roots (``MSI_ORCID_*_URL``) with a timeout, and every
call is retried with backoff on 429, 5xx and network failures, honouring ``Retry-After``.
"""

import time

import orcid
import requests
from flask import current_app
from invenio_cache import current_cache

from . import settings

CACHE_KEY = "msi-orcid-read-public"


class OrcidError(Exception):
    """ORCID refused a call, or did not answer in time after all attempts."""

    def __init__(self, message, status=None):
        """Keep the HTTP status (None when ORCID was not reached)."""
        super().__init__(message)
        self.status = status


class OrcidConflict(OrcidError):
    """ORCID already holds a work with the same external identifier from this client."""


def _retriable(status):
    return status is None or status == 429 or status >= 500


class _ConfiguredAPI(orcid.MemberAPI):
    """python-orcid's member API with URLs from the config instead of its v2.0 hosts."""

    def __init__(self, key, secret, public_url, member_url, token_url, timeout):
        """Remember the roots; python-orcid keeps the credentials and the timeout."""
        super().__init__(key, secret, sandbox=False, timeout=timeout)
        self._public_url = public_url
        self._member_url = member_url
        self._token_url = token_url

    def _read(self, root, orcid_id, request_type, token, put_code, accept_type):
        url = f"{root}/{orcid_id}/{request_type}"
        if put_code:
            url += f"/{put_code}"
        headers = {"Accept": accept_type, "Authorization": f"Bearer {token}"}
        return requests.get(url, headers=headers, timeout=self._timeout)

    def _get_public_info(self, orcid_id, request_type, access_token, put_code, accept_type):
        return self._read(
            self._public_url, orcid_id, request_type, access_token, put_code, accept_type
        )

    def _get_member_info(self, orcid_id, request_type, access_token, put_code, accept_type):
        return self._read(
            self._member_url, orcid_id, request_type, access_token, put_code, accept_type
        )

    def get_search_token_from_orcid(self, scope="/read-public"):
        """Return ORCID's whole client-credentials token response (token and lifetime)."""
        payload = {
            "client_id": self._key,
            "client_secret": self._secret,
            "scope": scope,
            "grant_type": "client_credentials",
        }
        response = requests.post(
            self._token_url,
            data=payload,
            headers={"Accept": "application/json"},
            timeout=self._timeout,
        )
        response.raise_for_status()
        return response.json()

    def _update_activities(
        self, orcid_id, token, method, request_type, data=None, put_code=None,
        content_type="application/orcid+json",
    ):  # fmt: skip
        url = f"{self._member_url}/{orcid_id}/{request_type}"
        if put_code:
            url += f"/{put_code}"
            if data is not None:
                data["put-code"] = int(put_code)
        headers = {
            "Accept": "application/orcid+json",
            "Content-Type": content_type,
            "Authorization": f"Bearer {token}",
        }
        body = None if data is None else self._serialize_by_content_type(data, content_type)
        response = method(url, data=body, headers=headers, timeout=self._timeout)
        response.raise_for_status()
        location = response.headers.get("location")
        return location.rstrip("/").split("/")[-1] if location else None


class OrcidClient:
    """Calls to ORCID's public and member APIs, each with a timeout and bounded retries."""

    def __init__(self, api, attempts, backoff, max_wait, sleep=time.sleep):
        """Wrap a configured python-orcid API."""
        self.api = api
        self.attempts = attempts
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep

    @classmethod
    def from_config(cls):
        """Build the client of the current application's configuration."""
        key, secret = settings.credentials()
        config = current_app.config
        api = _ConfiguredAPI(
            key,
            secret,
            public_url=settings.url("MSI_ORCID_PUBLIC_API_URL"),
            member_url=settings.url("MSI_ORCID_MEMBER_API_URL"),
            token_url=settings.url("MSI_ORCID_BASE_URL") + "/oauth/token",
            timeout=tuple(config["MSI_ORCID_TIMEOUT"]),
        )
        return cls(
            api, config["MSI_ORCID_MAX_ATTEMPTS"], config["MSI_ORCID_BACKOFF"],
            config["MSI_ORCID_MAX_WAIT"],
        )  # fmt: skip

    def _wait(self, attempt, response):
        retry_after = response.headers.get("Retry-After") if response is not None else None
        try:
            seconds = float(retry_after)
        except (TypeError, ValueError):
            seconds = self.backoff * 2**attempt
        return min(max(seconds, 0), self.max_wait)

    def call(self, function, *args, **kwargs):
        """Run ``function``, retrying 429, 5xx and network failures; raise OrcidError at last."""
        for attempt in range(self.attempts):
            response = None
            try:
                return function(*args, **kwargs)
            except requests.HTTPError as exc:
                response = exc.response
                status = response.status_code
                error = exc
            except (requests.ConnectionError, requests.Timeout) as exc:
                status, error = None, exc
            if status == 409:
                raise OrcidConflict(str(error), status) from error
            if not _retriable(status) or attempt + 1 == self.attempts:
                raise OrcidError(f"ORCID call failed: {error}", status) from error
            current_app.logger.warning(
                "ORCID answered %s; attempt %d of %d", status, attempt + 1, self.attempts
            )
            self.sleep(self._wait(attempt, response))

    def read_public_token(self):
        """Return the client-credentials /read-public token, cached until shortly before expiry."""
        token = current_cache.get(CACHE_KEY)
        if not token:
            answer = self.call(self.api.get_search_token_from_orcid, "/read-public")
            token = answer["access_token"]
            lifetime = int(answer.get("expires_in") or 3600)
            current_cache.set(CACHE_KEY, token, timeout=max(lifetime - 60, 60))
        return token

    def public_works(self, orcid_id):
        """Return the works summary (v3.0 ``works``) of a public ORCID record."""
        token = self.read_public_token()
        return self.call(self.api.read_record_public, orcid_id, "works", token)

    def public_work(self, orcid_id, put_code):
        """Return one public work in full."""
        token = self.read_public_token()
        return self.call(self.api.read_record_public, orcid_id, "work", token, str(put_code))

    def member_works(self, orcid_id, token):
        """Return the works summary as the member API shows it to the record holder's token."""
        return self.call(self.api.read_record_member, orcid_id, "works", token)

    def add_work(self, orcid_id, token, work):
        """Add a work to a researcher's ORCID record; return its put-code."""
        return int(self.call(self.api.add_record, orcid_id, token, "work", dict(work)))

    def update_work(self, orcid_id, token, put_code, work):
        """Replace the work ``put_code`` of a researcher's ORCID record."""
        self.call(self.api.update_record, orcid_id, token, "work", dict(work), str(put_code))

    def delete_work(self, orcid_id, token, put_code):
        """Remove the work ``put_code`` from a researcher's ORCID record."""
        self.call(self.api.remove_record, orcid_id, token, "work", str(put_code))
