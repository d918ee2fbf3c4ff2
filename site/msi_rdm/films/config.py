"""Films: probing, posters and embedded players."""

MSI_FILMS_PROBE_TIMEOUT = 120
"""Seconds ffprobe/ffmpeg may take for one step on one file before the file counts as failed."""

MSI_FILMS_POSTER_WIDTH = 640
"""Width in pixels of the poster frame (smaller films keep their own width)."""

MSI_FILMS_EMBED_HOSTS = {
    "www.youtube.com": "youtube",
    "youtube.com": "youtube",
    "m.youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "player.vimeo.com": "vimeo",
}
"""Hosts whose links (related identifiers, scheme url) are embedded on the landing page, and
how: YouTube through youtube-nocookie.com, Vimeo with dnt=1. Any other host stays a plain link."""
