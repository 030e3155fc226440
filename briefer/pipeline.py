"""The pipeline: sources in, a `Brief` out. `build_brief` and `summarize` are the library's entry points.

A run is a loop over named stages (`STAGES`), each a function from one `Prepared` record to the next, in
the way of spaCy's components; a failure carries the stage's name. Adding a stage is one entry in the table.
1. read: read, decode and extract every source (briefer.read.ingest); the ledger lists every source;
2. known: articles briefed on an earlier date (`briefer daily`) are listed as KNOWN and left out;
3. clean: remove boilerplate (briefer.clean); a source left with no text is listed as FAILED, an article of
   another story than the rest as OFF_TOPIC (briefer.cluster.strays);
4. copies: a file with (nearly) the same text as an earlier one is listed as its DUPLICATE (briefer.outlets);
5. split: split sentences (briefer.sentences);
6. filter: decide which sentences may be quoted (briefer.candidates); spun copies and rewrites of other outlets'
   reports are listed as SPUN, opinion pieces as OPINION;
7. index: TF-IDF vectors of every sentence (briefer.dedupe); facts briefed before are no longer quotable;
8. story: who's who, key quotes, the timeline, what comes next and the bottom line (briefer.story); the
   topics and the title when none were given (briefer.discover);
9. select (briefer.sections): facts for each topic, an overview from the articles' leads, then other
   developments; each fact once, in its best quotable version, credited to the sources that state it,
   ordered by source chronology and position;
10. differ: a count the sources give differently is noted on the item that gives it, and printed once
    (briefer.differ);
11. once: the bottom line becomes the section item that states its fact, which the renderers then show once.
`build_brief` then assembles the Brief. A stage reports what it found wrong with a source as a `Finding`
added to the ledger; no stage edits another stage's records. On a large input, while a core is free, parts of
stages 1-8 that need nothing of the rest run in forked children (briefer.ahead), and in stages 9-11 children make
same-fact decisions ahead (briefer.facts.Facts.decisions); the brief is the same either way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import re
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from briefer import __version__
from briefer.ahead import FORK_DOCUMENTS, FORK_SENTENCES, Ahead, can_fork, in_child
from briefer.candidates import (
    PARAPHRASE_MAX_DOCUMENTS,
    candidate_mask,
    joined_pairs,
    looks_spun,
    paraphrased_copies,
    rewrites_reports,
)
from briefer.clean import clean_corpus, clean_document, retracted_claims, shared_furniture
from briefer.config import DEFAULT_TITLE, SUMMARY_WORDS, BriefOptions, load_options
from briefer.dedupe import SAME_FACT, SimilarityIndex, near_duplicates_of
from briefer.discover import topic_budget
from briefer.errors import ExitCode, NoUsableSourcesError
from briefer.model import (
    Brief,
    Dated,
    Document,
    Finding,
    Item,
    Ledger,
    Section,
    Sentence,
    Source,
    SourceStatus,
    Topic,
)
from briefer.outlets import copies
from briefer.read.ingest import read_sources
from briefer.referents import name_referents, referent_prior
from briefer.roundup import off_story
from briefer.sections import (
    NO_COVERAGE,
    NO_LEADS,
    OTHER,
    OVERVIEW,
    TOPIC_OVERRUN_WORDS,
    order_key,
    select_sections,
    summary,
)
from briefer.sentences import split_sentences
from briefer.text import date_long, with_speaker, word_count

if TYPE_CHECKING:
    from briefer.story import Story

log = logging.getLogger(__name__)

__all__ = ["NO_COVERAGE", "NO_LEADS", "OTHER", "OVERVIEW", "TOPIC_OVERRUN_WORDS", "Prepared", "build_brief",
           "prepare", "summarize"]

NOTHING_NEW = "Nothing new since the last brief: every fact in today's sources was briefed before."
SPUN_REASON = "reads as a machine-paraphrased copy: used to corroborate facts, never quoted"
RETOLD_REASON = "retells other outlets' reports: used to corroborate facts, never quoted"
OPINION_REASON = "an editorial, column or comment piece: used to corroborate facts, never quoted"
KNOWN_REASON = "already briefed on an earlier date"
LATER_REASON = "published on {}, after the brief's date of {}: not yet news that day"
OFF_TOPIC_REASON = "another story: it shares next to no words with the other sources, at a similarity of {:.2f}"
# Key quotes kept for the quote list: the sections never print the sentences that carry them.
RESERVED_QUOTES = 3
# Quotable sentences the story, selection and once stages read on a large input (`bound`): the most central
# this many, plus each article's first. Their cost grows with the pool, so it stops growing with the input.
# Far above any single story (the bundled sample has under 100, a DUC 2006 cluster under 800 and the 3,000-
# sentence bench input about 1,400), whose briefs are therefore unchanged. At 30,000 sentences (13,860 quotable)
# the pool holds 3,251, and with the other changes of docs/performance.md the story, select and once stages fell
# from 14.9 to 6.9 s of CPU.
STORY_POOL = 3000


# A street's name inside a sentence: "Kiln St.", "Foundry Road", "Mercer Ave." (not every name: the seeds' "Taiwan
# Strait" and "Taiwan Relations Act" in sentences no item quotes would make their "Taiwan" no subject).
_LONGER_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)* (?:St\.|Street|Road|Rd\.|Ave\.|Avenue|"
                          r"Lane|Way|Drive|Terrace|Crescent|Boulevard|Blvd\.)")


@dataclass(frozen=True, slots=True)
class Job:
    """What a run is asked to do: the sources as given, the options, and what earlier briefs said."""

    specs: tuple[str | Path, ...]
    options: BriefOptions
    known_facts: tuple[str, ...] = ()
    known_digests: frozenset[str] = frozenset()


def _empty_index() -> SimilarityIndex:
    return SimilarityIndex.build(())


@dataclass(frozen=True, slots=True)
class Prepared:
    """The record the stages pass along: the job, the ledger of sources, documents, sentences, selection."""

    job: Job
    ledger: Ledger = field(default_factory=Ledger)
    documents: tuple[Document, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    candidates: tuple[int, ...] = ()  # indices of the sentences that may be quoted
    # Candidates quoted as two consecutive sentences (one leans on the other: "they", "also"): index -> the pair.
    pairs: dict[int, tuple[int, int]] = field(default_factory=dict)
    index: SimilarityIndex = field(default_factory=_empty_index)
    story: Story | None = None
    sections: tuple[Section, ...] = ()
    # The copies stage's result while a forked child computes it, and where its findings go in the ledger.
    copies_ahead: tuple[Ahead[dict[int, int]], int] | None = None
    # The selection's concept analysis, computed ahead during the story stage (see `read_the_story`).
    analysis_ahead: Ahead[Any] | None = None
    # The story's timeline and what comes next, read during the select stage for the once stage (`read_the_story`).
    dates_ahead: Ahead[tuple[tuple[Dated, ...], tuple[Dated, ...]]] | None = None
    # The once stage's same-fact decisions, computed while the select stage fits the headings (`select`).
    decided_ahead: Ahead[dict[tuple[int, int, float], bool]] | None = None

    @property
    def sources(self) -> tuple[Source, ...]:
        """The brief's source list: every source with its status, reason and title."""
        return self.ledger.listed({d.source.id: d.title for d in self.documents})


