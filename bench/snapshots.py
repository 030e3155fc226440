"""Brief every test story (on its own day, and as it stood the day before its last article), the seeds, the sample and
five DUC 2004 dev clusters into one Markdown file each, so that a change's effect on every brief can be read with
`diff -r`.

    PYTHONPATH=CHECKOUT python bench/snapshots.py OUT_DIR [STORY ...]

Run it with PYTHONPATH at the checkout to measure (before and after a change), then `diff -r BEFORE AFTER`. The
"Generated" line is left out; "own day" is the day the script runs, so compare snapshots of one day. Third-party text
(the seeds, DUC) is read from ../shared at run time and written only to OUT_DIR, outside the repository.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DUC_CLUSTERS = 5

Job = tuple[str, list[str], str | None, str | None]  # name, sources, --date, --topics


def jobs() -> Iterator[Job]:
    from tests.helpers import eve_of

    stories = sorted(p for p in (ROOT / "tests" / "data" / "stories").iterdir() if p.is_dir())
    for story in stories:
        yield f"{story.name}@own", [str(story)], None, None
    for story in stories:
        eve = eve_of(story)
        if eve is not None:
            yield f"{story.name}@eve", [str(story)], eve.isoformat(), None
    if (SHARED / "seeds").is_dir():
        yield "seeds", [str(SHARED / "seeds")], None, None
    sample = ROOT / "examples" / "blinken-beijing-2023"
    yield ("sample", [str(p) for p in sorted(sample.iterdir()) if p.suffix != ".toml"], None,
           str(sample / "topics.toml"))
    duc = SHARED / "eval" / "duc2004" / "dev"
    if duc.is_dir():
        for cluster in sorted(duc.iterdir())[:DUC_CLUSTERS]:
            yield f"duc-{cluster.name}", [str(cluster / "docs")], None, None


def brief(job: Job) -> tuple[str, str]:
    from briefer.config import load_options
    from briefer.deliver.render import to_markdown
    from briefer.pipeline import build_brief

    name, sources, day, topics = job
    options = load_options(date=dt.date.fromisoformat(day) if day else None, topics=Path(topics) if topics else None)
    try:
        text = to_markdown(build_brief([Path(s) for s in sources], options))
    except Exception as exc:  # a failure is a snapshot too: the diff shows it
        text = f"ERROR {type(exc).__name__}: {exc}"
    return name, re.sub(r"^_Generated .*$", "", text, flags=re.M)


def main() -> None:
    out, only = Path(sys.argv[1]), sys.argv[2:]  # any further arguments: only the stories of those names
    out.mkdir(parents=True, exist_ok=True)
    wanted = [job for job in jobs() if not only or job[0].split("@")[0] in only]
    with Pool(2) as pool:
        for name, text in pool.imap_unordered(brief, wanted):
            (out / f"{name}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
