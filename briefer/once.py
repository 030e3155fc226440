"""Each fact once in the whole brief, told in sentences that stand alone and credited as the sections credit.

The one rule, applied after the sections are chosen (the pipeline's "once" stage), in the order a reader meets
the parts: bottom line, sections, timeline, what comes next, key quotes. A line is printed only when

1. it states no fact already printed above it: not the same fact by the same-fact rule (`facts.judge_pairs`),
   not (a timeline or next line) mostly the same content words, names aside (`reworded`), not a near copy
   (TF-IDF cosine >= `SAME_FACT`), not contained in a printed line (a key quote that an item already carries),
   and not a member of a section item's fact (`facts.Facts`);
2. it stands alone: a timeline or next line that leans on the sentence before it ("She first proposed ...")
   is printed with it, as the sections print it (`candidates.joined_pairs`), or not at all;
3. it is credited to exactly the sources that state its fact (`Facts`), previews dropping out once the fact is
   reported (as `sections.Picker._stating` does); a preview of a fact another source reports is not a next
   step, and a timeline line that is itself such a preview is dropped;
4. it is not overtaken: a next step or key quote that previews what a report in another, as new or newer,
   source tells (`supersede.supersedes`: "are expected to join" / "had joined"), or a next step that previews
   an event a printed line previews in other words (`supersede.same_preview`), is dropped. A line that refers
   back to a noun just introduced ("any threat": `candidates.refers_back`) stands alone no more than one that
   leans back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

import numpy as np

from briefer.candidates import leans_back, refers_back
from briefer.dedupe import SimilarityIndex
from briefer.facts import Facts, SameFact, idf_of, judge_pairs, profile, residue, vetoed
from briefer.measures import same_measure
from briefer.model import Dated, Document, Item, Quote, Section, Sentence, newer
from briefer.quotes import MAX_QUOTES, PER_SPEAKER, speaker_of
from briefer.sections import REWORDED, past_hour, same_figure, same_gathering, same_next
from briefer.supersede import (
    SUPERSEDE_COSINE,
    TO_BE_ANNOUNCED,
    announced,
    corrects,
    could_state,
    moved_from,
    plan_missing,
    same_preview,
    state_overturned,
    supersedes,
)
from briefer.temporal import (
    SAYING_PAST,
    Kind,
    classify,
    event_day,
    looks_ahead,
    past_words,
    preview_day,
    preview_event,
    reports_before_preview,
    sentence_kind,
)
from briefer.text import content_stems, figures
from briefer.timeline import MAX_EVENTS, MAX_NEXT

_WORDS = re.compile(r"[^\W_]+")
# How many of a preview's closest sentences (TF-IDF) are read for a report that overtakes it.
OVERTAKING_NEIGHBOURS = 50
# ... and of its sentences that share a word with it, for a state's overturning (`supersede.moved_from`).
WIDE_NEIGHBOURS = 200


def _plain(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def repeats(text: str, printed: Sequence[str], index: SimilarityIndex) -> bool:
    """True when `text` states a fact one of the `printed` lines states (see the module docstring, rule 1);
    `index`: the story's TF-IDF index (its IDF weighs the words)."""
    if not printed:
        return False
    plain = _plain(text)
    if any(plain and (plain in _plain(p) or _plain(p) in plain) for p in printed):
        return True
    vectors = index.vectors([text, *printed])
    cosines = np.asarray((vectors[1:] @ vectors[0].T).toarray()).ravel()
    rule, idf = SameFact(), idf_of(index)
    if any(rule.same(text, p, float(c), idf) for p, c in zip(printed, cosines, strict=True)):
        return True
    # The rule as `briefer eval-pairs` applies it (IDF from the pair alone): what a reader of two lines sees.
    return any(judge_pairs([(text, p)])[0] for p in printed)


