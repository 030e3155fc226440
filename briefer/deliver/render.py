"""Renderers: a `Brief` to Markdown, HTML, PDF, JSON or plain text, from the templates in templates/.

Article text is untrusted (docs/robustness.md). Every value a template prints first loses control
characters, bidirectional overrides and lone surrogates and has its whitespace collapsed (`plain`), so
it can neither break a line of the text brief nor spoof the reading order. Markdown output escapes
Markdown and HTML syntax; the HTML templates autoescape and forbid every fetch in a Content-Security-
Policy; the PDF renderer (briefer.deliver.pdf) is weasyprint fed our HTML with the CSS inlined, no base URL
and a URL fetcher that refuses every URL, so a hostile page can neither fetch nor read a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markupsafe

from briefer import anchors
from briefer.deliver.atomic import write_atomic
from briefer.deliver.pdf import PdfEngine, pdf_engine
from briefer.deliver.pdf import html_to_pdf as html_to_pdf  # re-exported: the public name since before pdf.py
from briefer.errors import RenderError, unknown_name
from briefer.model import Brief, Dated, Item, Section, SourceStatus
from briefer.text import MONTHS, date_long

if TYPE_CHECKING:
    import jinja2

log = logging.getLogger(__name__)

DEFAULT_FORMAT = "md"
DEFAULT_OUT_DIR = Path("out")  # where `briefer brief` writes brief-<date>.<ext> when no file is named

# Characters with meaning in Markdown inline syntax; "<" and "&" become entities (HTML in Markdown).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
# C0 and C1 controls (tab, LF, VT, FF and CR become spaces instead), bidirectional embeddings, overrides
# and isolates (they can make a sentence display in another order than it reads), lone surrogates (not
# encodable).
_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Text placed after a list marker ("- ", "1. ") can still open a nested list or a rule: "- 2023. Title".
_MD_BLOCK_START = re.compile(r"^(?:-|(\d{1,9})([.)])(?=\s|$))")


def plain(text: object) -> str:
    """Text safe to print on one line of any format: no control or bidi-override characters, one space runs;
    the typewriter quotes of archived wire copy (``It is over,'' she said) as quotation marks (Markdown reads
    backticks as code)."""
    shown = " ".join(_UNSAFE_CHARS.sub("", str(text)).split())
    if "``" in shown or "''" in shown:
        shown = _TYPEWRITER_QUOTE.sub(lambda m: "“" if m.group() == "``" else "”", shown)
    return shown


_TYPEWRITER_QUOTE = re.compile(r"``|''(?![\w'])")


def _finalize(value: Any) -> Any:
    """Every `{{ value }}` of a template: untrusted strings made `plain`; our own markup (CSS) left alone."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return plain(value)
    return value


# What a Markdown renderer could read as a character reference ("&lt;", "&#60;", python-markdown's "&#60" with no
# semicolon): its "&" is escaped; an "&" that starts none ("Marlow & Finch", "AT&T") is shown as it is.
_ENTITY = re.compile(r"&(?=#|[A-Za-z][A-Za-z0-9]{0,31};)")


def escape_markdown(text: str) -> str:
    """Text shown literally by any Markdown renderer: no links, emphasis, raw HTML or line breaks."""
    text = plain(text)
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\-", text)


def cite(ids: tuple[int, ...]) -> str:
    """How an item names its sources: "[1, 3]"."""
    return "[" + ", ".join(str(i) for i in ids) + "]"


def cite_html(ids: tuple[int, ...]) -> markupsafe.Markup:
    """The citation for HTML and PDF, never broken across lines (a no-wrap span). A no-break space before it
    made weasyprint break the sentence's last line early ("... in view:" / "President" / "Joe Biden ...")."""
    return markupsafe.Markup(" <span class=\"cite\">[{}]</span>").format(
        markupsafe.Markup(", ").join(str(int(i)) for i in ids))


