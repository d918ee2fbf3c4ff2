"""Keyboard and screen-reader paths: the skip link, the film player and the PDF viewer reached
and worked with the keyboard alone, visible focus on checkboxes, language of frames and content."""

import pytest

from helpers import demo_record
from msi_rdm.films.player import PLAYER_MESSAGES

pytestmark = pytest.mark.browser

VIDEO = "document.querySelector('video')"


def _demo_id(msi_server, resource_type):
    return demo_record(msi_server, resource_type)["id"]


def _focused(frame_or_page):
    """Description of the focused element of a document: tag, classes, text and outline."""
    return frame_or_page.evaluate(
        """() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return {tag: el.tagName.toLowerCase(), cls: el.className || "",
                  text: (el.innerText || el.getAttribute("aria-label") || "").trim(),
                  outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2};
        }"""
    )


def _tab_until(page, inside, found, limit=80):
    """Press Tab until ``found(frame's focused element)`` holds in the frame; that element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if inside.evaluate("() => document.hasFocus()"):
            focused = _focused(inside)
            if found(focused):
                return focused
    pytest.fail("the keyboard never reached the element")


def test_skip_link_first_and_visible(msi_server, page):
    """The first Tab shows "Hoppa till huvudinnehållet"; Enter moves on to the main content."""
    page.goto(msi_server + "/")
    page.keyboard.press("Tab")
    link = page.locator(":focus")
    assert link.inner_text().strip() == "Hoppa till huvudinnehållet"
    box = link.bounding_box()
    assert box and box["width"] > 20 and box["y"] >= 0
    assert _focused(page)["outline"] or page.evaluate(
        "() => getComputedStyle(document.activeElement).boxShadow !== 'none'"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")


def test_film_player_by_keyboard(msi_server, page):
    """Tab reaches the player's play button inside the frame, with a visible focus; Enter
    plays the film and the controls speak Swedish; the frame has a title and a language."""
    page.goto(f"{msi_server}/records/{_demo_id(msi_server, 'video')}")
    frame = page.frame(name="preview-iframe")
    frame.wait_for_function(f"() => {VIDEO} && {VIDEO}.readyState >= 1", timeout=60000)
    iframe = page.locator("iframe#preview-iframe")
    assert iframe.get_attribute("tabindex") is None
    assert iframe.get_attribute("title").startswith("Förhandsvisning av ")
    assert frame.evaluate("() => document.documentElement.lang") == "sv"
    play = _tab_until(
        page, frame, lambda f: "vjs-big-play-button" in f["cls"] or "vjs-play-control" in f["cls"]
    )
    assert play["outline"], play
    page.keyboard.press("Enter")
    frame.wait_for_function(f"() => !{VIDEO}.paused", timeout=15000)
    # The play button is relabelled on video.js's "play" event, a task after ``paused`` flips.
    frame.wait_for_function(
        "() => document.querySelector('.vjs-play-control').getAttribute('title') === 'Pausa'",
        timeout=15000,
    )
    labels = frame.evaluate(
        "() => Array.from(document.querySelectorAll('.vjs-control-bar button'))"
        ".map(b => b.getAttribute('title') || b.innerText)"
    )
    assert "Helskärm" in labels, labels
    # Hidden buttons keep a title too: the skip buttons' default one is not in video.js's en.json.
    english = set(PLAYER_MESSAGES) | {"Play", "Pause", "Mute", "Fullscreen", "Skip Backward"}
    assert not english.intersection(labels), labels


def test_film_descriptions_track(msi_server, page, client, api_headers, tmp_path):
    """An audio-description WebVTT file (``*.descriptions.<lang>.vtt``) becomes a track of kind
    descriptions, offered in the player besides the captions."""
    from helpers import deposit, record_data
    from msi_rdm.demo.files import make_film, make_vtt

    cues = [{"start": 0.0, "end": 2.0, "text": "En kvinna går in i ett klassrum."}]
    files = {
        "film.mp4": make_film(tmp_path / "f.mp4", seconds=2).read_bytes(),
        "film.sv.vtt": make_vtt(tmp_path / "f.sv.vtt", cues).read_bytes(),
        "film.descriptions.sv.vtt": make_vtt(tmp_path / "d.sv.vtt", cues).read_bytes(),
    }
    data = record_data("Film med syntolkning", resource_type="video", files=True)
    record = deposit(client, api_headers, data, files)
    page.goto(f"{msi_server}/records/{record['id']}")
    frame = page.frame(name="preview-iframe")
    frame.wait_for_function(f"() => {VIDEO} && {VIDEO}.readyState >= 1", timeout=60000)
    kinds = frame.evaluate(
        "() => Array.from(document.querySelector('.video-js').player.textTracks())"
        ".map(t => [t.kind, t.language])"
    )
    assert ["captions", "sv"] in kinds and ["descriptions", "sv"] in kinds
    assert frame.locator("button.vjs-descriptions-button").count() == 1


def test_pdf_viewer_by_keyboard(msi_server, page):
    """Tab reaches the PDF viewer's "next page" button with a visible focus; Enter turns the
    page; the page count and titles are Swedish and the frame has a language."""
    page.goto(f"{msi_server}/records/{_demo_id(msi_server, 'publication-report')}")
    frame = page.frame(name="preview-iframe")
    frame.wait_for_function(
        "() => document.querySelector('.page[data-loaded=\"true\"]')", timeout=60000
    )
    assert frame.evaluate("() => document.documentElement.lang") == "sv"
    assert frame.locator("#numPages").inner_text().startswith("av ")
    button = _tab_until(page, frame, lambda f: f["tag"] == "button" and "Nästa" in f["text"])
    assert button["outline"], button
    page.keyboard.press("Enter")
    frame.wait_for_function("() => document.getElementById('pageNumber').value === '2'")


def test_checkbox_focus_visible(msi_server, page):
    """A search facet's checkbox shows a clear outline when the keyboard reaches it."""
    page.goto(msi_server + "/search?q=")
    page.locator(".ui.checkbox input").first.wait_for(state="attached", timeout=60000)
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.closest('.ui.checkbox') !== null"):
            break
    else:
        pytest.fail("no checkbox reached by Tab")
    outline = page.evaluate(
        """() => {
          const box = document.activeElement.closest('.ui.checkbox');
          const label = box.querySelector('label');
          const before = getComputedStyle(label, '::before');
          return before.outlineStyle !== 'none' && parseFloat(before.outlineWidth) >= 2;
        }"""
    )
    assert outline


def test_swedish_title_marked_in_english_ui(msi_server, chromium):
    """In the English UI a Swedish record's title and description carry lang="sv"."""
    context = chromium.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{msi_server}/records/{_demo_id(msi_server, 'publication-report')}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#record-title").get_attribute("lang") == "sv"
    assert page.locator("#description [lang=sv]").count() == 1
    context.close()
