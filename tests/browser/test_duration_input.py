"""The deposit form's film duration: typed as a clock, saved as ISO 8601, refused when wrong."""

import re

import pytest

pytestmark = pytest.mark.browser

FIELD = "[id='custom_fields.msi:duration']"


def test_duration_typed_as_clock_is_saved_as_iso(logged_in_page, msi_server):
    """4:12 stays 4:12 in the form and is saved as PT4M12S; 4:75 shows how to type it."""
    page = logged_in_page
    page.goto(msi_server + "/uploads/new")
    field = page.locator(FIELD)
    field.wait_for(timeout=60000)
    field.fill("4:75")
    field.press("Tab")
    alert = page.locator("[id='custom_fields.msi:duration-error']")
    alert.wait_for()
    assert "4:12" in alert.inner_text() and "1:02:03" in alert.inner_text()
    assert field.get_attribute("aria-invalid") == "true"

    field.fill("4:12")
    field.press("Tab")
    assert page.locator("[id='custom_fields.msi:duration-error']").count() == 0
    page.get_by_role("button", name=re.compile("Spara")).first.click()
    page.wait_for_url(re.compile(r".*/uploads/[a-z0-9]{5}-[a-z0-9]{5}"), timeout=60000)
    draft_id = page.url.rstrip("/").split("/")[-1].split("?")[0]
    draft = page.request.get(f"{msi_server}/api/records/{draft_id}/draft").json()
    assert draft["custom_fields"]["msi:duration"] == "PT4M12S"
    page.reload()
    page.locator(FIELD).wait_for(timeout=60000)
    assert page.locator(FIELD).input_value() == "4:12"
