"""Shared test helpers: paths (the repository, the sample story, ../shared), our own literal stories, builders.

Tests import these from `tests.helpers`; pytest fixtures live in tests/conftest.py (never imported as a module).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.facts import judge_pairs
from briefer.model import Brief, Document, Sentence, Source, Topic
from briefer.pairs import PairScores, read_pairs, scores
from briefer.pipeline import Prepared

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # third-party data, read at run time only: tests skip when it is absent
SAMPLE = ROOT / "examples" / "blinken-beijing-2023"


def shared(*parts: str) -> Path:
    """A path inside ../shared (which may be absent: pair it with `needs_shared`)."""
    return SHARED.joinpath(*parts)


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip the test, with a clear reason, when ../shared/<parts> is not present."""
    path = shared(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"../shared/{'/'.join(parts)} is not present")


# A small story of our own: a flood in the invented town of Eastbrook, three outlets,
# one of them a wire copy with small edits, with boilerplate around the text.
FLOOD_A = """Eastbrook flood forces hundreds from their homes

Home » News » Regions

EASTBROOK (Wire) -- The Lune River burst its banks in Eastbrook on Tuesday, forcing about 600 residents
to leave their homes.

Advertisement

Mayor Hanna Olsen said the water rose by two metres in six hours after three days of heavy rain.

Emergency crews used boats to reach families trapped in the low-lying Millbank district.

The regional rail line between Eastbrook and Corran was closed because the tracks were under water.

Engineers warned that the old Kingsgate dam upstream was under strain but not at risk of failing.

Insurers estimated the damage to homes and shops at about 40 million euros.

Share this article

Add a Comment
"""

FLOOD_B = """Eastbrook flood forces hundreds from their homes

The Lune River burst its banks in Eastbrook on Tuesday, forcing about 600 residents to leave their homes.

Mayor Hanna Olsen said the water rose by two metres in six hours after three days of heavy rain.

Emergency crews used small boats to reach families trapped in the low-lying Millbank district.

The regional rail line between Eastbrook and Corran was closed because its tracks were under water.

Subscribe to our newsletter
"""

FLOOD_C = """Schools shut as Eastbrook counts the cost of the flood

By Ola Berg

All eleven schools in Eastbrook will stay closed until Friday while the buildings are checked for damage.

The national weather service said more rain was expected over the weekend, though less than last week.

Volunteers filled sandbags at the town hall through the night to protect the historic market square.

The government promised an emergency fund for families whose homes were flooded.

Ola Berg contributed reporting.
"""

FLOOD_TOPICS = (
    Topic("Transport", ("rail", "road", "bridge", "tracks"), "Roads and railways."),
    Topic("Schools", ("school", "pupils"), "Whether schools are open."),
    Topic("Wildlife", ("otter", "fish"), "Animals."),
)



def sentences_of(docs: list[list[str]]) -> list[Sentence]:
    """Sentence records for literal documents given as lists of sentences (one paragraph each)."""
    return [Sentence(doc=d, paragraph=0, position=p, text=t) for d, doc in enumerate(docs) for p, t in enumerate(doc)]


def make_doc(paragraphs: list[str] | tuple[str, ...] | str, sid: int = 1, title: str = "") -> Document:
    """A Document of literal paragraphs (one string: one paragraph) from source `sid`, named s<sid>."""
    blocks = (paragraphs,) if isinstance(paragraphs, str) else tuple(paragraphs)
    return Document(Source(sid, f"s{sid}", f"s{sid}", title=title), blocks, title=title)


def printed_by(prepared: Prepared) -> dict[str, set[int]]:
    """What an item may say, with the sources that print it: every sentence, and every two consecutive sentences
    of one paragraph (an item quotes a sentence that leans on the one before it together with it)."""
    out: dict[str, set[int]] = {}
    sentences = prepared.sentences
    for k, s in enumerate(sentences):
        source = prepared.documents[s.doc].source.id
        out.setdefault(s.text, set()).add(source)
        if k and (sentences[k - 1].doc, sentences[k - 1].paragraph) == (s.doc, s.paragraph):
            out.setdefault(f"{sentences[k - 1].text} {s.text}", set()).add(source)
    return out


def held_out_scores(name: str, pairs: int = 36, same: int = 18) -> PairScores:
    """The same-fact rule's scores on one of tests/data/pairs' sets, after checking its size."""
    read = read_pairs(ROOT / "tests" / "data" / "pairs" / name)
    assert len(read) == pairs and sum(p.same for p in read) == same
    return scores(judge_pairs([(p.first, p.second) for p in read]), [p.same for p in read])


def story_brief(story: str, day: str | None = None) -> Brief:
    """The brief of one of tests/data/stories on `day` (ISO), or on the day it runs."""
    from briefer.config import load_options
    from briefer.pipeline import build_brief

    return build_brief([ROOT / "tests" / "data" / "stories" / story],
                       load_options(date=dt.date.fromisoformat(day) if day else None))


def shown_lines(brief: Brief) -> list[str]:
    """The printed lines of a brief, each once (the bottom line is also its section's item)."""
    lines = ([brief.bottom_line.text] if brief.bottom_line else []) + [i.text for s in brief.sections for i in s.items]
    return list(dict.fromkeys(lines))


def eve_of(story: Path) -> dt.date | None:
    """The day before the story's last dated article, when an article is dated by then: a brief of that day tells
    the story as it stood before its last turn (the snapshots' and the read pairs' second day)."""
    from briefer.config import load_options
    from briefer.read.ingest import read_sources

    options = load_options()
    dated = sorted({s.published for s in read_sources([story], options.limits, options.fetch).ledger.sources
                    if s.published})
    eve = dated[-1] - dt.timedelta(days=1) if dated else None
    return eve if eve and dated[0] <= eve else None
