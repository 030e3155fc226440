"""A person named in full at their first mention in the brief: an editorial insertion in square brackets, in
every format, the verbatim text kept in JSON beside what was inserted; nothing inserted when in doubt."""

from __future__ import annotations

import datetime as dt
import json
import re

from briefer.config import load_options
from briefer.deliver.render import render, with_insertions
from briefer.model import Brief, Dated, Item, Quote, Section
from briefer.names import _alone, introduce, name_in_full
from briefer.people import who_is_who
from briefer.pipeline import build_brief
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"
# Our own sentences: two people called Velde, one Brinn, one Quell, and a Chinese-order name.
SAID = [(1, "Council leader Marta Quell said the vote mattered."),
        (1, "Hana Velde, the quarry's site manager, said blasting had stopped."),
        (2, "Piet Velde, who chairs the parish council, said villagers were worried."),
        (2, "Tomas Brinn, a farmer, said his barn had cracked."),
        (3, "Foreign Minister Lin Haoran said talks would go on."),
        (3, "Lin said he was hopeful."), (3, "Brinn said he was relieved."), (1, "Quell said so.")]
CAST = who_is_who(SAID)


def test_the_first_bare_mention_gets_the_rest_of_the_name_in_brackets() -> None:
    texts = ["Brinn said the cracks were new.", "Brinn said more.", "Lin said the door stayed open.",
             "Velde said the parish would ask for a review.", "Mr. Quell's plan is costly."]
    found = introduce([(t, ()) for t in texts], CAST)
    placed = [with_insertions(t, ins) for t, ins in zip(texts, found, strict=True)]
    assert placed[0] == "[Tomas] Brinn said the cracks were new."
    assert placed[1] == texts[1], "only the first mention"
    assert placed[2] == "Lin [Haoran] said the door stayed open.", "a family name first keeps its order"
    assert placed[3] == texts[3], "two people are called Velde: no insertion"
    assert placed[4] == "Mr. [Marta] Quell's plan is costly."


def test_a_full_mention_or_a_speaker_line_first_means_no_insertion() -> None:
    texts = ["Tomas Brinn farms below the quarry.", "Brinn said so.", "Quell said the vote mattered."]
    found = introduce([(texts[0], ()), (texts[1], ()), ("The vote mattered", ("Marta Quell",)), (texts[2], ())],
                      CAST)
    assert found == [(), (), (), ()]


def test_unknown_or_everyday_names_and_names_inside_other_names_are_left_alone() -> None:
    texts = ["Carrow said the road was shut.", "Lin Brinn Farms sold the land.", "The Quell Trust paid."]
    assert introduce([(t, ()) for t in texts], CAST) == [(), (), ()]


def _brief() -> Brief:
    return Brief(title="Quarry", date=dt.date(2026, 5, 16), generated_at=dt.datetime(2026, 5, 16, tzinfo=dt.UTC),
                 sources=(), version="test",
                 bottom_line=Item("Quell said the quarry would stay shut.", (1,), 1.0),
                 sections=(Section("Overview", (Item("Quell said the quarry would stay shut.", (1,), 1.0),
                                                Item("Brinn said his barn had cracked.", (2,), 1.0))),),
                 quotes=(Quote("Lin was right", "Tomas Brinn", (2,)),),
                 timeline=(Dated("Lin spoke on Monday.", "2026-05-11", (3,)),))


def test_every_format_shows_the_insertion_and_json_keeps_the_text_verbatim() -> None:
    brief = name_in_full(_brief(), CAST)
    assert brief.bottom_line is not None and brief.bottom_line.inserted == ((0, "[Marta] "),)
    assert brief.quotes[0].inserted == ((3, " [Haoran]"),)  # the quote comes first in reading order
    assert brief.timeline[0].inserted == ()
    md, txt, html = (render(brief, f).decode() for f in ("md", "txt", "html"))
    assert r"\[Marta\] Quell said the quarry" in md and md.count("Marta") == 1
    assert "[Tomas] Brinn said his barn" in txt and "Lin [Haoran] was right" in txt
    assert "[Marta] Quell said the quarry" in html
    data = json.loads(render(brief, "json"))
    assert data["bottom_line"]["text"] == "Quell said the quarry would stay shut."
    assert data["bottom_line"]["inserted"] == [{"at": 0, "text": "[Marta] "}]
    assert data["sections"][0]["items"][1]["inserted"] == [{"at": 0, "text": "[Tomas] "}]


def test_in_a_whole_brief_each_cast_surname_first_reads_in_full() -> None:
    brief = build_brief([STORIES / "quarry"], load_options(date=dt.date(2026, 5, 16)))
    text = render(brief, "txt").decode().split("WHO'S WHO")[0]
    for person in brief.people:
        first, last = person.name.split()[0], person.name.split()[-1]
        at = text.find(last)
        if at >= 0 and last != "Velde":  # two Veldes: a bare "Velde" is never completed
            assert text[max(0, at - len(first) - 3): at].startswith(("[" + first, first)) or \
                text[:at].rstrip().endswith(first), person.name
    assert not re.search(r"\[[^\]]*\] Velde", text)
    # Who's who tells the two Veldes apart, and a "who farms ..." clause is a role.
    roles = {p.name: p.role for p in brief.people}
    assert roles["Hana Velde"] != roles["Piet Velde"] and roles["Tomas Brinn"] == "who farms the land below the quarry"


def test_no_insertion_inside_a_hyphenated_compound() -> None:
    text = "The bigger prize is a Rowe-Okafor meeting in the autumn, and Rowe said so."
    start = text.index("Rowe-")
    assert not _alone(text, start, start + 4)
    later = text.rindex("Rowe")
    assert _alone(text, later, later + 4)
