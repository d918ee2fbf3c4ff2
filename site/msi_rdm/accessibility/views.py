"""The accessibility statement, privacy and contact pages, at stable addresses."""

from datetime import date

from flask import Blueprint, current_app, g, render_template
from invenio_i18n import get_locale
from invenio_vocabularies.proxies import current_service as vocabularies

from .language import lang_attribute


def localised(value):
    """The current language's text of a ``{"sv": ..., "en": ...}`` setting, or the value."""
    if isinstance(value, dict):
        language = str(get_locale() or "sv")
        return value.get(language) or value.get("sv") or next(iter(value.values()), "")
    return value


def settings():
    """The MSI_ACCESSIBILITY_* settings, their dates parsed, texts in the current language."""
    config = current_app.config
    return {
        "body": localised(config["MSI_ACCESSIBILITY_BODY"]),
        "service": localised(config["MSI_ACCESSIBILITY_SERVICE"]),
        "email": config["MSI_ACCESSIBILITY_EMAIL"],
        "phone": config["MSI_ACCESSIBILITY_PHONE"],
        "response_days": config["MSI_ACCESSIBILITY_RESPONSE_DAYS"],
        "compliance": config["MSI_ACCESSIBILITY_COMPLIANCE"],
        "gaps": [
            {"text": localised(gap), "reason": localised(gap.get("reason", ""))}
            for gap in config["MSI_ACCESSIBILITY_KNOWN_GAPS"]
        ],
        "assessed": date.fromisoformat(config["MSI_ACCESSIBILITY_ASSESSED"]),
        "method": localised(config["MSI_ACCESSIBILITY_METHOD"]),
        "published": date.fromisoformat(config["MSI_ACCESSIBILITY_PUBLISHED"]),
        "updated": date.fromisoformat(config["MSI_ACCESSIBILITY_UPDATED"]),
        "digg_url": config["MSI_ACCESSIBILITY_DIGG_URL"],
        "controller": localised(config["MSI_ACCESSIBILITY_CONTROLLER"]),
        "privacy_email": config["MSI_ACCESSIBILITY_PRIVACY_EMAIL"],
    }


def statement():
    """Tillgänglighetsredogörelse: the accessibility statement in the UI's language."""
    return render_template("msi_rdm/accessibility/statement.html", page=settings())


def privacy():
    """What is stored about researchers and visitors, and the cookies."""
    return render_template("msi_rdm/accessibility/privacy.html", page=settings())


def contact():
    """Who to contact: the national office and each node."""
    nodes = vocabularies.search(g.identity, type="msinodes", params={"size": 50}).hits
    return render_template(
        "msi_rdm/accessibility/contact.html",
        page=settings(),
        nodes=sorted(nodes, key=lambda node: node["props"].get("university", "")),
    )


def create_ui_blueprint(app):
    """The three pages, linked from every page's footer."""
    blueprint = Blueprint("msi_accessibility", __name__)
    blueprint.add_app_template_global(lang_attribute, "msi_lang_attribute")
    blueprint.add_url_rule("/accessibility", "statement", statement)
    blueprint.add_url_rule("/privacy", "privacy", privacy)
    blueprint.add_url_rule("/contact", "contact", contact)
    return blueprint
