"""What a reader gets besides the sections: topics and a title when none are given, the bottom line, who's
who, key quotes, a timeline and what comes next. One call, `read_story`, for the brief and the digest.

1. people (briefer.people) from every sentence; quotes (briefer.quotes) from every paragraph;
2. topics and a title (briefer.discover) from the quotable sentences, when the caller has none;
3. the timeline and what comes next (briefer.timeline) from the quotable sentences, each dated against its
   source's publication date, or the brief's date when the source has none;
4. the bottom line: the lead sentence closest to the whole story (TF-IDF centroid), stated by most sources.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache

import numpy as np

from briefer.ahead import FORK_SENTENCES, Ahead
from briefer.candidates import PARAPHRASE_MAX_DOCUMENTS, PERSON_NOUNS, QUOTED_SPAN, decides, leans_back, unquoted
from briefer.dedupe import SAME_FACT, SimilarityIndex
from briefer.discover import (
    MAX_TOPICS,
    discover_topics,
    headline,
    key_phrases,
    recased,
    reports,
    shouting,
    unlabelled,
)
from briefer.facts import Facts, count_update, opposite
from briefer.measures import counts, counts_differ, sums
from briefer.model import Dated, Document, Item, Person, Quote, Sentence, Source, Topic, newer, saved_again_later
from briefer.people import Cast, role_noun, who_is_who
from briefer.quotes import Said, ranked_quotes, run_on
from briefer.sentences import split_sentences
from briefer.supersede import (
    SUPERSEDE_COSINE,
    home_from_hospital,
    moved_apart_from,
    part_of_whole,
    restored_since,
    revised_count,
    revises,
    state_moved_apart,
    state_moved_on,
    state_overturned,
    supersedes,
)
from briefer.temporal import (
    HEDGED,
    SAYING_PAST,
    When,
    classify,
    days_named,
    event_date,
    event_day,
    past_words,
    perfect_news,
    preview_event,
    reports_before_preview,
    told_on,
    written_day,
)
from briefer.text import content_stems, figures, spoken, with_speaker
from briefer.timeline import MAX_EVENTS, MAX_NEXT, Line, timeline, what_next, without_listed_date

# A dated lead the same sources state is the bottom line over an undated one this much stronger at most.
SAME_NEWS = 0.8
# The bottom line comes from the first quotable sentences of each article (news puts the point first).
LEAD_SENTENCES = 3
_TELLING = re.compile(r"\b(?:said|says|told|tells|testified|admitted|denied|announced|confirmed|revealed)\b")
_QUOTE_MARK = re.compile(r"[\"“”‘]")
# A quoted phrase this short is a label the report quotes, not a speaker's view ("two days after Kelsby said she was
# "going nowhere"").
QUOTED_PHRASE_WORDS = 4


def _quotes_someone(text: str) -> bool:
    """Whether `text` quotes someone: a quotation longer than a short phrase, or a mark left open."""
    if not _QUOTE_MARK.search(text):
        return False
    return _QUOTE_MARK.search(unquoted(text)) is not None or any(
        len(m.group().split()) > QUOTED_PHRASE_WORDS for m in QUOTED_SPAN.finditer(text))


_NAMED_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][\w'’-]+\b(?!\s+[A-Z])")
# Past-tense words that tell no event of their own: saying, and the auxiliaries.
_NO_EVENT = frozenset({"said", "told", "added", "announced", "confirmed", "reported", "was", "were", "had", "did",
                       "got", "went"})
# How much agreeing with the title raises a lead (a cosine of 0.5 with it: a quarter more), set by reading the
# bottom lines of the test stories and the QA stories (at 1 the orchard's became a side fact sharing its words).
TITLE_WEIGHT = 0.5
# How much a lead that reports a decision (`candidates.decides`: a court's ruling, a cabinet's vote) is raised: the
# story's outcome, it outranks a later day's reaction to it (FRESH_WEIGHT, 1.5). At 1.5 the wind farm's ruling led
# and the library story's cabinet vote (one outlet, nearer the title) still lost to the next day's offer by
# volunteers by 3% (docs/quality.md, "The decisive outcome first").
DECISION_WEIGHT = 2.0
FRESH_WEIGHT = 1.5
# How much a lead with a forward-looking tail is lowered when a later day's news exists ("The company said on
# Thursday that it had found a replacement cable ..., and that the line could reopen within days", once Saturday's
# article has the first car leaving): what it looked ahead to has happened, or not, since.
STALE_FORECAST_WEIGHT = 0.5
# ... and of a lead whose figure a later or same-day article revises (`revised_count`).
REVISED_WEIGHT = 0.25
# Key quotes ranked after the list, which the once stage prints in place of one it leaves out (the bronzes'
# director had a third quotation, and the once stage left one of her two out as told by the other).
SPARE_QUOTES = 3
# A newest day with nothing to tell ("Trams ran normally on Sunday and Monday, with no further faults") is where
# things stand, but no news to sum the story by: such a lead gets no FRESH_WEIGHT (the tram story's opening won).
_QUIET = re.compile(r"\b(?:ran|run|running|runs|operated|operating|worked|working|went|going) (?:normally|as normal|"
                    r"smoothly|as usual|without (?:incident|problems?|disruption))\b|\bno (?:further|new|more) "
                    r"(?:faults?|problems?|incidents?|disruptions?|delays?|breakdowns?)\b|"
                    # ... nor is someone looking back on it ("Speaking at home in Tarrow on Thursday, a day after she
                    # reached Dunmorrow ..., Garvie said the second night ... had been the worst part").
                    r"^(?:Speaking|Talking|Writing|Reflecting) (?:at|to|on|from|after|in|about)\b", re.I)
# How much a lead is lowered when it gives a sum or a count no other article gives, while two others agree on
# another of that kind and size, one of them no older ("completing the main dig on a 1.3 billion pound line" in a
# wire copy, where three outlets put the scheme at 1.2 billion pounds; a trade paper's "whose 25 members shared"
# where two outlets count twenty-four): an editor does not lead with a disputed figure. Any lowering does it in the
# tunnel story, where the two leads telling the breakthrough were 0.1% apart.
CONTESTED_WEIGHT = 0.8
# ... and of a lead that leans on the sentence before it (`leans_back`: "The court agreed on Wednesday to put it back
# to Tuesday 22 September", after "The hearing had been due on Thursday 2 July"): a bottom line is read first and
# alone, and an article that tells its news in a line that stands alone is the better source of it.
LEANING_WEIGHT = 0.7
# A clause of time that ends a sentence: ", hours after the board agreed to the offer."
_TIME_CLAUSE_AFTER = re.compile(r",\s+(?:(?:hours|days|weeks|minutes|moments|shortly|soon|just|a day|a week)\s+)?"
                                r"(?:after|before|following|since)\s+[^,;]*[.!]?$")
# Figures this close are one figure rounded; figures further apart than this factor are of different things.
CONTESTED_ROUNDING = 0.02
CONTESTED_RANGE = 2.0
# How many of the best leads (by the cosine's credits) are credited again by the same-fact rule.
RULE_CREDITED_LEADS = 8
# Longest bottom line, in words: one sentence a reader takes in at a glance.
BOTTOM_LINE_WORDS = 55
# The timeline and what comes next are read this many times over: the pipeline's "once" stage (briefer.once)
# leaves out what the sections already print and keeps the most widely stated of the rest.
SPARE = 3


@dataclass(frozen=True, slots=True)
class Story:
    """Everything `read_story` finds: topics (given or discovered), title, people, quotes, dates."""

    topics: tuple[Topic, ...]
    title: str
    bottom_line: Item | None
    people: tuple[Person, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[Dated, ...]
    next: tuple[Dated, ...]
    cast: Cast
    discovered: bool = False  # the topics were found in the articles (no topics file)
    spare_quotes: tuple[Quote, ...] = ()  # the next ones, for the once stage to print in place of one it drops
    previews: frozenset[int] = frozenset()  # documents that preview what a later article reports (what was said before)


def read_story(documents: Sequence[Document], sentences: Sequence[Sentence], candidates: Sequence[int],
               day: dt.date, topics: Sequence[Topic] = (), spun: Collection[int] = (),
               index: SimilarityIndex | None = None, max_topics: int = MAX_TOPICS, day_given: bool = True, *,
               quotable_index: SimilarityIndex | None = None, dates: bool = True) -> Story:
    """Read a story's people, quotes, dates and (when `topics` is empty) at most `max_topics` topics and its title.

    `spun`: indices of documents that read as machine-paraphrased copies: no quote, person or role is taken
    from them (a spinner rewrites quotations and roles: "botanist" becomes "plant scientist"); `index`: the
    TF-IDF index of every sentence's text, when the caller has built it (the pipeline has); `day_given`: whether
    `day` is the user's --date (else it is the day the brief is made, and dates counted from it are guesses);
    `quotable_index`: the TF-IDF index of the candidates' texts, when the caller has built it; without `dates` the
    timeline and what comes next are left empty, for the caller to read with `story_dates` when it needs them."""
    source_of = [documents[s.doc].source.id for s in sentences]
    # On a large story, forked children (briefer.ahead) compute what needs nothing of the rest while this process
    # goes on: who's who beside the bottom line's leads (and the dates) and the topics' phrases, then key quotes
    # beside the topics; each value is the one this process would compute.
    large = len(sentences) >= FORK_SENTENCES
    named = [(source_of[i], s.text) for i, s in enumerate(sentences) if s.doc not in spun]
    # Sources oldest first, for the roles newer articles give or end.
    by_age = sorted(documents, key=lambda d: (d.source.published or dt.date.min, d.source.id))
    order = {d.source.id: rank for rank, d in enumerate(by_age)}
    people = Ahead(lambda: who_is_who(named, order=order), fork=large)
    # Quotes come from the articles that are not previews overtaken by a later report ("We will press high, as we
    # always do", said before a final a later article reports).
    overtaken = _overtaken_previews(documents)
    said = run_on([Said(d.source.id, i, j, with_speaker(text, d.heard[j]) if d.heard and d.heard[j] else text)
                   for i, d in enumerate(documents) if i not in spun and i not in overtaken
                   for j, text in enumerate(d.paragraphs)])
    quotable = [(source_of[i], sentences[i].text) for i in candidates]
    # (An interview's or a transcript's headline is what someone said, or names the document: no title of a story.)
    # (Nor a machine-paraphrased copy's: "Dwellings Evacuated As Moor Blaze Extends Near Scarth Bridge".)
    titles = ["" if d.speakers or i in spun else d.title or d.source.title for i, d in enumerate(documents)]
    # One TF-IDF index of the quotable sentences for topics, the timeline and what comes next.
    if quotable_index is None:
        quotable_index = SimilarityIndex.build([text for _, text in quotable])
    anchor = story_anchors(documents, day)
    if index is None:
        index = SimilarityIndex.build([s.text for s in sentences])
    leads = lead_credits(documents, sentences, candidates, anchor, index)
    events, after = (story_dates(documents, sentences, candidates, day, day_given, quotable_index) if dates
                     else ((), ()))
    # The topics' phrases while who's who is read: its names are left out of them after (`discover.without`).
    phrases = None if topics else key_phrases(quotable)
    cast = people.result()
    notes = [note for d in documents for note in d.amends]
    # (... which still print the quotations they share with the rest: "Nobody is against clean air. ...", in the first
    # day's article and the second's.)
    also = run_on([Said(d.source.id, i, j, text) for i, d in enumerate(documents) if i in overtaken and i not in spun
                   for j, text in enumerate(d.paragraphs)]) if overtaken else []
    quotes = Ahead(lambda: ranked_quotes(said, cast, spare=SPARE_QUOTES, stale=_hedged_before(documents), notes=notes,
                                         also=also), fork=large)
    found = tuple(topics) or discover_topics(quotable, exclude=cast.everyone, titles=titles, index=quotable_index,
                                             max_topics=max_topics, phrases=phrases)
    firsts: dict[int, str] = {}
    for sentence in sentences:
        firsts.setdefault(sentence.doc, sentence.text)
    # (Nor, for the title, a headline its outlet has overtaken that day: a live page saved again with news added.)
    again = saved_again_later(documents)
    current = ["" if k in again else t for k, t in enumerate(titles)]
    title = headline(current, [k for t in found for k in t.keywords], reported_on(documents, sentences, day),
                     [firsts.get(k, "") for k in range(len(documents))])
    line = bottom_line(documents, sentences, candidates, anchor, index, title, leads)
    title = _decided_title(documents, sentences, line, title) if not topics else title
    if shouting(title):
        title = recased(title, [s.text for s in sentences])
    chosen, spares = quotes.result()
    return Story(topics=found, title=title, bottom_line=line, people=cast.people, quotes=chosen,
                 timeline=events, next=after, cast=cast, discovered=bool(found) and not topics, spare_quotes=spares,
                 previews=frozenset(overtaken))


# What a preview's first sentence looks ahead with ("Sporting Vilaverde will play ..."; not the "could not use the
# app" of a report).
_PREVIEW_LEAD = re.compile(r"\b(?:will|(?:is|are) (?:set |due |expected )?to|plans? to|aims? to|hopes? to)\b")


def _overtaken_previews(documents: Sequence[Document]) -> set[int]:
    """Indices of the previews ("Sporting Vilaverde will play Wisła Kórnik in the final ... on Sunday") older than an
    article that reports: what they quote was said before the event ("We will press high, as we always do")."""
    def preview(d: Document) -> bool:
        if d.speakers or not d.paragraphs:
            return False
        lead = split_sentences(d.paragraphs[0])[0]
        day = d.source.published or dt.date.min
        # (A lead that tells who announced it reports the announcement: "... will reopen on Thursday, the council
        # said on Wednesday, but ...".)
        return (classify(lead) == "expected" and _PREVIEW_LEAD.search(lead) is not None
                and _TELLING.search(lead) is None and not _told(lead, day))

    previews = {i for i, d in enumerate(documents) if preview(d)}
    return {i for i in previews if any(newer(d.source, documents[i].source)
                                       for k, d in enumerate(documents) if k not in previews)}


def _hedged_before(documents: Sequence[Document]) -> Callable[[Said, str], bool]:
    """Whether a quotation is a worry or an open question (`HEDGED`) in an article older than the newest: "our main
    concern is that Mr Brereton has been injured", said the night before he was found."""
    # ... or the words a source says the speaker did not say ("The council has since said Cllr Tamblin did not say
    # there was no risk; ... the quote was misreported.": "There is no risk to children's health whatsoever").
    denied = [content_stems(m.group(1)) for d in documents for p in d.paragraphs if "did not say" in p
              for m in _DID_NOT_SAY.finditer(p)]

    def stale(said: Said, quoted: str) -> bool:
        if denied and any(len(set(words) & set(content_stems(quoted))) >= max(1, len(words) - 1)
                          for words in denied):
            return True
        return HEDGED.search(quoted) is not None and any(newer(d.source, documents[said.doc].source)
                                                         for d in documents)
    return stale


