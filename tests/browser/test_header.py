"""The header fits laptop and desktop windows, and its mobile menu can be seen."""

import pytest

from helpers import demo_record

pytestmark = pytest.mark.browser

WIDTHS = (1024, 1280, 1366, 1440, 1600, 1700, 1920)

FITS = """(selector) => {
  const target = document.querySelector(selector);
  const box = target && target.getBoundingClientRect();
  return {
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    right: box ? box.right : null, width: window.innerWidth,
    visible: box ? box.width > 0 && box.height > 0 : false,
  };
}"""

CONTRAST = """([selector, pseudo]) => {
  const channels = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const opaque = (value) => { const c = channels(value); return c.length === 3 || c[3] > 0; };
  const luminance = (value) => {
    const c = channels(value).slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const el = document.querySelector(selector);
  const own = getComputedStyle(el, pseudo);
  const fg = pseudo ? own.backgroundColor : own.color;
  let back = pseudo ? el.parentElement : el;
  while (back && !opaque(getComputedStyle(back).backgroundColor)) back = back.parentElement;
  const bg = back ? getComputedStyle(back).backgroundColor : "rgb(255, 255, 255)";
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_header_fits_signed_out(msi_server, chromium, width):
    """On a landing page (with the header's search bar) nothing is wider than the window and the
    sign-up button is whole."""
    context = chromium.new_context(locale="sv-SE", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{msi_server}/records/{demo_record(msi_server, 'video')['id']}")
    fit = page.evaluate(FITS, "#invenio-menu a.signup" if width >= 1280 else "#rdm-burger-toggle")
    context.close()
    assert fit["overflow"] <= 0, fit
    assert fit["visible"] and fit["right"] <= fit["width"], fit


@pytest.mark.parametrize("width", WIDTHS)
def test_header_fits_signed_in(logged_in_page, msi_server, width):
    """Signed in, the user menu is whole at every desktop width."""
    page = logged_in_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{msi_server}/records/{demo_record(msi_server, 'video')['id']}")
    selector = "#user-profile-dropdown-btn" if width >= 1280 else "#rdm-burger-toggle"
    fit = page.evaluate(FITS, selector)
    assert fit["overflow"] <= 0, fit
    assert fit["visible"] and fit["right"] <= fit["width"], fit


def test_mobile_menu_can_be_seen(msi_server, chromium):
    """At phone width the menu icon stands out from the bar (3:1) and, once opened, the
    language switch can be read (4.5:1)."""
    context = chromium.new_context(locale="sv-SE", viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(msi_server + "/")
    assert page.evaluate(CONTRAST, ["#rdm-burger-menu-icon .navicon", "::before"]) >= 3
    page.click("#rdm-burger-menu-icon")
    switch = page.locator("#invenio-menu .msi-language-switch a")
    switch.wait_for()
    assert page.evaluate(CONTRAST, ["#invenio-menu .msi-language-switch a", None]) >= 4.5
    context.close()
