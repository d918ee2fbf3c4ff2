"""Demo films that look like MSI's: a title card, slides with the captions' words, the speaker's
name in a lower third and an end card, drawn with Pillow and encoded with ffmpeg.

The scenes follow the Swedish captions: the title card runs until the first cue, each slide shows
one cue's text while it is said, and the end card fills the rest of the film.
"""

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .files import FONT_DIR

SIZE = (640, 360)
PLUM = (74, 25, 66)
PLUM_DARK = (58, 19, 52)
TEAL = (0, 121, 107)
PALE = (247, 242, 246)
INK = (31, 26, 23)
WHITE = (255, 255, 255)
ROSE = (236, 214, 230)
MSI = "Mötesplats Social Innovation"
SITE = "motesplatssocialinnovation.se"
SPEAKING_ROLES = ("interviewee", "participant")


@dataclass(frozen=True)
class Speaker:
    """Who speaks on a slide: the name and affiliation of the lower third."""

    name: str
    affiliation: str = ""


@dataclass(frozen=True)
class Scene:
    """One still of the film, shown from ``start`` to ``end`` seconds."""

    kind: str
    start: float
    end: float
    text: str
    series: str = ""
    speaker: Speaker | None = None


def storyboard(title, series, speakers, cues, seconds):
    """The scenes of a film of ``seconds``: title card, one slide per cue, end card."""
    first = cues[0]["start"] if cues else seconds
    scenes = [Scene("title", 0.0, first, title, series)]
    for number, cue in enumerate(cues):
        following = cues[number + 1]["start"] if number + 1 < len(cues) else cue["end"]
        speaker = speakers[number % len(speakers)] if speakers else None
        scenes.append(Scene("slide", cue["start"], following, cue["text"], series, speaker))
    last = cues[-1]["end"] if cues else first
    if seconds > last:
        scenes.append(Scene("end", last, seconds, SITE, series))
    return [scene for scene in scenes if scene.end > scene.start]


def font(size, bold=False):
    """DejaVu Sans (Debian's fonts-dejavu-core) at ``size`` pixels."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def wrap(draw, text, face, width):
    """``text`` broken into lines no wider than ``width`` pixels."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=face) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _lines(draw, xy, lines, face, fill, spacing=1.25):
    """Draw ``lines`` from ``xy`` down; return the y below the last."""
    x, y = xy
    for line in lines:
        draw.text((x, y), line, font=face, fill=fill)
        y += face.size * spacing
    return y


def _title_card(draw, scene, width, height):
    draw.rectangle((0, 0, width, height), fill=PLUM)
    draw.text((40, 34), MSI.upper(), font=font(15, bold=True), fill=ROSE)
    draw.rectangle((40, 62, 120, 67), fill=TEAL)
    y = _lines(draw, (40, 92), wrap(draw, scene.series, font(19), width - 80), font(19), ROSE)
    _lines(
        draw,
        (40, y + 10),
        wrap(draw, scene.text, font(30, True), width - 80),
        font(30, True),
        WHITE,
    )


def _slide(draw, scene, width, height):
    draw.rectangle((0, 0, width, height), fill=PALE)
    draw.rectangle((0, 0, 12, height), fill=PLUM)
    tag = font(16, bold=True)
    draw.text((width - 40 - draw.textlength("MSI", font=tag), 20), "MSI", font=tag, fill=PLUM)
    face = font(27, bold=True)
    _lines(draw, (48, 56), wrap(draw, scene.text, face, width - 96)[:5], face, INK, 1.3)
    if scene.speaker:
        top = height - 96
        draw.rectangle((12, top, width * 0.72, top + 64), fill=PLUM)
        draw.rectangle((12, top, 18, top + 64), fill=TEAL)
        draw.text((34, top + 9), scene.speaker.name, font=font(20, bold=True), fill=WHITE)
        draw.text((34, top + 37), scene.speaker.affiliation, font=font(15), fill=ROSE)


def _end_card(draw, scene, width, height):
    draw.rectangle((0, 0, width, height), fill=PLUM_DARK)
    draw.text((40, height // 2 - 50), MSI, font=font(28, bold=True), fill=WHITE)
    draw.rectangle((40, height // 2 - 6, 120, height // 2 - 1), fill=TEAL)
    draw.text((40, height // 2 + 14), scene.text, font=font(18), fill=ROSE)


DRAW = {"title": _title_card, "slide": _slide, "end": _end_card}


def render(scene, size=SIZE):
    """The still image of ``scene``."""
    image = Image.new("RGB", size, PALE)
    DRAW[scene.kind](ImageDraw.Draw(image), scene, *size)
    return image


def encode(path: Path, scenes, size=SIZE) -> Path:
    """Write the scenes as an H.264/AAC film with a quiet tone, streamable from its start."""
    seconds = scenes[-1].end
    with tempfile.TemporaryDirectory() as folder:
        listing = []
        for number, scene in enumerate(scenes):
            still = Path(folder) / f"scene-{number}.png"
            render(scene, size).save(still)
            listing += [f"file '{still}'", f"duration {scene.end - scene.start:.3f}"]
        # The concat demuxer takes the last duration only when the last file is listed again.
        listing.append(listing[-2])
        (Path(folder) / "scenes.txt").write_text("\n".join(listing) + "\n")
        cmd = [
            "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "concat", "-safe", "0", "-i", str(Path(folder) / "scenes.txt"),
            "-f", "lavfi", "-i", f"sine=frequency=220:duration={seconds},volume=0.08",
            "-vf", "fps=25,format=yuv420p", "-c:v", "libx264", "-preset", "veryfast",
            "-tune", "stillimage", "-c:a", "aac", "-b:a", "48k", "-t", f"{seconds:.3f}",
            "-movflags", "+faststart", str(path),
        ]  # fmt: skip
        subprocess.run(cmd, check=True, timeout=120)
    return path


def speakers(record_spec, people):
    """Who speaks in a demo film: its interviewees and participants, else its named creators."""
    named = record_spec.get("contributors", []) + record_spec.get("creators", [])
    chosen = [e for e in named if e.get("role") in SPEAKING_ROLES and "orcid" in e]
    chosen = chosen or [e for e in record_spec.get("creators", []) if "orcid" in e]
    found = []
    for entry in chosen:
        person = people[entry["orcid"]]
        affiliation = (person.get("affiliations") or [{}])[0].get("name", "")
        found.append(Speaker(f"{person['given_name']} {person['family_name']}", affiliation))
    return found


def swedish_cues(record_spec):
    """The cues of the record's Swedish caption file (else its first), which the slides show."""
    captions = [f for f in record_spec.get("files", []) if f["kind"] == "vtt"]
    swedish = [f for f in captions if f["name"].endswith(".sv.vtt")]
    return (swedish or captions or [{"cues": []}])[0]["cues"]


def make_demo_film(folder: Path, file_spec, record_spec, people) -> Path:
    """Generate the film of a demo record from its title, series, speakers and captions."""
    cues = swedish_cues(record_spec)
    seconds = file_spec.get("seconds") or (cues[-1]["end"] + 1.5 if cues else 4)
    scenes = storyboard(
        record_spec["title"],
        record_spec.get("project", ""),
        speakers(record_spec, people),
        cues,
        seconds,
    )
    return encode(folder / file_spec["name"], scenes)
