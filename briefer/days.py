"""A relative day dated by an editorial insertion: "was completed yesterday [8 May]".

A brief's lines are verbatim sentences, and "yesterday", "today" or "last night" count from the day their article
appeared, not from the brief's date: in a brief dated a week later, "completed yesterday" is wrong. The first such
word of an item gets its day inserted after it in square brackets, as an editor would (briefer.names inserts full
names the same way; the text stays verbatim and `inserted` holds the addition). Nothing is inserted when in doubt:
the sources that carry the item were published on different days or on none known, or the brief is dated the day
the article appeared (where "today" reads right).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from briefer.model import Brief, Item
from briefer.temporal import in_a_name

# Each relative day and its distance from the article's day.
_RELATIVE = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b",
                       re.I)
_OFFSET = {"yesterday": -1, "last night": -1, "tomorrow": 1}
# An event told as done on its relative day ("today announced", "died yesterday"), not a state that may last.
_EVENT_TODAY = re.compile(r"\b(?:today|yesterday|last night)\s+(?:[a-z]+ed|[a-z]+ly\s+[a-z]+ed)\b|"
                          r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bstays )"
                          r"(?<!\bremains )\b[a-z]+ed\s+(?:[a-z]+\s+){0,6}?(?:today|yesterday|last night)\b", re.I)


def day_words(text: str, published: dt.date) -> tuple[int, dt.date] | None:
    """(where the first relative day of `text` ends, the day it means in an article of `published`), or None."""
    m = next((m for m in _RELATIVE.finditer(text) if not in_a_name(text, m.start())), None)
    if m is None:
        return None
    before = text[: m.start()]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return None  # inside a quotation: an insertion in someone's words would read as theirs
    return m.end(), published + dt.timedelta(days=_OFFSET.get(m.group(0).lower(), 0))


def _label(day: dt.date, brief_day: dt.date) -> str:
    return f"{day.day} {day:%B}" + (f" {day.year}" if day.year != brief_day.year else "")


def date_relative_days(brief: Brief) -> Brief:
    """The brief with the first relative day of each item (bottom line and sections) dated (module docstring)."""
    published = {s.id: s.published for s in brief.sources}

    def dated(item: Item) -> Item:
        days = {published.get(source) for source in item.sources}
        # (A report of an event credited to articles of several days was first told on the first of them, in these
        # words or others: "Halden Biscuits Ltd today announced a proposal ...", reprinted the next day.)
        if len(days) > 1 and None not in days and item.kind == "report" and _EVENT_TODAY.search(item.text):
            days = {min(d for d in days if d is not None)}
        if len(days) != 1 or (day := days.pop()) is None or day == brief.date:
            return item
        found = day_words(item.text, day)
        if found is None:
            return item
        at, meant = found
        return replace(item, inserted=tuple(sorted((*item.inserted, (at, f" [{_label(meant, brief.date)}]")))))

    return replace(brief, bottom_line=dated(brief.bottom_line) if brief.bottom_line else None,
                   sections=tuple(replace(s, items=tuple(dated(i) for i in s.items)) for s in brief.sections))
