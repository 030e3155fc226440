"""The golden brief of the bundled sample story: its structure and the facts it must carry, not its bytes.

Selection may get better, so no sentence is pinned word for word. What is pinned is what an editor checks
first: the title, date and counts line, the sections in order, the source list, that every key fact of the
story is there under the right heading (found by its content words), and that credits are true.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from briefer.cli import cli
from briefer.config import load_options
from briefer.pipeline import prepare
from tests.helpers import SAMPLE, printed_by

TITLE = "Blinken in Beijing: US-China talks"
TOPICS = ["Taiwan", "Fentanyl", "Military channels"]
FILES = ["01-pws-wire-blinken-meets-xi.txt", "02-lakeshore-courier-wire-copy.txt",
         "03-meridian-post-blinken-qin-talks.html", "04-analysis-thaw-without-hotline.md",
         "05-explainer-questions.txt"]
# Section -> the facts it must state; a fact is found when one item holds every word of one alternative.
MUST_HAVE: dict[str, list[list[set[str]]]] = {
    "Overview": [[{"blinken", "xi"}]],  # Blinken met Xi Jinping
    "Taiwan": [[{"taiwan", "policy"}, {"taiwan", "strait"}]],  # US policy on Taiwan unchanged, peace in the Strait
    "Fentanyl": [[{"fentanyl"}, {"precursor", "chemicals"}]],  # China should curb the precursor chemicals
    "Military channels": [[{"military"}, {"hotline"}]],  # no military-to-military channel yet
}
# Facts the brief must state somewhere.
ANYWHERE: list[list[set[str]]] = [
    [{"keep", "talking"}],  # the one agreement: keep talking
    [{"qin"}],  # the first day's talks with Foreign Minister Qin Gang
    [{"first", "secretary", "2018"}, {"first", "secretary", "five", "years"}],  # the first such visit since 2018
]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _states(texts: list[str], alternatives: list[set[str]]) -> bool:
    return any(words <= _words(text) for text in texts for words in alternatives)


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, object]]:
    """The sample briefed through the command line as Markdown and JSON: (markdown, parsed JSON)."""
    out = tmp_path_factory.mktemp("golden")
    for fmt in ("md", "json"):
        # README command 1: the sample with its own topics file (the package default is discovery).
        result = CliRunner().invoke(cli, ["brief", str(SAMPLE), "--date", "2023-06-20", "-f", fmt, "--out-dir",
                                          str(out), "-q", "--topics", str(SAMPLE / "topics.toml")])
        assert result.exit_code == 0, result.output
    data = json.loads((out / "brief-2023-06-20.json").read_text(encoding="utf-8"))
    return (out / "brief-2023-06-20.md").read_text(encoding="utf-8"), data


def test_structure_of_the_markdown(golden: tuple[str, dict[str, object]]) -> None:
    markdown, _ = golden
    lines = markdown.splitlines()
    assert lines[0] == f"# {TITLE}"
    # Five files, four sources: the regional paper printed the wire story as it came.
    counts = re.fullmatch(r"\*\*20 June 2023\*\* · 4 sources · (\d+) words", lines[2])
    assert counts and 300 <= int(counts.group(1)) <= 415, lines[2]
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings[:4] == ["Overview", *TOPICS] and headings[-1] == "Sources"
    assert set(headings[4:-1]) <= {"Other developments", "Key quotes", "Timeline", "What comes next", "Who's who"}
    assert {"Timeline", "What comes next", "Who's who"} <= set(headings)
    listed = lines[lines.index("## Sources") + 2:]
    for number, name in enumerate(FILES, start=1):
        entry = next(line for line in listed if line.startswith(f"{number}. "))
        assert f"({name}" in entry and "skipped" not in entry
    items = [line for line in lines if line.startswith("- ")]
    assert items and all(re.search(r" \[\d(?:, \d)*\]$", item) for item in items)


def test_sections_carry_the_key_facts(golden: tuple[str, dict[str, object]]) -> None:
    _, data = golden
    sections = {s["heading"]: [i["text"] for i in s["items"]] for s in data["sections"]}  # type: ignore[attr-defined]
    for heading, facts in MUST_HAVE.items():
        for alternatives in facts:
            assert _states(sections[heading], alternatives), (heading, alternatives, sections[heading])
    # Anywhere in the brief: its sections, timeline and what comes next (the sample's first visit since 2018 is
    # told in the timeline, with the balloon that delayed it).
    everything = [text for texts in sections.values() for text in texts]
    everything += [line["text"] for part in ("timeline", "next") for line in data[part]]  # type: ignore[attr-defined]
    for alternatives in ANYWHERE:
        assert _states(everything, alternatives), alternatives


def test_every_source_is_used_and_credits_are_true(golden: tuple[str, dict[str, object]]) -> None:
    _, data = golden
    assert [(s["id"], s["name"], s["status"]) for s in data["sources"]] == [  # type: ignore[attr-defined]
        (i, name, "duplicate" if i == 2 else "ok") for i, name in enumerate(FILES, start=1)]
    prepared = prepare([SAMPLE], load_options())
    printers_of = printed_by(prepared)
    credited = [(i["text"], set(i["sources"])) for s in data["sections"] for i in s["items"]]  # type: ignore[attr-defined]
    for text, sources in credited:
        printers = printers_of.get(text, set())
        assert printers & sources, ("quoted from a source it does not credit", text, sources)
        assert printers <= sources, ("a source printing it word for word is not credited", text, sources)
    assert any({1, 2} <= sources for _, sources in credited), "the wire copy never credited with its original"
