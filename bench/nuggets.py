"""Nugget recall: the share of the facts an editor would insist on that a brief states, per story.

    python bench/nuggets.py [--words 400] [--python PYTHON] [--path DIR]

Each tests/data/nuggets/*.toml names a story folder, its topics file, the brief's date and 10-15 nuggets;
a nugget is found when one line the brief prints holds every word of one of its alternatives (compared as
Snowball stems): an item, a key quote, or a timeline or what-comes-next row printed in full (not a pointer to an
item). The table also gives the count in items alone, the measure before the twentieth editor round. The brief
is made by the command line (`python -m briefer brief ... -o x.json`), so `--path` can point PYTHONPATH at another
checkout to measure an older version the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import Stemmer

ROOT = Path(__file__).resolve().parent.parent
_STEM = Stemmer.Stemmer("english")


def _stems(text: str) -> set[str]:
    return set(_STEM.stemWords(re.findall(r"[a-z0-9]+", text.lower())))


def recall(spec: dict[str, object], items: list[str]) -> tuple[int, int, list[str]]:
    """Nuggets found, nuggets in all, and the facts missed."""
    said = [_stems(text) for text in items]
    missed = []
    nuggets = spec["nugget"]
    assert isinstance(nuggets, list)
    for nugget in nuggets:
        # (Each alternative's words read as a line's are: "212,000" is "212" and "000" in both.)
        alternatives = [_stems(" ".join(words)) for words in nugget["any"]]
        if not any(alt <= s for alt in alternatives for s in said):
            missed.append(str(nugget["fact"]))
    return len(nuggets) - len(missed), len(nuggets), missed


def brief_lines(spec: dict[str, object], words: int, python: str, path: str | None) -> tuple[list[str], list[str]]:
    """The items of the story's brief, made by the command line, and every other line it prints in full: key
    quotes, and timeline and what-comes-next rows that are no pointer to an item."""
    env = dict(os.environ)
    if path:
        env["PYTHONPATH"] = str(Path(path).resolve())  # the brief runs in a temporary folder
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "brief.json"
        argv = [python, "-m", "briefer", "brief", str(ROOT / str(spec["story"])), "--date", str(spec["date"]),
                "--words", str(words), "-o", str(out), "-q"]
        if spec.get("topics"):
            argv += ["--topics", str(ROOT / str(spec["topics"]))]
        subprocess.run(argv, env=env, check=False, capture_output=True, cwd=tmp)
        data = json.loads(out.read_text(encoding="utf-8"))
    items = [item["text"] for section in data["sections"] for item in section["items"]]
    others = [q["text"] for q in data.get("quotes", [])] + [row["text"] for key in ("timeline", "next")
                                                            for row in data.get(key, []) if row.get("text")]
    return items, others


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--path", help="PYTHONPATH for another checkout of briefer")
    args = parser.parse_args()
    found_all = whole_all = total_all = 0
    print("| story | in items | in the whole brief | recall (whole brief) |\n|---|---|---|---|")
    notes = []
    for file in sorted((ROOT / "tests" / "data" / "nuggets").glob("*.toml")):
        spec = tomllib.loads(file.read_text(encoding="utf-8"))
        items, others = brief_lines(spec, args.words, args.python, args.path)
        found, total, _ = recall(spec, items)
        whole, _, missed = recall(spec, items + others)
        found_all, whole_all, total_all = found_all + found, whole_all + whole, total_all + total
        print(f"| {file.stem} | {found} / {total} | {whole} / {total} | {100 * whole / total:.0f}% |")
        notes.append(f"{file.stem} misses: " + ("; ".join(missed) or "nothing"))
    print(f"| all | {found_all} / {total_all} ({100 * found_all / total_all:.1f}%) | {whole_all} / {total_all} | "
          f"{100 * whole_all / total_all:.1f}% |")
    print("\n".join(notes))


if __name__ == "__main__":
    main()
