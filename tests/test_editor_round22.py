"""Read as an editor, twenty-second round: defects of the stories read blind this round and of the lead's own
unseen stories. Each test is one defect."""

from __future__ import annotations

from briefer.attached import claims_apart
from briefer.config import load_options
from briefer.facts import judge_pairs
from briefer.pipeline import build_brief
from tests.helpers import ROOT, shown_lines

STORIES = ROOT / "tests" / "data" / "stories"


def test_two_claims_of_one_speaker_are_two_facts() -> None:
    # The exam board's re-sit date was grouped with its chief executive's quotation (one speaker, one subject) and
    # never printed; a ferry owner's two statements about an inquiry gave one of them a false credit.
    date = "Dr Ada Marsh, the trust's director, said the gardens would reopen on Friday 3 May as planned."
    quote = "Reopening is the only safe course,\" the trust's director, Dr Ada Marsh, said."
    stay = "The Tern Bay will stay in dock until the inspectors have finished, Selvig Shipping said."
    help_ = "The owner of the Tern Bay, Selvig Shipping, said it would help the inspectors in every way."
    assert claims_apart(date, quote) and claims_apart(stay, help_)
    assert judge_pairs([(date, quote), (stay, help_)]) == [False, False]
    # One claim reworded, or two speakers, is no veto.
    assert not claims_apart(date, "The gardens will reopen on 3 May as planned, said Dr Ada Marsh, the director.")
    assert not claims_apart(stay, "The owner of the Tern Bay, Selvig Shipping, said it would stay in dock until "
                                  "the inspectors were done.")
    assert not claims_apart(date, "A parks spokesman said the lake would stay shut over the bank holiday.")


def test_the_re_sit_date_is_printed_and_credited_to_its_own_source() -> None:
    brief = build_brief([STORIES / "examleak"], load_options())
    lines = shown_lines(brief)
    dated = [i for s in brief.sections for i in s.items if "go ahead on Tuesday 21 April" in i.text]
    assert dated and dated[0].sources == (4,), lines
    # The chamber chair's "rushed" remark was credited to an outlet that only gave her members' vote.
    congestion = build_brief([STORIES / "congestion"], load_options())
    rushed = [i for s in congestion.sections for i in s.items if '"rushed" the plan' in i.text]
    assert [i.sources for i in rushed] == [(2,)]
