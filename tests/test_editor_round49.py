"""The forty-ninth editor round (docs/quality.md): each test is a defect a reader found, on the round's test stories
(tests/data/stories/README.md) or in our own words."""

from __future__ import annotations

from briefer.candidates import leans_back
from briefer.clean import find_title
from briefer.people import who_is_who
from briefer.supersede import revised_count, running_total, state_overturned, supersedes
from briefer.temporal import classify
from tests.helpers import shown_lines, story_brief


def _supersedes(later: str, earlier: str) -> bool:
    return supersedes(later, classify(later), earlier, classify(earlier))


def test_a_body_meeting_later_the_same_day_is_a_preview() -> None:
    assert classify("The regatta committee meets this evening to decide whether racing can go ahead.") == "expected"
    assert classify("The committee met this evening.") == "report"
    # ... and so is a plan named as such ("the plan was still to ...").
    assert classify("The head teacher said the plan was still to reopen the school on Monday.") == "expected"


def test_lines_that_lean_on_the_sentence_before() -> None:
    assert leans_back("Together with the grant, that covers the £90,000 shortfall.")
    assert leans_back("The figure of 12 is lower than the 30 the union had feared.")
    assert not leans_back("On Monday, it was announced that the lido would close.")
    assert not leans_back("All 40 pupils were sent home on Monday.")
    # An existential "there" names what it tells; a locative one leans back.
    assert not leans_back("There were 61 passengers on the ferry, not about 50 as first reported, the operator said.")
    assert leans_back("There he met the harbour master.")
    # A pronoun with a particle after it, its noun earlier in the sentence.
    assert not leans_back("The council voted on Tuesday to restore the permit, a week after taking it away.")


def test_newer_states_of_round_49() -> None:
    assert _supersedes("The Kelby Community Trust approved the grant at a meeting on Friday evening.",
                       "The Kelby Community Trust said it would make a decision on the grant within a fortnight.")
    assert _supersedes("The sports council has approved a further £20,000, bringing its funding to £95,000.",
                       "The sports council has approved £75,000 for repairs to the Kelby pool.")
    assert _supersedes("The 17-year-old was charged on Friday and will appear at Kelby Youth Court on 2 June.",
                       "A 17-year-old arrested over the fire at Kelby pavilion has been released on bail, police said.")
    assert _supersedes("Kelby Town Council voted on Thursday to reinstate the licence of the harbour cafe.",
                       "Kelby Town Council voted on Friday to revoke the licence of the harbour cafe after complaints.")
    assert _supersedes("Every passenger will receive a payment of £50, the ferry company announced on Monday.",
                       "The ferry company is expected to announce compensation for passengers later this week.")
    assert _supersedes("The walker is now on a general ward at Kelby Infirmary, his family said.",
                       "The walker had surgery on Sunday night and remains in intensive care, his family said.")
    assert state_overturned("The Kelby fun run will go ahead as normal this Sunday, the council said.",
                            "Until the council decides, Sunday's Kelby fun run remains cancelled.")
    assert _supersedes("The council's cabinet approved the exemption on Thursday morning.",
                       "Talks between the council and the fun run's organisers were constructive, though no deal has "
                       "yet been reached.")
    assert _supersedes("A woman from Kelby came forward on Tuesday to claim the £1m prize, the operator confirmed.",
                       "The £1m prize won on a ticket sold in Kelby is still unclaimed, the operator said.")
    assert running_total("The appeal page for the family closed on Sunday night at £12,400.") == ("£", 12400.0)
    assert revised_count("There were 61 passengers on the ferry that ran aground off Kelby Point on Sunday evening, "
                         "not about 50 as first reported, the operator said.",
                         "About 50 passengers were on board when the ferry ran aground off Kelby Point.")


def test_a_release_headline_after_its_address_date_and_label() -> None:
    head = ["PRESS RELEASE", "Kelby Rowing Club", "Quay Road, Kelby", "Friday 5 June 2026", "FOR IMMEDIATE RELEASE",
            "Rowing club to return to the water on Saturday", "Kelby Rowing Club will resume outings on Saturday."]
    assert find_title(head) == "Rowing club to return to the water on Saturday"


def test_a_clause_about_someone_else_is_no_role() -> None:
    cast = who_is_who([(1, "Jane Tolley, whose 12-year-old son, Sam, was hurt on the ride, said he was recovering."),
                       (1, "\"He was very brave,\" she said."), (2, "Jane Tolley said the fair should not return.")])
    roles = {p.name: p.role for p in cast.people}
    assert "son" not in roles.get("Jane Tolley", "")


def test_the_round_stories_bottom_lines_tell_where_things_stand() -> None:
    expected = {
        ("gliderclub", "2026-06-18"): "will resume flying on Saturday 20 June",
        ("kioskclose", "2026-04-24"): "to restore the licence",
        ("lotteryticket", "2026-06-11"): "Somebody has come forward",
    }
    for (story, day), words in expected.items():
        brief = story_brief(story, day)
        assert brief.bottom_line is not None and words in brief.bottom_line.text, (story, brief.bottom_line)
    # (The eve's claim is told only by the article that reports it.)
    assert story_brief("lotteryticket", "2026-06-11").bottom_line.sources == (3,)


def test_the_round_stories_leave_out_stale_lines() -> None:
    water = story_brief("waterpark", "2026-08-06")
    assert not any("critical condition" in row.text for row in water.timeline if row.text), water.timeline
    train = story_brief("trainstranded", "2026-01-22")
    assert not any("About 180 passengers" in row.text for row in train.timeline if row.text), train.timeline
    assert not any("expected to announce compensation" in line for line in shown_lines(train))
    hospice = story_brief("hospicefund", "2026-09-14")
    assert not any("had been due to meet" in row.text for row in hospice.timeline if row.text)
    pitch = story_brief("pitchinvasion", "2026-03-19")
    assert not any("due to have surgery" in line for line in shown_lines(pitch))
    assert any(row.date == "2026-04-02" for row in pitch.next), pitch.next  # the court date, though the charge is told
    park = story_brief("parkrun", "2026-10-15")
    assert not any("remains cancelled" in q.text for q in park.quotes)
    house = shown_lines(story_brief("housefire", "2026-07-17"))
    assert not any("€31,000" in line for line in house) and any("€40,250" in line for line in house)
