"""Text extractors by file type: PDF (pdfium), WebVTT/SRT captions, text, CSV, DOCX and ODT."""

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.etree import ElementTree

import defusedxml.ElementTree as SafeElementTree
import pypdfium2 as pdfium


class ExtractionError(Exception):
    """The file could not be read; the message says why, for depositors and curators."""


class NothingToExtract(Exception):
    """The file holds no extractable text (empty, image-only); the message says why."""


@dataclass
class Extracted:
    """Text of a file, with its page count where the format has pages."""

    text: str
    pages: int | None = None


def extract_pdf(data: bytes, max_pages: int) -> Extracted:
    """Extract the text layer of a PDF, page by page, up to ``max_pages`` pages."""
    if not data.startswith(b"%PDF"):
        raise ExtractionError("not a PDF file (no %PDF header)")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ExtractionError("the PDF is encrypted") from exc
        raise ExtractionError(f"the PDF is damaged: {exc}") from exc
    try:
        count = len(document)
        texts = []
        for index in range(min(count, max_pages)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
    finally:
        document.close()
    text = "\n".join(t.strip() for t in texts).strip()
    if not text:
        raise NothingToExtract("no text layer (an image-only PDF?)")
    return Extracted(text, count)


_CUE_TIMING = re.compile(r"^\s*(\d{2}:)?\d{2}:\d{2}[.,]\d{3}\s+-->\s+")


def extract_captions(data: bytes) -> Extracted:
    """Extract the spoken text of WebVTT or SRT captions, without numbers and timings."""
    text = data.decode("utf-8-sig", errors="replace")
    lines = text.splitlines()
    is_vtt = bool(lines) and lines[0].startswith("WEBVTT")
    if not is_vtt and not any(_CUE_TIMING.match(line) for line in lines):
        raise ExtractionError("not a WebVTT or SRT caption file")
    spoken, in_cue = [], False
    for line in lines[1:] if is_vtt else lines:
        if _CUE_TIMING.match(line):
            in_cue = True
        elif not line.strip():
            in_cue = False
        elif in_cue:
            spoken.append(re.sub(r"<[^>]+>", "", line).strip())
    if not spoken:
        raise NothingToExtract("the caption file has no cues")
    return Extracted("\n".join(spoken))


def extract_plain(data: bytes) -> Extracted:
    """Decode plain text or Markdown."""
    text = data.decode("utf-8-sig", errors="replace").strip()
    if not text:
        raise NothingToExtract("the file is empty")
    return Extracted(text)


_OFFICE_PARTS = {
    ".docx": (
        "word/document.xml",
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p",
    ),
    ".odt": ("content.xml", "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"),
}


def extract_office(data: bytes, suffix: str) -> Extracted:
    """Extract the paragraphs of a DOCX or ODT document from its XML part."""
    part, paragraph = _OFFICE_PARTS[suffix]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = SafeElementTree.fromstring(archive.read(part))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise ExtractionError(f"not a readable {suffix[1:].upper()} document") from exc
    paragraphs = ["".join(node.itertext()).strip() for node in root.iter(paragraph)]
    text = "\n".join(p for p in paragraphs if p)
    if not text:
        raise NothingToExtract("the document has no text")
    return Extracted(text)


EXTRACTORS = {
    ".pdf": ("pdfium", lambda data, limits: extract_pdf(data, limits["max_pages"])),
    ".vtt": ("captions", lambda data, limits: extract_captions(data)),
    ".srt": ("captions", lambda data, limits: extract_captions(data)),
    ".txt": ("plain", lambda data, limits: extract_plain(data)),
    ".md": ("plain", lambda data, limits: extract_plain(data)),
    ".csv": ("plain", lambda data, limits: extract_plain(data)),
    ".docx": ("office", lambda data, limits: extract_office(data, ".docx")),
    ".odt": ("office", lambda data, limits: extract_office(data, ".odt")),
}
"""Extractor name and function by lower-case file extension."""


def extractor_for(key: str):
    """Return ``(name, function)`` for a file name, or None when no extractor reads it."""
    return EXTRACTORS.get(PurePosixPath(key).suffix.lower())


def extract_text(key: str, data: bytes, max_pages: int = 2000) -> tuple[str, Extracted]:
    """Extract the text of one file; raise ExtractionError or NothingToExtract with a reason."""
    found = extractor_for(key)
    if found is None:
        raise NothingToExtract(f"no text extractor for {PurePosixPath(key).suffix or 'this'} files")
    if not data:
        raise NothingToExtract("the file is empty")
    name, function = found
    return name, function(data, {"max_pages": max_pages})