def cited_html(text: str, ids: tuple[int, ...]) -> markupsafe.Markup:
    """Text and its citation for HTML and PDF, the text's last word and the citation bound in one no-wrap span:
    the citation never sits alone on a line, and the line breaks normally before that word (gluing the
    citation with a no-break space alone made weasyprint leave an item's first word alone on its line)."""
    head, _, last = plain(text).rstrip().rpartition(" ")
    citation = markupsafe.Markup("<span class=\"cite\">[{}]</span>").format(
        markupsafe.Markup(", ").join(str(int(i)) for i in ids))
    bound = markupsafe.Markup("<span class=\"nowrap\">{} {}</span>").format(last, citation)
    return markupsafe.Markup("{} {}").format(head, bound) if head else bound


def date_html(day: dt.date) -> markupsafe.Markup:
    """A date that never breaks across lines ("3 March 2026", with no-break spaces)."""
    return markupsafe.Markup("{}").format(date_long(day)).replace(" ", markupsafe.Markup("&nbsp;"))


def when(iso: str) -> str:
    """An ISO date of any precision written out: "18 June 2023", "February 2023" or "2018"."""
    try:
        if len(iso) == 10:
            return date_long(dt.date.fromisoformat(iso))
        if len(iso) == 7:
            return f"{MONTHS[int(iso[5:7]) - 1]} {int(iso[:4])}"
    except (ValueError, IndexError):
        return plain(iso)
    return plain(iso)


def link(url: str) -> str:
    """`url` when a reader can follow it safely (http or https), else empty: no javascript: or data: links."""
    url = plain(url)
    return url if re.match(r"https?://[^\s\"'<>]+$", url, re.I) else ""


def _named(item: Any) -> str:
    """An item's, quote's or timeline row's text as printed: verbatim, with its editorial insertions."""
    return with_insertions(item.text, item.inserted)


