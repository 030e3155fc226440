"""Boilerplate removal by general rules, on noisy articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.clean import clean_corpus, clean_document, find_title
from tests.helpers import ROOT, make_doc

NOISY = ROOT / "tests" / "data" / "noisy"


def test_title_is_found_after_crumbs_and_labels() -> None:
    lines = ["Advertisement", "Home » Sport » Sailing", "Harbour race won by a local crew in record time",
             "The local crew won the harbour race on Sunday in a record time of three hours."]
    assert find_title(lines) == "Harbour race won by a local crew in record time"


def test_furniture_lines_go_and_prose_stays() -> None:
    prose = ["The local crew won the harbour race on Sunday in a record time of three hours.",
             "Organisers said more than two hundred boats had entered this year."]
    lines = ["Harbour race won by a local crew", "Harbour race won by a local crew", "SOUTHPORT",
             "By Mia Lund, Sports Reporter", "Advertisement", prose[0], "Share this story",
             "Leave a reply", "We never publish your e-mail. Required fields are marked *",
             prose[1], "Photo: Harbour Press", "Sara Holm contributed reporting.", "Source: harbour-news.test"]
    cleaned = clean_document(make_doc(lines), set())
    assert list(cleaned.paragraphs) == prose
    assert cleaned.title == "Harbour race won by a local crew"


def test_datelines_and_agency_tags_are_cut() -> None:
    lines = ["SOUTHPORT (Wire) -- The local crew won the harbour race on Sunday in record time.",
             "New Port: Organisers said more than two hundred boats had entered this year.(AP)",
             "Mr. Lund - who sailed for ten years - said the wind had helped his crew a lot."]
    cleaned = clean_document(make_doc(lines), set()).paragraphs
    assert cleaned[0].startswith("The local crew")
    assert cleaned[1] == "Organisers said more than two hundred boats had entered this year."
    assert cleaned[2].startswith("Mr. Lund - who sailed")


def test_captions_restating_the_title_or_dated_go() -> None:
    lines = ["The crew lifts the cup after winning the harbour race",
             "Crew members pose at the harbour in Southport, June 18, 2023.",
             "The local crew won the harbour race on Sunday in a record time of three hours."]
    cleaned = clean_document(make_doc(lines, title="Crew lifts the cup after winning harbour race"), set())
    assert list(cleaned.paragraphs) == [lines[2]]


def test_short_lines_shared_across_sources_are_furniture() -> None:
    a = make_doc(["Morning Edition Extra", "The local crew won the harbour race on Sunday in a record time."], 1)
    b = make_doc(["Morning Edition Extra", "Organisers said more than two hundred boats had entered this year."], 2)
    out = clean_corpus([a, b])
    assert all("Morning Edition Extra" not in d.paragraphs for d in out)


def test_long_sentences_shared_across_sources_are_kept_as_wire_copy() -> None:
    line = "The local crew won the harbour race on Sunday in a record time of three hours and ten minutes."
    out = clean_corpus([make_doc([line], 1), make_doc([line], 2)])
    assert all(d.paragraphs == (line,) for d in out)


def _noisy_cases() -> list[Path]:
    return sorted(p for p in NOISY.glob("*") if p.is_file() and not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("path", _noisy_cases(), ids=lambda p: p.name)
def test_noisy_fixtures_clean_to_their_expected_text(path: Path) -> None:
    from briefer.config import Limits
    from briefer.read.ingest import read_sources

    expected = path.with_name(path.stem + ".expected.txt").read_text(encoding="utf-8")
    corpus = read_sources([path], Limits())
    (doc,) = clean_corpus(corpus.documents)
    want = [" ".join(p.split()) for p in expected.split("\n\n") if p.strip()]
    assert list(doc.paragraphs) == want


# One line for each alternative of the furniture patterns, in odd cases: the plain look for their words
# (clean._FURNITURE_WORDS) must let every one through to the pattern.
FURNITURE_EXAMPLES = (
    "ADVERTISEMENT", "Advertisment", "Sponsored Content", "Subscribers only", "Sign up now", "Sign-in", "SIGNUP",
    "signin here", "Log in", "log-in", "LOGIN", "Our Newsletter", "straight to your inbox: in your INBOX",
    "Three free articles", "Unlimited access", "Already a Member?", "Already a subscriber", "Become a supporter",
    "become a Member", "Become a subscriber", "Support our independent local journalism", "Support journalism",
    "Share this", "Share on X", "E-mail this", "Email this", "Print this page", "Copy link", "Read more",
    "Related stories", "Related articles", "Related news", "Most read", "Leave a reply", "Leave a Comment",
    "Add a comment", "Post a comment", "Required fields", "Mandatory fields", "Fields marked *",
    "Fields are marked", "Your email address will not be published", "Share your e-mail", "Share your email",
    "Save my name for the next time I comment", "Remember me", "Remember my name", "All Rights Reserved",
    "We use cookies", "Privacy Policy", "Terms of Use", "Terms of service", "Click here", "Follow us",
    "Download the app", "Download our app", "author-image", "AuthorImage", "This page is Free to read",
    "Please consider a donation", "consider making a donation", "Please donate", "Donate now",
    "a Not-for-profit news site", "a nonprofit news site", "A non-profit news room",
    "This interview has been edited for length and clarity.", "More from the Lens: Bloom judges visit next week",
    "Bay Radio News is on air every hour.", "Listen live on 96.4 FM", "The Agency would like to thank road users "
    "for their patience.", "Road users are advised to plan ahead.", "The Parish News is written and delivered by "
    "volunteers.", "Email newsdesk@example.org or call 01632 960 418.", "The library is open Monday to Saturday, 9am "
    "to 6pm.", "Apologies were received from Cllr Derek Mold.", "Cllr Sana Iqbal declared a personal interest in "
    "Item 4.", "Vale FM is on 97.4FM and DAB.", "Listen to the full interview on Cennin Breakfast.",
    "Northern Wire stories may be republished with credit.", "Comments are closed on this article.",
)


@pytest.mark.parametrize("line", FURNITURE_EXAMPLES)
def test_furniture_words_let_every_furniture_phrase_through(line: str) -> None:
    from briefer.clean import _FURNITURE_PHRASE, _holds_furniture_word

    assert _FURNITURE_PHRASE.search(line), line  # the example is one the pattern means
    assert _holds_furniture_word(line.casefold())


def test_furniture_check_is_unchanged_by_the_word_look() -> None:
    from briefer import clean

    lines = [*FURNITURE_EXAMPLES, "Home » World » Asia", "You are here: News", "home | news", "Prose about a design.",
             "The authorities said the blog was a dialogue.", "A short line", "Reading is fun, she said."]
    for line in lines:
        words_only = clean._is_furniture(line)
        n = len(line.split())
        plain = (bool(clean._CRUMB.search(line)) and (n <= 12 or line.count("»") + line.count("›")
                                                      + line.count("|") >= 2)) \
            or (n <= clean.FURNITURE_MAX_PHRASE_WORDS and bool(clean._FURNITURE_PHRASE.search(line))) \
            or bool(clean._TEASER.match(line)) \
            or (n <= 25 and bool(clean._CREDIT.search(line) or clean._CAPTION_DATE.search(line))) \
            or (not clean._TERMINAL.search(line) and n < clean.SHORT_LINE_WORDS)
        assert words_only == plain, line


def test_an_outlet_in_brackets_opening_the_first_line_is_cut_and_kept_as_the_outlet() -> None:
    from briefer.outlets import outlet_in_lines

    lines = ["(Valley Wire) About 4,000 homes lost their water on Tuesday when a main burst.",
             "(The figure was later revised.) Engineers said the pipe was old."]
    cleaned = clean_document(make_doc(lines), set()).paragraphs
    assert cleaned[0] == "About 4,000 homes lost their water on Tuesday when a main burst."
    assert cleaned[1].startswith("(The figure was later revised.)")  # a sentence in brackets is no outlet
    assert outlet_in_lines(lines) == "Valley Wire"
