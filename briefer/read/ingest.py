"""Sources to documents: expand folders, read or fetch bytes, decode, extract article text.

Stages, per source: 1. read (regular files only, bounded) or fetch (URL, feed; briefer.read.fetch)
-> RawSource; 2. size limits; 3. decode (briefer.read.decode); 4. extract text blocks by format (HTML
through trafilatura, Markdown through the linear-time reader below, plain text as lines);
5. language check. Every source gets one `Source` in the corpus's `Ledger`; one that fails any step
also gets a FAILED `Finding` with its reason; the others become `Document`s whose paragraphs are still
raw (briefer.clean removes boilerplate). Limits and fetch settings are passed in.
Every stage must stay linear in the input: see docs/robustness.md for the inputs that prove it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import itertools
import logging
import os
import re
import stat
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.config import FetchSettings, Limits
from briefer.errors import SourceError, printable
from briefer.model import Document, Finding, Ledger, RawSource, Source, SourceStatus
from briefer.outlets import host, outlet_in_html, outlet_in_lines, published_in_html, stamp_in_html, title_suffix
from briefer.read.decode import decode
from briefer.temporal import published_in_lines
from briefer.text import STOP_WORDS, words

if TYPE_CHECKING:
    from briefer.read.fetch import FailedEntry, Policy

log = logging.getLogger(__name__)

# On a large input the sources past this share of the bytes are decoded and extracted in a forked child while
# this process does the rest (`_documents`).
READ_HERE_SHARE = 0.5

TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
                 ".markdown": "text/markdown", ".html": "text/html", ".htm": "text/html"}
# A folder's saved RSS or Atom feeds ("feed.xml"): read as feeds, their entries as articles.
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.I | re.S)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
# From this many words on, the share of English stop words decides (a single sentence varies too much);
# between _MIN_WORDS_TO_JUDGE and it, one word only English uses will do; below, the text passes.
_MIN_WORDS_FOR_LANGUAGE = 40
# Letters are counted in C (a Python loop per character was 2.6 times slower): ASCII ones as bytes,
# the few others one by one.
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (chr(b).isascii() and chr(b).isalpha()))
_ASCII = dict.fromkeys(range(128))
_MIN_WORDS_TO_JUDGE = 12
_LANGUAGE_SAMPLE = 50_000  # characters: about 8,000 words, plenty to judge and fast on a 10 MB source
_LANGUAGE_SAMPLE_PER_BLOCK = 2_000
# Function words frequent in English and absent from French, Spanish, German, Italian and Dutch.
_ENGLISH_ONLY = frozenset({"the", "and", "of", "with", "that", "said", "for", "from", "by", "this", "after",
                           "would", "which", "their", "they", "were", "has", "have", "its", "it's"})


@dataclass(frozen=True, slots=True)
class Corpus:
    """The ledger of every source in input order and the documents of the usable ones."""

    ledger: Ledger
    documents: tuple[Document, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        """The source list so far: every source with its status and its document's title."""
        return self.ledger.listed({d.source.id: d.title for d in self.documents})


def is_url(spec: str) -> bool:
    """True for http(s) URLs, which go through briefer.read.fetch instead of the file system."""
    return spec.startswith(("http://", "https://"))


def expand(specs: Iterable[str | Path]) -> list[str | Path]:
    """Files as given, folders as their text, Markdown and HTML files (recursively, sorted), URLs as given.

    A folder that cannot be listed stays in the list as itself, so that reading it reports why.
    """
    out: list[str | Path] = []
    for spec in specs:
        if isinstance(spec, str) and is_url(spec):
            out.append(spec)
            continue
        path = Path(spec)
        out.extend(_walk(path) if _is_dir(path) else [path])
    return out