Stage = Callable[[Prepared], Prepared]


def split_document(doc_index: int, doc: Document) -> list[Sentence]:
    """A document's sentences, numbered in reading order."""
    out: list[Sentence] = []
    for p, paragraph in enumerate(doc.paragraphs):
        speaker = doc.speakers[p] if doc.speakers else ""
        for text in split_sentences(paragraph):
            if speaker:
                text = with_speaker(text, speaker)  # a transcript's "We will ...": whose words, whose "we"
            out.append(Sentence(doc=doc_index, paragraph=p, position=len(out), text=text))
    return out


def read(run: Prepared) -> Prepared:
    """Stage 1: every source read (the only place the sources as given enter), with the ledger of them."""
    options = run.job.options
    corpus = read_sources(run.job.specs, options.limits, options.fetch, options.date)
    return replace(run, ledger=corpus.ledger, documents=corpus.documents)


def drop_known(run: Prepared) -> Prepared:
    """Stage 2: articles briefed on an earlier date are listed as KNOWN, and articles published after the brief's
    date (when one is given) as LATER; both are left out."""
    known = run.job.known_digests
    later, documents = as_of(run.documents, run.job.options.date)
    for finding in later:
        log.warning("left out source %d: %s", finding.source, finding.reason)
    return replace(run, ledger=run.ledger.add([*later, *(Finding(d.source.id, SourceStatus.KNOWN, KNOWN_REASON, "known")
                                                         for d in documents if d.source.digest in known)]),
                   documents=tuple(d for d in documents if d.source.digest not in known))


def as_of(documents: Sequence[Document], day: dt.date | None) -> tuple[list[Finding], tuple[Document, ...]]:
    """The articles published after `day` (the brief's date, when one is given), as LATER findings, and the rest:
    a brief of a past day tells what was known that day (a missed day of the daily brief, a story read as it stood
    then). An article with no known date is kept."""
    if day is None:
        return [], tuple(documents)
    later = [(d.source.id, published) for d in documents if (published := d.source.published) and published > day]
    left = {k for k, _ in later}
    return ([Finding(k, SourceStatus.LATER, LATER_REASON.format(date_long(published), date_long(day)), "known")
             for k, published in later], tuple(d for d in documents if d.source.id not in left))


