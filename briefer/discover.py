"""Topics and a title found in the articles themselves, for a story that comes with no topics file.

1. key phrases: runs of one to three content words (RAKE's candidate rule: split at stop words and
   punctuation) and two words joined by "of" ("lines of communication", "vote of no confidence"), stated in at
   least two sources (two sentences for a single source), neither a person's name nor the story's ever-present subject
   (a phrase in more than `MAX_SHARE` of the sentences);
2. the strongest phrases are clustered by the sentences they share (scipy's average-linkage clustering
   over cosine distances), so "fentanyl" and "precursor chemicals" form one group;
3. the groups covering most sentences in most sources become the topics (2-5); each is headed by the phrase
   that best names a subject (`subject_weight`: a repeated noun phrase or a place's or issue's proper noun
   over an abstract or everyday word, never a verb), in the articles' most common form, and matches
   sentences by all of its phrases; groups headed by an everyday word come only when too few others do;
4. the title is the headline that shares most words with the other headlines and the key phrases.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse

from briefer.dedupe import SAME_FACT, SimilarityIndex
from briefer.lexicon import lemma_stems
from briefer.model import Topic
from briefer.people import ROLE_NOUNS
from briefer.text import STOP_NOUNS, STOP_WORDS, stem, zipf
from briefer.topics import normalise


def _word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a word-list literal."""
    return frozenset(text.split())

MIN_TOPICS = 2
MAX_TOPICS = 4  # the issue allows 2-5; a fifth section held one stray item on every story tried
# A phrase in more than this share of the sentences is what the whole story is about, not a topic.
MAX_SHARE = 0.12
# A phrase in up to this many sentences may still be a topic, however short the story.
SMALL_STORY_SENTENCES = 8
# At most one topic per this many quotable sentences: a short story needs few sections.
SENTENCES_PER_TOPIC = 10
# Phrases clustered: the strongest few dozen are plenty for five topics.
MAX_PHRASES = 40
# Groups scoring below this share of the strongest group are left out (the sample's and the test stories'
# stray fifth topics scored 0.2-0.3 of the first, their real ones above 0.4).
WEAK_GROUP = 0.35
# Zipf frequency of everyday words: a phrase's rarest word this common makes a weak topic name.
EVERYDAY_ZIPF = 6.5
# Phrases whose coherence is measured (the strongest by sources and sentences).
CANDIDATES = 150
# Sentences of one phrase whose pairs are compared for its coherence, at most (an even sample beyond).
COHERENCE_ROWS = 300
# Jaccard distance below which two phrases' sentence sets make one group (calibrated on the seeds, the sample
# and the test stories: 0.7 joins "fentanyl" with "chemicals" and "Taiwan" with "policy"; 0.8 also joins
# "Taiwan" with "Ukraine" and "Russia").
JOIN_DISTANCE = 0.7
# Sentences about a phrase (not lists naming it in passing) it takes to head a section (the seeds name fentanyl
# in one sentence that is not a list: two would leave the issue out).
SUBJECT_SENTENCES = 1
# A list sentence: three or more short items ("X, Y and Z"), items between semicolons, or "ranging from".
_ENUMERATION = re.compile(r"(?:[^,;:“”\"]{1,70},\s){2,}[^,;:]{1,60}?\b(?:and|or)\b")
_LIST_MARK = re.compile(r";.*;|\branging from\b", re.I)
# Words before a place that make it where something happens, not what it is about.
_LOCATIVE = re.compile(r"\b(?:in|at|to|from|near|outside|inside|via|visit|visited|visiting|toured)\s*$", re.I)
# Weight of a venue as a heading (below any subject: "Singapore" where "Defence" belongs).
VENUE_WEIGHT = 0.3
# Weights of `subject_weight`: a repeated noun phrase, a proper noun, an abstract or everyday single word.
PHRASE_WEIGHT = 1.6
NAME_WEIGHT = 1.4
GENERIC_WEIGHT = 0.5
VERB_WEIGHT = 0.3
# Zipf frequency at and above which a single word is everyday ("security" 5.2, "council" 5.1, "ship" 4.9 is not),
# and below which a capitalised word is a specific place or issue ("Taiwan" 4.0; "Washington" 5.1 is not).
GENERIC_ZIPF = 4.9
EVERYDAY_NAME_ZIPF = 5.0
# Abstract nouns: what a section is about in general, never which subject ("communication", "stability").
_ABSTRACT = re.compile(r"(?:tion|sion|ity|ment|ness|ance|ence|ism|ship|ure)s?$")
# Nouns with those endings that name a field a desk covers, not an abstraction ("Defence" heads the sample's
# section on military channels).
_FIELDS = _word_set("defence defense finance insurance science violence alliance alliances immigration aviation "
                    "inflation unemployment pollution corruption")