def _is_dir(path: Path) -> bool:
    """Whether `path` is a folder; False when it cannot be told (reading it then reports why)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _walk(root: Path) -> list[Path]:
    """The text files under `root` and the folders that cannot be listed, sorted.

    A loop over a stack, not recursion (`Path.rglob` raised RecursionError on 1,200 nested folders and
    silently skipped the ones it could not read). Hidden names are skipped and symlinked folders not
    entered, so a link loop cannot make it run forever.
    """
    found: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            found.append(folder)  # reading it names the reason (permission denied, name too long)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif path.suffix.lower() in (*TEXT_SUFFIXES, *FEED_SUFFIXES) and entry.is_file():
                    found.append(path)
            except OSError:
                found.append(path)
    return sorted(found)


def _read_file(path: Path, limits: Limits) -> RawSource:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            os.scandir(path).close()  # raises the reason a folder cannot be listed
            raise SourceError(f"{path}: is a folder with no readable files")
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device (/dev/zero, /dev/stdin) would block or never end.
            raise SourceError(f"{path}: not a regular file")
        too_large = f"the limit is {limits.max_source_bytes / 1e6:.1f} MB, set limits.max_source_bytes"
        if info.st_size > limits.max_source_bytes:
            raise SourceError(f"{path}: too large ({info.st_size / 1e6:.1f} MB; {too_large})")
        with path.open("rb") as handle:
            data = handle.read(limits.max_source_bytes + 1)  # bounded: the file may grow after stat()
        if len(data) > limits.max_source_bytes:
            raise SourceError(f"{path}: too large (it grew while being read; {too_large})")
    except FileNotFoundError as exc:
        raise SourceError(f"{path}: no such file") from exc
    except OSError as exc:
        what = "cannot read the folder" if _is_dir(path) else "cannot read"
        raise SourceError(f"{path}: {what}: {exc.strerror or exc}") from exc
    return RawSource(location=str(path), name=path.name, data=data,
                     content_type=TEXT_SUFFIXES.get(path.suffix.lower(), ""))


def _fetch(url: str, limits: Limits, settings: FetchSettings, policy: Policy | None) -> list[RawSource | FailedEntry]:
    from briefer.read.fetch import fetch_entries  # network code loads only when a URL is given

    return fetch_entries(url, settings=settings, max_bytes=limits.max_source_bytes,
                         max_total_bytes=limits.max_total_bytes, policy=policy)


def _unwrap(lines: list[str], wrapped: bool = False, whole: Collection[str] = ()) -> list[str]:
    """Join hard-wrapped lines: a line that does not end a sentence, followed by one starting in lower case (or,
    in a chunk wrapped at a fixed width, by any line: "said Sunita Rao, project director at" / "Salder Rail
    Link, ..."). A word hyphenated across the break is made whole ("compet-" / "ition"; "carriage-" / "way" when
    the text writes "carriageway" elsewhere: `whole`, its words in lower case)."""
    out: list[list[str]] = []  # parts joined once at the end: 100,000 wrapped lines stay linear
    for line in lines:
        if out and not _TERMINAL.search(out[-1][-1]) and (wrapped or line[:1].islower()):
            last = out[-1][-1]
            if _BROKEN_WORD.search(last) and line[:1].islower():
                head, _, tail = line.partition(" ")
                out[-1][-1] = _mend(last, head, whole) + (" " + tail if tail else "")
                continue
            out[-1].append(line)
        else:
            out.append([line])
    return [" ".join(parts) for parts in out]


# A word broken at the end of a wrapped line: letters, then a hyphen.
_BROKEN_WORD = re.compile(r"(?<![\w-])[A-Za-z]+-$")
# Endings that are no word of their own once a word is broken before them ("lay-" / "ing").
_SUFFIXES = frozenset({"ing", "ings", "ed", "er", "ers", "ly", "ment", "ments", "tion", "tions", "ness", "ity", "al",
                       "ance", "ence", "ive", "ous", "ful", "less", "able", "ible", "ation", "ition"})
# A chunk is wrapped at a fixed width when every line but its last is this long (a newsletter's 70 columns), and
# some line runs on into the next; a headline, a masthead and a byline in one chunk are shorter or uneven.
WRAP_MIN, WRAP_MAX = 45, 100


def _mend(last: str, head: str, whole_words: Collection[str] = ()) -> str:
    """`last` (ending in a broken word) joined with `head`, the next line's first word: without the hyphen when
    the halves are not both words and the whole is one ("ex-" "pected", "Thurs-" "day,") or the text writes it
    whole elsewhere (`whole_words`), with it when both halves are words ("well-" "known")."""
    from briefer.lexicon import synsets
    from briefer.text import stem

    first = last.rsplit(" ", 1)[-1][:-1]
    second = re.match(r"[A-Za-z]*", head)
    rest = head[second.end():] if second else head
    second_word = second.group(0) if second else ""
    table = synsets()
    both = stem(first.lower()) in table and stem(second_word.lower()) in table
    whole = (first + second_word).lower()
    if second_word.lower() in _SUFFIXES or whole in whole_words \
            or (not both and (stem(whole) in table or len(second_word) <= 4)):
        return last[:-1] + second_word + rest
    return last + head


# Invisible characters dropped (soft hyphen, zero-width space and joiners, word joiner, byte-order mark) and
# typographic hyphens read as the hyphen ("open&#8209;air" is "open-air": searched, matched and headed as such).
_INVISIBLE = dict.fromkeys((0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)) | {0x2010: "-", 0x2011: "-"}


def _plain_blocks(text: str, plain_file: bool = False) -> list[str]:
    lines = [" ".join(line.split()) for line in text.translate(_INVISIBLE).split("\n")]
    # (The words the text writes whole, read only when some line ends in a broken word.)
    whole = frozenset(re.findall(r"[a-z]+", text.lower())) if re.search(r"[A-Za-z]-\s*\n", text) else frozenset()
    blocks: list[str] = []
    for chunk in re.split(r"\n\s*\n", "\n".join(lines)):
        kept = [line for line in chunk.split("\n") if line]
        # (Wrapped, and seen to be: some line runs on into a next one that starts in lower case. A headline over
        # a masthead line is neither.)
        wrapped = plain_file and len(kept) >= 2 and all(WRAP_MIN <= len(line) <= WRAP_MAX for line in kept[:-1]) \
            and any(not _TERMINAL.search(a) and b[:1].islower() for a, b in itertools.pairwise(kept))
        blocks.extend(_unwrap(kept, wrapped, whole))
    return blocks


# trafilatura falls back on jusText (and readability) when its own result looks thin; jusText compares
# each block with its neighbours in quadratic time: an article followed by 16,000 short table rows took 81 s.
# Past this many block tags the fallbacks are skipped (trafilatura alone is linear: 3.5 s for 32,000 rows).
# A news page has a few hundred blocks; at 1,500 the fallbacks cost about 0.2 s.
MAX_BLOCKS_FOR_FALLBACK = 1_500
_BLOCK_TAG = re.compile(r"<(?:p|div|li|tr|td|th|h[1-6]|dd|dt|blockquote|pre|section|article|br)\b", re.I)


def _many_blocks(html_text: str) -> bool:
    """True when the page has more block tags than jusText can compare in reasonable time."""
    blocks = _BLOCK_TAG.finditer(html_text)
    return next(itertools.islice(blocks, MAX_BLOCKS_FOR_FALLBACK, None), None) is not None


@dataclass(frozen=True, slots=True)
class _Page:
    """What an HTML page gives besides its text: headline, date, site name and canonical address."""

    title: str
    blocks: list[str]
    published: dt.date | None
    sitename: str
    url: str


# A quotation set off with its speaker in a footer ("<blockquote><p>"...".</p><footer>Ruth Penhallow, tower
# captain</footer></blockquote>"): the extractor drops the footer, so the speaker is written after the quotation as
# the page shows it, "... — Ruth Penhallow, tower captain" (bounded: linear in the page).
_BLOCKQUOTE_SPEAKER = re.compile(r"<blockquote\b[^>]{0,200}>(?P<body>(?:(?!</?blockquote\b).){1,3000}?)"
                                 r"<(?P<tag>footer|cite)\b[^>]{0,200}>(?P<who>[^<]{1,200})</(?P=tag)>\s*</blockquote>",
                                 re.I | re.S)


def _quote_with_speaker(m: re.Match[str]) -> str:
    body = " ".join(re.sub(r"<[^>]{0,300}>", " ", m["body"]).split())
    who = " ".join(m["who"].split()).lstrip("—–- ")
    return f"<blockquote><p>{body} — {who}</p></blockquote>"


# A gallery's numbered caption ("<figcaption>2 of 8: Firefighters direct water onto the studio roof ... At the height
# of the fire, 60 firefighters and 12 engines were at the scene. Photo: Sam Ridley / Midshire Live</figcaption>"): a
# gallery page tells its news in them, and the extractor drops captions, so each becomes a paragraph without its
# number and its credit.
_GALLERY_CAPTION = re.compile(r"<figcaption\b[^>]{0,200}>\s*\d{1,3}\s+of\s+\d{1,3}\s*[:.–—-]\s*(?P<text>[^<]{1,2000}?)"
                              r"\s*(?:(?:Photo|Picture|Image)(?:graph)?\s*(?::|by)\s*[^<]{0,120})?</figcaption>", re.I)


def _caption_text(m: re.Match[str]) -> str:
    # Only its sentences of news, in the past tense or looking ahead; not the picture described ("Smoke rises from the
    # machinery shed ...", "... pictured on Friday morning").
    news = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", m["text"].strip())
            if _CAPTION_NEWS.search(s) and not _CAPTION_PICTURE.search(s)]
    return f"</figure><p>{' '.join(news)}</p><figure>" if news else m.group()


_CAPTION_NEWS = re.compile(r"\b(?:was|were|had|has|have|will|would|said|(?<!the )(?<!The )\w{3,}ed)\b")
_CAPTION_PICTURE = re.compile(r"\b(?:pictured|seen (?:from|here|on|at)|looks? on|watch(?:es)?|stands?|pose[sd]?)\b",
                              re.I)


# An advert's box, by its class ("ad", "advert", "ad-slot", "sponsored", "promo"): trafilatura drops the box's label
# and keeps its text ("Merrow Bay Fish Bar - voted best chips on the coast 2025."). Bounded, so that a page of
# unclosed boxes is read in linear time.
_ADVERT_BOX = re.compile(r"<(div|aside|section|p|span|figure)\b[^>]{0,200}?\bclass\s*=\s*[\"'](?:[^\"']*\s)?"
                         r"(?:ad|ads|advert|advertisement|ad-(?:slot|unit|container|label|leaderboard|inline|box|banner)|"
                         r"sponsored|sponsor|sponsor-read|promo)(?:\s[^\"']*)?[\"'][^>]{0,200}>.{0,3000}?</\1\s*>",
                         re.I | re.S)


def _html_blocks(html_text: str, location: str) -> _Page:
    import trafilatura
    from lxml.etree import LxmlError

    if "class" in html_text:
        html_text = _ADVERT_BOX.sub(" ", html_text)
    html_text = _BLOCKQUOTE_SPEAKER.sub(_quote_with_speaker, html_text) if "<footer" in html_text \
        or "<cite" in html_text else html_text
    html_text = _GALLERY_CAPTION.sub(_caption_text, html_text) if "<figcaption" in html_text else html_text
    try:
        doc = trafilatura.bare_extraction(html_text, url=location if is_url(location) else None,
                                          with_metadata=True, include_comments=False, include_tables=False,
                                          include_images=False, include_links=False,
                                          fast=_many_blocks(html_text))
    except (LxmlError, ValueError, RecursionError) as exc:  # malformed markup the parser gives up on
        raise SourceError(f"{location}: cannot parse the HTML page ({type(exc).__name__})") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        raise SourceError(f"{location}: no article text found in the HTML page")
    published = None
    date_text = getattr(doc, "date", None)
    if date_text:
        try:
            published = dt.date.fromisoformat(str(date_text)[:10])
        except ValueError:
            published = None
    title = str(getattr(doc, "title", "") or "")
    # og:site_name, else the title's suffix ("... | The Meridian Post"); trafilatura reads both.
    sitename = str(getattr(doc, "sitename", "") or "")
    url = str(getattr(doc, "url", "") or "")
    return _Page(title, _plain_blocks(text), published, sitename, url if is_url(url) else "")


# Markdown is read line by line with linear-time rules: python-markdown took 500 s on a line of 50,000 "["
# and overflowed the stack on 3,000 nested list items, so one hostile file could hang or crash a run.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_MD_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_TARGET = r"(?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\[\]\n]*\])"  # (url), (url_(with)_parens) or [ref]
_MD_IMAGE = re.compile(rf"!\[[^\[\]\n]*\]{_MD_TARGET}?")
_MD_LINK = re.compile(rf"\[([^\[\]\n]*)\]{_MD_TARGET}")
_MD_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
_MD_REF_DEFINITION = re.compile(r" {0,3}\[[^\[\]\n]+\]:")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = re.compile(r"(?<!\w)[*_~]+(?=\S)|(?<=\S)[*_~]+(?!\w)|`+")
# Escaped punctuation is parked on private-use code points while the syntax around it is removed.
_PARK = 0xF0000
_PARKED = re.compile("[\U000F0021-\U000F007E]")


def _drop_html_comments(text: str) -> str:
    out, start = [], 0
    while (open_at := text.find("<!--", start)) >= 0:
        close_at = text.find("-->", open_at + 4)
        if close_at < 0:
            break
        out.append(text[start:open_at])
        start = close_at + 3
    out.append(text[start:])
    return "".join(out)


def _md_inline(text: str) -> str:
    """Markdown inline syntax removed: link texts kept, images and raw HTML tags dropped, escapes resolved."""
    text = _MD_ESCAPED.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", _HTML_TAG.sub("", text))
    text = _PARKED.sub(lambda m: chr(ord(m.group()) - _PARK), text)
    return " ".join(html.unescape(text).split())


def _atx_heading(line: str) -> tuple[int, str] | None:
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    level = len(stripped) - len(stripped.lstrip("#"))
    rest = stripped[level:]
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    rest = rest.strip()
    closing = rest.rstrip("#")
    if not closing or closing[-1] in " \t":
        rest = closing.strip()
    return level, rest


# YAML front matter of a Markdown file (static-site generators, notes apps): only its flat "key: value" lines are
# read, for a title and a publication date; anything nested is left alone.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.{0,4000}?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(title|date|published|pubdate|publishDate|published_at|outlet|publication|publisher|"
                          r"site_name|source)\s*:\s*[\"']?([^\"'\n]{1,200}?)"
                          r"[\"']?\s*$", re.M | re.I)


# An email's header over a newsletter: "From: Jo at The Riverside Round-up <jo@...>", "Subject: ...", "Date: ...".
_EMAIL_HEADER = re.compile(r"\A(?:(?:From|To|Subject|Date|Sent|Cc|Reply-To)[ \t]*:[^\n]*\n){2,8}", re.I)
_HEADER_FIELD = re.compile(r"^(From|Subject|Date|Sent)[ \t]*:[ \t]*(.+)$", re.I | re.M)


def _email_header(text: str) -> tuple[dict[str, str], str]:
    """(fields, the rest of the text) of a newsletter saved with its email header: its date, its subject as the
    title, and its sender's name as the outlet ("Jo at The Riverside Round-up" is The Riverside Round-up)."""
    found = _EMAIL_HEADER.match(text)
    if not found:
        return {}, text
    fields: dict[str, str] = {}
    for key, value in _HEADER_FIELD.findall(found.group()):
        key, value = key.lower(), value.strip()
        if key in ("date", "sent"):
            fields.setdefault("date", value)
        elif key == "subject":
            fields["title"] = value
        else:
            sender = re.sub(r"\s*<[^>]*>", "", value).strip().strip('"')
            fields["outlet"] = sender.rsplit(" at ", 1)[-1].strip() if "@" not in sender else ""
    return fields, text[found.end():]


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, the rest of the text) of a Markdown file that opens with YAML front matter; ({}, text) otherwise.
    Fields: "title", "date" (from date, published, pubdate ...) and the outlet's keys (`_OUTLET_FIELDS`), when
    given."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return _email_header(text)
    fields: dict[str, str] = {}
    for key, value in _FRONT_FIELD.findall(found.group(1)):
        name = key.lower()
        fields.setdefault(name if name == "title" or name in _OUTLET_FIELDS else "date", value.strip())
    return fields, text[found.end():]


