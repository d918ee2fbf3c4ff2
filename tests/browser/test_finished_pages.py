"""Defects that made the site look unfinished, checked as a visitor sees the pages in Chromium."""

import re
from urllib.parse import urlsplit

import pytest

from helpers import deposit, record_data
from msi_rdm.demo.files import make_pdf

pytestmark = pytest.mark.browser

TRYGGA = "Forskning i samverkan som förändrar Sverige: Trygga platser i staden"


def _luminance(rgb):
    """WCAG relative luminance of an ``rgb(r, g, b)`` colour."""
    channels = [int(c) / 255 for c in re.findall(r"[\d.]+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    """WCAG contrast ratio of two CSS colours."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _record_id(client, title):
    query = {"q": f'metadata.title:"{title}"', "size": 1}
    return client.get("/api/records", query_string=query).json["hits"]["hits"][0]["id"]


def test_snippet_keeps_the_space_after_a_mark_and_the_mark_is_visible(
    client, api_headers, unique_word, tmp_path, msi_server, page
):
    """ "samverkans om" stays two words, and the mark reads ≥ 4.5:1 and stands out ≥ 3:1."""
    word = f"samverkans{unique_word}"
    pdf = make_pdf(tmp_path / "r.pdf", "Rapport", [f"Studien visar {word} om kommunerna."])
    data = record_data(f"Snippetrapport {unique_word[:6]}", files=True)
    deposit(client, api_headers, data, {"r.pdf": pdf.read_bytes()})

    page.goto(f"{msi_server}/search?q={word}")
    snippet = page.locator(".msi-highlight-fulltext").first
    snippet.wait_for(timeout=30000)
    assert f"{word} om kommunerna" in snippet.inner_text()
    mark = page.locator(".msi-highlight-fulltext mark").first
    style = mark.evaluate(
        """m => { const s = getComputedStyle(m);
                  return {color: s.color, background: s.backgroundColor,
                          border: s.borderBottomColor, width: parseFloat(s.borderBottomWidth),
                          page: getComputedStyle(document.body).backgroundColor}; }"""
    )
    assert contrast(style["color"], style["background"]) >= 4.5
    assert style["width"] >= 2 and contrast(style["border"], style["page"]) >= 3


def test_details_panel_has_no_dead_links_nor_lonely_commas(client, msi_server, page):
    """The "Ytterligare detaljer" panel: no link icons to missing pages, commas after words."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{msi_server}/records/{_record_id(client, TRYGGA)}")
    panel = page.locator("#record-details-heading").locator("xpath=..")
    panel.wait_for()
    assert panel.locator("dt a, dt .icon.external").count() == 0
    assert panel.locator("a[href*='motesplatssocialinnovation.se/terms']").count() == 0
    lonely = panel.locator("dd").evaluate_all(
        """dds => dds.flatMap(dd => {
             const found = [];
             const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
             while (walker.nextNode()) {
               const node = walker.currentNode;
               if (node.textContent.trim() !== ",") continue;
               const range = document.createRange();
               range.selectNodeContents(node);
               const comma = range.getBoundingClientRect();
               const before = node.previousSibling && node.previousSibling.getBoundingClientRect
                 ? node.previousSibling.getBoundingClientRect() : null;
               const apart = before && Math.abs(before.top - comma.top) > 4;
               if (apart || (before && comma.left < before.right - 2)) found.push(dd.innerText);
             }
             return found;
           })"""
    )
    assert lonely == []
    sdgs = panel.locator("dd").filter(has_text="Hållbara städer")
    assert re.search(r"\w, \w", sdgs.first.inner_text())


def test_community_page_shows_the_node_logo(msi_server, page):
    """A node community's page shows its generated mark, not the grey placeholder."""
    page.goto(f"{msi_server}/communities/msi-boras")
    logo = page.locator("img[src*='/api/communities/'][src$='/logo']").first
    logo.wait_for()
    page.wait_for_load_state("networkidle")
    size = logo.evaluate("img => [img.complete, img.naturalWidth, img.currentSrc]")
    assert size[0] and size[1] == 256, size
    assert "placeholder" not in size[2]


def test_front_page_type_badge_filters_search(msi_server, page):
    """A resource-type badge in the front page's list opens the search filtered by that type."""
    page.goto(msi_server + "/")
    badge = page.locator("#records-list a.label.neutral").first
    badge.wait_for(timeout=30000)
    label = badge.inner_text().strip()
    href = badge.get_attribute("href")
    assert urlsplit(href).path == "/search" and "resource_type" in href
    badge.click()
    page.wait_for_url("**/search?**")
    items = page.locator(".search-listing-item, .result-item, .ui.items .item")
    items.first.wait_for(timeout=30000)
    types = page.locator(".labels-actions .label.neutral").all_inner_texts()
    assert types and all(t.strip() == label for t in types)


def test_profile_facts_are_a_styled_list(client, msi_server, page):
    """A profile's facts read as label and value side by side on a laptop, stacked on a phone."""
    hits = client.get("/api/researchers", query_string={"q": "Holm", "size": 1}).json
    profile = hits["hits"]["hits"][0]["id"]
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{msi_server}/researchers/{profile}")
    facts = page.locator(".msi-profile-facts")
    facts.wait_for()
    assert facts.evaluate("dl => getComputedStyle(dl).display") == "grid"
    term, value = facts.locator("dt").first, facts.locator("dd").first
    assert int(term.evaluate("dt => getComputedStyle(dt).fontWeight")) >= 600
    assert abs(term.bounding_box()["y"] - value.bounding_box()["y"]) < 4
    assert value.bounding_box()["x"] > term.bounding_box()["x"] + term.bounding_box()["width"]
    page.set_viewport_size({"width": 390, "height": 800})
    assert value.bounding_box()["y"] > term.bounding_box()["y"] + 4
