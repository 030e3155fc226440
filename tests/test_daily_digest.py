"""`briefer daily` in digest mode over three days: real HTTP sites (three outlets, each with a feed), real SMTP.

Day 1 (10 March): the bank, bridge, volcano and museum stories of tests/data/mixed, all New.
Day 2: the bridge continues (a day-1 article and an inspection report: Developing, new facts only), the bank's
day-1 articles are still in the feeds (no new developments), a chess tournament is New, the volcano continues.
Day 3: the volcano continues again (Developing since day 1, same id), the bank has only a rewrite of day 1.
Day 4: the same feeds as day 3: nothing new anywhere, exit code 7, no mail.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefer.cli import cli
from briefer.errors import ExitCode
from tests.servers import PASSWORD, USER, Mailbox, Site, article_page, rss

DATA = Path(__file__).parent / "data"
DAYS = ("2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13")
# outlet -> day -> articles (files under tests/data/mixed and tests/data/mixed-days)
FEEDS = {
    "Herald": {1: ["bank-ledger", "bridge-herald", "volcano-island", "museum-gazette"],
               2: ["bank-ledger", "bridge-inspection", "chess-ledger"],
               3: ["volcano-day3", "bank-weekly"]},
    "Courier": {1: ["bank-times", "bridge-courier"],
                2: ["bank-times", "bridge-courier", "volcano-observer", "chess-times"],
                3: ["volcano-observer"]},
    "Post": {1: ["bank-post"], 2: ["bank-post"], 3: ["bank-post"]},
}
FIRST_DAY = {"bank-ledger": 1, "bank-times": 1, "bank-post": 1, "bridge-herald": 1, "bridge-courier": 1,
             "volcano-island": 1, "museum-gazette": 1, "bridge-inspection": 2, "chess-ledger": 2, "chess-times": 2,
             "volcano-observer": 2, "volcano-day3": 3, "bank-weekly": 3}


def article(name: str) -> tuple[str, list[str]]:
    path = DATA / "mixed" / f"{name}.txt"
    if not path.exists():
        path = DATA / "mixed-days" / f"{name}.txt"
    title, *paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return title, paragraphs


def serve(sites: dict[str, Site], day: int) -> None:
    """Each outlet's feed lists its articles of `day` (day 4 serves day 3 again)."""
    for outlet, site in sites.items():
        items = []
        for name in FEEDS[outlet].get(min(day, 3), []):
            title, paragraphs = article(name)
            published = DAYS[FIRST_DAY[name] - 1]
            site.set(f"/news/{name}", article_page(title, published, paragraphs, outlet))
            when = dt.date.fromisoformat(published).strftime("%a, %d %b %Y 08:00:00 GMT")
            items.append((f"/news/{name}", title, when))
        site.set("/feed.xml", rss(site, f"{outlet} news", items), "application/rss+xml; charset=utf-8")


@pytest.fixture
def sites() -> Iterator[dict[str, Site]]:
    with Site() as herald, Site() as courier, Site() as post:
        yield {"Herald": herald, "Courier": courier, "Post": post}


def config(folder: Path, sites: dict[str, Site], mailbox: Mailbox, cafile: Path) -> Path:
    feeds = ", ".join(f'"{s.url("/feed.xml")}"' for s in sites.values())
    path = folder / "daily.toml"
    path.write_text(f"""[sources]
feeds = [{feeds}]
timeout = 5.0
retries = 0

[output]
dir = "out"
formats = ["md", "json"]

[digest]
title = "Desk digest"
words_per_story = 80
jobs = 1

[email]
to = ["desk@example.org"]
from = "Digest <digest@example.org>"
host = "127.0.0.1"
port = {mailbox.port}
security = "starttls"
user = "{USER}"
cafile = "{cafile}"
attach = ["md"]
retries = 0
""", encoding="utf-8")
    return path


def daily(path: Path, day: int) -> Result:
    return CliRunner().invoke(cli, ["daily", "--config", str(path), "--date", DAYS[day - 1]],
                              env={"BRIEFER_SMTP_PASSWORD": PASSWORD})


def load(folder: Path, day: int) -> tuple[dict[str, dict[str, object]], str]:
    """The day's stories by the name of their first article file, and its Markdown."""
    data = json.loads((folder / "out" / f"digest-{DAYS[day - 1]}.json").read_text())
    names = {s["id"]: s["path"].rsplit("/", 1)[1] for s in data["sources"]}
    stories = {}
    for story in data["stories"]:
        key = sorted(names[i] for i in story["sources"])[0].split("-")[0]
        stories[key] = story | {"files": sorted(names[i] for i in story["sources"])}
    return stories, (folder / "out" / f"digest-{DAYS[day - 1]}.md").read_text()