# What a speaker is said not to have said: "did not say there was no risk".
_DID_NOT_SAY = re.compile(r"\b(?:said|says)\b[^.;]{0,80}?\bdid not say (?:that )?([^;.,]{6,120})")


def _decided_title(documents: Sequence[Document], sentences: Sequence[Sentence], line: Item | None, title: str) -> str:
    """The headline of the article whose decision is the bottom line, when the title is a later article's (a march
    "against Ashwell quarry" the day after the board approved it); and the headline of the newest article when the
    bottom line is its news and the title an older article's ("Two fishing boats found, one still missing" above
    "... bringing all 31 Port Avel fishermen home"): the title and the bottom line tell one story."""
    if line is None:
        return title
    doc = next((s.doc for s in sentences if s.text == line.text), None)
    if doc is None:
        return title
    mine = documents[doc]
    own = (mine.title or mine.source.title or "").strip()
    then = mine.source.published
    if not own or own == title or then is None or shouting(own):
        return title
    def titled(d: Document) -> bool:  # (the title is a headline without its live page's label: `headline`)
        return any(title in (t, unlabelled(t)) for t in (d.title, d.source.title) if t)

    if decides(line.text):
        if not reports(own):
            return title
        later = any(newer(d.source, mine.source) and titled(d) for d in documents)
        return own if later else title
    # (The newest article's headline may look ahead, "Castlemere porters to vote on 6.5% offer as strike threat
    # lifts": no later article has overtaken it.)
    newest = not any(newer(d.source, mine.source) for d in documents)
    older = any(newer(mine.source, d.source) and titled(d) for d in documents)
    return own if newest and older and (reports(own) or _sums_up(own, line.text, documents, mine.source)) else title


