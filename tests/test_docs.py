"""The README stays honest: CI runs its test command, and the docs name every command and exit code."""

from __future__ import annotations

import re

from briefer.cli import COMMANDS
from briefer.errors import ExitCode
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _fenced_after(marker: str) -> str:
    block = README[README.index(marker):]
    return re.search(r"```sh\n(.*?)\n```", block, re.S).group(1).strip()  # type: ignore[union-attr]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert _fenced_after("**2.") == ci


def test_readme_first_command_briefs_the_bundled_sample() -> None:
    command = _fenced_after("**1.")
    assert "pip install ." in command and "examples/blinken-beijing-2023" in command
    assert (ROOT / "examples" / "blinken-beijing-2023").is_dir()
    # The sample's topics sit beside it and are passed explicitly: the package default is discovery.
    assert "--topics examples/blinken-beijing-2023/topics.toml" in command
    assert (ROOT / "examples" / "blinken-beijing-2023" / "topics.toml").is_file()


def test_readme_documents_every_command_and_exit_code() -> None:
    for name in COMMANDS:
        assert f"briefer {name}" in README, name
    for code in ExitCode:
        assert re.search(rf"^\| {code.value} \|", README, re.M), code


def test_the_architecture_doc_names_every_stage_and_where_to_add_things() -> None:
    from briefer.pipeline import STAGES

    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for heading in ("**A ranker.**", "**A format.**", "**A stage.**"):
        assert heading in doc
    table = README[README.index("## What it does"):README.index("## Exit codes")]
    for name, _ in STAGES:
        assert f"─{name}─" in doc and f"| {name} |" in table, name
    assert "docs/architecture.md" in README
