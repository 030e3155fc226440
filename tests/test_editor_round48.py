"""The forty-eighth editor round (docs/quality.md): each test is a defect a reader found, on the round's test stories
(tests/data/stories/README.md) or in our own words."""

from __future__ import annotations

from briefer.candidates import leans_back, to_readers
from briefer.clean import find_title
from briefer.outlets import release_issuer
from briefer.people import who_is_who
from briefer.supersede import revised_count, running_total, supersedes
from briefer.temporal import classify
from tests.helpers import shown_lines, story_brief


def _supersedes(later: str, earlier: str) -> bool:
    return supersedes(later, classify(later), earlier, classify(earlier))


def test_a_correction_names_its_new_figure_some_words_before_not() -> None:
    later = ("Nine of the passengers were checked over by paramedics beside the quay, not eight as was first "
             "reported, the ambulance trust said.")
    assert revised_count(later, "Eight of the passengers were checked over by paramedics.")


def test_a_toll_taken_to_a_new_figure_passes_the_first_count() -> None:
    first = "Eleven young calves were killed when a fire swept through a barn above Kelby on Sunday night."
    assert _supersedes("Another calf hurt in the barn fire died on Tuesday, taking the number of calves killed to 12.",
                       first)
    # ... and such a line gives the whole it adds to: it stands alone.
    assert not leans_back("Another calf hurt in the barn fire died on Tuesday, taking the number of calves killed "
                          "to 12.")
    assert leans_back("Another calf died on Tuesday.")


def test_advice_to_keep_out_of_the_water_gives_way_when_extended_or_lifted() -> None:
    told = "Swimmers have been told to keep out of the water between the pier and the lifeboat slip."
    extended = "The advice to keep out of the water has been extended along the whole of Kelby Sands."
    lifted = "The advice to keep out of the water has been lifted between the pier and the slip."
    assert _supersedes(extended, told) and _supersedes(lifted, told) and _supersedes(lifted, extended)
    assert not _supersedes(told, lifted)


def test_until_further_notice_ends_when_the_thing_will_resume() -> None:
    stopped = "The club has suspended all training on the lake until further notice."
    assert _supersedes("Training on the lake will resume on Monday 8 June under new rules.", stopped)
    assert _supersedes("Training will stay suspended until at least Saturday 6 June.", stopped)


def test_enforcement_to_be_decided_gives_way_to_the_penalty() -> None:
    assert _supersedes("The dairy has been fined £20,000 by the agency for the slurry spill.",
                       "The agency is expected to decide on enforcement action against the dairy next week.")


def test_a_planned_rise_frozen_calls_off_its_preview() -> None:
    preview = ("Passengers will pay a pound more to cross on the Kelby ferry from 1 July, when the adult fare rises "
               "from £4 to £5, the ferry company has confirmed.")
    assert _supersedes("The planned rise in Kelby ferry fares has been frozen, the ferry company said on Friday.",
                       preview)
    assert _supersedes("The ferry company's board voted on Friday to keep the adult fare at £4, and not to raise it to "
                       "£5 on 1 July as planned.", preview)


def test_a_paused_closure_ends_when_the_place_stays_open() -> None:
    assert _supersedes("Kelby library will stay open, the county council said on Friday.",
                       "The planned closure of Kelby library has been paused while the council reviews its figures.")


def test_a_fundraisers_total_in_euros_is_a_running_total() -> None:
    assert running_total("The online appeal for the stallholders has now raised €31,500.") == ("£", 31500.0)


def test_a_cause_still_under_investigation_is_open_until_confirmed() -> None:
    assert _supersedes("The fire brigade has confirmed that Friday's fire was accidental.",
                       "The fire is thought to have started in a kitchen extractor, though its investigation is "
                       "not complete.")


def test_a_plan_named_with_no_antecedent_leans_back() -> None:
    assert leans_back("The plan was agreed at a meeting between the council and the stallholders on Tuesday.")
    assert leans_back("Under the deal, announced on Friday, the council will pay the subsidy.")
    assert not leans_back("The plan to close the library was agreed on Tuesday.")


def test_a_releases_courtesy_is_not_news() -> None:
    assert to_readers("The club would like to thank the volunteers of the inshore lifeboat and the paramedics.")
    assert not to_readers("The club would like to build a new boathouse by 2028.")


def test_a_plural_possessive_before_a_body_is_no_person_and_irish_posts_are_roles() -> None:
    cast = who_is_who([
        (1, "Members of the Kelby Taxi and Private Hire Drivers' Association voted to accept the offer."),
        (2, "Cathaoirleach of Kelby County Council, Cllr Áine Moran, said: \"We will rebuild it.\""),
        (3, "Local TD Padraig Tully said he would raise it in the Dáil."),
    ])
    roles = {p.name: p.role for p in cast.people}
    assert "Hire Drivers" not in roles
    assert roles.get("Áine Moran") == "Cathaoirleach of Kelby County Council"
    assert roles.get("Padraig Tully") == "Local TD"


def test_a_release_labelled_with_its_issuer_gives_the_issuer_and_the_headline() -> None:
    head = ["KELBY POLICE - NEWS RELEASE", "", "Friday 20 March 2026", "", "FOR IMMEDIATE RELEASE", "",
            "Barn fire: calf toll rises to 12", "", "Another calf hurt in the barn fire died on Tuesday."]
    assert find_title(head) == "Barn fire: calf toll rises to 12"
    assert release_issuer(head) == "Kelby Police"


def test_the_round_stories_bottom_lines_tell_where_things_stand() -> None:
    # The newest article's lead: the penalty, the rescue deal, the put-back date, the toll of 18, the reprieve.
    expected = {
        ("rivercleanup", "2026-08-13"): "will pay £108,000",
        ("busdepot", "2026-06-05"): "will stay open until at least the end of March",
        ("gpsurgery", "2026-03-20"): "put back by four weeks",
        ("sheepworry", "2026-03-20"): "bringing the number of sheep killed to 18",
        ("coastguardcut", "2026-02-06"): "will stay open, HM Coastguard said",
        ("marketfire", "2026-09-18"): "will reopen on Monday 1 March 2027",
    }
    for (story, day), words in expected.items():
        brief = story_brief(story, day)
        assert brief.bottom_line is not None and words in brief.bottom_line.text, (story, brief.bottom_line)


def test_the_round_stories_drop_superseded_lines() -> None:
    rowing = shown_lines(story_brief("rowingcapsize", "2026-04-23"))
    assert not any(line.startswith("Six of the crew") for line in rowing)
    assert not any("until further notice" in line for line in rowing)
    fish = shown_lines(story_brief("rivercleanup", "2026-08-13"))
    assert not any("between Millbeck Bridge and the weir, and not to touch" in line for line in fish)
    assert not any("expected to decide on enforcement action" in line for line in fish)
    toll = story_brief("bridgetoll", "2026-05-21")
    assert not any(d.date == "2026-06-01" for d in toll.next), toll.next
    market = shown_lines(story_brief("marketfire", "2026-09-18"))
    assert not any("€18,000" in line for line in market) and any("€46,000" in line for line in market)
