"""The digest: a firehose of articles on many stories, grouped into stories, each story briefed.

`build_digest(sources, options)`:
1. read, decode, extract and clean every source once (briefer.read.ingest, briefer.clean);
2. group the usable articles into stories (briefer.cluster): every article in exactly one story;
3. brief each story with the single-story machinery (briefer.pipeline) and a smaller word budget, in a
   process pool or on a Dask cluster (briefer.workers); results come back in story order, so the digest
   is the same whatever the number of workers;
4. name each story, count its independent outlets, order the stories by outlets then recency, and gather
   the smallest under "In brief".
With `earlier` (the daily digest), stories are matched to earlier days' stories, keep their ids, and show
only facts no earlier digest gave.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import numpy as np
from scipy import sparse

from briefer import __version__
from briefer.cluster import cluster_matrix, features, names
from briefer.config import BriefOptions, Settings, load_settings
from briefer.errors import ConfigError, NoUsableSourcesError
from briefer.model import Brief, Dated, Document, Finding, Item, Person, Quote, Section, Source, SourceStatus
from briefer.text import content_stems

log = logging.getLogger(__name__)

DEFAULT_TITLE = "News digest"
IN_BRIEF_HEADING = "In brief"
NO_NEW = "no new developments"
NO_TEXT_WARNING = "no article text left after removing site furniture"
# Articles at or above this cosine are copies of one wire story: together they count as one outlet.
WIRE_COPY = 0.8
# A story told by fewer independent outlets than this goes under "In brief" (one line), unless the
# digest has room for it among the full stories.
FULL_STORY_OUTLETS = 2
# Stages a one-line story ("In brief") skips.
LIGHT_SKIPS = frozenset({"story"})
# Terms kept in a story's profile, the text by which a later day's story is matched to it.
PROFILE_TERMS = 40
# Cosine between profiles at or above which today's story continues an earlier one (same story, new day).
SAME_STORY = 0.3

_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")

Status = Literal["", "new", "developing", "unchanged"]


@dataclass(frozen=True, kw_only=True)
class DigestOptions:
    """What shapes a digest; `brief` carries the title, date, ranker and limits of each story's brief."""

    brief: BriefOptions
    words_per_story: int = 120
    max_stories: int = 12
    jobs: int = 0  # 0: one worker per core
    scheduler: str = ""  # tcp://HOST:PORT of a Dask scheduler; empty: local processes

    def __post_init__(self) -> None:
        if not 20 <= self.words_per_story <= 5_000:
            raise ConfigError(f"words per story must be between 20 and 5000, got {self.words_per_story}")
        if self.max_stories < 0:
            raise ConfigError(f"max stories must be 0 or more, got {self.max_stories}")
        if self.jobs < 0:
            raise ConfigError(f"jobs must be 0 (all cores) or more, got {self.jobs}")
        if self.scheduler and not self.scheduler.startswith(("tcp://", "tls://", "inproc://")):
            raise ConfigError(f"scheduler must be an address like tcp://HOST:PORT, got {self.scheduler!r}")


