"""The frozen records that flow between the pipeline's stages.

sources -> RawSource -> Document -> Sentence -> (scores, selection) -> Item/Section -> Brief.
No stage mutates what an earlier stage produced. Every source lives once, in the `Ledger`: read makes
its `Source`; a later stage that finds something wrong with it returns a `Finding`, gathered in the
ledger, whose `listed()` is the brief's source list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum


class SourceStatus(StrEnum):
    """What became of a source; the brief lists it with its reason."""

    OK = "ok"  # read and used
    FAILED = "failed"  # unreadable, unusable or no article text: skipped
    KNOWN = "known"  # daily: the same article was briefed on an earlier date: skipped
    SPUN = "spun"  # a machine-paraphrased copy: corroborates facts, never quoted
    OPINION = "opinion"  # an editorial, column or comment piece: corroborates facts, never quoted
    DUPLICATE = "duplicate"  # the same text as another source: credited with it
    OFF_TOPIC = "off-topic"  # another story than the other sources tell: skipped
    LATER = "later"  # published after the brief's date: not yet news that day, skipped

    @property
    def skipped(self) -> bool:
        """True when none of the source's text is in the brief."""
        return self in (SourceStatus.FAILED, SourceStatus.KNOWN, SourceStatus.OFF_TOPIC, SourceStatus.LATER)


@dataclass(frozen=True, slots=True)
class RawSource:
    """Bytes as read from a file or fetched from a URL, before decoding and extraction."""

    location: str  # file path or URL
    name: str  # short display name
    data: bytes
    content_type: str = ""  # e.g. "text/html" when known from HTTP or the file's suffix
    published: dt.date | None = None
    stamp: dt.datetime | None = None  # the time a feed gives its entry (see `Source.stamp`)
    title: str = ""  # a title known from outside the text (feed entry, <title>)
    outlet: str = ""  # a publisher known from outside the text (the feed's title)


@dataclass(frozen=True, slots=True)
class Source:
    """One input as listed in the brief's source list."""

    id: int  # 1-based, in input order; items cite sources by this number
    name: str
    location: str
    title: str = ""
    status: SourceStatus = SourceStatus.OK  # set only by `Ledger.listed`
    warning: str = ""  # why it was skipped, or a note on a usable source
    published: dt.date | None = None
    # When the page was last saved, to the minute (its head's modified or published time, a feed entry's time), in
    # UTC when it gives a zone: orders the pages of one day ("UPDATE 13:00" before "UPDATE 18:00"), see `newer`.
    stamp: dt.datetime | None = None
    digest: str = ""  # sha256 of the decoded text, for "seen before" checks
    outlet: str = ""  # who published it: og:site_name, a title suffix, a feed title, "(AP)", "Source: ..." lines
    url: str = ""  # where a reader can check it (the URL fetched, or the page's canonical URL)

    @property
    def skipped(self) -> bool:
        """True when none of the source's text is in the brief."""
        return self.status.skipped


def newer(a: Source, b: Source) -> bool:
    """Whether source `a` is newer than source `b`: published on a later day, or on the same day at a later time
    when both give one (a breaking-news page saved at 09:00, 13:00 and 18:00). Undated: neither is newer."""
    if a.published is None or b.published is None or a.published != b.published:
        return a.published is not None and b.published is not None and a.published > b.published
    return a.stamp is not None and b.stamp is not None and a.stamp > b.stamp


@dataclass(frozen=True, slots=True)
class Finding:
    """What a stage found about one source: its status from now on, and why."""

    source: int  # Source.id
    status: SourceStatus
    reason: str
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Ledger:
    """Every source in input order, as read, and what the stages found about them."""

    sources: tuple[Source, ...] = ()
    findings: tuple[Finding, ...] = ()

    def add(self, findings: Iterable[Finding]) -> Ledger:
        """This ledger with more findings (a source keeps the first one found)."""
        return Ledger(self.sources, self.findings + tuple(findings))

    def finding(self, source_id: int) -> Finding | None:
        """The first finding about a source, None when nothing was found wrong."""
        return next((f for f in self.findings if f.source == source_id), None)

    def listed(self, titles: Mapping[int, str] | None = None) -> tuple[Source, ...]:
        """The brief's source list: each source with its status, reason and title (`titles` by id)."""
        first: dict[int, Finding] = {}
        for f in self.findings:
            first.setdefault(f.source, f)
        titles = titles or {}
        out = []
        for source in self.sources:
            found = first.get(source.id)
            title = titles.get(source.id) or source.title
            # (An article published after the brief's date keeps its headline to itself: it tells that later news.)
            if found is not None and found.status is SourceStatus.LATER:
                title = ""
            out.append(replace(source, title=title) if found is None else
                       replace(source, title=title, status=found.status, warning=found.reason))
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Document:
    """A usable source's text, as paragraphs, and its headline (read's title, or the one briefer.clean found)."""

    source: Source  # the same record as in the ledger, never rewritten
    paragraphs: tuple[str, ...]
    title: str = ""
    # A transcript's speaker of each paragraph, by its label ("EVA STRAND: ..." -> "Eva Strand"); "" for none.
    speakers: tuple[str, ...] = ()
    opinion: bool = False  # an editorial, column or comment piece (its title or a label says so)
    # Editor's notes that put a quotation's speaker right ("... amended to make clear that the remarks about heating
    # two half-empty buildings ... were made by Cllr Owen Pritchard, not ... Linda Carrow"): kept by the cleaner,
    # which drops them from the text, for the key quotes (`briefer.quotes.amended`).
    amends: tuple[str, ...] = ()
    # A live page's or an updated article's time of each paragraph, in minutes from the page day's midnight (an
    # entry stamped "Yesterday 23:50" is -10; a text an "Update, 4.10pm:" paragraph sits above is older than any
    # stamp), or None; empty when the page stamps none (`briefer.clean`).
    clocks: tuple[int | None, ...] = ()
    # Whose each paragraph's quotation is, when a heading over it names them ("What Aukland said" over '"When I saw
    # him go down ..."'), or ""; empty when none is (`briefer.clean`, for the key quotes).
    heard: tuple[str, ...] = ()


