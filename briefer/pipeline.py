"""The pipeline: sources in, a `Brief` out. `build_brief` and `summarize` are the library's entry points.

Stages of `build_brief`:
1. read, decode and extract every source (briefer.read.ingest); unusable ones are listed as skipped;
2. remove boilerplate (briefer.clean) and split sentences (briefer.sentences);
3. decide which sentences may be quoted (briefer.candidates) and drop facts already briefed;
4. select: each topic's facts, an overview from the articles' leads, then other developments;
5. replace each chosen sentence by the cleanest version of its fact and credit every source that carries it;
6. order each section by source chronology and position, and assemble the Brief.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from briefer import __version__
from briefer.candidates import candidate_mask, looks_spun
from briefer.clean import clean_corpus
from briefer.config import BriefOptions, load_options
from briefer.dedupe import SAME_FACT, SimilarityIndex, near_duplicates_of
from briefer.errors import NoUsableSourcesError
from briefer.model import Brief, Document, Finding, Item, Ledger, Section, Sentence, Source, SourceStatus, Topic
from briefer.rankers import Selector, get_selector
from briefer.read.ingest import read_sources
from briefer.sentences import split_sentences
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
class Prepared:
    """The corpus after stages 1-3: the ledger of sources, documents, sentences and which may be quoted."""

    ledger: Ledger
    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    candidates: tuple[int, ...]
    index: SimilarityIndex

    @property
    def sources(self) -> tuple[Source, ...]:
        """The brief's source list: every source with its status, reason and title."""
        return self.ledger.listed({d.source.id: d.title for d in self.documents})


def split_document(doc_index: int, doc: Document) -> list[Sentence]:
    """A document's sentences, numbered in reading order."""
    out: list[Sentence] = []
    for p, paragraph in enumerate(doc.paragraphs):
        for text in split_sentences(paragraph):
            out.append(Sentence(doc=doc_index, paragraph=p, position=len(out), text=text))
    return out


def prepare(sources: Sequence[str | Path], options: BriefOptions, *, known_facts: Sequence[str] = (),
            known_digests: Collection[str] = ()) -> Prepared:
    """Stages 1-3: read, clean, split and mark the sentences that may be quoted."""
    corpus = read_sources(sources, options.limits, options.fetch)
    ledger = corpus.ledger.add(Finding(d.source.id, SourceStatus.KNOWN, KNOWN_REASON, "known")
                               for d in corpus.documents if d.source.digest in known_digests)
    fresh = [d for d in corpus.documents if d.source.digest not in known_digests]
    cleaned = clean_corpus(fresh)
    documents = [d for d in cleaned if d.paragraphs]
    ledger = ledger.add(Finding(d.source.id, SourceStatus.FAILED, f"{d.source.location}: no article text left "
                                "after removing site furniture", "clean") for d in cleaned if not d.paragraphs)
    if not documents and not any(f.status is SourceStatus.KNOWN for f in ledger.findings):
        raise NoUsableSourcesError(_nothing_usable(ledger))
    sentences = [s for i, doc in enumerate(documents) for s in split_document(i, doc)]
    spun_docs = {i for i, d in enumerate(documents) if looks_spun(d)}
    mask = candidate_mask(sentences, documents, options.limits, spun=spun_docs)
    index = SimilarityIndex.build([s.text for s in sentences])
    if known_facts:
        mask = list(np.asarray(mask, dtype=bool) & ~near_duplicates_of(index, known_facts))
    ledger = ledger.add(Finding(documents[i].source.id, SourceStatus.SPUN, SPUN_REASON, "filter")
                        for i in sorted(spun_docs))
    return Prepared(ledger, tuple(documents), tuple(sentences), tuple(i for i, ok in enumerate(mask) if ok), index)


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
    prepared = prepare(sources, options, known_facts=known_facts, known_digests=known_digests)
    log.info("read %d usable sources of %d, %d sentences, %d quotable", len(prepared.documents),
             len(prepared.sources), len(prepared.sentences), len(prepared.candidates))
    sections = select_sections(prepared, options) if prepared.sentences else ()
    notes = () if any(s.items for s in sections) or not (known_facts or known_digests) else (NOTHING_NEW,)
    return Brief(title=options.title, date=options.date or dt.date.today(),
                 generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                 sources=prepared.sources, sections=sections, version=__version__, notes=notes)


def summarize(sources: Sequence[str | Path], *, words: int = 100, ranker: str = "briefer",
              query: Topic | None = None, options: BriefOptions | None = None) -> list[str]:
    """The plain extractive summary of `sources` in about `words` words, one sentence per entry, in source order."""
    options = replace(options or load_options(), words=words, ranker=ranker)
    prepared = prepare(sources, options)
    picker = _Picker(prepared, get_selector(ranker))
    # The selector weighs concepts by the query itself; narrowing the pool to keyword hits first
    # scored lower on DUC 2006 (see docs/quality.md).
    chosen = picker.pick(words, prepared.candidates, query=query)
    chosen.sort(key=lambda i: _order_key(prepared, i))
    return [prepared.sentences[i].text for i in chosen]
