"""The digest run: one e-mail per user and period with what is new in their saved searches.

Each saved search keeps a high-water mark: every record created up to it was either sent or
existed when the search was saved. A run answers the window (mark, cutoff], sends, and moves the
marks to the cutoff in the same transaction as the delivery log; a worker that dies before the
commit leaves the marks where they were, so the next run sends the window again (nothing is
missed; a crash between the SMTP answer and the commit is the one case that sends twice).
Searches with the same query, facets and mark are answered by one search.
"""

import smtplib
from collections import defaultdict
from urllib.parse import urlencode

from flask import current_app, g, render_template
from flask_mail import Message
from invenio_db import db
from invenio_i18n import force_locale
from sqlalchemy import and_, func, or_

from .feeds import entry_data
from .models import AlertDelivery, AlertRecipient, SavedSearch, utcnow
from .queries import newest, page_arguments
from .review import review_entries, still_coordinates
from .tokens import unsubscribe_token

LOCALES = ("sv", "en")


def _due_condition(now):
    slack = current_app.config["MSI_ALERTS_SLACK"]
    return or_(
        *(
            and_(
                SavedSearch.frequency == name,
                func.coalesce(SavedSearch.last_sent, SavedSearch.created) <= now - period + slack,
            )
            for name, period in current_app.config["MSI_ALERTS_FREQUENCIES"].items()
        )
    )


def due_groups(now):
    """``{(user id, frequency): [search id, ...]}`` of the active searches due at ``now``.

    Accounts that are inactive or whose address bounced too often are left out.
    """
    from invenio_accounts.models import User

    bounced = db.session.query(AlertRecipient.user_id).filter(
        AlertRecipient.bounces >= current_app.config["MSI_ALERTS_MAX_BOUNCES"]
    )
    rows = (
        db.session.query(SavedSearch.id, SavedSearch.user_id, SavedSearch.frequency)
        .join(User, User.id == SavedSearch.user_id)
        .filter(
            SavedSearch.active.is_(True),
            User.active.is_(True),
            SavedSearch.user_id.notin_(bounced),
            _due_condition(now),
        )
        .order_by(SavedSearch.user_id, SavedSearch.id)
        .all()
    )
    groups = defaultdict(list)
    for search_id, user_id, frequency in rows:
        groups[(user_id, frequency)].append(search_id)
    return groups


def _locale(user):
    locale = (user.preferences or {}).get("locale")
    return locale if locale in LOCALES else current_app.config["BABEL_DEFAULT_LOCALE"]


def _rate_limited(user_id, now):
    from datetime import timedelta

    sent = AlertDelivery.query.filter(
        AlertDelivery.user_id == user_id, AlertDelivery.sent > now - timedelta(days=1)
    ).count()
    return sent >= current_app.config["MSI_ALERTS_MAX_DIGESTS_PER_DAY"]


class Answers:
    """Answers of the run's searches, one per query, facets and mark."""

    def __init__(self, cutoff):
        """Answer windows ending at ``cutoff``."""
        self.cutoff = cutoff
        self.cache = {}
        self.searches = 0

    def get(self, saved, locale):
        """``(entries, total)`` of what is new for a saved search."""
        key = (saved.group_key(), saved.high_water, locale)
        if key not in self.cache:
            self.searches += 1
            self.cache[key] = self._answer(saved, locale)
        return self.cache[key]

    def _answer(self, saved, locale):
        size = current_app.config["MSI_ALERTS_DIGEST_HITS"]
        if saved.high_water >= self.cutoff:
            return [], 0
        if saved.kind == "review":
            return review_entries(saved.community_id, saved.high_water, self.cutoff, size)
        result = newest(
            saved.search_query,
            saved.facets,
            size=size,
            after=saved.high_water,
            until=self.cutoff,
        )
        return [entry_data(hit, locale) for hit in result.hits], result.total


def _section(saved, entries, total, site):
    if saved.kind == "review":
        link = f"{site}/me/requests"
    else:
        args = page_arguments(saved.search_query, saved.facets) + [("sort", "newest")]
        link = f"{site}/search?{urlencode(args)}"
    return {
        "search": saved,
        "entries": entries,
        "total": total,
        "more": max(0, total - len(entries)),
        "link": link,
        "unsubscribe": f"{site}/alerts/unsubscribe/{unsubscribe_token(saved.user_id, saved.id)}",
    }


def _message(user, frequency, sections, locale):
    site = current_app.config["SITE_UI_URL"]
    stop_all = f"{site}/alerts/unsubscribe/{unsubscribe_token(user.id)}"
    context = {
        "sections": sections,
        "frequency": frequency,
        "manage": f"{site}/alerts",
        "stop_all": stop_all,
        "count": sum(s["total"] for s in sections),
    }
    # A context of its own: Flask-Babel's force_locale does nothing while ``g`` is empty (a
    # worker's first task), and the locale it caches must not outlive the message.
    with current_app.app_context():
        g.setdefault("msi_alerts_locale", locale)
        with force_locale(locale):
            subject = render_template("msi_rdm/alerts/mail/digest_subject.txt", **context).strip()
            body = render_template("msi_rdm/alerts/mail/digest.txt", **context)
    return Message(
        subject=subject,
        sender=current_app.config["MAIL_DEFAULT_SENDER"],
        recipients=[user.email],
        body=body,
        extra_headers={
            "List-Unsubscribe": f"<{stop_all}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def deliver(user_id, frequency, search_ids, now, answers):
    """Send one user's digest for one period; return ``"sent"``, ``"empty"``, ``"limited"``, or
    ``"skipped"`` (another run holds the searches, or they are no longer due)."""
    from invenio_accounts.models import User

    rows = (
        SavedSearch.query.filter(
            SavedSearch.id.in_(search_ids), SavedSearch.active.is_(True), _due_condition(now)
        )
        .order_by(SavedSearch.id)
        .with_for_update(skip_locked=True)
        .all()
    )
    if not rows:
        db.session.rollback()
        return "skipped"
    user = db.session.get(User, user_id)
    locale = _locale(user)
    site = current_app.config["SITE_UI_URL"]
    sections = []
    for saved in rows:
        if saved.kind == "review" and not still_coordinates(user_id, saved.community_id):
            continue
        entries, total = answers.get(saved, locale)
        if total:
            sections.append(_section(saved, entries, total, site))
    state = "empty"
    if sections:
        if _rate_limited(user_id, now):
            db.session.rollback()
            return "limited"
        current_app.extensions["mail"].send(_message(user, frequency, sections, locale))
        db.session.add(
            AlertDelivery(
                user_id=user_id,
                frequency=frequency,
                records=sum(s["total"] for s in sections),
                sent=now,
            )
        )
        state = "sent"
    for saved in rows:
        saved.high_water = max(saved.high_water, answers.cutoff)
        saved.last_sent = now
    db.session.commit()
    return state


def run_digests(now=None):
    """Send every digest that is due; return counts by outcome and the searches run."""
    now = now or utcnow()
    answers = Answers(now - current_app.config["MSI_ALERTS_SETTLE"])
    counts = defaultdict(int)
    for (user_id, frequency), search_ids in due_groups(now).items():
        try:
            state = deliver(user_id, frequency, search_ids, now, answers)
        except (smtplib.SMTPException, OSError) as error:
            # The marks stay where they were: the next run sends the same window again.
            db.session.rollback()
            current_app.logger.warning("msi: digest for user %s not sent: %s", user_id, error)
            state = "failed"
        counts[state] += 1
    counts["searches"] = answers.searches
    return dict(counts)
