"""Embed a film also hosted elsewhere, only from allowed hosts and in privacy-enhanced mode."""

import re
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{1,12}$")


def _youtube(parts):
    """Return the no-cookie embed address of a YouTube watch, short or embed link."""
    if parts.hostname == "youtu.be":
        video = parts.path.strip("/")
    elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
        video = parts.path.split("/")[2]
    else:
        video = (parse_qs(parts.query).get("v") or [""])[0]
    if _YOUTUBE_ID.match(video):
        return f"https://www.youtube-nocookie.com/embed/{video}"
    return None


def _vimeo(parts):
    """Return the do-not-track embed address of a Vimeo link."""
    video = parts.path.strip("/").split("/")[-1]
    if _VIMEO_ID.match(video):
        return f"https://player.vimeo.com/video/{video}?dnt=1"
    return None


PROVIDERS = {"youtube": _youtube, "vimeo": _vimeo}
"""Embed address builders by provider name, as MSI_FILMS_EMBED_HOSTS names them."""


def embed_url(url, hosts):
    """Return the privacy-enhanced embed address of ``url``, or None if its host is not allowed.

    ``hosts`` maps each allowed host name to its provider (``MSI_FILMS_EMBED_HOSTS``).
    """
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    provider = hosts.get((parts.hostname or "").lower())
    if parts.scheme != "https" or provider not in PROVIDERS:
        return None
    return PROVIDERS[provider](parts)


def record_embeds(related_identifiers, hosts):
    """Return ``[{"url", "embed"}]`` for the record's related links that may be embedded."""
    embeds = []
    for related in related_identifiers or []:
        if related.get("scheme") == "url":
            embed = embed_url(related.get("identifier"), hosts)
            if embed:
                embeds.append({"url": related["identifier"], "embed": embed})
    return embeds
