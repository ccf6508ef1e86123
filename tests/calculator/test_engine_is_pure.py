"""The engine imports without Django or settings, so every rule is testable as plain Python."""

import subprocess
import sys
from pathlib import Path


def test_engine_imports_without_django():
    code = "import sys, calculator.engine; print(sorted(m for m in sys.modules if m.startswith('django')))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"
