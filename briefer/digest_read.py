"""Reading and cleaning a large firehose of local files in the worker pool, with the same result as one process.

`read_and_clean(specs, limits, fetch, jobs)`:
1. the files are split into contiguous chunks; each worker reads its chunk (briefer.read.ingest) and returns its
   documents with each line's furniture key (briefer.clean);
2. the chunks' ledgers are joined in input order, source ids renumbered as one reader would have numbered them;
3. site furniture (short lines several sources repeat) is counted over all documents, as briefer.clean does;
4. each worker cleans its chunk's documents against that one furniture set.
It is used only when every source is a local file and their sizes together are within the total input limit
(so no source can be skipped for the total), with enough files to pay for the processes; otherwise, and for
URLs and feeds, the sources are read and cleaned in this process.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from briefer.clean import FURNITURE_MAX_WORDS, Retracted, _key, clean_corpus, clean_document, retracted_claims
from briefer.config import FetchSettings, Limits
from briefer.model import Document, Finding, Ledger, Source
from briefer.read.ingest import Corpus, expand, is_url, read_sources
from briefer.workers import cores, run_tasks

# Below this many files, one process reads and cleans faster than a pool can start.
MIN_FILES = 400


@dataclass(frozen=True, slots=True)
class ReadTask:
    """A contiguous chunk of the input files."""

    files: tuple[str, ...]
    limits: Limits
    fetch: FetchSettings


@dataclass(frozen=True, slots=True)
class CleanTask:
    """A chunk's documents, their lines' furniture keys and the furniture found over every chunk."""

    documents: tuple[Document, ...]
    keys: tuple[tuple[str, ...], ...]
    furniture: frozenset[str]
    retracted: tuple[Retracted, ...] = ()


def read_chunk(task: ReadTask) -> tuple[Corpus, tuple[tuple[str, ...], ...]]:
    """Read one chunk; the documents' line keys come back with it (computed where the text is)."""
    corpus = read_sources(task.files, task.limits, task.fetch, one_story=False)
    return corpus, tuple(tuple(_key(line) for line in d.paragraphs) for d in corpus.documents)


def clean_chunk(task: CleanTask) -> tuple[Document, ...]:
    """Clean one chunk's documents against the furniture of the whole input."""
    furniture = set(task.furniture)
    return tuple(clean_document(d, furniture, k, task.retracted)
                 for d, k in zip(task.documents, task.keys, strict=True))


def _pooled_files(specs: Sequence[str | Path], limits: Limits, jobs: int) -> list[str] | None:
    """The files to read in the pool, or None when the sources should be read in this process."""
    if (jobs or cores()) <= 1 or any(isinstance(s, str) and is_url(s) for s in specs):
        return None
    files = [str(f) for f in expand(specs)]
    if len(files) < MIN_FILES:
        return None
    try:
        total = sum(os.stat(f).st_size for f in files)
    except OSError:
        return None  # a missing or unreadable file: one reader reports it
    return files if total <= limits.max_total_bytes else None


def _renumbered(corpus: Corpus, offset: int) -> tuple[list[Source], list[Finding], list[Document]]:
    sources = [replace(s, id=s.id + offset) for s in corpus.ledger.sources]
    findings = [replace(f, source=f.source + offset) for f in corpus.ledger.findings]
    documents = [replace(d, source=replace(d.source, id=d.source.id + offset)) for d in corpus.documents]
    return sources, findings, documents


def read_and_clean(specs: Sequence[str | Path], limits: Limits, fetch: FetchSettings,
                   jobs: int) -> tuple[Ledger, list[Document]]:
    """Every source read and cleaned (see the module docstring): the ledger and the cleaned documents."""
    files = _pooled_files(specs, limits, jobs)
    if files is None:
        corpus = read_sources(specs, limits, fetch, one_story=False)
        return corpus.ledger, clean_corpus(corpus.documents)
    workers = jobs or cores()
    size = -(-len(files) // (workers * 4))  # a few chunks per worker balance uneven files
    chunks = [ReadTask(tuple(files[i : i + size]), limits, fetch) for i in range(0, len(files), size)]
    sources: list[Source] = []
    findings: list[Finding] = []
    documents: list[Document] = []
    keys: list[tuple[str, ...]] = []
    for corpus, chunk_keys in run_tasks(read_chunk, chunks, jobs=jobs):
        more_sources, more_findings, more_documents = _renumbered(corpus, len(sources))
        sources += more_sources
        findings += more_findings
        documents += more_documents
        keys += chunk_keys
    per_source = Counter(key for doc_keys in keys for key in set(doc_keys))
    furniture = frozenset(key for key, n in per_source.items()
                          if n > 1 and len(key.split()) <= FURNITURE_MAX_WORDS and len(documents) > 1)
    bounds = [*range(0, len(documents), size), len(documents)]
    retracted = retracted_claims(documents)
    cleaned = run_tasks(clean_chunk, [CleanTask(tuple(documents[a:b]), tuple(keys[a:b]), furniture, retracted)
                                      for a, b in pairwise(bounds) if b > a], jobs=jobs)
    return Ledger(tuple(sources), tuple(findings)), [d for chunk in cleaned for d in chunk]
