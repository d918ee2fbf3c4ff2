"""The accessibility statement, the privacy page and the contact page: at stable addresses,
linked from every page, in Swedish and English, filled in from the deployment's settings."""

import re

import pytest

SV = {"Accept-Language": "sv"}
EN = {"Accept-Language": "en"}


def page_text(client, url, headers):
    """The page's HTML, rendered in a fresh application context (the suite's long-lived one
    would keep the first request's language)."""
    with client.application.app_context():
        response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_statement_in_swedish(client):
    """The statement has what the law and DIGG's model ask: body and service, compliance status,
    known gaps with reasons, how to get content in another format, the feedback route, DIGG's
    reporting form and the assessment's date and method."""
    html = page_text(client, "/accessibility", SV)
    for expected in (
        '<h1 class="ui header">Tillgänglighetsredogörelse</h1>',
        "Malmö universitet står bakom Mötesplats Social Innovations forsknings- och "
        "publikationsdatabas",
        "delvis förenlig med lagen om tillgänglighet till digital offentlig service",
        "PDF-filer och andra dokument som forskare laddar upp",
        "Förinspelad tidsberoende media publicerad före detta datum",
        'href="mailto:info@motesplatssocialinnovation.se"',
        'href="https://www.digg.se/tdosanmalan"',
        "Anmäl bristande tillgänglighet till Digg",
        "Den senaste bedömningen gjordes den 1 december 2026.",
        "axe-core",
    ):
        assert expected in html, expected


def test_statement_in_english(client):
    """The same statement in English, with the body's English name."""
    html = page_text(client, "/accessibility", EN)
    assert '<h1 class="ui header">Accessibility statement</h1>' in html
    assert "Malmö University is responsible for" in html
    assert "partially compliant" in html
    assert "The latest assessment was made on December 1, 2026." in html


def test_statement_from_the_deployments_settings(app, client):
    """Another body's deployment fills in its own name, contact, status and date."""
    changes = {
        "MSI_ACCESSIBILITY_BODY": {"sv": "Umeå universitet", "en": "Umeå University"},
        "MSI_ACCESSIBILITY_EMAIL": "tillganglighet@example.org",
        "MSI_ACCESSIBILITY_PHONE": "090-786 50 00",
        "MSI_ACCESSIBILITY_COMPLIANCE": "full",
        "MSI_ACCESSIBILITY_KNOWN_GAPS": [],
        "MSI_ACCESSIBILITY_ASSESSED": "2027-03-15",
    }
    saved = {key: app.config[key] for key in changes}
    app.config.update(changes)
    try:
        html = page_text(client, "/accessibility", SV)
    finally:
        app.config.update(saved)
    assert "Umeå universitet står bakom" in html
    assert 'href="mailto:tillganglighet@example.org"' in html
    assert "090-786 50 00" in html
    assert "helt förenlig" in html
    assert "Vi känner inte till något innehåll som inte är tillgängligt." in html
    assert "15 mars 2027" in html


@pytest.mark.parametrize(
    "url", ["/", "/search", "/researchers", "/login/", "/signup/", "/accessibility"]
)
def test_linked_from_every_page(client, url):
    """The footer of every page links the statement, the privacy page and the contact page."""
    html = page_text(client, url, SV)
    for href, label in (
        ("/accessibility", "Tillgänglighetsredogörelse"),
        ("/privacy", "Integritet och kakor"),
        ("/contact", "Kontakt"),
    ):
        assert re.search(f'<a (class="item" )?href="{href}">{label}</a>', html), (url, href)


def test_privacy_page(client):
    """The privacy page names the controller, what is stored and the cookies."""
    html = page_text(client, "/privacy", SV)
    assert '<h1 class="ui header">Integritet och kakor</h1>' in html
    assert "Malmö universitet är personuppgiftsansvarig" in html
    for cookie in ("session", "csrftoken", "remember_token"):
        assert f"<code>{cookie}</code>" in html
    assert "forskarprofil" in html and "Integritetsskyddsmyndigheten" in html


def test_contact_page_lists_the_nodes(client):
    """The contact page gives the address and every node with its community."""
    html = page_text(client, "/contact", SV)
    assert 'href="mailto:info@motesplatssocialinnovation.se"' in html
    for slug in ("msi-boras", "msi-jonkoping", "msi-lulea", "msi-umea", "msi-orebro"):
        assert f'href="/communities/{slug}/"' in html, slug
    assert 'href="/accessibility"' in html
