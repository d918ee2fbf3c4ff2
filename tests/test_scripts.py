"""Bad states of the setup scripts get a one-line reason and a non-zero exit, never a hang."""

import os
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_run_refuses_a_taken_web_port(tmp_path):
    """`make run` with its port taken by another program says so and exits non-zero."""
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        env = {**os.environ, "MSI_WEB_PORT": str(port), "MSI_STATE": str(tmp_path)}
        result = subprocess.run(
            ["bash", str(ROOT / "scripts/run.sh")],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    assert result.returncode != 0
    assert f"port {port} is taken" in result.stderr
