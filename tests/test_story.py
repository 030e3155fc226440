"""briefer.story, timeline and outlets: the bottom line, dated events, next steps, sources a reader can check,
and every new part in every format (our own stories)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from briefer.config import load_options
from briefer.deliver.render import render, to_html, to_markdown
from briefer.model import Dated, Document, Quote, Source
from briefer.outlets import copies, outlet_in_html, outlet_in_lines
from briefer.pipeline import build_brief
from briefer.timeline import Line, timeline, what_next
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"
DAY = dt.date(2025, 11, 5)


def test_timeline_is_dated_events_in_date_order_with_relative_days_resolved() -> None:
    lines = [Line(1, "The council voted on Tuesday to build the barrier.", dt.date(2025, 4, 8), 0),
             Line(2, "Councillors approved the barrier on Tuesday after a long debate.", dt.date(2025, 4, 9), 0),
             Line(1, "Floods reached the market square in March 2019.", dt.date(2025, 4, 8), 1),
             Line(2, "Work on the barrier will begin next spring.", dt.date(2025, 4, 9), 1),
             Line(3, "Fishermen worry about the oyster beds.", dt.date(2025, 4, 9), 0)]
    events = timeline(lines, DAY)
    # "on Tuesday" counted from each article's own date (8 and 9 April) is 8 April for both.
    assert [e.date for e in events] == ["2019-03", "2025-04-08", "2025-04-08"]
    assert events[0].text.startswith("Floods") and events[0].sources == (1,)
    assert not any("next spring" in e.text or "oyster" in e.text for e in events)  # a preview; no date
    assert events[0].why and all("dated from" in e.why[1] for e in events)


def test_what_comes_next_holds_previews_of_events_after_the_newest_source() -> None:
    lines = [Line(1, "The review will report to the council in September.", dt.date(2025, 4, 8), 3),
             Line(1, "Ministers met on Monday to discuss the review.", dt.date(2025, 4, 8), 0),
             Line(2, "A spokesperson said the authority would meet the operator on Friday.", dt.date(2025, 11, 4), 2),
             Line(2, "Prices could rise, some traders fear.", dt.date(2025, 11, 4), 1)]
    upcoming = what_next(lines, DAY)
    assert [n.date for n in upcoming] == ["2025-11-07"] or [n.date for n in upcoming][:1] == ["2025-11-07"]
    assert all("could rise" not in n.text for n in upcoming)
    assert all("met on Monday" not in n.text for n in upcoming)


def test_a_story_with_no_dates_has_no_timeline_and_still_a_brief() -> None:
    brief = build_brief([STORIES / "orchard"], load_options(date=DAY))
    assert brief.timeline == () and brief.next == ()
    assert brief.bottom_line is not None and brief.people and brief.items
    markdown = to_markdown(brief)
    assert "## Timeline" not in markdown and "## What comes next" not in markdown


def test_the_barrier_story_in_full() -> None:
    brief = build_brief([STORIES / "barrier"], load_options(date=DAY))
    assert brief.bottom_line is not None and "tidal barrier" in brief.bottom_line.text
    dates = [e.date for e in brief.timeline]
    assert dates == sorted(dates)
    assert not any(d > "2025-04-09" for d in dates), "the undated wire story counts days from its story's date"
    # The 2019 flood and the start next spring are items of the sections: printed there, once (briefer.once).
    printed = [brief.bottom_line.text, *(i.text for s in brief.sections for i in s.items)]
    assert sum("March 2019" in t for t in printed) == 1 and not any("March 2019" in e.text for e in brief.timeline)
    assert any("next spring" in t for t in printed) and not any("next spring" in n.text for n in brief.next)
    outlets = [s.outlet for s in brief.sources]
    assert outlets == ["Estuary Gazette", "Coast Wire", "Harbour Notes"]
    assert brief.sources[0].url == "https://estuary-gazette.example/news/corlan-tidal-barrier"
    assert brief.sources[0].published == dt.date(2025, 4, 8)


def test_every_new_part_is_in_every_format_and_documented_in_json() -> None:
    brief = build_brief([STORIES / "barrier"], load_options(date=DAY))
    # The story's dated facts are all items of its sections, so its timeline only points at them (each fact
    # once): a timeline line of our own shows how a printed line renders.
    assert brief.timeline and all(d.ref and not d.text for d in brief.timeline)
    brief = replace(brief, timeline=(Dated("The first of the six gates was tested at low tide.", "2025-04-08", (1,),
                                           ("stated by 1 source",)),))
    # Its quotations and next steps may all be section items too (each sentence once): lines of our own for the
    # same reason.
    brief = replace(brief, quotes=brief.quotes or (Quote("The gates held at the first test", "Owen Tasker", (3,),
                                                         ("stated by 1 source",), "harbour master"),),
                    next=brief.next or (Dated("The second gate will be tested in May.", "2025-05", (1,),
                                              ("stated by 1 source",)),))
    data = json.loads(render(brief, "json"))
    for key in ("bottom_line", "people", "quotes", "timeline", "next"):
        assert data[key], key
    assert set(data["people"][0]) >= {"name", "role", "sources", "why"}
    assert set(data["quotes"][0]) >= {"text", "speaker", "sources", "why"}
    assert set(data["timeline"][0]) >= {"date", "text", "sources", "why"}
    assert set(data["next"][0]) >= {"text", "date", "sources", "why"}
    assert {"outlet", "url"} <= set(data["sources"][0]) and data["sources"][0]["outlet"] == "Estuary Gazette"
    quote = brief.quotes[0].text
    for fmt in ("md", "html", "txt"):
        out = render(brief, fmt).decode("utf-8")
        for part in (brief.people[0].name, brief.timeline[0].text[:30], brief.next[0].text[:30], "Estuary Gazette"):
            assert part in out, (fmt, part)
        assert quote[:30] in out.replace("\\", ""), fmt
    page = to_html(brief)
    assert 'href="https://estuary-gazette.example/news/corlan-tidal-barrier"' in page
    assert 'title="stated by' in page  # why an item was chosen, on hover
    # A citation never breaks inside: it is a no-wrap span (see tests/test_typography.py for the PDF).
    assert '<span class="cite">[1, 2]</span>' in page


def test_the_bottom_line_is_shown_once() -> None:
    brief = build_brief([STORIES / "barrier"], load_options(date=DAY))
    assert brief.bottom_line is not None
    sections = to_markdown(brief).split("## Key quotes")[0]  # the timeline may date it again below
    assert sections.count(brief.bottom_line.text) == 1


def test_outlets_from_the_articles_own_lines() -> None:
    assert outlet_in_lines(["Ferry cut", "The Islands Post · Tuesday, November 4, 2025", "Text."]) == "The Islands Post"
    assert outlet_in_lines(["Text of the story.", "Source: www.example-news.test"]) == "example-news.test"
    assert outlet_in_lines(["Text.", "Copyright 2025 Mainland News Group"]) == "Mainland News Group"
    assert outlet_in_lines(["By Ana Roe, Coast Wire", "Text."]) == "Coast Wire"
    assert outlet_in_lines(["The ship sank off the cape, officials said.(AP)"]) == "AP"
    assert outlet_in_lines(["World Desk | June 19, 2023", "Text."]) == ""  # a desk is not an outlet
    page = ('<html><head><title>Gates approved | Estuary Gazette</title>'
            '<link rel="canonical" href="https://gazette.example/a"></head></html>')
    assert outlet_in_html(page) == ("Estuary Gazette", "https://gazette.example/a")
    meta = '<meta property="og:site_name" content="The Harbour Times"><title>A | B</title>'
    assert outlet_in_html(meta)[0] == "The Harbour Times"


def test_identical_and_near_identical_files_are_copies_of_the_first() -> None:
    text = ("The barrier will have six steel gates that close when a surge is forecast.",
            "The council will repay a loan over thirty years.", "Work starts next spring and takes four years.")
    edited = (text[0].replace("will have", "is to have"), *text[1:])
    other = ("Oyster growers fear the silt.", "The flood agency disagrees.")
    docs = [Document(Source(i + 1, f"{i}.txt", f"{i}.txt", digest=str(i)), paras)
            for i, paras in enumerate((text, other, text, edited))]
    assert copies(docs) == {3: 1, 4: 1}


def test_the_bottom_line_agrees_with_the_headline_and_is_never_a_hedged_preview() -> None:
    brief = build_brief([STORIES / "fountain"], load_options(date=DAY))
    assert brief.bottom_line is not None and brief.title == "Ashby fountain flows again after restoration"
    # Not "A public appeal raised 48,000 pounds ...": a detail near the story's centre, but not its news.
    assert brief.bottom_line.text.startswith("The stone fountain in Ashby market square is running again")
    docs = [Document(Source(1, "a.txt", "a.txt", digest="a"), (
        "The envoy was meeting the minister on Monday and a visit to the palace was still in the cards.",
        "The envoy met the minister on Monday for three hours."))]
    from briefer.model import Sentence
    from briefer.story import bottom_line

    sentences = [Sentence(0, k, k, text) for k, text in enumerate(docs[0].paragraphs)]
    line = bottom_line(docs, sentences, [0, 1], [DAY], title="Envoy meets minister")
    assert line is not None and line.text.startswith("The envoy met")


def test_the_bottom_line_counts_outlets_by_the_same_fact_rule() -> None:
    # The rate rise is told by two outlets in other words ("after the ... Bank raised its main interest rate to
    # four percent"): it sums the story better than the third outlet's lead about the two dissenting votes.
    mixed = ROOT / "tests" / "data" / "mixed"
    brief = build_brief([mixed / "bank-ledger.txt", mixed / "bank-post.txt", mixed / "bank-times.txt"],
                        load_options())
    assert brief.bottom_line is not None and "raised its main interest rate" in brief.bottom_line.text
    assert brief.bottom_line.sources == (1, 2)