def clean(run: Prepared) -> Prepared:
    """Stage 3: boilerplate removed; a source with no text left is FAILED; none usable is an error; an article of
    another story than the rest tell is OFF_TOPIC (`cluster.strays`)."""
    cleaned = _cleaned(run.documents)
    ledger = run.ledger.add(Finding(d.source.id, SourceStatus.FAILED, f"{d.source.location}: no article text left "
                                    "after removing site furniture", "clean") for d in cleaned if not d.paragraphs)
    documents = tuple(d for d in cleaned if d.paragraphs)
    if not documents and not any(f.status is SourceStatus.KNOWN for f in ledger.findings):
        raise NoUsableSourcesError(nothing_usable(ledger, run.job.specs))
    # An article that tells another story than the rest of one story's sources (a stray in the folder) is left out.
    if len(documents) <= PARAPHRASE_MAX_DOCUMENTS:
        from briefer.cluster import strays
        stray = dict(strays(["\n".join(d.paragraphs) for d in documents]))
        ledger = ledger.add(Finding(documents[k].source.id, SourceStatus.OFF_TOPIC, OFF_TOPIC_REASON.format(best),
                                    "clean") for k, best in sorted(stray.items()))
        documents = tuple(d for k, d in enumerate(documents) if k not in stray)
    return replace(run, ledger=ledger, documents=documents)


def _cleaned(documents: Sequence[Document]) -> list[Document]:
    """`clean_corpus(documents)`; on a large input the later half of the documents is cleaned in a forked child
    (briefer.ahead) once the furniture that several sources share is known."""
    if len(documents) < FORK_DOCUMENTS:
        return clean_corpus(documents)
    keys, furniture = shared_furniture(documents)
    retracted = retracted_claims(documents)
    half = len(documents) // 2
    rest = Ahead(lambda: [clean_document(d, furniture, k, retracted)
                          for d, k in zip(documents[half:], keys[half:], strict=True)])
    return [clean_document(d, furniture, k, retracted)
            for d, k in zip(documents[:half], keys[:half], strict=True)] + rest.result()


def flag_copies(run: Prepared) -> Prepared:
    """Stage 4: a file with the same (or nearly the same) text as an earlier one is listed as its DUPLICATE.

    Nothing before the select stage needs to know: on a large input a forked child finds the copies while this
    process splits, filters and indexes (briefer.ahead), and the index stage adds them to the ledger (`_copied`)."""
    documents = run.documents
    found = Ahead(lambda: copies(documents), fork=len(documents) >= FORK_DOCUMENTS)
    return replace(run, copies_ahead=(found, len(run.ledger.findings)))


def _copied(run: Prepared) -> Prepared:
    """The copies found by the copies stage, listed in the ledger where that stage would have listed them."""
    if run.copies_ahead is None:
        return run
    found, at = run.copies_ahead
    findings = run.ledger.findings
    copied = tuple(Finding(copy, SourceStatus.DUPLICATE, f"same text as source {first}", "copies")
                   for copy, first in found.result().items())
    return replace(run, ledger=Ledger(run.ledger.sources, findings[:at] + copied + findings[at:]), copies_ahead=None)


def split(run: Prepared) -> Prepared:
    """Stage 5: the documents' sentences, numbered; a paragraph's opening "He" or "She" named where the article
    leaves one person it can stand for (briefer.referents). Each article is read alone but for what the whole
    story's courtesy titles say: on a large input the later half of the articles is read in a forked child."""
    documents = run.documents
    prior = referent_prior(text for d in documents
                           for text in (*d.paragraphs, *(f"[{speaker}:]" for speaker in d.speakers if speaker)))
    half = len(documents) // 2
    rest = Ahead(lambda: _sentences(documents, half, len(documents), prior), fork=len(documents) >= FORK_DOCUMENTS)
    return replace(run, sentences=tuple(_sentences(documents, 0, half, prior) + rest.result()))


def _sentences(documents: Sequence[Document], start: int, end: int, prior: dict[str, set[str]]) -> list[Sentence]:
    """The sentences of `documents[start:end]`, pronouns named (`name_referents`, given the story's `prior`)."""
    return name_referents([s for i in range(start, end) for s in split_document(i, documents[i])], prior)


