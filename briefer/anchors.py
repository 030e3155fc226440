"""Where each printed item of a brief sits: the sections as shown, and an anchor and a readable label for each item.

The timeline points at the item that prints a dated fact instead of printing it twice (briefer.timeline's
`pointers`); the renderers give each item its anchor (an `id` in HTML and PDF) and print the label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefer.model import Item, Section

BOTTOM_LINE = "bottom-line"
_NOT_SLUG = re.compile(r"[^\w\- ]+")


@dataclass(frozen=True, slots=True)
class Anchor:
    """An item's anchor (`id` in HTML, `ref` in JSON), the heading it sits under and its number there."""

    id: str
    heading: str
    number: int = 0  # 0: the bottom line (a single item)

    @property
    def label(self) -> str:
        """How a reader finds it: "Overview, item 4", "Bottom line"."""
        return f"{self.heading}, item {self.number}" if self.number else self.heading


def shown_sections(bottom: Item | None, sections: Sequence[Section]) -> tuple[Section, ...]:
    """The sections as shown: the item that is the bottom line is printed once, at the top, not again below. An
    overview (the first section) it alone made is not shown; any other section that would be left empty keeps it."""
    if bottom is None:
        return tuple(sections)
    out = []
    for k, section in enumerate(sections):
        items = tuple(i for i in section.items if i.text != bottom.text)
        if items or k > 0:
            out.append(replace(section, items=items) if items else section)
    return tuple(out)


def slug(heading: str) -> str:
    """A heading as a fragment identifier, as GitHub makes one for a Markdown heading: lower case, punctuation
    dropped, spaces made hyphens ("Lines of communication" -> "lines-of-communication", "Lady's-tresses" ->
    "ladys-tresses"), so the Markdown brief's links reach its headings too."""
    return _NOT_SLUG.sub("", heading.casefold()).strip().replace(" ", "-") or "section"


def anchors(bottom: Item | None, sections: Sequence[Section]) -> dict[str, Anchor]:
    """Each printed item's text -> its anchor, in reading order (the bottom line, then the shown sections)."""
    out: dict[str, Anchor] = {}
    if bottom is not None:
        out[bottom.text] = Anchor(BOTTOM_LINE, "Bottom line")
    used: set[str] = {BOTTOM_LINE}
    for section in shown_sections(bottom, sections):
        base = slug(section.heading)
        while base in used:  # two sections with one slug (never seen; kept unique all the same)
            base += "-x"
        used.add(base)
        for number, item in enumerate(section.items, 1):
            out.setdefault(item.text, Anchor(f"{base}-{number}", section.heading, number))
    return out
