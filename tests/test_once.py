"""briefer.once (the pipeline's "once" stage): each fact printed once in the whole brief, timeline / next / quote
lines that stand alone, and timeline / next credits from the same-fact rule with previews dropped (QA #3, #9,
#11). Our own story: tests/data/stories/lighthouse (a preview on 2 June, two reports on 6 June)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from briefer.candidates import leans_back
from briefer.config import load_options
from briefer.deliver.render import to_markdown
from briefer.facts import judge_pairs
from briefer.model import Dated
from briefer.once import print_once
from briefer.pipeline import STAGES, Job, Prepared, build_brief, run_stages
from tests.helpers import ROOT

STORY = ROOT / "tests" / "data" / "stories" / "lighthouse"
DAY = dt.date(2025, 6, 7)
_CITE = re.compile(r"\s*\[[\d, ]+\]$")


@pytest.fixture(scope="module")
def run() -> Prepared:
    names = [name for name, _ in STAGES]
    return run_stages(Prepared(Job((STORY,), load_options(date=DAY))), STAGES[:names.index("select") + 1])


def _rows(run: Prepared, start: str) -> list[int]:
    return [i for i in run.candidates if run.sentences[i].text.startswith(start)]


def _once(run: Prepared, timeline: tuple[Dated, ...] = (), after: tuple[Dated, ...] = (),
          sections: bool = False) -> tuple[tuple[Dated, ...], tuple[Dated, ...]]:
    shown, ahead, _ = print_once(None, run.sections if sections else (), timeline, after, (),
                                 documents=run.documents, sentences=run.sentences, candidates=run.candidates,
                                 pairs=run.pairs, index=run.index, today=DAY)
    return shown, ahead


def test_a_next_step_is_credited_to_the_sources_that_state_it_not_to_those_on_the_same_subject(run: Prepared) -> None:
    # Sources 1 and 2 say only that the minister urged both sides to settle; source 3 says he will host talks.
    [row] = _rows(run, "Harbour Minister Jorund Vale will host talks")
    _, ahead = _once(run, after=(Dated(run.sentences[row].text, "2025-06-09", (1, 2, 3)),))
    assert [d.sources for d in ahead] == [(3,)]


def test_a_preview_source_is_never_credited_for_the_report_and_a_reported_preview_is_no_next_step(
        run: Prepared) -> None:
    # Source 1 (2 June) said the museum would open on Thursday; sources 2 and 3 (6 June) report it opened.
    [report] = _rows(run, "The lighthouse at Brannock Point opened")
    [preview] = _rows(run, "The old lighthouse at Brannock Point will reopen")
    shown, ahead = _once(run, timeline=(Dated(run.sentences[report].text, "2025-06-05", (1, 2, 3)),),
                         after=(Dated(run.sentences[preview].text, "2025-06-05", (1,)),))
    assert len(shown) == 1 and 1 not in shown[0].sources and 2 in shown[0].sources
    assert ahead == ()


def test_a_timeline_line_that_leans_back_is_printed_with_its_sentence_or_not_at_all(run: Prepared) -> None:
    [leaning] = _rows(run, "She first proposed the museum in 2019")
    assert leans_back(run.sentences[leaning].text)
    shown, _ = _once(run, timeline=(Dated(run.sentences[leaning].text, "2019", (1,)),))
    if leaning in run.pairs:  # printed with the sentence that names her
        assert [d.text for d in shown] == [" ".join(run.sentences[j].text for j in run.pairs[leaning])]
        assert shown[0].text.startswith("The trust's chair, Fenna Ostrova")
    else:
        assert shown == ()
    # A leaning line with no pair to stand on is dropped.
    shown, _ = _once(run, timeline=(Dated("He said so in March 2019.", "2019-03", (1,)),))
    assert shown == ()


def test_a_fact_shown_as_a_section_item_is_not_repeated_below(run: Prepared) -> None:
    items = [item for section in run.sections for item in section.items]
    assert items
    lines = tuple(Dated(item.text, "2025-06-05", item.sources) for item in items)
    shown, ahead = _once(run, timeline=lines, after=lines, sections=True)
    assert shown == () and ahead == ()


def _printed(markdown: str) -> list[str]:
    """Every line a reader sees as a fact: bottom line, items, timeline, next and key quotes (not who's who, nor
    the pointer rows of the timeline and next steps)."""
    out, part = [], ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            part = line[3:]
        elif line.startswith("**Bottom line:**"):
            out.append(_CITE.sub("", line.removeprefix("**Bottom line:**").strip()))
        elif line.startswith("- ") and part not in ("Who's who", "Sources"):
            text = _CITE.sub("", line[2:].strip())
            if re.search(r"\(see [^)]*\)\)?$|: see ", text):
                continue  # a pointer row: the opening words of an item above and a link to it, not a second telling
            if part == "Key quotes":
                text = text.split("”")[0].lstrip("“")
            out.append(re.sub(r"^\*\*[^*]+\*\*: ", "", text))
    return out


def test_no_two_printed_lines_of_the_brief_state_the_same_fact() -> None:
    brief = build_brief([STORY], load_options(date=DAY))
    lines = _printed(to_markdown(brief))
    assert len(lines) >= 6 and any("will host talks" in line for line in lines)
    assert len(set(lines)) == len(lines), "a sentence printed twice"
    pairs = list(itertools.combinations(lines, 2))
    same = [pair for pair, hit in zip(pairs, [judge_pairs([p])[0] for p in pairs], strict=True) if hit]
    assert same == []
    # ... and none a reader would see as one inside the other (a key quote an item already carries).
    assert not [(a, b) for a, b in itertools.permutations(lines, 2) if a.lower() in b.lower()]
    # Lines below the sections stand alone.
    below = [d.text for d in (*brief.timeline, *brief.next)]
    assert not [t for t in below if leans_back(t) and not t.startswith("The trust's chair")]


def test_a_preview_is_no_timeline_event_and_a_sentence_is_not_printed_again_inside_a_pair(run: Prepared) -> None:
    [expected] = _rows(run, "The opening ceremony is expected to draw")
    [leaning] = _rows(run, "She first proposed the museum in 2019")
    [chair] = _rows(run, "The trust's chair, Fenna Ostrova")
    shown, _ = _once(run, timeline=(Dated(run.sentences[expected].text, "2025-06-05", (1,)),))
    assert shown == ()
    lines = (Dated(run.sentences[chair].text, "2019", (1,)), Dated(run.sentences[leaning].text, "2019", (1,)))
    shown, _ = _once(run, timeline=lines)
    assert [d.text for d in shown] == [run.sentences[chair].text]  # the pair would print it a second time


def test_a_timeline_row_that_retells_a_printed_line_in_other_words_is_left_out() -> None:
    from briefer.once import reworded

    printed = ["Councillors in Marrow voted 21 to 9 on Monday to adopt a harbour plan worth 90 million crowns."]
    # The same vote, other words and more detail: names aside, seven words and figures in common.
    assert reworded("Marrow council approved a harbour plan of 90 million crowns on Monday by 21 votes to 9, after "
                    "a debate that lasted into the night.", printed)
    # Another event of the same organisation: four words in common are not enough.
    assert not reworded("Investigators from the national maritime safety board boarded the ship on Tuesday.",
                        ["The national maritime safety board said it would publish a report within a month."])
    brief = build_brief([ROOT / "tests" / "data" / "story-council"], load_options())
    items = [i.text for s in brief.sections for i in s.items]
    assert not [row.text for row in brief.timeline if row.text and not row.ref and reworded(row.text, items)]
