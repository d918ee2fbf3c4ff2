"""Probe a video file with ffprobe and take its poster frame with ffmpeg (Debian's ffmpeg)."""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

VIDEO_SUFFIXES = (".mp4", ".webm")


class ProbeError(Exception):
    """The file is not a playable video; the message says why, for depositors."""


@dataclass
class Probe:
    """What ffprobe found in a video file."""

    duration: float
    width: int
    height: int
    video_codec: str
    audio_codec: str | None
    container: str


def is_video(key: str) -> bool:
    """True for a file the films pipeline probes (mp4 and webm)."""
    return PurePosixPath(key).suffix.lower() in VIDEO_SUFFIXES


def _run(cmd, timeout):
    """Run a command; return its stdout, or raise ProbeError with its last error line."""
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ProbeError(f"the file took longer than {timeout} s to read") from exc
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ProbeError(f"not a readable video file ({lines[-1] if lines else 'no output'})")
    return done.stdout


def probe(path: Path, timeout: int = 60) -> Probe:
    """Return duration, resolution and codecs of a video file; raise ProbeError otherwise."""
    cmd = ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams"]
    info = json.loads(_run([*cmd, str(path)], timeout) or b"{}")
    streams = info.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video"), None)
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    if video is None:
        raise ProbeError("not a video file: it has no video stream")
    try:
        duration = float(info.get("format", {}).get("duration") or video.get("duration"))
    except (TypeError, ValueError) as exc:
        raise ProbeError("the video has no duration (is it truncated?)") from exc
    if duration <= 0:
        raise ProbeError("the video has no duration (is it truncated?)")
    return Probe(
        duration=duration,
        width=int(video.get("width") or 0),
        height=int(video.get("height") or 0),
        video_codec=video.get("codec_name", "unknown"),
        audio_codec=audio.get("codec_name") if audio else None,
        container=info.get("format", {}).get("format_name", "unknown"),
    )


def check_complete(path: Path, duration: float, timeout: int = 120) -> None:
    """Raise ProbeError when the video's packets end well before its declared duration.

    A truncated file keeps the header that declares the full duration, so ffprobe reads it; its
    packets, though, stop where the data stops.
    """
    cmd = ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time"]
    out = _run([*cmd, "-of", "csv=p=0", str(path)], timeout).decode("ascii", "replace")
    times = [float(t) for t in out.split() if t.strip(",").replace(".", "", 1).isdigit()]
    last = max(times, default=0.0)
    if last < duration - max(1.0, duration * 0.05):
        raise ProbeError(
            f"the video is truncated: it declares {duration:.1f} s, its data ends at {last:.1f} s"
        )


def poster(path: Path, duration: float, width: int = 640, timeout: int = 60) -> bytes:
    """Return a JPEG frame from a tenth into the film (past black openings), ``width`` wide."""
    at = f"{min(duration * 0.1, 10):.3f}"
    cmd = ["ffmpeg", "-v", "error", "-ss", at, "-i", str(path), "-frames:v", "1"]
    scale = f"scale='min({width},iw)':-2"
    data = _run([*cmd, "-vf", scale, "-q:v", "4", "-f", "image2", "-c:v", "mjpeg", "-"], timeout)
    if not data.startswith(b"\xff\xd8"):
        raise ProbeError("no frame could be taken from the video")
    return data
