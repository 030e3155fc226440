"""The pipeline: sources in, a `Brief` out. `build_brief` and `summarize` are the library's entry points.

A run is a loop over named stages (`STAGES`), each a function from one `Prepared` record to the next, in
the way of spaCy's components; a failure carries the stage's name. Adding a stage is one entry in the table.
1. read: read, decode and extract every source (briefer.read.ingest); the ledger lists every source;
2. known: articles briefed on an earlier date (`briefer daily`) are listed as KNOWN and left out;
3. clean: remove boilerplate (briefer.clean); a source left with no text is listed as FAILED;
4. copies: a file with (nearly) the same text as an earlier one is listed as its DUPLICATE (briefer.outlets);
5. split: split sentences (briefer.sentences);
6. filter: decide which sentences may be quoted (briefer.candidates); spun copies are listed as SPUN;
7. index: TF-IDF vectors of every sentence (briefer.dedupe); facts briefed before are no longer quotable;
8. story: who's who, key quotes, the timeline, what comes next and the bottom line (briefer.story); the
   topics and the title when none were given (briefer.discover);
9. select: each topic's facts, an overview from the articles' leads, then other developments; each chosen
   sentence replaced by the cleanest version of its fact, credited to every source that carries it, and
   ordered by source chronology and position.
`build_brief` then assembles the Brief. A stage reports what it found wrong with a source as a `Finding`
added to the ledger; no stage edits another stage's records.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from briefer import __version__
from briefer.candidates import candidate_mask, looks_spun
from briefer.clean import clean_corpus
from briefer.config import DEFAULT_TITLE, BriefOptions, load_options
from briefer.dedupe import SAME_FACT, SimilarityIndex, near_duplicates_of
from briefer.errors import ExitCode, NoUsableSourcesError
from briefer.model import Brief, Document, Finding, Item, Ledger, Section, Sentence, Source, SourceStatus, Topic
from briefer.outlets import copies
from briefer.rankers import Selector, get_selector
from briefer.read.ingest import read_sources
from briefer.sentences import split_sentences
from briefer.story import Story, read_story
from briefer.text import word_count
from briefer.topics import TopicMatcher

log = logging.getLogger(__name__)

OVERVIEW = "Overview"
OTHER = "Other developments"
NO_COVERAGE = "No coverage in these sources."
NO_LEADS = "No article opens with a sentence that can be quoted on its own."
NOTHING_NEW = "Nothing new since the last brief: every fact in today's sources was briefed before."
SPUN_REASON = "reads as a machine-paraphrased copy: used to corroborate facts, never quoted"
KNOWN_REASON = "already briefed on an earlier date"
# The overview is drawn from each article's first quotable sentences (its lead).
LEAD_SENTENCES = 5
# How far past its share one topic sentence may go (a typical news sentence is 20-35 words).
TOPIC_OVERRUN_WORDS = 15


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
    index: SimilarityIndex = field(default_factory=_empty_index)
    story: Story | None = None
    sections: tuple[Section, ...] = ()

    @property
    def sources(self) -> tuple[Source, ...]:
        """The brief's source list: every source with its status, reason and title."""
        return self.ledger.listed({d.source.id: d.title for d in self.documents})


Stage = Callable[[Prepared], Prepared]


def split_document(doc_index: int, doc: Document) -> list[Sentence]:
    """A document's sentences, numbered in reading order."""
    out: list[Sentence] = []
    for p, paragraph in enumerate(doc.paragraphs):
        for text in split_sentences(paragraph):
            out.append(Sentence(doc=doc_index, paragraph=p, position=len(out), text=text))
    return out


def read(run: Prepared) -> Prepared:
    """Stage 1: every source read (the only place the sources as given enter), with the ledger of them."""
    options = run.job.options
    corpus = read_sources(run.job.specs, options.limits, options.fetch)
    return replace(run, ledger=corpus.ledger, documents=corpus.documents)