@dataclass(frozen=True, slots=True)
class Story:
    """One story of the digest: its brief and what the front page says about it."""

    id: str
    title: str
    bottom_line: str
    sources: tuple[int, ...]  # source ids
    sections: tuple[Section, ...]
    outlets: int
    latest: dt.date | None
    in_brief: bool = False
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[Dated, ...] = ()
    next: tuple[Dated, ...] = ()
    status: Status = ""
    first_briefed: dt.date | None = None
    profile: Mapping[str, float] = field(default_factory=dict)
    # Daily digest: the sentences of its articles not read before (recorded, never rendered).
    new_sentences: tuple[str, ...] = field(default=(), repr=False)

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item of every section, in order."""
        return tuple(item for section in self.sections for item in section.items)


@dataclass(frozen=True, slots=True)
class Digest:
    """The finished digest, ready for any renderer."""

    title: str
    date: dt.date
    generated_at: dt.datetime
    sources: tuple[Source, ...]
    stories: tuple[Story, ...]
    version: str
    notes: tuple[str, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        """Every fact of every story."""
        return tuple(item for story in self.stories for item in story.items)

    def as_brief(self) -> Brief:
        """The digest as one flat brief (a section per story): what the daily state and the mail read."""
        sections = tuple(Section(s.title, s.items, NO_NEW if not s.items else "") for s in self.stories)
        return Brief(title=self.title, date=self.date, generated_at=self.generated_at, sources=self.sources,
                     sections=sections, version=self.version, notes=self.notes)


@dataclass(frozen=True, slots=True)
class EarlierStory:
    """A story an earlier digest briefed: its id, first date, the articles it had and its profile."""

    id: str
    first_date: dt.date
    digests: frozenset[str]
    profile: Mapping[str, float]
    sentences: tuple[str, ...] = ()  # every sentence of its articles: known, whether briefed or not


@dataclass(frozen=True, slots=True)
class StoryTask:
    """What a worker needs to brief one story (picklable: it travels to other processes and machines)."""

    documents: tuple[Document, ...]
    options: BriefOptions
    known_facts: tuple[str, ...] = ()
    full: bool = True  # False: a one-line story of "In brief", briefed without the story stage


@dataclass(frozen=True, slots=True)
class StoryBrief:
    """What a worker sends back: the story's sections, bottom line and what briefer.story read in it."""

    sections: tuple[Section, ...]
    bottom_line: str
    title: str = ""  # discovered by briefer.story (used when no article has a headline)
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[Dated, ...] = ()
    next: tuple[Dated, ...] = ()


def load_digest_options(config: Path | None = None, *, date: dt.date | None = None, title: str | None = None,
                        words_per_story: int | None = None, max_stories: int | None = None, jobs: int | None = None,
                        scheduler: str | None = None) -> DigestOptions:
    """Packaged defaults, then `config`'s tables, then the non-None arguments (the command's flags)."""
    return digest_options(load_settings(config, env={}, date=date), title=title, words_per_story=words_per_story,
                          max_stories=max_stories, jobs=jobs, scheduler=scheduler)


def digest_options(settings: Settings, *, title: str | None = None, words_per_story: int | None = None,
                   max_stories: int | None = None, jobs: int | None = None,
                   scheduler: str | None = None) -> DigestOptions:
    """The digest's options from a whole config ([digest], [brief], [limits], [sources]) and flags."""
    table = settings.digest
    return DigestOptions(brief=replace(settings.brief, title=title or table.title or DEFAULT_TITLE, topics=()),
                         words_per_story=table.words_per_story if words_per_story is None else words_per_story,
                         max_stories=table.max_stories if max_stories is None else max_stories,
                         jobs=table.jobs if jobs is None else jobs,
                         scheduler=table.scheduler if scheduler is None else scheduler)


def article_text(doc: Document) -> str:
    """What the clustering reads of an article: its title and its paragraphs."""
    return "\n".join((doc.title, *doc.paragraphs)) if doc.title else "\n".join(doc.paragraphs)


def brief_story(task: StoryTask) -> StoryBrief:
    """Brief one story with the single-story pipeline (runs in a worker process or on a Dask worker)."""
    from briefer.model import Ledger
    from briefer.pipeline import OVERVIEW, STAGES, Job, Prepared, run_stages

    # Every stage after cleaning (the digest read and cleaned the whole firehose once); a one-line story needs
    # only its bottom line, so it skips the story stage (people, quotes, dates, discovered topics), which costs
    # most of a small story's brief.
    names_of = [name for name, _ in STAGES]
    story_stages = tuple(stage for stage in STAGES[names_of.index("clean") + 1:]
                         if task.full or stage[0] not in LIGHT_SKIPS)
    start = Prepared(Job((), task.options, task.known_facts), ledger=Ledger(tuple(d.source for d in task.documents)),
                     documents=task.documents)
    run = run_stages(start, story_stages)
    sections = tuple(s for s in run.sections if s.items)
    leads = [i for s in sections if s.heading == OVERVIEW for i in s.items]
    pool = leads or [i for s in sections for i in s.items]
    bottom = max(pool, key=lambda i: i.score).text if pool else ""
    found = run.story
    if found is None:
        # The one line of a small story is chosen as a full story's bottom line is (a lead that sums the story,
        # stated by most sources, newest news first), not as the ranker's best sentence: that may be background
        # ("The worst previous fire was in 1978 ...").
        from briefer.story import bottom_line, story_anchors

        day = task.options.date or dt.date.today()
        line = bottom_line(run.documents, run.sentences, run.candidates, story_anchors(run.documents, day),
                           run.index)
        return StoryBrief(sections, line.text if line is not None else bottom)
    if found.bottom_line is not None:
        bottom = found.bottom_line.text  # briefer.story's bottom line
    # A fact the story's list already states is not repeated as "what comes next" or in the timeline (nor pointed
    # to: a pointer has no text of its own).
    said = {i.text for s in sections for i in s.items}
    return StoryBrief(sections, bottom, found.title, found.people, found.quotes,
                      # A timeline pointer (`ref`, no text) points into a single brief's sections: not here.
                      tuple(d for d in found.timeline if d.text and d.text not in said),
                      tuple(d for d in found.next if d.text and d.text not in said))


