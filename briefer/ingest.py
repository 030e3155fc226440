"""Sources to documents: expand folders, read or fetch bytes, decode, extract article text.

Stages, per source: 1. read (file) or fetch (URL, feed; briefer.fetch) -> RawSource;
2. size limits; 3. decode (briefer.decode); 4. extract text blocks by format (HTML through
trafilatura, Markdown through python-markdown, plain text as lines); 5. language check.
A source that fails any stage is kept as a skipped `Source` with its reason; the others
become `Document`s whose paragraphs are still raw (briefer.clean removes boilerplate).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefer.decode import decode
from briefer.errors import SourceError
from briefer.model import Document, RawSource, Source
from briefer.options import Limits
from briefer.text import STOP_WORDS, words

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
                 ".markdown": "text/markdown", ".html": "text/html", ".htm": "text/html"}
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.I | re.S)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
# Below this many words, the language check has too little to go on and passes the text.
_MIN_WORDS_FOR_LANGUAGE = 40


@dataclass(frozen=True, slots=True)
class Corpus:
    """Every source in input order (usable or skipped) and the documents of the usable ones."""

    sources: tuple[Source, ...]
    documents: tuple[Document, ...]


def is_url(spec: str) -> bool:
    """True for http(s) URLs, which go through briefer.fetch instead of the file system."""
    return spec.startswith(("http://", "https://"))


def expand(specs: Iterable[str | Path]) -> list[str | Path]:
    """Files as given, folders as their text, Markdown and HTML files (recursively, sorted), URLs as given."""
    out: list[str | Path] = []
    for spec in specs:
        if isinstance(spec, str) and is_url(spec):
            out.append(spec)
            continue
        path = Path(spec)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            out.extend(found)
        else:
            out.append(path)
    return out


def _read_file(path: Path, limits: Limits) -> RawSource:
    try:
        size = path.stat().st_size
        if size > limits.max_source_bytes:
            raise SourceError(f"{path}: too large ({size / 1e6:.1f} MB; the limit is "
                              f"{limits.max_source_bytes / 1e6:.1f} MB, set limits.max_source_bytes)")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise SourceError(f"{path}: is a folder with no readable files") from exc
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror}") from exc
    return RawSource(location=str(path), name=path.name, data=data,
                     content_type=TEXT_SUFFIXES.get(path.suffix.lower(), ""))


def _fetch(url: str, limits: Limits) -> list[RawSource]:
    from briefer.fetch import fetch  # network code loads only when a URL is given

    return fetch(url, max_bytes=limits.max_source_bytes)


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line that does not end a sentence, followed by one starting in lower case."""
    out: list[str] = []
    for line in lines:
        if out and not _TERMINAL.search(out[-1]) and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _plain_blocks(text: str) -> list[str]:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    blocks: list[str] = []
    for chunk in re.split(r"\n\s*\n", "\n".join(lines)):
        blocks.extend(_unwrap([line for line in chunk.split("\n") if line]))
    return blocks


def _html_blocks(html: str, url: str) -> tuple[str, list[str], dt.date | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False, include_links=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        raise SourceError(f"{url}: no article text found in the HTML page")
    published = None
    date_text = getattr(doc, "date", None)
    if date_text:
        try:
            published = dt.date.fromisoformat(str(date_text)[:10])
        except ValueError:
            published = None
    return str(getattr(doc, "title", "") or ""), _plain_blocks(text), published


def _markdown_blocks(text: str) -> tuple[str, list[str]]:
    import markdown
    from lxml import html as lxml_html

    # Raw HTML inside Markdown is escaped first, so it shows as text and can never run or fetch.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    tree = lxml_html.fromstring(f"<div>{markdown.markdown(escaped)}</div>")
    title, blocks = "", []
    for element in tree.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"):
        if element.tag == "blockquote" or any(a.tag in ("li", "blockquote") for a in element.iterancestors()):
            if element.tag != "li":
                continue
        content = " ".join(element.text_content().split())
        if not content:
            continue
        if element.tag == "h1" and not title:
            title = content
        blocks.append(content)
    return title, blocks


def _is_english(blocks: Sequence[str], limits: Limits) -> bool:
    text = " ".join(blocks)[:50_000]
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    if sum(c.isascii() for c in letters) < 0.7 * len(letters):
        return False
    tokens = words(text)
    if len(tokens) < _MIN_WORDS_FOR_LANGUAGE:
        return True
    return sum(t in STOP_WORDS for t in tokens) >= limits.min_english_share * len(tokens)


def to_document(raw: RawSource, source_id: int, limits: Limits) -> Document:
    """Decode and extract one raw source into a Document (raw paragraphs); SourceError if unusable."""
    text = decode(raw.data, raw.location)
    kind = raw.content_type.split(";")[0].strip().lower()
    published = raw.published
    if kind in ("text/html", "application/xhtml+xml") or (not kind and _HTML_START.match(raw.data[:2000])):
        title, blocks, html_date = _html_blocks(text, raw.location if is_url(raw.location) else "")
        published = published or html_date
    elif kind == "text/markdown":
        title, blocks = _markdown_blocks(text)
    else:
        title, blocks = "", _plain_blocks(text)  # briefer.clean finds plain text's headline
    if not blocks:
        raise SourceError(f"{raw.location}: no text")
    if not _is_english(blocks, limits):
        raise SourceError(f"{raw.location}: not English text (briefer briefs English articles only)")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source = Source(id=source_id, name=raw.name, location=raw.location, title=raw.title or title,
                    published=published, digest=digest)
    return Document(source=source, paragraphs=tuple(blocks))


def _raw_sources(spec: str | Path, limits: Limits) -> list[RawSource]:
    if isinstance(spec, str) and is_url(spec):
        return _fetch(spec, limits)
    return [_read_file(Path(spec), limits)]


def read_sources(specs: Iterable[str | Path], limits: Limits) -> Corpus:
    """Read every source; the unusable ones are logged and kept as skipped sources with their reason."""
    sources: list[Source] = []
    documents: list[Document] = []
    total = 0

    def skip(location: str, name: str, reason: str) -> None:
        log.warning("skipped %s", reason)
        sources.append(Source(id=len(sources) + 1, name=name, location=location, status="skipped",
                              warning=reason))

    for spec in expand(specs):
        try:
            raws = _raw_sources(spec, limits)
        except SourceError as exc:
            skip(str(spec), Path(str(spec)).name or str(spec), str(exc))
            continue
        for raw in raws:
            total += len(raw.data)
            if total > limits.max_total_bytes:
                skip(raw.location, raw.name, f"{raw.location}: over the total input limit of "
                     f"{limits.max_total_bytes / 1e6:.0f} MB (set limits.max_total_bytes)")
                continue
            try:
                doc = to_document(raw, len(sources) + 1, limits)
            except SourceError as exc:
                skip(raw.location, raw.name, str(exc))
                continue
            sources.append(doc.source)
            documents.append(doc)
    return Corpus(sources=tuple(sources), documents=tuple(documents))


def mark_skipped(corpus: Corpus, keep: Sequence[Document], reasons: dict[int, str]) -> Corpus:
    """A corpus where the documents not in `keep` are listed as skipped with `reasons[source id]`."""
    kept_ids = {d.source.id for d in keep}
    sources = tuple(s if s.id in kept_ids or s.status == "skipped"
                    else replace(s, status="skipped", warning=reasons.get(s.id, "skipped"))
                    for s in corpus.sources)
    return Corpus(sources=sources, documents=tuple(keep))
