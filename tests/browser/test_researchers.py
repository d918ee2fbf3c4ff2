"""The researcher directory and a profile page in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_directory_filter_and_profile(msi_server, page):
    """Find a demo researcher by expertise, narrow by node, open the profile with its works."""
    page.goto(msi_server + "/researchers?ln=en")
    page.fill("#msi-q", "cirkulär ekonomi")
    page.click("form[role=search] button[type=submit]")
    result = page.locator(".msi-researcher").filter(has_text="Holm")
    result.first.wait_for()
    page.locator(".msi-facet a").filter(has_text="MSI Borås").first.click()
    page.wait_for_url("**node=nod-boras**")
    assert page.locator(".msi-researcher").filter(has_text="Holm").count() == 1
    page.locator(".msi-researcher a").filter(has_text="Holm").click()
    page.locator(".msi-profile h1").wait_for()
    assert "Holm, Fredrik" in page.locator(".msi-profile h1").inner_text()
    assert page.locator(".msi-orcid-verified").count() == 1
    assert "0009-0005-9363-3038" in page.locator(".msi-orcid").inner_text()
    works = page.locator(".msi-work")
    assert works.count() >= 1
    works.first.locator("a.header").click()
    page.wait_for_url("**/records/**")


def test_find_an_expert(msi_server, page):
    """A challenge in everyday words ranks a researcher whose profile speaks of it."""
    page.goto(msi_server + "/researchers?ln=sv")
    page.fill("#msi-challenge", "Hur gör vi barnkonventionen till praktik i skolan?")
    page.locator("button", has_text="Hitta experter").click()
    page.wait_for_url("**challenge=**")
    first = page.locator(".msi-researcher").first
    first.wait_for()
    assert "Ekström" in first.inner_text()