# A headline that is a label, a question or a quotation sums up nothing: "Dunmere flood: council update".
_LABEL_HEADLINE = re.compile(r"[:?\"“”‘’']|^(?:Issued|Updated|Published)\b")
# Content words a headline that looks ahead shares with the lead it sums up, at least.
HEADLINE_SHARED = 3


def _sums_up(headline: str, lead: str, documents: Sequence[Document], mine: Source) -> bool:
    """Whether the headline of the one newest article sums up its lead, though it looks ahead ("Castlemere porters
    to vote on 6.5% offer as strike threat lifts" / "Castlemere Markets Ltd has made a new pay offer to its 212
    porters, and the union will put it to its members ..."): no label, and words of the lead's news."""
    alone = sum(1 for d in documents if not newer(mine, d.source)) == 1
    return alone and not _LABEL_HEADLINE.search(headline) \
        and len(set(content_stems(headline)) & set(content_stems(lead))) >= HEADLINE_SHARED


def story_dates(documents: Sequence[Document], sentences: Sequence[Sentence], candidates: Sequence[int],
                day: dt.date, day_given: bool = True, quotable_index: SimilarityIndex | None = None
                ) -> tuple[tuple[Dated, ...], tuple[Dated, ...]]:
    """The story's timeline and what comes next, each `SPARE` times the printed length, from the quotable sentences
    (`candidates`); `quotable_index`: the TF-IDF index of their texts, when the caller has it."""
    lines = dated_lines(documents, sentences, candidates, day, day_given)
    if quotable_index is None:
        quotable_index = SimilarityIndex.build([line.text for line in lines])
    # What comes next reads an article's list of dated steps too ("What happens next:" / "- 9 June: parish council
    # meeting to agree a policy ..."): each item is a line the article printed, though it is no sentence to quote.
    listed = dated_lines(documents, sentences, listed_steps(sentences, candidates), day, day_given)
    ahead = what_next(lines + listed, day, SPARE * MAX_NEXT,
                      SimilarityIndex.build([line.text for line in lines + listed]) if listed else quotable_index)
    listed_texts = {line.text for line in listed}
    ahead = tuple(replace(d, text=without_listed_date(d.text)) if d.text in listed_texts else d for d in ahead)
    return timeline(lines, day, SPARE * MAX_EVENTS, quotable_index), ahead


# A list item: a paragraph of one sentence with no full stop, of this many words.
LIST_ITEM_WORDS = (4, 40)
_FULL_STOP = re.compile(r"[.!?…][\"'”’)\]]*$")
_DATE_CUE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|"
                       r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def listed_steps(sentences: Sequence[Sentence], candidates: Collection[int]) -> list[int]:
    """The sentences that are items of a list (a paragraph of one line, with no full stop) and that name a day or
    month: what an article's "What happens next" list holds, read by `what_next` (which keeps those ahead)."""
    quotable = set(candidates)
    per_paragraph: dict[tuple[int, int], int] = {}
    for s in sentences:
        per_paragraph[s.doc, s.paragraph] = per_paragraph.get((s.doc, s.paragraph), 0) + 1
    low, high = LIST_ITEM_WORDS
    return [i for i, s in enumerate(sentences)
            if i not in quotable and per_paragraph[s.doc, s.paragraph] == 1 and not _FULL_STOP.search(s.text)
            and low <= len(s.text.split()) <= high and _DATE_CUE.search(s.text)]


# Sentences of an undated article read for the newest day it reports on (its news comes first).
AS_OF_SENTENCES = 40


