"""The deposit form offers the MSI fields; the language switch changes the UI language."""

import pytest

pytestmark = pytest.mark.browser


def test_deposit_form_offers_msi_fields(logged_in_page, msi_server):
    """The new-upload form has the Social innovation section with every MSI field, in Swedish."""
    page = logged_in_page
    page.goto(msi_server + "/uploads/new")
    page.get_by_text("MSI-teman").first.wait_for(timeout=30000)
    form = page.locator("#rdm-deposit-form, form").first.inner_text()
    for label in (
        "MSI-teman",
        "Globala mål",
        "Sektorer",
        "MSI-nod",
        "Strategiskt område",
        "Målgrupp",
        "Sammanfattning på klarspråk, svenska",
        "Projekt eller koalition",
    ):
        assert label in form, label


def test_theme_autocompletion(logged_in_page, msi_server):
    """Typing in the theme field offers matching themes from the vocabulary."""
    page = logged_in_page
    page.goto(msi_server + "/uploads/new")
    field = page.locator(
        "[id='custom_fields.msi:themes'] input.search, div[name='custom_fields.msi:themes'] input"
    ).first
    field.wait_for(timeout=30000)
    field.fill("folk")
    page.get_by_role("option", name="Jämlik folkhälsa").wait_for(timeout=15000)


def test_language_switch(page, msi_server):
    """Swedish by default; the header's language switch turns the UI to English and back."""
    page.goto(msi_server + "/")
    assert "Rapporter" in page.locator(".msi-intro").inner_text()
    page.locator(".msi-language-switch a[lang=en]").click()
    page.wait_for_load_state("networkidle")
    assert "Reports" in page.locator(".msi-intro").inner_text()
    page.locator(".msi-language-switch a[lang=sv]").click()
    page.wait_for_load_state("networkidle")
    assert "Rapporter" in page.locator(".msi-intro").inner_text()
