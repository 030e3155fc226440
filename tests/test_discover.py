"""briefer.discover: topics and a title found in stories that come with no topics file (our own stories)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.config import load_options
from briefer.discover import discover_topics, headline, reports
from briefer.model import Topic
from briefer.pipeline import build_brief
from briefer.topics import TopicMatcher, normalise
from tests.helpers import ROOT, SAMPLE

STORIES = ROOT / "tests" / "data" / "stories"
# Story -> words of which every discovered heading must be one: the subjects an editor would name.
SUBJECTS: dict[str, set[str]] = {
    "barrier": {"silt", "levy", "oyster", "gate", "flood", "agency", "cost", "review"},
    "ferry": {"ship", "island", "mainland", "gearbox", "sailing", "hospital", "charter", "morwen", "timetable",
              "farm"},
    "orchard": {"hive", "tree", "honey", "bee", "apple", "cider", "variety", "graft", "press",
                "group"},  # the beekeeping group that keeps the hives (heads3: a section of its own)
    "story2": {"dockworker", "terminal", "stoppage", "crane", "pay", "wage", "ship", "automation", "mediator",
               "rise"},  # the pay rise (heads3)
    "story-council": {"library", "cut", "suburb", "tram", "budget", "tax", "rise"},  # the tax rise (heads3)
    "story-shipfire": {"container", "firefighter", "fire", "blaze", "harbour", "crew", "cargo"},
    # "trade" (reader4): the title ("Varnia and Ostland agree to lift steel tariffs ...") names Ostland, so its items
    # are headed by the word they share next.
    "story-talks": {"ostland", "tariff", "steel", "aluminium", "quota", "trade", "subsidy", "shipyard"},
}


def _folder(story: str) -> Path:
    return ROOT / "tests" / "data" / story if story.startswith("story") else STORIES / story


@pytest.mark.parametrize("story", sorted(SUBJECTS))
def test_a_story_without_a_topics_file_gets_at_most_four_sections_named_by_its_subjects(story: str) -> None:
    brief = build_brief([_folder(story)], load_options())
    headings = [s.heading for s in brief.sections if s.heading not in ("Overview", "Other developments")]
    # Before (reader4): 2-4 headings always, one-item sections included ("Hives (1)", "Firefighters (1)"); then
    # (reader5) one-item sections kept when their subject was central. Now no section holds one item, and a story
    # with few facts has few sections, or none.
    assert len(headings) <= 4, headings
    assert all(len(s.items) >= 2 for s in brief.sections if s.heading in headings), brief.sections
    for heading in headings:
        assert normalise(heading.split()[-1]) in SUBJECTS[story], (story, headings)
    topical = [s for s in brief.sections if s.heading in headings]
    assert all(s.items for s in topical), "a discovered topic is always covered"
    # The title is one of the articles' own headlines.
    assert brief.title in {s.title for s in brief.sources}


def test_the_sample_story_is_not_filed_under_the_sample_topics_any_more() -> None:
    brief = build_brief([STORIES / "barrier"], load_options())
    assert "Taiwan" not in [s.heading for s in brief.sections]
    assert "Blinken" not in brief.title


def test_people_are_never_topics_and_headings_are_the_articles_words() -> None:
    sentences = [(1, "Mayor Ana Brook said the ferry fares would rise."), (2, "Ana Brook defended the ferry fares."),
                 (1, "The ferry fares rose by a third."), (2, "Fares on the ferry had not risen for years."),
                 (1, "The harbour wall needs repair after the storm."), (2, "Repair of the harbour wall starts soon."),
                 (1, "The harbour wall cracked in two places."), (2, "Engineers inspected the cracked harbour wall.")]
    topics = discover_topics(sentences * 2, exclude=("Ana Brook",))
    names = [t.name for t in topics]
    assert not any("Brook" in n for n in names)
    text = " ".join(t for _, t in sentences).lower()
    assert all(n.lower() in text for n in names), names


def test_a_story_too_short_for_topics_gets_none() -> None:
    assert discover_topics([(1, "A small fire broke out in a shed on Elm Street.")]) == ()


def test_headline_prefers_a_statement_shared_with_the_other_headlines() -> None:
    titles = ["Will the ferry run this winter?", "Skellan ferry cut to two sailings",
              "Ferry cut leaves Skellan commuters stranded"]
    assert headline(titles) in titles[1:]


def test_keywords_match_words_never_a_stem_of_another_word() -> None:
    matcher = TopicMatcher([Topic("Taiwan", ("independence",)), Topic("Fentanyl", ("precursor chemicals",))])
    assert matcher.best("An independent study of oyster beds found no harm.") is None
    assert matcher.best("Taipei rejected any talk of independence.") == 0
    assert matcher.best("Shipments of precursor chemicals were seized.") == 1
    assert matcher.best("The precursor chemical was seized.") == 1  # singular and plural are one word


def test_the_sample_topics_file_lives_beside_the_sample() -> None:
    options = load_options(topics=SAMPLE / "topics.toml")
    assert [t.name for t in options.topics] == ["Taiwan", "Fentanyl", "Military channels"]
    assert load_options().topics == ()


SEEDS = ROOT.parent / "shared" / "seeds"
# The seed story (four outlets on one diplomatic visit): words an editor would head its sections with.
SEED_SUBJECTS = {"taiwan", "fentanyl", "channel", "communication", "conflict", "american", "washington", "balloon",
                 "ukraine", "russia"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_the_seed_story_is_headed_by_its_subjects_not_by_generic_words() -> None:
    brief = build_brief([SEEDS], load_options(date=dt.date(2023, 6, 19)))
    headings = [s.heading for s in brief.sections if s.heading not in ("Overview", "Other developments")]
    # Before (heads): a story this size kept two sections of its own even when one held one item ("Taiwan (1)").
    # Now no section holds one item: its item goes to Other developments.
    assert 1 <= len(headings) <= 4, headings
    assert all(len(s.items) >= 2 for s in brief.sections if s.heading in headings), brief.sections
    # Before: "Communication · Washington · Security · Cooperation": two words that name no subject.
    assert not {"Security", "Cooperation"} & set(headings), headings
    assert all(normalise(h.split()[-1]) in SEED_SUBJECTS for h in headings), headings
    # Each heading is named by its items (before: "Ukraine" headed a list of disagreements that named it in passing).
    sections = {s.heading: s for s in brief.sections}
    for heading in headings:
        assert all(heading.split()[-1].lower()[:5] in item.text.lower() for item in sections[heading].items), heading
    assert "Ukraine" not in headings and "Russia" not in headings


def test_a_noun_phrase_the_articles_repeat_heads_its_group_in_the_articles_own_form() -> None:
    sentences = [(1, "The replacement ship will not arrive before March."),
                 (2, "A replacement ship has been chartered from Norway."),
                 (3, "The ship's gearbox failed in October."),
                 (1, "Without a replacement ship the island has two sailings."),
                 (2, "Islanders want a ship that can carry lorries."),
                 (1, "Silt has built up behind the harbour wall."), (2, "Dredgers will clear the silt in spring."),
                 (3, "The silt threatens the oyster beds."), (1, "Oyster growers blame the silt for lost stock."),
                 (2, "Samples of silt were sent for tests.")]
    names = [t.name for t in discover_topics(sentences * 2)]
    assert "Replacement ship" in names, names  # the phrase, capitalised, rather than the everyday "ship"
    assert len(names) == 2 and names[1] in ("Silt", "Oyster", "Oyster beds"), names


# The sample story read without its topics file: whole headings an editor would write for it.
SAMPLE_HEADINGS = {"taiwan", "taiwan strait", "fentanyl", "precursor chemicals", "passenger flights", "summit",
                   "chinese balloon", "working groups", "military channels", "defence"}


def test_the_sample_without_its_topics_file_is_headed_mostly_by_its_noun_phrases() -> None:
    brief = build_brief([SAMPLE], load_options())
    headings = [s.heading for s in brief.sections if s.heading not in ("Overview", "Other developments")]
    # Before: "Singapore · Economic Cooperation summit · Taiwan · Passenger flights": a venue ("at a security
    # forum in Singapore") and the tail of a name ("Asia-Pacific Economic Cooperation summit") head no section.
    assert "Taiwan" in headings, headings
    assert not {"Singapore", "Economic Cooperation summit"} & set(headings), headings
    assert sum(h.casefold() in SAMPLE_HEADINGS for h in headings) >= len(headings) - 1 >= 1, headings
    # "Defence (1)" and "Summit (2)" (an everyday word over two items) now go to Other developments.
    assert not {"Defence", "Summit"} & set(headings), headings


def test_a_phrase_joined_by_of_heads_its_group_and_a_name_joined_by_of_does_not() -> None:
    sentences = [(1, "Both sides stressed the lines of communication between their armies."),
                 (2, "Keeping lines of communication open was the main aim."),
                 (3, "The lines of communication were cut in 2019."),
                 (1, "The Chamber of Commerce welcomed the lower tariffs on grain."),
                 (2, "Grain tariffs fell by half, the chamber of commerce said."),
                 (3, "Farmers say grain tariffs still hurt exports."),
                 (1, "Grain tariffs will be reviewed in May.")]
    names = [t.name for t in discover_topics(sentences * 2)]
    assert "Lines of communication" in names, names
    assert not any("ommerce" in n for n in names), names


def test_a_word_the_articles_use_as_a_verb_heads_no_topic() -> None:
    sentences = [(1, "Talks must not veer into open conflict, Lena Orr said."),
                 (2, "Officials hope the rivalry does not veer into conflict."),
                 (3, "Neither side wants to veer off course."),
                 (1, "The harbour dredging starts in May."), (2, "Harbour dredging will cost two million."),
                 (3, "Fishermen oppose the harbour dredging."), (1, "Dredging of the harbour has been delayed.")]
    names = [t.name.casefold() for t in discover_topics(sentences * 2, exclude=("Lena Orr",))]
    assert names and not any("veer" in n for n in names), names


def test_the_title_is_the_newest_reports_headline_not_a_stale_preview() -> None:
    day = dt.date(2026, 3, 3)
    titles = ["Will the Orne ministers meet on Friday?", "Orne ministers to meet on Friday over fishing quotas",
              "Orne ministers meet and agree fishing quotas", "Analysis: what the Orne quota deal means",
              "Orne ministers agree quotas; fleets to return to sea"]
    assert [reports(t) for t in titles] == [False, False, True, False, True]
    dates = [day, day, day + dt.timedelta(days=3), day + dt.timedelta(days=4), day + dt.timedelta(days=4)]
    assert headline(titles, (), dates) == titles[4]  # the newest report; the explainer is newer still
    assert headline(titles, (), [day, day, day + dt.timedelta(days=5), None, None]) == titles[2]
    # Only previews: the one that does not ask.
    assert headline(titles[:2], (), dates[:2]) == titles[1]


def test_an_updates_headline_is_the_title_though_it_brings_new_words() -> None:
    day = dt.date(2026, 3, 3)
    titles = ["Gale shuts Orne harbour as trawlers shelter in the bay", "Gale: nine trawlers ride out the night",
              "Trawlers wait out gale off Orne", "Orne harbour reopens as repairs begin"]
    dates = [day, day + dt.timedelta(days=1), day + dt.timedelta(days=1), day + dt.timedelta(days=2)]
    assert headline(titles, (), dates) == titles[3]
    # A report on another subject that shares one word with the story is no title for it.
    assert headline([*titles[:3], "Orne names new school head"], (), dates) != "Orne names new school head"


def test_a_story_told_over_days_is_titled_by_its_latest_report() -> None:
    brief = build_brief([ROOT / "tests" / "data" / "stories" / "quarry"], load_options(date=dt.date(2026, 5, 16)))
    assert brief.title == "Inspectors order Harrowdale quarry to stay shut"


def test_a_list_sentence_names_things_in_passing() -> None:
    from briefer.discover import is_list

    assert is_list("The quarrels are many, ranging from fishing quotas to the border in Varnia.")
    assert is_list("They argued over the harbour dues, the night shifts, the rota and the pensions.")
    assert is_list("Three things are open: the levy; the silt survey; the gate contract.")
    assert not is_list("Hale, the Ostland trade minister, said the tariffs would go.")
    assert not is_list("Ostland will lift tariffs on steel, the ministry said.")


def test_the_number_of_discovered_topics_follows_the_word_budget() -> None:
    from briefer.discover import topic_budget

    # 400 words, 40% overview, 25-word sentences: 240 words make four shares of two items: three topics and the rest.
    assert topic_budget(400, 0.4, 25) == 3
    assert topic_budget(1000, 0.4, 25) == 4  # never more than MAX_TOPICS
    assert topic_budget(250, 0.4, 25) == 2
    assert topic_budget(150, 0.4, 25) == 0  # two sections of two items do not fit: no discovered sections
    brief = build_brief([SAMPLE], load_options(words=150))
    assert [s.heading for s in brief.sections if s.heading not in ("Overview", "Other developments")] == []


def test_a_head_noun_joined_by_of_the_to_the_storys_subject_heads_its_group() -> None:
    sentences = [(1, "Investigators are still looking for the cause of the fire on the ferry."),
                 (2, "The cause of the fire may have been a faulty heater, the owner said."),
                 (3, "A report on the cause of the fire is due next month."),
                 (1, "The crew were rescued by two lifeboats from Orne."),
                 (2, "Both lifeboats returned to Orne at dawn."),
                 (3, "The lifeboats had to fight a strong swell."),
                 (1, "Lifeboats from Orne have saved 40 crews this year."),
                 (2, "The fire damaged the car deck and the galley."), (3, "Tugs towed the ferry to port.")]
    names = [t.name for t in discover_topics(sentences * 2, titles=["Fire on Orne ferry", "Ferry fire: crew rescued"])]
    # "fire" is in both headlines (the story itself) and in the stop-word list; the cause of it is a subject
    # (before: no such phrase was read, "of the" split it).
    assert "Cause of the fire" in names, names
