"""Films made once per session with ffmpeg: a good mp4 and webm, a truncated one, and captions."""

import subprocess

import pytest

from msi_rdm.demo.files import make_film, make_vtt


@pytest.fixture(scope="session")
def film_dir(tmp_path_factory):
    """A folder for the generated films."""
    return tmp_path_factory.mktemp("films")


@pytest.fixture(scope="session")
def mp4(film_dir):
    """A 4-second H.264/AAC film, 320x180."""
    return make_film(film_dir / "film.mp4", seconds=4).read_bytes()


@pytest.fixture(scope="session")
def webm(film_dir):
    """A 3-second VP9 film without sound, 320x180."""
    path = film_dir / "film.webm"
    cmd = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i"]
    source = "testsrc2=size=320x180:rate=25:duration=3"
    subprocess.run([*cmd, source, "-c:v", "libvpx-vp9", "-b:v", "200k", str(path)], check=True)
    return path.read_bytes()


def captions(film_dir, name, lines):
    """Return WebVTT bytes with one two-second cue per line."""
    cues = [{"start": 2.0 * i, "end": 2.0 * (i + 1), "text": text} for i, text in enumerate(lines)]
    return make_vtt(film_dir / name, cues).read_bytes()


@pytest.fixture()
def vtt_pair(film_dir, unique_word):
    """Swedish and English captions; the unique word is said at 0:02 in Swedish."""
    return {
        "film.sv.vtt": captions(
            film_dir, "film.sv.vtt", ["Välkommen till filmen.", f"Här berättar {unique_word}."]
        ),
        "film.en.vtt": captions(
            film_dir, "film.en.vtt", ["Welcome to the film.", "Here we tell the story."]
        ),
    }
