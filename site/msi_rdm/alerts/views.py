"""Feeds, the page that manages saved searches, unsubscribing and the bounce endpoint."""

import hashlib
import hmac
import uuid

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from invenio_db import db
from invenio_i18n import lazy_gettext as _
from invenio_search.engine import search

from . import api, sources
from .feeds import atom, entry_data, rss
from .models import SavedSearch
from .queries import RefusedSearch, search_arguments
from .tokens import read_token

MIMETYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}
FEED_FORMATS = "<any(atom,rss):fmt>"


def create_ui_blueprint(app):
    """The feeds under /feeds and the alerts pages under /alerts."""
    bp = Blueprint("msi_alerts", __name__)
    bp.add_url_rule(f"/feeds/search.{FEED_FORMATS}", "search_feed", search_feed)
    bp.add_url_rule(
        f"/feeds/<any(themes,sdgs,nodes):kind>/<term>.{FEED_FORMATS}",
        "vocabulary_feed",
        vocabulary_feed,
    )
    bp.add_url_rule(f"/feeds/communities/<slug>.{FEED_FORMATS}", "community_feed", community_feed)
    bp.add_url_rule(
        f"/feeds/researchers/<pid_value>.{FEED_FORMATS}", "researcher_feed", researcher_feed
    )
    bp.add_url_rule("/alerts", "manage", manage)
    bp.add_url_rule("/alerts/save", "save", save, methods=["POST"])
    bp.add_url_rule("/alerts/reviews", "follow_reviews", follow_reviews, methods=["POST"])
    bp.add_url_rule("/alerts/<int:search_id>", "update", update, methods=["POST"])
    bp.add_url_rule("/alerts/<int:search_id>/delete", "delete", delete, methods=["POST"])
    bp.add_url_rule(
        "/alerts/unsubscribe/<token>", "unsubscribe", unsubscribe, methods=["GET", "POST"]
    )
    bp.add_url_rule("/alerts/bounces", "bounce", bounce, methods=["POST"])
    return bp


# Feeds
# -----


def _feed(source, fmt):
    """The feed of a source, with an ETag; 304 when the client has it already."""
    from .queries import newest

    try:
        result = newest(source["query"], source["facets"], source["filter"])
    except search.RequestError:
        abort(400, description=str(_("The search cannot run as written.")))
    entries = [entry_data(hit) for hit in result.hits]
    write = atom if fmt == "atom" else rss
    self_url = current_app.config["SITE_UI_URL"] + request.full_path.rstrip("?")
    body = write(entries, source["title"], self_url, source["page"])
    response = current_app.response_class(body, mimetype=MIMETYPES[fmt])
    response.set_etag(hashlib.sha256(body).hexdigest())
    response.cache_control.public = True
    response.cache_control.max_age = current_app.config["MSI_ALERTS_FEED_MAX_AGE"]
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response.make_conditional(request)


def search_feed(fmt):
    """The feed of a search: the same ``q`` and ``f`` arguments as /search."""
    query, facets = search_arguments(request.args)
    return _feed(sources.search_source(query, facets), fmt)


def vocabulary_feed(kind, term, fmt):
    """The feed of a theme, a Sustainable Development Goal or an MSI node."""
    return _feed(sources.vocabulary_source(kind, term), fmt)


def community_feed(slug, fmt):
    """The feed of a (node) community's records."""
    return _feed(sources.community_source(slug), fmt)


def researcher_feed(pid_value, fmt):
    """The feed of a researcher's works."""
    return _feed(sources.researcher_source(pid_value), fmt)


# Saved searches
# --------------


def _own(search_id):
    saved = db.session.get(SavedSearch, search_id)
    if saved is None or saved.user_id != current_user.id:
        abort(404)
    return saved


def _page(status=200, error=None, values=None):
    return (
        render_template(
            "msi_rdm/alerts/manage.html",
            searches=api.saved_searches(current_user.id),
            communities=api.coordinated_communities(current_user.id),
            frequencies=list(current_app.config["MSI_ALERTS_FREQUENCIES"]),
            limit=current_app.config["MSI_ALERTS_MAX_SAVED"],
            form=FlaskForm(),
            error=error,
            values=values or {},
        ),
        status,
    )


def _csrf_checked():
    form = FlaskForm()
    if not form.validate_on_submit():
        abort(400, description=str(_("The form expired: reload the page and try again.")))


@login_required
def manage():
    """The user's saved searches: frequency, stop, delete; coordinators' review digests."""
    return _page()


@login_required
def save():
    """Save the search the form carries (its ``q`` and ``f`` fields, as on /search)."""
    _csrf_checked()
    query, facets = search_arguments(request.form)
    frequency = request.form.get("frequency", "weekly")
    name = request.form.get("name", "")
    try:
        api.save_search(current_user.id, name, query, facets, frequency)
    except RefusedSearch as refusal:
        values = {"name": name, "q": query, "f": [f"{n}:{t}" for n, t in facets]}
        return _page(400, error=str(refusal.args[0]), values=values)
    flash(str(_("The search is saved: you will get an e-mail when there is something new.")))
    return redirect(url_for("msi_alerts.manage"))


@login_required
def follow_reviews():
    """Subscribe a coordinator to their community's digest of submissions waiting for review."""
    _csrf_checked()
    try:
        community_id = uuid.UUID(request.form.get("community", ""))
        api.follow_reviews(current_user.id, community_id, request.form.get("frequency", "daily"))
    except ValueError as refusal:
        message = refusal.args[0] if isinstance(refusal, RefusedSearch) else None
        return _page(400, error=str(message or _("Choose one of your communities.")))
    return redirect(url_for("msi_alerts.manage"))


@login_required
def update(search_id):
    """Change how often a saved search is sent, or start it again."""
    _csrf_checked()
    saved = _own(search_id)
    frequency = request.form.get("frequency", saved.frequency)
    if frequency not in current_app.config["MSI_ALERTS_FREQUENCIES"]:
        return _page(400, error=str(_("Choose daily, weekly or monthly.")))
    saved.frequency = frequency
    saved.active = request.form.get("active", "1") == "1"
    db.session.commit()
    return redirect(url_for("msi_alerts.manage"))


@login_required
def delete(search_id):
    """Delete a saved search."""
    _csrf_checked()
    db.session.delete(_own(search_id))
    db.session.commit()
    return redirect(url_for("msi_alerts.manage"))


def unsubscribe(token):
    """Stop the saved search a digest's link names, without signing in (RFC 8058 POST too)."""
    ids = read_token(token)
    if ids is None:
        return render_template("msi_rdm/alerts/unsubscribed.html", stopped=None), 404
    search_id, user_id = ids
    stopped = SavedSearch.query.filter_by(user_id=user_id)
    if search_id is not None:
        stopped = stopped.filter_by(id=search_id)
    stopped = stopped.all()
    if not stopped:
        return render_template("msi_rdm/alerts/unsubscribed.html", stopped=None), 404
    for saved in stopped:
        saved.active = False
    db.session.commit()
    return render_template("msi_rdm/alerts/unsubscribed.html", stopped=stopped)


def bounce():
    """Count a bounce reported by the MTA's handler: ``{"email": ...}`` with its bearer token."""
    expected = current_app.config["MSI_ALERTS_BOUNCE_TOKEN"]
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        abort(403)
    email = (request.get_json(silent=True) or {}).get("email")
    if not isinstance(email, str) or "@" not in email:
        return jsonify({"message": 'Give the bounced address as {"email": ...}.'}), 400
    count = api.record_bounce(email)
    if count is None:
        return jsonify({"message": "No account has that address."}), 404
    return jsonify({"email": email, "bounces": count})
