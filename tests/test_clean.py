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