def drop_known(run: Prepared) -> Prepared:
    """Stage 2: articles briefed on an earlier date are listed as KNOWN and left out."""
    known = run.job.known_digests
    return replace(run, ledger=run.ledger.add(Finding(d.source.id, SourceStatus.KNOWN, KNOWN_REASON, "known")
                                              for d in run.documents if d.source.digest in known),
                   documents=tuple(d for d in run.documents if d.source.digest not in known))


def clean(run: Prepared) -> Prepared:
    """Stage 3: boilerplate removed; a source with no text left is FAILED; none usable is an error."""
    cleaned = clean_corpus(run.documents)
    ledger = run.ledger.add(Finding(d.source.id, SourceStatus.FAILED, f"{d.source.location}: no article text left "
                                    "after removing site furniture", "clean") for d in cleaned if not d.paragraphs)
    documents = tuple(d for d in cleaned if d.paragraphs)
    if not documents and not any(f.status is SourceStatus.KNOWN for f in ledger.findings):
        raise NoUsableSourcesError(_nothing_usable(ledger))
    return replace(run, ledger=ledger, documents=documents)


def flag_copies(run: Prepared) -> Prepared:
    """Stage 4: a file with the same (or nearly the same) text as an earlier one is listed as its DUPLICATE."""
    same = copies(run.documents)
    return replace(run, ledger=run.ledger.add(Finding(copy, SourceStatus.DUPLICATE, f"same text as source {first}",
                                                      "copies") for copy, first in same.items()))


def split(run: Prepared) -> Prepared:
    """Stage 5: the documents' sentences, numbered."""
    return replace(run, sentences=tuple(s for i, doc in enumerate(run.documents) for s in split_document(i, doc)))


def filter_candidates(run: Prepared) -> Prepared:
    """Stage 6: the sentences that may be quoted; machine-paraphrased copies are listed as SPUN."""
    spun = {i for i, d in enumerate(run.documents) if looks_spun(d)}
    mask = candidate_mask(run.sentences, run.documents, run.job.options.limits, spun=spun)
    return replace(run, candidates=tuple(i for i, ok in enumerate(mask) if ok),
                   ledger=run.ledger.add(Finding(run.documents[i].source.id, SourceStatus.SPUN, SPUN_REASON,
                                                 "filter") for i in sorted(spun)))


def index(run: Prepared) -> Prepared:
    """Stage 7: every sentence's TF-IDF vector; a candidate stating a fact briefed before is dropped."""
    built = SimilarityIndex.build([s.text for s in run.sentences])
    candidates = run.candidates
    if run.job.known_facts and candidates:
        known = near_duplicates_of(built, run.job.known_facts)
        candidates = tuple(i for i in candidates if not known[i])
    return replace(run, index=built, candidates=candidates)


def read_the_story(run: Prepared) -> Prepared:
    """Stage 8: people, quotes, dates and bottom line; topics and title found in the articles when none given."""
    options = run.job.options
    found = read_story(run.documents, run.sentences, run.candidates, options.date or dt.date.today(), options.topics)
    options = replace(options, topics=found.topics, title=options.title or found.title or DEFAULT_TITLE)
    return replace(run, story=found, job=replace(run.job, options=options))


def select(run: Prepared) -> Prepared:
    """Stage 9: the brief's sections (see `select_sections`)."""
    return replace(run, sections=select_sections(run, run.job.options) if run.sentences else ())


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
STAGES: tuple[tuple[str, Stage], ...] = (*PREPARE, ("story", read_the_story), ("select", select))


def run_stages(run: Prepared, stages: Sequence[tuple[str, Stage]]) -> Prepared:
    """Apply each named stage in turn; an exception leaves with the stage's name in its notes."""
    from briefer.progress import stage as show

    for name, step in stages:
        show(name)
        try:
            out = step(run)
        except Exception as exc:
            exc.add_note(f"in the pipeline's {name!r} stage")
            raise
        if not isinstance(out, Prepared):
            raise TypeError(f"the pipeline's {name!r} stage returned {type(out).__name__}, not Prepared")
        run = out
    return run


