"""Pages of the researcher network (/researchers) and the blueprint of its REST API."""

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from flask_principal import PermissionDenied
from flask_wtf import FlaskForm
from invenio_i18n import lazy_gettext as _
from invenio_pidstore.errors import PIDDeletedError, PIDDoesNotExistError
from invenio_vocabularies.proxies import current_service as vocabularies
from marshmallow import ValidationError

from ..orcid import api as orcid_api
from ..orcid import settings as orcid_settings
from ..orcid import tasks as orcid_tasks
from .proxies import current_researchers_service as service

FACETS = ("node", "theme", "sdg", "expertise")
WORKS_PER_PAGE = 20


def create_api_blueprint(app):
    """The REST API blueprint, /api/researchers."""
    return app.extensions["msi-researchers"].resource.as_blueprint()


def create_ui_blueprint(app):
    """The pages: directory, profile, application and review."""
    bp = Blueprint("msi_researchers_ui", __name__)
    bp.add_url_rule("/researchers", "directory", directory)
    bp.add_url_rule("/researchers/apply", "apply", edit, methods=["GET", "POST"])
    bp.add_url_rule("/researchers/review", "review_queue", review_queue)
    bp.add_url_rule("/researchers/<pid_value>", "profile", profile)
    bp.add_url_rule("/researchers/<pid_value>/edit", "edit", edit, methods=["GET", "POST"])
    bp.add_url_rule("/researchers/<pid_value>/decision", "decide", decide, methods=["POST"])
    bp.add_url_rule("/researchers/<pid_value>/orcid", "orcid", orcid_action, methods=["POST"])
    bp.register_error_handler(PermissionDenied, lambda e: _forbidden())
    bp.register_error_handler(PIDDoesNotExistError, lambda e: _not_found())
    bp.register_error_handler(PIDDeletedError, lambda e: _not_found())
    return bp


def _forbidden():
    if not current_user.is_authenticated:
        return redirect(url_for("security.login", next=request.full_path))
    return render_template("invenio_theme/403.html"), 403


def _not_found():
    return render_template("invenio_theme/404.html"), 404


def vocabulary_options(vocabulary):
    """(id, title) pairs of a vocabulary, for the filters and the form."""
    result = vocabularies.search(g.identity, type=vocabulary, params={"size": 200})
    return sorted((hit["id"], hit.get("title") or {}) for hit in result.hits)


def affiliation_options():
    """(id, name) pairs of the affiliations the network's researchers work at."""
    from invenio_records_resources.proxies import current_service_registry

    result = current_service_registry.get("affiliations").search(g.identity, params={"size": 100})
    return sorted((hit["id"], hit["name"]) for hit in result.hits)


