"""The HTML brief in a real browser: headless Chromium (Debian's `chromium`) loads it with no console error
and its screenshot shows a page of text. Skipped when chromium is not installed (README command 2 installs it)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefer.config import load_options
from briefer.deliver.render import to_html
from briefer.pipeline import build_brief
from tests.helpers import SAMPLE

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
# Every flag keeps the browser to itself: no network of its own, no updates, no sync, a fresh profile.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0",
         "--window-size=1000,1400")
# What Chromium logs for a page's console errors, uncaught exceptions and refused (CSP) loads.
_CONSOLE_ERROR = re.compile(r'CONSOLE[^\]]*\] "(?:Uncaught|Refused|Failed)|:ERROR:CONSOLE|Content.Security.Policy',
                            re.I)


def shoot(page: Path, png: Path, profile: Path) -> str:
    """Load `page` in headless Chromium, write a screenshot to `png`; Chromium's log (stderr) is returned."""
    assert CHROMIUM is not None
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}", page.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr


def console_errors(log: str) -> list[str]:
    """The lines of a Chromium log that report a console error on the page."""
    return [line for line in log.splitlines() if _CONSOLE_ERROR.search(line)]


def _ink(png: Path) -> float:
    from PIL import Image

    image = Image.open(png).convert("L")
    return sum(1 for value in image.tobytes() if value < 128) / (image.width * image.height)


def test_the_detector_sees_a_broken_page(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text('<p>x</p><script>throw new Error("on purpose")</script>', encoding="utf-8")
    log = shoot(page, tmp_path / "broken.png", tmp_path / "profile")
    assert any("on purpose" in line for line in console_errors(log))


@pytest.mark.slow
def test_the_html_brief_loads_with_no_console_error_and_shows_text(tmp_path: Path) -> None:
    brief = build_brief([SAMPLE], load_options(date=dt.date(2023, 6, 20), topics=SAMPLE / "topics.toml"))
    page = tmp_path / "brief.html"
    page.write_text(to_html(brief), encoding="utf-8")
    png = tmp_path / "brief.png"
    log = shoot(page, png, tmp_path / "profile")
    assert console_errors(log) == []
    # A page of text: dark pixels on a few percent of it, far from blank or black.
    assert 0.01 < _ink(png) < 0.4
