"""The discovered section headings of every story that has no topics file (briefed without one).

    python bench/headings.py [--date 2023-06-19] [--why]

Prints a Markdown table: story, the brief's items, the overview's, the headings with each section's item count,
and Other developments' (what fits no section). Stories: tests/data/stories/*, the
test stories whose topics files are left out, the bundled sample without its topics file, ../shared/seeds,
and /tmp/qa/stories/* and /tmp/newstory when present (the editors' QA stories, not in the repository), each
briefed on the day after its events (`DATES`) and the others on `--date`. With `--why`, each story of eight items
or more with fewer than two sections is followed by why no more formed: each discovered topic that heads nothing
and the phrases the items left over share, each with the rule that turned it down (briefer.headings' debug log).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from pathlib import Path

from briefer.config import load_options
from briefer.pipeline import build_brief

ROOT = Path(__file__).resolve().parents[1]
# The day each story is briefed on: its last article's (a story briefed years later reads its previews as overdue),
# found from the articles' dates (`_last_day`) unless given here; undated stories are briefed on `--date`.
DATES = {"bridge": dt.date(2026, 4, 16), "velmar-strike": dt.date(2026, 3, 6), "caldera-tram": dt.date(2026, 10, 15),
         "kellan-orchid": dt.date(2026, 11, 30), "newstory": dt.date(2026, 4, 8),
         "storm": dt.date(2026, 11, 30)}
# A story of this many items or more should have two sections (issue 13).
ENOUGH_ITEMS = 8


class _Reasons(logging.Handler):
    """Keeps briefer.headings' debug messages: why a topic or a leftover phrase made no section."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


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


def _last_day(folder: Path) -> dt.date | None:
    """The newest publication date of the story's articles: a story is briefed on the day of its last article."""
    days = [s.published for s in build_brief([folder], load_options(words=100)).sources if s.published]
    return max(days, default=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2023, 6, 19))
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--why", action="store_true", help="say why a story of 8+ items has fewer than 2 sections")
    args = parser.parse_args()
    reasons = _Reasons()
    if args.why:
        logger = logging.getLogger("briefer.headings")
        logger.setLevel(logging.DEBUG)
        logger.addHandler(reasons)
    print("| story | items | overview | headings (items) | other |\n|---|---|---|---|---|")
    for folder in stories():
        reasons.lines.clear()
        brief = build_brief([folder], load_options(date=DATES.get(folder.name) or _last_day(folder) or args.date,
                                                   words=args.words))
        count = {s.heading: len(s.items) for s in brief.sections}
        heads = [f"{h} ({n})" for h, n in count.items() if h not in ("Overview", "Other developments")]
        print(f"| {folder.name} | {sum(count.values())} | {count.get('Overview', 0)} | {' · '.join(heads) or '(none)'}"
              f" | {count.get('Other developments', 0)} |")
        if args.why and len(heads) < 2 and sum(count.values()) >= ENOUGH_ITEMS:
            print("".join(f"\n    - {line}" for line in reasons.lines) + "\n")


if __name__ == "__main__":
    main()