# A bold label opening a paragraph of news: "**The arrest:** Corran Police said ...", "**How far it spread:** the
# photographs ..." (a subheading run into its paragraph; not a teaser's "**Related:** ...", which cleaning removes).
_LEAD_IN = re.compile(r"^(?:\*\*|__)(?!(?:related|read more|see also|also read|more|watch|listen|recommended)\b)"
                      r"[^*_\n]{1,40}?(?::(?:\*\*|__)|(?:\*\*|__):)\s+(?=\S)", re.I)
_DATED_LABEL = re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
                          r"[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?$|"
                          r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|"
                          # ... a month or a time ahead: "**September:**", "**End of July:**", "**Next year:**"
                          r"^(?:(?:early|mid|late|end of|by the end of)[ -])?(?:January|February|March|April|May|June|"
                          r"July|August|September|October|November|December)(?:\s+\d{4})?$|"
                          r"^(?:next (?:week|month|year)|within (?:a|one|two|three|four|six|\d+) "
                          r"(?:days|weeks|months))$", re.I)
# Words of a sentence after the label, at least, for the label to be cut.
LEAD_IN_WORDS = 6


def _label(raw: str) -> str:
    """The bold label a paragraph opens with ("**Farah Quensel:**" -> "Farah Quensel"), or ""."""
    m = _LEAD_IN.match(raw)
    return raw[2: m.end()].strip().strip("*_:").strip() if m else ""


