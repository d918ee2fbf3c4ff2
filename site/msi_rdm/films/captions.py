"""Read WebVTT caption files into cues, and write cues back as clean WebVTT."""

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

CAPTION_SUFFIXES = (".vtt",)

_TIMING = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+(?P<end>(?:\d+:)?\d{2}:\d{2}\.\d{3})"
)
_TAGS = re.compile(r"<[^>]+>")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


class CaptionError(Exception):
    """The caption file cannot be used; the message says why, for depositors."""


@dataclass
class Cue:
    """One caption cue: start and end in seconds, and its text without markup."""

    start: float
    end: float
    text: str


def seconds(timestamp: str) -> float:
    """Return the seconds of a WebVTT timestamp (``hh:mm:ss.ttt`` or ``mm:ss.ttt``)."""
    parts = [float(p) for p in timestamp.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0.0)
    hours, minutes, secs = parts
    return hours * 3600 + minutes * 60 + secs


def timestamp(value: float) -> str:
    """Format seconds as a WebVTT timestamp ``hh:mm:ss.ttt``."""
    millis = round(value * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def time_code(value: float) -> str:
    """Format seconds for people: ``m:ss``, or ``h:mm:ss`` from an hour on."""
    total = int(value)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def parse_webvtt(data: bytes) -> list[Cue]:
    """Return the cues of a WebVTT file; raise CaptionError when it is not WebVTT or has none."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaptionError("not a WebVTT file: it is not UTF-8 text") from exc
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines[0].startswith("WEBVTT"):
        raise CaptionError("not a WebVTT file: the first line must start with WEBVTT")
    cues, current = [], None
    for line in lines[1:]:
        match = _TIMING.match(line)
        if match:
            start, end = seconds(match["start"]), seconds(match["end"])
            current = Cue(start, max(end, start), "")
            cues.append(current)
        elif not line.strip():
            current = None
        elif current is not None:
            spoken = _TAGS.sub("", line).strip()
            current.text = f"{current.text} {spoken}".strip()
    cues = [cue for cue in cues if cue.text]
    if not cues:
        raise CaptionError("the WebVTT file has no cues")
    return cues


def write_webvtt(cues: list[Cue]) -> str:
    """Write cues as WebVTT: only timings and plain text, so nothing else reaches the player."""
    lines = ["WEBVTT", ""]
    for cue in cues:
        text = cue.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines += [f"{timestamp(cue.start)} --> {timestamp(cue.end)}", text, ""]
    return "\n".join(lines)


def caption_language(key: str) -> str | None:
    """Return the language a caption file's name gives (``film.sv.vtt`` → ``sv``), if any."""
    suffixes = PurePosixPath(key).suffixes
    if len(suffixes) >= 2 and _LANGUAGE.match(suffixes[-2][1:]):
        return suffixes[-2][1:]
    return None


def caption_kind(key: str) -> str:
    """``descriptions`` for an audio-description track (``film.descriptions.sv.vtt``), else
    ``captions``."""
    suffixes = [suffix.lower() for suffix in PurePosixPath(key).suffixes]
    return "descriptions" if ".descriptions" in suffixes else "captions"


def is_caption(key: str) -> bool:
    """True for a caption file the player can use."""
    return PurePosixPath(key).suffix.lower() in CAPTION_SUFFIXES
