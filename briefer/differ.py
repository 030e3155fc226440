"""Counts the sources give differently: the brief says so, and gives the count once.

Outlets disagree on a count ("monitored 2,300 pupils" / "followed 3,200 pupils"; "will go up to €0.30 a share" /
"a dividend of 0.35 euros per share"); printed as two facts, or as one with the other left out, the brief would pass
one outlet's figure off as settled. After selection (the pipeline's "differ" stage, before the once stage), each
printed item that gives a count of a thing is compared with the other articles' counts of that thing:

- an article's count of a thing is read only when it gives one count of it (within rounding) in all its
  sentences: "six skiers buried, four pulled out alive, two missing" is three counts of skiers, not a disagreement;
  a part or a whole ("the other eight lifts", "all 18,000 ticket holders"), a tally ("two judges to one") and a sum
  per thing against a count of things ("90 euros per passenger") are never held against a count;
- the other article's sentence must share a word with the item next to either count (not a name, a unit, a thing
  counted or a word of the whole story), or another count: "40 homes lost power" is no other count of "12 homes were
  evacuated", nor "14 bronze plaques" this week of "more than 20 Benin Bronzes ... in December 2022";
- a larger count in a later article is the count grown, not a disagreement (three houses destroyed on Monday, four
  by Wednesday), and so is a smaller one told as fallen ("still at anchor ..., down from 21"); forecasts and
  estimates are no counts (`measures.counts`).

The item then carries `differs` (each other figure, as its article prints it, with its sources), which every
format renders beside it, and is credited to every article that gives its count of the thing. When two printed
items give the two counts and neither tells anything else, the one more sources give stays (the earlier printed on a
tie, and always the bottom line's), and the other becomes its note; when either tells more, both stay, each with its
note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefer.facts import figures_of, profile, residue
from briefer.lexicon import lemma_stems, synonyms
from briefer.measures import Count, counts
from briefer.model import Differ, Document, Item, Section, Sentence
from briefer.supersede import TALLY, parts_of_wholes
from briefer.temporal import MONTHS, WEEKDAYS, event_day
from briefer.text import content_stems, one_of, stem

# Counts this close are one count rounded ("about 300" / "296").
ROUNDING = 0.1
# Counts further apart than this factor are of two things, however alike their sentences: outlets that disagree
# give counts of one size (vets' "five dogs" / "twelve dogs", 2.4; "760 million litres" of demand / "160 million
# litres a day" lost to leaks, 4.75).
SIZE_RANGE = 3.0
# A sentence with no more content words than this besides the things it counts tells its count and little else.
COUNT_ONLY_WORDS = 4
# Share of the shorter sentence's content words the other must hold (overlap coefficient): on our stories the
# counts told differently share 0.40-0.67 of their words (the school study's two sample sizes, 0.25, share a second
# count instead), counts of other things in DUC 2004's d30022t 0.11-0.30.
SAME_THING_OVERLAP = 0.35
# A word in this share of a story's sentences is the story's own: no sign that two counts are of one thing.
STORY_WORD_SHARE = 0.15
STORY_WORD_MIN = 3  # ... and in at least this many (in a short story two sentences are no share of it)
# How far from a count a shared word shows the two counts are of one thing (words either side).
NEAR_WORDS = 4
_CAPITALISED = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+")
_FIGURE = re.compile(r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                     r"hundred|thousand)\b", re.I)


def _same(x: float, y: float) -> bool:
    return abs(x - y) <= ROUNDING * max(abs(x), abs(y))


def _words(text: str) -> set[str]:
    """Content stems of `text`, figures and capitalised names aside."""
    names = {stem(w.lower()) for w in _CAPITALISED.findall(text)}
    return {w for w in content_stems(text) if not w[:1].isdecimal()} - names


@dataclass(frozen=True, slots=True)
class _Told:
    """One article's one count of a thing: its value, its words and the sentence that gives it."""

    source: int
    published: dt.date | None
    count: Count
    text: str


