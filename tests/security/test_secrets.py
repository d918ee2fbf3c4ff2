"""No secrets in the repository: keys, tokens and passwords come from the environment."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PATTERNS = {
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    "ORCID client secret": re.compile(r"consumer_secret['\"]?\s*[:=]\s*['\"][0-9a-f-]{36}['\"]"),
    "assigned secret": re.compile(
        r"\b(SECRET_KEY|PASSWORD|SECRET_SALT|LOGIN_SALT|API_KEY|ACCESS_TOKEN)\b['\"]?\s*[:=]\s*"
        r"['\"][A-Za-z0-9+/_=-]{16,}['\"]"
    ),
}


def _files():
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def _text(path):
    try:
        return path.read_text()
    except UnicodeDecodeError:
        return ""


def test_no_secrets_in_tracked_files():
    """Nothing that looks like a key, token or password is committed."""
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _files()
        for name, pattern in PATTERNS.items()
        if path.name != "test_secrets.py" and pattern.search(_text(path))
    ]
    assert not found


def test_local_secrets_are_ignored():
    """The generated local secrets (.state/secrets) are never tracked."""
    ignored = subprocess.run(
        ["git", "check-ignore", ".state/secrets/secret_key"], cwd=ROOT, capture_output=True
    )
    assert ignored.returncode == 0


def test_patterns_catch_examples():
    """The scan recognises what it looks for (examples built at run time, never committed)."""
    examples = {
        "private key": "-----BEGIN RSA " + "PRIVATE KEY-----",
        "AWS access key": "AKIA" + "ABCDEFGHIJKLMNOP",
        "assigned secret": 'SECRET_KEY = "' + "x" * 24 + '"',
    }
    for name, text in examples.items():
        assert PATTERNS[name].search(text), name