def prepare(sources: Sequence[str | Path], options: BriefOptions, *, known_facts: Sequence[str] = (),
            known_digests: Collection[str] = ()) -> Prepared:
    """Stages 1-7: read, clean, split and mark the sentences that may be quoted."""
    job = Job(tuple(sources), options, tuple(known_facts), frozenset(known_digests))
    return run_stages(Prepared(job), PREPARE)


def _nothing_usable(ledger: Ledger) -> str:
    if not ledger.sources:
        return "no sources given (pass files, folders or URLs of .txt, .md or .html articles)"
    reasons = "; ".join(f.reason for f in ledger.findings[:5] if f.reason)
    return f"no usable source among {len(ledger.sources)}: {reasons or 'no article text'}"


class _Picker:
    """Stage 4: runs the selector section by section, never choosing a fact twice."""

    def __init__(self, prepared: Prepared, selector: Selector) -> None:
        self.prepared = prepared
        self.selector = selector
        self.chosen: list[int] = []
        self.scores: dict[int, float] = {}
        # Rows that state a fact already chosen; whatever the selector does, they are never picked.
        self.said = np.zeros(len(prepared.sentences), dtype=bool)

    def pick(self, budget: int, pool: Sequence[int], query: Topic | None = None) -> list[int]:
        free = [i for i in pool if not self.said[i]]
        if budget <= 0 or not free:
            return []
        picked = self.selector(self.prepared.sentences, budget_words=budget, candidates=free, query=query,
                               covered=tuple(self.chosen))
        out = []
        for index, score in picked:
            if self.said[index]:
                continue
            self.scores[index] = score
            self.chosen.append(index)
            self.said |= self.prepared.index.similar([index])[0] >= SAME_FACT
            self.said[index] = True
            out.append(index)
        return out


def _credit(prepared: Prepared, index: int, taken: set[int]) -> tuple[int, tuple[int, ...]]:
    """Stage 5: the cleanest candidate stating the same fact as `index`, and every source that carries it."""
    sims = prepared.index.similar([index])[0]
    same = np.flatnonzero(sims >= SAME_FACT)
    sentences = prepared.sentences
    sources = sorted({prepared.documents[sentences[j].doc].source.id for j in same})
    quotable = set(prepared.candidates) - taken
    versions = [int(j) for j in same if j in quotable or j == index]
    length = word_count(sentences[index].text)

    def quality(j: int) -> tuple[bool, float, int]:
        # Prefer a complete version (more words, within a few of the chosen one), then the earliest source.
        n = word_count(sentences[j].text)
        return (n <= length + 5, float(min(n, length + 5)), -sentences[j].doc)

    return max(versions, key=quality), tuple(sources)


def _order_key(prepared: Prepared, index: int) -> tuple[dt.date, int, int]:
    sentence = prepared.sentences[index]
    source = prepared.documents[sentence.doc].source
    return (source.published or dt.date.min, source.id, sentence.position)


def _items(prepared: Prepared, indices: Sequence[int], scores: dict[int, float], taken: set[int]) -> tuple[Item, ...]:
    chosen = []
    for index in indices:
        best, sources = _credit(prepared, index, taken)
        taken.add(best)
        chosen.append((best, sources, scores[index]))
    chosen.sort(key=lambda c: _order_key(prepared, c[0]))
    return tuple(Item(prepared.sentences[i].text, sources, round(score, 4)) for i, sources, score in chosen)


def _leads(prepared: Prepared) -> list[int]:
    """The first quotable sentences of each document: news puts who, what, when and where first."""
    seen: dict[int, int] = {}
    leads = []
    for i in prepared.candidates:
        doc = prepared.sentences[i].doc
        seen[doc] = seen.get(doc, 0) + 1
        if seen[doc] <= LEAD_SENTENCES:
            leads.append(i)
    return leads


def _budget_used(prepared: Prepared, indices: Sequence[int]) -> int:
    return sum(word_count(prepared.sentences[i].text) for i in indices)