def _without_lead_in(raw: str, speakers: Collection[str] = ()) -> str:
    """A paragraph without the bold label it opens with, when what follows is a sentence; an interview's speaker
    label (`speakers`: one that opens two paragraphs or more) is kept as plain text ("Farah Quensel: I spoke to
    ..."), for briefer.clean to read whose words follow."""
    m = _LEAD_IN.match(raw)
    rest = raw[m.end():] if m else ""
    if m and ((label := _label(raw)) in speakers or _DATED_LABEL.match(label)):
        # (A date's label is a step's day, kept: "**Tuesday 25 August:** licensing officers inspect the park".)
        return f"{label}: {rest}"
    if not m or len(rest.split()) < LEAD_IN_WORDS or rest.rstrip("*_ ")[-1:] not in ".!?\"”":
        return raw
    return rest[0].upper() + rest[1:]


def _markdown_blocks(text: str) -> tuple[str, list[str]]:
    """(first level-1 heading, blocks): headings, paragraphs and list items; code and quotes left out."""
    blocks: list[tuple[int, str]] = []  # (heading level or 0, raw text)
    current: list[str] = []
    in_item = False  # whether `current` is a list item (a numbered line may then start the next one)
    fence = ""

    def flush(level: int = 0) -> None:
        if current:
            blocks.append((level, " ".join(current)))
            current.clear()

    for line in _drop_html_comments(text).split("\n"):
        stripped = line.strip()
        opening = _FENCE.match(line)
        if fence or opening:
            if not fence and opening:
                flush()
                fence = opening.group(1)
            elif stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        heading = _atx_heading(line)
        item = _LIST_ITEM.match(stripped)
        if item and current and not in_item and stripped[0].isdigit() and not stripped.startswith("1"):
            item = None  # "2023. It was" inside a paragraph is text, not a list (as in CommonMark)
        if heading is not None:
            flush()
            blocks.append(heading)
        elif not stripped or stripped.startswith(">") or _MD_REF_DEFINITION.match(line):
            flush()
        elif len(current) == 1 and not in_item and stripped[0] in "=-" and not stripped.strip(stripped[0]):
            flush(1 if stripped[0] == "=" else 2)  # a setext heading: one line underlined with = or -
        elif _RULE.fullmatch(stripped):
            flush()
        elif item:
            flush()
            current.append(stripped[item.end():])
            in_item = True
            continue
        else:
            current.append(stripped)
            continue
        in_item = False
    flush()
    title, out = "", []
    labels = Counter(label for level, raw in blocks if not level and (label := _label(raw)))
    speakers = {label for label, n in labels.items() if n >= 2}
    for level, raw in blocks:
        content = _md_inline(_without_lead_in(raw, speakers))
        if not content:
            continue
        if level == 1 and not title:
            title = content
        out.append(content)
    return title, out