def read_before(docs: Sequence[Document], known_digests: Collection[str], *, invert: bool) -> list[str]:
    """The sentences of the articles among `docs` read on an earlier day (with `invert`: of those not read)."""
    from briefer.sentences import split_sentences

    return [s for d in docs if (d.source.digest in known_digests) != invert
            for p in d.paragraphs for s in split_sentences(p)]


def _outlet(source: Source) -> str:
    """Who published an article: the outlet the reader found (briefer.outlets), else the web server for a URL
    (host and any explicit port, www. dropped), else the file itself."""
    if source.outlet:
        return source.outlet.casefold()
    if source.location.startswith(("http://", "https://")):
        server = urlsplit(source.location).netloc.lower().rpartition("@")[2] or source.location
        return server.removeprefix("www.")
    return source.location


def independent_outlets(sources: Sequence[Source], matrix: sparse.csr_matrix) -> int:
    """Outlets behind a story: articles of one host count once, and so do wire copies (cosine >= WIRE_COPY)."""
    parent = list(range(len(sources)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, source in enumerate(sources):
        j = first.setdefault(_outlet(source), i)
        parent[root(i)] = root(j)
    close = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    for i, j, sim in zip(close.row, close.col, close.data, strict=True):
        if sim >= WIRE_COPY:
            parent[root(int(i))] = root(int(j))
    return len({root(i) for i in range(len(sources))})


def story_title(docs: Sequence[Document], matrix: sparse.csr_matrix, discovered: str = "") -> str:
    """The headline the story's brief chose (`discovered`: briefer.story's title, the newest report's headline, which
    agrees with the bottom line: not "Five trapped in cave" over "All five were brought out"); else the headline of
    the article closest to the story's centroid; else the title briefer.story discovered; else the names the story
    mentions most."""
    if discovered and any(doc.title == discovered for doc in docs):
        return discovered
    centroid = np.asarray(matrix.sum(axis=0)).ravel()
    closeness = matrix @ centroid
    for i in np.argsort(-closeness, kind="stable"):
        if docs[int(i)].title:
            return docs[int(i)].title
    if discovered:
        return discovered
    return " · ".join(key_names(docs)) or f"Story of {len(docs)} article{'s' * (len(docs) != 1)}"


def key_names(docs: Sequence[Document], limit: int = 3) -> list[str]:
    """The names most of a story's articles mention, as most often written; none that repeats a chosen one."""
    counts: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = {}
    # A word also written in lower case ("Police" opening a sentence, "police" elsewhere) is no name.
    common = {w for d in docs for w in _LOWER_WORD.findall(article_text(d))}
    for d in docs:
        found = [n for n in names(article_text(d)) if " " in n or n.casefold() not in common]
        for name in found:
            spelled.setdefault(name.casefold(), Counter())[name] += 1
        counts.update({n.casefold() for n in found})
    chosen: list[str] = []
    for key, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        parts = set(key.split())
        if any(parts <= set(c.split()) or set(c.split()) <= parts or _variant(key, c) for c in chosen):
            continue
        chosen.append(key)
        if len(chosen) == limit:
            break
    return [spelled[key].most_common(1)[0][0] for key in chosen]


def _variant(a: str, b: str) -> bool:
    """True when two names are forms of one ("China" / "Chinese", "Israel" / "Israeli", "Kurds" / "Kurdish",
    "North Korea" / "North Korean"), so that a title of three names does not say one thing twice: they share a
    beginning of at least four letters and each ends at most three letters after it ("Austria" / "Australia"
    do not)."""
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return shared >= 4 and max(len(a), len(b)) - shared <= 3


def profile(docs: Sequence[Document], weights: Mapping[str, float]) -> dict[str, float]:
    """The story's PROFILE_TERMS heaviest stems (TF x IDF, unit length): how a later day recognises it."""
    counts = Counter(s for d in docs for s in content_stems(article_text(d)))
    scored = sorted(((n * weights.get(t, 1.0), t) for t, n in counts.items()), key=lambda x: (-x[0], x[1]))
    top = scored[:PROFILE_TERMS]
    norm = float(np.sqrt(sum(w * w for w, _ in top))) or 1.0
    return {t: round(w / norm, 6) for w, t in top}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _idf(docs: Sequence[Document]) -> dict[str, float]:
    df = Counter(s for d in docs for s in set(content_stems(article_text(d))))
    return {t: float(np.log((1 + len(docs)) / (1 + n)) + 1) for t, n in df.items()}


def _story_id(digests: Sequence[str]) -> str:
    return "s" + hashlib.sha256("\n".join(sorted(digests)).encode()).hexdigest()[:10]


def build_digest(sources: Sequence[str | Path], options: DigestOptions, *, known_facts: Sequence[str] = (),
                 known_digests: Collection[str] = (), earlier: Sequence[EarlierStory] | None = None) -> Digest:
    """Read `sources`, group them into stories and brief each (see the module docstring).

    The daily digest passes what earlier days had: `known_facts` (facts briefed), `known_digests` (articles
    read: every sentence of theirs counts as known, briefed or not, so a continuing story shows only what
    its new articles add) and `earlier` (the stories, to match today's to)."""
    from briefer.digest_read import read_and_clean
    from briefer.pipeline import as_of, nothing_usable
    from briefer.workers import run_tasks

    ledger, cleaned = read_and_clean(sources, options.brief.limits, options.brief.fetch,
                                     1 if options.scheduler else options.jobs)
    later, kept = as_of([d for d in cleaned if d.paragraphs], options.brief.date)
    documents = list(kept)
    ledger = ledger.add([*(Finding(d.source.id, SourceStatus.FAILED, f"{d.source.location}: {NO_TEXT_WARNING}",
                                   "clean") for d in cleaned if not d.paragraphs), *later])
    if not documents:
        raise NoUsableSourcesError(nothing_usable(ledger))
    matrix = features([article_text(d) for d in documents])
    groups = cluster_matrix(matrix).stories
    log.info("%d usable articles of %d in %d stories", len(documents), len(ledger.sources), len(groups))
    story_options = replace(options.brief, words=options.words_per_story, topics=())
    docs_of = [[documents[i] for i in g] for g in groups]
    matches = match_stories(docs_of, earlier) if earlier is not None else {}
    outlets = [independent_outlets([d.source for d in docs], matrix[g])
               for docs, g in zip(docs_of, groups, strict=True)]
    latest = [max((d.source.published for d in docs if d.source.published), default=None) for docs in docs_of]
    # The front page is known before any brief: outlets and recency decide which stories get a full brief.
    full = set(front_page([(outlets[k], latest[k], [d.source.id for d in docs_of[k]]) for k in range(len(groups))],
                          options.max_stories))
    tasks = []
    for k, docs in enumerate(docs_of):
        continued = matches[k][1] if k in matches else None
        before = continued.sentences if continued is not None else ()
        tasks.append(StoryTask(tuple(docs), story_options,
                               (*known_facts, *before, *read_before(docs, known_digests, invert=False)),
                               full=k in full))
    briefs = run_tasks(brief_story, tasks, jobs=options.jobs, scheduler=options.scheduler)
    stories = []
    for k, (group, story_brief) in enumerate(zip(groups, briefs, strict=True)):
        docs = docs_of[k]
        rows = matrix[group]
        story = Story(id=_story_id([d.source.digest for d in docs]),
                      title=story_title(docs, rows, story_brief.title), bottom_line=story_brief.bottom_line,
                      sources=tuple(d.source.id for d in docs), sections=story_brief.sections,
                      outlets=outlets[k], latest=latest[k], in_brief=k not in full,
                      people=story_brief.people, quotes=story_brief.quotes, timeline=story_brief.timeline,
                      next=story_brief.next)
        if earlier is not None:
            story = _label(story, matches.get(k), docs, known_digests)
        stories.append(story)
    return Digest(title=options.brief.title, date=options.brief.date or dt.date.today(),
                  generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                  sources=ledger.listed({d.source.id: d.title for d in documents}),
                  stories=arrange(stories, options.max_stories), version=__version__)


def match_stories(docs: Sequence[Sequence[Document]],
                  earlier: Sequence[EarlierStory]) -> dict[int, tuple[dict[str, float], EarlierStory | None]]:
    """Each story's profile and the earlier story it continues, if any: one that had one of its articles, else
    the closest profile at or above SAME_STORY; each earlier story is continued by one story at most, the best
    match first."""
    weights = _idf([d for group in docs for d in group])
    profiles = [profile(group, weights) for group in docs]
    digests = [frozenset(d.source.digest for d in group) for group in docs]
    pairs = []
    for k in range(len(docs)):
        for e, old in enumerate(earlier):
            shared = len(old.digests & digests[k])
            score = 1.0 + shared if shared else _cosine(profiles[k], old.profile)
            if shared or score >= SAME_STORY:
                pairs.append((-score, k, e))
    matched: dict[int, tuple[dict[str, float], EarlierStory | None]] = {k: (p, None) for k, p in enumerate(profiles)}
    taken: set[int] = set()
    for _, k, e in sorted(pairs):
        if matched[k][1] is None and e not in taken:
            matched[k] = (profiles[k], earlier[e])
            taken.add(e)
    return matched


def _label(story: Story, match: tuple[dict[str, float], EarlierStory | None] | None, docs: Sequence[Document],
           known_digests: Collection[str]) -> Story:
    """The story labelled New, or Developing (the earlier story's id and first date) or unchanged."""
    story_profile, old = match if match is not None else ({}, None)
    fresh = tuple(read_before(docs, known_digests, invert=True))
    if old is None:
        return replace(story, status="new", profile=story_profile, new_sentences=fresh)
    status: Status = "developing" if story.items else "unchanged"
    return replace(story, id=old.id, status=status, first_briefed=old.first_date, profile=story_profile,
                   new_sentences=fresh)


def _rank_key(outlets: int, latest: dt.date | None, sources: Sequence[int]) -> tuple[int, int, int, int]:
    return (-outlets, -(latest or dt.date.min).toordinal(), -len(sources), min(sources))


def front_page(stories: Sequence[tuple[int, dt.date | None, Sequence[int]]], max_stories: int) -> list[int]:
    """Indices of the stories briefed in full: the first `max_stories` by independent outlets, then recency, then
    size, among those told by at least FULL_STORY_OUTLETS outlets."""
    order = sorted(range(len(stories)), key=lambda k: _rank_key(*stories[k]))
    return [k for rank, k in enumerate(order) if rank < max_stories and stories[k][0] >= FULL_STORY_OUTLETS]


def arrange(stories: Sequence[Story], max_stories: int) -> tuple[Story, ...]:
    """Stories by independent outlets, then recency, then size; those not on the front page (`front_page`) and
    those with nothing new are marked `in_brief`."""
    ordered = sorted(stories, key=lambda s: _rank_key(s.outlets, s.latest, s.sources))
    full = set(front_page([(s.outlets, s.latest, s.sources) for s in ordered], max_stories))
    return tuple(replace(s, in_brief=k not in full or not s.items) for k, s in enumerate(ordered))