def filter_candidates(run: Prepared) -> Prepared:
    """Stage 6: the sentences that may be quoted; machine-paraphrased copies and rewrites of other outlets' reports are
    listed as SPUN, editorials and columns as OPINION (all three corroborate, never quoted)."""
    opinion = {i for i, d in enumerate(run.documents) if d.opinion}
    retold = {i for i, d in enumerate(run.documents) if rewrites_reports(d)} - opinion
    spun = ({i for i, d in enumerate(run.documents) if looks_spun(d)} | paraphrased_copies(run.sentences)) \
        - opinion - retold
    mask = _candidate_mask(run, spun | opinion | retold)
    if off := off_story(run.sentences):  # a roundup's items on other stories
        mask = [ok and i not in off for i, ok in enumerate(mask)]
    pairs = joined_pairs(run.sentences, mask, run.job.options.limits)
    findings = [Finding(run.documents[i].source.id, SourceStatus.SPUN, SPUN_REASON, "filter") for i in sorted(spun)]
    findings += [Finding(run.documents[i].source.id, SourceStatus.OPINION, OPINION_REASON, "filter")
                 for i in sorted(opinion)]
    findings += [Finding(run.documents[i].source.id, SourceStatus.SPUN, RETOLD_REASON, "filter")
                 for i in sorted(retold)]
    return replace(run, candidates=tuple(i for i, ok in enumerate(mask) if ok or i in pairs), pairs=pairs,
                   ledger=run.ledger.add(findings))


def _candidate_mask(run: Prepared, spun: set[int]) -> list[bool]:
    """`candidate_mask` of every sentence; on a large input, the later half's in a forked child (briefer.ahead).
    Each sentence is judged alone but for whether it opens inside a quotation, which is read per paragraph: the
    halves meet at a paragraph's start, so each half is judged as the whole would judge it."""
    sentences, limits = run.sentences, run.job.options.limits
    half = len(sentences) // 2
    while 0 < half < len(sentences) and (sentences[half].doc, sentences[half].paragraph) == \
            (sentences[half - 1].doc, sentences[half - 1].paragraph):
        half += 1
    if len(sentences) < FORK_SENTENCES or not 0 < half < len(sentences):
        return candidate_mask(sentences, run.documents, limits, spun=spun)
    later = sentences[half:]
    rest = Ahead(lambda: candidate_mask(later, run.documents, limits, spun=spun))
    return candidate_mask(sentences[:half], run.documents, limits, spun=spun) + rest.result()


def index(run: Prepared) -> Prepared:
    """Stage 7: every sentence's TF-IDF vector; a candidate stating a fact briefed before is dropped."""
    built = SimilarityIndex.build([s.text for s in run.sentences])
    candidates = run.candidates
    if run.job.known_facts and candidates:
        known = near_duplicates_of(built, run.job.known_facts)
        candidates = tuple(i for i in candidates if not known[i])
    return _copied(replace(run, index=built, candidates=candidates))


def analysed_ahead(run: Prepared) -> Prepared:
    """A plain summary's stage after the filter: on a large input, the concept analysis of the sentences (what its
    ranker reads: no sentence is joined) in a forked child while this process indexes them and sets up the
    selection (`Picker`), as a brief's story stage does for its own (`read_the_story`)."""
    if run.job.options.ranker != "briefer" or len(run.sentences) < FORK_SENTENCES:
        return run
    from briefer.rank.concept import analysis

    sentences = run.sentences
    return replace(run, analysis_ahead=in_child(lambda: analysis(sentences)))


def central_pool(run: Prepared, size: int = STORY_POOL) -> tuple[int, ...]:
    """The quotable sentences a large input's later stages read: the `size` closest to the centroid of all
    sentences (TF-IDF cosine, as the bottom line measures it) and each article's first quotable sentence,
    in reading order; every candidate when there are no more than `size`. Linear in the input."""
    candidates = run.candidates
    if len(candidates) <= size or run.index.matrix.shape[0] != len(run.sentences):
        return candidates
    rows = np.asarray(candidates)
    centroid = np.asarray(run.index.matrix.mean(axis=0)).ravel()
    closeness = run.index.matrix[rows] @ centroid
    keep = np.zeros(len(rows), dtype=bool)
    keep[np.argpartition(-closeness, size - 1)[:size]] = True  # ties at the edge: whichever argpartition keeps
    docs = np.asarray([run.sentences[i].doc for i in candidates])
    keep[np.unique(docs, return_index=True)[1]] = True  # each article's first quotable sentence (its lead)
    return tuple(int(i) for i in rows[keep])


def bound(run: Prepared) -> Prepared:
    """Stage 8 ("bound"): on a large input, the quotable sentences narrowed to the central pool (`central_pool`),
    so that the story, selection and once stages cost what a story of `STORY_POOL` sentences costs. Sentences
    outside the pool are still read for credits, people and quotes; they are not quoted."""
    pool = central_pool(run)
    if len(pool) == len(run.candidates):
        return run
    log.info("%d quotable sentences: the %d most central and each article's first are read", len(run.candidates),
             len(pool))
    kept = set(pool)
    return replace(run, candidates=pool, pairs={i: p for i, p in run.pairs.items() if i in kept})


