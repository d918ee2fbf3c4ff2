"""The film player's words in the page's language: video.js's messages through our catalog."""

from invenio_i18n import lazy_gettext as _

PLAYER_MESSAGES = {
    "Audio Player": _("Audio Player"),
    "Video Player": _("Video Player"),
    "Play": _("Play"),
    "Pause": _("Pause"),
    "Replay": _("Replay"),
    "Current Time": _("Current Time"),
    "Duration": _("Duration"),
    "Remaining Time": _("Remaining Time"),
    "Stream Type": _("Stream Type"),
    "LIVE": _("LIVE"),
    "Seek to live, currently behind live": _("Seek to live, currently behind live"),
    "Seek to live, currently playing live": _("Seek to live, currently playing live"),
    "Loaded": _("Loaded"),
    "Progress": _("Progress"),
    "Progress Bar": _("Progress Bar"),
    "progress bar timing: currentTime={1} duration={2}": _(
        "progress bar timing: currentTime={1} duration={2}"
    ),
    "Fullscreen": _("Fullscreen"),
    "Exit Fullscreen": _("Exit Fullscreen"),
    "Mute": _("Mute"),
    "Unmute": _("Unmute"),
    "Playback Rate": _("Playback Rate"),
    "Subtitles": _("Subtitles"),
    "subtitles off": _("subtitles off"),
    "Captions": _("Captions"),
    "captions off": _("captions off"),
    "Chapters": _("Chapters"),
    "Descriptions": _("Descriptions"),
    "descriptions off": _("descriptions off"),
    "Audio Track": _("Audio Track"),
    "Volume Level": _("Volume Level"),
    "You aborted the media playback": _("You aborted the media playback"),
    "A network error caused the media download to fail part-way.": _(
        "A network error caused the media download to fail part-way."
    ),
    (
        "The media could not be loaded, either because the server or network failed or "
        "because the format is not supported."
    ): _(
        "The media could not be loaded, either because the server or network failed or "
        "because the format is not supported."
    ),
    (
        "The media playback was aborted due to a corruption problem or because the media "
        "used features your browser did not support."
    ): _(
        "The media playback was aborted due to a corruption problem or because the media "
        "used features your browser did not support."
    ),
    "No compatible source was found for this media.": _(
        "No compatible source was found for this media."
    ),
    "The media is encrypted and we do not have the keys to decrypt it.": _(
        "The media is encrypted and we do not have the keys to decrypt it."
    ),
    "Play Video": _("Play Video"),
    "Close": _("Close"),
    "Close Modal Dialog": _("Close Modal Dialog"),
    "Modal Window": _("Modal Window"),
    "This is a modal window": _("This is a modal window"),
    "This modal can be closed by pressing the Escape key or activating the close button.": _(
        "This modal can be closed by pressing the Escape key or activating the close button."
    ),
    ", opens captions settings dialog": _(", opens captions settings dialog"),
    ", opens subtitles settings dialog": _(", opens subtitles settings dialog"),
    ", opens descriptions settings dialog": _(", opens descriptions settings dialog"),
    ", selected": _(", selected"),
    "captions settings": _("captions settings"),
    "subtitles settings": _("subtitles settings"),
    "descriptions settings": _("descriptions settings"),
    "Text": _("Text"),
    "White": _("White"),
    "Black": _("Black"),
    "Red": _("Red"),
    "Green": _("Green"),
    "Blue": _("Blue"),
    "Yellow": _("Yellow"),
    "Magenta": _("Magenta"),
    "Cyan": _("Cyan"),
    "Background": _("Background"),
    "Window": _("Window"),
    "Transparent": _("Transparent"),
    "Semi-Transparent": _("Semi-Transparent"),
    "Opaque": _("Opaque"),
    "Font Size": _("Font Size"),
    "Text Edge Style": _("Text Edge Style"),
    "None": _("None"),
    "Raised": _("Raised"),
    "Depressed": _("Depressed"),
    "Uniform": _("Uniform"),
    "Drop shadow": _("Drop shadow"),
    "Font Family": _("Font Family"),
    "Proportional Sans-Serif": _("Proportional Sans-Serif"),
    "Monospace Sans-Serif": _("Monospace Sans-Serif"),
    "Proportional Serif": _("Proportional Serif"),
    "Monospace Serif": _("Monospace Serif"),
    "Casual": _("Casual"),
    "Script": _("Script"),
    "Small Caps": _("Small Caps"),
    "Reset": _("Reset"),
    "restore all settings to the default values": _("restore all settings to the default values"),
    "Done": _("Done"),
    "Caption Settings Dialog": _("Caption Settings Dialog"),
    "Beginning of dialog window. Escape will cancel and close the window.": _(
        "Beginning of dialog window. Escape will cancel and close the window."
    ),
    "End of dialog window.": _("End of dialog window."),
    "{1} is loading.": _("{1} is loading."),
    "Exit Picture-in-Picture": _("Exit Picture-in-Picture"),
    "Picture-in-Picture": _("Picture-in-Picture"),
    "No content": _("No content"),
    "Color": _("Color"),
    "Opacity": _("Opacity"),
    "Text Background": _("Text Background"),
    "Caption Area Background": _("Caption Area Background"),
    "Playing in Picture-in-Picture": _("Playing in Picture-in-Picture"),
    "Skip backward {1} seconds": _("Skip backward {1} seconds"),
    "Skip forward {1} seconds": _("Skip forward {1} seconds"),
    # Not in en.json: the skip buttons' default control text, their title while they are hidden.
    "Skip Backward": _("Skip Backward"),
    "Skip Forward": _("Skip Forward"),
}
"""video.js 8's English messages (its ``lang/en.json`` and the skip buttons' default control
text), each translated by MSI's catalog."""


def player_languages(language):
    """video.js's ``languages`` option for the page's language (English needs none)."""
    if language == "en":
        return {}
    return {language: {key: str(text) for key, text in PLAYER_MESSAGES.items()}}