def _is_english(blocks: Sequence[str], limits: Limits) -> bool:
    # A sample of every block's start, so that one huge block (a run of brackets, a list of links) cannot
    # fill the sample on its own and decide for the whole article.
    pieces = [block[:_LANGUAGE_SAMPLE_PER_BLOCK] for block in blocks]
    text = " ".join(pieces)[:_LANGUAGE_SAMPLE]
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    letters = ascii_letters + sum(map(str.isalpha, text.translate(_ASCII)))
    if not letters:
        return False
    if ascii_letters < 0.7 * letters:
        return False
    # No token spans the space that joins the pieces: the sample's words are each piece's, and cleaning asks for
    # the same lines' words next (cached), where the whole sample's cost 0.4 s at 30,000 sentences.
    whole = len(text) == sum(map(len, pieces)) + max(len(pieces) - 1, 0)
    tokens = [w for piece in pieces for w in words(piece)] if whole else words(text)
    if len(tokens) < _MIN_WORDS_TO_JUDGE:
        return True
    if len(tokens) < _MIN_WORDS_FOR_LANGUAGE:
        return not _ENGLISH_ONLY.isdisjoint(tokens)
    return sum(map(STOP_WORDS.__contains__, tokens)) >= limits.min_english_share * len(tokens)


# Front-matter keys that name the outlet, in the order asked, and the longest name read from one.
_OUTLET_FIELDS = ("outlet", "publication", "publisher", "site_name", "site", "source")
OUTLET_FIELD_WORDS = 6
# A site name that is only a host ("127.0.0.1:8000", "example.com").
_DOMAIN = re.compile(r"[\w.-]+\.[\w-]+(?::\d+)?")