def select_sections(prepared: Prepared, options: BriefOptions) -> tuple[Section, ...]:
    """Stages 4-6: each topic's facts first (so a covered topic is never empty), then the overview, then the rest."""
    picker = _Picker(prepared, get_selector(options.ranker))
    matcher = TopicMatcher(options.topics)
    scores = {i: matcher.scores(prepared.sentences[i].text) for i in prepared.candidates}
    topic_of = {i: matcher.best(prepared.sentences[i].text) for i in prepared.candidates}
    per_topic = round(options.words * (1 - options.overview_share) / (len(options.topics) + 1))
    topical = []
    for t, topic in enumerate(options.topics):
        pool = [i for i in prepared.candidates if topic_of[i] == t]
        top = max((scores[i][t] for i in pool), default=0.0)
        # Sentences matching the topic most strongly come first; weaker matches only fill what is left.
        tiers = [[i for i in pool if scores[i][t] == top], [i for i in pool if scores[i][t] < top]]
        picked: list[int] = []
        for tier in tiers:
            picked += picker.pick(per_topic - _budget_used(prepared, picked), tier, query=topic)
        if not picked and pool:
            # One sentence may overrun a small topic share: an empty section would misreport coverage.
            shortest = min(word_count(prepared.sentences[i].text) for i in pool)
            picked = picker.pick(max(shortest, per_topic) + TOPIC_OVERRUN_WORDS, pool, query=topic)
        topical.append(picked)
    overview = picker.pick(min(round(options.words * options.overview_share),
                               options.words - _budget_used(prepared, picker.chosen)), _leads(prepared))
    other = picker.pick(options.words - _budget_used(prepared, picker.chosen),
                        [i for i in prepared.candidates if topic_of[i] is None])
    taken: set[int] = set()
    lead_items = _items(prepared, overview, picker.scores, taken)
    sections = [Section(OVERVIEW, lead_items, "" if lead_items else NO_LEADS)]
    for topic, picked in zip(options.topics, topical, strict=True):
        items = _items(prepared, picked, picker.scores, taken)
        sections.append(Section(topic.name, items, "" if items else NO_COVERAGE))
    if other:
        sections.append(Section(OTHER, _items(prepared, other, picker.scores, taken)))
    return tuple(sections)


def build_brief(sources: Sequence[str | Path], options: BriefOptions | None = None, *,
                known_facts: Sequence[str] = (), known_digests: Collection[str] = ()) -> Brief:
    """Read `sources` (files, folders, URLs) and return the brief; facts in `known_facts` are left out."""
    options = options or load_options()
    job = Job(tuple(sources), options, tuple(known_facts), frozenset(known_digests))
    run = run_stages(Prepared(job), STAGES)
    log.info("read %d usable sources of %d, %d sentences, %d quotable", len(run.documents),
             len(run.ledger.sources), len(run.sentences), len(run.candidates))
    notes = () if any(s.items for s in run.sections) or not (known_facts or known_digests) else (NOTHING_NEW,)
    story = run.story
    return Brief(title=run.job.options.title or DEFAULT_TITLE, date=options.date or dt.date.today(),
                 generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                 sources=run.sources, sections=run.sections, version=__version__, notes=notes,
                 bottom_line=story.bottom_line if story else None, people=story.people if story else (),
                 quotes=story.quotes if story else (), timeline=story.timeline if story else (),
                 next=story.next if story else ())


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


def summarize(sources: Sequence[str | Path], *, words: int = 100, ranker: str | None = None,
              query: Topic | None = None, options: BriefOptions | None = None) -> list[str]:
    """The plain extractive summary of `sources` in about `words` words, one sentence per entry, in source order."""
    options = options or load_options()
    options = replace(options, words=words, ranker=ranker or options.ranker)  # default: [brief] ranker
    prepared = prepare(sources, options)
    picker = _Picker(prepared, get_selector(options.ranker))
    # The selector weighs concepts by the query itself; narrowing the pool to keyword hits first
    # scored lower on DUC 2006 (see docs/quality.md).
    chosen = picker.pick(words, prepared.candidates, query=query)
    chosen.sort(key=lambda i: _order_key(prepared, i))
    return [prepared.sentences[i].text for i in chosen]