def _story_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """The story's own words: content stems in at least `STORY_WORD_SHARE` of its sentences (and
    `STORY_WORD_MIN`)."""
    seen = Counter(w for s in sentences for w in set(content_stems(s.text)))
    return frozenset(w for w, n in seen.items() if n >= max(STORY_WORD_MIN, STORY_WORD_SHARE * len(sentences)))


def _single_counts(documents: Sequence[Document], sentences: Sequence[Sentence]) -> dict[str, list[_Told]]:
    """For each thing, the articles that give exactly one count of it (within rounding), with that count."""
    by_doc: dict[tuple[int, str], list[tuple[Count, str]]] = {}
    for s in sentences:
        for c in counts(s.text):
            by_doc.setdefault((s.doc, c.thing), []).append((c, s.text))
    out: dict[str, list[_Told]] = {}
    for (doc, thing), told in by_doc.items():
        first = told[0][0]
        if all(_same(c.value, first.value) for c, _ in told):
            source = documents[doc].source
            out.setdefault(thing, []).append(_Told(source.id, source.published, first, told[0][1]))
    return out


def _grown(mine: _Told | None, other: _Told, value: float) -> bool:
    """Whether `other` is the count grown since the item's article (a later article, a larger count, told as a
    running count: `_RUNNING`), or the item's count grown since `other`'s."""
    if mine is None or mine.published is None or other.published is None or mine.published == other.published:
        return False
    if other.published > mine.published:
        later, earlier, grew = other, mine, other.count.value > value
    else:
        later, earlier, grew = mine, other, value > other.count.value
    # (... or the later count is of a later day than the earlier article's: "47 ships were at anchor on Wednesday
    # night" / Monday's "By midday, 23 container ships were waiting".)
    assert later.published is not None and earlier.published is not None
    if grew and (day := event_day(later.text, later.published)) is not None and day > earlier.published:
        return True
    # (... or, the item being the later count, the earlier was told as a running one, a snapshot the item's larger
    # count overtakes: "has now passed 2,600 signatures" / "handed in their petition, with 3,412 signatures"; an
    # item that is the earlier count keeps its note, which tells the reader the newer figure.)
    if not grew and _SHRUNK.search(_window(later.text, later.count)) is not None:
        # (... or fallen since, and told so: "Thirteen container ships are still at anchor ..., down from 21")
        return True
    return grew and (_RUNNING.search(_window(later.text, later.count)) is not None
                     or (later is mine and _RUNNING.search(_window(earlier.text, earlier.count)) is not None)
                     or _WIDENED.search(later.text) is not None or TALLY.search(later.text) is not None)


# What a later, smaller count says next to it when it has fallen since: "are still at anchor ..., down from 21".
_SHRUNK = re.compile(r"\b(?:down from|fallen|fell|dropped|dwindled|shrunk|shrank|still|now|remain|remaining)\b", re.I)


# A later count of something made larger in the meantime: "Police widened the cordon ... to 300 meters on Wednesday,
# and about 120 homes were evacuated" (40 homes inside Tuesday's 200-metre cordon).
_WIDENED = re.compile(r"\b(?:widened|extended|expanded|enlarged|broadened)\b", re.I)


def _beside(before: Sequence[str], after: Sequence[str], *, cut: bool = True) -> tuple[list[str], list[str]]:
    """The `NEAR_WORDS` words on each side of a figure, from the words before and after it; with `cut`, up to
    another figure ("41 flights were cancelled and 17 were diverted": "diverted" is the 17's)."""
    near_before, near_after = list(before[-NEAR_WORDS:]), list(after[:NEAR_WORDS])
    if cut:
        near_before = near_before[max((k + 1 for k, w in enumerate(near_before) if _FIGURE.match(w)), default=0):]
        near_after = near_after[:next((k for k, w in enumerate(near_after) if _FIGURE.match(w)), len(near_after))]
    return near_before, near_after