# An HTML entity left in text copied from a page ("they&#8217;d", "&amp;", "&nbsp;"), escaped once or twice.
_ENTITY = re.compile(r"&(?:amp;)?(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def _unescaped(text: str) -> str:
    """Plain text with the HTML entities left in it read as the characters they stand for (Markdown reads its
    own, block by block)."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(html.unescape(m.group())), text)


def to_document(raw: RawSource, source_id: int, limits: Limits, day: dt.date | None = None) -> Document:
    """Decode and extract one raw source into a Document (raw paragraphs); SourceError if unusable.

    `day`: the brief's date (else today), which gives a year to a dateline without one ("Oct 14 (CBN) -")."""
    text = decode(raw.data, raw.location)
    kind = raw.content_type.split(";")[0].strip().lower()
    published, stamp = raw.published, raw.stamp
    outlet, suffix, url = "", "", ""
    if kind in ("text/html", "application/xhtml+xml") or (not kind and _HTML_START.match(raw.data[:2000])):
        page = _html_blocks(text, raw.location)
        # (The date the page's head declares before trafilatura's: its search never reads a day after the machine's
        # clock, so a page dated later than the clock got another day found in its text.)
        title, blocks, published = page.title, page.blocks, published or published_in_html(text) or page.published
        stamp = stamp or stamp_in_html(text)
        declared, canonical = outlet_in_html(text)
        outlet, suffix, url = page.sitename or declared, title_suffix(title), page.url or canonical
        if _DOMAIN.fullmatch(outlet):  # a web address for a name (trafilatura's fallback): after the feed's title
            outlet, suffix = "", suffix or outlet
    elif kind == "text/markdown":
        fields, body = front_matter(text)  # (entities are read in each block, after its tags are dropped)
        title, blocks = _markdown_blocks(body)
        title = fields.get("title") or title
        # The outlet a front matter names ("outlet: Church Times Weekly", "source: Anglia Nature News"); an address
        # there is no name.
        outlet = next((v for k in _OUTLET_FIELDS if (v := fields.get(k, "").strip()) and "/" not in v
                       and len(v.split()) <= OUTLET_FIELD_WORDS), "")
        if fields.get("date"):
            published = published or published_in_lines([fields["date"]], day or dt.date.today())
    else:
        title, blocks = "", _plain_blocks(_unescaped(text), plain_file=True)  # briefer.clean finds its headline
    # A dated byline, a dateline, a masthead or a copyright line (briefer.clean removes them from the text).
    published = published or published_in_lines(blocks, day or dt.date.today())
    # The page's own site name, then the feed's title (an aggregator's feed links to many outlets' pages), then
    # the page title's suffix. An entry's own dateline or masthead ("OSTVIK, Nov 17 (Nordwire) -") names its
    # outlet before the feed's title does, as its site name would.
    lines = outlet_in_lines(blocks) if raw.outlet and not outlet else ""
    outlet = outlet or lines or raw.outlet or suffix or outlet_in_lines(blocks) or host(raw.location)
    url = raw.location if is_url(raw.location) else url
    if not blocks:
        raise SourceError(f"{raw.location}: no text")
    if not _is_english(blocks, limits):
        raise SourceError(f"{raw.location}: not English text (briefer briefs English articles only)")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source = Source(id=source_id, name=raw.name, location=raw.location, title=raw.title or title,
                    published=published, stamp=stamp, digest=digest, outlet=outlet, url=url)
    return Document(source=source, paragraphs=tuple(blocks), title=source.title)


def _raw_sources(spec: str | Path, limits: Limits, settings: FetchSettings,
                 policy: Policy | None) -> list[RawSource | FailedEntry]:
    if isinstance(spec, str) and is_url(spec):
        return _fetch(spec, limits, settings, policy)
    raw = _read_file(Path(spec), limits)
    if raw.content_type in ("", "text/plain") and _FEED_START.match(raw.data[:2000]):
        return _saved_feed(raw)
    if Path(spec).suffix.lower() in FEED_SUFFIXES:
        raise SourceError(f"{raw.location}: an XML file that is no RSS or Atom feed")
    return [raw]


# A saved RSS or Atom feed ("feed.xml", "news.atom"): its root, after an XML declaration and comments.
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.I | re.S)


