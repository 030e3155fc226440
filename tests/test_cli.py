"""The command line: help for every command, output files, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import COMMANDS, cli
from briefer.errors import ExitCode


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and len(result.output) > 100


def test_brief_writes_dated_markdown_into_out_dir(flood_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", str(flood_dir), "--date", "2023-06-19", "--out-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "brief-2023-06-19.md").read_text()
    assert "19 June 2023" in text and "## Overview" in text


def test_output_suffix_picks_the_format(flood_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    result = CliRunner().invoke(cli, ["brief", str(flood_dir), "-o", str(out), "--date", "2023-06-19"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["date"] == "2023-06-19" and data["sections"]


def test_partial_input_exits_8_and_names_the_bad_source(flood_dir: Path, tmp_path: Path) -> None:
    (flood_dir / "empty.txt").write_text("")
    result = CliRunner().invoke(cli, ["brief", str(flood_dir), "--out-dir", str(tmp_path)])
    assert result.exit_code == ExitCode.PARTIAL
    assert "empty.txt: empty" in result.output


def test_nothing_usable_is_one_line_and_exit_3(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(cli, ["brief", str(tmp_path / "empty.txt"), "--out-dir", str(tmp_path), "-q"])
    assert result.exit_code == ExitCode.NO_SOURCES
    assert "Traceback" not in result.output
    assert result.output.strip().startswith("briefer: error: no usable source")


def test_unknown_ranker_lists_the_valid_ones(flood_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", str(flood_dir), "--ranker", "magic", "--out-dir", str(tmp_path)])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown ranker 'magic'" in result.output and "lexrank" in result.output


def test_summarize_prints_only_sentences(flood_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["summarize", str(flood_dir), "--words", "40"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines and all(line[0].isupper() and line.endswith(".") for line in lines)


def test_python_m_briefer_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "briefer", "--version"], capture_output=True, text=True, check=True)
    assert "briefer" in out.stdout


def test_choices_and_help_come_from_the_tables() -> None:
    from briefer.cli import ranker_names
    from briefer.deliver.render import RENDERERS

    help_text = " ".join(CliRunner().invoke(cli, ["brief", "--help"], terminal_width=400).output.split())
    assert all(f"{name}: {renderer.help}" in help_text for name, renderer in RENDERERS.items())
    assert f"[{'|'.join(RENDERERS)}]" in help_text
    assert all(name in help_text for name in ranker_names())


@pytest.mark.parametrize("command", ["brief", "summarize"])
def test_words_range_is_the_configs(command: str, flood_dir: Path, tmp_path: Path) -> None:
    from briefer.config import WORDS_RANGE

    low, high = WORDS_RANGE
    for words in (low - 1, high + 1):
        result = CliRunner().invoke(cli, [command, str(flood_dir), "--words", str(words), "--out-dir", str(tmp_path)]
                                    if command == "brief" else [command, str(flood_dir), "--words", str(words)])
        assert result.exit_code == ExitCode.USAGE and f"{low}<=x<={high}" in result.output
    assert CliRunner().invoke(cli, ["summarize", str(flood_dir), "--words", str(low)]).exit_code == 0


def test_a_brief_of_a_past_date_tells_only_what_was_published_by_then(tmp_path: Path) -> None:
    # Blind readers took a brief dated 16 April, built from articles of 17 April, for a brief "as of" that day; it
    # told the later news under the earlier date.
    story = Path(__file__).parent / "data" / "stories" / "sealion"
    early = subprocess.run([sys.executable, "-m", "briefer", "brief", str(story), "--date", "2026-04-16", "-o",
                            str(tmp_path / "early.md")], capture_output=True, text=True, check=False)
    assert early.returncode == ExitCode.NO_SOURCES and not (tmp_path / "early.md").exists()
    assert "every one is published after the brief's date (the first on 3 May 2026)" in early.stderr
    # On 4 May the article of 5 May is listed, with its reason, and left out; nothing failed.
    mid = subprocess.run([sys.executable, "-m", "briefer", "brief", str(story), "--date", "2026-05-04", "-o",
                          str(tmp_path / "mid.md")], capture_output=True, text=True, check=False)
    assert mid.returncode == 0, mid.stderr
    brief = (tmp_path / "mid.md").read_text(encoding="utf-8")
    assert "**skipped**: published on 5 May 2026, after the brief's date of 4 May 2026" in brief
    assert "4 May 2026" in brief.splitlines()[2] and "3 sources" in brief.splitlines()[2]
    assert "published on 5 May 2026" in mid.stderr
