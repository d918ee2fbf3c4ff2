"""E-mails of the affiliation workflow, in Swedish and English, sent by invenio-mail's Celery task.

With ``MAIL_SUPPRESS_SEND`` (local and test instances) invenio-mail writes them to the worker's log
instead of sending them.
"""

from celery import shared_task
from flask import current_app, render_template
from invenio_accounts.models import Role, User
from invenio_i18n import force_locale
from invenio_mail.tasks import send_email

from .api import Researcher
from .generators import COORDINATING_COMMUNITY_ROLES, coordinator_role, node_communities

LOCALES = ("sv", "en")


def coordinator_emails(node_id):
    """E-mail addresses of everyone who coordinates a node."""
    emails = set()
    role = Role.query.filter_by(name=coordinator_role(node_id)).one_or_none()
    if role is not None:
        emails.update(u.email for u in role.users if u.active)
    community = node_communities().get(node_id)
    if community:
        from invenio_communities.members.records.models import MemberModel

        members = MemberModel.query.filter(
            MemberModel.community_id == community,
            MemberModel.role.in_(COORDINATING_COMMUNITY_ROLES),
            MemberModel.active.is_(True),
            MemberModel.user_id.isnot(None),
        )
        user_ids = [m.user_id for m in members]
        if user_ids:
            emails.update(
                u.email for u in User.query.filter(User.id.in_(user_ids), User.active.is_(True))
            )
    return sorted(emails)


def _render(template, **context):
    """The message in Swedish, then in English."""
    return "\n\n----\n\n".join(_render_one(template, locale, **context) for locale in LOCALES)


def _send(recipients, subject_template, body_template, **context):
    if not recipients:
        current_app.logger.warning("msi: no recipients for %s", body_template)
        return
    subject = " / ".join(_render_one(subject_template, locale, **context) for locale in LOCALES)
    send_email.delay(
        {
            "subject": subject,
            "sender": current_app.config["MAIL_DEFAULT_SENDER"],
            "recipients": recipients,
            "body": _render(body_template, **context),
        }
    )


def _render_one(template, locale, **context):
    title = context["node"].get("title") or {}
    with force_locale(locale):
        return render_template(
            template, node_title=title.get(locale) or title.get("en", ""), **context
        ).strip()


def _context(record):
    url = f"{current_app.config['SITE_UI_URL']}/researchers/{record.pid.pid_value}"
    record.relations.dereference()
    return {"profile": record, "url": url, "node": record["node"]}


@shared_task(ignore_result=True)
def application_received(record_uuid):
    """Tell the node's coordinators that a researcher applies."""
    record = Researcher.get_record(record_uuid)
    _send(
        coordinator_emails(record["node"]["id"]),
        "msi_rdm/researchers/mail/application_subject.txt",
        "msi_rdm/researchers/mail/application.txt",
        **_context(record),
    )


@shared_task(ignore_result=True)
def decision_made(record_uuid, action):
    """Tell the researcher what the coordinators decided, with their comment."""
    record = Researcher.get_record(record_uuid)
    user = User.query.get(record.user_id) if record.user_id else None
    if user is None:
        return
    entry = (record.get("review") or [{}])[-1]
    _send(
        [user.email],
        "msi_rdm/researchers/mail/decision_subject.txt",
        "msi_rdm/researchers/mail/decision.txt",
        action=action,
        comment=entry.get("comment"),
        **_context(record),
    )
