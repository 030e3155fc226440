"""sumy's algorithms as selectors: rank with sumy, then fill the budget in rank order without repeats.

sumy is given an offline tokenizer (it never needs NLTK's punkt data). Its whole ranking is read
through its public `sentences_count` hook: a callable count receives every sentence, best rated
first, and keeps them all. The budget is filled skipping near-duplicates of what is already
chosen, so every ranker gets the same redundancy rule (the brief's sections then apply facts).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from briefer.dedupe import SAME_FACT, SimilarityIndex
from briefer.model import Sentence, Topic
from briefer.text import word_count

_SUMY_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class _OfflineTokenizer:
    """What sumy needs of a tokenizer, with no NLTK data: our sentences are already split."""

    language = "english"

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return (text,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_SUMY_WORD.findall(sentence))


def _sumy_summarizer(name: str) -> Any:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
               "luhn": LuhnSummarizer, "sumbasic": SumBasicSummarizer, "kl": KLSummarizer,
               "edmundson": EdmundsonSummarizer}
    summarizer = classes[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    if name == "edmundson":
        summarizer.null_words = get_stop_words("english")
    return summarizer


class SumySelector:
    """One of sumy's algorithms as a selector (rank with sumy, then fill the budget without repeats)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._summarizer = _sumy_summarizer(name)

    def _ratings(self, texts: Sequence[str], doc_of: Sequence[int], query: Topic | None) -> np.ndarray:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        tokenizer = _OfflineTokenizer()
        paragraphs: dict[int, list[Any]] = {}
        for text, doc in zip(texts, doc_of, strict=True):
            paragraphs.setdefault(doc, []).append(SumySentence(text, tokenizer))
        document = ObjectDocumentModel(tuple(Paragraph(p) for p in paragraphs.values()))
        order = [s for p in paragraphs.values() for s in p]
        captured: dict[int, float] = {}

        def keep_all(infos: list[Any]) -> list[Any]:
            # sumy passes (sentence, order, rating) records sorted best first; we keep the ratings.
            for info in infos:
                captured[id(info.sentence)] = float(info.rating)
            return infos

        if self.name == "edmundson":
            keywords = [w for k in (query.keywords if query else ()) for w in k.split()] or ["said"]
            self._summarizer.bonus_words = keywords
            self._summarizer.stigma_words = ["advertisement"]
        self._summarizer(document, keep_all)
        return np.array([captured.get(id(s), 0.0) for s in order])

    def __call__(
        self,
        sentences: Sequence[Sentence],
        *,
        budget_words: int,
        candidates: Sequence[int] | None = None,
        query: Topic | None = None,
        covered: Sequence[int] = (),
        weights: Mapping[int, float] | None = None,
    ) -> list[tuple[int, float]]:
        pool = list(range(len(sentences)) if candidates is None else candidates)
        if not pool:
            return []
        pool.sort(key=lambda i: (sentences[i].doc, sentences[i].position))
        ratings = self._ratings([sentences[i].text for i in pool], [sentences[i].doc for i in pool], query)
        if weights:
            ratings = ratings * np.array([weights.get(i, 1.0) for i in pool])
        index = SimilarityIndex.build([sentences[i].text for i in pool])
        chosen_rows: list[int] = []
        covered_set = set(covered)
        blocked = np.zeros(len(pool), dtype=bool)
        if covered_set:
            blocked |= (index.similar_to([sentences[i].text for i in covered_set]) >= SAME_FACT).any(axis=0)
        used = 0
        for row in np.argsort(-ratings, kind="stable"):
            n = word_count(sentences[pool[row]].text)
            if blocked[row] or used + n > budget_words:
                continue
            chosen_rows.append(int(row))
            used += n
            blocked |= index.similar([int(row)])[0] >= SAME_FACT
        return [(pool[r], float(ratings[r])) for r in chosen_rows]


SUMY_RANKERS = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson")
