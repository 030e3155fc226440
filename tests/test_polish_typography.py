"""QA #18: in HTML and PDF an item's last word and its citation are bound in one no-wrap span, so the citation
never sits alone or breaks, and an item's first word never sits alone on its line; source dates do not break."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefer.deliver.render import cited_html, date_html, html_to_pdf, templates_dir

# Items that almost fit one line of the A4 page, as in the QA's port strike story (our own invented story).
ITEMS = [
    ("The stoppage is due to begin at 6 a.m. on Thursday and to last 48 hours, the union said.", (1, 2)),
    ("The stoppage is due to begin at six on Thursday and to last 48 hours, the union said.", (1, 2)),
    ("The stoppage is due to begin at 6 a.m. on Thursday and to last 48 hours, the union said now.", (1, 2)),
    ("A stoppage is due to begin at 6 a.m. on Thursday and to last 48 hours, the union said.", (3,)),
]


def test_the_last_word_and_the_citation_share_one_no_wrap_span() -> None:
    html = str(cited_html("The trust shut the <path> on Monday.", (1, 3)))
    assert html == ('The trust shut the &lt;path&gt; on <span class="nowrap">Monday. '
                    '<span class="cite">[1, 3]</span></span>')
    assert "&nbsp;" in str(date_html(dt.date(2026, 3, 3)))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("width", [0, 150, 160, 170])
def test_in_the_pdf_no_item_leaves_a_word_or_a_citation_alone(width: int, tmp_path: Path) -> None:
    css = (templates_dir() / "brief.css").read_text(encoding="utf-8")
    # Page widths around the one where the text almost fits a line and the citation does not.
    items = "".join(f"<li>{cited_html(text, ids)}</li>" for text, ids in ITEMS)
    size = f"@page {{ size: {width}mm 297mm; }}" if width else ""  # 0: the brief's own A4 page
    page = (f"<html><head><style>{css} {size}</style></head>"
            f"<body class=print><ul>{items}</ul></body></html>")
    path = tmp_path / "items.pdf"
    path.write_bytes(html_to_pdf(page))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip(" •") for line in text.splitlines() if line.strip(" •")]
    assert not [line for line in lines if len(line.split()) == 1], lines
    assert not [line for line in lines if re.fullmatch(r"\[[\d, ]+\]", line)], "a citation alone on its line"
    ends = [line for line in lines if re.search(r"\[[\d, ]+\]$", line)]
    assert len(ends) == len(ITEMS) and all(re.search(r"\w\S* \[[\d, ]+\]$", line) for line in ends), lines