def reworded(text: str, printed: Sequence[str]) -> bool:
    """The sections' looser check, for dated lines: most of the shorter line's content words, names aside, in
    the other ("Tessaly city council approved a budget of 412 million crowns on Thursday by 19 votes to 12, after
    a debate ..." / "Councillors in Tessaly voted 19 to 12 on Thursday to adopt a budget worth 412 million
    crowns"; the names of who and where are in most lines of a story)."""
    mine = _common_stems(text)
    return any((shared := len(mine & (theirs := _common_stems(p)))) >= REWORDED * min(len(mine), len(theirs))
               and shared >= REWORDED_MIN_WORDS for p in printed)


# A clause of a dated line that a printed line's clause tells in full ("China's defence minister, Li Shangfu, declined
# to meet Defense Secretary Lloyd Austin at a regional security conference in Singapore this month, and on the same
# weekend ..." / "China's defence minister had refused to meet Defense Secretary Lloyd Austin at a security meeting in
# Singapore, and the Pentagon wants ..."): the shorter clause has this many content words or more, every one of them
# aligned with the other's (equal stem or WordNet synonym).
CLAUSE_TOLD_WORDS = 8
_CLAUSE_SPLIT = re.compile(r",? (?:and|but|while) |; ")


def clause_told(text: str, printed: Sequence[str]) -> bool:
    """True when a clause of `text` and a clause of a printed line tell one fact (`CLAUSE_TOLD_WORDS`)."""
    mine = [(c, profile(c)) for c in _CLAUSE_SPLIT.split(text)]
    for line in printed:
        for clause, theirs in ((c, profile(c)) for c in _CLAUSE_SPLIT.split(line)):
            for own_clause, own in mine:
                short, long_ = (own, theirs) if len(own.content) <= len(theirs.content) else (theirs, own)
                if len(short.content) >= CLAUSE_TOLD_WORDS and not residue(short, long_).unaligned[0] \
                        and not vetoed(own_clause, clause, own, theirs):
                    return True
    return False


# A key quote the brief already reports as its speaker's indirect speech: a printed line that names the speaker and
# holds this many of the quote's content stems, and this share of them ("Grete Fossum, a shopkeeper on the quay,
# said water had reached her knees inside her chandlery" / "The water was up to my knees in the shop by one
# o'clock": water, knee of water, knee, shop, o'clock). One shared word is chance in a story about one thing (the
# harbour master's "The sea came over a wall built for the last century" / "the harbour wall needed to be raised").
SAID_AGAIN_STEMS = 2
SAID_AGAIN_SHARE = 0.4
# Characters between the speaker's surname and the verb of saying in a line that gives the speaker's words.
SPEAKER_REACH = 50
_SAYS = r"(?:said|says|told|added|warned|explained|insisted|argued)"
# A word in this many printed lines is the story's own (the recount: "mayor", "vote", "town").
STORY_WORD_LINES = 2


def said_again(quote: Quote, printed: Sequence[str], common: Collection[str] = ()) -> bool:
    """True when a printed line tells what the quote's speaker said in the quote, in other words. At least one of
    the words they share must be other than the story's own (`common`: "mayor", "vote" and "town" in an election
    story are no sign that the winner's promise is told again)."""
    if not quote.speaker or quote.body:
        return False
    surname = quote.speaker.split()[-1]
    names = set(content_stems(quote.speaker))
    mine = set(content_stems(quote.text)) - names
    # The line must give the speaker's words: the surname a few words before a verb of saying, or after one ("Grete
    # Fossum, a shopkeeper on the quay, said water had reached ..."; not "Strand, 39, left his job ..., the club
    # said").
    speaker = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])[^.;]{{0,{SPEAKER_REACH}}}?\b{_SAYS}|"
                         rf"\b{_SAYS}\s+(?:[A-Z][\w.'’-]*\s+)*{re.escape(surname)}(?![\w-])")
    for line in printed:
        if not speaker.search(line):
            continue
        shared = mine & set(content_stems(line))
        if len(shared) >= SAID_AGAIN_STEMS and len(shared) >= SAID_AGAIN_SHARE * len(mine) and shared - set(common):
            return True
    return False