def reported_on(documents: Sequence[Document], sentences: Sequence[Sentence],
                day: dt.date) -> Callable[[int], dt.date | None]:
    """How new article i is: its publication date; when no article of the story has one, the day up to `day` that
    its first dated report speaks of ("met ... on Monday", counted from `day`: the lead tells the article's news,
    and a later sentence's "Tuesday night, Blinken spoke by phone ..." goes back to a day before it, though counted
    from a guessed `day` it may come out newer); else None (unknown). Read for an article only when asked (the
    headline asks only about reports' headlines)."""
    if any(d.source.published for d in documents):
        return lambda i: documents[i].source.published
    firsts: dict[int, list[str]] = {}
    for sentence in sentences:
        texts = firsts.setdefault(sentence.doc, [])
        if len(texts) < AS_OF_SENTENCES:
            texts.append(sentence.text)

    @cache
    def newest(i: int) -> dt.date | None:
        for text in firsts.get(i, ()):
            when = event_date(text, day)  # before `classify`: most sentences name no date, at little cost
            if when is not None and when.precision == "day" and when.day <= day and classify(text) == "report":
                return when.day
        return None

    return newest


def dated_lines(documents: Sequence[Document], sentences: Sequence[Sentence], candidates: Sequence[int],
                day: dt.date, day_given: bool = True) -> list[Line]:
    """The quotable sentences as the timeline dates them: each with its source's anchor (`story_anchors`)."""
    anchor = story_anchors(documents, day)
    # An undated article's anchor is a guess when it is another article's date, or the day the brief is made
    # (no article dated and no --date: the articles may be years old, and "on Monday" counted from today would
    # be a made-up date). A --date given is the day the user says the articles speak of, and is not marked.
    some_dated = any(o.source.published for o in documents)
    guessed = [d.source.published is None and (some_dated or not day_given) for d in documents]
    return [Line(documents[sentences[i].doc].source.id, sentences[i].text, anchor[sentences[i].doc],
                 sentences[i].position, guessed[sentences[i].doc])
            for i in candidates]


def story_anchors(documents: Sequence[Document], day: dt.date) -> list[dt.date]:
    """The date each document's relative days count from: its publication date; for an undated article, the
    newest date of the story's dated ones (articles on one story appear together), and the brief's --date
    only when no article has a date at all. An anchor taken from another article is a guess: the timeline and
    what comes next drop (or print undated) any date counted from it that the words do not fix ("today",
    "on Monday", "in March"), so a guess never moves an article's "today" onto another article's day. An undated
    article that names its own day ("a working dinner later Sunday") counts from that day of the week before the
    guess (`temporal.written_day`): its "Tuesday night" is the Tuesday before that Sunday."""
    dated = [d.source.published for d in documents if d.source.published and d.source.published <= day]
    fallback = max(dated, default=day)
    return [d.source.published or written_day(d.paragraphs, fallback) or fallback for d in documents]


# A state as it is now, no plan or forecast: "is now comfortable", "are now back home" (not "is now expected to").
_NOW_STATE = re.compile(r"\b(?:is|are) now (?!(?:expected|due|set|likely|scheduled|planned|hoped|thought|believed|"
                        r"understood|said|going|about|to)\b)")


def _not_updated(documents: Sequence[Document], sentences: Sequence[Sentence], leads: list[int],
                 candidates: Sequence[int] = ()) -> list[int]:
    """The leads no lead of a later article updates the count of ("rose to 37" once another says "rose to 41"), or
    overturns the state of on a day it names, as late or later ("was still at large on Sunday" / "was found on
    Sunday evening"; not an analysis's "it reopened an old quarrel" beside "the county closed the bridge"): where
    things stand is the newer count or state. (A story's leads only: a firehose has too many to compare.)"""
    if len(documents) > PARAPHRASE_MAX_DOCUMENTS:
        return leads

    def published(i: int) -> dt.date | None:
        return documents[sentences[i].doc].source.published

    def overturns(j: int, i: int) -> bool:  # (a preview overturns nothing yet: "will reopen on Friday")
        text = sentences[j].text
        if (not state_overturned(text, sentences[i].text) or (then := published(j)) is None
                or (classify(text) == "expected" and not _NOW_STATE.search(text))):
            return False
        theirs = event_day(text, then)
        # (An opening in the present perfect with no day is news of its article's day: "Somebody has come forward to
        # claim the £2.4 million Grand Lotto jackpot ..., the operator has said"; so is one that says how things
        # are now, whatever it expects: "The grandmother ... is now comfortable in hospital and is expected home next
        # week".)
        if theirs is None and sentences[j].position <= 1 and (perfect_news(text) or _NOW_STATE.search(text)):
            theirs = then
        mine = event_day(sentences[i].text, published(i) or then)
        # (A count of a fixed whole told anew with no day is its article's: "Five of the town's nine pharmacies now
        # have some", on Wednesday, after Tuesday's "Eight of Ferrisford's nine pharmacies now have no ...".)
        if theirs is None and part_of_whole(sentences[j].text, sentences[i].text) \
                and (mine is None or then > (published(i) or then) or then > mine):
            return True
        return theirs is not None and (mine is None or theirs >= mine)

    def reports(j: int, i: int) -> bool:  # a preview's event told by a later lead ("will open" / "opened")
        return (classify(sentences[i].text) == "expected" and classify(sentences[j].text) == "report"
                and supersedes(sentences[j].text, "report", sentences[i].text, "expected"))

    def revised(j: int, i: int) -> bool:  # a figure revised, whatever the dates unless it is older
        older = (then := published(j)) is not None and (mine := published(i)) is not None and then < mine
        return not older and sentences[j].doc != sentences[i].doc and revised_count(sentences[j].text,
                                                                                     sentences[i].text)

    def beside(j: int, i: int) -> bool:  # another source of the same day ("have been suspended" / "resumed at 3.30")
        return published(j) is not None and published(j) == published(i) and sentences[j].doc != sentences[i].doc

    revisions = [j for j in candidates if revises(sentences[j].text)]

    # (... or, of one missing or unharmed, tells them found or harmed, whatever words each uses: "has made a tearful
    # appeal for the return of a 278-year-old cello" / "has been handed in to police by the driver".)
    def found(j: int, i: int) -> bool:
        return moved_apart_from(sentences[i].text) and classify(sentences[j].text) == "report" \
            and state_moved_apart(sentences[j].text, sentences[i].text)

    # (... and, in a story of a few articles, any quotable sentence of a later article that tells the lead's patient
    # home or its count of a fixed whole anew (not any state word: "River traffic resumed below the bridge" is no
    # reopening of the road bridge):
    # "The two-year-old girl who was admitted ... on Monday night was discharged this afternoon", the fourth paragraph
    # of Wednesday's article, after Tuesday's lead "A two-year-old girl ... was admitted to Ferrisford Community
    # Hospital on Monday night".)
    lead_rows = set(leads)
    later = [j for j in candidates if j not in lead_rows] if len(candidates) <= OVERTURNING_CANDIDATES else []
    return [i for i in leads
            if not any(((published(j) or dt.date.min) > (published(i) or dt.date.max)
                        and (count_update(sentences[j].text, sentences[i].text) or overturns(j, i) or reports(j, i)
                             or found(j, i)))
                       or (beside(j, i) and overturns(j, i) and not overturns(i, j))
                       for j in leads)
            and not any((published(j) or dt.date.min) > (published(i) or dt.date.max)
                        and (home_from_hospital(sentences[j].text, sentences[i].text)
                             or part_of_whole(sentences[j].text, sentences[i].text))
                        for j in later)
            and not any(revised(j, i) for j in revisions)]


