"""The frozen records that flow between the pipeline's stages.

sources -> RawSource -> Document -> Sentence -> (scores, selection) -> Item/Section -> Brief.
No stage mutates what an earlier stage produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SourceStatus = Literal["ok", "skipped"]


@dataclass(frozen=True, slots=True)
class RawSource:
    """Bytes as read from a file or fetched from a URL, before decoding and extraction."""

    location: str  # file path or URL
    name: str  # short display name
    data: bytes
    content_type: str = ""  # e.g. "text/html" when known from HTTP or the file's suffix
    published: dt.date | None = None
    title: str = ""  # a title known from outside the text (feed entry, <title>)


@dataclass(frozen=True, slots=True)
class Source:
    """One input as listed in the brief's source list."""

    id: int  # 1-based, in input order; items cite sources by this number
    name: str
    location: str
    title: str = ""
    status: SourceStatus = "ok"
    warning: str = ""  # why it was skipped, or a note on a usable source
    published: dt.date | None = None
    digest: str = ""  # sha256 of the decoded text, for "seen before" checks


@dataclass(frozen=True, slots=True)
class Document:
    """A usable source's cleaned text, as paragraphs."""

    source: Source
    paragraphs: tuple[str, ...]


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
class Item:
    """One fact in the brief: a sentence and every source that carries it."""

    text: str
    sources: tuple[int, ...]
    score: float


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

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item of every section, in order."""
        return tuple(item for section in self.sections for item in section.items)
