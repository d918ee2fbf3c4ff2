"""Give every community of app_data/communities.yaml a logo, so none shows a grey placeholder.

A community whose entry names a ``logo`` gets that image from ``app_data/img`` (upstream's
fixture loads it when it creates the community). The others get a mark generated here: MSI's
plum square with "MSI", the node's place and its university, in DejaVu Sans.
"""

import io
from pathlib import Path

import yaml
from flask import current_app
from invenio_access.permissions import system_identity
from invenio_communities.errors import LogoNotFoundError
from invenio_communities.proxies import current_communities
from PIL import Image, ImageDraw, ImageFont

from ..demo.files import FONT_DIR

SIZE = 256
PLUM = (74, 25, 66)
TEAL = (0, 121, 107)
WHITE = (255, 255, 255)
MARGIN = 20


def mark_lines(title):
    """Split ``"MSI Borås – Högskolan i Borås"`` into the mark's lines: MSI, place, host."""
    name, _, host = (part.strip() for part in title.partition(" – "))
    if name.startswith("MSI "):
        return ["MSI", name.removeprefix("MSI ").strip(), host]
    return ["MSI", host[:1].upper() + host[1:], name]


def _font(bold, size):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def _fitted(draw, text, bold, size, width):
    """The largest font up to ``size`` in which ``text`` fits ``width`` pixels."""
    while size > 10 and draw.textlength(text, font=_font(bold, size)) > width:
        size -= 1
    return _font(bold, size)


def _wrapped(draw, text, font, width):
    """``text`` broken into lines no wider than ``width``."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def make_logo(title, size=SIZE):
    """Return a PNG mark for the community called ``title``."""
    image = Image.new("RGB", (size, size), PLUM)
    draw = ImageDraw.Draw(image)
    width = size - 2 * MARGIN
    brand, place, host = mark_lines(title)
    draw.text((MARGIN, MARGIN), brand, font=_font(True, size // 4), fill=WHITE)
    draw.rectangle((MARGIN, size * 0.38, MARGIN + size // 5, size * 0.38 + 5), fill=TEAL)
    y = size * 0.45
    place_font = _fitted(draw, place, True, size // 8, width)
    draw.text((MARGIN, y), place, font=place_font, fill=WHITE)
    y += place_font.size * 1.35
    host_font = _font(False, size // 14)
    for line in _wrapped(draw, host, host_font, width)[:3]:
        draw.text((MARGIN, y), line, font=host_font, fill=WHITE)
        y += host_font.size * 1.3
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _has_logo(service, slug):
    try:
        service.read_logo(system_identity, slug)
    except LogoNotFoundError:
        return False
    return True


def community_entries():
    """The entries of the instance's app_data/communities.yaml."""
    path = Path(current_app.instance_path) / "app_data" / "communities.yaml"
    return yaml.safe_load(path.read_text()) if path.exists() else []


def ensure_logos(force=False):
    """Upload a logo for each listed community without one (all with ``force``); return how many."""
    service = current_communities.service
    images = Path(current_app.instance_path) / "app_data" / "img"
    count = 0
    for entry in community_entries():
        slug = entry["slug"]
        if not force and _has_logo(service, slug):
            continue
        own = entry.get("logo")
        content = (images / own).read_bytes() if own else make_logo(entry["metadata"]["title"])
        service.update_logo(system_identity, slug, io.BytesIO(content))
        count += 1
    return count