# Words that never head a topic: reporting verbs, time words and news-writing filler.
_FILLER = _word_set("""
said says told added asked according reported report reports statement statements spokesperson spokesman
official officials people year years month months week weeks day days time times today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night hours hour minutes
january february march april may june july august september october november december
mr mrs ms dr percent per cent number numbers way ways thing things part parts lot side sides point points
including also just like new news article story sources source end start week's earlier later recent
million billion thousand pounds pound euros euro dollars dollar percent spring summer autumn winter fall season
visit visits trip trips talks talk meeting meetings discussion discussions relationship relations country countries
government governments leader leaders capital nation nations issue issues matter matters thing side
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
handful dozen dozens city cities county counties region regions operator operators member members resident residents
ago long
""") | ROLE_NOUNS
# A single word that reads as a verb, an adverb or a nationality never names a topic ("maintaining", "gives",
# "clearly", "American").
_VERB_LIKE = re.compile(r"(?:ing|ly|ican|ian|ese|ish|ean)$|^(?:foreign|french|dutch|greek|thai|swiss|despite)$|"
                        r"^(?:gives?|makes?|takes?|rises?|rose|curb|avoid|improve|release|help|seek|"
                        r"keep|hold|put|set|get|come|go|agree|want|need|plan|hope|expect|remain|continue|include)$")
# (A figure and the words hyphened to it are one token, no content word: "8,000-seat stadium" gives no "seat stadium".)
# (Letters of any alphabet: "Ciarán", "Pádraig" are one word each.)
_LETTER = r"[^\W\d_]"
_TOKEN = re.compile(rf"{_LETTER}(?:{_LETTER}|['’.-])*{_LETTER}|{_LETTER}|\d[\d,.]*(?:-{_LETTER}+)+|\d[\d,.]*|[^\s\w]|_")


@dataclass(slots=True)
class _Phrase:
    forms: Counter[str] = field(default_factory=Counter)
    sentences: set[int] = field(default_factory=set)
    sources: set[int] = field(default_factory=set)
    # Sentences that are about it, not a list that names it in passing ("ranging from trade ... to Russia's war
    # in Ukraine"): a heading must name what at least `SUBJECT_SENTENCES` sentences are about.
    subject: set[int] = field(default_factory=set)
    venue: bool = False  # a place mostly named as where things happen ("at a forum in Singapore")
    fragment: bool = False  # mostly the tail of a longer name ("Economic Cooperation summit" of "Asia-Pacific ...")


