"""Synonyms from WordNet 3.0, read from Debian's `wordnet-base` files (nothing is downloaded).

`apt-get install wordnet-base` puts Princeton's database in /usr/share/wordnet; only its four
index files are read (index.noun, index.verb, index.adj, index.adv: a lemma and the synsets it
belongs to, most frequent sense first). Two words are synonyms when their Snowball stems share a
synset among each lemma's first `SENSES` senses: rarer senses make nearly every common verb a
synonym of every other ("say" and "state" share sense 1; "take" has 44 senses). nltk's
WordNetCorpusReader refuses paths outside its data folders, and reading the index files is twenty
lines, so we read them ourselves. Reading them takes about half a second; the table is then kept in
the user's cache folder (~/.cache/briefer, keyed by the files' size and date), which loads in a few
milliseconds. `derived` reads the four data files once more for their "+" pointers (derivationally related
forms: "subsidise" / "subsidy"), about a second, cached the same way; `phrases` keeps the index files' lemmas of two
or three words ("call_back", "free_of_charge"), which the one-word table leaves out. Without the files the lexicon
is empty and only equal stems match (logged once): briefs still work, the same-fact rule is a little less sharp.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from briefer.text import STOP_WORDS, stem_all

log = logging.getLogger(__name__)
K = TypeVar("K", str, tuple[str, ...])  # a table's keys: a stem, or a phrase's stems

WORDNET_DIR = Path(os.environ.get("BRIEFER_WORDNET", "/usr/share/wordnet"))
# Senses of a lemma that count (MSRP train, 10-fold CV accuracy / F1: none 75.0 / 82.6, 1 sense 75.5 / 82.8,
# 3 senses 75.9 / 83.2, 5 senses 76.0 / 83.3).
SENSES = 5
_POS = ("noun", "verb", "adj", "adv")


@lru_cache(maxsize=1)
def synsets() -> dict[str, tuple[int, ...]]:
    """Word stem -> ids of the synsets its lemmas belong to (first SENSES senses of each)."""
    files = [WORDNET_DIR / f"index.{pos}" for pos in _POS]
    stamp = _stamp(files)
    if stamp is None:
        log.warning("WordNet not found at %s (apt-get install wordnet-base): synonyms are off", WORDNET_DIR)
        return {}
    return _cached((stamp, SENSES, sys.version_info[:2], str(WORDNET_DIR)), lambda: _read(files))


@lru_cache(maxsize=1)
def derived() -> dict[str, tuple[int, ...]]:
    """Word stem -> ids of the synsets WordNet links to its own senses as derivationally related forms
    ("subsidise" -> the synsets of "subsidy", "faulty" -> "fault", "hospitalise" -> "hospital"), read from the four
    data files (the "+" pointers) and cached as `synsets` is. Empty without WordNet."""
    table = synsets()
    if not table:
        return {}
    files = [WORDNET_DIR / f"data.{pos}" for pos in _POS]
    stamp = _stamp(files)
    if stamp is None:
        return {}
    return _cached(("derived", 1, stamp, SENSES, sys.version_info[:2], str(WORDNET_DIR)),
                   lambda: _read_derived(files, table))


@lru_cache(maxsize=1)
def phrases() -> dict[tuple[str, ...], tuple[int, ...]]:
    """Multiword lemmas of two or three words, as their words' lemma stems -> ids of their first SENSES synsets
    ("call_back" -> ("call", "back"), a synset of "recall"; "free_of_charge", a synset of "for free" and
    "gratis"). Empty without WordNet."""
    files = [WORDNET_DIR / f"index.{pos}" for pos in _POS]
    stamp = _stamp(files)
    if stamp is None:
        return {}
    return _cached(("phrases", 3, stamp, SENSES, sys.version_info[:2], str(WORDNET_DIR)),
                   lambda: _read_phrases(files))


def _read_phrases(files: list[Path]) -> dict[tuple[str, ...], tuple[int, ...]]:
    """The four index files' lemmas of two or three words (see `phrases`)."""
    table: dict[tuple[str, ...], set[int]] = {}
    for p, path in enumerate(files):
        for line in path.read_text(encoding="latin-1").splitlines():
            if not line or line[0] == " ":
                continue
            lemma = line[: line.find(" ")]
            parts = lemma.split("_")
            if not 2 <= len(parts) <= 3 or not all(w.isalpha() for w in parts):
                continue
            fields = line.split()
            first = 6 + int(fields[3])
            key = tuple(lemma_stems(parts))
            table.setdefault(key, set()).update(int(o) * 4 + p for o in fields[first : first + SENSES])
    return {k: tuple(sorted(v)) for k, v in table.items()}


