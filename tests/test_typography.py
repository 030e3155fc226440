"""The PDF as a reader sees it (text extracted with poppler): no citation broken across lines, no stray line
break inside a sentence, no mostly blank page. The pages were also looked at as PNGs (pdftoppm)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefer.config import load_options
from briefer.deliver.render import to_pdf
from briefer.pipeline import build_brief
from tests.helpers import ROOT, SAMPLE

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
# A page before the last holds at least this many lines of text (an A4 page of the brief holds 45-60).
MIN_LINES_PER_PAGE = 25
HEADINGS = {"BRIEF", "Overview", "Sources", "Timeline", "Taiwan", "Fentanyl", "Levy", "Silt", "Council"}


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.slow
@pytest.mark.parametrize("story", ["sample", "barrier"])
def test_pdf_lines_pages_and_citations(story: str, tmp_path: Path) -> None:
    if story == "sample":
        brief = build_brief([SAMPLE], load_options(date=dt.date(2023, 6, 20), topics=SAMPLE / "topics.toml"))
    else:
        brief = build_brief([ROOT / "tests" / "data" / "stories" / story], load_options(date=dt.date(2025, 11, 5)))
    pages = _pages(to_pdf(brief), tmp_path)
    lines = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
    broken = [line for line in lines if re.match(r"^\d+(?:, \d+)*\]", line) or re.search(r"\[\d+(?:, \d+)*,?$", line)]
    assert broken == [], "a citation broken across lines"
    lonely = [line for line in lines if len(line.split()) == 1 and line not in HEADINGS and not line.endswith(".")
              and not re.fullmatch(r"\[[\d, ]+\]|\d+\.|Page|•", line)]
    assert lonely == [], "a stray line break inside a sentence"
    for number, page in enumerate(pages[:-1], start=1):
        assert len([x for x in page.splitlines() if x.strip()]) >= MIN_LINES_PER_PAGE, f"page {number} is mostly blank"
