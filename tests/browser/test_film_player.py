"""A film in headless Chromium: the player loads with captions, seeks, and the transcript and
search results lead to moments in the film."""

import pytest

from helpers import deposit, record_data
from msi_rdm.demo.files import make_film, make_vtt

pytestmark = pytest.mark.browser

VIDEO = "document.querySelector('video')"
TRACKS = "document.querySelector('.video-js').player.textTracks()"
"""video.js (v8) emulates text tracks: they live on its player, not on the <video> element."""


@pytest.fixture()
def film(client, api_headers, unique_word, tmp_path):
    """A public 4-second film with Swedish and English captions."""
    mp4 = make_film(tmp_path / "film.mp4", seconds=4).read_bytes()
    sv = make_vtt(
        tmp_path / "film.sv.vtt",
        [
            {"start": 0.0, "end": 2.0, "text": "Välkommen till filmen."},
            {"start": 2.0, "end": 4.0, "text": f"Här berättar {unique_word}."},
        ],
    )
    en = make_vtt(
        tmp_path / "film.en.vtt",
        [{"start": 0.0, "end": 4.0, "text": "Welcome to the film."}],
    )
    data = record_data("Film i webbläsaren", resource_type="video", files=True)
    files = {"film.mp4": mp4, "film.sv.vtt": sv.read_bytes(), "film.en.vtt": en.read_bytes()}
    return deposit(client, api_headers, data, files)


def _player(page, url):
    """Open a landing page and return the preview frame once its video has metadata."""
    media = []
    page.on("response", lambda r: media.append(r.status) if "film.mp4" in r.url else None)
    page.goto(url)
    frame = page.frame(name="preview-iframe")
    assert frame is not None
    frame.wait_for_function(f"() => {VIDEO} && {VIDEO}.readyState >= 1", timeout=30000)
    return frame, media


def test_player_loads_seeks_and_has_captions(msi_server, page, film):
    """video.js plays the film through range requests; seeking moves currentTime; the sv and en
    caption tracks are present and their cues load."""
    frame, media = _player(page, f"{msi_server}/records/{film['id']}")
    assert frame.locator(".video-js").count() == 1
    assert abs(frame.evaluate(f"{VIDEO}.duration") - 4) < 0.2
    tracks = frame.evaluate(f"Array.from({TRACKS}).map(t => [t.kind, t.language, t.mode])")
    assert tracks == [["captions", "sv", "showing"], ["captions", "en", "disabled"]]
    frame.wait_for_function(f"() => {TRACKS}[0].cues && {TRACKS}[0].cues.length == 2")
    assert frame.locator(".vjs-subs-caps-button button").count() >= 1

    frame.evaluate(f"{VIDEO}.currentTime = 2.5")
    frame.wait_for_function(f"() => Math.abs({VIDEO}.currentTime - 2.5) < 0.3 && !{VIDEO}.seeking")
    assert 206 in media


def test_transcript_seeks_and_searches(msi_server, page, film, unique_word):
    """Clicking or pressing Enter on a cue seeks the film; the search box filters and marks."""
    frame, _ = _player(page, f"{msi_server}/records/{film['id']}")
    page.locator("#msi-transcript[data-ready=true]").wait_for(timeout=30000)
    page.locator(".msi-cues:not([hidden]) .msi-cue[data-start='2.0']").click()
    frame.wait_for_function(f"() => {VIDEO}.currentTime >= 2")
    page.focus(".msi-cues:not([hidden]) .msi-cue[data-start='0.0']")
    frame.evaluate(f"{VIDEO}.pause()")
    page.keyboard.press("Enter")
    frame.wait_for_function(f"() => {VIDEO}.currentTime < 1")

    page.fill("#msi-transcript-search", unique_word)
    visible = page.locator(".msi-cues:not([hidden]) li:not([hidden])")
    assert visible.count() == 1
    assert visible.locator("mark").inner_text() == unique_word
    page.select_option("#msi-transcript-language", "film.en.vtt")
    assert page.locator(".msi-cues:not([hidden])").get_attribute("lang") == "en"


def test_search_result_links_to_the_moment(msi_server, page, film, unique_word):
    """A word said in the film finds it with the poster and a time code that starts the film
    there."""
    page.goto(f"{msi_server}/search?q={unique_word}")
    time_link = page.locator(".msi-caption-time").first
    time_link.wait_for(timeout=30000)
    assert time_link.inner_text() == "0:02"
    assert page.locator(".msi-caption-hit mark").first.inner_text() == unique_word
    poster = page.locator(".msi-result-poster img").first
    poster.wait_for()
    page.wait_for_function(
        "() => document.querySelector('.msi-result-poster img').naturalWidth > 0"
    )
    time_link.click()
    page.wait_for_url(f"**/records/{film['id']}?t=2")
    frame = page.frame(name="preview-iframe")
    frame.wait_for_function(
        f"() => {VIDEO} && Math.abs({VIDEO}.currentTime - 2) < 0.3", timeout=30000
    )
