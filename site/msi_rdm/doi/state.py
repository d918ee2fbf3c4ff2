"""Which DOIs DataCite has not taken yet, and when to try again: a small ledger in the cache.

The database stays the truth (a published record's DOI that is ``RESERVED`` is not registered);
the ledger adds what the database does not hold: the attempts, the last error and the time of
the next attempt (exponential back-off). Losing it only means an earlier retry.
"""

from datetime import UTC, datetime, timedelta

from flask import current_app
from invenio_cache import current_cache

KEY = "msi-doi-pending"


def _now():
    return datetime.now(UTC)


def pending():
    """Return ``{doi: entry}`` of the DOIs waiting for DataCite."""
    return dict(current_cache.get(KEY) or {})


def entry(doi):
    """The ledger entry of one DOI, or None."""
    return pending().get(doi)


def delay(attempts):
    """Seconds to wait after ``attempts`` failures: base × 2^(attempts-1), capped."""
    base = current_app.config["MSI_DOI_RETRY_BASE"]
    return min(base * 2 ** max(attempts - 1, 0), current_app.config["MSI_DOI_RETRY_MAX_DELAY"])


def failed(doi, recid, parent, operation, error, refused=False):
    """Note one failed attempt at ``operation`` (register, update or hide) of a DOI.

    ``refused``: DataCite answered 4xx (metadata or account at fault), not down.
    """
    ledger = pending()
    previous = ledger.get(doi) or {"since": _now().isoformat(), "attempts": 0}
    attempts = previous["attempts"] + 1
    ledger[doi] = {
        **previous,
        "doi": doi,
        "recid": recid,
        "parent": parent,
        "operation": operation,
        "attempts": attempts,
        "last_error": str(error)[:500],
        "refused": refused,
        "next_attempt": (_now() + timedelta(seconds=delay(attempts))).isoformat(),
    }
    current_cache.set(KEY, ledger, timeout=0)
    return ledger[doi]


def done(doi):
    """Forget a DOI that DataCite took."""
    ledger = pending()
    if ledger.pop(doi, None) is not None:
        current_cache.set(KEY, ledger, timeout=0)


def due(now=None):
    """Entries whose next attempt is due."""
    now = now or _now()
    return [e for e in pending().values() if datetime.fromisoformat(e["next_attempt"]) <= now]


def make_due(doi):
    """Bring the next attempt of one DOI forward to now (an operator's "retry now")."""
    ledger = pending()
    if doi in ledger:
        ledger[doi]["next_attempt"] = _now().isoformat()
        current_cache.set(KEY, ledger, timeout=0)