def _window(text: str, count: Count) -> str:
    """The count's words with `NEAR_WORDS` words either side ("have now claimed", "in all and destroyed four")."""
    at = text.find(count.words)
    if at < 0:
        return ""
    before, after = _beside(text[:at].split(), text[at + len(count.words):].split(), cut=False)
    return " ".join([*before, count.words, *after])


# What a running count's later report says next to it ("have now claimed", "in all", "has risen to"): without it, a
# larger count in a later article is another outlet's count of the same moment ("About 60 dockers were on the quay when
# the crane fell" / "About 40 dockers were working at the berth when the crane came down").
_RUNNING = re.compile(r"\b(?:" + one_of(("now", "so far", "in all", "in total", "total", "risen", "rose", "climbed",
                                           "grown", "increased", "reached", "passed", "latest", "more than", "since",
                                           "still", "down from", "up from")) + r")\b", re.I)


def _near(text: str, count: Count) -> set[str]:
    """Content stems within `NEAR_WORDS` words of the count in `text` (either side, up to another figure), names
    aside."""
    at = text.find(count.words)
    if at < 0:
        return set()
    before, after = _beside(text[:at].split(), text[at + len(count.words):].split())
    return _words(" ".join(before + after))


# A verb right after a count ("dissidents arrested", "dogs have now fallen ill"): what is told of the things counted.
_DONE = re.compile(r",?\s+(?:(?:who|that|which|have|has|had|were|was|are|is|been|being|now|all|also)\s+){0,3}"
                   r"([a-z]+(?:ed|en)|fell|died|won|lost|left|fled|made|took|went|came|ran|stood|sat|met|fought|signed|"
                   r"held|hit|cut|hurt|spent|said|say|says|told)\b", re.I)


def _done_to(text: str, count: Count) -> str:
    """The lemma stem of the verb right after the count in `text` (`_DONE`), or ""."""
    at = text.find(count.words)
    m = _DONE.match(text, at + len(count.words)) if at >= 0 else None
    return lemma_stems([m.group(1).lower()])[0] if m else ""


def _others_words(text: str, count: Count) -> set[str]:
    """The words next to the figures of `text` other than `count`'s (`_near` of each)."""
    tokens = text.split()
    at = len(text[: max(text.find(count.words), 0)].split())
    out: set[str] = set()
    for k, token in enumerate(tokens):
        if _FIGURE.match(token) and not at <= k < at + len(count.words.split()):
            before, after = _beside(tokens[:k], tokens[k + 1:])
            out |= _words(" ".join(before + after))
    return out


# The places a sentence sets its count in: "In Ashcombe, about 4,200 homes ...", "14 in Thornwick".
_PLACE_IN = re.compile(r"\b(?i:in|at|across|around|near) ((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)\b")


def _places(text: str) -> frozenset[str]:
    """The capitalised names after "in", "at" ... in `text`, not the names of days and months."""
    return frozenset(m.group(1) for m in _PLACE_IN.finditer(text)
                     if m.group(1).split()[0].lower() not in _NOT_PLACES)


_NOT_PLACES = frozenset((*WEEKDAYS, *MONTHS, "the", "a", "an", "total", "all", "least"))


