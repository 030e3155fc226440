"""Renderers of a `Digest`: Markdown, HTML, PDF, JSON and text, from templates/digest.*.j2.

The same safety rules as briefer.deliver.render apply (its Jinja environment, escaping and offline PDF
renderer are reused): article text is untrusted everywhere.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import Any

import jinja2

from briefer.deliver.atomic import write_atomic
from briefer.deliver.render import (
    FORMATS,
    _dated,
    _valid_unicode,
    format_for,
    html_to_pdf,
    plain,
    render_template,
)
from briefer.deliver.render import templates_dir as templates_dir
from briefer.digest import NO_NEW, Digest, Story
from briefer.errors import RenderError, unknown_name
from briefer.model import Item, Section, Source
from briefer.text import date_long


def source_names(sources: Sequence[Source]) -> dict[int, str]:
    """Each source's name as the source list shows it. A firehose's folders often reuse file names (every
    feed's "D01.txt"); files whose names clash show as much of their path as tells them apart
    ("d30001t/docs/D01.txt"), so that a reader can find the article a citation names."""
    groups: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        groups[source.name].append(source)
    out = {s.id: s.name for s in sources}
    for clashing in (g for g in groups.values() if len(g) > 1):
        paths = [PurePath(s.location).parts for s in clashing]
        for depth in range(2, max(len(p) for p in paths) + 1):
            tails = ["/".join(p[-depth:]) for p in paths]
            if len(set(tails)) == len(tails):
                break
        out.update({s.id: tail for s, tail in zip(clashing, tails, strict=True)})
    return out


def _context(digest: Digest) -> dict[str, Any]:
    full = [s for s in digest.stories if not s.in_brief]
    return {"digest": digest, "names": source_names(digest.sources), "date_long": date_long(digest.date),
            "top": full, "in_brief":
            [s for s in digest.stories if s.in_brief], "used": [s for s in digest.sources if not s.skipped],
            "words": sum(len(i.text.split()) for i in digest.items),
            "generated": digest.generated_at.strftime("%Y-%m-%d %H:%M UTC")}


def to_markdown(digest: Digest) -> str:
    """The digest as Markdown, every piece of article text escaped."""
    return render_template("digest.md.j2", _context(digest))


def to_text(digest: Digest) -> str:
    """The digest as plain text."""
    return render_template("digest.txt.j2", _context(digest))


def to_html(digest: Digest, *, for_print: bool = False) -> str:
    """The digest as a standalone HTML page (CSS inlined, nothing fetched)."""
    return render_template("digest.html.j2", _context(digest), for_print=for_print)


def to_pdf(digest: Digest) -> bytes:
    """The digest as an A4 PDF, fetching nothing."""
    return html_to_pdf(to_html(digest, for_print=True))


def _items(items: tuple[Item, ...]) -> list[dict[str, Any]]:
    return [{"text": plain(i.text), "sources": list(i.sources), "score": i.score} for i in items]


def _sections(sections: tuple[Section, ...]) -> list[dict[str, Any]]:
    return [{"heading": plain(s.heading), "note": plain(s.note), "items": _items(s.items)} for s in sections]


def _story(story: Story) -> dict[str, Any]:
    return {"id": story.id, "title": plain(story.title), "bottom_line": plain(story.bottom_line),
            "sources": list(story.sources), "outlets": story.outlets,
            "latest": story.latest.isoformat() if story.latest else None, "in_brief": story.in_brief,
            "status": story.status or None,
            "first_briefed": story.first_briefed.isoformat() if story.first_briefed else None,
            "sections": _sections(story.sections),
            "people": [{"name": plain(p.name), "role": plain(p.role), "sources": list(p.sources),
                        "why": [plain(w) for w in p.why]} for p in story.people],
            "quotes": [{"text": plain(q.text), "speaker": plain(q.speaker), "context": plain(q.context),
                        "sources": list(q.sources), "why": [plain(w) for w in q.why]} for q in story.quotes],
            "timeline": [_dated(d) for d in story.timeline], "next": [_dated(d) for d in story.next]}


def to_json(digest: Digest) -> str:
    """The digest as JSON (schema in the README)."""
    data = {
        "title": plain(digest.title),
        "date": digest.date.isoformat(),
        "generated_at": digest.generated_at.isoformat(),
        "version": digest.version,
        "notes": [plain(n) for n in digest.notes],
        "sources": [{"id": s.id, "name": plain(s.name), "path": _valid_unicode(s.location), "title": plain(s.title),
                     "status": str(s.status), "warning": plain(s.warning),
                     "published": s.published.isoformat() if s.published else None} for s in digest.sources],
        "stories": [_story(s) for s in digest.stories],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Digest], str | bytes]] = {
    "md": to_markdown, "html": to_html, "json": to_json, "txt": to_text, "pdf": to_pdf,
}


def render_digest(digest: Digest, fmt: str) -> bytes:
    """The digest in format `fmt` as bytes."""
    if fmt not in RENDERERS:
        raise unknown_name("format", fmt, FORMATS)
    try:
        out = RENDERERS[fmt](digest)
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error while rendering the digest as {fmt}: {exc}") from exc
    return out if isinstance(out, bytes) else out.encode("utf-8")


def write_digest(digest: Digest, path: Path, fmt: str | None = None) -> Path:
    """Render and write the digest atomically; the format comes from `fmt` or the file's suffix."""
    data = render_digest(digest, format_for(path, fmt))
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise RenderError(f"cannot write {path}: {exc.strerror or exc}") from exc


def top_lines(digest: Digest) -> list[str]:
    """One line per story, as the digest's front page gives them (for the mail's body)."""
    lines = []
    for story in digest.stories:
        label = {"new": "New: ", "developing": "Developing: ", "unchanged": ""}.get(story.status, "")
        what = story.bottom_line or NO_NEW
        lines.append(f"{label}{story.title}: {what} ({story.outlets} outlet{'s' * (story.outlets != 1)})")
    return lines


def default_name(digest: Digest, fmt: str) -> str:
    """`digest-<date>.<ext>`: derived from the date only."""
    return f"digest-{digest.date.isoformat()}.{fmt}"