def directory():
    """The directory: free text, a described challenge, facets and paging."""
    params = {"page": request.args.get("page", 1, type=int), "size": 20}
    q = request.args.get("q", "").strip()
    challenge = request.args.get("challenge", "").strip()
    if q:
        params["q"] = q
    if challenge:
        params["challenge"] = challenge[:2000]
    selected = {name: request.args.getlist(name) for name in FACETS if request.args.getlist(name)}
    params["facets"] = dict(selected)
    if request.args.get("sort") in ("name", "newest", "bestmatch"):
        params["sort"] = request.args["sort"]
    try:
        result = service.search(g.identity, params=params)
        data = result.to_dict()
    except ValidationError as e:
        flash(str(e.messages), "error")
        data = {"hits": {"hits": [], "total": 0}, "aggregations": {}}
    return render_template(
        "msi_rdm/researchers/directory.html",
        hits=data["hits"]["hits"],
        total=data["hits"]["total"],
        aggregations=data.get("aggregations", {}),
        q=q,
        challenge=challenge,
        selected=selected,
        page=params["page"],
        pages=max(1, -(-min(data["hits"]["total"], 10000) // params["size"])),
    )


def profile(pid_value):
    """A researcher's profile: who they are, their works and their co-authors in the network."""
    item = service.read(g.identity, pid_value)
    record = item._record
    page = request.args.get("page", 1, type=int)
    works = service.works(g.identity, pid_value, {"page": page, "size": WORKS_PER_PAGE}).to_dict()
    return render_template(
        "msi_rdm/researchers/profile.html",
        profile=item.to_dict(),
        works=works["hits"]["hits"],
        works_total=works["hits"]["total"],
        works_page=page,
        works_pages=max(1, -(-min(works["hits"]["total"], 10000) // WORKS_PER_PAGE)),
        coauthors=service.coauthors(g.identity, pid_value),
        imported=imported_works(record),
        orcid_panel=orcid_panel(
            record, service.check_permission(g.identity, "update", record=record)
        ),
        can_review=service.check_permission(g.identity, "review", record=record),
        can_update=service.check_permission(g.identity, "update", record=record),
        can_retire=service.check_permission(g.identity, "retire", record=record),
        form=FlaskForm(),
    )


def imported_works(record):
    """Works imported from the researcher's (verified) public ORCID record."""
    orcid = record.get("orcid") or {}
    return orcid_api.imported_works(orcid["id"]) if orcid.get("verified") else []


def orcid_panel(record, can_update):
    """What the owner may do with ORCID: link, import, consent to push; None for others."""
    if not can_update or not orcid_settings.enabled():
        return None
    linked = orcid_api.verified_orcid(record.user_id)
    return {
        "linked": linked,
        "status": orcid_api.import_status(linked) if linked else None,
        "push": orcid_settings.push_enabled(),
        "consent": orcid_api.push_consent(record.user_id) if linked else False,
    }


@login_required
def orcid_action(pid_value):
    """The owner imports works from ORCID, turns one into a draft, or sets push consent."""
    form = FlaskForm()
    if not form.validate_on_submit():
        abort(400)
    item = service.read(g.identity, pid_value)
    if not service.check_permission(g.identity, "update", record=item._record):
        return _forbidden()
    orcid = orcid_api.verified_orcid(item._record.user_id)
    action = request.form.get("action")
    try:
        if not orcid:
            raise orcid_api.NotLinkedError(_("Link your account with ORCID first."))
        if action == "import":
            orcid_tasks.queue_import(orcid)
            flash(_("Your works are being imported from ORCID."), "success")
        elif action == "consent":
            orcid_api.set_push_consent(current_user.id, request.form.get("consent") == "y")
            flash(_("Your choice has been saved."), "success")
        elif action == "draft":
            put_code = request.form.get("put_code", 0)
            draft = orcid_api.draft_from_orcid_work(g.identity, orcid, put_code)
            return redirect(f"/uploads/{draft.id}")
        else:
            abort(400)
    except (LookupError, ValueError) as error:
        flash(str(error), "error")
    return redirect(url_for(".profile", pid_value=pid_value))


def form_data(form):
    """The profile data of a submitted application or edit form."""

    def lines(name):
        return [v.strip() for v in form.get(name, "").replace(",", "\n").splitlines() if v.strip()]

    data = {
        "given_name": form.get("given_name", "").strip(),
        "family_name": form.get("family_name", "").strip(),
        "node": {"id": form.get("node", "")},
        "themes": [{"id": v} for v in form.getlist("themes")],
        "sdgs": [{"id": v} for v in form.getlist("sdgs")],
        "affiliations": [{"id": v} for v in form.getlist("affiliations")],
        "expertise": lines("expertise"),
        "bio": {
            k: form.get(f"bio_{k}", "").strip()
            for k in ("sv", "en")
            if form.get(f"bio_{k}", "").strip()
        },
        "websites": [],
        "contact": {"public": form.get("contact_public") == "y"},
        "claimed_works": lines("claimed_works"),
    }
    if form.get("orcid", "").strip():
        data["orcid"] = {"id": form["orcid"].strip()}
    for name in ("email", "phone"):
        if form.get(f"contact_{name}", "").strip():
            data["contact"][name] = form[f"contact_{name}"].strip()
    for line in form.get("links", "").splitlines():
        label, _sep, url = line.rpartition(" ")
        if url.strip():
            data["websites"].append(
                {"url": url.strip(), **({"label": label.strip()} if label.strip() else {})}
            )
    return data


def profile_form_values(profile):
    """Form values of an existing profile."""
    return {
        "given_name": profile.get("given_name", ""),
        "family_name": profile.get("family_name", ""),
        "orcid": (profile.get("orcid") or {}).get("id", ""),
        "node": (profile.get("node") or {}).get("id", ""),
        "themes": [t["id"] for t in profile.get("themes", [])],
        "sdgs": [t["id"] for t in profile.get("sdgs", [])],
        "affiliations": [a["id"] for a in profile.get("affiliations", [])],
        "expertise": "\n".join(profile.get("expertise", [])),
        "bio_sv": (profile.get("bio") or {}).get("sv", ""),
        "bio_en": (profile.get("bio") or {}).get("en", ""),
        "links": "\n".join(
            f"{x.get('label', '')} {x['url']}".strip() for x in profile.get("websites", [])
        ),
        "contact_email": (profile.get("contact") or {}).get("email", ""),
        "contact_phone": (profile.get("contact") or {}).get("phone", ""),
        "contact_public": (profile.get("contact") or {}).get("public", False),
        "claimed_works": "\n".join(profile.get("claimed_works", [])),
    }


@login_required
def edit(pid_value=None):
    """Apply to a node (no profile yet) or edit one's profile."""
    existing = None
    if pid_value is None:
        existing = service.read_by_user(g.identity, current_user.id)
        if existing is not None:
            return redirect(url_for(".edit", pid_value=existing.id))
    else:
        existing = service.read(g.identity, pid_value)
        if not service.check_permission(g.identity, "update", record=existing._record):
            return _forbidden()
    form = FlaskForm()
    values = profile_form_values(existing.to_dict()) if existing else {}
    errors = {}
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        data = form_data(request.form)
        try:
            if existing is None:
                item = service.create(g.identity, data)
                flash(_("Your application has been sent to the node's coordinators."), "success")
            else:
                item = service.update(g.identity, existing.id, data)
                flash(_("Your profile has been saved."), "success")
            return redirect(url_for(".profile", pid_value=item.id))
        except ValidationError as e:
            messages = e.messages if isinstance(e.messages, dict) else {"_schema": e.messages}
            errors = {field: " ".join(map(str, _flatten(m))) for field, m in messages.items()}
            values = {
                **profile_form_values(data),
                **{
                    k: request.form.get(k, "")
                    for k in ("expertise", "links", "claimed_works", "orcid")
                },
            }
    return render_template(
        "msi_rdm/researchers/edit.html",
        form=form,
        values=values,
        errors=errors,
        existing=existing.to_dict() if existing else None,
        nodes=vocabulary_options("msinodes"),
        themes=vocabulary_options("msithemes"),
        sdgs=vocabulary_options("sdgs"),
        affiliations=affiliation_options(),
    ), (400 if errors else 200)


@login_required
def decide(pid_value):
    """A coordinator approves or declines; a researcher or coordinator ends an affiliation."""
    form = FlaskForm()
    if not form.validate_on_submit():
        abort(400)
    decision = request.form.get("decision")
    actions = {"approve": service.approve, "decline": service.decline, "retire": service.retire}
    if decision not in actions:
        abort(400)
    try:
        actions[decision](g.identity, pid_value, {"comment": request.form.get("comment", "")})
        flash(_("Your decision has been recorded and the researcher notified."), "success")
    except ValidationError as e:
        flash(" ".join(str(m) for m in _flatten(e.messages)), "error")
    return redirect(url_for(".profile", pid_value=pid_value))


def _flatten(messages):
    if isinstance(messages, dict):
        for value in messages.values():
            yield from _flatten(value)
    elif isinstance(messages, (list, tuple)):
        for value in messages:
            yield from _flatten(value)
    else:
        yield messages


@login_required
def review_queue():
    """Applications waiting for the caller (as a node coordinator or administrator)."""
    result = service.search(
        g.identity, params={"facets": {"status": ["applied"]}, "size": 100, "sort": "newest"}
    ).to_dict()
    pending = [
        hit for hit in result["hits"]["hits"] if hit.get("owner", {}).get("user") != current_user.id
    ]
    return render_template("msi_rdm/researchers/review.html", pending=pending)