def read_the_story(run: Prepared) -> Prepared:
    """Stage 8: people, quotes, dates and bottom line; topics and title found in the articles when none given."""
    from briefer.story import read_story, story_dates  # a brief's stages only: `summarize` starts faster without them

    options = run.job.options
    spun_ids = {f.source for f in run.ledger.findings if f.status in (SourceStatus.SPUN, SourceStatus.OPINION)}
    spun = {i for i, d in enumerate(run.documents) if d.source.id in spun_ids}
    built = run.index if run.index.matrix.shape[0] == len(run.sentences) else None  # the index stage's, reused
    # Discovered topics: as many as the word budget can fill (briefer.discover.topic_budget).
    mean = sum(word_count(run.sentences[i].text) for i in run.candidates) / max(len(run.candidates), 1)
    # The selection's concept analysis of every sentence (`briefer.rank.concept`) needs nothing of the story but the
    # key quotes, which only rarely change which sentences are joined: a large brief has a child compute it now,
    # for the sentences as they read with every quotable one (`select` takes it only when they read the same).
    analysis = None
    # (Without a child it is left to the selector: computed here it could be computed for nothing.)
    if run.job.options.ranker == "briefer" and len(run.sentences) >= FORK_SENTENCES and can_fork():  # concept
        from briefer.rank.concept import analysis as analyse
        from briefer.sections import brief_view

        analysis = Ahead(lambda: analyse(brief_view(run)))
    day, day_given = options.date or dt.date.today(), options.date is not None
    quotable = SimilarityIndex.build([run.sentences[i].text for i in run.candidates])
    found = read_story(run.documents, run.sentences, run.candidates, day, options.topics, spun, built,
                       max_topics=topic_budget(options.words, options.overview_share, mean), day_given=day_given,
                       quotable_index=quotable, dates=False)
    # The timeline and what comes next are not read before the once stage: a large brief has a child read them
    # while this process selects (the story stage keeps both cores busy already; the select stage, one).
    dates = Ahead(lambda: story_dates(run.documents, run.sentences, run.candidates, day, day_given, quotable),
                  fork=len(run.sentences) >= FORK_SENTENCES)
    options = replace(options, topics=found.topics, title=options.title or found.title or DEFAULT_TITLE)
    return replace(run, story=found, job=replace(run.job, options=options), analysis_ahead=analysis,
                   dates_ahead=dates)


def reserved_for_quotes(run: Prepared) -> set[int]:
    """The quotable sentences that print one of the story's first RESERVED_QUOTES key quotes (any source's
    copy). The once-rule prints a fact where it first comes, and the sections come before the quote list: left
    to the sections, these sentences would use up the story's best quotations."""
    from briefer.quotes import quote_key

    if run.story is None or not run.story.quotes:
        return set()
    keys = [f" {quote_key(q.text)} " for q in run.story.quotes[:RESERVED_QUOTES]]
    return {i for i in run.candidates if any(k in f" {quote_key(run.sentences[i].text)} " for k in keys)}


def select(run: Prepared) -> Prepared:
    """Stage 9: the brief's sections (see `select_sections`), from the sentences that do not print a key quote."""
    from briefer.headings import fit_headings

    reserved = reserved_for_quotes(run)
    pool = replace(run, candidates=tuple(i for i in run.candidates if i not in reserved)) if reserved else run
    with contextlib.ExitStack() as stack:
        if run.analysis_ahead is not None:
            from briefer.rank.concept import primed

            stack.enter_context(primed(run.analysis_ahead.result))  # waited for at the first selection
        sections = select_sections(pool, run.job.options) if run.sentences else ()
    decided = _decisions_ahead(run, sections)
    options = run.job.options
    if run.story is not None and (run.story.discovered or not options.topics):
        # A discovered heading must name what its items are about (briefer.headings.fit_headings); with no topics
        # given and none discovered, the items still find the subjects they share, as many as the budget holds.
        story = [(run.sentences[i].doc, run.sentences[i].text) for i in run.candidates]
        mean = sum(word_count(text) for _, text in story) / max(len(story), 1)
        brief_order = sorted(run.candidates, key=lambda i: order_key(run, i))
        # The outlets' names are how the articles use a word too: "Mainland" of "Mainland News Group" is part of a
        # longer name, no subject (the ferry story, once the context path told its repeats once: issue 12).
        story += [(k, d.source.outlet) for k, d in enumerate(run.documents) if d.source.outlet]
        # ... and so are the streets of the sentences no item may quote: "Kiln St." in a list of streets evacuated
        # makes "Kiln" part of a longer name, no subject.
        quotable = set(run.candidates)
        story += [(s.doc, name) for i, s in enumerate(run.sentences) if i not in quotable
                  for name in _LONGER_NAME.findall(s.text)]
        sections = fit_headings(sections, run.story.topics, OTHER, story, options.title, OVERVIEW,
                                room=topic_budget(options.words, options.overview_share, mean),
                                keep=_first_news(run), order=[run.sentences[i].text for i in brief_order],
                                headlines=[d.title for d in run.documents if d.title],
                                dated=[(d.source.id, d.source.published, d.title) for d in run.documents if d.title])
    return replace(run, sections=sections, analysis_ahead=None, decided_ahead=decided)