# Quotable sentences at most for which every one is read against the leads (`_not_updated`): a story's, not a
# firehose's.
OVERTURNING_CANDIDATES = 600


@dataclass(frozen=True, slots=True)
class Leads:
    """What the bottom line weighs that needs no title: the leads (sentence indices), their closeness to the whole
    story (TF-IDF centroid), the sources whose sentences the cosine puts near each, and each lead's date."""

    leads: list[int]
    closeness: np.ndarray
    credits: list[tuple[int, ...]]
    dated: list[When | None]


_WILL_AGAIN = re.compile(r"^[A-Z][^,;]{0,80}?\bwill (?:now )?(?:resume|reopen|restart|stay open|remain open)\b")
_IS_TO = re.compile(r"^[A-Z][^,;]{0,60}?\b(?:is|are) to (?!be\b)[a-z]+\b")


def _told(text: str, anchor: dt.date) -> bool:
    """A report, or a preview that reports something first ("The talks ended, and will resume") or a decision
    ("will return 14 bronze plaques ... after its trustees voted unanimously on Tuesday"); not background, an event
    its article dates long before it ("Germany returned more than 20 Benin Bronzes to Nigeria in December 2022")."""
    kind = classify(text)
    if kind == "report":
        # What someone says now of a past event is today's news ("Dr Alan Price ... said he had not seen the nurses'
        # letters of concern until after two babies died on the ward in 2023").
        return classify(text, anchor) != "background" or _TELLING.search(text) is not None
    before = preview_event(text)[0]
    return kind == "expected" and (reports_before_preview(text) or decides(text) or _ANNOUNCED.search(text) is not None
                                   # ... or a plan told as news: "Northfold Buses is to withdraw route 44, ..."
                                   or _IS_TO.match(text) is not None
                                   # ... or a thing stopped that will start again: "The Wendle Vale Gliding Club will
                                   # resume flying on Saturday 20 June"
                                   or _WILL_AGAIN.match(text) is not None
                                   or _ANNOUNCED_ON.search(before) is not None
                                   # ... or on a day named just after its first clause: "Saltholme's coastguard
                                   # station will stay open, HM Coastguard said on Thursday, after a review ..."
                                   or _ANNOUNCED_MID.match(preview_event(text)[2]) is not None
                                   # ... or an event told in the past before the look ahead: "The lifts stopped at
                                   # four o'clock on Saturday, and they will not turn again this winter."
                                   or bool(_CLAUSE_THEN_AND.search(before) and set(past_words(before)) - SAYING_PAST))


def _after_done(text: str, anchor: dt.date | None = None) -> bool:
    """A preview told after the event that brought it about, a lead that reports that event: "Ravensholt's council
    tax will rise by 4.99% from April after the Mayor used her casting vote to pass the budget ... on Wednesday";
    with the article's day (`anchor`), also an event named by its noun on that day or the one before ("Stall rents
    ... will rise by 12 per cent from 1 April, not the 35 per cent first proposed, after talks between Wendale District
    Council and market traders on Thursday", in Friday's release)."""
    ahead = preview_event(text)[2]
    done = _AFTER.search(ahead)
    if not done:
        return False
    # (In the preview's own clause: not "will be out for about six weeks, the club said on Thursday, after a scan
    # ruled out a fracture", a detail of the news told. A comma inside a figure is no clause: "will pay £108,000 after
    # wood preservative ... killed ..."; nor the commas around the figure it replaces: ", not the 35 per cent first
    # proposed,".)
    if _CLAUSE_COMMA.search(_REPLACED_ASIDE.sub("", ahead[:done.start()])) is not None:
        return False
    after = ahead[done.end():]
    if set(past_words(after)) - SAYING_PAST:
        return True
    if anchor is None or not (event := _EVENT_NOUN_ON.match(after)):
        return False
    when = event_day(event.group(), anchor)
    return when is not None and anchor - dt.timedelta(days=1) <= when <= anchor


# The figure a sentence's new one replaces, set off by commas just before "after": ", not the 35 per cent first
# proposed, ".
_REPLACED_ASIDE = re.compile(r",\s+not\s+(?:the\s+)?[^,;]{1,60},\s*$")
# An event named by its noun and its day: "talks between Wendale District Council and market traders on Thursday".
_EVENT_NOUN_ON = re.compile(r"\s*(?:(?:the|a|an|two days of|hours of|further|fresh|crisis|emergency)\s+)?"
                            r"(?:talks|meeting|meetings|negotiations|vote|review|hearing|inspection|inquest)\b"
                            r"[^.;]{0,80}?\b(?:on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|last night)\b")


def _after_news(text: str, anchor: dt.date, newest: dt.date) -> bool:
    """`_after_done`, the event after which naming no day or the story's newest: the news of its article ("will stay
    open ... after the county council agreed a £450,000 rescue deal", "... after councillors reinstated its street
    trading licence last night"), not an older event it recalls ("is to spend £1.2m on new flood defences after a
    sea lion escaped ... on Saturday night")."""
    if not _after_done(text, anchor):
        return False
    ahead = preview_event(text)[2]
    done = _AFTER.search(ahead)
    when = event_date(ahead[done.end():], anchor) if done is not None else None
    return done is not None and (when is None or when.day >= newest)


_CLAUSE_COMMA = re.compile(r",(?!\d{3}\b)")
_AFTER = re.compile(r"\bafter\b(?!\s+(?:the\s+)?(?:next|this|that|then|it|them|which)\b)")


# A clause told in full before "and" the look ahead follows ("..., and they will not turn again").
_CLAUSE_THEN_AND = re.compile(r",\s+and\s+(?:[\w'’-]+\s+){0,2}$")


# A plan as someone announced it, the attribution closing the sentence: "A sleeper train will link Lisière and
# Hochfeld again from the next timetable change, ..., the two regional governments said." (the announcement is news).
_ANNOUNCED = re.compile(r",\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}(?:said|announced|confirmed)(?:\s+on\s+\w+|\s+today|"
                        r"\s+yesterday)?\.?$")
