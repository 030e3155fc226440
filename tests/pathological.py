"""Inputs of the shapes that once made a stage superlinear, at any scale (issue 11); written for these tests.

Each shape maps a scale `n` to an input whose size grows linearly in `n`. `tests/test_linear.py` times
each stage on 1x and 4x and asserts near-linear growth; `python -m bench.pathological` prints the times.
"""

from __future__ import annotations

from collections.abc import Callable

from briefer.model import Document, RawSource, Source

_ARTICLE = "<p>" + " ".join(
    ["The harbour council voted on Tuesday to close the old swing bridge for repairs after a winter of storms."] * 3
) + "</p>"

# Splitter: one paragraph each. Ellipses made every "…" re-split the sentence so far (quadratic).
SPLITTER: dict[str, Callable[[int], str]] = {
    "ellipses": lambda n: " … … Zz of the" * n,
    "spaced-dots": lambda n: " . . . Zz of the" * n,
    "initials": lambda n: "J. R. " * n,
    "abbreviations": lambda n: "the U.S. Corp. St. Inc. " * n,
    "quoted-questions": lambda n: "“Why?” Zz Yy asked. " * n,
}


def _one_line(text: str) -> list[Document]:
    return [Document(source=Source(id=1, name="a.txt", location="a.txt"), paragraphs=(text,))]


# Cleaner: one document. An unclosed "(AP" or "(Reuters photo" made the photo-credit pattern quadratic.
CLEANER: dict[str, Callable[[int], list[Document]]] = {
    "agency-tags": lambda n: _one_line("(AP word " * n + "end."),
    "photo-tags": lambda n: _one_line("(Reuters photo " * n + "end."),
    "crumbs": lambda n: _one_line("Home » News » " * n + "end."),
    "many-short-lines": lambda n: [Document(source=Source(id=1, name="a.txt", location="a.txt"),
                                            paragraphs=tuple(f"Line {i} of the page" for i in range(n)))],
}


def _page(body: str) -> RawSource:
    page = (f"<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>{_ARTICLE * 5}{body}"
            "</article></body></html>")
    return RawSource(location="page.html", name="page.html", data=page.encode(), content_type="text/html")


# HTML extraction: jusText (trafilatura's fallback) compares neighbouring blocks in quadratic time.
HTML: dict[str, Callable[[int], RawSource]] = {
    "table-rows": lambda n: _page("<table>" + "<tr><td>a 1</td><td>b</td></tr>" * n + "</table>"),
    "links": lambda n: _page("".join(f'<p><a href="/x{i}">Link number {i}</a></p>' for i in range(n))),
    "list-items": lambda n: _page("<ul>" + "<li>one item</li>" * n + "</ul>"),
}