def _decisions_ahead(run: Prepared, sections: Sequence[Section]) -> Ahead[dict[tuple[int, int, float], bool]] | None:
    """On a large brief, a forked child computing the once stage's same-fact decisions (`once.decisions_ahead`)
    while this process fits the headings: the items' texts are known, and fitting the headings only moves them.
    The select and once stages run on one core (the timeline's child aside), so the other is free for it."""
    if len(run.sentences) < FORK_SENTENCES or run.story is None or not can_fork():
        return None
    from briefer.once import decisions_ahead

    story = run.story
    dated = run.dates_ahead.result() if run.dates_ahead is not None else (story.timeline, story.next)
    lines = [*([story.bottom_line.text] if story.bottom_line else []), *(i.text for s in sections for i in s.items),
             *(line.text for part in dated for line in part)]
    return in_child(lambda: decisions_ahead(lines, documents=run.documents, sentences=run.sentences,
                                            candidates=run.candidates, pairs=run.pairs, index=run.index,
                                            today=run.job.options.date or dt.date.today()))


def _first_news(run: Prepared) -> list[str]:
    """What an overview keeps when its items go to sections: the bottom line and each article's first quotable
    sentence (its lead: who, what, when; the barrier's "Corlan council voted on Tuesday ..." under "Storm surges"
    read as a side of the story)."""
    firsts: dict[int, str] = {}
    for i in run.candidates:
        firsts.setdefault(run.sentences[i].doc, run.sentences[i].text)
    line = run.story.bottom_line if run.story is not None else None
    return [*([line.text] if line is not None else []), *firsts.values()]


def bottom_line_once(run: Prepared) -> Prepared:
    """Stage 11: when a section holds the bottom line's fact, the bottom line is that item (its version and
    credits), so that the renderers show it once, at the top."""
    if run.story is None or run.story.bottom_line is None or not run.sections:
        return run
    items = [i for s in run.sections for i in s.items]
    line = SimilarityIndex.build([run.story.bottom_line.text, *(i.text for i in items)])
    cosine = line.similar([0])[0][1:]
    # The item that is the bottom line word for word, else the nearest that states its fact: not merely the first
    # printed item that comes within the same-fact cosine of it, which may be another fact of the same event.
    exact = [k for k, item in enumerate(items) if item.text == run.story.bottom_line.text]
    best = exact[0] if exact else int(cosine.argmax()) if len(items) else -1
    same = items[best] if best >= 0 and cosine[best] >= SAME_FACT else None
    if same is None:
        return _opening_told_again(run)
    # Its reasons, with the count of the sources the item is credited to (the section's facts may credit more).
    n = len(same.sources)
    why = tuple(f"stated by {n} source{'s' if n != 1 else ''}" if reason.startswith("stated by ") else reason
                for reason in run.story.bottom_line.why)
    bottom = replace(same, why=why)
    return _opening_told_again(replace(run, story=replace(run.story, bottom_line=bottom)))


def _opening_told_again(run: Prepared) -> Prepared:
    """Two articles' openings printed (the bottom line or section items) that tell one event (`story.same_opening`):
    the later printed is left out, and its sources credited to the first: one event, told once."""
    from briefer.story import same_opening, story_anchors
    assert run.story is not None and run.story.bottom_line is not None
    bottom = run.story.bottom_line
    opening: dict[int, int] = {}
    for i in run.candidates:
        opening.setdefault(run.sentences[i].doc, i)
    doc_of = {run.sentences[i].text: run.sentences[i].doc for i in opening.values()}
    printed = [item for item in (bottom, *(i for s in run.sections for i in s.items)) if item.text in doc_of]
    if len(printed) < 2:
        return run
    anchor = story_anchors(run.documents, run.job.options.date or dt.date.today())
    kept: list[Item] = []
    credit: dict[str, set[int]] = {}
    dropped: set[str] = set()
    for item in printed:
        doc = doc_of[item.text]
        first = next((k for k in kept if doc_of[k.text] != doc
                      and same_opening(k.text, item.text, anchor[doc_of[k.text]], anchor[doc])), None)
        if first is None:
            kept.append(item)
        elif item.text != first.text:
            dropped.add(item.text)
            credit.setdefault(first.text, set(first.sources)).update(item.sources)
    if not dropped:
        return run

    def credited(item: Item) -> Item:
        return replace(item, sources=tuple(sorted(credit[item.text]))) if item.text in credit else item
    sections = tuple(replace(s, items=tuple(credited(i) for i in s.items if i.text not in dropped))
                     for s in run.sections)
    return replace(run, sections=sections, story=replace(run.story, bottom_line=credited(bottom)))