def story_words(printed: Sequence[str]) -> set[str]:
    """Content stems of at least `STORY_WORD_LINES` printed lines: the words the whole story is told in."""
    counts = Counter(stem for line in printed for stem in set(content_stems(line)))
    return {stem for stem, n in counts.items() if n >= STORY_WORD_LINES}


# ... and at least this many words in common (an organisation's lower-case name is four: "the national maritime
# safety board said ..." / "investigators from the national maritime safety board boarded the ship").
REWORDED_MIN_WORDS = 5


def _common_stems(text: str) -> set[str]:
    """Content stems and figures, capitalised words (names, mostly) left out."""
    return set(content_stems(" ".join(w for w in text.split() if not w[:1].isupper()))) \
        | figures(text)


class _Reader:
    """Sentences by text, their facts, kinds and sources, and the joined text of leaning sentences."""

    def __init__(self, documents: Sequence[Document], sentences: Sequence[Sentence], candidates: Sequence[int],
                 pairs: Mapping[int, tuple[int, int]], index: SimilarityIndex, today: dt.date,
                 decided: Mapping[tuple[int, int, float], bool] | None = None) -> None:
        self.documents, self.sentences, self.pairs, self.today = documents, sentences, pairs, today
        self.index = index
        self.facts = Facts([s.text for s in sentences], index, places=[(s.doc, s.position) for s in sentences])
        self.facts.learn(decided or {})
        self.rows: dict[str, list[int]] = {}
        for i in candidates:
            self.rows.setdefault(sentences[i].text, []).append(i)
        self._kinds: dict[int, Kind] = {}

    def row(self, text: str) -> int | None:
        rows = self.rows.get(text)
        if not rows:
            return None
        return next((r for r in rows if r in self.pairs), rows[0])

    def kind(self, i: int) -> Kind:
        found = self._kinds.get(i)
        if found is None:
            text = self.sentences[i].text
            published = self.documents[self.sentences[i].doc].source.published
            found = self._kinds[i] = sentence_kind(text, published or self.today)
        return found

    def stating(self, i: int) -> list[int]:
        """The sentences that state i's fact: all, or only reports once it is reported (previews drop out); of a
        report of a day, only those published on or after it (an article of Friday cannot state "they were brought
        out on Sunday", whatever words it shares with it), and not those it overtakes."""
        members = self.facts.members(self.facts.of(i))
        reported = any(self.kind(j) != "expected" and not looks_ahead(self.sentences[j].text, self._published(j))
                       for j in members)
        # (A report with a look ahead after it still states the report: "has been charged with assault ..., and will
        # appear at Eastmere Magistrates' Court on April 2".)
        stating = [j for j in members if not reported or self.kind(j) != "expected"
                   or reports_then_looks_ahead(self.sentences[j].text)]
        text, then = self.sentences[i].text, self._published(i)
        if self.kind(i) != "report":
            # (A changed plan is not stated by the plan it changed: "will now be held online" / "will be held at the
            # leisure centre".)
            return [j for j in stating if j == i or not plan_missing(text, self.sentences[j].text)]
        day = event_day(text, then or self.today)
        return [j for j in stating if j == i or could_state(text, day, then, self.sentences[j].text, self.kind(j),
                                                            self._published(j))]

    def superseded(self, rows: Sequence[int]) -> bool:
        """True when one of `rows` is a preview that a report in another source, as new or newer, has overtaken
        ("About 1,200 workers are expected to join" once "about 1,800 workers had joined"; `supersede.supersedes`)."""
        for i in rows:
            # (... or a duty dated ahead: "must ask their school to lodge an appeal ... by Friday 28 August")
            if self.kind(i) != "expected" and not looks_ahead(self.sentences[i].text, self._published(i)):
                continue
            if self._overtaken(self.sentences[i].text, self.index.similar([i])[0],
                               self.sentences[i].doc, self._published(i)) or self._announced(i) \
                    or ((then := self._published(i)) is not None
                        and past_hour(self.sentences[i], self.documents[self.sentences[i].doc], then)):
                return True
        return False

    def _announced(self, i: int) -> bool:
        """Whether a later source gives the day of what sentence i said would be made known (`announced`: "Funeral
        arrangements will be announced later this week" / "Her funeral will be held ... on Friday 27 March")."""
        text, then = self.sentences[i].text, self._published(i)
        if then is None or not TO_BE_ANNOUNCED.search(text):
            return False
        mine = self.documents[self.sentences[i].doc].source
        return any(newer(self.documents[self.sentences[j].doc].source, mine)
                   and announced(self.sentences[j].text, text)
                   for rows in self.rows.values() for j in rows)

    def overtaken_quote(self, quote: Quote) -> bool:
        """True when a quotation previews what a later source reports ("While in Beijing, Secretary Blinken will
        meet ..." once he has met them). Only a later article overtakes it: "I will be a mayor for the whole town",
        said on the day the election is reported, is no preview of it."""
        # (... or tells a state a later source overturns: "until the decision is made, Saturday's run remains
        # cancelled", once the run "will go ahead as normal this Saturday".)
        if classify(quote.text) != "expected" and not moved_from(quote.text):
            return False
        dates = [d.source.published for d in self.documents if d.source.id in quote.sources]
        newest = max((d for d in dates if d is not None), default=None)
        after = newest + dt.timedelta(days=1) if newest is not None else None
        return self._overtaken(quote.text, self.index.similar_to([quote.text])[0], None, after)

    def _overtaken(self, text: str, sims: np.ndarray, doc: int | None, published: dt.date | None) -> bool:
        near = np.flatnonzero(sims >= SUPERSEDE_COSINE)
        # The closest few: in a firehose hundreds of sentences share a word with any line.
        for found in near[np.argsort(-sims[near], kind="stable")[:OVERTAKING_NEIGHBOURS]]:
            j = int(found)
            if self.sentences[j].doc == doc:
                continue
            then = self._published(j)
            if published is not None and then is not None and then < published:
                continue  # an earlier article cannot report what a later one previews
            if supersedes(self.sentences[j].text, self.kind(j), text, "expected"):
                return True
        # A state that later news may overturn in few shared words ("The school will stay closed until further notice"
        # / "... and the school will reopen on Wednesday, the council said"): the closest that share any word.
        # (Not a quotation's: "if they closed it she would have nowhere to be clever" states nothing.)
        if doc is not None and moved_from(text):
            wide = np.flatnonzero((sims > 0) & (sims < SUPERSEDE_COSINE))
            for found in wide[np.argsort(-sims[wide], kind="stable")[:WIDE_NEIGHBOURS]]:
                j = int(found)
                then = self._published(j)
                if self.sentences[j].doc == doc or (published is not None and then is not None and then < published):
                    continue
                if state_overturned(self.sentences[j].text, text):
                    return True
        return False

    def _published(self, i: int) -> dt.date | None:
        return self.documents[self.sentences[i].doc].source.published

    def source(self, i: int) -> int:
        return self.documents[self.sentences[i].doc].source.id

    def restated(self, text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]] | None:
        """The line as printed (joined when it leans back), its credits and its sentences; None: not printable."""
        i = self.row(text)
        if i is None:
            return None if leans_back(text) else (text, (), ())
        parts = self.pairs.get(i)
        # A sentence that refers back to a noun just introduced ("any threat") is printed only inside a pair.
        if parts is None and (leans_back(text) or refers_back(self.sentences, [i])):
            return None  # it leans on a sentence the brief does not show
        members = parts or (i,)
        stating = [self.stating(j) for j in members]
        if any(j not in mine for j, mine in zip(members, stating, strict=True)):
            return None  # a preview of what another source reports
        sources = set.intersection(*({self.source(j) for j in mine} for mine in stating))
        joined = " ".join(self.sentences[j].text for j in members)
        return joined, tuple(sorted(sources)), tuple(members)


