"""Generate the demo collection's files: text PDFs, short films, WebVTT captions and CSV tables."""

import csv
import subprocess
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
"""DejaVu from Debian's fonts-dejavu-core: Unicode text that PDF readers can extract again."""


class _ReportPDF(FPDF):
    """A4 report whose pages carry the title and page number in the footer."""

    def footer(self):
        """Print the title and the page number at the foot of each page."""
        self.set_y(-15)
        self.set_font("DejaVu", size=8)
        self.cell(0, 10, f"{self.title} – {self.page_no()}", align="C")


def make_pdf(path: Path, title: str, pages: list[str]) -> Path:
    """Write a PDF with a title heading and one page of body text per entry of ``pages``."""
    pdf = _ReportPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("Mötesplats Social Innovation")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    for number, text in enumerate(pages, start=1):
        pdf.add_page()
        if number == 1:
            pdf.set_font("DejaVu", style="B", size=16)
            pdf.multi_cell(0, 9, title)
            pdf.ln(4)
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(0, 6, text.strip())
    pdf.output(str(path))
    return path


def make_film(path: Path, seconds: int = 4, size: str = "320x180") -> Path:
    """Render a short H.264/AAC film with a test pattern and a tone, streamable from its start."""
    cmd = [
        "ffmpeg",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size={size}:rate=25:duration={seconds}",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency=440:duration={seconds}",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-b:a",
        "64k",
        "-shortest",
        "-movflags",
        "+faststart",
        str(path),
    ]
    subprocess.run(cmd, check=True, timeout=120)
    return path


def _timestamp(seconds: float) -> str:
    """Format seconds as a WebVTT timestamp."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def make_vtt(path: Path, cues: list[dict]) -> Path:
    """Write WebVTT captions from cues with ``start``, ``end`` (seconds) and ``text``."""
    lines = ["WEBVTT", ""]
    for number, cue in enumerate(cues, start=1):
        lines += [
            str(number),
            f"{_timestamp(cue['start'])} --> {_timestamp(cue['end'])}",
            cue["text"],
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def make_csv(path: Path, rows: list[list]) -> Path:
    """Write a CSV table, the first row being the header."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def make_file(folder: Path, spec: dict, title: str) -> Path:
    """Generate the file described by a demo record's ``files`` entry."""
    path = folder / spec["name"]
    kind = spec["kind"]
    if kind == "pdf":
        return make_pdf(path, title, spec["pages"])
    if kind == "film":
        return make_film(path, spec.get("seconds", 4))
    if kind == "vtt":
        return make_vtt(path, spec["cues"])
    if kind == "csv":
        return make_csv(path, spec["rows"])
    raise ValueError(f"unknown demo file kind {kind!r} for {spec['name']}")