def note_differing(run: Prepared) -> Prepared:
    """Stage 10 ("differ"): a count the sources give differently is noted on the item that gives it, and printed
    once (briefer.differ)."""
    if run.story is None or not run.sections:
        return run
    from briefer.differ import differing
    sections, bottom = differing(run.documents, run.sentences, run.sections, run.story.bottom_line)
    return replace(run, sections=sections, story=replace(run.story, bottom_line=bottom))


def each_fact_once(run: Prepared) -> Prepared:
    """Stage 11 ("once"): the bottom line is its section item (`bottom_line_once`); the timeline, what comes next
    and key quotes then leave out every fact printed above them, print a leaning sentence with its neighbour or
    not at all, and credit the sources that state each fact (briefer.once)."""
    from briefer.anchors import anchors, shown_sections
    from briefer.once import print_once
    from briefer.story import dated_lines
    from briefer.timeline import merged, merged_next, next_pointers, pointers

    run = bottom_line_once(run)
    story = run.story
    if story is None:
        return run
    if run.dates_ahead is not None:
        events, after = run.dates_ahead.result()
        story = replace(story, timeline=events, next=after)
    dated_above: dict[str, Dated] = {}
    timeline, after, quotes = print_once(
        story.bottom_line, run.sections, story.timeline, story.next, story.quotes, documents=run.documents,
        sentences=run.sentences, candidates=run.candidates, pairs=run.pairs, index=run.index,
        today=run.job.options.date or dt.date.today(),
        decided=run.decided_ahead.result() if run.decided_ahead is not None else None, dated_above=dated_above,
        spares=story.spare_quotes)
    # The dated facts printed above come back into the timeline as pointers to their items (briefer.anchors).
    placed = anchors(story.bottom_line, run.sections)
    shown = [story.bottom_line] if story.bottom_line else []
    shown += [i for s in shown_sections(story.bottom_line, run.sections) for i in s.items
              if story.bottom_line is None or i.text != story.bottom_line.text]
    printed = [(placed[i.text].id, i) for i in shown]
    today = run.job.options.date or dt.date.today()
    lines = dated_lines(run.documents, run.sentences, run.candidates, today, run.job.options.date is not None)
    pointed = pointers(printed, lines, today)
    said = {ref: item.text for ref, item in printed}
    ahead = merged_next(after, next_pointers(printed, lines, today, dated_above), said)
    return replace(run, story=replace(story, timeline=merged(timeline, pointed, said), next=ahead, quotes=quotes),
                   dates_ahead=None, decided_ahead=None)


# The stages of `prepare` (shared with `summarize` and the evaluation's baselines), then those of a brief.
PREPARE: tuple[tuple[str, Stage], ...] = (
    ("read", read),
    ("known", drop_known),
    ("clean", clean),
    ("copies", flag_copies),
    ("split", split),
    ("filter", filter_candidates),
    ("index", index),
)
# A plain summary lists no sources, so which file copies another (the copies stage) cannot change it: the stage
# cost a tenth of `briefer summarize` at 30,000 sentences.
SUMMARY_STAGES: tuple[tuple[str, Stage], ...] = tuple(
    step for stage in PREPARE if stage[0] != "copies"
    for step in ((stage, ("analysis", analysed_ahead)) if stage[0] == "filter" else (stage,)))
STAGES: tuple[tuple[str, Stage], ...] = (*PREPARE, ("bound", bound), ("story", read_the_story), ("select", select),
                                         ("differ", note_differing), ("once", each_fact_once))


