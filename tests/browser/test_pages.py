"""The front page and the search page render in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_front_page(msi_server, page):
    """The front page names the repository and what it holds."""
    page.goto(msi_server + "/")
    assert "Mötesplats Social Innovation" in page.title()
    intro = page.locator(".msi-intro")
    intro.wait_for()
    assert "Rapporter" in intro.inner_text() or "Reports" in intro.inner_text()


def test_search_page_shows_results(msi_server, page):
    """The React search page renders result items for a query that matches demo records."""
    page.goto(msi_server + "/search?q=ESEM")
    item = page.locator(".result-item, .ui.item.search-listing-item, .item").filter(
        has_text="European Social Enterprise Monitor"
    )
    item.first.wait_for(timeout=30000)
    assert "Sverigerapport" in item.first.inner_text()
