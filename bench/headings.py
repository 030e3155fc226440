"""The discovered section headings of every story that has no topics file (briefed without one).

    python bench/headings.py [--date 2023-06-19]

Prints a Markdown table: story, the brief's items, the overview's, the headings with each section's item count,
and Other developments' (what fits no section). Stories: tests/data/stories/*, the
test stories whose topics files are left out, the bundled sample without its topics file, ../shared/seeds,
and /tmp/qa/stories/* and /tmp/newstory when present (the editors' QA stories, not in the repository), each
briefed on the day after its events (`DATES`) and the others on `--date`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from briefer.config import load_options
from briefer.pipeline import build_brief

ROOT = Path(__file__).resolve().parents[1]
# The day each dated story is briefed on: its last article's (a story briefed years later reads its previews
# as overdue).
DATES = {"bridge": dt.date(2026, 4, 16), "velmar-strike": dt.date(2026, 3, 6), "caldera-tram": dt.date(2026, 10, 15),
         "kellan-orchid": dt.date(2026, 11, 30), "newstory": dt.date(2026, 4, 8),
         "storm": dt.date(2026, 11, 30)}


def stories() -> list[Path]:
    """Every story folder briefed without a topics file."""
    data = ROOT / "tests" / "data"
    found = sorted(p for p in (data / "stories").iterdir() if p.is_dir())
    found += [data / name for name in ("story2", "story-shipfire", "story-council", "story-talks")]
    found += [ROOT / "examples" / "blinken-beijing-2023", ROOT.parent / "shared" / "seeds"]
    qa = Path("/tmp/qa/stories")
    found += sorted(p for p in qa.iterdir() if p.is_dir()) if qa.is_dir() else []
    found += [Path("/tmp/newstory")]
    return [p for p in found if p.is_dir()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2023, 6, 19))
    parser.add_argument("--words", type=int, default=400)
    args = parser.parse_args()
    print("| story | items | overview | headings (items) | other |\n|---|---|---|---|---|")
    for folder in stories():
        brief = build_brief([folder], load_options(date=DATES.get(folder.name, args.date), words=args.words))
        count = {s.heading: len(s.items) for s in brief.sections}
        heads = [f"{h} ({n})" for h, n in count.items() if h not in ("Overview", "Other developments")]
        print(f"| {folder.name} | {sum(count.values())} | {count.get('Overview', 0)} | {' · '.join(heads) or '(none)'}"
              f" | {count.get('Other developments', 0)} |")


if __name__ == "__main__":
    main()
