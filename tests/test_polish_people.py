"""QA #13: a place or thing is not a person; roles are real roles (no clauses, no unresolved "its"); a head of
state's role carries the country when the articles give it."""

from __future__ import annotations

from briefer.people import who_is_who

TEXTS = [
    (1, "The Dunmore Wildlife Trust said on Monday that a rare beetle had been found in Dunmore Wood."),
    (1, "The trust has closed the path that runs past the oak."),
    (1, "Its director, Hal Bryce, said collectors were the main threat."),
    (2, "The trust has shut a path near the oak."),
    (2, "Hal Bryce, its director, said the place would stay secret."),
    (2, "Bryce said the trust would put up a camera."),
    (3, "Orrin Point, a scheme planners have priced at 90 million crowns, would link the two islands."),
    (3, "Officials said the cost of Orrin Point could still rise."),
    (4, "Orrin Point, a scheme planners have priced at 90 million crowns, is the larger of the two."),
    (3, "President Ilse Varn opened the new bridge on Friday."),
    (4, "President Ilse Varn said the bridge would pay for itself."),
    (4, "Ilse Varn, Norland's president, cut the ribbon."),
]


def test_a_place_described_by_a_clause_is_not_a_person() -> None:
    cast = who_is_who(TEXTS)
    assert "Orrin Point" not in cast.everyone
    assert all("priced" not in p.role for p in cast.people)


def test_a_role_with_its_is_resolved_to_the_organisation_or_dropped() -> None:
    people = {p.name: p.role for p in who_is_who(TEXTS).people}
    assert people["Hal Bryce"] == "director of the Dunmore Wildlife Trust"
    alone = {p.name: p.role for p in who_is_who([(1, "Its director, Hal Bryce, said the gate would stay shut."),
                                                 (2, "Bryce said the gate would stay shut."),
                                                 (2, "Hal Bryce, his deputy, said the gate would stay shut.")]).people}
    assert not alone["Hal Bryce"].lower().startswith(("its", "his"))


def test_a_head_of_state_carries_the_country_the_articles_give() -> None:
    people = {p.name: p.role for p in who_is_who(TEXTS).people}
    assert people["Ilse Varn"] == "Norland's president"
    bare = {p.name: p.role for p in who_is_who(TEXTS[-3:-1]).people}
    assert bare["Ilse Varn"] == "President"  # no article says of where: the title as stated


def test_a_possessive_is_no_second_person() -> None:
    cast = who_is_who([(1, "Harbour chief Olav Strand said on Monday that the cranes would stop."),
                       (2, "Harbour chief Olav Strand's deputy, Mira Kask, said the union had been told."),
                       (3, "Olav Strand's office said the port would reopen on Friday.")])
    names = [p.name for p in cast.people]
    assert "Olav Strand" in names
    assert not any(n.endswith(("'s", "’s")) for n in names)


def test_a_role_left_open_before_the_speech_verb_ends_before_it() -> None:
    # A writer who drops the comma after an apposition: the role must not swallow "said".
    cast = who_is_who([(1, "Amara Quist, deputy head of the Harbour Relief Fund said the fund would need more money."),
                       (2, "Quist said aid was arriving."), (3, "Ms. Quist spoke in Lisbon.")])
    assert [(p.name, p.role) for p in cast.people] == [("Amara Quist", "deputy head of the Harbour Relief Fund")]