def reports_then_looks_ahead(text: str) -> bool:
    """A report with a look ahead after it (`temporal.reports_before_preview`), in the past tense too: "was charged on
    Wednesday evening and will appear at Castlemere Youth Court on March 24"."""
    return reports_before_preview(text) or bool(set(past_words(preview_event(text)[0])) - SAYING_PAST)


def _day_told(line: Dated, printed: Sequence[str], own: set[int], reader: _Reader) -> bool:
    """Whether a printed line of one of the facts `own` looks ahead to the day next step `line` is dated, or is
    itself a look ahead (a plan printed above is pointed to, whatever day it names)."""
    for text in printed:
        row = reader.row(text)
        if row is None or reader.facts.of(row) not in own:
            continue
        if classify(text) != "report":
            return True
        when = preview_day(text, reader.today)
        if when is not None and when.iso() == line.date:
            return True
    return False


def _dated(lines: Sequence[Dated], reader: _Reader, printed: list[str], facts: set[int],
           limit: int, *, events: bool, dated_above: dict[int, Dated] | None = None) -> tuple[Dated, ...]:
    """`events`: the timeline, where a preview ("was still in the cards") is no event. `dated_above`: filled with
    the dated lines left out because a printed line states their fact, by that fact."""
    out: list[Dated] = []
    for line in lines:
        found = reader.restated(line.text)
        if found is None:
            continue
        text, sources, rows = found
        if events and any(reader.kind(j) == "expected" for j in rows):
            continue
        # (Nor, in the timeline, a figure a line printed above corrects: "a backlog of 11,400 reported potholes at the
        # end of January" under "9,600 potholes ..., and not the 11,400 published on Monday".)
        if events and any(corrects(shown, text) for shown in printed):
            continue
        if not events and (reader.superseded(rows) or any(same_preview(text, p) or same_next(text, p, reader.today)
                                                          or same_gathering(text, p, reader.today)
                                                          for p in printed)):
            continue
        # Neither the line nor any sentence of it (two joined pairs can share one) printed above.
        own = {reader.facts.of(j) for j in rows}
        # (... unless what is printed of its fact is a report without its day: "A 15-year-old boy has been charged
        # with arson ..." above does not tell "was charged on Wednesday evening and will appear at Castlemere Youth
        # Court on March 24", a next step a reader looks up by its date.)
        if not events and line.date and own & facts and text not in printed and classify(text) == "expected" \
                and not _day_told(line, printed, own, reader):
            facts |= own
            printed.append(text)
            out.append(replace(line, text=text, sources=sources or line.sources))
            continue
        if dated_above is not None and line.date and own & facts:
            for fact in own & facts:
                dated_above.setdefault(fact, line)
        if own & facts or repeats(text, printed, reader.index) or reworded(text, printed) \
                or clause_told(text, printed) \
                or any(same_figure(shown, text) or same_measure(shown, text) for shown in printed) \
                or any(repeats(reader.sentences[j].text, printed, reader.index) for j in rows if len(rows) > 1):
            continue
        facts |= own
        printed.append(text)
        why = line.why
        if sources and len(sources) != len(line.sources):
            n = len(sources)
            why = (f"stated by {n} source{'s' if n != 1 else ''}", *line.why[1:])
        out.append(replace(line, text=text, sources=sources or line.sources, why=why))
    # The most widely stated facts when more remain than the part holds, kept in their order.
    kept = set(sorted(range(len(out)), key=lambda k: (-len(out[k].sources), k))[:limit])
    return tuple(line for k, line in enumerate(out) if k in kept)


