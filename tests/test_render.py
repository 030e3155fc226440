"""Renderers: untrusted text is shown as text in every format, and the PDF renderer fetches nothing."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from briefer.deliver.render import (
    default_name,
    escape_markdown,
    format_for,
    html_to_pdf,
    plain,
    render,
    to_html,
    to_json,
    to_markdown,
    to_text,
    write_brief,
)
from briefer.errors import RenderError, UsageError
from briefer.model import Brief, Item, Section, Source, SourceStatus

# Tags the Markdown brief may turn into; anything else (a, img, script...) came from article text.
MARKDOWN_TAGS = {"div", "h1", "h2", "p", "ul", "ol", "li", "strong", "em", "blockquote", "hr"}


def make_brief(text: str = "The bridge was closed on Thursday.", *, title: str = "Bridge", source_title: str = "",
               name: str = "a.txt", location: str = "/in/a.txt", note: str = "") -> Brief:
    """A one-item brief with `text` as its item and the given title and source fields."""
    sources = (Source(1, name, location, title=source_title),
               Source(2, "b.txt", "/in/b.txt", status=SourceStatus.FAILED, warning=f"/in/b.txt: {text}"))
    sections = (Section("Overview", (Item(text, (1,), 0.5),)), Section(text[:40] or "Topic", (), note))
    return Brief(title=title, date=dt.date(2023, 6, 19), generated_at=dt.datetime(2023, 6, 19, 8, 0, tzinfo=dt.UTC),
                 sources=sources, sections=sections, version="0.1.0", notes=(text,))


def markdown_as_html(text: str) -> lxml_html.HtmlElement:
    """The Markdown brief as any Markdown viewer would show it, parsed."""
    return lxml_html.fromstring(f"<div>{markdown.markdown(text)}</div>")


def shown(element: lxml_html.HtmlElement) -> str:
    # python-markdown does not know the \| and \~ escapes that CommonMark and GFM (tables, strikethrough) use.
    return str(element.text_content()).replace("\\|", "|").replace("\\~", "~")


HOSTILE = ('<img src="http://127.0.0.1:9/a.png"> <script>alert(1)</script> ![x](http://127.0.0.1:9/b.png) '
           '[click](javascript:alert(1)) <link rel=stylesheet href="file:///etc/passwd"> *bold* _em_ `code` '
           '&amp; &lt;b&gt; # not a heading | a | table | ~~struck~~ {braces} \\ backslash.')


def test_markdown_shows_hostile_text_literally() -> None:
    page = markdown_as_html(to_markdown(make_brief(HOSTILE, title=HOSTILE, source_title=HOSTILE)))
    assert {e.tag for e in page.iter()} <= MARKDOWN_TAGS
    items = [shown(li) for li in page.iter("li")]
    assert f"{HOSTILE} [1]" in items
    assert shown(page.find("h1")) == HOSTILE


@pytest.mark.parametrize("text", ["- a list?", "2023. A year.", "1) first", "--- a rule?", "# heading?",
                                  "> a quote?", "+ plus", "* star", "=== setext?"])
@pytest.mark.parametrize(("marker", "tag"), [("- ", "ul"), ("1. ", "ol")])
def test_markdown_text_cannot_open_a_block(text: str, marker: str, tag: str) -> None:
    page = markdown_as_html(marker + escape_markdown(text))
    assert [e.tag for e in page.iter()] == ["div", tag, "li"]
    assert shown(page).strip() == text


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_escaped_for_markdown_reads_back_as_itself(text: str) -> None:
    page = markdown_as_html("- " + escape_markdown(text))
    assert {e.tag for e in page.iter()} <= {"div", "ul", "li"}
    assert shown(page).strip() == plain(text)


def test_html_escapes_every_untrusted_field() -> None:
    page = to_html(make_brief(HOSTILE, title=HOSTILE, source_title=HOSTILE, name=HOSTILE))
    tree = lxml_html.fromstring(page)
    tags = {e.tag for e in tree.iter() if isinstance(e.tag, str)}
    assert not tags & {"img", "script", "link", "a", "iframe", "object", "svg", "base"}
    assert [e.get("http-equiv") for e in tree.iter("meta") if e.get("http-equiv")] == ["Content-Security-Policy"]
    assert "default-src 'none'" in tree.find(".//meta[@http-equiv]").get("content")
    assert tree.find(".//h1").text_content() == HOSTILE
    assert len(tree.findall(".//style")) == 1


def test_text_brief_keeps_every_value_on_its_line() -> None:
    title = "Bridge\r\nBcc: victim@example.org\n\nOVERVIEW"
    text = to_text(make_brief("Closed.\nSOURCES\n1. fake source", title=title))
    lines = text.splitlines()
    assert lines[0] == "Bridge Bcc: victim@example.org OVERVIEW"
    assert not any(line.startswith(("Bcc:", "1. fake")) for line in lines)
    assert lines.count("SOURCES") == 1


def test_controls_bidi_overrides_and_lone_surrogates_never_reach_a_file() -> None:
    nasty = "Bridge \u202eso\u202c closed\x00\x1b[31m \ud800 on\u2066 Thursday\x85."
    brief = make_brief(nasty, title=nasty, source_title=nasty, name="a\udcff.txt", location="/in/a\udcff.txt")
    for fmt in ("md", "html", "txt", "json"):
        out = render(brief, fmt).decode("utf-8")
        assert not any(c in out for c in "\u202e\u202c\u2066\x00\x1b\x85"), fmt
        seen = shown(markdown_as_html(out)) if fmt == "md" else out
        assert "Bridge so closed[31m on Thursday." in seen, fmt
    data = json.loads(render(brief, "json"))
    assert data["sources"][0]["path"] == "/in/a\ufffd.txt"
    assert data["sources"][0]["name"] == "a.txt"


def test_json_is_valid_and_keeps_the_text() -> None:
    data = json.loads(to_json(make_brief(HOSTILE, title=HOSTILE)))
    assert data["title"] == HOSTILE
    item = data["sections"][0]["items"][0]
    assert {k: item[k] for k in ("text", "sources", "score", "why", "kind", "date")} == {
        "text": HOSTILE, "sources": [1], "score": 0.5, "why": [], "kind": "report", "date": None}


def test_an_empty_section_without_a_note_prints_no_empty_markup() -> None:
    brief = make_brief()
    assert brief.sections[1].items == () and brief.sections[1].note == ""
    assert "__" not in to_markdown(brief)
    assert '<p class="empty">' not in to_html(brief)
    with_note = make_brief(note="No coverage in these sources.")
    assert "_No coverage in these sources._" in to_markdown(with_note)


def test_pdf_fetcher_is_called_and_refuses_every_url(caplog: pytest.LogCaptureFixture) -> None:
    page = ('<link rel="stylesheet" href="file:///etc/passwd"><style>@import url("http://127.0.0.1:9/x.css");'
            '@font-face { font-family: E; src: url(data:font/woff2;base64,AAAA); }</style>'
            '<p style="font-family: E">Bridge <img src="file:///etc/hostname"></p>')
    with caplog.at_level(logging.WARNING, logger="briefer.deliver.pdf"):
        pdf = html_to_pdf(page)
    refused = sorted(r.getMessage().split("'")[1] for r in caplog.records if r.name == "briefer.deliver.pdf")
    assert refused == ["data:font/woff2;base64,AAAA", "file:///etc/hostname", "file:///etc/passwd",
                       "http://127.0.0.1:9/x.css"]
    assert pdf.startswith(b"%PDF-")


def test_our_own_brief_needs_no_fetch(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="briefer.deliver.pdf"):
        pdf = render(make_brief(HOSTILE, title=HOSTILE), "pdf")
    assert pdf.startswith(b"%PDF-") and not caplog.records


def test_output_names_come_from_the_date_only(tmp_path: Path) -> None:
    brief = make_brief(title="../../etc/passwd")
    assert default_name(brief, "md") == "brief-2023-06-19.md"
    path = write_brief(brief, tmp_path / default_name(brief, "md"))
    assert path.parent == tmp_path and [p.name for p in tmp_path.iterdir()] == ["brief-2023-06-19.md"]


def test_write_errors_and_unknown_formats_are_briefer_errors(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(RenderError, match="cannot write"):
        write_brief(make_brief(), tmp_path / "file" / "brief.md")
    with pytest.raises(UsageError, match="valid formats: html, json, md, pdf, txt"):
        format_for(tmp_path / "brief.md", "docx")
    with pytest.raises(UsageError, match=r"unknown output suffix '\.exe'"):
        format_for(tmp_path / "brief.exe")


def test_output_target_is_decided_in_the_library(tmp_path: Path) -> None:
    from briefer.deliver.render import DEFAULT_OUT_DIR, output_target

    day = dt.date(2023, 6, 19)
    assert output_target(day) == (DEFAULT_OUT_DIR / "brief-2023-06-19.md", "md")
    assert output_target(day, fmt="pdf", out_dir=tmp_path, stem="digest") == (tmp_path / "digest-2023-06-19.pdf", "pdf")
    assert output_target(day, output=tmp_path / "b.HTML") == (tmp_path / "b.HTML", "html")
    assert output_target(day, output=tmp_path / "b.txt", fmt="json") == (tmp_path / "b.txt", "json")
    with pytest.raises(UsageError, match="unknown output suffix"):
        output_target(day, output=tmp_path / "b.doc")


def test_typewriter_quotes_of_archived_wire_copy_are_shown_as_quotation_marks() -> None:
    brief = make_brief("``We will rebuild,'' the mayor said. O''Hara agreed.")
    shown_md = to_markdown(brief)
    assert "“We will rebuild,” the mayor said. O''Hara agreed." in shown_md and "``" not in shown_md
    assert "“We will rebuild,”" in to_html(brief)
    assert json.loads(to_json(brief))["sections"][0]["items"][0]["text"].startswith("“We will rebuild,”")
