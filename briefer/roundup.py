"""A roundup page's items on other stories, left out of a brief of one story.

A regional roundup or a newsletter gathers several stories on one page, each under a short label that the sentence
splitter reads as a sentence of its own ("Car ban.", "Bakery award.", "Road works."). Given with articles about one
story, such a page brings the other stories along: a bakery's prize and a road's night closure opened the overview
of a brief on a town's car ban. An item whose label uses none of the words of the brief's other articles is
another story's, and its sentences are not quoted (`off_story`).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.model import Sentence
from briefer.text import STOP_WORDS, content_stems, words

# A label is a paragraph's first sentence of at most this many words, ending in a full stop, with more of the
# paragraph after it ("Car ban, continued." is three).
LABEL_WORDS = 4
# A page with fewer labels than this is one story with subheads, not a roundup.
MIN_LABELS = 3


def _labels(sentences: Sequence[Sentence], rows: Sequence[int]) -> list[int]:
    """The rows of one document that open a labelled item."""
    out = []
    for k, i in enumerate(rows):
        s = sentences[i]
        split = s.text.split()
        if not split or len(split) > LABEL_WORDS or not s.text.endswith("."):
            continue  # most sentences: the cheap looks first
        opens = k == 0 or sentences[rows[k - 1]].paragraph != s.paragraph
        followed = k + 1 < len(rows) and sentences[rows[k + 1]].paragraph == s.paragraph
        # A label names a subject: content words only ("Bakery award."; not an answer such as "A little." or
        # "Nearly everything." opening a paragraph of an explainer), in a sentence's case (not a wire bundle's
        # dateline, "STAMFORD, Conn.", nor a glossary's "GOUT.").
        tokens = words(s.text)
        if opens and followed and split[0][:1].isupper() and not split[0].rstrip(".,").isupper() \
                and tokens and STOP_WORDS.isdisjoint(tokens):
            out.append(i)
    return out


def off_story(sentences: Sequence[Sentence]) -> set[int]:
    """The sentences of a roundup's items whose labels no other document of the brief uses a word of."""
    rows_of: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        rows_of.setdefault(s.doc, []).append(i)
    if len(rows_of) < 2:
        return set()
    roundups = {doc: labels for doc, rows in rows_of.items() if len(labels := _labels(sentences, rows)) >= MIN_LABELS}
    out: set[int] = set()
    for doc, labels in roundups.items():
        others = {w for other, rows in rows_of.items() if other != doc for i in rows
                  for w in content_stems(sentences[i].text)}
        ends = [*labels[1:], rows_of[doc][-1] + 1]
        for label, end in zip(labels, ends, strict=True):
            if not set(content_stems(sentences[label].text)) & others:
                out.update(range(label, end))
    return out