# ... or after the preview's first clause, with its day: "will stay open, HM Coastguard said on Thursday, after ...".
_ANNOUNCED_MID = re.compile(r"[^,;]{0,80},\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}(?:said|announced|confirmed)\s+(?:on\s+)?"
                            r"(?:today|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
# ... or told on a day before the plan it tells: "Agriculture minister Ruth Galloway said on Friday she would set up a
# task force", "Valmora today announced a plan to close its Brennick creamery".
_ANNOUNCED_ON = re.compile(r"\b(?:(?:said|announced|confirmed) (?:on )?(?:today|yesterday|(?:mon|tues|wednes|thurs|fri|"
                           r"satur|sun)day)|(?:today|yesterday) (?:said|announced|confirmed))\b", re.I)


# A sentence that turns against the paragraph before ("But the count ... has risen to 63"): an item, no bottom line.
_TURNS = re.compile(r"(?:But|And)\s")
# A figure named by what the sentence before counted: "WEN said the number had dropped from about 6,150 yesterday
# afternoon" (the number of what, the lead before it says); "The man of 71 who was kept in ..." (the man the story
# told of before).
_COUNTED_BEFORE = re.compile(r"\bthe (?:number|figure|total|count)\s+(?:had|has|have|was|is|fell|rose|dropped|"
                             r"climbed)\b|^The (?:man|woman|boy|girl) of \d+\b|"
                             # ... nor is an old promise recalled: "WEN had promised on Saturday that every customer
                             # would be back on by Sunday evening"
                             # (not a plan given up in passing: "will not resume flights on Wednesday as it had
                             # planned")
                             r"^[^,;]{0,80}?\bhad (?:promised|pledged)\b")


def lead_credits(documents: Sequence[Document], sentences: Sequence[Sentence], candidates: Sequence[int],
                 anchor: Sequence[dt.date], index: SimilarityIndex | None = None) -> Leads | None:
    """The bottom line's candidates and what is known of them before the title (see `bottom_line`)."""
    if not candidates:
        return None
    seen: dict[int, int] = {}
    leads = []
    for i in candidates:
        doc = sentences[i].doc
        seen[doc] = seen.get(doc, 0) + 1
        text = sentences[i].text
        # A quotation is someone's view, not the news: never the bottom line. (What the sentence tells, the
        # costliest look, only for a lead that passes the others.)
        # Nor is a transcript's or an interview's (its opening says who spoke to whom).
        # Nor one that opens with someone named before it by title and surname ("Mrs Okafor, who is no relation of
        # the council leader, had surgery ..."): it leans on the sentence that introduced her.
        if (seen[doc] <= LEAD_SENTENCES and len(text.split()) <= BOTTOM_LINE_WORDS and not documents[doc].speakers
                and not _quotes_someone(text) and not spoken(text) and not HEDGED.search(text)
                and not _NAMED_BEFORE.match(text) and not _TURNS.match(text) and not _COUNTED_BEFORE.search(text)
                and (_told(text, anchor[doc]) or _after_done(text, anchor[doc]))):
            leads.append(i)
    leads = _not_updated(documents, sentences, leads, candidates) or list(candidates[:1])
    if index is None:
        index = SimilarityIndex.build([s.text for s in sentences])
    centroid = np.asarray(index.matrix.mean(axis=0)).ravel()
    closeness = index.matrix[leads] @ centroid
    source_of = [documents[s.doc].source.id for s in sentences]
    dated = [event_date(sentences[i].text, anchor[sentences[i].doc]) for i in leads]

    @cache
    def day(j: int) -> dt.date | None:
        return event_day(sentences[j].text, anchor[sentences[j].doc])

    # (Not a neighbour that gives another count of about the lead's size: "A syndicate of twenty-four workers" does
    # not state "whose 25 members shared".)
    # (Nor an earlier article's sentence that the lead tells restored: "Trains are running every half hour again"
    # is not in "once an hour instead of every half hour".)
    # (Nor one that tells another outcome or stage: "a 15-year-old boy has been arrested" does not state "A 15-year-old
    # boy has been charged with arson"; "has rejected a takeover approach" does not state "has agreed to a ...
    # takeover".)
    # (Nor, in one story's sources, one of a state it overturns or that overturns it: "Somebody has come forward to
    # claim ..." is not stated by "the winner has yet to come forward". A firehose's leads have too many neighbours.)
    story = len(documents) <= PARAPHRASE_MAX_DOCUMENTS

    def states(i: int, j: int) -> bool:
        mine, theirs = sentences[i], sentences[j]
        return not counts_differ(mine.text, theirs.text) and not opposite(mine.text, theirs.text) \
            and not (story and (state_moved_on(mine.text, theirs.text) or state_moved_on(theirs.text, mine.text))) \
            and not (anchor[theirs.doc] < anchor[mine.doc] and restored_since(mine.text, theirs.text))

    credits = [_credited(source_of, i, same.tolist(), day, states)
               for i, same in zip(leads, index.neighbours(leads, SAME_FACT), strict=True)]
    return Leads(leads, closeness, credits, dated)


def _credited(source_of: Sequence[int], i: int, near: list[int], day: Callable[[int], dt.date | None],
              states: Callable[[int, int], bool]) -> tuple[int, ...]:
    """The sources of the sentences `near` lead i that state its news (`states`) on its day (`same_day`), in order;
    `day`: the day sentence j tells of, read once per sentence (at 30,000 sentences the 674 leads that name a day
    have 114,000 neighbours, 2,183 distinct sentences: 0.1-0.2 s of asks of `event_day`). A source credited already
    is not asked about again."""
    mine = day(i)
    credited: set[int] = set()
    for j in near:
        if source_of[j] not in credited and (mine is None or (theirs := day(j)) is None or theirs == mine) \
                and states(i, j):
            credited.add(source_of[j])
    return tuple(sorted(credited))


def _told_figures(text: str) -> set[tuple[str, float]]:
    """The figures a contested lead is judged by: sums of money by currency, and counts by the thing counted, all
    people one thing ("25 members" / "twenty-four workers")."""
    out = set(sums(text))
    for c in counts(text):
        if not c.rate:
            out.add(("people" if c.thing in PERSON_NOUNS or role_noun(c.thing) else c.thing, c.value))
    return out


def _contested(documents: Sequence[Document], sentences: Sequence[Sentence]) -> Callable[[int], bool]:
    """Whether sentence i gives a sum of money or a count that no other article gives, while two other articles, one
    of them no older, agree on another of that kind and size (see `CONTESTED_WEIGHT`)."""
    given: dict[int, set[tuple[str, float]]] = {}
    for s in sentences:
        given.setdefault(s.doc, set()).update(_told_figures(s.text))
    of_kind: dict[str, list[tuple[float, int]]] = {}  # each kind's figures, with the article that gives them
    for d, told in given.items():
        for kind, value in told:
            of_kind.setdefault(kind, []).append((value, d))

    def near(a: float, b: float) -> bool:
        return abs(a - b) <= CONTESTED_ROUNDING * max(a, b)

    def check(i: int) -> bool:
        doc = sentences[i].doc
        then = documents[doc].source.published
        for kind, value in _told_figures(sentences[i].text):
            others = [(v, d) for v, d in of_kind.get(kind, ()) if d != doc]
            if value <= 0 or any(near(v, value) for v, _ in others):
                continue
            rivals = {v for v, _ in others if 1 / CONTESTED_RANGE <= v / value <= CONTESTED_RANGE}
            for rival in rivals:
                backing = {d for v, d in others if near(v, rival)}
                published = [documents[d].source.published for d in backing]
                if len(backing) >= 2 and any(then is None or p is None or p >= then for p in published):
                    return True
        return False
    return cache(check)


# Two articles' openings that tell one event (the same verb in the past tense, on the same day, and this share of
# the shorter one's content words, names and figures in): "The giant machine boring the Salder rail tunnel broke
# through into daylight at Brenmouth at 11.20am on Thursday, ..." / "A tunnel boring machine broke through at the
# eastern end of the new Salder rail tunnel on Thursday, ..." (0.63); their other details do not make two facts.
OPENING_SHARE = 0.6


def _stems(text: str) -> set[str]:
    return set(content_stems(text)) | figures(text)


def same_opening(a: str, b: str, anchor_a: dt.date, anchor_b: dt.date) -> bool:
    """Whether two articles' opening sentences tell one event (see `OPENING_SHARE`)."""
    verbs = set(past_words(a)) & set(past_words(b))
    # (... or the same day ahead for one plan: "has brought its hosepipe ban forward by four days, with restrictions
    # ... now starting on Monday 30 November" / "A hosepipe ban ... will now begin on Monday 30 November".)
    day = event_day(a, anchor_a) if days_named(a) & days_named(b) else None
    planned = day is not None and day > max(anchor_a, anchor_b) and event_day(b, anchor_b) == day
    # (Not two stages of one case: "A gamekeeper has been arrested" / "A gamekeeper arrested over the poisoning ...
    # has been released on bail".)
    if not (verbs - _NO_EVENT or planned) or opposite(a, b):
        return False
    sa, sb = _stems(a), _stems(b)
    if len(sa & sb) < OPENING_SHARE * min(len(sa), len(sb)):
        return False
    return event_day(a, anchor_a) == event_day(b, anchor_b)


def same_day(sentences: Sequence[Sentence], anchor: Sequence[dt.date], i: int, j: int) -> bool:
    """Whether sentence j may state sentence i's news: not when both name a day and the days differ. A sentence of
    another day tells another day's news, however many words it shares ("At least 40 pupils fell ill on Monday"
    does not state "The number who fell ill has risen to 58, the agency said on Tuesday")."""
    mine = event_day(sentences[i].text, anchor[sentences[i].doc])
    theirs = event_day(sentences[j].text, anchor[sentences[j].doc]) if mine is not None else None
    return mine is None or theirs is None or mine == theirs


# A state told as lasting into its article's day, opening the article: "Larrow is cut off for a third day." (news of
# that day, as an opening in the present perfect is).
_STILL = re.compile(r"^[^,;]{0,80}?\b(?:is|are|remains|remain|stays|stay)\b[^,;]{0,60}\bfor (?:a|the) (?:second|third|"
                    r"fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)) (?:day|night|week)\b(?: running| in a row)?")


def bottom_line(documents: Sequence[Document], sentences: Sequence[Sentence], candidates: Sequence[int],
                anchor: Sequence[dt.date], index: SimilarityIndex | None = None, title: str = "",
                found: Leads | None = None) -> Item | None:
    """The lead sentence that best sums the story: nearest the centroid of all sentences, most sources first.
    `index`: the TF-IDF index of every sentence's text, when the caller has it; `title`: the brief's title (the
    newest report's headline), which an editor's bottom line agrees with; `found`: `lead_credits` of the same
    arguments, when the caller has it."""
    if not candidates:
        return None
    if index is None:
        index = SimilarityIndex.build([s.text for s in sentences])
    found = found or lead_credits(documents, sentences, candidates, anchor, index)
    if found is None:  # no candidates (checked above)
        return None
    leads, closeness, dated = found.leads, found.closeness, found.dated
    credits = list(found.credits)
    # A headline is an editor's one-line summary: the lead that tells what it tells sums the story best
    # ("fountain flows again" over "the appeal raised 48,000 pounds"; "council passes budget" over one line of it).
    headlined = (np.asarray((index.matrix[leads] @ index.vectors([title]).T).todense()).ravel() if title
                 else np.zeros(len(leads)))
    source_of = [documents[s.doc].source.id for s in sentences]
    # Closeness to the whole story, raised a fifth for each further source that states the same fact, by half
    # when it tells the newest day's news (where things stand, not how they began), a fifth for a first line and
    # twice for a decision (what the story turns on).
    first_of: dict[int, int] = {}
    for i in leads:
        first_of[sentences[i].doc] = min(i, first_of.get(sentences[i].doc, i))
    first = set(first_of.values())
    # The newest day a lead names, not a day ahead of its article (a preview's "from Monday 26 January"). A lead
    # that names it is fresh news, and so is an article's opening sentence in the present perfect that names no day,
    # in an article of that day or later ("Harnby United have appointed ... as their new head coach"; not an
    # analysis's "The barge that hit the bridge did more than crack a bearing").
    # A lead about a day ahead of its article, in the article whose headline is the title, is news of the day it was
    # told ("will reopen to pedestrians on Saturday ..., the council said on Thursday", under "Avonmere footbridge to
    # reopen on Saturday after repairs": Thursday's news).
    # (Such a day is not the newest day of the others: the cull "completed on Wednesday" stays fresh beside Thursday's
    # "poultry ... will be housed indoors from Monday", told on Thursday.)
    titled = {k for k, d in enumerate(documents) if title and (d.title or d.source.title or "").strip() == title}
    told_then = {k: told_on(sentences[i].text, anchor[sentences[i].doc])
                 for k, (i, w) in enumerate(zip(leads, dated, strict=True))
                 if w is not None and sentences[i].doc in titled and w.day > anchor[sentences[i].doc]}
    newest = max((w.day for k, w in enumerate(dated)
                  if w is not None and w.precision != "year" and w.day <= anchor[sentences[leads[k]].doc]),
                 default=None)
    dated = [told_then.get(k, w) for k, w in enumerate(dated)]
    opening: dict[int, int] = {}
    for i in candidates:
        opening.setdefault(sentences[i].doc, i)
    # An article's opening news in the present perfect with no day ("Dominic Trewin has resigned as chief executive
    # ...", in Wednesday's paper) is news of its article's day, newer than Tuesday's inquiry.
    # (... and so is one whose only day is its preview's, after the news: "has made a new pay offer ..., and the
    # union will put it to its members in a ballot that closes on Wednesday 1 April".)
    def undated_news(k: int) -> bool:
        when = dated[k]
        # (... or a report whose only day is the new one it sets: "has been put back by four weeks to 29 May".)
        text = sentences[leads[k]].text
        return when is None or when.precision == "year" or (
            when.day > anchor[sentences[leads[k]].doc] and (reports_before_preview(text) or classify(text) == "report"))

    opened = [published for k, i in enumerate(leads)
              if undated_news(k) and opening[sentences[i].doc] == i
              and (published := documents[sentences[i].doc].source.published) is not None
              and (perfect_news(sentences[i].text) or _STILL.search(sentences[i].text) is not None)]
    if newest is not None and opened and max(opened) > newest:
        newest = max(opened)

    def news_of_newest(k: int) -> bool:
        i, when = leads[k], dated[k]
        if newest is None or _QUIET.search(sentences[i].text):
            return False
        if not undated_news(k) and when is not None:  # ("paid ... between 2023 and this year" tells no day)
            # (A day ahead of its article is a preview of the newest day, not its news: "Wendle Water's hosepipe
            # ban starts at 00:01 on Friday 12 June", in an explainer of the Wednesday before.)
            ahead = when.day > anchor[sentences[i].doc]
            return when.day >= newest if k in told_then else when.day == newest and not ahead
        published = documents[sentences[i].doc].source.published
        # ... or a decision it opens with ("The board voted unanimously to set the plan aside").
        # ... or the event its preview follows ("will stay open until ... after the county council agreed a £450,000
        # rescue deal").
        return (opening[sentences[i].doc] == i and published is not None and published >= newest
                and (perfect_news(sentences[i].text) or decides(sentences[i].text)
                     or _STILL.search(sentences[i].text) is not None
                     or _after_news(sentences[i].text, anchor[sentences[i].doc], newest)))

    outlet_of = {d.source.id: d.source.outlet for d in documents}
    contested = _contested(documents, sentences)
    # A lead whose figure another article, no older, names as the old one ("Reports on Monday had put the fee ... at
    # around £8 million" / "have agreed a fee of around £8 million"): no longer where the story stands.
    # (In one story's sources, among the sentences that share words with it: in a firehose each lead has hundreds.)
    revised: set[int] = set()
    if 1 < len(documents) <= PARAPHRASE_MAX_DOCUMENTS:
        near = index.similar(list(leads)) >= SUPERSEDE_COSINE
        revised = {k for k, i in enumerate(leads)
                   if any(sentences[j].doc != sentences[i].doc
                          and not newer(documents[sentences[i].doc].source, documents[sentences[j].doc].source)
                          and revises(sentences[j].text) and revised_count(sentences[j].text, sentences[i].text)
                          for j in map(int, np.flatnonzero(near[k])))}

    def weight(k: int) -> float:
        fresh = news_of_newest(k)
        # An article's first sentence is written to sum it up (not its fifth, however the ones before it read).
        lead = 1.2 if leads[k] in first and sentences[leads[k]].position <= 1 else 1.0
        # (A decision told in a clause of time after the news is not the lead's: "The scheme document ... was sent to
        # investors on Thursday evening, hours after the board agreed to the 510p-a-share offer.")
        decision = DECISION_WEIGHT if decides(_TIME_CLAUSE_AFTER.sub("", sentences[leads[k]].text)) else 1.0
        told = dated[k]
        # (A forecast of a day, told before the newest day, is stale whatever day it names: "will close its slopes
        # at 4.30pm on Sunday", said on Thursday, once the lifts stopped on Saturday.)
        if not fresh and newest is not None and told is not None \
                and (told.day < newest or anchor[sentences[leads[k]].doc] < newest) \
                and classify(sentences[leads[k]].text) == "expected":
            decision *= STALE_FORECAST_WEIGHT
        # (Sources of one outlet count once: a paper's web page and its print copy are one report.)
        outlets = len({outlet_of.get(source) or source for source in credits[k]})
        return (float(closeness[k]) * (1 + 0.2 * (outlets - 1)) * (FRESH_WEIGHT if fresh else 1.0) * lead
                * (1 + TITLE_WEIGHT * float(headlined[k])) * decision
                * (CONTESTED_WEIGHT if contested(leads[k]) else 1.0) * (REVISED_WEIGHT if k in revised else 1.0)
                * (LEANING_WEIGHT if leans_back(sentences[leads[k]].text) else 1.0))

    # The few strongest leads are credited by the same-fact rule too, not by the TF-IDF cosine alone: a rewording
    # in another outlet ("after the bank raised its main interest rate to four percent") is a further source.
    # (One story's sources only: in a firehose each lead has hundreds of near sentences to judge.)
    facts = None
    if len(documents) <= PARAPHRASE_MAX_DOCUMENTS:
        facts = Facts([s.text for s in sentences], index, places=[(s.doc, s.position) for s in sentences])
        for k in sorted(range(len(leads)), key=weight, reverse=True)[:RULE_CREDITED_LEADS]:
            text = sentences[leads[k]].text
            stating = {source_of[j] for j in facts.members(facts.of(leads[k]))
                       if same_day(sentences, anchor, leads[k], j)
                       and not counts_differ(text, sentences[j].text)
                       and not state_moved_on(text, sentences[j].text)
                       and not state_moved_on(sentences[j].text, text)}
            credits[k] = tuple(sorted(stating | set(credits[k])))
    best = max(range(len(leads)), key=weight)
    # The same news told with its day, by the same sources, is the better line ("The cull ... was completed on
    # Wednesday" over a rewrite's undated "have finished destroying the ... hens").
    if (mine := dated[best]) is None or mine.precision == "year":
        # (Not a line whose state the best overturns: "but the winner has yet to come forward, the lottery's
        # operator said on Tuesday" is no dated version of "Somebody has come forward to claim ...".)
        told = [k for k in range(len(leads)) if set(credits[k]) == set(credits[best]) and k != best
                and (when := dated[k]) is not None and when.precision == "day"
                and not state_moved_on(sentences[leads[best]].text, sentences[leads[k]].text)
                # (... and the same news: "Hollinby post office reopened this morning" is no dated version of "A
                # 27-year-old man has been charged with robbing Hollinby post office on Saturday".)
                and (facts is None or facts.of(leads[k]) == facts.of(leads[best]))
                and weight(k) >= SAME_NEWS * weight(best)]
        best = max(told, key=weight, default=best)
    why = (f"stated by {len(credits[best])} source{'s' if len(credits[best]) != 1 else ''}",
           f"closest lead to the whole story (centrality {float(closeness[best]):.2f})")
    return Item(sentences[leads[best]].text, credits[best], round(float(closeness[best]), 4), why)