def texts(story: dict[str, object]) -> list[str]:
    return [item["text"] for section in story["sections"] for item in section["items"]]  # type: ignore[attr-defined,index]


@pytest.mark.slow
def test_three_days_of_digests_follow_the_stories(tmp_path: Path, sites: dict[str, Site], mailbox: Mailbox,
                                                   certificate: tuple[Path, Path]) -> None:
    path = config(tmp_path, sites, mailbox, certificate[0])
    results = []
    for day in (1, 2, 3, 4):
        serve(sites, day)
        results.append(daily(path, day))
    assert [r.exit_code for r in results] == [0, 0, 0, ExitCode.NOTHING_NEW], [r.output for r in results]

    day1, md1 = load(tmp_path, 1)
    assert set(day1) == {"bank", "bridge", "volcano", "museum"}
    assert all(s["status"] == "new" for s in day1.values())
    assert md1.count("**New** · **") == 4  # each story once on the front page or under In brief

    day2, md2 = load(tmp_path, 2)
    assert set(day2) == {"bank", "bridge", "chess", "volcano"}
    bridge = day2["bridge"]
    assert bridge["id"] == day1["bridge"]["id"] and bridge["status"] == "developing"
    assert bridge["first_briefed"] == DAYS[0] and not bridge["in_brief"]
    # Only new facts: every line of the continuing bridge story comes from the inspection report.
    assert texts(bridge) and not set(texts(bridge)) & set(texts(day1["bridge"]))
    assert any("corrosion" in t or "hangers" in t for t in texts(bridge))
    assert day2["bank"]["status"] == "unchanged" and day2["bank"]["id"] == day1["bank"]["id"]
    assert texts(day2["bank"]) == []
    assert day2["chess"]["status"] == "new" and day2["chess"]["outlets"] == 2
    assert day2["volcano"]["id"] == day1["volcano"]["id"] and day2["volcano"]["status"] == "developing"
    assert "**Developing** since 10 March 2025" in md2 and "no new developments" in md2

    day3, _ = load(tmp_path, 3)
    assert set(day3) == {"bank", "volcano"}
    volcano = day3["volcano"]
    assert volcano["id"] == day1["volcano"]["id"] and volcano["first_briefed"] == DAYS[0]
    assert volcano["status"] == "developing" and volcano["outlets"] == 2
    assert any("reached the sea" in t or "reopened" in t for t in texts(volcano))
    assert not set(texts(volcano)) & (set(texts(day1["volcano"])) | set(texts(day2["volcano"])))
    assert day3["bank"]["status"] == "unchanged"  # a rewrite of day 1's facts is nothing new

    day4, md4 = load(tmp_path, 4)
    assert all(s["status"] == "unchanged" for s in day4.values())
    assert md4.count("no new developments") == len(day4)

    received = mailbox.wait_for(3)
    assert [m.message["Subject"] for m in received] == [
        "Desk digest - 10 March 2025", "Desk digest - 11 March 2025", "Desk digest - 12 March 2025"]
    body = received[1].message.get_body(("plain",)).get_content()
    assert "Developing: " in body and "New: " in body
    [attached] = list(received[1].message.iter_attachments())
    assert attached.get_filename() == f"digest-{DAYS[1]}.md"
    assert "nothing new: not mailed" in results[3].stderr

    with sqlite3.connect(tmp_path / "out" / ".briefer" / "state.db") as db:
        rows = db.execute("SELECT story, date, status FROM story_days ORDER BY date, story").fetchall()
    volcano_days = [(d, s) for story, d, s in rows if story == day1["volcano"]["id"]]
    assert volcano_days == [(DAYS[0], "new"), (DAYS[1], "developing"), (DAYS[2], "developing"),
                            (DAYS[3], "unchanged")]


@pytest.mark.slow
def test_running_a_digest_day_again_gives_the_same_stories(tmp_path: Path, sites: dict[str, Site],
                                                           mailbox: Mailbox, certificate: tuple[Path, Path]) -> None:
    path = config(tmp_path, sites, mailbox, certificate[0])
    for day in (1, 2):
        serve(sites, day)
        assert daily(path, day).exit_code == 0
    first, _ = load(tmp_path, 2)
    assert daily(path, 2).exit_code == 0
    again, _ = load(tmp_path, 2)
    assert {k: (s["id"], s["status"], texts(s)) for k, s in again.items()} == \
        {k: (s["id"], s["status"], texts(s)) for k, s in first.items()}
    assert len(mailbox.wait_for(2)) == 2  # the same digest is not mailed twice