@lru_cache(maxsize=1 << 16)  # a story has tens of thousands of distinct tokens and millions of uses
def _read_token(token: str) -> tuple[str, str, bool]:
    """(token, lower-case word, whether it may stand in a key phrase), the possessive 's cut from both."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word, token = word[:-2], token[:-2]
    content = (token[:1].isalpha() and (word not in STOP_WORDS or word in STOP_NOUNS) and word not in _FILLER
               and len(word) > 2
               and not re.fullmatch(r"(?:\w\.)+\w?", word)  # "p.m", "u.s": abbreviations
               and not word.endswith("ed"))
    return token, word, content


# Sentences whose runs are kept: a story's quotable sentences are read for its topics, then again by the heading
# rules (each item against each heading, the noun phrases that hold a word); the stage after is a story of at
# most STORY_POOL (3,000) of them, so this many hold a story's with room to spare.
RUNS_CACHED = 1 << 13


@lru_cache(maxsize=RUNS_CACHED)
def _runs(text: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, str], ...]]:
    """Runs of content words between stop words and punctuation (RAKE's candidate phrases), and the pairs of
    words that one "of", "of the" or "of no" links across two runs ("lines" and "communication" in "lines of
    communication", "cause" and "the fire" in "cause of the fire", "vote" and "no confidence")."""
    runs: list[list[str]] = [[]]
    joins: list[tuple[str, str]] = []
    gap: list[str] = []  # the words between the last run and the current one
    for raw in _TOKEN.findall(text):
        token, word, content = _read_token(raw)
        if content:
            if not runs[-1] and gap in (["of"], ["of", "the"], ["of", "no"]) and len(runs) > 1:
                joins.append((runs[-2][-1], " ".join([*gap[1:], token])))
            runs[-1].append(token)
            gap = []
        else:
            if runs[-1]:
                runs.append([])
            gap.append(word)
    return tuple(tuple(r) for r in runs if r), tuple(joins)


def key_phrases(sentences: Sequence[tuple[int, str]], exclude: Collection[str] = (), holding: str = ""
                ) -> dict[str, _Phrase]:
    """Candidate key phrases of (source id, sentence) pairs, keyed by normalised words; with `holding` (a
    normalised word), only the phrases that hold it."""
    banned = {normalise(w) for name in exclude for w in name.split()}
    phrases: dict[str, _Phrase] = defaultdict(_Phrase)
    for row, (source, text) in enumerate(sentences):
        runs, joins = _runs(text)
        for run in runs:
            keys = [normalise(w) for w in run]
            if holding and holding not in keys:
                continue
            for n in (1, 2, 3):
                for i in range(len(run) - n + 1):
                    key = keys[i: i + n]
                    if (banned and not banned.isdisjoint(key)) or (holding and holding not in key):
                        continue
                    entry = phrases[" ".join(key)]
                    entry.forms[" ".join(run[i: i + n])] += 1
                    entry.sentences.add(row)
                    entry.sources.add(source)
        for a, b in joins:
            # "vote of no confidence" is no "vote of confidence": the "no" stays in the key.
            key = [normalise(a), "of", *(["no"] if b.lower().startswith("no ") else []), normalise(b.split()[-1])]
            if (banned and not banned.isdisjoint(key)) or (holding and holding not in key):
                continue
            entry = phrases[" ".join(key)]
            entry.forms[f"{a} of {b}"] += 1
            entry.sentences.add(row)
            entry.sources.add(source)
    return phrases


def without(phrases: dict[str, _Phrase], exclude: Collection[str]) -> dict[str, _Phrase]:
    """`phrases` less those holding a word of an excluded name: what `key_phrases` gives with `exclude`."""
    banned = {normalise(w) for name in exclude for w in name.split()}
    return {k: p for k, p in phrases.items() if banned.isdisjoint(k.split())} if banned else phrases


def _own_words(key: str) -> list[str]:
    """The words of a key phrase that say what it is about: the head before "of" ("cause" of "cause of fire"),
    else all of them."""
    head, of, _ = key.partition(" of ")
    return head.split() if of else key.split()


def _proper_name(phrase: _Phrase) -> bool:
    """A run of capitalised words ("Port Ellery", "Saltmere Port Employers") names an actor, not a subject."""
    form = [w for w in phrase.forms.most_common(1)[0][0].split() if w != "the"]
    if len(form) == 3 and form[1] == "of" and any(f.split()[-1][:1].isupper() for f in phrase.forms):
        return True  # "chamber of commerce" is the "Chamber of Commerce" wherever a writer capitalises it
    return len(form) > 1 and all(w[:1].isupper() for w in form if w != "of")


def _heading_weight(phrase: _Phrase, key: str) -> float:
    """What makes a phrase the heading of its group: many sentences, a specific word, few words."""
    return (len(phrase.sentences) * specificity(key) * subject_weight(phrase, key)
            * {1: 1.0, 2: 1.5}.get(len(key.split()), 0.9))


def _strength(phrase: _Phrase, key: str) -> float:
    n = len([w for w in key.split() if w != "of"])
    return len(phrase.sources) * math.log1p(len(phrase.sentences)) * (1.0 + 0.3 * (n - 1))


def subject_weight(phrase: _Phrase, key: str, verbs: frozenset[str] | set[str] | None = None, *,
                   heading: bool = True) -> float:
    """How well a phrase names a subject an editor would head a section with.

    A noun phrase the articles repeat ("precursor chemicals", "Taiwan Strait", "water mains") names one; so
    does a place or an issue's proper noun ("Taiwan"); an abstract or everyday single word ("security",
    "cooperation", "council", "ship") is what many subjects share and names none of them.
    """
    form = phrase.forms.most_common(1)[0][0]
    if verbs is not None and not verbs.isdisjoint(key.split()):
        return VERB_WEIGHT  # "make sure", "veer": what someone does, not what the section is about
    if phrase.venue and heading:
        return VENUE_WEIGHT  # what the sentences share all the same: the group stays, under another heading
    if " " in key:
        return PHRASE_WEIGHT
    if form[:1].isupper() and zipf(key) < EVERYDAY_NAME_ZIPF:
        return NAME_WEIGHT
    if (_ABSTRACT.search(key) and key not in _FIELDS) \
            or zipf(key) >= GENERIC_ZIPF:
        return GENERIC_WEIGHT
    return 1.0


def specificity(key: str) -> float:
    """How far the phrase's rarest word is from everyday English (wordfreq's Zipf scale: "the" 7.7, "policy"
    5.2, "Taiwan" 4.0, "fentanyl" below the list): a topic is named by a word the story has and others lack."""
    rarest = min(zipf(w) for w in key.split() if w != "of")
    return max(0.5, EVERYDAY_ZIPF - rarest)


@lru_cache(maxsize=65_536)  # pure; topic discovery and the heading rules ask about the same sentences
def is_list(text: str) -> bool:
    """Whether a sentence enumerates ("ranging from trade, human rights ... to Russia's war in Ukraine"; "X, Y
    and Z"; items between semicolons): what it names, it names in passing. An apposition's commas ("Kurt
    Campbell, coordinator for ..., said") make no list."""
    # Counts first: the patterns backtrack at every position, and most sentences lack what they need.
    return bool((text.count(",") >= 2 and ("and" in text or "or" in text) and _ENUMERATION.search(text))
                or ((text.count(";") >= 2 or "anging from" in text.lower()) and _LIST_MARK.search(text)))


_SAYS = r"(?:said|says|told|added|reported|announced|confirmed)"
# The last word of a body that speaks, after a phrase that names it in part ("the regional emergency | service said");
# not a person's role ("A fish farm manager said ...": a fish farm's man, and the item's subject).
_BODY_WORDS = r"(?:service|office|agency|institute|authority|department|ministry|council|board|officials?)"


def attributed(form: str, text: str) -> bool:
    """Whether every mention of `form` in `text` names who says it ("..., the regional emergency service said",
    "according to the national seismology institute", "The institute said aftershocks could continue"): a source of
    the sentence, not what it is about. False when `text` does not mention it."""
    found = False
    for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, re.I):
        found = True
        after, before = text[m.end():m.end() + 40], text[max(0, m.start() - 60):m.start()]
        # "X said", "the X service said" (not "the X office said it would decide": its own doing); "according to
        # (the) X"; "said the X." (not "said the tax rise would ...").
        if not (re.match(rf"(?:\s+{_BODY_WORDS})?,?\s+{_SAYS}\b(?!\s+(?:that\s+)?(?:it|they|its|their)\b)", after)
                or re.search(r"\baccording to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", before, re.I)
                or (re.search(rf"\b{_SAYS}\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}$", before)
                    and re.match(r"(?:\s+[\w-]+){0,2}\s*(?:[,.;]|$)", after))):
            return False
    return found


def _placement(phrase: _Phrase, texts: Sequence[str]) -> None:
    """Marks a proper noun named mostly as a place where things happen (`venue`), and a capitalised phrase mostly
    the tail of a longer name (`fragment`)."""
    form = phrase.forms.most_common(1)[0][0]
    if not form[:1].isupper():
        return
    where = inside = total = 0
    for row in phrase.sentences:
        text = texts[row]
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            total += 1
            before = text[max(0, m.start() - 24): m.start()]
            where += bool(_LOCATIVE.search(before))
            words = before.split()
            inside += bool(words and re.fullmatch(r"[A-Z][\w.'’-]*", words[-1]) and not before.endswith(". ")
                           and m.start() > len(before.rstrip()))
    if total:
        phrase.venue = " " not in form and 2 * where > total
        phrase.fragment = 2 * inside > total


def _in_names(form: str, texts: Sequence[str], joined: str | None = None, starts: Sequence[int] = ()) -> bool:
    """True when a capitalised word mostly stands inside a longer name ("Association" in "Employers' Association").

    `joined`: the texts joined by NUL characters, `starts` the offset of each in it: one search finds the texts
    that hold the word, instead of one search per text."""
    if not form[:1].isupper() or " " in form:
        return False
    word = re.escape(form)
    if joined is not None:
        holding = dict.fromkeys(bisect.bisect_right(starts, m.start()) - 1 for m in re.finditer(word, joined))
        texts = [texts[i] for i in holding]
    alone = inside = 0
    for text in texts:
        for m in re.finditer(rf"\b{word}\b", text):
            before = text[max(0, m.start() - 30): m.start()].split()
            after = text[m.end(): m.end() + 30].split()
            named = bool(after and after[0][:1].isupper()) or bool(before and before[-1][:1].isupper()
                                                                       and not before[-1].endswith((".", ":")))
            inside += named
            alone += not named
    return inside > alone


def discover_topics(sentences: Sequence[tuple[int, str]], exclude: Collection[str] = (),
                    max_topics: int = MAX_TOPICS, titles: Sequence[str] = (),
                    index: SimilarityIndex | None = None, phrases: dict[str, _Phrase] | None = None
                    ) -> tuple[Topic, ...]:
    """2-5 topics found in (source id, sentence) pairs.

    `exclude`: names never used as topics (people); `titles`: the articles' headlines, whose shared words are
    what the whole story is about (a word in two headlines heads no section); `index`: the TF-IDF index of
    exactly these sentences' texts, when the caller has built it already; `phrases`: their `key_phrases` with
    nothing excluded, when the caller has them (read before the people are known: `exclude` is applied here).
    """
    if not sentences or max_topics < MIN_TOPICS:
        return ()
    n_sources = len({s for s, _ in sentences})
    min_sources = 2 if n_sources > 1 else 1
    # In a short story every subject is a large share of its few sentences.
    limit = max(SMALL_STORY_SENTENCES, int(MAX_SHARE * len(sentences)))
    found = key_phrases(sentences, exclude) if phrases is None else without(phrases, exclude)
    title_words = Counter(w for t in titles for w in {normalise(x) for x in re.findall(r"[^\W\d_][\w'’-]*", t)})
    core = {w for w, n in title_words.items() if n >= min(2, len(titles))}
    texts = [t for _, t in sentences]
    # "US-China" in a headline is "U.S.-China" in the text: compare letters only.
    core |= {re.sub(r"[^a-z]", "", w) for w in core}
    # A pair in one headline ("US-China") is the story itself; in the text it is "U.S.-China".
    headline_parts = {re.sub(r"[^a-z]", "", part) for t in titles for part in re.split(r"[\s-]+", t.lower())}
    # "Cause of the fire" in a fire story names a side of it: the head noun before "of" is what must be new.
    usable = {k: p for k, p in found.items()
              if core.isdisjoint(_own_words(k)) and core.isdisjoint(re.sub(r"[^a-z]", "", w) for w in _own_words(k))
              and not ("-" in k and all(re.sub(r"[^a-z]", "", part) in headline_parts for part in k.split("-")))}
    usable = {k: p for k, p in usable.items()
              if len(p.sources) >= min_sources and 2 + (" " in k) <= len(p.sentences) <= limit and not _proper_name(p)
              and (" " in k or not _VERB_LIKE.search(k))}
    # A topic's sentences talk about the same things besides the phrase itself; a word the whole story
    # uses ("American", "Washington") turns up in sentences about anything.
    ranked = sorted(usable, key=lambda k: -_strength(usable[k], k))[:CANDIDATES]
    joined = "\0".join(texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    ranked = [k for k in ranked if not _in_names(usable[k].forms.most_common(1)[0][0], texts, joined, starts)]
    index = index if index is not None else SimilarityIndex.build(texts)
    focus = {k: _coherence(index, texts, usable[k], k) for k in ranked}
    # Coherence only tips the balance: real articles' topic sentences share fewer words than one expects.
    nouns = _nouns(texts)
    verbs = _verbs(texts) - nouns
    score = {k: _strength(usable[k], k) * (0.5 + focus[k]) * math.sqrt(specificity(k))
             * subject_weight(usable[k], k, verbs, heading=False) for k in ranked}
    ranked.sort(key=lambda k: -score[k])
    kept: list[str] = []
    for key in ranked:
        if any((f" {key} " in f" {other} " or f" {other} " in f" {key} ")
               and len(usable[key].sentences ^ usable[other].sentences) <= 1 for other in kept):
            continue
        kept.append(key)
        if len(kept) == MAX_PHRASES:
            break
    if not kept:
        return ()
    # What the kept phrases' sentences are about, and where they name them: read of those alone (40 of the 370
    # usable phrases at 30,000 sentences), since nothing above reads it.
    listed = {row for row in set().union(*(usable[k].sentences for k in kept)) if is_list(texts[row])}
    for key in kept:
        phrase = usable[key]
        form = phrase.forms.most_common(1)[0][0]
        phrase.subject = {row for row in phrase.sentences - listed if not attributed(form, texts[row])}
        _placement(phrase, texts)
    groups = _cluster(kept, usable, len(sentences))
    return _choose(groups, usable, score, max(MIN_TOPICS, min(max_topics, len(sentences) // SENTENCES_PER_TOPIC)),
                   verbs)


def _coherence(index: SimilarityIndex, texts: Sequence[str], phrase: _Phrase, key: str) -> float:
    """Mean cosine between the sentences holding `phrase` that state different facts, without the phrase's words.

    Copies of one sentence (wire copies, a quote printed twice) would look coherent while saying one thing:
    pairs of the same fact are left out, and a phrase with a single fact scores nothing.
    """
    own = {normalise(w) for w in key.split()}
    rows = sorted(phrase.sentences)
    if len(rows) > COHERENCE_ROWS:
        # Every pair of a phrase in thousands of sentences would be quadratic: an even sample says as much.
        rows = [rows[int(i)] for i in np.linspace(0, len(rows) - 1, COHERENCE_ROWS)]
    vectors = index.matrix[rows]
    full = np.asarray((vectors @ vectors.T).toarray())
    # The same vectors without the phrase's own terms (the columns of its words' stems), rescaled to unit length:
    # what re-indexing the sentences with those words cut out would give, without tokenising them again.
    own_columns = [c for w in own for c in (index.vocabulary.get(stem(w)),) if c is not None]
    if own_columns:
        keep = np.ones(vectors.shape[1], dtype=bool)
        keep[own_columns] = False
        vectors = vectors @ sparse.diags(keep.astype(vectors.dtype))
        norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
        vectors = sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ vectors
    gram = np.asarray((vectors @ vectors.T).toarray())
    different = np.triu(full < SAME_FACT, k=1)
    return float(gram[different].mean()) if different.any() else 0.0


def _cluster(keys: list[str], phrases: dict[str, _Phrase], n_rows: int) -> list[list[str]]:
    if len(keys) == 1:
        return [keys]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    matrix = np.zeros((len(keys), n_rows), dtype=bool)
    for i, key in enumerate(keys):
        matrix[i, list(phrases[key].sentences)] = True
    distances = pdist(matrix, metric="jaccard")
    labels = fcluster(linkage(distances, method="average"), t=JOIN_DISTANCE, criterion="distance")
    groups: dict[int, list[str]] = defaultdict(list)
    for key, label in zip(keys, labels, strict=True):
        groups[int(label)].append(key)
    return list(groups.values())


def _expand(head: str, group: Sequence[str], phrases: dict[str, _Phrase]) -> str:
    """The group's noun phrase that holds the single-word `head` and most of its sentences ("ship" ->
    "replacement ship", "flights" -> "passenger flights"): the phrase an editor would write."""
    if " " in head:
        return head
    longer = [k for k in group if " " in k and head in k.split() and not phrases[k].fragment
              and 2 * len(phrases[k].sentences & phrases[head].sentences) >= len(phrases[head].sentences)
              and not _VERB_LIKE.search(k.split()[0])]
    return max(longer, key=lambda k: (len(phrases[k].sentences), -len(k)), default=head)


_AFTER_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|of|on|for|about|over|into|in|with|from|against|by)"
                               r"\s+([^\W\d_][\w'’-]*)", re.IGNORECASE)


def _nouns(texts: Sequence[str]) -> set[str]:
    """Words the articles use as nouns somewhere: after a determiner or a preposition ("the silt", "on Taiwan");
    a single word never so used ("veer", "extend") is a verb and heads no section."""
    return {normalise(m.group(1)) for text in texts for m in _AFTER_DETERMINER.finditer(text)}


_AFTER_AUXILIARY = re.compile(r"(?:\b(?:to|will|would|could|can|may|might|must|should|shall|not|did|does|do)|n['’]t)"
                              r"\s+([^\W\d_][\w'’-]*)", re.IGNORECASE)


def _verbs(texts: Sequence[str]) -> set[str]:
    """Words the articles use as verbs: after "to", a modal or a negation ("to make sure", "doesn't veer")."""
    return {normalise(m.group(1)) for text in texts for m in _AFTER_AUXILIARY.finditer(text)}


def _choose(groups: list[list[str]], phrases: dict[str, _Phrase], score: dict[str, float],
            max_topics: int, verbs: frozenset[str] | set[str] = frozenset()) -> tuple[Topic, ...]:
    scored = []
    for group in groups:
        rows = set().union(*(phrases[k].sentences for k in group))
        sources = set().union(*(phrases[k].sources for k in group))
        scored.append((len(sources) * math.log1p(len(rows)) * max(score[k] for k in group), group, rows))
    scored.sort(key=lambda s: -s[0])
    # A group far weaker than the strongest is a stray phrase, not a subject the story covers.
    # (Measured against the second group: one dominant subject must not leave the story with no sections.)
    scored = [s for s in scored if s[0] >= WEAK_GROUP * scored[min(1, len(scored) - 1)][0]] if scored else []
    topics: list[Topic] = []
    taken: set[int] = set()
    # Groups headed by a subject first; a group headed by an everyday or abstract word ("security",
    # "communication") only when the story has too few subjects otherwise.
    for generic_allowed in (False, True):
        for _, group, rows in scored:
            # A group whose sentences another topic already holds would be the same section twice; a group of
            # fewer than three sentences is a detail, not a subject.
            if len(rows) < 3 or len(rows - taken) < max(2, 2 * len(rows) // 3):
                continue
            # A heading names what its sentences are about: not a verb, a list's passing mention or a name's tail.
            heads = [k for k in group if verbs.isdisjoint(k.split()) and not phrases[k].fragment
                     and len(phrases[k].subject) >= SUBJECT_SENTENCES]
            if not heads:
                continue
            head = _expand(max(heads, key=lambda k: _heading_weight(phrases[k], k)), group, phrases)
            if subject_weight(phrases[head], head) < 1.0 and not (generic_allowed and len(topics) < MIN_TOPICS):
                continue
            form = phrases[head].forms.most_common(1)[0][0]
            heading = form[:1].upper() + form[1:]
            if heading.casefold() in {t.name.casefold() for t in topics}:
                continue
            keywords = tuple(dict.fromkeys(phrases[k].forms.most_common(1)[0][0] for k in
                                           sorted(group, key=lambda k: -score[k])))
            topics.append(Topic(heading, keywords,
                                f"Discovered: {len(rows)} sentences share {', '.join(keywords[:3])}."))
            taken |= rows
            if len(topics) == max_topics:
                break
        if len(topics) == max_topics:
            break
    # One topic would only split the overview in two: fewer than two means none.
    return tuple(topics) if len(topics) >= MIN_TOPICS else ()


# A headline that previews (a question; "will", "could", "to open") or explains ("Analysis:", "What ... settled")
# rather than reports: the title when no report's headline is at hand.
_PREVIEW_HEADLINE = re.compile(
    r"\?\s*$|\b(?:will|could|may|might|would|set to|expected to|poised to|plans? to|"
    r"to (?:be|open|vote|meet|start|begin|return|close|resume|decide|hold|launch|announce|visit|rule|sign|reopen|"
    r"build))\b",
    re.I)
# A headline that only labels its page ("Dunmere flood: council update", "Statement", "Latest"): it names no event,
# so it reports nothing, and a report's headline is the title before it.
_LABEL_HEADLINE = re.compile(r"^(?:[\w'’-]+\s+){0,2}(?:update|updates|statement|briefing|bulletin|notice|round-?up|"
                             r"latest|press release|fact ?sheet)$", re.I)
# ... and one that names a document rather than an event: a transcript's or minutes' heading, "X briefing on the
# Lune bridge", or a heading ending in the document's own date ("..., Thursday 12 March 2026": `ends_with_date`).
_DOCUMENT_HEADLINE = re.compile(
    r"^(?:transcript|minutes|full text)\b|\b(?:briefing|statement|update|bulletin|remarks) (?:on|about)\b", re.I)
_EXPLAINER_HEADLINE = re.compile(r"^(?:analysis|explainer|opinion|comment|editorial|q&a|live)\b|"
                                 r"^(?:what|why|how|who|where|when)\b|:\s*(?:what|why|how|who)\b", re.I)
# A report's headline is the title only when it shares at least this share of the best headline's words with the
# others (the newest article may be about a side of the story).
RELEVANT_HEADLINE = 0.5
SAME_STORY_WORDS = 2


def reports(title: str) -> bool:
    """Whether a headline reports what happened (not a preview, a question or an explainer)."""
    from briefer.temporal import classify, ends_with_date

    # The main clause tells what the headline reports: "Ministers agree quotas; fleets to return to sea", "Pellow's
    # sells out on its last day - and a former apprentice will reopen it" report.
    label, colon, rest = title.partition(":")
    main = re.split(r"[;,]|\s[-–—]\s", rest if colon and len(label.split()) <= 3 else title)[0]
    return not (title.rstrip().endswith("?") or _PREVIEW_HEADLINE.search(main) or _EXPLAINER_HEADLINE.search(title)
                or _LABEL_HEADLINE.match(main.strip()) or _DOCUMENT_HEADLINE.search(title) or ends_with_date(title)
                or classify(main) == "expected")


# Headlinese for what is to come: a subject, then "to" and its verb ("Avonmere footbridge to reopen on Saturday",
# "Halvard to close Skarnes plant"; not "Museum agrees to return bronzes", a decision, nor "... will not mean
# cheaper tickets, airline warns", a report of a warning).
_TO_COME = re.compile(r"^[^,:;?]{0,60}?\b(?!(?:set|due|poised|expected|plans?|agrees?|votes?|wants?|needs?|vows?|"
                      r"pledges?|hopes?|aims?|is|are|was|were|has|have)\b)[A-Za-z][\w'’-]*(?<!s)(?<!ed) to "
                      r"(?!be\b)[a-z]+\b")


def previews(title: str) -> bool:
    """Whether a headline previews an event in headlinese ("Avonmere footbridge to reopen on Saturday"; not a
    question, an explainer or a document's label)."""
    return not (title.rstrip().endswith("?") or _EXPLAINER_HEADLINE.search(title)
                or _LABEL_HEADLINE.match(title.strip()) or _DOCUMENT_HEADLINE.search(title)) \
        and _TO_COME.match(title) is not None


# A live page's labels around its headline ("Live: Harrowgate tunnel closure - latest updates", "Storm Ilse as it
# happened"): what kind of page it is, not what happened.
# (A word of its own: "... as Sally Ann crew found alive" is no live page.)
_LIVE_LABELS = re.compile(r"^(?:live(?: updates| blog| coverage)?|latest|breaking)\s*[:|–—-]\s*|"
                          # ... after the subject: "M47 crash live: motorway closed ...", "Marsavi wildfire LIVE: ..."
                          r"^[^:|–—]{3,60}?\slive(?: updates| blog)?\s*:\s*|"
                          r"\s*[:|–—-]?\s*\b(?:(?:live|latest)(?: updates?| news| coverage| blog)?|as it happened)\s*$",
                          re.I)


def is_live(title: str) -> bool:
    """Whether a headline is a live page's ("Live: avalanche at Skarvdal - rescue under way")."""
    return bool(title) and _LIVE_LABELS.search(title) is not None


# A page's kind before its headline: "In pictures: second farm fire in a week", "Watch: ...".
_PAGE_LABEL = re.compile(r"^(?:in pictures|pictures|photos|gallery|watch|video|listen|audio)\s*[:|–—-]\s*", re.I)


def unlabelled(title: str) -> str:
    """A headline without a live page's labels or a page's kind, or as it is when they are all it says."""
    bare = _PAGE_LABEL.sub("", _LIVE_LABELS.sub("", title)).strip()
    return bare[:1].upper() + bare[1:] if bare else title


# A headline with this share of its letters in capitals, in at least this many words, is set in capitals.
SHOUTING_SHARE = 0.8
SHOUTING_WORDS = 3


def shouting(title: str) -> bool:
    """Whether `title` is set in capitals ("DUNMERE SCHOOLS SHUT OVER TOXIC MOULD"; not "NHS trust names new chief")."""
    letters = [c for c in title if c.isalpha()]
    return len(title.split()) >= SHOUTING_WORDS and bool(letters) and \
        sum(c.isupper() for c in letters) >= SHOUTING_SHARE * len(letters)


# Share of a headline's content words its article's first sentence must give for a headline in capitals to be the
# title ("GREYFIELD LARDER CHIEF RESIGNS AS AUDIT FINDS ..." over "Dominic Trewin has resigned as chief executive of the
# Greyfield Larder after an audit found ..."; not "SCHOOLS SHUT OVER TOXIC MOULD" over "... all of the schools remain
# open").
BORNE_OUT = 0.75


def _borne_out(title: str, lead: str) -> bool:
    mine = set(lemma_stems([w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", title) if w.lower() not in STOP_WORDS]))
    theirs = set(lemma_stems([w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", lead)]))
    return bool(mine) and len(mine & theirs) >= BORNE_OUT * len(mine)


def recased(title: str, texts: Sequence[str]) -> str:
    """A headline in capitals set in sentence case, each word as the texts write it inside a sentence ("GREYFIELD
    LARDER CHIEF RESIGNS" -> "Greyfield Larder chief resigns"; an acronym the texts write in capitals stays so)."""
    forms: dict[str, Counter[str]] = {}
    wanted = {w.lower() for w in _CASED_WORD.findall(title)}
    for text in texts:
        for m in _CASED_WORD.finditer(text):
            low = m.group().lower()
            if low in wanted and m.start() > 0 and not text[:m.start()].rstrip().endswith((".", "!", "?", ":", "\"",
                                                                                           "“")):
                forms.setdefault(low, Counter())[m.group()] += 1

    def form(m: re.Match[str]) -> str:
        low = m.group().lower()
        seen = forms.get(low)
        return seen.most_common(1)[0][0] if seen else low

    out = _CASED_WORD.sub(form, title)
    return out[:1].upper() + out[1:]


_CASED_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’])*")


def headline(titles: Sequence[str], phrases: Sequence[str] = (),
             dates: Sequence[dt.date | None] | Callable[[int], dt.date | None] = (),
             leads: Sequence[str] = ()) -> str:
    """The title: the newest report's headline (`dates`: each article's date, when known, or a function of the
    article's index that finds it: only the reports' headlines ask) among those that share most content words
    with the other headlines and the key phrases; a preview's or an explainer's headline only when no report has
    one (a stale preview is no title once the event is reported). `leads`: each article's first sentence, which a
    headline in capitals must bear out to be the title."""
    kept = [(t.strip(), i) for i, t in enumerate(titles) if t.strip()]
    if not kept:
        return ""

    def date_of(k: int) -> dt.date | None:
        i = kept[k][1]
        if callable(dates):
            return dates(i)
        return dates[i] if i < len(dates) else None

    usable = [t for t, _ in kept]
    sets = [{normalise(w) for w in re.findall(r"[^\W\d_][\w'’-]*", t) if w.lower() not in STOP_WORDS}
            for t in usable]
    keys = {normalise(w) for p in phrases for w in p.split()}
    # Words shared with the other headlines, counted per word: how many headlines have it, less this one.
    headlines_with = Counter(w for words in sets for w in words)
    shared = [sum(headlines_with[w] - 1 for w in sets[i]) + 0.5 * len(sets[i] & keys) for i in range(len(usable))]
    # A headline in capitals shouts (a tabloid's "SCHOOLS SHUT OVER TOXIC MOULD" over a body that says they stay
    # open): another one is the title when there is one.
    calm = [i for i in range(len(usable)) if not shouting(usable[i])] or list(range(len(usable)))
    told = [i for i in calm if reports(usable[i])]
    # ... unless it is the newest report: "GREYFIELD LARDER CHIEF RESIGNS AS AUDIT FINDS ..." the day after the
    # regulator's inquiry is where the story stands (the caller sets it in sentence case: `recased`).
    newest_calm = max((d for i in told if (d := date_of(i)) is not None), default=None)
    loud = [i for i in range(len(usable)) if i not in calm and reports(usable[i])
            and (d := date_of(i)) is not None and newest_calm is not None and d > newest_calm
            and _borne_out(usable[i], leads[kept[i][1]] if kept[i][1] < len(leads) else "")]
    told += loud
    # A preview's headline from an article newer than every report is where the story stands ("Avonmere footbridge
    # to reopen on Saturday after repairs", two days after "Footbridge closure forces long detour"): no later article
    # can have reported its event yet.
    newest_report = max((d for i in told if (d := date_of(i)) is not None), default=None)
    ahead = [i for i in calm if i not in told and previews(usable[i]) and (d := date_of(i)) is not None
             and newest_report is not None and d > newest_report]
    if ahead:
        return unlabelled(usable[max(ahead, key=lambda i: (date_of(i) or dt.date.min, shared[i], -i))])
    if told:
        best = max(shared[i] for i in told)
        # An update's headline brings new words ("harbour reopens as clean-up begins"): it is on the story when it
        # shares `SAME_STORY_WORDS` words with the other headlines, whatever its score.
        told = [i for i in told if shared[i] >= RELEVANT_HEADLINE * best
                or sum(headlines_with[w] > 1 for w in sets[i]) >= SAME_STORY_WORDS]
        return unlabelled(usable[max(told, key=lambda i: (date_of(i) or dt.date.min, shared[i], -i))])
    return unlabelled(usable[max(calm, key=lambda i: (not usable[i].endswith("?"), shared[i], -i))])


# A discovered section needs this many items: one item under its own heading is a heading for a sentence.
MIN_SECTION_ITEMS = 2


def topic_budget(words: int, overview_share: float, item_words: float) -> int:
    """How many discovered topics a brief of `words` words can fill: each topic's share of what the overview
    leaves (shared with Other developments, as briefer.sections shares it) must hold `MIN_SECTION_ITEMS` items of
    `item_words` words (the story's mean quotable sentence); 0 when fewer than `MIN_TOPICS` fit."""
    if item_words <= 0:
        return MAX_TOPICS
    fits = int(words * (1 - overview_share) / (MIN_SECTION_ITEMS * item_words)) - 1
    return min(MAX_TOPICS, fits) if fits >= MIN_TOPICS else 0