# An older text's entry time, below every entry a time is given for (`Document.clocks`).
BEFORE_UPDATES = -10 ** 6


def saved_again(a: Document, b: Document) -> bool:
    """Whether `a` is `b`'s page saved again later the same day with news added (a live page at 18:00 after its
    09:00 version): one outlet, a later time, and at least half of `b`'s paragraphs still in it. Its headline and lead
    stand where the outlet left the story; another article of the day, even the outlet's own, is news of its own."""
    if not (a.source.outlet and a.source.outlet == b.source.outlet and a.source.published == b.source.published
            and newer(a.source, b.source)):
        return False
    kept = set(a.paragraphs)
    return 2 * sum(p in kept for p in b.paragraphs) >= len(b.paragraphs)


def saved_again_later(documents: Sequence[Document]) -> frozenset[int]:
    """The documents that a later page of the same outlet and day saves again (`saved_again`), by index; only pages
    of one outlet and day are compared, so a thousand articles are not a million pairs."""
    by_day: dict[tuple[str, dt.date | None], list[int]] = {}
    for k, d in enumerate(documents):
        if d.source.outlet:
            by_day.setdefault((d.source.outlet, d.source.published), []).append(k)
    return frozenset(k for group in by_day.values() if len(group) > 1 for k in group
                     if any(saved_again(documents[e], documents[k]) for e in group))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one document, with where it stood."""

    doc: int  # index into the list of documents
    paragraph: int
    position: int  # index of the sentence within its document
    text: str


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic section of the brief: its heading and what it is about."""

    name: str
    keywords: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class Differ:
    """A count an item gives that other sources give differently (briefer.differ): their figure as printed and the
    sentence that gives it."""

    sources: tuple[int, ...]
    says: str  # "€0.30 a share", "more than 2,000 signatures"
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    """One fact in the brief: a sentence and every source that carries it."""

    text: str
    sources: tuple[int, ...]
    score: float
    why: tuple[str, ...] = ()  # the reasons it was chosen (outlets, centrality, novelty, topic match)
    kind: str = "report"  # report, expected (a preview or plan) or background (briefer.temporal)
    date: str | None = None  # ISO date (or month, year) of what it tells, else its source's date, when known
    # Editorial insertions (offset in `text`, what is inserted there), e.g. (0, "[Antony] "): a person's full
    # name at their first mention in the brief (briefer.names); `text` itself stays verbatim.
    inserted: tuple[tuple[int, str], ...] = ()
    differs: tuple[Differ, ...] = ()  # other sources' figures for a count it gives (briefer.differ)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the story names: full name, role as the articles state it, and the sources that name them."""

    name: str
    role: str
    sources: tuple[int, ...]
    why: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, verbatim, with its speaker's full name ("" when no article names one)."""

    text: str
    speaker: str
    sources: tuple[int, ...]
    why: tuple[str, ...] = ()
    context: str = ""  # the speaker's role, or how the article introduces an unnamed speaker
    body: bool = False  # no person speaks: `context` names the organisation that does ("the State Department")
    inserted: tuple[tuple[int, str], ...] = ()  # editorial insertions into `text` (see `Item.inserted`)


@dataclass(frozen=True, slots=True)
class Dated:
    """A dated event (timeline) or an expected one (what comes next); `date` is ISO: day, month or year.

    A timeline row whose fact the brief prints above it is a pointer: `text` is empty and `ref` is the anchor of
    the item that prints it (`briefer.anchors`), so the timeline tells the sequence without printing a fact twice."""

    text: str
    date: str
    sources: tuple[int, ...]
    why: tuple[str, ...] = ()
    ref: str = ""
    inserted: tuple[tuple[int, str], ...] = ()  # editorial insertions into `text` (see `Item.inserted`)
    # A pointer row's opening words of the item it points to, verbatim, cut at a clause end ("Cranes stood still at
    # the Port of Velmar on Thursday …"): what happened, in a word or two, without printing the fact twice.
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its items; `note` says why a section is empty."""

    heading: str
    items: tuple[Item, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Brief:
    """The finished brief, ready for any renderer."""

    title: str
    date: dt.date
    generated_at: dt.datetime
    sources: tuple[Source, ...]
    sections: tuple[Section, ...]
    version: str
    notes: tuple[str, ...] = field(default=())  # e.g. "Nothing new since the last brief."
    bottom_line: Item | None = None  # the one sentence that best sums the story
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[Dated, ...] = ()
    next: tuple[Dated, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item of every section, in order."""
        return tuple(item for section in self.sections for item in section.items)
