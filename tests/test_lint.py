"""The code stays ruff- and mypy-clean (strict), as STYLE.md asks."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.helpers import ROOT


def test_ruff_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "briefer", "tests", "tasks.py", "bench"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "briefer"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_fixtures_are_never_imported_from_conftest() -> None:
    # Fixtures reach tests through pytest; shared constants and builders live in tests/helpers.py.
    pattern = re.compile(r"^\s*(?:from tests\.conftest |import tests\.conftest|from \.conftest )", re.M)
    assert [p.name for p in (ROOT / "tests").glob("*.py") if pattern.search(p.read_text(encoding="utf-8"))] == []