def _quotes(quotes: Sequence[Quote], spares: Sequence[Quote], printed: list[str], reader: _Reader
            ) -> tuple[Quote, ...]:
    """The key quotes that state no fact printed above them; the spares, in their order, take the places of those
    left out, as many as the list holds and as many per speaker as `quotes.PER_SPEAKER` allows."""
    out: list[Quote] = []
    per: Counter[str] = Counter()
    common = story_words(printed)
    for k, quote in enumerate([*quotes, *spares]):
        spare = k >= len(quotes)
        if spare and (len(out) >= MAX_QUOTES or per[speaker_of(quote)] >= PER_SPEAKER):
            continue
        if repeats(quote.text, printed, reader.index) or said_again(quote, printed, common) \
                or reader.overtaken_quote(quote):
            continue
        printed.append(quote.text)
        per[speaker_of(quote)] += 1
        out.append(quote)
    return tuple(out)


def print_once(bottom: Item | None, sections: Sequence[Section], timeline: Sequence[Dated], after: Sequence[Dated],
               quotes: Sequence[Quote], *, documents: Sequence[Document], sentences: Sequence[Sentence],
               candidates: Sequence[int], pairs: Mapping[int, tuple[int, int]], index: SimilarityIndex,
               today: dt.date, decided: Mapping[tuple[int, int, float], bool] | None = None,
               dated_above: dict[str, Dated] | None = None, spares: Sequence[Quote] = ()
               ) -> tuple[tuple[Dated, ...], tuple[Dated, ...], tuple[Quote, ...]]:
    """The timeline, what comes next and key quotes with every fact printed above them left out, every line
    standing alone and credited to the sources that state its fact (see the module docstring). `decided`: the
    same-fact decisions computed ahead (`decisions_ahead`); `spares`: the key quotes ranked after `quotes`, printed
    in place of those left out (`_quotes`); `dated_above`: filled with the next steps left out
    because a line printed above states their fact, by that line, for the next steps' pointers to it ("the review
    ... would begin in September" of an item "would review its evacuation plans once the eruption was over")."""
    reader = _Reader(documents, sentences, candidates, pairs, index, today, decided)
    printed = [item.text for s in sections for item in s.items]
    if bottom is not None and bottom.text not in printed:
        printed.insert(0, bottom.text)
    # (A count another source gives differently is printed as an item's note: its sentence is not printed again.)
    printed += [d.text for s in sections for item in s.items for d in item.differs]
    fact_of = {text: reader.facts.of(row) for text in printed if (row := reader.row(text)) is not None}
    facts = set(fact_of.values())
    shown_timeline = _dated(timeline, reader, printed, facts, MAX_EVENTS, events=True)
    dated: dict[int, Dated] = {}
    shown_next = _dated(after, reader, printed, facts, MAX_NEXT, events=False, dated_above=dated)
    if dated_above is not None:
        dated_above.update({text: dated[fact] for text, fact in fact_of.items() if fact in dated})
    return shown_timeline, shown_next, _quotes(quotes, spares, printed, reader)


def decisions_ahead(lines: Sequence[str], *, documents: Sequence[Document], sentences: Sequence[Sentence],
                    candidates: Sequence[int], pairs: Mapping[int, tuple[int, int]], index: SimilarityIndex,
                    today: dt.date) -> dict[tuple[int, int, float], bool]:
    """The same-fact decisions `print_once` asks about the sentences of `lines` (the sections' items, the bottom
    line, the timeline and what comes next), whatever their order: a large brief has a forked child compute them
    while the headings are fitted (briefer.pipeline)."""
    reader = _Reader(documents, sentences, candidates, pairs, index, today)
    rows = [j for text in lines if (i := reader.row(text)) is not None for j in (i, *pairs.get(i, ()))]
    return reader.facts.decisions(rows)
