"""A person named in full at their first mention in the brief, by an editorial insertion in square brackets.

The brief's lines are verbatim sentences, so the first mention of a person is often a bare surname ("Blinken
said"). Reading the brief in order (bottom line, sections, key quotes, timeline, what comes next), the first
mention of each person of who's who (briefer.people's `Cast`) that is not their full name gets the rest of it
inserted, the convention for an editor's addition to quoted text: "[Antony] Blinken", "Xi [Jinping]". The
text itself stays verbatim; the insertions are kept beside it (`inserted`: offset, words), so every renderer
can place them and JSON keeps both.

Nothing is inserted when in doubt: a short name two people share is not in the cast's short names; a short name
that is an everyday word ("May", "Young") or that stands inside another capitalised name ("Bill Gates" for a
cast's "Bill") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from briefer.anchors import shown_sections
from briefer.model import Brief, Dated, Item, Quote
from briefer.people import EVERYDAY_ZIPF, FAMILY, PARTICLES, ROLE_NOUNS, SPEECH_AFTER, Cast
from briefer.text import STOP_WORDS, zipf

_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
# Words that may stand before a short name without making it another name: titles and nationalities.
_NATIONALITY = re.compile(r"(?:an|ese|ish|ian|ican|i)$")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "u.s.", "us", "then"})

_PARTICLES = "|".join(sorted(PARTICLES))  # "van", "der", "de" ...

Insertions = tuple[tuple[int, str], ...]


@cache
def _everyday(word: str) -> bool:
    return zipf(word.lower()) >= EVERYDAY_ZIPF


def _full_forms(name: str) -> re.Pattern[str]:
    """A full name as articles print it, initials, middle names and particles ("Pieter van der Berg") allowed between
    its first and last words."""
    parts = name.split()
    return re.compile(rf"\b{re.escape(parts[0])}(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|(?i:{_PARTICLES}))){{0,3}}?"
                      rf"\s+{re.escape(parts[-1])}\b")


def _harmless(word: str) -> bool:
    """A capitalised word that may stand beside a short name: a title, a role, a nationality, a stop word."""
    low = word.lower().rstrip(".")
    return (low in _TITLES or word.lower() in _TITLES or low in ROLE_NOUNS or low in STOP_WORDS
            or bool(_NATIONALITY.search(low)) or low in {"foreign", "state", "defense", "defence", "vice"})


def _alone(text: str, start: int, end: int) -> bool:
    """True when the short name at text[start:end] is not part of a longer capitalised name."""
    after = text[end:]
    if after.startswith(("-", "–")) or text[:start].endswith(("-", "–")):
        return False  # a compound ("a Biden-Xi meeting"): an insertion inside it would read "[Joe] Biden-Xi"
    if FAMILY.match(after) or text[:start].endswith(("the ", "The ")):
        return False  # a family, or a name used as a noun's modifier: "the Pryce family", "the Pryce era"
    if re.match(r"(?:['’]s)?\s+[A-Z]", after) and not re.match(r"(?:['’]s)?\s+(?:[A-Z]\.\s|I\b)", after):
        following = _CAPITALISED.match(after.lstrip("'’s ").lstrip())
        # (A role noun after it makes a place of it: "Carrick Head", "Tanner Point".)
        if following and (not _harmless(following.group()) or following.group().lower() in ROLE_NOUNS):
            return False
    before = text[:start].rstrip()
    if before.endswith("]"):
        return False  # the article's own editorial insertion: "[U.S. President Joe] Biden"
    if before.rfind("[") > before.rfind("]"):
        return False  # inside an insertion already made: "Her [Poppy Farrant’s] mother"
    words = before.split()
    return not (words and words[-1][:1].isupper() and not words[-1].endswith((".", ":", "“", "\""))
                and not _harmless(words[-1].strip("“\"(")))


def _brands(texts: Sequence[str], cast: Cast) -> frozenset[str]:
    """Short names the brief also prints as a business's possessive name ("Pennock's Bakery Group"): there a bare
    "Pennock's" ("Shares in Pennock's fell") is the business, not the person."""
    return frozenset(word for word in cast.short
                     if any(not _harmless(m.group(1)) for text in texts if f"{word}'" in text or f"{word}’" in text
                            for m in re.finditer(rf"\b{re.escape(word)}['’]s\s+([A-Z][\w'’-]*)", text)))


def _mentions(text: str, cast: Cast, brands: frozenset[str] = frozenset()) -> list[tuple[int, int, str, bool]]:
    """(start, end, full name, in full) of each mention of a cast member in `text`, in reading order; a short name
    in `brands` is no mention where it stands as a possessive."""
    found: list[tuple[int, int, str, bool]] = []
    for name in cast.everyone:
        if name.split()[-1] not in text:
            continue
        found += [(m.start(), m.end(), name, True) for m in _full_forms(name).finditer(text)]
    for word, name in cast.short.items():
        if word not in text or len(name.split()) < 2:
            continue
        everyday = _everyday(word)
        for m in re.finditer(rf"\b{re.escape(word)}\b", text):
            if any(s <= m.start() < e for s, e, _, _ in found):
                continue
            if everyday and not SPEECH_AFTER.match(text[m.end():]):
                continue  # "Grant held the seat" may be a grant; "Shaw told supporters" is the person
            if word in brands and text[m.end():m.end() + 2] in ("'s", "’s"):
                continue  # the business: "Shares in Pennock's fell" beside "Pennock's Bakery Group"
            found.append((m.start(), m.end(), name, False) if _alone(text, m.start(), m.end())
                         else (m.start(), m.end(), "", False))  # inside another name: no mention
    return sorted(found)


def _insertion(text: str, start: int, end: int, name: str) -> tuple[int, str] | None:
    """What to insert so the short name at text[start:end] reads as `name`: before a last name, after a first."""
    parts = name.split()
    word = text[start:end]
    if word == parts[-1]:
        return start, f"[{' '.join(parts[:-1])}] "
    if word == parts[0]:
        rest = " ".join(parts[1:])
        if text[end:].lstrip().lower().startswith(rest.lower()):
            return None  # the rest is there already, written otherwise ("Bergtochten Van der Berg")
        return end, f" [{rest}]"
    return None


def introduce(texts: Sequence[tuple[str, Sequence[str]]], cast: Cast) -> list[Insertions]:
    """For each (text, names printed in full after it, such as a quote's speaker), in reading order: the
    insertions that name each cast member in full at their first mention."""
    named: set[str] = set()
    out: list[Insertions] = []
    brands = _brands([text for text, _ in texts], cast)
    for text, after in texts:
        inserted: list[tuple[int, str]] = []
        for start, end, name, full in _mentions(text, cast, brands):
            if not name or name in named:
                continue
            named.add(name)
            if not full and (placed := _insertion(text, start, end, name)) is not None:
                inserted.append(placed)
        named.update(n for n in after if n)
        out.append(tuple(inserted))
    return out


def name_in_full(brief: Brief, cast: Cast) -> Brief:
    """The brief with each person's full name inserted at their first mention (see the module docstring)."""
    head = [brief.bottom_line] if brief.bottom_line else []
    body = [i for s in shown_sections(brief.bottom_line, brief.sections) for i in s.items
            if brief.bottom_line is None or i.text != brief.bottom_line.text]
    parts: list[Item | Quote | Dated] = [*head, *body, *brief.quotes, *brief.timeline, *brief.next]
    found = iter(introduce([(p.text, (p.speaker,) if isinstance(p, Quote) else ()) for p in parts], cast))
    # An item's insertions by its text: a section keeps its item when the bottom line is that item (shown once).
    by_text = {i.text: ins for i, ins in zip([*head, *body], found, strict=False) if ins}  # found goes on

    def item(i: Item) -> Item:
        return replace(i, inserted=by_text[i.text]) if i.text in by_text else i

    quotes = tuple(replace(q, inserted=next(found)) for q in brief.quotes)
    timeline = tuple(replace(d, inserted=next(found)) for d in brief.timeline)
    after = tuple(replace(d, inserted=next(found)) for d in brief.next)
    return replace(brief, bottom_line=item(brief.bottom_line) if brief.bottom_line else None,
                   sections=tuple(replace(s, items=tuple(item(i) for i in s.items)) for s in brief.sections),
                   quotes=quotes, timeline=timeline, next=after)
