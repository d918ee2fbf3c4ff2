"""The demo collection: generated files, published records and an idempotent loader."""

import re
import subprocess

import pytest

from msi_rdm.demo.files import make_film, make_pdf, make_vtt
from msi_rdm.demo.loader import load_demo, published_titles


def test_generated_pdf_has_pages_of_text(tmp_path):
    """A generated PDF has one page per text entry, and the text can be extracted again."""
    pdf = make_pdf(
        tmp_path / "r.pdf", "Rapport – test", ["Första sidan om välfärd.", "Andra sidan."]
    )
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Första sidan om välfärd." in out.stdout
    assert "Rapport – test" in out.stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+2$", info.stdout, re.M)


def test_generated_film_and_captions(tmp_path):
    """A generated film is a real H.264 video of the asked length, its captions valid WebVTT."""
    film = make_film(tmp_path / "f.mp4", seconds=2)
    probe = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "format=duration:stream=codec_name",
            "-of",
            "default=nw=1",
            str(film),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "codec_name=h264" in probe
    assert float(probe.split("duration=")[1].split()[0]) == pytest.approx(2.0, abs=0.2)
    vtt = make_vtt(tmp_path / "f.vtt", [{"start": 0, "end": 1.5, "text": "Hej"}])
    assert vtt.read_text().startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nHej")


def test_demo_collection_published(client):
    """The first run published a report with a PDF, a film with captions and a survey data set."""
    hits = client.get("/api/records", query_string={"size": 200}).json["hits"]["hits"]
    by_title = {hit["metadata"]["title"]: hit for hit in hits}
    report = by_title["European Social Enterprise Monitor 2021 – Sverigerapport"]
    assert report["metadata"]["resource_type"]["id"] == "publication-report"
    assert list(report["files"]["entries"]) == ["esem-sverigerapport-2021.pdf"]
    film = by_title["Forskning i samverkan som förändrar Sverige: Trygga platser i staden"]
    assert film["metadata"]["resource_type"]["id"] == "video"
    assert {
        "trygga-platser-i-staden.mp4",
        "trygga-platser-i-staden.sv.vtt",
        "trygga-platser-i-staden.en.vtt",
    } == set(film["files"]["entries"])
    survey = by_title[
        "Kunskaps- och kapacitetsbehov för social innovation i offentlig sektor – enkät 2019"
    ]
    assert survey["metadata"]["resource_type"]["id"] == "dataset"
    assert survey["files"]["count"] == 2
    creators = [c["person_or_org"] for c in report["metadata"]["creators"]]
    assert {"scheme": "orcid", "identifier": "0009-0007-2943-6480"} in creators[0]["identifiers"]


def test_demo_collection_covers_msi(client):
    """At least twelve demo records, across every MSI theme, node and the main resource types."""
    hits = client.get(
        "/api/records", query_string={"size": 200, "q": "custom_fields.msi\\:node.id:*"}
    )
    hits = hits.json["hits"]["hits"]
    assert len(hits) >= 12
    themes = {t["id"] for h in hits for t in h["custom_fields"].get("msi:themes", [])}
    assert len(themes) == 5
    nodes = {h["custom_fields"]["msi:node"]["id"] for h in hits}
    assert len(nodes) == 7
    types = {h["metadata"]["resource_type"]["id"] for h in hits}
    assert {"publication-report", "video", "video-eventrecording", "dataset-survey"} <= types


def test_demo_loader_is_idempotent(app, database):
    """Loading the demo collection again publishes nothing and changes nothing."""
    before = published_titles()
    assert load_demo() == 0
    assert published_titles() == before


def _frame(film, seconds):
    """The film's frame at ``seconds``, decoded by ffmpeg, as an RGB image."""
    import io

    from PIL import Image

    png = subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-ss", f"{seconds}", "-i", str(film)]
        + ["-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-"],
        capture_output=True,
        check=True,
    ).stdout
    return Image.open(io.BytesIO(png)).convert("RGB")


def _difference(one, other):
    """Mean absolute difference of two images' pixels, 0..255."""
    from PIL import ImageChops, ImageStat

    return sum(ImageStat.Stat(ImageChops.difference(one, other)).mean) / 3


def test_demo_film_has_title_card_speaker_and_caption_slides(tmp_path):
    """A demo film opens on a title card, shows each Swedish caption on a slide while it is said,
    names the speaker in a lower third and ends on MSI's card; its frames are those stills."""
    from pathlib import Path

    import yaml

    from msi_rdm.demo.storyboard import make_demo_film, render, speakers, storyboard

    root = Path(__file__).resolve().parents[2]
    specs = yaml.safe_load((root / "app_data/demo/records.yaml").read_text())
    names = yaml.safe_load((root / "app_data/vocabularies/names.yaml").read_text())
    people = {entry["id"]: entry for entry in names}
    spec = next(s for s in specs if s["title"].endswith("Digital inkludering för äldre"))
    film_spec = next(f for f in spec["files"] if f["kind"] == "film")
    cues = next(f for f in spec["files"] if f["name"].endswith(".sv.vtt"))["cues"]

    film = make_demo_film(tmp_path, film_spec, spec, people)
    speaker = speakers(spec, people)[0]
    assert speaker.name == "Fredrik Holm" and speaker.affiliation == "Högskolan i Borås"
    scenes = storyboard(spec["title"], spec["project"], [speaker], cues, film_spec["seconds"])
    assert [s.kind for s in scenes] == ["title", "slide", "slide", "end"]
    assert scenes[0].text == spec["title"] and scenes[0].end == cues[0]["start"]
    assert [(s.start, s.text) for s in scenes[1:3]] == [(c["start"], c["text"]) for c in cues]
    assert all(s.speaker == speaker for s in scenes[1:3])

    stills = [render(scene) for scene in scenes]
    for number, scene in enumerate(scenes):
        frame = _frame(film, (scene.start + scene.end) / 2)
        assert _difference(frame, stills[number]) < 3, scene.kind
        others = [still for other, still in enumerate(stills) if other != number]
        assert all(_difference(frame, still) > 5 for still in others), scene.kind