def run_stages(run: Prepared, stages: Sequence[tuple[str, Stage]]) -> Prepared:
    """Apply each named stage in turn; an exception leaves with the stage's name in its notes."""
    with collector_paused():
        return _run_stages(run, stages)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a run, then what the run made put in its oldest generation.

    The collector walked what the stages build (documents, sentences, indexes) again and again, 1.15 s of a brief
    at 30,000 sentences, for almost no garbage (a collection after that brief's stages found 10 objects). It is
    paused, as in forked children (briefer.ahead), and at the end what the run made goes to the oldest generation
    without a walk (gc.freeze, gc.unfreeze). Nothing is done when the collector is off already or the caller has
    frozen objects of its own.
    """
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def _run_stages(run: Prepared, stages: Sequence[tuple[str, Stage]]) -> Prepared:
    from briefer.progress import stage as show

    for name, step in stages:
        show(name)
        began, wall = time.process_time(), time.perf_counter()
        try:
            out = step(run)
        except Exception as exc:
            exc.add_note(f"in the pipeline's {name!r} stage")
            raise
        if not isinstance(out, Prepared):
            raise TypeError(f"the pipeline's {name!r} stage returned {type(out).__name__}, not Prepared")
        log.debug("stage %s: %.2f s of CPU, %.2f s wall", name, time.process_time() - began,
                  time.perf_counter() - wall)
        run = out
    return run


def prepare(sources: Sequence[str | Path], options: BriefOptions, *, known_facts: Sequence[str] = (),
            known_digests: Collection[str] = ()) -> Prepared:
    """Stages 1-7: read, clean, split and mark the sentences that may be quoted."""
    job = Job(tuple(sources), options, tuple(known_facts), frozenset(known_digests))
    return run_stages(Prepared(job), PREPARE)


def nothing_usable(ledger: Ledger, specs: Sequence[str | Path] = ()) -> str:
    """Why no source can be briefed, for the error message."""
    if not ledger.sources:
        if specs:  # folders were given, and none holds an article
            names = ", ".join(str(spec) for spec in specs[:5])
            return (f"{names}: empty: no .txt, .md or .html files in "
                    f"{'this folder' if len(specs) == 1 else 'these folders'}")
        return "no sources given (pass files, folders or URLs of .txt, .md or .html articles)"
    if ledger.findings and all(f.status is SourceStatus.LATER for f in ledger.findings):
        first = min(s.published for s in ledger.sources if s.published)
        return (f"no usable source among {len(ledger.sources)}: every one is published after the brief's date "
                f"(the first on {date_long(first)}); give a later --date, or none")
    reasons = "; ".join(f.reason for f in ledger.findings[:5] if f.reason)
    return f"no usable source among {len(ledger.sources)}: {reasons or 'no article text'}"


def build_brief(sources: Sequence[str | Path], options: BriefOptions | None = None, *,
                known_facts: Sequence[str] = (), known_digests: Collection[str] = ()) -> Brief:
    """Read `sources` (files, folders, URLs) and return the brief; facts in `known_facts` are left out."""
    from briefer.days import date_relative_days
    from briefer.names import name_in_full

    options = options or load_options()
    job = Job(tuple(sources), options, tuple(known_facts), frozenset(known_digests))
    run = run_stages(Prepared(job), STAGES)
    log.info("read %d usable sources of %d, %d sentences, %d quotable", len(run.documents),
             len(run.ledger.sources), len(run.sentences), len(run.candidates))
    notes = () if any(s.items for s in run.sections) or not (known_facts or known_digests) else (NOTHING_NEW,)
    story = run.story
    brief = Brief(title=run.job.options.title or DEFAULT_TITLE, date=options.date or dt.date.today(),
                  generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                  sources=run.sources, sections=run.sections, version=__version__, notes=notes,
                  bottom_line=story.bottom_line if story else None, people=story.people if story else (),
                  quotes=story.quotes if story else (), timeline=story.timeline if story else (),
                  next=story.next if story else ())
    # Each person named in full at their first mention, and "yesterday" dated, as editorial insertions beside the
    # verbatim text.
    return date_relative_days(name_in_full(brief, story.cast) if story else brief)


class Outcome(Protocol):
    """What a written brief or digest says about its run: its source list and its notes."""

    @property
    def sources(self) -> tuple[Source, ...]: ...

    @property
    def notes(self) -> tuple[str, ...]: ...


def exit_code_for(result: Outcome) -> ExitCode:
    """How a run that wrote `result` ends: PARTIAL when a source failed, NOTHING_NEW when it says so, else OK."""
    if any(s.status is SourceStatus.FAILED for s in result.sources):
        return ExitCode.PARTIAL
    return ExitCode.NOTHING_NEW if NOTHING_NEW in result.notes else ExitCode.OK


def summarize(sources: Sequence[str | Path], *, words: int = SUMMARY_WORDS, ranker: str | None = None,
              query: Topic | None = None, options: BriefOptions | None = None) -> list[str]:
    """The plain extractive summary of `sources` in about `words` words, one sentence per entry, in source order."""
    options = options or load_options()
    options = replace(options, words=words, ranker=ranker or options.ranker)  # default: [brief] ranker
    with collector_paused():
        prepared = run_stages(Prepared(Job(tuple(sources), options)), SUMMARY_STAGES)
        # The selector weighs concepts by the query itself; narrowing the pool to keyword hits first
        # scored lower on DUC 2006 (see docs/quality.md).
        with contextlib.ExitStack() as stack:
            if prepared.analysis_ahead is not None:
                from briefer.rank.concept import primed

                stack.enter_context(primed(prepared.analysis_ahead.result))
            return summary(prepared, words=words, ranker=options.ranker, query=query)