def _of_one_thing(item: str, c: Count, other: str, theirs: Count, common: frozenset[str] = frozenset()) -> bool:
    """Whether two counts of a thing are of the same thing told: a word they share (not a name, a unit, nor a
    thing either counts) stands next to one of the counts ("a dividend of 0.35 euros per share" / "The dividend
    ... will go up to €0.30 a share"), or the sentences share another count ("2,300 pupils in 14 schools" /
    "3,200 pupils ... at 14 secondary schools"). "Five dogs have fallen ill" and "the two dogs that died" share
    only "vet", far from either count. `common`: the story's own words ("avalanche", "lift"), which every count of
    it stands near."""
    if c.rate != theirs.rate or residue(profile(item), profile(other)).time:
        return False  # a sum per thing is no count of things; two times apart are two counts ("in December 2022")
    mine_at, theirs_at = _places(item), _places(other)
    if mine_at and theirs_at and mine_at.isdisjoint(theirs_at):
        return False  # counts of two places: "31 fallen trees" in Ashcombe, "14 fallen trees in the town" Thornwick
    done, theirs_done = _done_to(item, c), _done_to(other, theirs)
    if done and theirs_done and not synonyms(done, theirs_done):
        return False  # "two prominent dissidents arrested" / "Almost 200 dissidents signed a letter"
    if any(x.thing == y.thing and _same(x.value, y.value) and x.thing != c.thing
           for x in counts(item) for y in counts(other)):
        return True
    # Otherwise most of the shorter sentence's words in the other ("Almost 200 dissidents signed a letter" shares
    # one word with "In an open letter, three dissidents said ..."), and a shared word next to one count, not another
    # figure's in the other sentence ("41 flights were cancelled and 17 were diverted" / "Three arriving flights
    # have been diverted": "diverted" is the 17's).
    mine, yours = set(content_stems(item)) - {""}, set(content_stems(other)) - {""}
    if len(mine & yours) < SAME_THING_OVERLAP * min(len(mine), len(yours)):
        return False
    things = {x.thing for x in (*counts(item), *counts(other))}
    shared = (_words(item) & _words(other)) - things - common
    return bool((shared & _near(item, c)) - _others_words(other, theirs)
                or (shared & _near(other, theirs)) - _others_words(item, c))


def _near_in_size(x: float, y: float) -> bool:
    return x > 0 and y > 0 and 1 / SIZE_RANGE <= x / y <= SIZE_RANGE


def _others(item: Item, told: dict[str, list[_Told]], common: frozenset[str],
            published: dict[int, dt.date | None]) -> tuple[list[_Told], list[_Told], Count | None]:
    """(the articles that give the item's count, those that give the thing another count, the item's count)."""
    figures = figures_of(item.text)
    for c in counts(item.text):
        group = told.get(c.thing, [])
        agree = [t for t in group if _same(t.count.value, c.value)]
        # (The item's own article, read as giving this count when it gives others of the thing besides: "146
        # passengers and 19 crew" beside "2,140 passengers and 860 crew on board".)
        own = next((t for t in agree if t.source in item.sources), None) or \
            (_Told(item.sources[0], published.get(item.sources[0]), c, item.text) if item.sources else None)
        # (Not a figure the item gives too: "four of its nine branch libraries" gives the "four branch libraries".)
        # (Counts more than `SIZE_RANGE` apart are of two things: "around 760 million litres" of demand on a
        # normal day / "about 160 million litres a day through leaks".)
        differ = [t for t in group if not _same(t.count.value, c.value) and t.source not in item.sources
                  and _near_in_size(t.count.value, c.value)
                  and not any(_same(t.count.value, x) for x in figures)
                  and not any(_same(c.value, x) for x in figures_of(t.text))
                  and _of_one_thing(item.text, c, t.text, t.count, common) and not _grown(own, t, c.value)]
        if differ:
            return agree, differ, c
    return [], [], None


def _whole_of_part(text: str, count: Count) -> bool:
    """Whether `count` is the whole a part is counted against ("Eight of Ferrisford's nine pharmacies"): another
    article with the same whole ("Five of the town's nine pharmacies") does not state the part."""
    return any(whole is not None and _same(whole, count.value) for whole, _ in parts_of_wholes(text))


def _count_only(text: str, other: str) -> bool:
    """Whether `text` tells nothing but the count `other` tells differently: at most `COUNT_ONLY_WORDS` content
    words of its own besides the things counted, or half of them in `other` ("A petition against the sale has
    gathered more than 2,000 signatures" / "... has passed 3,000 signatures"; not the barns' lead, "A hay barn at
    Coldharbour Farm ... was destroyed by fire overnight, along with about 300 bales", which tells the fire)."""
    mine = _words(text) - {c.thing for c in counts(text)}
    return len(mine) <= COUNT_ONLY_WORDS or len(mine & _words(other)) >= 0.5 * len(mine)


