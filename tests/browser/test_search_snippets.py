"""Search results show marked snippets from the file text, escaped, with no script run."""

import pytest

from helpers import deposit, record_data
from msi_rdm.demo.files import make_pdf

pytestmark = pytest.mark.browser


def test_snippet_from_pdf_is_marked_and_escaped(
    client, api_headers, unique_word, tmp_path, msi_server, page
):
    """A word found only in a PDF shows in a marked snippet; markup in the text stays text."""
    body = f"Forskarna <script>alert('x')</script> beskriver {unique_word}metoder i kommunerna."
    pdf = make_pdf(tmp_path / "r.pdf", "Rapport", [body])
    title = f"<b>Fet</b> rapport {unique_word[:4]}"
    deposit(client, api_headers, record_data(title, files=True), {"r.pdf": pdf.read_bytes()})

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{msi_server}/search?q={unique_word}metod")
    snippet = page.locator(".msi-highlight-fulltext").first
    snippet.wait_for(timeout=30000)
    assert page.locator(".msi-highlight-fulltext mark").first.inner_text() == (
        f"{unique_word}metoder"
    )
    assert "<script>alert('x')</script>" in snippet.inner_text()
    assert page.locator(".msi-highlight script").count() == 0
    assert (
        "<b>Fet</b>"
        in page.locator(".result-item, .item").filter(has_text="rapport").first.inner_text()
        or page.get_by_text("<b>Fet</b>", exact=False).count() > 0
    )
    assert dialogs == []
