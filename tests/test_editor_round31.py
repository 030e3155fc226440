"""The thirtieth round's leftovers, mended, and the thirty-first blind editor round (docs/quality.md): each test is a
defect a reader found, in our own words or on the test stories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefer.config import load_options
from briefer.model import Brief
from briefer.pipeline import build_brief
from briefer.supersede import forecast_moved
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"


def _printed(brief: Brief) -> list[str]:
    lines = [brief.bottom_line.text] if brief.bottom_line is not None else []
    return lines + [item.text for section in brief.sections for item in section.items]


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


_MUSEUM = {
    "01-gazette.txt": "Storm floods county museum's map room\n\nBy Ruth Calloway\nMonday 16 November 2026\n\n"
    "Water poured into the map room of the Hollin County Museum during Sunday night's storm, soaking drawers of "
    "estate maps that date back to the 1700s.\n\nStaff worked through the night to carry more than 400 maps to a "
    "dry store on the first floor. The museum will stay closed until at least Wednesday while the damage is "
    "assessed.\n\nCurator Imogen Farley said a gutter above the room had given way.\n",
    "02-courier.html": "<html><head><title>Museum to reopen after flood | Hollin Courier</title>"
    '<meta property="article:published_time" content="2026-11-18T10:00:00Z"></head><body><article>'
    "<h1>Museum to reopen after flood</h1><p>The Hollin County Museum will reopen on Saturday 21 November, four "
    "days later than first hoped, after conservators found mould in two of the map drawers.</p><p>Conservators "
    "from the regional archive service took 38 of the wettest maps away to be freeze-dried.</p></article></body>"
    "</html>",
}


def test_a_later_forecast_moves_an_earlier_forecast_of_the_same_state(tmp_path: Path) -> None:
    # "will stay closed until at least Wednesday" had been printed beside the later "will reopen on Saturday".
    folder = _write(tmp_path / "museum", _MUSEUM)
    brief = build_brief([folder], load_options(date=dt.date(2026, 11, 18)))
    printed = " ".join(_printed(brief))
    assert "will reopen on Saturday 21 November" in printed
    assert "until at least Wednesday" not in printed
    # Only a forecast's own event moves it: not a subject's aside, nor a state told in passing.
    assert forecast_moved("The museum will reopen on Saturday.", "The museum will stay closed until Wednesday.")
    assert not forecast_moved("The painting, recovered last week, will not go back on show until 28 November.",
                              "Police said the search for the missing sketch would go on.")
    assert not forecast_moved("The line could reopen within days.",
                              "A free minibus would run between the promenade and the line while the line is shut.")
