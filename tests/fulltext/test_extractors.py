"""Extractors: good files give text, bad files give a reason, and nothing raises past them."""

import pytest
from fpdf import FPDF

from msi_rdm.demo.files import make_pdf
from msi_rdm.fulltext.extractors import ExtractionError, NothingToExtract, extract_text


def test_pdf_text_and_pages(tmp_path):
    """A text PDF yields its words and page count."""
    pdf = make_pdf(tmp_path / "r.pdf", "Rapport", ["Samverkans innovationer.", "Sida två."])
    name, extracted = extract_text("r.pdf", pdf.read_bytes())
    assert name == "pdfium"
    assert "Samverkans innovationer." in extracted.text
    assert extracted.pages == 2


def test_captions_keep_only_spoken_text():
    """WebVTT and SRT captions yield their cues' text without numbers or timings."""
    vtt = (
        b"WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHej <i>alla</i>\n\n"
        b"2\n00:00:02.000 --> 00:00:03.500\nV\xc3\xa4lkomna\n"
    )
    assert extract_text("f.sv.vtt", vtt)[1].text == "Hej alla\nVälkomna"
    srt = (
        b"1\n00:00:00,000 --> 00:00:02,000\nFirst line\n\n"
        b"2\n00:00:02,000 --> 00:00:04,000\nSecond\n"
    )
    assert extract_text("f.srt", srt)[1].text == "First line\nSecond"


def _encrypted_pdf(path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "hemlig text")
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.output(str(path))
    return path.read_bytes()


def _image_only_pdf(path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(path))
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "make", "error", "reason"),
    [
        ("zero.pdf", lambda p: b"", NothingToExtract, "empty"),
        ("fake.pdf", lambda p: b"<html>not a pdf</html>", ExtractionError, "not a PDF"),
        ("corrupt.pdf", lambda p: b"%PDF-1.4\n\x00\x01garbage" * 20, ExtractionError, "damaged"),
        ("locked.pdf", _encrypted_pdf, ExtractionError, "encrypted"),
        ("scan.pdf", _image_only_pdf, NothingToExtract, "image-only"),
        ("notes.vtt", lambda p: b"just some words\nwithout cues", ExtractionError, "WebVTT"),
        ("film.mp4", lambda p: b"\x00\x00\x00\x18ftypmp42", NothingToExtract, "no text extractor"),
    ],
)
def test_bad_files_give_reasons(tmp_path, name, make, error, reason):
    """Corrupt, encrypted, empty, image-only and mislabelled files raise with a clear reason."""
    data = make(tmp_path / name)
    with pytest.raises(error, match=reason):
        extract_text(name, data)


def test_thousand_page_pdf_is_capped(tmp_path):
    """A 1,000-page PDF is read up to the page limit, and its page count is kept."""
    pages = [f"Sida {n} om välfärd." for n in range(1000)]
    data = make_pdf(tmp_path / "long.pdf", "Lång", pages).read_bytes()
    _, extracted = extract_text("long.pdf", data, max_pages=50)
    assert extracted.pages == 1000
    assert "Sida 49 om välfärd." in extracted.text
    assert "Sida 50 om välfärd." not in extracted.text


def _office(path, part, xml):
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(part, xml)
    return path.read_bytes()


def test_docx_and_odt_paragraphs(tmp_path):
    """DOCX and ODT documents yield their paragraphs."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    docx = _office(
        tmp_path / "a.docx",
        "word/document.xml",
        f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>Första</w:t></w:r>'
        f"<w:r><w:t> stycket</w:t></w:r></w:p><w:p><w:r><w:t>Andra</w:t></w:r></w:p>"
        "</w:body></w:document>",
    )
    assert extract_text("a.docx", docx)[1].text == "Första stycket\nAndra"
    t = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    odt = _office(
        tmp_path / "b.odt",
        "content.xml",
        f'<office:document-content xmlns:office="o" xmlns:text="{t}"><office:body>'
        "<text:p>Hej</text:p><text:p>då</text:p></office:body></office:document-content>",
    )
    assert extract_text("b.odt", odt)[1].text == "Hej\ndå"
    with pytest.raises(ExtractionError, match="not a readable DOCX"):
        extract_text("c.docx", b"PK\x03\x04 broken zip")