# Words of its own text that make a saved feed's entry an article to read (its link is never fetched).
SAVED_ENTRY_WORDS = 40


def _saved_feed(raw: RawSource) -> list[RawSource | FailedEntry]:
    """A feed saved as a file: its entries, each read from its own text. A link in it is not fetched (a file
    names no address to read): an entry with too little text of its own is skipped with that reason."""
    from briefer.read.fetch import Response, feed_sources

    def refuse(link: str) -> Response:
        raise SourceError(f"{link}: a link in a saved feed is not fetched, and the entry has too little text of its "
                          f"own (give the feed's URL to read its links)")

    return feed_sources(Response(url=raw.location, data=raw.data, content_type="application/xml"), refuse,
                        full_text_words=SAVED_ENTRY_WORDS)


def _policy(specs: Sequence[str | Path], settings: FetchSettings) -> Policy | None:
    """The run's address policy and deadline when it has URLs (the URLs named here are trusted as given)."""
    if not any(isinstance(spec, str) and is_url(spec) for spec in specs):
        return None
    from briefer.read.fetch import check_url, run_policy

    urls = []
    for spec in specs:
        if isinstance(spec, str) and is_url(spec):
            with contextlib.suppress(SourceError):  # an invalid URL is reported when it is fetched
                urls.append(check_url(spec))
    if not urls:
        return None

    return run_policy(urls, settings)


def read_sources(specs: Iterable[str | Path], limits: Limits, fetch: FetchSettings | None = None,
                 day: dt.date | None = None, *, one_story: bool = True) -> Corpus:
    """Read every source; the unusable ones are logged and listed with a FAILED finding and their reason.

    `day`: the brief's date (default today), the reference for datelines without a year; with `one_story` (a
    brief's sources, not a digest's), the year of the dates the other sources print comes first
    (`_settle_years`)."""
    settings = fetch or FetchSettings()
    sources: list[Source] = []
    findings: list[Finding] = []
    documents: list[Document] = []
    total = 0

    def skip(location: str, name: str, reason: str) -> None:
        reason = printable(reason)  # it names a file or URL, and goes to the terminal and the brief
        log.warning("skipped %s", reason)
        sources.append(Source(id=len(sources) + 1, name=name, location=location))
        findings.append(Finding(len(sources), SourceStatus.FAILED, reason, "read"))

    # Every source in order, as read (a RawSource) or as skipped (its location, name and reason); source k is
    # numbered k + 1, so each can be decoded and extracted apart from the others.
    entries: list[RawSource | tuple[str, str, str]] = []
    expanded = expand(specs)
    policy = _policy(expanded, settings)
    for spec in expanded:
        try:
            raws = _raw_sources(spec, limits, settings, policy)
        except SourceError as exc:
            entries.append((str(spec), Path(str(spec)).name or str(spec), str(exc)))
            continue
        for raw in raws:
            if not isinstance(raw, RawSource):  # a feed entry that could not be fetched
                entries.append((raw.location, raw.name, raw.reason))
                continue
            total += len(raw.data)
            if total > limits.max_total_bytes:
                entries.append((raw.location, raw.name, f"{raw.location}: over the total input limit of "
                                f"{limits.max_total_bytes / 1e6:.0f} MB (set limits.max_total_bytes)"))
                continue
            entries.append(raw)
    for entry, doc in zip(entries, _documents(entries, limits, day), strict=True):
        if isinstance(entry, tuple):
            skip(*entry)
        elif not isinstance(doc, Document):
            skip(entry.location, entry.name, doc or "")
        else:
            sources.append(doc.source)
            documents.append(doc)
    if one_story:
        documents = _settle_years(documents, day or dt.date.today())
        settled = {d.source.id: d.source for d in documents}
        sources = [settled.get(s.id, s) for s in sources]
    documents, paged = join_pages(documents)
    return Corpus(ledger=Ledger(tuple(sources), tuple(findings) + paged), documents=tuple(documents))


# A later page of a web article split over pages: its address is the first page's with "?page=2" (or "&page=2",
# "/page/2", "/2/"), as its own link or its canonical one.
_PAGE_URL = re.compile(r"^(?P<base>.+?)(?:[?&](?:page|p|pg)=(?P<n>\d{1,3})|/page/(?P<m>\d{1,3})/?)$")


