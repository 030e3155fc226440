"""Build tests/data/pairs/in-story.tsv (MSRP format) from the fact groups in tests/data/pairs/facts.txt.

    python bench/story_pairs.py
"""

from __future__ import annotations

import itertools
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "tests" / "data" / "pairs"


def groups(text: str) -> list[list[tuple[str, list[str], list[str]]]]:
    """Stories, each a list of (fact id, versions, hard negatives)."""
    stories: list[list[tuple[str, list[str], list[str]]]] = []
    for line in text.splitlines():
        if line.startswith("## story"):
            stories.append([])
        elif line.startswith("= "):
            stories[-1].append((line[2:].strip(), [], []))
        elif line.startswith("! "):
            stories[-1][-1][2].append(line[2:].strip())
        elif line.strip() and not line.startswith("#"):
            stories[-1][-1][1].append(line.strip())
    return stories


def pairs(stories: list[list[tuple[str, list[str], list[str]]]]) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for story in stories:
        for _, versions, negatives in story:
            out += [(1, a, b) for a, b in itertools.combinations(versions, 2)]
            out += [(0, v, n) for n in negatives for v in versions]
        out += [(0, a[1][0], b[1][0]) for a, b in itertools.combinations(story, 2)]
    return out


def main() -> None:
    rows = pairs(groups((HERE / "facts.txt").read_text(encoding="utf-8")))
    lines = ["Quality\t#1 ID\t#2 ID\t#1 String\t#2 String"]
    lines += [f"{q}\t{2 * k + 1}\t{2 * k + 2}\t{a}\t{b}" for k, (q, a, b) in enumerate(rows)]
    (HERE / "in-story.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} pairs, {sum(q for q, _, _ in rows)} same")


if __name__ == "__main__":
    main()
