"""A throwaway venv with the followthemoney 3.x line that Aleph 4 pins, made on demand.

Cached in `.venv-ftm3/` at the repository root (git-ignored); built once with plain
`pip` from the package index, so CI needs nothing beyond what `./bootstrap test` has.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

FTM3 = "followthemoney==3.8.5"
ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv-ftm3"


def ftm3_python() -> Path:
    """The venv's python, creating the venv (about 20 s) the first time."""
    python = VENV / "bin" / "python"
    stamp = VENV / f".installed-{FTM3}"
    if not stamp.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", FTM3],
            check=True,
        )
        stamp.touch()
    return python


if __name__ == "__main__":
    sys.stdout.write(f"{ftm3_python()}\n")