def join_pages(documents: Sequence[Document]) -> tuple[list[Document], tuple[Finding, ...]]:
    """An article split over pages read as one: each later page's paragraphs follow its first page's (found by
    their addresses, `_PAGE_URL`), and the later page is listed as a DUPLICATE of it ("page 2 of source 2"). Pages
    whose first page is not among the sources stay as they are."""
    first: dict[str, int] = {}
    for k, doc in enumerate(documents):
        if doc.source.url and not _PAGE_URL.match(doc.source.url):
            first.setdefault(doc.source.url.rstrip("/"), k)
    later: dict[int, list[tuple[int, int]]] = {}  # first page's index -> [(page number, index)]
    for k, doc in enumerate(documents):
        m = _PAGE_URL.match(doc.source.url) if doc.source.url else None
        if m is None or (at := first.get(m["base"].rstrip("/"))) is None \
                or documents[at].source.outlet != doc.source.outlet:
            continue
        n = int(m["n"] or m["m"])
        if n >= 2:
            later.setdefault(at, []).append((n, k))
    if not later:
        return list(documents), ()
    joined = {k for pages in later.values() for _, k in pages}
    out, findings = [], []
    for k, doc in enumerate(documents):
        if k in joined:
            continue
        for n, j in sorted(later.get(k, ())):
            page = documents[j]
            speakers = (doc.speakers or ("",) * len(doc.paragraphs)) + (page.speakers or ("",) * len(page.paragraphs))
            doc = replace(doc, paragraphs=doc.paragraphs + page.paragraphs,
                          speakers=speakers if doc.speakers or page.speakers else ())
            findings.append(Finding(page.source.id, SourceStatus.DUPLICATE,
                                    f"page {n} of source {doc.source.id}, read as one article with it", "read"))
        out.append(doc)
    return out, tuple(sorted(findings, key=lambda f: f.source))


# Years apart that tell whether a source's date depends on the day it is read against (a dateline without a year).
_YEARS_APART = 3
_WEEK = 7
_HALF_YEAR = 182


def _settle_years(documents: list[Document], day: dt.date) -> list[Document]:
    """A dateline without a year ("SALTMERE, March 11 (CPA) -") read in the year of the dates the other sources
    print in full, when one does, rather than in the brief's: a wire copy beside papers of March 2024 is of March
    2024, whenever the brief is made."""
    def inferred(doc: Document) -> bool:
        published = doc.source.published
        if published is None or published_in_lines(doc.paragraphs, day) != published:
            return False  # dated by its page or feed, or by a line this cannot read again
        return published_in_lines(doc.paragraphs, day - dt.timedelta(days=366 * _YEARS_APART)) != published

    guessed = {doc.source.id for doc in documents if inferred(doc)}
    printed = [d.source.published for d in documents if d.source.id not in guessed and d.source.published]
    if not guessed or not printed:
        return documents
    # The latest such day on or before the anchor: the brief's date, or, when that is far from the sources (a brief
    # of 2026 on a story of 2024), half a year after the newest date they print; and never before the week after
    # that date (a wire copy of "Jan 2" beside a paper of 1 January is of the paper's year, whatever the clock says).
    newest = max(printed)
    anchor = min(newest + dt.timedelta(days=_HALF_YEAR), max(day, newest + dt.timedelta(days=_WEEK)))
    return [replace(doc, source=replace(doc.source, published=published_in_lines(doc.paragraphs, anchor)))
            if doc.source.id in guessed else doc for doc in documents]


def _convert(entries: Sequence[RawSource | tuple[str, str, str]], first: int, limits: Limits,
             day: dt.date | None) -> list[Document | str | None]:
    """Entries `first`, `first + 1`, ... as documents, or the reason a raw source is unusable (None: skipped)."""
    out: list[Document | str | None] = []
    for k, entry in enumerate(entries, start=first):
        if isinstance(entry, tuple):
            out.append(None)
            continue
        try:
            out.append(to_document(entry, k + 1, limits, day))
        except SourceError as exc:
            out.append(str(exc))
    return out


def _documents(entries: Sequence[RawSource | tuple[str, str, str]], limits: Limits,
               day: dt.date | None) -> list[Document | str | None]:
    """`_convert` of every entry; with many sources, the later part in a forked child (briefer.ahead): decoding,
    extracting and the language check are per source, and the documents come back as the same values."""
    from briefer.ahead import FORK_DOCUMENTS, Ahead

    if len(entries) < FORK_DOCUMENTS:
        return _convert(entries, 0, limits, day)
    # Split at half the bytes: the child's documents cost a pickling, and this process tokenises their
    # paragraphs again when it cleans them (its own are cached by the language check), so it takes no more.
    sizes = list(itertools.accumulate(len(e.data) if isinstance(e, RawSource) else 0 for e in entries))
    half = next((k for k, size in enumerate(sizes) if size >= sizes[-1] * READ_HERE_SHARE), len(entries))
    later = entries[half:]
    rest = Ahead(lambda: _convert(later, half, limits, day))
    return _convert(entries[:half], 0, limits, day) + rest.result()