def templates_dir() -> Path:
    """The templates folder: inside the installed package, or templates/ at the repository root."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "brief.html.j2").is_file():
            return candidate
    raise RenderError(f"templates not found beside {package} (reinstall briefer)")


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    import jinja2  # imported when a brief is rendered: `briefer summarize` starts without it (20 ms)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters.update(md=escape_markdown, cite=cite, cite_html=cite_html, cited_html=cited_html, date_html=date_html,
                       date_long=date_long, when=when, link=link, named=_named)
    return env


def shown_sections(brief: Brief) -> tuple[Section, ...]:
    """The sections as shown: the item that is the bottom line is printed once, at the top (briefer.anchors)."""
    return anchors.shown_sections(brief.bottom_line, brief.sections)


def with_insertions(text: str, inserted: tuple[tuple[int, str], ...] = ()) -> str:
    """`text` with its editorial insertions ("[Antony] Blinken") placed, the last first so offsets hold."""
    for at, words in sorted(inserted, reverse=True):
        text = text[:at] + words + text[at:]
    return text


def _context(brief: Brief) -> dict[str, Any]:
    placed = anchors.anchors(brief.bottom_line, brief.sections)
    return {"brief": brief, "sections": shown_sections(brief), "date_long": date_long(brief.date),
            "anchor": {a.id: a for a in placed.values()}, "anchor_of": {t: a.id for t, a in placed.items()},
            "section_id": {s.heading: anchors.slug(s.heading) for s in brief.sections},
            "words": sum(len(i.text.split()) for i in brief.items),
            # A file with the same text as another is one source, not two.
            "used": [s for s in brief.sources if not s.skipped and s.status is not SourceStatus.DUPLICATE],
            "generated": brief.generated_at.strftime("%Y-%m-%d %H:%M UTC")}


def render_template(name: str, context: dict[str, Any], *, for_print: bool = False) -> str:
    """`templates/<name>` rendered; an .html.j2 page gets the stylesheet inlined (nothing is fetched)."""
    if not name.endswith(".html.j2"):
        return _environment(False).get_template(name).render(**context)
    css = (templates_dir() / "brief.css").read_text(encoding="utf-8")
    return _environment(True).get_template(name).render(**context, css=css, for_print=for_print)


def to_markdown(brief: Brief) -> str:
    """The brief as Markdown, every piece of article text escaped."""
    return render_template("brief.md.j2", _context(brief))


def to_text(brief: Brief) -> str:
    """The brief as plain text."""
    return render_template("brief.txt.j2", _context(brief))


def to_html(brief: Brief, *, for_print: bool = False) -> str:
    """The brief as a standalone HTML page (CSS inlined, no external resource of any kind)."""
    return render_template("brief.html.j2", _context(brief), for_print=for_print)


def to_json(brief: Brief) -> str:
    """The brief as JSON (schema in the README); texts made `plain`, paths kept but always valid UTF-8."""
    placed = {t: a.id for t, a in anchors.anchors(brief.bottom_line, brief.sections).items()}
    data = {
        "title": plain(brief.title),
        "date": brief.date.isoformat(),
        "generated_at": brief.generated_at.isoformat(),
        "version": brief.version,
        "notes": [plain(n) for n in brief.notes],
        "sources": [{"id": s.id, "name": plain(s.name), "path": _valid_unicode(s.location), "title": plain(s.title),
                     "status": str(s.status), "warning": plain(s.warning),
                     "published": s.published.isoformat() if s.published else None,
                     "outlet": plain(s.outlet), "url": link(s.url)}
                    for s in brief.sources],
        "bottom_line": _item(brief.bottom_line, placed) if brief.bottom_line else None,
        "sections": [{"heading": plain(sec.heading), "note": plain(sec.note),
                      "items": [_item(i, placed) for i in sec.items]}
                     for sec in brief.sections],
        "quotes": [{"text": plain(q.text), "speaker": plain(q.speaker), "context": plain(q.context),
                    "sources": list(q.sources), "why": [plain(w) for w in q.why], "inserted": _inserted(q.inserted)}
                   for q in brief.quotes],
        "timeline": [_dated(d) for d in brief.timeline],
        "next": [_dated(d) for d in brief.next],
        "people": [{"name": plain(p.name), "role": plain(p.role), "sources": list(p.sources),
                    "why": [plain(w) for w in p.why]} for p in brief.people],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _item(item: Item, placed: dict[str, str]) -> dict[str, Any]:
    # Every field of the item (the facts stage adds its own, such as `date` and `kind`), dates as ISO text.
    out = {f.name: (v.isoformat() if isinstance(v := getattr(item, f.name), dt.date) else v) for f in fields(item)}
    out.update(text=plain(item.text), sources=list(item.sources), why=[plain(w) for w in item.why],
               inserted=_inserted(item.inserted), id=placed.get(item.text),
               differs=[{"sources": list(d.sources), "says": plain(d.says), "text": plain(d.text)}
                        for d in item.differs])
    return out


def _inserted(inserted: tuple[tuple[int, str], ...]) -> list[dict[str, Any]]:
    """Editorial insertions as JSON: where in `text` (a character offset) and what; `text` stays verbatim."""
    # Not `plain`: the space that joins an insertion to its name is part of it ("[Antony] ").
    return [{"at": at, "text": _UNSAFE_CHARS.sub("", words)} for at, words in inserted]


def _dated(d: Dated) -> dict[str, Any]:
    # A pointer row (`ref` set, `text` empty): the fact is printed by the item whose `id` is `ref`; `excerpt` is its
    # opening words.
    return {"date": d.date or None, "text": plain(d.text), "ref": d.ref or None, "excerpt": plain(d.excerpt) or None,
            "sources": list(d.sources), "why": [plain(w) for w in d.why], "inserted": _inserted(d.inserted)}


def _valid_unicode(text: str) -> str:
    # A file name with bytes that are not UTF-8 reaches us as lone surrogates; show them as U+FFFD.
    return _SURROGATE.sub("\ufffd", text)


def to_pdf(brief: Brief, engine: PdfEngine | None = None) -> bytes:
    """The brief as an A4 PDF, by `engine` (a warmed-up worker, see `pdf_ahead`) or in this process."""
    page = to_html(brief, for_print=True)
    return engine.render(page) if engine is not None else html_to_pdf(page)


def pdf_ahead(wanted: bool = True) -> contextlib.AbstractContextManager[PdfEngine | None]:
    """Start readying the PDF renderer now (a forked worker warms up weasyprint) if a PDF will be written.

    Open it before building the brief and pass what it yields to `write_brief(..., pdf=...)`; without fork,
    the engine renders in this process (briefer.deliver.pdf).
    """
    warm_up = render_template("pdf-warmup.html.j2", {}) if wanted else ""
    return pdf_engine(warm_up, wanted=wanted)


@dataclass(frozen=True, slots=True)
class Renderer:
    """One output format: the function that renders it, the file suffixes that ask for it, a line of help."""

    render: Callable[[Brief], str | bytes]
    suffixes: tuple[str, ...]
    help: str


# The one table of output formats: the CLI's -f choices and help, [output] formats and suffixes come from it.
RENDERERS: dict[str, Renderer] = {
    "md": Renderer(to_markdown, (".md", ".markdown"), "Markdown, every piece of article text escaped"),
    "html": Renderer(to_html, (".html", ".htm"), "a standalone HTML page that fetches nothing"),
    "pdf": Renderer(to_pdf, (".pdf",), "an A4 PDF"),
    "json": Renderer(to_json, (".json",), "JSON (schema in the README)"),
    "txt": Renderer(to_text, (".txt",), "plain text"),
}
FORMATS = tuple(RENDERERS)
SUFFIX_FORMATS = {suffix: name for name, renderer in RENDERERS.items() for suffix in renderer.suffixes}


def render(brief: Brief, fmt: str, *, pdf: PdfEngine | None = None) -> bytes:
    """The brief in format `fmt` (a key of RENDERERS) as bytes; a PDF by `pdf` when given (see `pdf_ahead`)."""
    import jinja2

    if fmt not in RENDERERS:
        raise unknown_name("format", fmt, FORMATS)
    try:
        out = to_pdf(brief, pdf) if fmt == "pdf" else RENDERERS[fmt].render(brief)
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error while rendering {fmt}: {exc}") from exc
    return out if isinstance(out, bytes) else out.encode("utf-8")


def format_for(path: Path, fmt: str | None = None) -> str:
    """The format to write `path` in: `fmt` if given, else from the file's suffix."""
    if fmt:
        if fmt not in RENDERERS:
            raise unknown_name("format", fmt, FORMATS)
        return fmt
    suffix = path.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise unknown_name("output suffix", suffix or "(none)", tuple(SUFFIX_FORMATS))
    return SUFFIX_FORMATS[suffix]


def write_brief(brief: Brief, path: Path, fmt: str | None = None, *, pdf: PdfEngine | None = None) -> Path:
    """Render and write the brief atomically; the format comes from `fmt` or the file's suffix (`pdf`: see `render`)."""
    data = render(brief, format_for(path, fmt), pdf=pdf)
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise RenderError(f"cannot write {path}: {exc.strerror or exc}") from exc


def default_name(brief: Brief, fmt: str) -> str:
    """`brief-<date>.<ext>`: derived from the date only, so it can never leave the output folder."""
    return f"brief-{brief.date.isoformat()}.{fmt}"


def output_target(day: dt.date, *, output: Path | None = None, fmt: str | None = None,
                  out_dir: Path = DEFAULT_OUT_DIR, stem: str = "brief") -> tuple[Path, str]:
    """Where and how to write: `output` in `fmt` or its suffix's format, else `out_dir`/<stem>-<day>.<fmt>."""
    if output is not None:
        return output, format_for(output, fmt)
    fmt = format_for(Path(f"{stem}.{fmt or DEFAULT_FORMAT}"), fmt)
    return out_dir / f"{stem}-{day.isoformat()}.{fmt}", fmt
