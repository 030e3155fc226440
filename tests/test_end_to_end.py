"""The product as a user meets it: the bundled sample and the real seed articles, to Markdown and a real PDF."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli
from briefer.config import load_options
from briefer.dedupe import SAME_FACT, SimilarityIndex
from briefer.model import Brief
from briefer.pipeline import OVERVIEW, build_brief, prepare
from tests.helpers import SAMPLE, printed_by

BOILERPLATE = ("Advertis", "Subscribe", "Home »", "Add a Comment", "contributed reporting", "Source:", "Share",
               "newsletter", "cookie", "author-image", "Required fields")
TOPICS = ["Taiwan", "Fentanyl", "Military channels"]
TOPICS_FILE = SAMPLE / "topics.toml"


def _check_brief(brief: Brief, folder: Path) -> None:
    prepared = prepare([folder], load_options(topics=TOPICS_FILE))
    sentences = set(printed_by(prepared))
    headings = [s.heading for s in brief.sections]
    assert headings[0] == OVERVIEW and headings[1:4] == TOPICS
    for section in brief.sections[:4]:
        assert section.items, f"{section.heading} is empty"
    texts = [item.text for item in brief.items]
    for item in brief.items:
        assert item.text in sentences, f"not one or two whole input sentences: {item.text}"
        # "Share" is a widget's word only on its own ("widely shared" is not boilerplate).
        assert not any(re.search(rf"\b{re.escape(b.lower())}" + (r"\b" if b == "Share" else ""), item.text.lower())
                       for b in BOILERPLATE), item.text
        assert item.sources and item.score > 0
    index = SimilarityIndex.build(texts)
    for a, b in itertools.combinations(range(len(texts)), 2):
        assert index.similar([a])[0][b] < SAME_FACT, ("said twice", texts[a], texts[b])
    assert 300 <= sum(len(t.split()) for t in texts) <= 415


def test_bundled_sample_brief() -> None:
    brief = build_brief([SAMPLE], load_options(topics=TOPICS_FILE))
    _check_brief(brief, SAMPLE)
    # The regional paper's wire copy is the wire story with a few words changed: one text, credited with it.
    assert [s.status for s in brief.sources] == ["ok", "duplicate", "ok", "ok", "ok"]
    assert brief.sources[1].warning == "same text as source 1"
    outlets = ["Pacific Wire Service", "The Lakeshore Courier", "The Meridian Post", "example-news.test"]
    assert [s.outlet for s in brief.sources[:4]] == outlets
    # The wire story and its regional copy carry the same facts: items must credit both.
    assert any({1, 2} <= set(item.sources) for item in brief.items)
    text = " ".join(item.text for item in brief.items)
    for fact in ("Xi", "Qin", "Taiwan", "fentanyl", "military"):
        assert fact in text, fact


def test_seed_articles_brief(seeds: Path) -> None:
    brief = build_brief([seeds], load_options(topics=TOPICS_FILE))
    _check_brief(brief, seeds)
    spun = [s for s in brief.sources if "paraphrased" in s.warning]
    assert [s.name for s in spun] == ["003_d4c9d588220d736c.txt"]
    # Every item is quoted from a source we may quote (the spinner left a few sentences of the original as they
    # were, so an item may also appear word for word in the spun copy).
    others = [" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(seeds.iterdir())
              if p.name != spun[0].name]
    assert all(any(item.text in raw for raw in others) for item in brief.items), "the spun copy was quoted"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_pdf_is_a_real_a4_document_with_the_date(tmp_path: Path) -> None:
    from PIL import Image

    out = tmp_path / "brief.pdf"
    result = CliRunner().invoke(cli, ["brief", str(SAMPLE), "--date", "2023-06-20", "-o", str(out),
                                      "--topics", str(TOPICS_FILE)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "20 June 2023" in text and "Blinken in Beijing" in text
    assert "Page 1 of" in text and "briefer 0.1.0" in text
    assert all(topic in text for topic in TOPICS)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True)
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    dark = sum(1 for value in page.tobytes() if value < 128)
    # A rendered page of text: thousands of dark pixels, but far from a black page.
    assert 2_000 < dark < 0.25 * page.width * page.height


def test_markdown_brief_shows_the_date_and_sources(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", str(SAMPLE), "--date", "2023-06-20", "--out-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    md = (tmp_path / "brief-2023-06-20.md").read_text()
    assert "**20 June 2023**" in md and "## Sources" in md
    assert md.count("\n- ") >= 8 and "[1, 2" in md


def test_a_story_the_defaults_have_never_seen_with_its_own_topics(tmp_path: Path) -> None:
    story = SAMPLE.parents[1] / "tests" / "data" / "story2"
    topics = SAMPLE.parents[1] / "tests" / "data" / "story2-topics.toml"
    result = CliRunner().invoke(cli, ["brief", str(story), "--topics", str(topics), "--words", "250",
                                      "-o", str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads((tmp_path / "b.json").read_text())
    assert data["title"] == "Saltmere port strike"
    headings = [s["heading"] for s in data["sections"]]
    assert headings[:4] == [OVERVIEW, "Wages", "Automation and jobs", "Disruption to trade"]
    assert all(s["items"] for s in data["sections"][:4]), headings
    sentences = set(printed_by(prepare([story], load_options())))
    assert all(item["text"] in sentences for s in data["sections"] for item in s["items"])
    # The wire copy (03) of the agency story (02) must be credited wherever the agency story is.
    assert any({2, 3} <= set(item["sources"]) for s in data["sections"] for item in s["items"])
