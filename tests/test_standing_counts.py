"""A count told as where it stands ("has risen to 163", "now has 171") is overtaken by a newer article's larger count
of the same thing, whatever else that sentence tells (our own words, and the hedgehog test story)."""

from __future__ import annotations

from briefer.supersede import count_overtaken, supersedes
from briefer.temporal import classify
from tests.helpers import shown_lines, story_brief

RISEN = "The number of swans at the Fenbridge sanctuary has risen to 88, its manager said on Monday."
NOW = "The sanctuary now has 95 swans, and is taking no more birds that are not injured."
LATER = "The sanctuary is caring for 112 swans, twice the number its pens were built for."


def test_a_larger_count_of_the_same_thing_overtakes_a_standing_count() -> None:
    assert count_overtaken(NOW, RISEN)
    assert count_overtaken(LATER, NOW)
    assert count_overtaken(LATER, RISEN)
    assert supersedes(LATER, classify(LATER), RISEN, classify(RISEN))


def test_not_a_smaller_count_another_thing_or_another_time() -> None:
    assert not count_overtaken(RISEN, LATER)  # the older, smaller count overtakes nothing
    assert not count_overtaken("Volunteers have built 120 nest boxes.", NOW)  # boxes are not swans
    assert not count_overtaken("The sanctuary took in 300 swans last year.", NOW)  # another time
    # ... nor a count that is no standing one.
    assert not count_overtaken(LATER, "Volunteers found 60 swans on the frozen lake on Sunday.")


def test_the_hedgehog_rescue_shows_no_outdated_count() -> None:
    lines = shown_lines(story_brief("hedgehog", "2026-10-22"))
    assert not any("has risen to 163" in line for line in lines)


def test_there_are_now_a_number_names_what_it_tells() -> None:
    from briefer.candidates import leans_back

    assert not leans_back("There are now 31 confirmed cases of mumps at the college, six more than on Friday.")
    assert not leans_back("There are still 12 families in the rest centre.")
    # The outbreak's newest count is quoted on the day before its last article, where the older one is not.
    lines = shown_lines(story_brief("measles", "2026-05-13"))
    assert any("There are now 24 confirmed cases" in line for line in lines)
    assert not any("has risen to 19" in line for line in lines)


def test_a_price_cut_to_a_figure_from_another_revises_the_old_one() -> None:
    from briefer.supersede import revised_count, revised_to

    cut = "The caterer cut its quote to 8,500 pounds from 9,200 after the school explained the fundraising."
    assert revised_to(cut) == {8500.0}
    assert revised_count(cut, "The caterer has quoted 9,200 pounds for the dinner.")
    # Not a measure compared with the year before, which revises nothing.
    assert not revised_to("Sales at the chain increased to £41.2 million from £39.8 million.")
    # The choir's brief shows the new firm's cut, not its first quote.
    lines = shown_lines(story_brief("choirtour", "2026-07-10"))
    assert any("cut its price to 39,000 euros" in line for line in lines)
    assert not any("has quoted 41,000 euros" in line for line in lines)


def test_a_body_that_meets_at_an_hour_is_a_preview() -> None:
    assert classify("The licensing committee meets at 6.30pm at Corbridge Guildhall.") == "expected"
    assert classify("The parish council sits at 7pm in the village hall.") == "expected"
    # ... not a habit, nor a meeting held.
    assert classify("The walking group meets at 10am every Sunday at the car park.") == "report"
    assert classify("The committee met at 7pm on Wednesday.") == "report"
    # The heronry's committee, which met the evening before the last article, is no longer shown as meeting.
    assert not any("meets at 7pm" in line for line in shown_lines(story_brief("heronry", "2026-04-16")))