def _notes(differ: Sequence[_Told]) -> tuple[Differ, ...]:
    """The other figures, one note per figure (rounding aside), with every source that gives it."""
    notes: list[tuple[float, Differ]] = []
    for t in sorted(differ, key=lambda t: t.source):
        at = next((k for k, (value, _) in enumerate(notes) if _same(value, t.count.value)), None)
        if at is None:
            # (All the words of the thing: "52 mobile generators", not "52 mobile"; but "3,200 pupils", not "3,200
            # pupils aged".)
            says = t.count.words if t.count.words.endswith("s") else max(
                (c.words for c in counts(t.text) if c.words.startswith(t.count.words)), key=len, default=t.count.words)
            if t.text.startswith(says):  # "Twelve dogs have fallen ill": "twelve dogs", out of its sentence
                says = says[:1].lower() + says[1:]
            notes.append((t.count.value, Differ((t.source,), says, t.text)))
        else:
            value, note = notes[at]
            notes[at] = (value, replace(note, sources=tuple(sorted({*note.sources, t.source}))))
    return tuple(note for _, note in notes)


def differing(documents: Sequence[Document], sentences: Sequence[Sentence], sections: Sequence[Section],
              bottom: Item | None) -> tuple[tuple[Section, ...], Item | None]:
    """The sections and bottom line with each differing count noted, and each count printed once (see the module
    docstring)."""
    told = _single_counts(documents, sentences)
    if not told:
        return tuple(sections), bottom
    common = _story_words(sentences)
    published = {d.source.id: d.source.published for d in documents}
    items = [item for section in sections for item in section.items]
    # A smaller count that a later article tells grown to the item's, anywhere in it, is no disagreement: "two more
    # dead birds were found, taking the total to six" after Sunday's "Four red kites have been found dead".
    running = [(documents[s.doc].source.published, figures_of(s.text)) for s in sentences if _RUNNING.search(s.text)]

    def grown_since(t: _Told, value: float) -> bool:
        return t.published is not None and value > t.count.value and any(
            day is not None and day > t.published and any(_same(v, value) for v in figures) for day, figures in running)

    dropped: set[str] = set()
    noted: dict[str, Item] = {}
    for item in items:
        if item.text in dropped or item.text in noted:
            continue
        agree, differ, count = _others(item, told, common, published)
        if count is None:
            continue
        differ = [t for t in differ if not grown_since(t, count.value)]
        if not differ:
            continue
        # Another printed item that gives a differing count of the thing: one of the two is printed.
        rival = next((other for other in items if other.text != item.text and other.text not in dropped
                      and any(c.thing == count.thing and not _same(c.value, count.value) for c in counts(other.text))
                      and any(t.text == other.text for t in differ)), None)
        keep = item
        if rival is not None and _count_only(rival.text, item.text) and _count_only(item.text, rival.text):
            theirs = {t.source for t in differ if any(_same(t.count.value, c.value) for c in counts(rival.text)
                                                      if c.thing == count.thing)}
            ours = {t.source for t in agree} | set(item.sources)
            if len(theirs | set(rival.sources)) > len(ours) and (bottom is None or item.text != bottom.text):
                keep, rival = rival, item
            dropped.add(rival.text)
            agree, differ, count = _others(keep, told, common, published)
            differ = [t for t in differ if count is None or not grown_since(t, count.value)]
        if count is not None and differ:
            # The articles that give the same count of the same thing state it too: credited.
            also = {t.source for t in agree if _of_one_thing(keep.text, count, t.text, t.count, common)
                    and not _whole_of_part(keep.text, count)}
            noted[keep.text] = replace(keep, differs=_notes(differ), sources=tuple(sorted({*keep.sources, *also})))
    if not noted and not dropped:
        return tuple(sections), bottom
    out = tuple(replace(section, items=tuple(noted.get(i.text, i) for i in section.items if i.text not in dropped))
                for section in sections)
    if bottom is not None:
        bottom = noted.get(bottom.text, bottom)
    return out, bottom
