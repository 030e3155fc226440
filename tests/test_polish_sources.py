"""QA #14, #15, #6: caption labels are boilerplate; titles are never date lines or bylines; outlets from
breadcrumbs and bar-separated mastheads; publication dates from long bylines and from datelines with no year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.clean import clean_document, find_title
from briefer.outlets import outlet_in_lines
from briefer.temporal import published_in_lines
from tests.helpers import make_doc


@pytest.mark.parametrize("label", ["Photo caption: Nets drying on the harbour wall.",
                                   "Main image credit: Rowan Tate for the Gazette",
                                   "Picture caption | The ferry leaves Orrin at dawn.",
                                   "Pictured: the new ferry on its first crossing."])
def test_caption_labels_are_boilerplate_whatever_the_wording(label: str) -> None:
    body = "The ferry company added a second crossing to Orrin on Monday, its first new route in ten years."
    doc = clean_document(make_doc([body, label]), set())
    assert doc.paragraphs == (body,)


def test_a_sentence_about_photographs_is_not_a_caption() -> None:
    body = "Photo agencies sent twelve photographers to the launch of the ferry on Monday morning."
    assert clean_document(make_doc([body]), set()).paragraphs == (body,)


def test_the_title_is_never_a_date_line_or_a_byline() -> None:
    top = ["Orrin Weekly", "15 October 2026", "By Sela Brandt and Jon Pike of the Weekly staff",
           "Tuesday, October 13, 2026 10:15 AM", "Ferry fares to Orrin rise for the first time in a decade",
           "Fares on the Orrin ferry will rise by a tenth from January, the company said."]
    assert find_title(top) == "Ferry fares to Orrin rise for the first time in a decade"
    assert find_title(top[:2] + top[5:]) == ""  # better no title than the date as the headline


@pytest.mark.parametrize(("line", "outlet"), [
    ("Orrin Gazette > Transport > Ferries", "Orrin Gazette"),
    ("**Island Echo** | Transport", "Island Echo"),
    ("*By Sela Brandt | Orrin Weekly | 5 March 2026*", "Orrin Weekly"),
    ("Ferry fares rise again | The Harbour Post", "The Harbour Post"),
])
def test_outlets_from_breadcrumbs_and_bar_separated_mastheads(line: str, outlet: str) -> None:
    assert outlet_in_lines([line, "Fares on the Orrin ferry will rise by a tenth from January."]) == outlet


@pytest.mark.parametrize("line", ["Home » World » Europe", "World News > Asia", "Transport | Ferries"])
def test_sections_and_dates_are_not_outlets(line: str) -> None:
    assert outlet_in_lines([line, "Fares on the Orrin ferry will rise by a tenth from January."]) == ""


def test_a_long_byline_in_parts_gives_the_publication_date() -> None:
    lines = ["Ferry fares to Orrin rise", "*By Sela Brandt and Jon Pike | The Orrin Weekly Gazette | 5 March 2026*",
             "Fares on the Orrin ferry will rise by a tenth from January, the company said on Wednesday."]
    assert published_in_lines(lines) == dt.date(2026, 3, 5)


@pytest.mark.parametrize(("anchor", "expected"), [(dt.date(2026, 10, 15), dt.date(2026, 10, 14)),
                                                  (dt.date(2026, 10, 14), dt.date(2026, 10, 14)),
                                                  (dt.date(2027, 2, 1), dt.date(2026, 10, 14)),
                                                  (dt.date(2026, 10, 13), dt.date(2025, 10, 14))])
def test_a_dateline_without_a_year_is_the_latest_such_day_not_after_the_reference(anchor: dt.date,
                                                                                   expected: dt.date) -> None:
    lines = ["ORRIN, Oct 14 (OPA) - The ferry company raised fares by a tenth on Wednesday."]
    assert published_in_lines(lines, anchor) == expected


def test_an_empty_folder_says_it_is_empty_and_exits_3(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefer.cli import cli
    from briefer.errors import ExitCode

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # not an article format: the folder holds no articles
    result = CliRunner().invoke(cli, ["brief", str(folder), "--out-dir", str(tmp_path), "-q"])
    assert result.exit_code == ExitCode.NO_SOURCES
    assert "empty: no .txt, .md or .html files" in result.output and "no sources given" not in result.output
