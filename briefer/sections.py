"""Selection, in one place: facts chosen for each section under its budget, quoted once, truly credited, ordered.

1. budgets and order: the bottom line, then the overview (at most `overview_share` of the words), picked
   first from the key facts (`_key_pool`: leads, facts several independent outlets state, outcomes; each
   candidate weighed by `Picker._key_weights`); each topic an equal share of what the overview leaves (a
   discovered issue left with one item a second, `_second_item`); "Other developments" what is left; words still
   left go back to the topics;
2. a ranker (briefer.rank) proposes sentences; each stands for its fact (briefer.facts), and a fact
   already in the brief is never chosen again, in any section; nor is a near-copy (TF-IDF cosine
   >= 0.5) of a sentence already shown, or a sentence contained in it or containing it (CONTAINED), which
   would read as the same news twice;
3. each chosen fact is quoted in its best quotable version and credited to exactly the sources that
   state it: once one of its sentences reports the event, previews of it ("will meet") are dropped
   and never credited; a preview a later report overtakes (`supersedes`: lemmas of the previewed event)
   or whose day has passed (`temporal.overdue`) is not shown; a sentence that refers back to a noun just
   introduced (`candidates.refers_back`) is quoted with the sentence before it or not at all; a fact that
   is only reported by copies we may not quote is left out;
4. each section's items are ordered by source chronology and position.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from briefer.ahead import FORK_SENTENCES, in_child
from briefer.candidates import (
    FIRST_THOUGHT,
    NOW_THOUGHT,
    OUTCOME_WEIGHT,
    PARAPHRASE_MAX_DOCUMENTS,
    agreed_terms,
    decides,
    leans_back,
    refers_back,
    unquoted,
    weight,
)
from briefer.config import BriefOptions
from briefer.dedupe import SAME_FACT
from briefer.discover import is_list, is_live, reports
from briefer.facts import MEASURES, Facts, figures_of, labels_of, opposite, profile, reads_as, residue, tallies
from briefer.lexicon import lemma_stems, synonyms
from briefer.measures import CREDIT_WORDS, counts, counts_differ, measures, same_measure, sums
from briefer.model import (
    BEFORE_UPDATES,
    Document,
    Item,
    Section,
    Sentence,
    Source,
    SourceStatus,
    Topic,
    newer,
    saved_again_later,
)
from briefer.rank import Selector, get_selector
from briefer.supersede import (
    ALL_OF,
    CAPITALISED,
    CAUSE_UNKNOWN,
    COPULA,
    DURATION,
    NEWEST_COUNT,
    PASSIVE_EVENT,
    RECOVERED,
    RUNNING_COUNT,
    SUPERSEDE_COSINE,
    TALLY,
    TO_BE_ANNOUNCED,
    WEEKDAY,
    all_counted,
    announced,
    called_off,
    could_state,
    figure_missing,
    final_tally,
    forecast_moved,
    launched,
    lemmas,
    moved_apart_from,
    moved_from,
    plan_missing,
    revised_count,
    revises,
    rounds,
    running_total,
    same_preview,
    same_revision,
    same_state,
    state_moved_apart,
    state_moved_on,
    state_overturned,
    subject_names,
    supersedes,
)
from briefer.temporal import (
    GATHERING,
    GATHERINGS,
    MONTHS,
    PERFECT_NEWS,
    WEEKDAYS,
    Kind,
    classify,
    days_named,
    event_date,
    event_day,
    expired,
    looks_ahead,
    overdue,
    parts_of_day_apart,
    past_words,
    preview_day,
    preview_days,
    preview_event,
    preview_events,
    sentence_kind,
    told_on,
)
from briefer.text import STOP_WORDS, content_stems, joined, word_count, words
from briefer.topics import TopicMatcher

if TYPE_CHECKING:
    from briefer.pipeline import Prepared

OVERVIEW = "Overview"
OTHER = "Other developments"
NO_COVERAGE = "No coverage in these sources."
NO_LEADS = "No article opens with a sentence that can be quoted on its own."
# The overview is drawn from each article's first quotable sentences (its lead).
LEAD_SENTENCES = 5
# Share of content words at which one sentence is contained in another: "The union is asking for a pay rise of
# 14 per cent over two years" holds 5 of its 6 content words in the union's fuller demand, two outlets' losses "at
# about $4 million a day" 6 of 8; different facts of our stories share at most 0.6 (tests/test_sections.py).
CONTAINED = 0.7
# ... and it takes this many shared words: "It is the first full stoppage at the port since 1998" has three words
# the index keeps, two of them ("port", "stoppage") in any sentence about the strike.
CONTAINED_MIN_WORDS = 3
# A preview of later the same day: "by about 3pm", "later today", "this evening".
_LATER_TODAY = re.compile(r"\b(?:by|at|from|until|before|after) (?:about |around )?\d{1,2}(?:[.:]\d\d)?\s?"
                          r"(?:am|pm|a\.m\.|p\.m\.)|\blater (?:today|this (?:morning|afternoon|evening))\b|"
                          r"\bthis (?:afternoon|evening)\b|\btonight\b", re.I)
# ... and a day other than today ("May" the month is left out: "may" is a modal).
_DAY_NAMES = "|".join([*WEEKDAYS, *(m for m in MONTHS if m != "may")])
_OTHER_DAY = re.compile(rf"\b(?:{_DAY_NAMES}|tomorrow|next|week|month)\b", re.I)
_CLOCK = re.compile(r"\b((?:[01]?\d|2[0-3])[.:][0-5]\d)\s?(?:am|pm|a\.m\.|p\.m\.)", re.I)
_CLOCK_DIGITS = re.compile(r"\d[.:][0-5]\d")  # what every clock time holds, found far faster
# Key facts first (issue 12; nugget recall by bench/nuggets.py, docs/quality.md): a fact's weight grows by this
# share for each further independent outlet that states it (up to MAX_OUTLETS: the bonus of the previous round's
# trial, 0.25), an earlier state of affairs told as background weighs BACKGROUND_WEIGHT (0.7 / 0.85 / 1.0 found
# the same 59 of 68 nuggets) and the newest day's news FRESH_WEIGHT (1.5 let the ship fire's overview drop the
# channel's reopening for the towing plan).
OUTLET_BONUS = 0.25
MAX_OUTLETS = 4
BACKGROUND_WEIGHT = 0.7
FRESH_WEIGHT = 1.3
# Two documents are one outlet when this share of the smaller one's quotable sentences are copies (cosine >= this)
# of the other's: a wire story and a paper's lightly edited print of it (the QA's Velmar wire and its copy).
COPY_COSINE = 0.9
COPY_SHARE = 0.5
# How many times one section asks the ranker, when the facts turn down some of its picks.
REPICKS = 3
# A lead or an outcome dated "last month", "last year", or to a year this many years before its article is
# background, not a key fact for the overview ("arrived from China in 2021", "was appointed in the summer of
# 2024" in articles of 2026). Dates of months or days are not: "kettles sold between March and November 2025"
# is the scope of a recall of 2026.
BACKGROUND_YEARS = 2
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|which|whose)\b")
# Longest overview item, in words (two joined sentences can run to 60 or more; a lead sentence is 20-35).
OVERVIEW_ITEM_WORDS = 45
# Fewer words than this left for a topic in the filling round are not worth a pick (a sentence is 20-35 words).
MIN_FILL_WORDS = 15
# How many times words that picks told again took are spent again (`select_sections`).
REFILLS = 2
# How far past its share one topic sentence may go (a typical news sentence is 20-35 words).
TOPIC_OVERRUN_WORDS = 15

# Endings of nouns made from verbs ("closure", "election", "payment", "approval", "departure").
_NOMINAL = re.compile(r"(?:ure|ion|ment|al)$")


# A present state told with a participle ("are entered", "have hired"): not the past tense of a report.
_PRESENT_PERFECT = re.compile(r"\b(?:is|are|has|have)\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ght)\b", re.I)
# Content words (WordNet lemma stems) an eve's statement shares with the later report that moves past it.
EVE_SHARED = 2
# Content words (a name among them, the day left out) a forecast's event and a report of its day share for the
# report to tell where the forecast went (the spill story: "beaches", "Skarholt", "km"). Set on that story.
REACHED_SHARED = 3
# "the next meeting", "its next rate decision": the next round of something that recurs.
_NEXT = re.compile(r"\bnext (?:[\w'’-]+ ){0,2}?(?:meeting|decision|hearing|session|round|vote|review|sitting|"
                   r"announcement|launch|race|match|game|stage)s?\b", re.I)
# A large figure: "412 million", "2.9 billion" (with its unit word, as printed).
_FIGURE = re.compile(r"\b(\d[\d,.]*)\s+(million|billion|trillion)\b|[£$€]\s?(\d[\d,.]*\d|\d)\s?(m|mn|bn|tn)\b")
# "£1.2m" is "1.2 million" (pounds: the currency is the sentence's, either way).
# A verdict: guilty ("found guilty", "convicted") or not ("found not guilty", "acquitted", "cleared").
_VERDICT = re.compile(r"\b(?:found (?:not )?guilty|convicted|convicts|acquitted|cleared)\b", re.I)


def _verdict_kind(word: str) -> str:
    return "not guilty" if re.search(r"not guilty|acquitted|cleared", word, re.I) else "guilty"


# Two figures of at least this size that two sentences both give make them one fact (`Picker._same_figures`): small
# numbers (counts of days, of people in a room) recur in a story by chance.
PAIRED_FIGURE = 10.0
# A score or a tally: "4-3", "2-2" (not a year range, "2025-26").
_SCORE = re.compile(r"(?<![\d-])\d{1,2}[-–]\d{1,2}(?![\d-])")
_SHORT_MAGNITUDE = {"m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}


def _figures(text: str) -> set[str]:
    """The large figures `text` gives, each as "1.2 million" however written ("£1.2m", "1.2 million pounds"), and its
    exact sums of money of three significant figures or more, which no two facts of a story share by chance
    ("ordered to pay £56,200" / "a total of £56,200"; not "£50,000")."""
    large = {f"{number or short} {magnitude or _SHORT_MAGNITUDE[abbreviation]}"
             for number, magnitude, short, abbreviation in _FIGURE.findall(text)}
    exact = {f"{currency} {value:g}" for currency, value in sums(text)
             if value >= 1000 and value == int(value) and len(str(int(value)).rstrip("0")) >= 3}
    return large | exact
_MAGNITUDES = frozenset(content_stems("million billion trillion"))


# A vote that is the sentence's news: its count in the main clause ("voted 27 to 18 on Thursday to ban ..."), not in
# a clause about it ("... before Monday's vote, which the council won by 22 to 19").
_VOTE_IS_NEWS = re.compile(r"^(?:(?!,\s*(?:which|who|when|where)\b|\b(?:before|after|since|said)\b)[^.;])*?"
                           r"\b\d{1,3}\s+(?:votes\s+)?to\s+\d{1,3}\b", re.I)


# What a live page's entry says of its moment: "are now at the scene", "are being asked", "is still".
# ("The cloud is lifting on the upper slopes.", "Black smoke can be seen from across the bay.", "A large fire has
# broken out at ...", "there are no reports of anyone hurt")
_OF_THE_MOMENT = re.compile(r"\b(?:is|are) (?:now|being|still|already|at the scene)\b|\b(?:is|are) under way\b|"
                            # ("Drivers trapped behind the crash are finally moving", "have reopened now that the air
                            # ambulance has left", "the central barrier is damaged")
                            r"\b(?:is|are) (?:[a-z]+ly )?[a-z]+ing\b|\bnow that\b|\b(?:is|are) (?:damaged|blocked)\b|"
                            r"\bcan be (?:seen|heard|smelt|smelled)\b|\bcan now\b|"
                            r"\b(?:counting|voting|polling|the count|the search|work) (?:has|have) (?:begun|started)\b|"
                            r"\b(?:has|have) broken out\b|\b(?:has|have) (?:left|set off|set out)\b[^.;]{0,80}? for\b|"
                            r"\bthere (?:are|is) (?:so far )?no reports?\b", re.I)
_LASTS = re.compile(r"\b(?:until|till|for the rest of|for as long as)\b")
_SAYS = re.compile(r"\b(?:said|says|told|tells|added|insisted|predicted|promised|warned|according to)\b")
_OF_ITS_HOUR = re.compile(r"\b(?:last night|this (?:morning|afternoon|evening)|tonight|(?:later|earlier) today)\b",
                          re.I)
_UNDER_WAY = re.compile(r"\b(?:is|are) (?:now )?under ?way\b", re.I)
# ... and what any report says of its moment: "Team leader Fiona McAllister has just spoken to reporters", "His wife
# is on her way to the hospital", "A coastguard helicopter has now joined the search".
_JUST = re.compile(r"\b(?:has|have) just\b|\b(?:is|are) (?:now )?on (?:his|her|their|its) way\b|"
                   r"\b(?:has|have) now joined\b", re.I)


# A visit a preview expects, and the report that it was made.
_VISIT = re.compile(r"(?:visit|arrive|come|travel|go)\b")
_ARRIVED = re.compile(r"\b(?:arrived|visited|came|travelled|traveled|went)\b")
# A duty's verb in a preview's clause: "which must ratify the swim".
_MUST_VERB = re.compile(r"\b(?:must|has to|have to|needs to|need to) (?:now |still |first )?([a-z]{4,})\b")
# An hour a preview names: "by 4pm", "until at least 3pm", "at 11.30am".
_BY_HOUR = re.compile(r"\b(?:by|at|before|until|till)\s+(?:at least\s+|about\s+|around\s+)?(?P<h>1[0-2]|0?[1-9])"
                      r"(?:[.:](?P<m>[0-5]\d))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)", re.I)


def past_hour(sentence: Sentence, document: Document, anchor: dt.date) -> bool:
    """Whether a preview names an hour of its page's day that a later entry of the page is stamped after ("a decision
    ... would be made by 4pm on Friday", below the page's "Update, 4.10pm:"; "will stay shut until at least 3pm" on a
    live page whose last entry is at 17:05): the hour has come (`Document.clocks`)."""
    clocks = document.clocks
    if not clocks or (own := clocks[sentence.paragraph]) is None:
        return False
    text = sentence.text
    hour = _BY_HOUR.search(text)
    if hour is None or ((day := event_day(text, anchor)) is not None and day != anchor):
        return False
    minutes = (int(hour["h"]) % 12 + (12 if hour["half"].lower().startswith("p") else 0)) * 60 + int(hour["m"] or 0)
    return own < minutes <= max(c for c in clocks if c is not None)


def same_figure(shown: str, other: str) -> bool:
    """Whether `other` gives a large figure `shown` gives, of the same thing ("posted second-quarter net profit of
    412 million euros" / "Net profit rose to 412 million euros in the three months to June"): a figure in millions
    or billions is no round count many sentences share, so with two content words more in common it is the fact
    told again (unless `other` tells more than twice as much). The words of the figures themselves ("million") do
    not count, however many figures either gives ("The project's cost rose to 410 million euros from 320 million"
    / "The line cost 410 million euros, 90 million more than planned")."""
    figures = _figures(shown)
    if not figures or figures.isdisjoint(_figures(other)):
        return False
    mine, theirs = set(content_stems(shown)), set(content_stems(other))
    return len(mine & theirs - _MAGNITUDES) >= 2 and len(theirs) <= 2 * len(mine)


@dataclass(frozen=True, slots=True)
class Choice:
    """A chosen fact: the sentence quoted for it, the sources that state it, and its kind and date."""

    sentence: int
    sources: tuple[int, ...]
    score: float
    kind: Kind
    date: str | None


class Picker:
    """Runs the ranker section by section over facts: a fact is chosen once in the whole brief."""

    def __init__(self, prepared: Prepared, selector: Selector, today: dt.date | None = None, *,
                 brief: bool = True) -> None:
        self.prepared = prepared
        self.today = today  # relative days in sources with no known date are read against it
        self.selector = selector
        self.facts = Facts([s.text for s in prepared.sentences], prepared.index,
                           places=[(s.doc, s.position) for s in prepared.sentences])
        # What an item would say: a sentence that leans on the one before it is quoted with it.
        texts = [s.text for s in prepared.sentences]
        # A brief joins leaning sentences to their neighbour, weighs outcomes and trivia, lets the newest statement
        # win and never repeats a contained sentence or a count; the plain summary (`summary`, what `briefer eval`
        # scores on DUC) does none of these (measured in docs/quality.md: each cost ROUGE-2 there).
        self.brief = brief
        join = brief
        self.pairs = prepared.pairs if join else {}
        if brief:
            self.pairs, self._dropped = _with_back_references(prepared)
        self.view = joined_view(prepared.sentences, self.pairs)
        # Without joining, a sentence that leans on the one before it is not quoted at all.
        # (A sentence that stands for the announcement before it still stands alone: it does not lean back.)
        self.quotable = {i for i in prepared.candidates
                         if join or prepared.pairs.get(i, (i,))[0] == i or not leans_back(texts[i])}
        if brief:
            self.quotable -= self._dropped
        # A first belief that the next sentence puts right is quoted only with it (`candidates.FIRST_THOUGHT`).
        self.quotable -= {a for j, (a, b) in self.pairs.items() if b == j and a == j - 1
                          and FIRST_THOUGHT.search(texts[a]) and NOW_THOUGHT.match(texts[b])}
        self.chosen: list[int] = []  # the sentences the ranker picked (its coverage so far)
        self.used: set[int] = set()  # facts in the brief
        self.revisions_told: set[int] = set()  # sentences that revise a count to a value a shown one gives
        # The quotable sentences that give a final tally ("In all, 247 people on board fell ill"): the newer state of
        # a running count, which may share no word with it.
        # (A brief's only, as what follows: the plain summary lets no statement overtake another, `_newer`.)
        self._tallies = sorted(i for i in self.quotable if TALLY.search(texts[i])) if brief else []
        # ... and those that count all of something back or caught ("All 17 Barbary macaques ... are back").
        self._all_counts = sorted(i for i in self.quotable if "ll " in texts[i] and ALL_OF.search(texts[i])) \
            if brief else []
        # ... and every sentence that gives a fundraising's total so far, quotable or not ("has raised £38,000 so far"
        # / "has passed £71,000 since she finished").
        self._totals = {i: total for i, text in enumerate(texts)
                        if (total := running_total(text)) is not None} if brief else {}
        self.choices: dict[int, Choice] = {}  # by the picked sentence
        # Sentences of facts already used; the ranker is never offered them.
        self.said = np.zeros(len(prepared.sentences), dtype=bool)
        # Near-copies of what is shown, contained sentences and the same counts: never quoted, not even as
        # another fact's best version.
        self.near = np.zeros(len(prepared.sentences), dtype=bool)
        self._kinds: dict[int, Kind] = {}
        self._eve_documents: frozenset[int] | None = None
        self._newest_documents: frozenset[int] | None = None
        self._nexts: list[int] | None = None
        dates = [d.source.published for d in prepared.documents
                 if d.source.published and (today is None or d.source.published <= today)]
        # The newest source's date (else the brief's): a preview of an event due before it is stale.
        self.cutoff = max(dates, default=today)
        # With no date at all, relative days are counted from the day the brief is made, the same for every
        # article: the newest day the articles' first reports speak of ("met ... on Monday") is still the newest
        # news, and weighs as such (`_key_weights`); no date counted from it is printed (briefer.timeline). In
        # one story's sources only (freshness is not weighed in a firehose, see `one_story`).
        self._anchor = today
        if self.cutoff is None and brief and len(prepared.documents) <= PARAPHRASE_MAX_DOCUMENTS \
                and not any(d.source.published for d in prepared.documents):
            from briefer.story import reported_on  # story builds on this module's neighbours

            self._anchor = dt.date.today()
            newest = reported_on(prepared.documents, prepared.sentences, self._anchor)
            self.cutoff = max((d for k in range(len(prepared.documents)) if (d := newest(k))),
                              default=None)
        # The story's bottom line: the main event a preview in an older article may have expected.
        self.headline = _bottom_line(prepared) if brief else None
        # Its fact is the first the brief builds (`take`): on a large brief a forked child makes the same-fact
        # decisions of it (`Facts.decisions`) while the rest of this set-up runs (the select stage has one core).
        self._headline_ahead = None
        if self.headline is not None and len(prepared.sentences) >= FORK_SENTENCES:
            rows = [self.headline]
            self._headline_ahead = in_child(lambda: self.facts.decisions(rows))
        # One story's sources, not a firehose: outlets and dates are weighed, turned-down words asked for again
        # and words left given back to the topics (each costs little in a story, 2-20 s at 30,000 sentences).
        self.one_story = len(prepared.documents) <= PARAPHRASE_MAX_DOCUMENTS
        self._revisions: list[int] | None = None  # quotable sentences that revise a figure (`_revised`)
        self._unquoted_revisions: list[int] | None = None  # ... and the others (`_overtaken_unquoted`)
        self._opening_rows: set[int] | None = None  # each article's first quotable sentence (`_openings`)
        self._outlets: dict[int, int] = {}
        self._by_day: dict[tuple[int, int], list[int]] | None = None  # quotable sentences by the days they name
        self.weights = self._key_weights() if brief else {}
        # Which content-word stems each sentence has, for the containment test.
        # (Not the tokens of a clock time: "The motorway was shut in both directions from 6.52am to 7.45am" holds all
        # its words in the lead's "forcing police to shut the motorway in both directions for almost an hour".)
        self._words = (prepared.index.matrix != 0).astype(np.float32).tocsr()
        clock = {m.group(1).replace(":", ".") for t in texts if "m" in t and _CLOCK_DIGITS.search(t)
                 for m in _CLOCK.finditer(t)}
        figures = [col for term, col in prepared.index.vocabulary.items() if term in clock]
        if figures:
            keep = np.ones(self._words.shape[1], dtype=np.float32)
            keep[figures] = 0.0
            self._words = (self._words @ sparse.diags(keep)).tocsr()
            self._words.eliminate_zeros()
        self._sizes = np.maximum(np.asarray(self._words.sum(axis=1)).ravel(), 1.0)

    def _key_weights(self) -> dict[int, float]:
        """Key facts first: each candidate's worth to a reader besides its content (1: neutral). An outcome is
        worth more and trivia less (`candidates.weight`), a fact more for each further independent outlet that
        states it (a copy of another source's text, or a spun one, is not another outlet), and an earlier state
        of affairs told as background less."""
        prepared = self.prepared
        if not self.one_story:
            # Comparing every sentence with every other took 20 s of CPU at 30,000 sentences.
            return {i: w for i in prepared.candidates if (w := weight(self.view[i].text)) != 1.0}
        skipped = {f.source for f in prepared.ledger.findings
                   if f.status in (SourceStatus.DUPLICATE, SourceStatus.SPUN)}
        outlet = self._outlet_of()
        source_of = np.array([prepared.documents[s.doc].source.id for s in prepared.sentences], dtype=np.int64)
        outlet_of = np.array([outlet[s.doc] for s in prepared.sentences], dtype=np.int64)
        out: dict[int, float] = {}
        rows = list(prepared.candidates)
        newest = self.cutoff
        first_of: dict[int, int] = {}
        for i in rows:
            first_of.setdefault(prepared.sentences[i].doc, i)
        for i, same in zip(rows, prepared.index.neighbours(rows, SAME_FACT), strict=True):
            stating = [k for k, source in enumerate(source_of[same]) if int(source) not in skipped]
            outlets = self._outlets[i] = len({int(x) for x in outlet_of[same][stating]}) or 1
            w = weight(self.view[i].text) * (1 + OUTLET_BONUS * (min(outlets, MAX_OUTLETS) - 1))
            if self.kind(i) == "background":
                w *= BACKGROUND_WEIGHT
            elif newest is not None and (self._newest(prepared.sentences[i].doc) or self._tells_day(i, newest)):
                w *= FRESH_WEIGHT
                if i == first_of.get(prepared.sentences[i].doc) and self._newest(prepared.sentences[i].doc):
                    w *= FRESH_WEIGHT  # the newest article's lead: what is new, told first
            if w != 1.0:
                out[i] = w
        return out

    def _outlet_of(self) -> list[int]:
        """Each document's outlet group: a document most of whose quotable sentences are copies (TF-IDF cosine
        >= COPY_COSINE) of another's is that one's wire copy, one outlet with it, edited or not."""
        prepared = self.prepared
        group = list(range(len(prepared.documents)))

        def root(d: int) -> int:
            while group[d] != d:
                group[d] = group[group[d]]
                d = group[d]
            return d

        rows = list(prepared.candidates)
        size: dict[int, int] = {}
        for i in rows:
            size[prepared.sentences[i].doc] = size.get(prepared.sentences[i].doc, 0) + 1
        copied: dict[tuple[int, int], int] = {}
        for i, same in zip(rows, prepared.index.neighbours(rows, COPY_COSINE), strict=True):
            mine = prepared.sentences[i].doc
            for other in {prepared.sentences[int(j)].doc for j in same} - {mine}:
                copied[mine, other] = copied.get((mine, other), 0) + 1
        for (a, b), n in sorted(copied.items()):
            if n >= COPY_SHARE * min(size[a], size.get(b, 0)):
                group[root(a)] = root(b)
        return [root(d) for d in range(len(group))]

    def _tells_day(self, i: int, day: dt.date) -> bool:
        """A report of what happened on `day` (the newest source's), in a source with no date of its own."""
        if self._published(i) is not None or self._anchor is None or self.kind(i) != "report":
            return False
        when = event_date(self.prepared.sentences[i].text, self._anchor)
        return when is not None and when.precision == "day" and when.day >= day

    def independent(self, i: int) -> int:
        """How many independent outlets state sentence i's fact (by the TF-IDF rule the weights use)."""
        return self._outlets.get(i, 1)

    def _same_count(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that give the same count ("more than 50 ships were waiting at anchor", "more than 50
        vessels were waiting offshore"): the same number of 10 or more, of things not measures ("two years" is
        in many sentences), and a content word or a synonym in common; not a sentence that tells more than twice as
        much (the dam's lead "Engineers found cracks in the spillway ... and about 1,200 people ... were told to be
        ready to leave" is more than "About 1,200 people were evacuated"); nor one of another part of the same day
        (the ferry that "ran aground ... on Friday morning with 180 passengers" and "all 180 passengers were brought
        ashore" on Friday evening)."""
        mine = profile(self.prepared.sentences[shown].text)
        # Only these can be the same count (below): a sentence with no word that reads as one needs no profile.
        wanted = {n for n, t in mine.quantities if n.isdecimal() and int(n) >= 10 and t not in MEASURES}
        if not wanted:
            return []
        out = []
        # Near sentences, and those that give the count in other words (no word in common but the figure: "All 45
        # staff ... no one was hurt" / "None of the 45 workers ... was injured").
        for j in sorted({*np.flatnonzero(sims >= SUPERSEDE_COSINE).tolist(), *self.facts.by_figures(shown)}):
            if int(j) not in self.quotable or self.said[j] or not reads_as(self.prepared.sentences[int(j)].text,
                                                                            wanted):
                continue
            other = profile(self.prepared.sentences[int(j)].text)
            counts = any(n == m and n.isdecimal() and int(n) >= 10 and t not in MEASURES and u not in MEASURES
                         for n, t in mine.quantities for m, u in other.quantities)
            # A word in common, or a WordNet synonym ("no one was hurt" / "was injured").
            if counts and (mine.content & other.content or mine.senses & other.senses) \
                    and len(other.content) <= 2 * len(mine.content) \
                    and not parts_of_day_apart(self.prepared.sentences[shown].text,
                                               self.prepared.sentences[int(j)].text) \
                    and not self._days_apart(shown, int(j)):
                out.append(int(j))
        return out

    def _days_apart(self, shown: int, other: int) -> bool:
        """Whether a shown sentence names its day and another tells of a later one (its own, or else its article's
        date): "about 1,200 people ... were told to be ready to leave" on Monday, "About 1,200 people were
        evacuated" in Wednesday's article."""
        anchor = self._published(shown)
        then = self._published(other)
        if anchor is None or then is None:
            return False
        mine = event_day(self.prepared.sentences[shown].text, anchor)
        theirs = event_day(self.prepared.sentences[other].text, then) or then
        return mine is not None and theirs > mine

    def _same_revision(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that revise the same count to the same value (`same_revision`)."""
        text = self.prepared.sentences[shown].text
        if not revises(text):
            return []
        return [j for j in np.flatnonzero(sims >= SUPERSEDE_COSINE).tolist()
                if j != shown and revises(other := self.prepared.sentences[j].text) and same_revision(text, other)]

    def _same_figure(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that give the same large figure of the same thing (`same_figure`)."""
        return self._told_again(shown, sims, same_figure) if _figures(self.prepared.sentences[shown].text) else []

    def _same_measure(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that give a share, duration or measure the shown one gives, in another form or rounding
        (`measures.same_measure`: "71 per cent" / "about seven in ten")."""
        return self._told_again(shown, sims, same_measure) if measures(self.prepared.sentences[shown].text) else []

    def _same_state(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that say the shown one's cause is not yet known (`same_state`: "The cause is not yet known"
        / "the cause had not yet been established")."""
        return self._told_again(shown, sims, same_state)

    def _same_score(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that give two of the shown one's scores ("beating Vilaverde 4-3 on penalties after the final
        ended 2-2" / "beat Vilaverde 4-3 in the shoot-out after a 2-2 draw"): one result, however told. One score in
        common is not enough (a 1-0 half-time lead, another match's 1-0)."""
        mine = set(_SCORE.findall(self.prepared.sentences[shown].text))
        return self._told_again(shown, sims, lambda _, theirs: len(mine & set(_SCORE.findall(theirs))) >= 2) \
            if len(mine) >= 2 else []

    def _same_verdict(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that give the shown one's verdict of one case ("A fairground operator was found guilty on
        Thursday of failing to ensure the safety of the public ..." / "A jury has convicted the owner of a fairground
        ride ..."): the verdict and a word of the case in common."""
        text = self.prepared.sentences[shown].text
        mine = _VERDICT.findall(text)
        if not mine:
            return []
        case = set(content_stems(_VERDICT.sub(" ", text)))
        return self._told_again(shown, sims, lambda _, theirs: bool(
            {_verdict_kind(v) for v in _VERDICT.findall(theirs)} & {_verdict_kind(v) for v in mine}
            and case & set(content_stems(_VERDICT.sub(" ", theirs)))))

    def _same_vote(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that give the shown one's vote ("voted 27 to 18" / "approved ... by 27 votes to 18")."""
        text = self.prepared.sentences[shown].text
        mine = tallies(text) if _VOTE_IS_NEWS.search(text) else frozenset()
        return self._told_again(shown, sims, lambda _, theirs: not mine.isdisjoint(tallies(theirs))) if mine else []

    def _same_figures(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near sentences that give two of the shown one's figures, both of at least `PAIRED_FIGURE` ("was 146, not
        about 120 as first reported" / "at first put the number stranded at about 120; it raised that figure to
        146"), and two content words besides: a pair of figures is one fact however told."""
        text = self.prepared.sentences[shown].text
        # (A thing's number is no figure told again: "The diversion leaves at junction 14 ... to rejoin at junction 15"
        # / "All three northbound lanes between junctions 14 and 15 were open again".)
        mine = frozenset(x for x in figures_of(text) - labels_of(text) if x >= PAIRED_FIGURE)
        if len(mine) < 2:
            return []
        words_of = set(content_stems(self.prepared.sentences[shown].text))
        return self._told_again(shown, sims, lambda _, theirs: len(mine & figures_of(theirs)) >= 2
                                and len(words_of & set(content_stems(theirs))) >= 2)

    def _told_again(self, shown: int, sims: np.ndarray, same: Callable[[str, str], bool]) -> list[int]:
        """Near sentences not yet said of which `same(shown's text, theirs)` holds (quotable or not: "The two works
        are insured for about 1.8 million crowns in all" leans on its sentence before, and still states the figure)."""
        text = self.prepared.sentences[shown].text
        return [int(j) for j in np.flatnonzero(sims >= SUPERSEDE_COSINE)
                if not self.said[j] and same(text, self.prepared.sentences[int(j)].text)]

    def _same_next(self, shown: int) -> list[int]:
        """Sentences that give the day of the story's next round of the same thing ("The next rate decision is due
        on Nov. 5." / "The committee's next meeting is on 5 November."): "next" and one day ahead, however worded.
        In one story's sources only (the scan is over every sentence)."""
        text = self.prepared.sentences[shown].text
        if not self.one_story or not _NEXT.search(text) or self.cutoff is None:
            return []
        day = event_day(text, self._published(shown) or self.cutoff)
        if day is None or day <= self.cutoff:
            return []
        sentences = self.prepared.sentences
        if self._nexts is None:  # the quotable sentences that name a next round, found once
            self._nexts = [j for j in sorted(self.quotable) if _NEXT.search(sentences[j].text)]
        return [j for j in self._nexts if j != shown and not self.said[j]
                and same_next(text, sentences[j].text, self._published(j) or self.cutoff, day)]

    def _same_plan(self, shown: int, sims: np.ndarray) -> list[int]:
        """Near previews of the event a shown preview expects, in other words ("Construction is due to start next
        spring" / "Work on the barrier is due to begin next spring"), whichever source is newer."""
        if self.kind(shown) != "expected":
            return []
        text = self.prepared.sentences[shown].text
        # Near sentences, and those that name a day the shown one names ("on 28 October" / "on Oct. 28").
        near = {*np.flatnonzero(sims >= SUPERSEDE_COSINE).tolist(), *self._naming_days(text)}
        return [j for j in sorted(near) if j in self.quotable and not self.said[j] and self.kind(j) == "expected"
                and same_preview(self.prepared.sentences[j].text, text)]

    def _naming_days(self, text: str) -> list[int]:
        """The quotable sentences that name one of the days `text` names with its month."""
        days = days_named(text)
        if not days:
            return []
        if self._by_day is None:
            self._by_day = {}
            for i in sorted(self.quotable):
                for day in days_named(self.prepared.sentences[i].text):
                    self._by_day.setdefault(day, []).append(i)
        return [i for day in days for i in self._by_day.get(day, ())]

    def _contained(self, shown: int) -> np.ndarray:
        """Sentences whose content words are mostly in `shown`, or that hold most of `shown`'s."""
        shared = np.asarray((self._words @ self._words[shown].T).todense()).ravel()
        contained: np.ndarray = ((shared / self._sizes >= CONTAINED) | (shared / self._sizes[shown] >= CONTAINED)) \
            & (shared >= CONTAINED_MIN_WORDS)
        return contained

    def kind(self, i: int) -> Kind:
        """Report, expected or background, against the source's date."""
        found = self._kinds.get(i)
        if found is None:
            sentence = self.prepared.sentences[i]
            published = self.prepared.documents[sentence.doc].source.published
            found = self._kinds[i] = sentence_kind(sentence.text, published or self.today)
        return found

    def pick(self, budget: int, pool: Sequence[int], query: Topic | None = None) -> list[int]:
        """Facts for one section, as the sentences the ranker picked for them, within `budget` words.

        A pick the facts turn down (a preview of what another source reports, a fact already shown) leaves its
        words unspent: the ranker is asked again for what is left, a few times at most."""
        out: list[int] = []
        for _ in range(REPICKS if self.brief and self.one_story else 1):
            left = budget - _budget_used(self, out)
            got, turned_down = self._pick(left, pool, query)
            out += got
            if not turned_down or budget - _budget_used(self, out) < MIN_FILL_WORDS:
                break
        return out

    def _pick(self, budget: int, pool: Sequence[int], query: Topic | None) -> tuple[list[int], bool]:
        free = [i for i in pool if not self.said[i] and i in self.quotable]
        if budget <= 0 or not free:
            return [], False
        picked = self.selector(self.view, budget_words=budget, candidates=free, query=query,
                               covered=tuple(self.chosen), weights=self.weights)
        out: list[int] = []
        turned_down = False
        for index, score in picked:
            if self.said[index]:
                turned_down = True
                continue
            parts = self.pairs.get(index, (index,))
            if any(self.said[j] for j in parts):
                turned_down = True
                continue
            # A sentence quoted with the one after it, when that one tells how the person it hurt is now: "Margaret
            # Fennimore ... was hit as she crossed Castle Street ..." with "Her family said ... she had come out of
            # intensive care and was now stable on a ward" (the one after leans on it, and stands for the two).
            if len(parts) == 1 and self.brief and (richer := self._recovered_after(index)) is not None:
                index, parts = richer, self.pairs[richer]
            facts = [self.facts.of(j) for j in parts]
            for fact in facts:
                self.said[list(self.facts.members(fact))] = True
            if any(f in self.used for f in facts):
                turned_down = True
                continue
            self.used.update(facts)
            fact = self.facts.of(index)
            members = self.facts.members(fact)
            told = index
            if self.brief and len(parts) == 1 and any(self._moment(m) for m in members):
                # A live page's line of its moment is no version of a fact another article tells as done ("More
                # than 60 people are now on the hill" / "More than 60 rescuers ... took part in the search").
                members = tuple(m for m in members if not self._moment(m)) or members
                if self._moment(index):
                    told = max((m for m in members if m in self.quotable and m not in self.pairs),
                               key=lambda m: (self._order(m), m), default=index)
            choice = self._choose(told, members, score) if len(parts) == 1 else self._joined(index, parts, score)
            # (... nor a pair one of whose sentences is an overdue preview: "... his club confirmed. He was due to
            # have surgery at Harrowby General Hospital on Tuesday afternoon.")
            if choice is None or (self.brief and (any(self._overdue(j) for j in {choice.sentence, *parts})
                                                  or self._eve(choice.sentence)
                                                  or self._said_before(choice.sentence)
                                                  or self._overtaken_unquoted(choice.sentence)
                                                  or self._done(choice.sentence)
                                                  or any(self._moment(j) for j in {choice.sentence, *parts}))):
                turned_down = True
                continue
            if self.brief and (any(self._newer(j) is not None for j in parts if j != choice.sentence)
                               or (len(parts) > 1 and self._pair_overtaken(parts))):
                turned_down = True  # two sentences quoted together, one overtaken ("One of them remains in hospital")
                continue
            newer = self._newer(choice.sentence) if self.brief else None
            seen = {choice.sentence}
            while newer is not None and newer not in seen:  # the newest of a chain: seven pupils, eleven, then nine
                seen.add(newer)
                newer = self._newer(newer) or newer
            if newer is not None and self._moment(newer):
                # (Overtaken by a live page's line of its moment, itself overtaken since: "About 400 homes were
                # evacuated overnight" / "About 1,400 homes and businesses are being evacuated", a day before all
                # were home.)
                turned_down = True
                continue
            if newer is not None:
                # Of two statements about one state of affairs, the newest wins (and the older is not shown); the
                # newer may be another version of the same fact ("is expected to cost about 210 million pounds").
                if (later := self.facts.of(newer)) != fact:
                    if newer in self.revisions_told:
                        continue  # the newer statement is told already, in other words ("revised down to two")
                    fact = later
                    self.said[list(self.facts.members(fact))] = True
                    if fact in self.used:
                        continue
                    self.used.add(fact)
                # (A newer sentence that leans on the one before it is quoted with it: "Hours later, the harbour
                # master admitted ...".)
                parts = self.pairs.get(newer, (newer,))
                if any(self.said[j] for j in parts if j != newer):
                    continue
                # Not a version of the fact the newer one overtakes ("which said it was making enquiries" / "had
                # opened a formal investigation"), however complete.
                text = self.prepared.sentences[newer].text
                # (Nor one whose figure it revises: "nine pupils, not eleven, had been hurt" / "Eleven pupils were
                # injured", one fact.)
                current = [m for m in self.facts.members(fact) if m == newer or (not (
                    self._after(newer, m)
                    and supersedes(text, self.kind(newer), self.prepared.sentences[m].text, self.kind(m)))
                    and not revised_count(text, self.prepared.sentences[m].text))]
                choice = self._choose(newer, current, score) if len(parts) == 1 else \
                    self._joined(newer, parts, score)
                # (... itself overtaken by a sentence not quoted alone: "11 people had been taken to three hospitals,
                # up from the eight ..." / "... The total now stands at 10, not 11 as reported on Thursday")
                if choice is None or self._overtaken_unquoted(choice.sentence):
                    continue
            self._shown(fact, index, parts, choice)
            out.append(index)
        return out, turned_down

    def _recovered_after(self, i: int) -> int | None:
        """The pair that quotes sentence i with the next one, when that one tells a recovery (`RECOVERED`), the
        newest count (`NEWEST_COUNT`) or a next step on a day to come (`_step_ahead`) and is free to quote: the index
        that stands for the pair; else None."""
        j = i + 1
        if self.pairs.get(j) != (i, j) or self.said[j] or j not in self.quotable:
            return None
        text = self.prepared.sentences[j].text
        return j if RECOVERED.search(text) or NEWEST_COUNT.search(text) or self._step_ahead(j) else None

    def _step_ahead(self, i: int) -> bool:
        """A preview of a day still to come ("Its organiser ... said she would present it to the full council meeting
        on Thursday 26 November"): quoted alone it leans back, and left out the brief would print its step under
        "What comes next" with the sentence it leans on a second time."""
        anchor = self._published(i) or self.today
        if anchor is None or self.kind(i) != "expected" or self._overdue(i):
            return False
        text = self.prepared.sentences[i].text
        # (The day its event is dated to is ahead too: "saw it listed for sale on an auction website on Sunday" is
        # told of a Sunday gone by.)
        # (... and no later article tells it anew: the pair would be turned down, and the sentence it leans on lost.)
        return preview_day(text, anchor) is not None and (when := event_date(text, anchor)) is not None \
            and when.day > anchor and self._newer(i) is None

    def _overdue(self, i: int) -> bool:
        """A preview whose event was due before the newest source's date ("The stoppage is due to begin at 6 a.m.
        on Thursday" in a brief whose newest article is from Friday): stale, whatever other words reported it; and a
        report of a state in force until a day now past (`temporal.expired`)."""
        if self.cutoff is None:
            return False
        anchor = self._published(i) or self.today
        if anchor is None:
            return False
        if self.kind(i) != "expected":
            # ... or a state in force until a day now past ("has issued a yellow warning ... until Saturday"); or a
            # plan told in the past for a day now past ("He was due to have surgery ... on Tuesday afternoon").
            text = self.prepared.sentences[i].text
            return expired(text, anchor, self.cutoff) or (_WAS_DUE.search(text) is not None
                                                          and overdue(text, anchor, self.cutoff))
        return overdue(self.prepared.sentences[i].text, anchor, self.cutoff) or self._reported_day(i, anchor) \
            or self._past_hour(i, anchor)

    def _past_hour(self, i: int, anchor: dt.date) -> bool:
        sentence = self.prepared.sentences[i]
        return past_hour(sentence, self.prepared.documents[sentence.doc], anchor)

    def _reported_day(self, i: int, anchor: dt.date) -> bool:
        """A preview of an event on a day the bottom line reports as past, in a later article ("Racing will now
        begin at 10 a.m. on Sunday" / "Kellmouth Rowing Club won the men's eights ... on Sunday"; "would hold a parade
        for the team on Sunday afternoon" / "About two thousand people lined the streets ... on Sunday"): that day's
        news is in, and the preview is stale."""
        main = self.headline
        if main is None or main == i or self.kind(main) != "report":
            return False
        then, told = self._published(i), self._published(main)
        if then is None or told is None or not self._after(main, i):
            return False  # (a later article's: its own article's "would run normally from Sunday afternoon" stays)
        # The days the preview's own event names (after its modal: not "visited on Wednesday and promised that every
        # family would be rehoused within a year"), each to the day.
        days = preview_days(self.prepared.sentences[i].text, anchor)
        reported = event_day(self.prepared.sentences[main].text, told)
        return (bool(days) and reported is not None and all(w.precision == "day" for w in days)
                and max(w.day for w in days) <= reported)

    def _published(self, i: int) -> dt.date | None:
        return self.prepared.documents[self.prepared.sentences[i].doc].source.published

    def _source(self, i: int) -> Source:
        return self.prepared.documents[self.prepared.sentences[i].doc].source

    def _after(self, j: int, i: int) -> bool:
        """Whether sentence j's source is newer than sentence i's (`model.newer`: a later day, or a later time of
        the same day when both give one); of one live page, whether j's entry is stamped later (`Document.clocks`)."""
        a, b = self.prepared.sentences[j], self.prepared.sentences[i]
        if a.doc == b.doc:
            return (later := self._clock(j)) is not None and (earlier := self._clock(i)) is not None \
                and later > earlier
        return newer(self._source(j), self._source(i))

    def _clock(self, j: int) -> int | None:
        """The time of sentence j's entry on its page, in minutes (`Document.clocks`), or None."""
        sentence = self.prepared.sentences[j]
        clocks = self.prepared.documents[sentence.doc].clocks
        return clocks[sentence.paragraph] if clocks else None

    def _order(self, j: int) -> tuple[dt.date, dt.datetime, int]:
        """Sentence j's source's place in time, for the newest of several: its day, then its time, then its entry's."""
        source = self._source(j)
        clock = self._clock(j)
        return source.published or dt.date.min, source.stamp or dt.datetime.min, BEFORE_UPDATES if clock is None \
            else clock

    def _newest(self, doc: int) -> bool:
        """Whether the document is of the newest sources: of the newest day, and not saved again later that day by
        its outlet (`model.saved_again`)."""
        if self._newest_documents is None:
            documents = self.prepared.documents
            again = saved_again_later(documents)
            self._newest_documents = frozenset(k for k, d in enumerate(documents) if self.cutoff is not None
                                               and d.source.published is not None
                                               and d.source.published >= self.cutoff and k not in again)
        return doc in self._newest_documents

    def _moment(self, i: int) -> bool:
        """A live page's line of the moment, once a later article has moved the story on ("Two rescue helicopters
        are now at the scene", "Guests are being asked to stay away from the upper station"): what it says held
        then. In one story's sources."""
        if not self.one_story or self.cutoff is None:
            return False
        document = self.prepared.documents[self.prepared.sentences[i].doc]
        then = document.source.published
        if then is None or then >= self.cutoff:  # (of the newest day: its "this morning" is still that day's)
            return False
        text = self.prepared.sentences[i].text
        # Any article's "The second half is under way." (a half-time report's last line) is of its moment too, and
        # so is its "last night" or "later today": read in a brief of a later day, they would name the wrong day.
        return _UNDER_WAY.search(text) is not None or _OF_ITS_HOUR.search(unquoted(text)) is not None \
            or _JUST.search(text) is not None \
            or (is_live(document.title or document.source.title) and _OF_THE_MOMENT.search(text) is not None
                # (not an arrangement that lasts: "Harlbridge Buses is adding extra journeys ... until the scheme
                # returns")
                and not _LASTS.search(text))

    def _done(self, i: int) -> bool:
        """A preview of a day the articles have reached, whose subject an article of that day reports on ("Price is
        due to give evidence again on Thursday" / Thursday's "Alan Price told the inquiry ..."): no longer ahead.
        In one story's sources (the reports of that day are looked for among all its sentences)."""
        if not self.one_story or self.cutoff is None:
            return False
        text, then = self.prepared.sentences[i].text, self._published(i)
        if (gathering := GATHERING.search(text)) is not None:
            return self._gathered(gathering, then)
        if self.kind(i) != "expected":
            return False
        day = event_day(text, then or self.cutoff)
        if day is None or day > self.cutoff or (then is not None and day <= then):
            return False
        before, modal, event = preview_event(text)
        # The subject's people (who's who holds them: "Price", not "Schools" or "Kelby").
        story = getattr(self.prepared, "story", None)
        people = {w for name in (story.cast.everyone if story is not None else ()) for w in name.split()}
        actors = [name for name in (subject_names(before) if modal else []) if name in people]
        if not actors:
            return modal != "" and (self._reached(event, day) or self._arrived(before, event, day))
        named = re.compile(r"\b(?:" + "|".join(map(re.escape, actors)) + r")\b")
        sentences = self.prepared.sentences
        return any((published := self._published(j)) is not None and published >= day and self.kind(j) == "report"
                   and named.search(sentences[j].text) and past_words(sentences[j].text)
                   and event_day(sentences[j].text, published) in (None, day)
                   for j in range(len(sentences)))

    def _gathered(self, gathering: re.Match[str], then: dt.date | None) -> bool:
        """Whether a day's gathering ("Thursday's public meeting is at Haverleigh Town Hall at 7pm") is reported held
        by an article of that day or later ("more than 400 people packed a public meeting about it on Thursday
        night")."""
        if then is None or self.cutoff is None:
            return False
        weekday = WEEKDAYS.index(gathering["day"].lower())  # the coming one (today's is "today's")
        day = then + dt.timedelta(days=(weekday - then.weekday() - 1) % 7 + 1)
        if day > self.cutoff:
            return False
        held = re.compile(rf"\b{gathering['what']}\b[^.;]{{0,60}}\b(?:on )?{gathering['day']}\b|"
                          rf"\b{gathering['day']}'s {gathering['what']}\b", re.I)
        sentences = self.prepared.sentences
        return any((published := self._published(j)) is not None and published >= day and self.kind(j) == "report"
                   and held.search(sentences[j].text) and past_words(sentences[j].text)
                   for j in range(len(sentences)))

    def _arrived(self, subject: str, event: str, day: dt.date) -> bool:
        """Whether a visit the preview expects on `day` is reported made that day by a body its subject names
        ("Experts from the Storm Track Survey Group are expected to visit the town on Wednesday" / "Two surveyors
        from the Storm Track Survey Group arrived in the town on Wednesday morning")."""
        if not _VISIT.match(event.strip()):
            return False
        names = set(CAPITALISED.findall(subject)) - {w.capitalize() for w in STOP_WORDS}
        if not names:
            return False
        sentences = self.prepared.sentences
        return any((published := self._published(j)) is not None and published >= day and self.kind(j) == "report"
                   and _ARRIVED.search(sentences[j].text) and names & set(CAPITALISED.findall(sentences[j].text))
                   and event_day(sentences[j].text, published) == day
                   for j in self.quotable)

    def _reached(self, event: str, day: dt.date) -> bool:
        """Whether a report dated to `day` tells where a forecast of that day went: it names a place or thing the
        forecast's event names and shares `REACHED_SHARED` of its other content words ("Forecasters expect the
        wind to push the slick towards the beaches of Skarholt ... by Wednesday" / "Oil began washing up on the
        beaches of Skarholt early on Wednesday morning")."""
        names = {w.lower() for w in CAPITALISED.findall(event)} - STOP_WORDS
        mine = {w for w in lemmas(event) if not WEEKDAY.fullmatch(w)}
        if not names & mine:
            return False
        sentences = self.prepared.sentences
        return any((published := self._published(j)) is not None and published >= day and self.kind(j) == "report"
                   and past_words(sentences[j].text) and event_day(sentences[j].text, published) == day
                   and len(shared := mine & set(lemmas(sentences[j].text))) >= REACHED_SHARED
                   and bool(shared & names)
                   for j in range(len(sentences)))

    def _previews(self) -> frozenset[int]:
        """The documents written on the eve of the event they preview: the lead looks ahead to a day ("will try to
        break the world record on Sunday") and another article was published on or after that day, so the event
        is the later articles' to tell. Found once, for one story's dated sources."""
        if self._eve_documents is None:
            sentences, documents = self.prepared.sentences, self.prepared.documents
            newest = self.cutoff
            found = set()
            for lead in sorted(self._openings()):
                doc = sentences[lead].doc
                then = documents[doc].source.published
                if then is None or newest is None or newest <= then or self.kind(lead) != "expected":
                    continue
                day = event_day(sentences[lead].text, then)
                if day is not None and then < day <= newest:
                    found.add(doc)
            self._eve_documents = frozenset(found)
        return self._eve_documents

    def _said_before(self, i: int) -> bool:
        """What someone said, or expected, in a preview a later article overtakes ("Vilaverde coach João Pedro
        Assunção said his players had 'earned the right to enjoy it'", the day before the final it lost)."""
        story = getattr(self.prepared, "story", None)
        if story is None or self.prepared.sentences[i].doc not in story.previews:
            return False
        text = self.prepared.sentences[i].text
        if self.kind(i) == "expected":  # unless what it looks ahead to is still ahead ("in Tokyo next August")
            anchor = self._published(i) or self.cutoff
            return anchor is None or self.cutoff is None or overdue(text, anchor, self.cutoff + dt.timedelta(days=1))
        return _SAYS.search(text) is not None

    def _eve(self, i: int) -> bool:
        """A statement in an article on the eve of the event (`_previews`) that the later articles have moved past:
        a look ahead to no later day than the newest article's ("The forecast is for a cool, still morning"), or
        the present state of things told again, in the past tense, by a later article ("About 32,000 runners are
        entered in the race" / "More than 31,000 runners finished the race")."""
        if not self.one_story or self.cutoff is None or self.prepared.sentences[i].doc not in self._previews():
            return False
        text = self.prepared.sentences[i].text
        if self.kind(i) == "expected":  # of the event, or of a day it has seen ("next August" is still ahead)
            when = event_date(text, self._published(i) or self.cutoff)
            return when is None or when.day <= self.cutoff
        if self.kind(i) != "report" or past_words(_PRESENT_PERFECT.sub("", text)):
            return False
        then = self._published(i)
        if then is None:  # (an eve's article is dated)
            return False
        mine = set(lemmas(text))
        sims = self.prepared.index.similar([i])[0]
        return any(self._after(int(j), i) and self.kind(int(j)) == "report"
                   and past_words(self.prepared.sentences[int(j)].text)
                   and len(mine & set(lemmas(self.prepared.sentences[int(j)].text))) >= EVE_SHARED
                   for j in np.flatnonzero(sims >= SUPERSEDE_COSINE) if int(j) != i)

    def _overtaken_unquoted(self, i: int) -> bool:
        """A statement a later source overtakes in a sentence that is not quoted alone ("The deputy chair, Tomas Reyes,
        will act as chair until the trustees decide" / "Trustees also confirmed Tomas Reyes ... as interim chair"):
        `_newer` offers only quotable sentences in its place; this one is stale all the same. In one story's sources."""
        then = self._published(i)
        if not self.one_story or then is None:
            return False
        text, sentences = self.prepared.sentences[i].text, self.prepared.sentences
        sims = self.prepared.index.similar([i])[0]
        if any(j not in self.quotable and self._after(j, i)
               and supersedes(sentences[j].text, self.kind(j), text, self.kind(i))
               for j in map(int, np.flatnonzero(sims >= SUPERSEDE_COSINE))):
            return True
        # ... or revises its figure ("The figure, in the first findings of the accountants ..., is higher than the
        # £180,000 first reported by the Courier on Monday."), wherever it stands.
        if self._unquoted_revisions is None:
            self._unquoted_revisions = [j for j in range(len(sentences))
                                        if j not in self.quotable and revises(sentences[j].text)]
        return any(sentences[j].doc != sentences[i].doc and self._after(j, i)
                   and revised_count(sentences[j].text, text) for j in self._unquoted_revisions)

    def _newer(self, i: int) -> int | None:
        """A quotable sentence of a later source that supersedes sentence i (see `supersedes`), the newest."""
        then = self._published(i)
        revised = self._revised(i)
        if revised is not None:
            return revised
        sims = self.prepared.index.similar([i])[0]
        if then is None:
            return self._reported(i, sims)
        text = self.prepared.sentences[i].text
        doc = self.prepared.sentences[i].doc
        # A later source; or one of the same day that tells the state moved on (what reopened was closed first:
        # the live page's "the suspension will continue" / the release's "Flights resumed at 3.30 p.m.").
        # ... or of the same day that reports what this one expected later that day ("Trains are expected to start
        # running again by about 3pm" / the wire's "Trains began running ... again at 2.10 p.m.").
        today = self.kind(i) == "expected" and _LATER_TODAY.search(text) is not None and not _OTHER_DAY.search(text)
        # (Never its own words again: a page saved later keeps its older paragraphs, no newer statement.)
        found = [int(j) for j in np.flatnonzero(sims >= SUPERSEDE_COSINE)
                 if self._may_overtake(int(j)) and self.prepared.sentences[int(j)].text != text
                 and (self._after(int(j), i)
                      or (self._published(int(j)) == then and self.prepared.sentences[int(j)].doc != doc
                          and not self._after(i, int(j))
                          and (state_overturned(self.prepared.sentences[int(j)].text, text)
                               or (today and self.kind(int(j)) == "report"))))]
        # A later source's preview of the same plan is its newer state ("is due to open in 2030" / "would open in
        # 2030 if the council approves it").
        found = [j for j in found
                 if supersedes(later := self.prepared.sentences[j].text, self.kind(j), text, self.kind(i))
                 or (self.kind(i) == self.kind(j) == "expected" and (same_preview(later, text)
                                                                     or _reported_first(later, text)))
                 # A later source recalls the preview as what was said before ("It had earlier said it hoped to
                 # reopen the line on Wednesday"): it no longer holds.
                 or (self.kind(i) == "expected" and self._recalls(j, text))]
        # (A later preview of the same plan need not be quotable to overtake it, when no quotable one does: "The
        # authority also announced that the sixth stop ..., at Quarry Hill, will open on Monday 20 July" leans on
        # its sentence before; the stale "is due to open later this summer" goes whether or not it can be shown.)
        # (... and so need not a later state that leans on its sentence before: "His condition improved from
        # critical to stable on Wednesday" / "He remains in a critical condition".)
        if not found:
            found = [int(j) for j in np.flatnonzero(sims >= SUPERSEDE_COSINE)
                     if int(j) not in self.quotable and self._after(int(j), i)
                     and ((self.kind(i) == self.kind(int(j)) == "expected"
                           and same_preview(self.prepared.sentences[int(j)].text, text))
                          or (self.kind(int(j)) == "report"
                              and state_overturned(self.prepared.sentences[int(j)].text, text)))]
        # A preview may share only its verb with the report of the story's main event ("Ravel said his group
        # would vote against" / the bottom line's "the council voted 9 to 4 ..."): too far for the cosine
        # above, so the bottom line of a later source is always asked.
        # Only the preview's own verb counts here, told in the past tense by the bottom line: "would vote" is
        # overtaken by "voted", "would cost the port" is not by a bottom line that names the port.
        main = self.headline
        if not found and main is not None and main != i and self.kind(i) == "expected" \
                and self._after(main, i):
            before, modal, after = preview_event(self.prepared.sentences[i].text)
            verb = lemmas(before)[-1:] if DURATION.match(after) else lemmas(after)[:1]
            told = lemma_stems(past_words(self.prepared.sentences[main].text))
            # Or a later article's headline reports it in the present tense, as headlines do ("Council backs tram
            # extension" overtakes "she expected the council to back the plan").
            event = preview_events(self.prepared.sentences[i].text)[:1]
            verb_now = lemma_stems(words(event[0])[:1]) if event else []
            # (... or a duty the preview names in a clause of its own: "will send a report to the association, which
            # must ratify the swim" / "The Skerran Sound Swimming Association on Monday ratified ...".)
            duties = lemma_stems([m.group(1) for m in _MUST_VERB.finditer(after)]) if modal else []
            # (A passive's participle is its event: "she could be appointed before the end of the week" / "Fenmouth
            # Rovers have appointed Rhian Castellano".)
            if modal and (not COPULA.match(after) or PASSIVE_EVENT.match(after)) and (
                    (verb and any(synonyms(verb[0], t) for t in told))
                    or any(duty in told for duty in duties)
                    or (verb_now and self._headline_tells(verb_now[0], i))):
                found = [main]
        # A state of affairs the bottom line has moved past, in other words ("the fire was now 30 percent
        # contained" / "Firefighters brought the wildfire under control"): too far for the cosine too.
        if not found and main is not None and main != i and self._later_or_beside(main, i) \
                and state_overturned(self.prepared.sentences[main].text, self.prepared.sentences[i].text):
            found = [main]
        # ... or a later source's sentence that shares a word with it and tells the state moved on, however short
        # ("Police have closed the beach and asked people to stay away" / "Selby beach reopened to the public on
        # Sunday morning": cosine 0.06).
        # (A story has one cause: a cause not yet known is overturned by the one found, whatever words they share:
        # "The cause of the fire is not yet known." / "Fire investigators believe the fire was started by a
        # disposable barbecue ...", whose one shared word the index drops as too common.)
        if not found and moved_from(text):
            cause = CAUSE_UNKNOWN.search(text) is not None
            ask = np.flatnonzero(sims > 0) if not cause else sorted(self.quotable)
            found = [int(j) for j in ask
                     # (... and for a cause, a sentence that a short one rides on, which stands alone: "Police ...
                     # arrested a 63-year-old man ... on suspicion of starting the fire ..." before "He is due before
                     # a prosecutor on Thursday.")
                     if int(j) in self.quotable and (int(j) not in self.pairs
                                                     or (cause and self.pairs[int(j)][0] == int(j)))
                     and self._after(int(j), i)
                     and (state_overturned(self.prepared.sentences[int(j)].text, text)
                          if self.kind(int(j)) != "expected" else
                          # (A plan moves a forecast, not a state that is: "will reopen on Saturday" / "will stay
                          # closed until at least Wednesday", not "has closed".)
                          self.kind(i) == "expected" and forecast_moved(self.prepared.sentences[int(j)].text, text))]
        # ... or a later source's report that some were harmed, where this one says nobody was, or that the one
        # missing was found: in one story it is its one event, whatever words each uses ("no child had been reported
        # ill" / "Two pupils ... were treated by their family doctors").
        if not found and self.one_story and moved_apart_from(text):
            found = self._later_reports(i, lambda later: state_moved_apart(later, text))
        # ... or a later source's report that the event it previews was called off ("voted ... to cancel the event",
        # "will not take place this year"): its plans no longer hold.
        if not found and self.kind(i) == "expected":
            found = self._later_reports(i, lambda later: called_off(later, text))
        # ... or a later source that gives the day of what this one said would be made known ("Funeral arrangements
        # will be announced later this week" / "Her funeral will be held ... on Friday 27 March at 11am").
        if not found and self.kind(i) == "expected" and TO_BE_ANNOUNCED.search(text):
            found = [j for j in sorted(self.quotable) if j not in self.pairs and self._after(j, i)
                     and announced(self.prepared.sentences[j].text, text)]
        # ... or a later source's count of all of what this one counts a part of, whatever words else they share
        # ("All 17 Barbary macaques ... are back in the park" / "Fourteen are now back at the park").
        if not found and self._all_counts:
            found = [j for j in self._all_counts if self._after(j, i)
                     and all_counted(self.prepared.sentences[j].text, text)]
        # ... or a later source's larger total of a fundraising ("It had raised £6,200 by Tuesday morning" / "The appeal
        # has raised £12,400 towards its £40,000 target").
        if not found and self.one_story and (mine := self._totals.get(i)) is not None:
            found = [j for j, total in self._totals.items() if total[0] == mine[0] and total[1] > mine[1]
                     and self._after(j, i)]
        # ... or a later source's final tally of a running count ("bringing the total since Thursday to 243").
        if not found and self._tallies and RUNNING_COUNT.search(text):
            found = [j for j in self._tallies if self._after(j, i)
                     and final_tally(self.prepared.sentences[j].text, text)]
        return max((j for j in found if self.prepared.sentences[j].text != text),
                   key=lambda j: (self._order(j), sims[j]), default=None)

    def _pair_overtaken(self, parts: Sequence[int]) -> bool:
        """Whether a later report tells the state two sentences quoted together give has moved on, read together
        ("A steward was taken to Brackenmoor Infirmary with a head injury ... He is said to be in a stable
        condition." / "The injured steward has been discharged from hospital."): the second alone shares no word
        with it."""
        text = " ".join(self.prepared.sentences[j].text for j in parts)
        # (Only a person's state, told by a pronoun: "Two of them ... were closed as a precaution" after the county's
        # inspections is not overturned by another school's reopening, whatever the two share.)
        if not re.match(r"(?:He|She)\s", self.prepared.sentences[parts[-1]].text) or not moved_from(text):
            return False
        sims = self.prepared.index.similar(list(parts)).max(axis=0)
        return any(int(j) in self.quotable and int(j) not in parts and self._after(int(j), parts[0])
                   and self.kind(int(j)) == "report"
                   and state_overturned(self.prepared.sentences[int(j)].text, text)
                   for j in np.flatnonzero(sims > 0))

    def _later_reports(self, i: int, overturns: Callable[[str], bool]) -> list[int]:
        """The quotable reports (no joined pair's) of sources newer than sentence i's whose text `overturns` holds
        for: asked of every one, whatever words it shares with the sentence overturned."""
        return [j for j in sorted(self.quotable) if j not in self.pairs and self._after(j, i)
                and self.kind(j) == "report" and overturns(self.prepared.sentences[j].text)]

    def _later_or_beside(self, j: int, i: int) -> bool:
        """Whether sentence j is of a newer source than sentence i (dated), or of another source of the same day
        not older (a live page's "The vote is now under way" and the wire's "voted 27 to 18" of that evening)."""
        then = self._published(i)
        return self._after(j, i) or ((self._published(j) or then) == then and not self._after(i, j)
                                     and self.prepared.sentences[j].doc != self.prepared.sentences[i].doc)

    def _recalls(self, j: int, preview: str) -> bool:
        """Whether sentence j, or the sentence quoted with it, recalls `preview` as said before (`_RECALLED`)."""
        return any(_RECALLED.search(t := self.prepared.sentences[k].text) is not None and same_preview(t, preview)
                   for k in self.pairs.get(j, (j,)))

    def _may_overtake(self, j: int) -> bool:
        """Whether sentence j may stand for a newer statement: quotable, alone or as the sentence that stands for two
        quoted together ("Hours later, the harbour master admitted ...", with the sentence before it; "... is now in
        a stable condition on a ward ..., his family said.", with its short tail "He is expected to need several
        weeks in hospital.")."""
        return j in self.quotable

    def _revised(self, i: int) -> int | None:
        """A quotable sentence of another source that revises a figure sentence i gives (`revised_count`: "at first
        put the number ... at about 120; it raised that figure to 146"), unless its source is older: the revision
        tells its own order, so an undated one counts."""
        if self._revisions is None:
            self._revisions = [j for j in sorted(self.quotable) if revises(self.prepared.sentences[j].text)]
        doc, text = self.prepared.sentences[i].doc, self.prepared.sentences[i].text
        found = [j for j in self._revisions if self.prepared.sentences[j].doc != doc
                 and not self._after(i, j)
                 and self._may_overtake(j) and revised_count(self.prepared.sentences[j].text, text)]
        return max(found, key=lambda j: (self._order(j), -j), default=None)

    def _headline_tells(self, verb: str, i: int) -> bool:
        """Whether the headline of an article newer than sentence i's reports the event `verb` names: the verb or
        a WordNet synonym among its words, in a headline that reports (`discover.reports`: not "Council to vote
        ...")."""
        for document in self.prepared.documents:
            title = document.title or document.source.title
            if not title or not newer(document.source, self._source(i)) or not reports(title):
                continue
            # A noun made from the verb names the event, not that it happened ("vote to strike over plant closure"
            # does not report "would close its plant by the end of September").
            title_words = words(title)
            told = [t for w, t in zip(title_words, lemma_stems(title_words), strict=True)
                    if t == verb or not _NOMINAL.search(w)]
            if any(synonyms(verb, t) for t in told):
                return True
        return False

    def _reported(self, i: int, sims: np.ndarray) -> int | None:
        """For a preview from an undated source whose day has come (by the brief's date): a report of the same
        event in another source ("On Monday, Blinken meets ... Xi" once "Blinken met with Xi ... on Monday")."""
        sentence = self.prepared.sentences[i]
        # A state another source tells moved on tells its own order ("The river will stay closed until tests show
        # the water is safe", on an undated club page / "The River Orrin reopened ... on Thursday morning").
        reports = [int(j) for j in np.flatnonzero(sims >= SUPERSEDE_COSINE)
                   if self.prepared.sentences[int(j)].doc != sentence.doc and self._may_overtake(int(j))
                   and self.kind(int(j)) == "report"]
        moved = [j for j in reports if state_overturned(self.prepared.sentences[j].text, sentence.text)]
        if moved:
            return max(moved, key=lambda j: sims[j])
        if self.kind(i) != "expected":
            return None
        # A thing to be set up, once another source tells it running, whatever the dates ("would launch an appeal" /
        # "The appeal ... has passed its first target").
        running = [j for j in reports if launched(self.prepared.sentences[j].text, sentence.text)]
        if running:
            return max(running, key=lambda j: sims[j])
        # With no date at all (no article dated, no --date), the report must name the preview's day: "met with
        # Xi ... on Monday" tells that Monday has come.
        days = set(WEEKDAY.findall(sentence.text.lower())) if self.today is None else set()
        if self.today is None and not days:
            return None
        if self.today is not None:
            # The preview's own day; a day before its modal is the event's only when no verb in the past lies
            # between: "In Brussels on Friday, ... Austin expressed optimism that he would eventually hold talks ..."
            # was told on Friday, of talks with no day (not reported by "Blinken has opened a second day of
            # meetings", whatever its words).
            when = preview_day(sentence.text, self.today)
            if when is None and not past_words(preview_event(sentence.text)[0]):
                when = event_date(sentence.text, self.today)
            if when is None or when.precision != "day" or when.day > self.today:
                return None
        found = [int(j) for j in np.flatnonzero(sims >= SUPERSEDE_COSINE)
                 if self.prepared.sentences[int(j)].doc != sentence.doc and int(j) in self.quotable
                 and int(j) not in self.pairs and self.kind(int(j)) == "report"
                 and (not days or days & set(WEEKDAY.findall(self.prepared.sentences[int(j)].text.lower())))
                 and supersedes(self.prepared.sentences[int(j)].text, "report", sentence.text, "expected")]
        return max(found, key=lambda j: sims[j], default=None)

    def take(self, index: int) -> list[int]:
        """Choose sentence `index` itself (not another version of its fact) for the brief."""
        if self._headline_ahead is not None:
            self.facts.learn(self._headline_ahead.result())
            self._headline_ahead = None
        fact = self.facts.of(index)
        members = self.facts.members(fact)
        self.said[list(members)] = True
        if fact in self.used:
            return []
        self.used.add(fact)
        # Its score is what the ranker says it adds, as for any other item.
        gain = self.selector(self.view, budget_words=word_count(self.view[index].text), candidates=[index],
                             covered=tuple(self.chosen), weights=self.weights)
        # The story's own choice is kept whatever its kind ("want to" reads as a plan to the classifier).
        stating = self._stating(members) if index in self._stating(members) else list(members)
        choice = self._choice(index, tuple(sorted(self._sources(self._could_tell(index, stating)))),
                              gain[0][1] if gain else 0.0)
        self._shown(fact, index, (index,), choice)
        return [index]

    def _shown(self, fact: int, index: int, parts: Sequence[int], choice: Choice) -> None:
        """Record a chosen fact: what is quoted for it, and what may no longer be offered."""
        self.facts.quoted(fact, choice.sentence)
        # Near-copies of what is shown (by the looser TF-IDF test) would read as the fact twice,
        # even when the rule keeps them apart (an added clause): the ranker is not offered them.
        for shown in {*parts, choice.sentence}:
            sims = self.prepared.index.similar([shown])[0]
            self.near |= self._near_copies(shown, sims)
            if self.brief:
                self.near |= self._contained(shown)
                self.near[self._same_count(shown, sims)] = True
                self.near[self._same_plan(shown, sims)] = True
                # A large figure told again, or a figure told in another form, is the fact stated again: its sources
                # state it too.
                figure_again = self._same_figure(shown, sims) + self._same_vote(shown, sims) \
                    + self._same_score(shown, sims) + self._same_verdict(shown, sims) \
                    + self._same_figures(shown, sims) + (revision := self._same_revision(shown, sims))
                self.revisions_told.update(revision)
                told_again = self._same_measure(shown, sims) + self._same_state(shown, sims)
                self.near[figure_again] = True
                self.near[told_again] = True
                text = self.prepared.sentences[shown].text
                same_kind = [j for j in told_again if self.kind(j) == choice.kind  # not a preview of a report
                             and (same_measure(text, self.prepared.sentences[j].text, CREDIT_WORDS)
                                  or same_state(text, self.prepared.sentences[j].text))]
                # (... not one that tells another state of the people it counts: "were still being questioned" /
                # "the man, 44, and the woman, 39, ... were freed".)
                same_kind += [j for j in figure_again if self.kind(j) == choice.kind
                              and not opposite(text, self.prepared.sentences[j].text)]
                if same_kind and shown == choice.sentence:
                    credits = self._sources(self._could_tell(shown, same_kind))
                    choice = replace(choice, sources=tuple(sorted({*choice.sources, *credits})))
                self.near[self._same_next(shown)] = True
            self.said |= self.near
        self.choices[index] = choice
        self.chosen.append(index)

    def _near_copies(self, shown: int, sims: np.ndarray) -> np.ndarray:
        """The sentences at SAME_FACT cosine or more from a shown one, but for those that share only its setting: each
        has NEAR_OWN_WORDS content words or more that the other lacks ("A pair of white storks has built a nest on top
        of the tower of St Oswin's Church ..., the first ... for more than 400 years" / "Three eggs can be seen in the
        nest of the white storks on the tower of St Oswin's Church ..., after a webcam was fixed to the tower")."""
        near = sims >= SAME_FACT
        text = self.prepared.sentences[shown].text
        # (Not a count and its update: "At least 40 pupils and four teachers ... fell ill on Monday" / "The number of
        # people who fell ill ... has risen to 58".)
        if _UPDATED.search(text):
            return near
        for j in np.flatnonzero(near).tolist():
            other = self.prepared.sentences[j].text
            if j != shown and not _UPDATED.search(other) and _own_words_apart(text, other):
                near[j] = False
        return near

    def _stating(self, members: Sequence[int]) -> list[int]:
        """The members that state the fact: all, or only reports once it is reported (previews drop out)."""
        kinds = {j: self.kind(j) for j in members}
        # (A member that dates its news to a day after its article's reports nothing yet.)
        reported = any(k != "expected" and not looks_ahead(self.prepared.sentences[j].text, self._published(j))
                       for j, k in kinds.items())
        return [j for j in members if not reported or kinds[j] != "expected"]

    def _sources(self, stating: Sequence[int]) -> set[int]:
        return {self.prepared.documents[self.prepared.sentences[j].doc].source.id for j in stating}

    def _joined(self, index: int, parts: Sequence[int], score: float) -> Choice | None:
        """Two sentences quoted together (one leans on the other): credited to the sources that state both."""
        stating = [self._stating(self.facts.members(self.facts.of(j))) for j in parts]
        if any(j not in mine for j, mine in zip(parts, stating, strict=True)):
            return None  # a preview of what another source reports
        sources = set.intersection(*(self._sources(mine) for mine in stating))
        return self._choice(index, tuple(sorted(sources)), score)

    def _choice(self, best: int, sources: tuple[int, ...], score: float) -> Choice:
        sentences, docs = self.prepared.sentences, self.prepared.documents
        published = docs[sentences[best].doc].source.published
        anchor = published or self.today
        when = event_date(sentences[best].text, anchor) if anchor else None
        date = when.iso() if when else published.isoformat() if published else None
        return Choice(best, sources, score, self.kind(best), date)

    def _choose(self, index: int, members: Sequence[int], score: float) -> Choice | None:
        """The fact's best quotable version and the sources that state it (see the module docstring)."""
        sentences = self.prepared.sentences
        stating = self._stating(members)
        # A version that leans on its neighbour is only ever quoted with it (as picked), never swapped in; nor one
        # without the picked sentence's figure ("a pay rise of 6.5 per cent" is not told by "asking for ... 9 per
        # cent", whatever the same-fact rule grouped).
        text = sentences[index].text
        versions = [j for j in stating if j in self.quotable and (j == index or (
            j not in self.pairs and not self.near[j] and not figure_missing(text, sentences[j].text)))]
        if not versions:
            return None
        length = word_count(sentences[index].text)

        def quality(j: int) -> tuple[bool, float, int]:
            # Prefer a complete version (more words, within a few of the chosen one), then the earliest source.
            n = word_count(sentences[j].text)
            return (n <= length + 5, float(min(n, length + 5)), -sentences[j].doc)

        best = max(versions, key=quality)
        return self._choice(best, tuple(sorted(self._sources(self._could_tell(best, stating)))), score)

    def _openings(self) -> set[int]:
        """Each article's first quotable sentence."""
        if self._opening_rows is None:
            self._opening_rows = set(_leads(self.prepared, per_article=1))
        return self._opening_rows

    def _could_tell(self, best: int, stating: Sequence[int]) -> list[int]:
        """The members published on or after the day `best` reports: an article of Tuesday cannot state "the
        minister resigned on Wednesday", whatever words it shares with it; and not those it overtakes."""
        text, then = self.prepared.sentences[best].text, self._published(best)
        # (Never one that gives another count of about its size: "A syndicate of twenty-four workers ... has won"
        # does not state "whose 25 members shared a lottery jackpot".)
        stating = [j for j in stating if j == best or not counts_differ(text, self.prepared.sentences[j].text)]
        # ... nor one of a state it overturns, or that overturns it ("Somebody has come forward to claim the £2.4
        # million Grand Lotto jackpot" is not stated by "The unclaimed £2.4 million Grand Lotto ticket was bought").
        # (One story's sources only: in a firehose a fact has too many versions to ask.)
        if self.one_story:
            stating = [j for j in stating if j == best or not (
                state_moved_on(text, self.prepared.sentences[j].text)
                or state_moved_on(self.prepared.sentences[j].text, text))]
        # ... nor one whose large figures are all others ("More than 2,300 people have signed a petition" does not state
        # "The petition ... closed with 5,100 signatures").
        mine = _large(figures_of(text))
        stating = [j for j in stating if j == best or not mine or not (theirs := _large(figures_of(
            self.prepared.sentences[j].text))) or any(rounds(a, b) for a in mine for b in theirs)]
        # An article's opening news in the present perfect with no day is of its day or the day before ("A retired
        # postman and his wife ... have claimed a £3.8 million ... jackpot", in Friday's wire): Wednesday's articles,
        # which share its figure, cannot state it.
        if then is not None and best in self._openings() and PERFECT_NEWS.search(text) is not None \
                and event_day(text, then) is None:
            opened = then - dt.timedelta(days=1)
            stating = [j for j in stating if j == best or (self._published(j) or then) >= opened]
        if self.kind(best) != "report":
            # (Nor, whatever the kind, one that gives the figure it names as the old one: "the budget would rise to
            # 1.45 billion pounds from 1.2 billion" is not stated by "The scheme's budget stands at 1.2 billion".)
            sentences = self.prepared.sentences
            return [j for j in stating if j == best or not plan_missing(text, sentences[j].text)]
        anchor = then or self.today
        day = event_day(text, anchor) if anchor else None
        return [j for j in stating if j == best or could_state(text, day, then, self.prepared.sentences[j].text,
                                                               self.kind(j), self._published(j))]


# A statement recalled as an earlier one: "It had earlier said it hoped to reopen the line on Wednesday."
_RECALLED = re.compile(r"\b(?:had|has) (?:earlier|previously|initially|originally|at first|first) "
                       r"(?:said|hoped|expected|predicted|planned|promised|estimated|announced|forecast)\b", re.I)
# A sentence's first clause, before a clause that looks ahead ("... returned on Friday morning, but only the 400
# pedal bikes are back, and the 800 electric bikes will stay off until May").
_NEXT_CLAUSE = re.compile(r",? (?:but|and|while|although) |; ")


def _reported_first(later: str, preview: str) -> bool:
    """Whether `later`, a preview as a whole, reports in its first clause the event `preview` looks ahead to."""
    first = _NEXT_CLAUSE.split(later, maxsplit=1)[0]
    return first != later and classify(first) == "report" and supersedes(first, "report", preview, "expected")


_UPDATED = re.compile(r"\b(?:risen|rose|climbed|increased|grown|grew|jumped|fallen|fell|dropped|revised)\s+"
                      r"(?:up |down )?to\b|\b(?:now|has|have) (?:put|puts)\b", re.I)
# Content words each of two near sentences must have that the other lacks for them to be two facts in one setting.
NEAR_OWN_WORDS = 5


def _own_words_apart(a: str, b: str) -> bool:
    """Whether each sentence has NEAR_OWN_WORDS content words the other neither has nor has a synonym of."""
    mine, theirs = profile(a), profile(b)
    if len(mine.content - theirs.content) < NEAR_OWN_WORDS or len(theirs.content - mine.content) < NEAR_OWN_WORDS:
        return False  # (what alignment leaves is fewer still)
    own_a, own_b = residue(mine, theirs).unaligned
    return len(own_a) >= NEAR_OWN_WORDS and len(own_b) >= NEAR_OWN_WORDS


def same_next(a: str, b: str, anchor: dt.date, day: dt.date | None = None) -> bool:
    """Whether two sentences give the day of the next round of one recurring thing ("The next rate decision is
    due on Nov. 5." / "The committee's next meeting is on 5 November."): "next" before such a noun in both, and
    one day (`day`, `a`'s if given, else read from `a` against `anchor`) named by both."""
    if not (_NEXT.search(a) and _NEXT.search(b)):
        return False
    day = day or event_day(a, anchor)
    return day is not None and event_day(b, anchor) == day


_GATHERED = re.compile(rf"\b(?:{GATHERINGS})\b", re.I)


_WAS_DUE = re.compile(r"\b(?:was|were) (?:due|scheduled|expected|set) to\b", re.I)


def same_gathering(a: str, b: str, anchor: dt.date) -> bool:
    """Whether two sentences look ahead to one gathering: the same kind on the same day, at a place both name
    ("Inspectors will attend the public meeting on Inishcarra on Friday 19 June" / "Islanders will hold a public
    meeting at the community hall on Inishcarra on Friday")."""
    kinds = [{m.lower() for m in _GATHERED.findall(t)} for t in (a, b)]
    if not kinds[0] & kinds[1]:
        return False
    day = event_day(a, anchor)
    if day is None or event_day(b, anchor) != day:
        return False
    named = [{w for w in CAPITALISED.findall(t[1:]) if w.lower() not in WEEKDAYS and w.lower() not in MONTHS}
             for t in (a, b)]
    return bool(named[0] & named[1])


def joined_view(sentences: Sequence[Sentence], pairs: dict[int, tuple[int, int]]) -> tuple[Sentence, ...]:
    """The sentences as the ranker reads them: a sentence quoted with its neighbour reads as the two together."""
    return tuple(replace(s, text=joined(sentences[pairs[i][0]].text, sentences[pairs[i][1]].text)) if i in pairs else s
                 for i, s in enumerate(sentences))


def brief_view(prepared: Prepared) -> tuple[Sentence, ...]:
    """What a brief's ranker reads of `prepared` (its `Picker.view`)."""
    return joined_view(prepared.sentences, _with_back_references(prepared)[0])


def _with_back_references(prepared: Prepared) -> tuple[dict[int, tuple[int, int]], set[int]]:
    """The joined pairs, with a pair more for each quotable sentence that refers back to a noun introduced just
    before it (`candidates.refers_back`: "Velmar Terminals denied making any threat."), joined with the sentence
    before it when that one stands alone in the same paragraph; and the ones that cannot be joined (dropped)."""
    pairs = dict(prepared.pairs)
    members = {j for pair in pairs.values() for j in pair}
    sentences, quotable = prepared.sentences, set(prepared.candidates)
    limit = prepared.job.options.limits.max_sentence_words
    dropped = set()
    referring = refers_back(sentences, [i for i in prepared.candidates if i not in members])
    for i in sorted(referring):
        before = i - 1
        joinable = (before in quotable and before not in referring and before not in members
                    and sentences[before].doc == sentences[i].doc
                    and sentences[before].paragraph == sentences[i].paragraph
                    and not leans_back(sentences[before].text)
                    and word_count(sentences[before].text) + word_count(sentences[i].text) <= limit)
        if joinable:
            pairs[i] = (before, i)
            members.update((before, i))
        else:
            dropped.add(i)
    return pairs, dropped


def order_key(prepared: Prepared, index: int) -> tuple[dt.date, int, int]:
    """Where an item stands in its section: by its article's day, then by its place in the article (each article
    puts who, what, when first: the seeds' overview opened with a paragraph of background from deep in source 1,
    before source 5's lead), then by source."""
    sentence = prepared.sentences[index]
    source = prepared.documents[sentence.doc].source
    return (source.published or dt.date.min, sentence.position, source.id)


def _items(picker: Picker, indices: Sequence[int]) -> tuple[Item, ...]:
    """The picks as items in their articles' order, each with the reasons it was chosen (`why`: shown on hover in
    HTML)."""
    leads = set(_leads(picker.prepared))
    chosen = sorted(((i, picker.choices[i]) for i in indices), key=lambda ic: order_key(picker.prepared,
                                                                                      ic[1].sentence))
    return tuple(Item(picker.view[c.sentence].text, c.sources, round(c.score, 4), kind=c.kind, date=c.date,
                      why=_why(picker, i, c, i in leads)) for i, c in chosen)


def _told(text: str) -> list[str]:
    """The lemma stems of the past-tense verbs of `text`, in order, verbs of saying aside."""
    return [verb for verb in lemma_stems(past_words(text)) if verb not in _SAYING]


_SAYING = frozenset({"said", "say", "told", "tell", "ad", "add", "report"})


def _why(picker: Picker, index: int, choice: Choice, lead: bool) -> tuple[str, ...]:
    n = len(choice.sources)
    reasons = [f"stated by {n} source{'s' if n != 1 else ''}", f"what it adds (ranker gain {choice.score:.1f})"]
    if lead:
        reasons.append("in an article's opening lines")
    if picker.weights.get(index, 1.0) >= OUTCOME_WEIGHT:
        reasons.append("reports an outcome")
    if choice.kind != "report":
        reasons.append(f"kind: {choice.kind}")
    return tuple(reasons)


def _bottom_line(prepared: Prepared) -> int | None:
    story = getattr(prepared, "story", None)
    line = story.bottom_line if story is not None else None
    if line is None:
        return None
    return next((i for i in prepared.candidates if prepared.sentences[i].text == line.text), None)


def _leads(prepared: Prepared, per_article: int = LEAD_SENTENCES) -> list[int]:
    """The first quotable sentences of each document: news puts who, what, when and where first."""
    seen: dict[int, int] = {}
    leads = []
    for i in prepared.candidates:
        doc = prepared.sentences[i].doc
        seen[doc] = seen.get(doc, 0) + 1
        if seen[doc] <= per_article:
            leads.append(i)
    return leads


def _newest_leads(picker: Picker) -> set[int]:
    """The first quotable sentence of each article of the newest day, when the story has older articles too."""
    prepared = picker.prepared
    published = [d.source.published for d in prepared.documents]
    if picker.cutoff is None or not any(p is not None and p < picker.cutoff for p in published):
        return set()
    firsts: dict[int, int] = {}
    for i in prepared.candidates:
        firsts.setdefault(prepared.sentences[i].doc, i)
    return {i for doc, i in firsts.items() if published[doc] == picker.cutoff}


def _names(heading: str, text: str) -> bool:
    """Whether `text` names a topic's heading (as words, any case), not only in a list that names it in passing."""
    return not is_list(text) and re.search(rf"(?<![\w-]){re.escape(heading)}(?![\w-])", text, re.I) is not None


def _key_pool(picker: Picker) -> list[int]:
    """What the overview draws on: the articles' leads, and the key facts wherever they stand (a fact that
    several independent outlets state, or an outcome), each short enough to take in at a glance."""
    leads = set(_leads(picker.prepared))
    return [i for i in picker.prepared.candidates if word_count(picker.view[i].text) <= OVERVIEW_ITEM_WORDS
            and (picker.independent(i) >= 2
                 or ((i in leads or picker.weights.get(i, 1.0) >= OUTCOME_WEIGHT) and not _background(picker, i)))]


def _turns_on(picker: Picker) -> list[int]:
    """What the story turns on, wherever later news left it: the first report of the earliest article that reports
    (the eruption, the crash, before the days of its aftermath), and each decision told in an article's lead (a
    court's ruling, a cabinet's vote: `candidates.decides`). Only in a story told over more than one day."""
    prepared = picker.prepared
    published = [d.source.published for d in prepared.documents]
    if picker.cutoff is None or not any(p is not None and p < picker.cutoff for p in published):
        return []
    leads = _leads(prepared)
    out: list[int] = []
    first = min((i for i in leads if published[prepared.sentences[i].doc] is not None and picker.kind(i) == "report"
                 and i == next(j for j in leads if prepared.sentences[j].doc == prepared.sentences[i].doc)),
                key=lambda i: order_key(prepared, i), default=None)
    if first is not None:
        out.append(first)
    out += [i for i in leads if i != first and decides(picker.view[i].text) and picker.kind(i) == "report"
            and not _background(picker, i)]
    return [i for i in out if word_count(picker.view[i].text) <= OVERVIEW_ITEM_WORDS]


def _background(picker: Picker, i: int) -> bool:
    """A lead or an outcome its article dates long before it was written ("A lower court ruled for the developer
    last year"): background to the news, not a key fact of it."""
    published = picker._published(i)
    if published is None:
        return False
    text = picker.view[i].text
    when = event_date(text, published)
    if when is None or _RELATIVE_CLAUSE.search(text, 0, max(0, text.find(when.phrase))):
        return False  # "Daniel Achterberg, a former hospital surgeon who entered parliament in 2023": the news is his
    if when.phrase.startswith("last"):
        return when.precision in ("month", "year")  # "said last month", "ruled ... last year"
    return when.precision == "year" and published.year - when.day.year >= BACKGROUND_YEARS


def _budget_used(picker: Picker, indices: Sequence[int]) -> int:
    return sum(word_count(picker.view[picker.choices[i].sentence].text) for i in indices)


# Share of the smaller item's content words (people's names aside) at which two items read as one fact said
# twice ("The union is asking for 14 per cent over two years" / "The union ... is seeking a 14 per cent pay rise
# over two years and job guarantees ..."); the same test as tests/test_sections.py.
REWORDED = 0.65
# Where a sentence divides into clauses that can each state a fact, and how many content words make one.
_CLAUSE = re.compile(r",\s+(?:and|but|while|as)\s+|;\s+|:\s+|\s+[—–]\s+")
CLAUSE_STEMS = 5


# Where a list sentence divides into its items ("ranging from steel tariffs and fishing rights to the bridge
# toll"), and the share of the shorter list's items that, each sharing a content word with an item of the other,
# make two lists one fact told twice ("The neighbours stand apart on weighty matters: who may fish where; the
# duties on steel; the toll on the bridge").
_LIST_ITEM = re.compile(r",\s*|;\s*|:\s*|\s+(?:and|or|to)\s+")
SAME_LIST = 0.75
MIN_LIST_ITEMS = 3


_LIST_LEAD = re.compile(r"^.*?(?::|\branging from\b|\bsuch as\b|\bincluding\b)", re.I)


def _list_items(text: str, names: set[str]) -> list[set[str]]:
    """A list's items as content stems, the words that announce it left out ("The list ... is long, ranging
    from"); none for a sentence that announces no list and has no semicolons between its items (a sentence of
    appositions, "Jonas Pell, 31, broke his left arm and two vertebrae when he fell ... at about 2.30pm", shares a
    word with each part of "Jonas Pell, 31, from Redmarsh, was climbing ... when a hold broke and he fell ... at
    around 2.30pm", and is no list of the same items)."""
    if not _LIST_LEAD.search(text) and text.count(";") < 2:
        return []
    items = _LIST_LEAD.sub("", text, count=1)
    return [stems for part in _LIST_ITEM.split(items) if (stems := set(content_stems(part)) - names)]


def _same_list(a: list[set[str]], b: list[set[str]]) -> bool:
    """Two enumerations of mostly the same items."""
    short, other = sorted((a, b), key=len)
    hits = sum(any(item & theirs for theirs in other) for item in short)
    return len(short) >= MIN_LIST_ITEMS and hits >= max(MIN_LIST_ITEMS, SAME_LIST * len(short))


# A short item ("The trust has shut a footpath near the site.") whose words an earlier item holds, as themselves
# or as WordNet synonyms, at this share ("The trust has closed the footpath that runs past the site ..."), tells
# nothing new. (Synonyms only for short items: across longer ones WordNet's many senses make chance matches.)
SHORT_ITEM_STEMS = 6
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\s+")
COVERED = 0.8


# The least figure an item must give again to tell an earlier item's main clause (`_no_reworded_repeats`).
TOLD_FIGURE = 10


def _covered(short: set[str], other: set[str]) -> bool:
    rest = other - short
    found = len(short & other) + sum(1 for w in short - other if any(synonyms(w, o) for o in rest))
    return found >= COVERED * len(short)


def _step(picker: Picker, index: int, surnames: Collection[str]) -> tuple[str, frozenset[str]] | None:
    """(the day, the surnames named) of an item whose own words date it to a day after the newest source and that
    names one of the story's people; None for any other item."""
    choice = picker.choices[index]
    text = picker.view[choice.sentence].text
    named = frozenset(name for name in surnames if re.search(rf"\b{re.escape(name)}\b", text))
    if not named or picker.cutoff is None:
        return None
    when = event_date(text, picker.cutoff)
    return (when.iso(), named) if when is not None and when.precision == "day" and when.day > picker.cutoff else None


# Share of the smaller lead's content words (people's names aside) two articles' leads on one day's event must
# share to be one fact (see `_no_reworded_repeats`).
SAME_LEAD = 0.35
# A figure a lead gives as news of its own (see `_no_reworded_repeats`): the foods story's 610-820 million crowns;
# below it ages, counts and lengths that two leads of one event give in their own ways (the verdict's "61", the
# recount's "two-day").
LARGE_FIGURE = 100


def _large(figures: frozenset[float]) -> frozenset[float]:
    """The figures of at least `LARGE_FIGURE`: amounts a lead gives as its news, not ages, counts or lengths."""
    return frozenset(f for f in figures if f >= LARGE_FIGURE)


def _lead_day(picker: Picker, index: int, firsts: set[int]) -> tuple[int, str] | None:
    """(article, day of its news) of an item that is an article's lead naming its event's day; else None."""
    sentence = picker.choices[index].sentence
    lead = next((i for i in (index, sentence) if i in firsts), None)
    if lead is None:
        return None
    doc = picker.prepared.sentences[lead].doc
    anchor = picker.prepared.documents[doc].source.published or picker.cutoff
    if anchor is None:
        return None
    text = picker.view[sentence].text
    # (A preview's day is the day of its own event, not of an aside: "Heron Ward, ... that closed on Thursday, will
    # reopen on Monday 1 June".)
    when = preview_day(text, anchor) or event_date(text, anchor)
    if when is None or when.precision != "day":
        return None
    # A lead that tells on a later day what was found of the event ("An electrical fault ... caused the fire that
    # gutted the bottling hall ... on Monday, fire investigators said on Tuesday") is that later day's news.
    told = told_on(text, anchor)
    return (doc, told.iso() if told is not None and told.day > when.day else when.iso())


def _story_names(picker: Picker) -> set[str]:
    """The content-word stems of the story's people's names (left out when items are compared)."""
    story = getattr(picker.prepared, "story", None)
    return {w for person in (story.people if story is not None else ()) for w in content_stems(person.name)}


def _clauses(text: str, names: set[str]) -> list[tuple[str, set[str]]]:
    """The clauses of a longer sentence that can each state a fact (`CLAUSE_STEMS` content words or more, `names`
    aside), with their content-word stems; none for a sentence of one clause."""
    clauses = _CLAUSE.split(text)
    return [(clause, stems) for clause in (clauses if len(clauses) > 1 else ())
            if len(stems := set(content_stems(clause)) - names) >= CLAUSE_STEMS]


def _reworded(text: str, names: set[str], kept: Sequence[set[str]]) -> bool:
    """Whether `text`, or one of its clauses, shares `REWORDED` of its content words (`names` aside) with one of
    `kept` (each item's content-word stems): the same fact in other words."""
    # A clause of a longer sentence can tell an earlier item's fact again ("China's defence minister had
    # already refused to meet Lloyd Austin in Singapore ..., and Chinese officials tie ..."): each clause is held
    # against the items kept, as the whole sentence is.
    parts = [set(content_stems(text)) - names, *(stems for _, stems in _clauses(text, names))]
    return any(len(part & other) / max(min(len(part), len(other)), 1) >= REWORDED for part in parts for other in kept)


def _issues(prepared: Prepared, topics: Sequence[Topic]) -> set[str]:
    """The topics named for a proper noun the articles write about as an issue ("talks about Taiwan", "the status of
    Taiwan"; briefer.headings.topical), not for a thing or a word that may name anything ("Arrest", "Accords",
    "Palestinian airport" in DUC 2004 wire copy, where a second item displaced other sections' items)."""
    from briefer.headings import Story, is_proper, topical  # the headings stage reads the story as this one

    story = Story([prepared.sentences[i].text for i in prepared.candidates])
    return {t.name for t in topics if " " not in t.name and is_proper(t.name, story) and topical(t.name, story)}


def _second_item(picker: Picker, pool: Sequence[int], topic: Topic) -> list[int]:
    """A discovered topic's second item, when selection gave it one (briefer.headings gives a lone item away, so
    its words were spent for no section): the best of its sentences that fits the shortest one's length and
    `TOPIC_OVERRUN_WORDS` more, and that tells no fact of the brief again in other words."""
    names = _story_names(picker)
    shown = [set(content_stems(picker.view[picker.choices[i].sentence].text)) - names for i in picker.chosen]
    free = [i for i in pool if not picker.said[i] and i in picker.quotable
            and not _reworded(picker.view[i].text, names, shown)]
    if not free:
        return []
    shortest = min(word_count(picker.view[i].text) for i in free)
    return picker.pick(shortest + TOPIC_OVERRUN_WORDS, free, query=topic)


_OPENS_WITH_COUNT = re.compile(r"^(?:(?:About|Around|Some|More than|At least|Nearly|Almost|Another|The)\s+)?"
                               r"(?:\d[\d,]*|(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|"
                               r"[A-Z][a-z]+teen|(?:Twen|Thir|For|Fif|Six|Seven|Eigh|Nine)ty(?:-[a-z]+)?))\s+"
                               r"(?:[a-z]+\s+){0,2}?(?:are|were|have|had|has|"
                               r"was|is|remain|remained)\b")


# A relative clause set off in commas, and an age: what a sentence says of its subject, not its news.
_ASIDES = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,|,\s+\d{1,3},")


def _without_asides(text: str) -> str:
    """`text` without its relative clauses set off in commas ("The company, which was founded in 1968, stopped
    trading" -> "The company stopped trading")."""
    return _ASIDES.sub("", text) if "," in text else text


def _counted_otherwise(a: str, b: str) -> bool:
    """Whether each of two texts gives a figure the other does not ("Five of the town's nine pharmacies" / "Eight of
    Ferrisford's nine pharmacies"; not "The two ministers agreed ..." beside a line with no figure)."""
    fa, fb = figures_of(a), figures_of(b)
    return bool(fa - fb) and bool(fb - fa)


def _same_core(picker: Picker, a: str, b: str) -> bool:
    """Whether two items' texts without their asides state the same fact (the same-fact rule, with the brief's
    TF-IDF weights)."""
    vectors = picker.prepared.index.vectors([a, b])
    cosine = float((vectors[0] @ vectors[1].T).toarray()[0, 0])
    return picker.facts.rule.same(a, b, cosine, picker.facts.idf)


def _no_reworded_repeats(picker: Picker, groups: Sequence[list[int]]) -> tuple[list[int], ...]:
    """The picks of each section less those that repeat an earlier pick in other words (in pick order)."""
    story = getattr(picker.prepared, "story", None)
    names = _story_names(picker)
    kept: list[set[str]] = []
    kept_figures: list[frozenset[float]] = []  # the figures of each item kept
    kept_things: list[set[str]] = []  # ... and the things it counts
    kept_by: list[tuple[int, set[str]]] = []  # the same, with each item's pick
    kept_cores: list[tuple[str, str]] = []  # ... and its text without its asides, with its text
    kept_clauses: list[tuple[set[str], set[str]]] = []  # the clauses of the items kept, with their verbs
    mains: list[tuple[int, set[str]]] = []  # main clauses of items kept, short enough to be told inside another
    lists: list[list[set[str]]] = []
    steps: list[tuple[int, tuple[str, frozenset[str]]]] = []  # items that name a day ahead and people
    stems_of: dict[int, set[str]] = {}
    surnames = {person.name.split()[-1] for person in (story.people if story is not None else ())}
    keep: set[int] = set()
    firsts = picker._openings()  # each article's first quotable sentence
    leads: list[tuple[int, str, set[str], str]] = []  # (article, day, content stems, text) of the article leads kept
    for index in picker.chosen:
        text = picker.view[picker.choices[index].sentence].text
        mine = set(content_stems(text)) - names
        # Two articles' leads on one day's event are that day's news told twice ("A former councillor was found
        # guilty on Wednesday of defrauding the city ..." / "Gerald Pike ... was convicted of four counts of fraud
        # on Wednesday ..."), when they share enough of their words; not two parts of the day ("ran aground ... on
        # Friday morning" / "pulled ... off the sandbank ... on Friday evening").
        lead = _lead_day(picker, index, firsts)
        # ... unless it gives large figures the other does not (the press release's "lowered its forecast ... to
        # between 610 and 650 million crowns" beside the wire's "Shares ... fell 14 per cent ... after ... cut its
        # profit forecast"; not an age, a count of counts or a trial's length: "Gerald Pike, 61, ... was convicted on
        # four counts of fraud after a three-week trial").
        if lead is not None and any(doc != lead[0] and day == lead[1]
                                    and len(mine & other) >= SAME_LEAD * min(len(mine), len(other))
                                    and not parts_of_day_apart(text, other_text)
                                    and _large(figures_of(text)) <= figures_of(other_text)
                                    for doc, day, other, other_text in leads):
            continue
        items = _list_items(text, names) if is_list(text) else []
        if items and any(_same_list(items, other) for other in lists):
            continue
        # (A count that opens an item is its news: "Four people are still missing, police said." is no rewording of
        # "The search for the last people missing ... was suspended", which gives no count.)
        # (Unless the other counts the same thing with another figure: "Twelve dogs have fallen ill ..." / "Five dogs
        # have now fallen ill ...", one fact whose counts differ, printed once with its note.)
        counted = figures_of(text) if _OPENS_WITH_COUNT.match(text) else frozenset()
        things = {c.thing for c in counts(text)} if counted else set()
        # The same fact told around different asides: "The company, which was founded in the town in 1968, stopped
        # trading at 9am on Monday after its bank withdrew an overdraft facility." / "The Morrowby company, which had
        # been taking local people on coach holidays for more than half a century, ceased trading on Monday morning
        # when its bank pulled its overdraft." The one kept is credited to this one's sources too.
        if (core := _without_asides(text)) != text or any(c != t for c, t in kept_cores):
            # (Only pairs where either lost an aside: the rule has judged the rest as they stand.)
            same = next((k for (k, _), (other_core, other) in zip(kept_by, kept_cores, strict=True)
                         if (core != text or other_core != other) and _same_core(picker, core, other_core)), None)
            if same is not None:
                # (Not an item of two sentences: the other source may state only one of them.)
                if len(picker.pairs.get(same, (same,))) == 1 and len(picker.pairs.get(index, (index,))) == 1:
                    was = picker.choices[same]
                    picker.choices[same] = replace(was, sources=tuple(sorted({*was.sources,
                                                                              *picker.choices[index].sources})))
                continue
        if _reworded(text, names, [other for other, figures, other_things in zip(kept, kept_figures, kept_things,
                                                                                  strict=True)
                                   if counted <= figures or things & other_things]):
            continue
        # An earlier item's clause told again by this one, with the same verb ("Flights resumed at 3.30 p.m. ..., the
        # airport said, and ..." / "Flights resumed at Helmby Airport at 3.30 p.m. ..."; not "an emergency shelter
        # was set up at the school" / "The emergency shelter at the school closed").
        verb = _told(text)[:1]
        if verb and any(len(mine & clause) >= REWORDED * len(clause) and verb[0] in told
                        for clause, told in kept_clauses):
            continue
        own_clauses = [(stems, set(_told(clause))) for clause, stems in _clauses(text, names)]
        # A short item, or a longer one's main clause before a relative clause ("Reyes and Hale agreed that duties
        # on steel and aluminium would be removed before the year is out, which steelmakers ... had demanded"),
        # whose words an earlier item holds, as themselves or as synonyms.
        # (Not a subject's apposition, "Tavistrand, which runs the barge, said ...": a main clause of a few words.)
        # Names left out, as the once stage's check does: who's who holds only the story's main people.
        head = _RELATIVE.split(text, maxsplit=1)[0]
        main = set(content_stems(" ".join(w for w in head.split() if not w[:1].isupper()))) - names
        parts = [mine, main] if len(main) >= CLAUSE_STEMS else [mine]
        # ... and the other way round: an earlier item's main clause told again inside this one. The item kept
        # is then credited to this one's sources too: they state its fact.
        # (Not one that gives the thing another count: "Five of the town's nine pharmacies now have some of the
        # children's antibiotic" is no part of "Eight of Ferrisford's nine pharmacies now have no liquid amoxicillin".)
        holder = next(((k, other) for k, other in kept_by
                       if any(len(part) <= SHORT_ITEM_STEMS and _covered(part, other) for part in parts)
                       and not _counted_otherwise(text, picker.view[picker.choices[k].sentence].text)), None)
        told = holder[0] if holder else None
        # (A short item that tells only part of the one kept is left out, but its sources do not state the kept item's
        # fact: no credit. A DUC 2004 cluster's line on the general's legal immunity at home, which opens with his
        # army post, took the credit of three sources that only give the dates of that post.)
        partial = holder is not None and not _covered(holder[1], mine)
        if told is None:
            # (Not one whose figures this item does not give: "halted all flying for 40 minutes" is not told by
            # "left them no choice but to stop all flying". A small count may be told in other words or revised.)
            told = next((k for k, earlier in mains if _covered(earlier, mine)
                         and {f for f in figures_of(picker.view[picker.choices[k].sentence].text)
                              if f >= TOLD_FIGURE} <= figures_of(text)
                         # (... nor one this item counts otherwise: "Five of the town's nine pharmacies now have
                         # some" tells no "Eight of Ferrisford's nine pharmacies now have no liquid amoxicillin".)
                         and not _counted_otherwise(text, picker.view[picker.choices[k].sentence].text)), None)
        # A short item that names a day ahead and one of the story's people, as an earlier item does: one step told
        # twice ("He takes office on 1 June" / "Okoro will be sworn in on June 1").
        # The one that says more is kept, credited as before: the other source may state only the step.
        step = _step(picker, index, surnames)
        same_step = next((k for k, other in steps if other[0] == step[0] and other[1] & step[1]), None) \
            if told is None and step is not None else None
        if same_step is not None and min(len(mine), len(stems_of[same_step])) <= SHORT_ITEM_STEMS:
            if len(mine) <= len(stems_of[same_step]):
                continue
            keep.discard(same_step)
            steps = [(k, other) for k, other in steps if k != same_step]
        if told is not None:
            if not partial:
                was = picker.choices[told]
                sources = tuple(sorted({*was.sources, *picker.choices[index].sources}))
                picker.choices[told] = replace(was, sources=sources)
            continue
        if CLAUSE_STEMS <= len(main) <= SHORT_ITEM_STEMS:
            mains.append((index, main))
        if step is not None:
            steps.append((index, step))
        stems_of[index] = mine
        if lead is not None:
            leads.append((lead[0], lead[1], mine, text))
        kept.append(mine)
        kept_figures.append(figures_of(text))
        kept_things.append({c.thing for c in counts(text)})
        # ... and its clauses, for the items after it: "Flights resumed at 3.30 p.m. on Friday, the airport said, and
        # the timetable was back to normal" tells "Flights resumed at Helmby Airport at 3.30 p.m. on Friday after a
        # suspension of more than nine hours ..." in its first clause, whichever is picked first.
        kept_clauses += own_clauses
        kept_by.append((index, mine))
        kept_cores.append((_without_asides(text), text))
        lists += [items] if items else []
        keep.add(index)
    return tuple([i for i in group if i in keep] for group in groups)


def select_sections(prepared: Prepared, options: BriefOptions) -> tuple[Section, ...]:
    """The overview's key facts first, then each topic's facts, then the rest (see the module docstring)."""
    picker = Picker(prepared, get_selector(options.ranker), options.date)
    matcher = TopicMatcher(options.topics)
    scores = {i: matcher.scores(prepared.sentences[i].text) for i in prepared.candidates}
    topic_of = {i: matcher.best(prepared.sentences[i].text) for i in prepared.candidates}
    per_topic = round(options.words * (1 - options.overview_share) / (len(options.topics) + 1))
    # The story's bottom line (briefer.story: the lead closest to the whole story, stated by most sources)
    # opens the overview, word for word, so the brief and its bottom line never disagree.
    first = _bottom_line(prepared)
    opening = picker.take(first) if first is not None else []
    # The key facts first: the overview takes its share before the topics, from the leads and the facts that
    # several outlets state or that report an outcome (`_key_pool`).
    # A topic's strongest matches are left to its own section (what the reader asked that heading to tell).
    top_score: dict[int, float] = {}
    for i in prepared.candidates:
        if (t := topic_of[i]) is not None:
            top_score[t] = max(top_score.get(t, 0.0), scores[i][t])
    strongest = {i for i in prepared.candidates if (t := topic_of[i]) is not None and scores[i][t] == top_score[t]}
    # ... except the newest article's lead: what is new in the story belongs in the overview ("Engineers found
    # the slope ... stable, and Nordbane now expects trains to run again on Friday" under a heading "Slope").
    strongest -= _newest_leads(picker)
    # ... and what was agreed: a deal's terms are the outcome the overview tells (the pilots' "The deal gives pilots
    # a pay rise of 6.5 per cent over two years" under a heading "Union said").
    strongest -= {i for i in strongest if agreed_terms(picker.view[i].text)}
    # What the story turns on comes before the rest of the key facts, each once (the bottom line may state it), unless
    # it is a topic's strongest match: then it heads that topic's section, where a reader finds it under its name.
    for i in (i for i in _turns_on(picker) if i not in strongest):
        opening += picker.pick(word_count(picker.view[i].text), [i])
    overview = opening + picker.pick(round(options.words * options.overview_share) - _budget_used(picker, opening),
                                     [i for i in _key_pool(picker) if i not in strongest])
    topical = []
    for t, topic in enumerate(options.topics):
        pool = [i for i in prepared.candidates if topic_of[i] == t]
        top = max((scores[i][t] for i in pool), default=0.0)
        # Sentences matching the topic most strongly come first; weaker matches only fill what is left.
        tiers = [[i for i in pool if scores[i][t] == top], [i for i in pool if scores[i][t] < top]]
        picked: list[int] = []
        for tier in tiers:
            picked += picker.pick(per_topic - _budget_used(picker, picked), tier, query=topic)
        if not picked and pool:
            # One sentence may overrun a small topic share: an empty section would misreport coverage.
            shortest = min(word_count(prepared.sentences[i].text) for i in pool)
            picked = picker.pick(max(shortest, per_topic) + TOPIC_OVERRUN_WORDS, pool, query=topic)
        topical.append(picked)
    # A discovered topic named for an issue that selection left with one item takes its second before Other
    # developments takes its share: alone under its heading, the item would go to Other developments and the issue
    # head nothing (the seeds' Taiwan, whose other sentences were longer than the words it had left).
    if getattr(getattr(prepared, "story", None), "discovered", False):
        issues = _issues(prepared, options.topics)
        for t, topic in enumerate(options.topics):
            if len(topical[t]) == 1 and topic.name in issues:
                topical[t] += _second_item(picker, [i for i in prepared.candidates if topic_of[i] == t], topic)
    rest = [i for i in prepared.candidates if topic_of[i] is None]
    # Other developments takes a topic's share, not all that is left: the words left once every part has had its
    # share go to the topics first, in turn, each taking up to an equal share of what is left (a reader asked
    # those headings to tell the story), and only then to Other developments.
    other = picker.pick(min(per_topic, options.words - _budget_used(picker, picker.chosen)), rest)

    def fill(left: int) -> None:
        """Spend `left` words: the topics first, then Other developments."""
        start = _budget_used(picker, picker.chosen)
        for t, topic in enumerate(options.topics if picker.one_story else ()):
            share = (left - _budget_used(picker, picker.chosen) + start) // (len(options.topics) - t)
            if share >= MIN_FILL_WORDS:
                topical[t] += picker.pick(share, [i for i in prepared.candidates if topic_of[i] == t], query=topic)
        if (rest_words := left - _budget_used(picker, picker.chosen) + start) >= MIN_FILL_WORDS:
            other.extend(picker.pick(rest_words, rest))

    fill(options.words - _budget_used(picker, picker.chosen))
    had = [bool(picked) for picked in topical]
    kept = _no_reworded_repeats(picker, [overview, *topical, other])
    # A pick that told an earlier one's fact again is left out after selection: the words it took are spent again,
    # on facts not yet told (a climber's injuries had gone with the fall's line, and the brief ran 100 words short).
    for _ in range(REFILLS):
        left = options.words - _budget_used(picker, [i for group in kept for i in group])
        picks = len(picker.chosen)
        if left < MIN_FILL_WORDS:
            break
        fill(left)
        if len(picker.chosen) == picks:
            break
        kept = _no_reworded_repeats(picker, [overview, *topical, other])
    *groups, other = kept
    overview, topical = groups[0], groups[1:]
    # A discovered topic whose picks all told again what the overview tells takes nothing from it: alone under
    # its heading the item would be given to Other developments (briefer.headings), out of the overview (the
    # trade talks' tariff agreement).
    told_above = {t for t, picked in enumerate(topical) if had[t] and not picked and getattr(
        getattr(prepared, "story", None), "discovered", False)}
    # A topic the overview left with nothing of its own, or with nothing that names it, takes the overview's item
    # that matches it best (one that names it first): a covered topic is never empty, and its heading says what
    # its items are about (briefer.headings.fit_headings).
    newest = _newest_leads(picker)
    for t, picked in enumerate(topical):
        heading = options.topics[t].name
        mine = [i for i in overview[len(opening):] if topic_of[i] == t or _names(heading, picker.view[i].text)]
        mine = [i for i in mine if i not in newest and picker.choices[i].sentence not in newest] or mine  # news: on top
        if not mine or len(overview) - len(opening) <= 1 or t in told_above:
            continue
        if not picked or not any(_names(heading, picker.view[i].text) for i in picked):
            best = max(mine, key=lambda i: (_names(heading, picker.view[i].text), scores[i][t]))
            overview.remove(best)
            picked.append(best)
    lead_items = _items(picker, overview)
    sections = [Section(OVERVIEW, lead_items, "" if lead_items else NO_LEADS)]
    for topic, picked in zip(options.topics, topical, strict=True):
        items = _items(picker, picked)
        sections.append(Section(topic.name, items, "" if items else NO_COVERAGE))
    if other:
        sections.append(Section(OTHER, _items(picker, other)))
    return tuple(sections)


def summary(prepared: Prepared, *, words: int, ranker: str, query: Topic | None = None) -> list[str]:
    """The plain extractive summary: facts in about `words` words, each once, in source order."""
    picker = Picker(prepared, get_selector(ranker), brief=False)
    chosen = picker.pick(words, prepared.candidates, query=query)
    order = sorted((picker.choices[i].sentence for i in chosen), key=lambda i: order_key(prepared, i))
    return [picker.view[i].text for i in order]