_POS_OF = {"n": 0, "v": 1, "a": 2, "s": 2, "r": 3}


def _read_derived(files: list[Path], table: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """The "+" pointers of the data files: offset, lex file, type, word count (hex), words with lex ids, pointer
    count, pointers (symbol, offset, part of speech, source / target word numbers in hex)."""
    links: dict[str, set[tuple[int, int]]] = {}
    for p, path in enumerate(files):
        for line in path.read_text(encoding="latin-1").splitlines():
            if not line or line[0] == " " or " + " not in line:
                continue
            fields = line.split()
            here = int(fields[0]) * 4 + p
            n = int(fields[3], 16)
            lemmas = [fields[4 + 2 * k].lower() for k in range(n)]
            at = 4 + 2 * n
            for k in range(int(fields[at])):
                symbol, offset, pos, ends = fields[at + 1 + 4 * k : at + 5 + 4 * k]
                if symbol != "+":
                    continue
                source = int(ends[:2], 16) - 1
                if 0 <= source < n and lemmas[source].isalpha():
                    links.setdefault(lemmas[source], set()).add((here, int(offset) * 4 + _POS_OF[pos]))
    out: dict[str, set[int]] = {}
    for term, lemma in zip(stem_all(list(links)), links, strict=True):
        own = set(table.get(term, ()))
        # Only links from the lemma's counted senses (SENSES): "take"'s rare senses relate it to everything.
        targets = {t for h, t in links[lemma] if h in own and t not in own}
        if own and targets:
            out.setdefault(term, set()).update(targets)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _stamp(files: list[Path]) -> list[tuple[int, int]] | None:
    """The files' modification times and sizes (what a cached table is keyed by), or None when one is missing."""
    try:
        return [(f.stat().st_mtime_ns, f.stat().st_size) for f in files]
    except OSError:
        return None


def _cached(key: tuple[object, ...], compute: Callable[[], dict[K, tuple[int, ...]]]) -> dict[K, tuple[int, ...]]:
    """A table from the user's cache folder when one was kept for `key` (the WordNet files' stamps and the
    settings), else computed and kept there, written atomically (no cache: the next run computes it again)."""
    cache = _cache_dir() / f"wordnet-{hashlib.sha256(repr(key).encode()).hexdigest()[:16]}.marshal"
    try:
        loaded: dict[K, tuple[int, ...]] = marshal.loads(cache.read_bytes())
        return loaded
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = compute()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(table))
        os.replace(tmp, cache)
    except OSError:
        pass
    return table


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefer"


def _read(files: list[Path]) -> dict[str, tuple[int, ...]]:
    """The four index files: lemma, part of speech, counts, pointer symbols, then synset offsets by frequency."""
    table: dict[str, set[int]] = {}
    for p, path in enumerate(files):
        lemmas: list[str] = []
        offsets: list[list[int]] = []
        for line in path.read_text(encoding="latin-1").splitlines():
            if not line or line[0] == " ":
                continue  # the licence header
            lemma = line[: line.find(" ")]
            if not lemma.isalpha() or lemma in STOP_WORDS:
                continue  # multi-word lemmas ("take_off") and stop words
            fields = line.split()
            first = 6 + int(fields[3])  # after the pointer symbols
            lemmas.append(lemma)
            offsets.append([int(o) * 4 + p for o in fields[first : first + SENSES]])
        for term, ids in zip(stem_all(lemmas), offsets, strict=True):
            table.setdefault(term, set()).update(ids)
    return {k: tuple(sorted(v)) for k, v in table.items()}


def synonyms(a: str, b: str) -> bool:
    """True when two word stems share a WordNet synset (or are equal)."""
    if a == b:
        return True
    table = synsets()
    sa, sb = table.get(a), table.get(b)
    return sa is not None and sb is not None and any(x in sb for x in sa)


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, str]:
    """Irregular forms -> their lemma, from WordNet's exception lists (verb.exc, noun.exc: "began begin")."""
    table: dict[str, str] = {}
    for name in ("verb.exc", "noun.exc"):
        try:
            text = (WORDNET_DIR / name).read_text(encoding="latin-1")
        except OSError:
            continue  # no WordNet: regular forms still meet through their stems
        for line in text.splitlines():
            fields = line.split()
            if len(fields) >= 2 and fields[0].isalpha():
                table.setdefault(fields[0], fields[1])
    return table


def lemma_stems(tokens: list[str]) -> list[str]:
    """Stems of the tokens' WordNet lemmas: "began" and "begins" both give "begin", "met" and "meets" "meet"
    (a Snowball stem alone misses irregular forms)."""
    exceptions = _exceptions()
    return stem_all([exceptions.get(t, t) for t in tokens])
