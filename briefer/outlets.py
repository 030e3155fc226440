"""Sources a reader can check: who published each article, and which files carry the same text.

1. `outlet_in_lines`: the publisher an article's own lines name, before briefer.clean removes them (the
   cleaner drops these lines from the text; what they say is kept here): a masthead line with a date ("The
   Lakeshore Courier · June 20, 2023"), a "Source: ..." line, a copyright line ("© 2023 Meridian Post
   Media"), a byline's affiliation ("By Jane Roe, Pacific Wire Service") or a dateline's agency tag ("(AP)");
   HTML pages name theirs in og:site_name or the title suffix (read by trafilatura, briefer.read.ingest) and
   feeds in their title (briefer.read.fetch).
2. `copies`: files whose whole text is the same, or nearly (TF-IDF cosine >= `SAME_TEXT`), as an earlier
   one's: listed as "same text as source N" and counted once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import numpy as np

from briefer.dedupe import SimilarityIndex
from briefer.model import Document
from briefer.temporal import published_in_lines
from briefer.text import words

# Whole-text cosine at or above which two files are one text (the sample's wire copy with a few words
# changed measured 0.93 against its original, a wire copy trimmed and re-edited 0.81, distinct outlets'
# stories on one event 0.3-0.6).
SAME_TEXT = 0.9
# An article saved twice, once cut short: its headline has this many words at least (no "Update" or "Latest"), and
# the shorter copy this many paragraphs, every one of them in the longer copy.
MIN_TITLE_WORDS = 4
MIN_SHARED_PARAGRAPHS = 2
_SEP = r"\s*(?:·|\||—|–|--|-|•|,)\s*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A name's small words: "Diário do Vale", "Stage & Score", "Corriere della Sera".
_LINK = r"(?:of|the|and|de|do|da|dos|das|del|della|di|du|des|la|le|van|von|der|den|y|e|&)\s+"
_NAME = rf"((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:{_LINK})?(?:[A-Z][\w&'’.-]*|\d{{1,4}}(?=\s+[A-Z]))){{0,5}})"
# "The Lakeshore Courier · Tuesday, June 20, 2023"; a desk in lower case may stand before the date ("City of Lindby,
# press office, Monday 9 November 2026").
_MASTHEAD = re.compile(rf"^{_NAME}(?:,\s*[a-z][a-z ]{{2,30}})?{_SEP}(?:[A-Z][a-z]+day,?\s+)?"
                       rf"(?:(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}),?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})\b")
# A translation's provenance: "Translated from Spanish. Originally published by La Gaceta del Levante, ...".
# A masthead with the paper's own line after it: "*The Market Grower* - trade news for the fresh produce industry",
# "*Offshore Log - Racing news - Thursday 11 June 2026*".
_TAGLINE = re.compile(rf"^{_NAME}{_SEP}(?:[A-Za-z][a-z&' ]{{0,30}} )?(?:news|magazine|journal|newsletter|bulletin)"
                      rf"(?:\s+(?:for|from|of|since)\b[^.;:]{{0,50}}|{_SEP}(?:[A-Z][a-z]+day,?\s+)?\d[^.;:]{{0,40}})?$")
_FIRST_PUBLISHED = re.compile(rf"^(?:translated from [A-Z][a-z]+\.?\s*)?(?:first|originally) (?:published|appeared) "
                              rf"(?:by|in) {_NAME}", re.I)
# A translator's note, anywhere in its line: "... The original article appeared in Krajské listy on 10 March 2026."
_ORIGINAL_IN = re.compile(r"\b(?i:the) original (?:article|story|report) (?:appeared|was published) (?:by|in) "
                          r"([A-ZÀ-Þ][^.,;]{1,50}?)(?= on \d| in \d|[.,;]|$)")
_SOURCE = re.compile(r"^source\s*:\s*(?:https?://)?(?:www\.)?([\w.-]+(?:\.[a-z]{2,})?|[^.]{2,60}?)\s*\.?$", re.I)
_COPYRIGHT = re.compile(rf"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{{4}}\s*)?{_NAME}", re.I)
_BYLINE = re.compile(rf"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}},\s+{_NAME}\s*$", re.I)
_TAG = re.compile(r"\((AP|AFP|Reuters|UPI|PTI|IANS|ANI|Xinhua|[A-Z]{2,6})\)")
# An agency or outlet in brackets opening a story's first line: "(Valley Wire) About 4,000 homes ...".
LEAD_TAG = re.compile(r"^\(([A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3})\)\s+(?=[A-Z\"“‘])")
# An outlet in a dateline's brackets: "MARROW, Sept 9 (County Wire) - A freight train ..." (the place in capitals).
# ... with no date: "SAINT-MALIN (Coastwire) - Divers have ...".
_DATELINE_TAG = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]+){0,2}(?:,[^()]{0,30}?|\s*)"
                           r"\(([A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3})\)\s*(?:[:—–]|--|-)\s")
_NOT_OUTLET = re.compile(r"\b(?:Desk|Staff|Reporter|Correspondent|Editor|Writer|Columnist|Presenter|Producer|"
                         r"Update|Analysis|Opinion)\b|"
                         r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Yesterday)$")  # a date line's day
# A breadcrumb ("Greenline News > Environment > Wildlife") and a masthead or byline split by bars ("County Echo |
# Nature", "By Marek Oja | Coastline Daily | 5 March 2026"): the part that is a publisher's name.
_CRUMB_SPLIT = re.compile(r"\s+(?:>|»|›)\s+")
_BAR_SPLIT = re.compile(r"\s+(?:\||·|•)\s+")
_NAME_ONLY = re.compile(rf"(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:{_LINK})?[A-Z][\w&'’.-]*){{1,5}}")
# Section names a crumb or masthead also holds; a "name" made only of these is a section, not a publisher.
_SECTION_WORDS = frozenset({
    "home", "news", "world", "local", "national", "international", "business", "money", "economy", "markets",
    "politics", "sport", "sports", "culture", "arts", "science", "tech", "technology", "environment", "nature",
    "opinion", "latest", "top", "stories", "region", "regional", "europe", "asia", "africa", "americas", "middle",
    "east", "us", "uk", "the", "and", "of"})
# The last word of a newspaper's or a station's name.
_PAPER = re.compile(r"\b(?:Gazette|News|Times|Post|Courier|Herald|Journal|Echo|Chronicle|Mail|Express|Telegraph|"
                    r"Tribune|Standard|Observer|Guardian|Record|Press|Star|Mirror|Bulletin|Argus|Advertiser|Sentinel|"
                    r"Examiner|Wire|Daily|Weekly|Radio|Mercury|Dispatch|Register|Messenger|Citizen|Leader|Voice|"
                    r"Clarion|Courant|Today|Live|FM|Sound|Gleaner|Enquirer|Inquirer|Globe|Advocate|Review|Agency|Service|"
                    r"Network|Online|Association|Digest|Monitor|Bugle|Informer|Despatch|Champion|Beacon|Pioneer|"
                    r"Reporter|Packet|Banner|Sun)$")
_DATEISH = re.compile(rf"\d|\b{_MONTH}\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
MAX_CRUMB_WORDS = 14
RELEASE = re.compile(r"^(?:PRESS|NEWS|MEDIA) RELEASE\b|^FOR IMMEDIATE RELEASE\b", re.I)
# A label of an issuer's own text over it: a release's, or a statement's ("OFFICIAL STATEMENT", "Club statement"
# alone on its line), with nothing else on the line but a date ("Issued: Monday 8 June 2026").
RELEASE_LABEL = re.compile(r"^(?:(?:(?:press|news|media) release|for immediate release|(?:official|media|press|club) "
                           r"statement|statement)(?:\s*[:,–—-]?\s*.{0,40}\d.{0,20})?\s*:?|"
                           r"issued\s*:?\s+.{0,40}\d.{0,20}|"
                           # ... or its issuer's name before it: "FELLSHIRE POLICE - NEWS RELEASE"
                           r"[A-Z][\w'’.&]*(?:\s+[\w'’.&]+){0,6}\s+[–—|:-]\s+(?:press|news|media) release)$", re.I)
# An issuer's name on its own line beside that label ("UNIVERSITY OF KELSFORD", "Glenarrow and Orrisdale Health
# Board"): capitalised words, with "of", "and", "the", "&" between them.
_ISSUER = re.compile(r"^(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|the|for|&|OF|AND|THE|FOR)\s+)?"
                     r"[A-Z][\w'’.-]*){0,7}$")
# "About Helmby Airport" alone on its line, or run into the paragraph it heads ("About Veltra Biologics Veltra
# Biologics is a privately held company ...": a heading without a blank line after it).
ABOUT = re.compile(r"^About ((?:[A-Z][\w&'’.-]*\s?){1,6})$|^About ((?:[A-Z][\w&'’.-]*\s){1,6})\2")
HEAD_LINES = 8
TAIL_LINES = 4


# Words a masthead in capitals keeps in capitals: "WESTMOOR FM NEWS" is Westmoor FM News.
_ACRONYMS = frozenset({"FM", "AM", "TV", "UK", "US", "EU", "BBC", "ITV", "CNN", "ABC", "NBC", "CBS", "DAB", "CIC"})
# ... and the small words it writes in lower case after the first: "UNIVERSITY OF KELSFORD" is University of Kelsford.
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at"})


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,;:")
    if " " in name and name.isupper():  # a masthead set in capitals: "RAIL WORKS WEEKLY" is Rail Works Weekly
        name = " ".join(w if w in _ACRONYMS else w.lower() if k and w.lower() in _SMALL_WORDS else w.title()
                        for k, w in enumerate(name.split()))
    return "" if _NOT_OUTLET.search(name) or len(name) < 2 else name


def is_paper_name(line: str) -> bool:
    """Whether `line` is a paper's or a station's name set in capitals on a line of its own ("HEMBURY HERALD",
    "SHORELINE RADIO NEWS"): a masthead, not a headline."""
    bare = _paper_name(line)
    name = bare.title()
    return bare.isupper() and len(bare.split()) <= PAPER_NAME_WORDS and _NAME_ONLY.fullmatch(name) is not None \
        and _PAPER.search(name) is not None and bool(_clean(name))


def names_paper(line: str) -> bool:
    """Whether `line` is only a paper's name, in any case ("Oakbridge Evening Post", "*Westvale News*")."""
    bare = line.strip().strip("*_ ")
    return len(bare.split()) <= PAPER_NAME_WORDS and _NAME_ONLY.fullmatch(bare) is not None \
        and _PAPER.search(bare) is not None and bool(_clean(bare))


def _paper_name(line: str) -> str:
    """A masthead line's name, without a station's frequency ("SKERRIN SOUND 104.6 FM" is SKERRIN SOUND)."""
    return _FREQUENCY.sub("", line.strip().strip("*_ "))


_FREQUENCY = re.compile(r"\s+\d{2,3}(?:\.\d)?\s*(?:FM|AM|MHz)$", re.I)
# Words of a paper's name in capitals on a line of its own, at most.
PAPER_NAME_WORDS = 5


def is_masthead(line: str) -> bool:
    """Whether `line` is a masthead: a publisher's name and a date, and nothing else ("RAIL WORKS WEEKLY -- Monday 2
    March 2026", "The Lakeshore Courier · Tuesday, June 20, 2023")."""
    # (... with its byline after it: "*Vale Film Notes, Tuesday 19 May 2026. By Kit Ormerod.*")
    text = _BYLINE_AFTER.sub("", line.strip().strip("*_ "))
    m = _MASTHEAD.match(text)
    return m is not None and not text[m.end():].strip(" .") and bool(_clean(m.group(1)))


# A paper's own line after its name on the masthead: "Your town, your news since 1871", "Serving Lenhurst and the Lenn
# Valley", "The voice of the valley since 1902".
_OWN_LINE = re.compile(r"^(?:your|serving|covering|the voice of|news (?:for|from)|proudly|independent)\b[^.!?]{0,60}$|"
                       r"\bsince (?:1[6-9]|20)\d\d$", re.I)
_NAME_THEN = re.compile(r"\s(?:\||·|•|—|–|-)\s")


def masthead_with_tagline(line: str) -> bool:
    """Whether `line` is a paper's name and its own line after it, on the masthead ("THE HARBURY CHRONICLE | Your
    town, your news since 1871"): no headline, though its second part reads like one."""
    parts = _NAME_THEN.split(line.strip().strip("*_ "), maxsplit=1)
    return len(parts) == 2 and (is_paper_name(parts[0]) or names_paper(parts[0])) \
        and _OWN_LINE.search(parts[1].strip()) is not None


_BYLINE_AFTER = re.compile(r"[.,|·—-]?\s+[Bb]y [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}\.?$")


# A release's embargo line: "EMBARGOED UNTIL 21:45 BST, TUESDAY 6 OCTOBER 2026".
EMBARGO = re.compile(r"^(?:embargoed|under embargo|embargo)\b[^.!?]{0,60}$", re.I)


def beside_label(lines: Sequence[str], k: int) -> bool:
    """Whether line k has a release's or statement's label (`RELEASE_LABEL`, not an "Issued:" line) just before or
    after it, an embargo line between them aside ("PRESS RELEASE" / "EMBARGOED UNTIL ..." / "The Vellacott Trust")."""
    return any(0 <= j < len(lines) and RELEASE_LABEL.match(lines[j].strip()) is not None
               and not lines[j].strip().lower().startswith("issued")  # ("Issued: Monday 8 June 2026")
               and (abs(j - k) == 1 or EMBARGO.match(lines[(j + k) // 2].strip()) is not None)
               for j in (k - 2, k - 1, k + 1, k + 2))


def release_issuer(head: Sequence[str]) -> str:
    """The issuer a release or statement names on a line of its own beside its label (`beside_label`): "ELLISFORD
    ROVERS FOOTBALL CLUB" over "OFFICIAL STATEMENT" is Ellisford Rovers Football Club; "" when none."""
    lines = [line.strip() for line in head]
    # (... or before the label on its line: "FELLSHIRE POLICE - NEWS RELEASE".)
    named = next((m["issuer"] for line in lines if (m := _ISSUER_LABEL.match(line))), None)
    if named and _ISSUER.match(named) and not _DATEISH.search(named):
        return _clean(named)
    return next((_clean(_DIVISION.split(line, maxsplit=1)[0]) for k, line in enumerate(lines)
                 if issuer_line(line) and beside_label(lines, k)), "")


_ISSUER_LABEL = re.compile(r"^(?P<issuer>[A-Z][\w'’.&]*(?:\s+[\w'’.&]+){0,6})\s+[–—|:-]\s+"
                           r"(?:press|news|media) release$",
                           re.I)


# The part of an issuer named after a dash: "Northline Rail - Western Fells route" is Northline Rail's.
_DIVISION = re.compile(r"\s+[-–—|]\s+(?=[A-Z][\w'’ ]{0,40}$)")


def issuer_line(line: str) -> bool:
    """Whether `line` is only a name of the kind that issues releases (`_ISSUER`), no label, date or paper name;
    a part of it may follow a dash (`_DIVISION`)."""
    line = _DIVISION.split(line.strip(), maxsplit=1)[0]
    return bool(_ISSUER.match(line)) and not RELEASE_LABEL.match(line) and not _DATEISH.search(line) \
        and len(line.split()) >= 2


def outlet_in_lines(lines: Sequence[str]) -> str:
    """The publisher an article's masthead, source, copyright, byline or dateline lines name, or ""."""
    head, tail = list(lines[:HEAD_LINES]), list(lines[-TAIL_LINES:])
    # A press release is its issuer's: "PRESS RELEASE" ... "About Helmby Airport" (not the "Helmby, 19 June 2026"
    # line of place and date, which reads like a masthead).
    if any(RELEASE.match(line.strip()) for line in head):
        issuer = next(((m.group(1) or m.group(2)).strip() for line in lines if (m := ABOUT.match(line.strip()))),
                      "")
        if issuer:
            return issuer
    if (issuer := release_issuer(head)):
        return issuer
    # A paper's name in capitals on the first line, over its headline ("HEMBURY HERALD"), before a copyright line's
    # company ("Northmere Mercury Ltd").
    if head and is_paper_name(head[0]):
        return _clean(_paper_name(head[0]))
    for pattern, where in ((_MASTHEAD, head), (_TAGLINE, head), (_SOURCE, tail + head), (_COPYRIGHT, tail + head),
                           (_BYLINE, head), (_FIRST_PUBLISHED, head)):
        for line in where:
            m = pattern.match(re.sub(r"[*_]", "", line).strip() if pattern in (_TAGLINE, _MASTHEAD) else line.strip())
            if pattern is _MASTHEAD and m and m.group(1).isupper() and line.strip()[m.end(1):].lstrip()[:1] == ",":
                continue  # "VESSBY, 11 May 2026 (Nordpress) - ...": a dateline's place, not a masthead
            # (... nor a place of one word over the date, when a copyright or source line names the paper:
            # "Marlhaven, Tuesday 3 March 2026" above "(c) Harnford Mercury 2026".)
            if pattern is _MASTHEAD and m and " " not in m.group(1).strip() and not _PAPER.search(m.group(1)) \
                    and any(_COPYRIGHT.match(t.strip()) or _SOURCE.match(t.strip()) for t in tail + head):
                continue
            # (A copyright line's name ends at its full stop: "Copyright 2026 Pacific Wire. All rights reserved.")
            found = re.split(r"\.\s", m.group(1))[0] if m and pattern is _COPYRIGHT else m.group(1) if m else ""
            if m and (name := _clean(found)):
                return name
    for line in tail + head:
        if "original" in line and (m := _ORIGINAL_IN.search(line)) and (name := _clean(m.group(1))):
            return name
    for line in head:
        if (name := _named_part(line.strip().strip("*_ "))):
            return name
    # A paper's name on the first line, over the date: "NORTHGATE POST" / "Saturday 11 April 2026"; "Brackenford
    # Evening Post" / "Tuesday 8 December 2026, 6.05pm".
    # (A name in capitals was read above, over its headline or its date alike.)
    first = head[0].strip().strip("*_ ") if head else ""
    # (... or over a breadcrumb: "Oakbridge Evening Post" / "Home > Sport > Football".)
    if head and len(first.split()) <= 5 and len(head) > 1 \
            and (published_in_lines(head[1:2]) or len(_CRUMB_SPLIT.split(head[1])) > 1) \
            and _NAME_ONLY.fullmatch(first) and _PAPER.search(first) and (name := _clean(first)):
        return name
    for line in head[1:]:  # a paper's name alone on its line under the headline: "Combe Gazette", "*Westvale News*"
        bare = line.strip().strip("*_ ")
        if len(bare.split()) <= 5 and _NAME_ONLY.fullmatch(bare) and _PAPER.search(bare) and (name := _clean(bare)):
            return name
    for line in head:
        lead = LEAD_TAG.match(line.strip()) or _DATELINE_TAG.match(line.strip())
        if lead and (name := _clean(lead.group(1))):
            return name
    for line in head + tail:
        tag = _TAG.search(line)
        if tag and len(line.split()) <= 60:
            return tag.group(1)
    return ""


def _named_part(line: str) -> str:
    """A publisher's name as the first part of a breadcrumb, or as a part of a `|` masthead or byline that is
    neither a byline, a date nor a section name; "" otherwise."""
    if len(line.split()) > MAX_CRUMB_WORDS:
        return ""
    crumbs = _CRUMB_SPLIT.split(line)
    parts = crumbs[:1] if len(crumbs) > 1 else _BAR_SPLIT.split(line) if _BAR_SPLIT.search(line) else []
    # (A masthead's first part may be one word, before a section and a date: "**Coastwise** | Fishing & Ports | 24
    # September 2026".)
    dated = len(crumbs) == 1 and len(parts) > 2 and bool(_DATEISH.search(parts[-1]))
    for k, part in enumerate(parts):
        part = part.strip(" *_")
        one_word = dated and k == 0 and re.fullmatch(r"[A-Z][a-z][\w&'’.-]+", part) is not None
        if ((_NAME_ONLY.fullmatch(part) or one_word) and not part.lower().startswith("by ")
                and not _DATEISH.search(part) and not set(part.lower().split()) <= _SECTION_WORDS
                and (name := _clean(part))):
            return name
    return ""


# Bounded repeats: a page of "<meta" without ">" cannot make the search quadratic.
_META = re.compile(r"<meta\s[^>]{0,300}?(?:property|name)\s*=\s*[\"'](?:og:site_name|application-name|publisher)[\"']"
                   r"[^>]{0,300}>", re.I)
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"'<>]{1,80})[\"']", re.I)
_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.I)
_CANONICAL = re.compile(r"<link\s[^>]{0,300}?rel\s*=\s*[\"']canonical[\"'][^>]{0,600}>", re.I)
_HREF = re.compile(r"href\s*=\s*[\"'](https?://[^\"'<>\s]{1,500})[\"']", re.I)
HTML_HEAD_CHARS = 20_000  # the <head> of any page; a hostile page cannot make the search long


def outlet_in_html(page: str) -> tuple[str, str]:
    """(site name, canonical URL) an HTML page declares: og:site_name, else its <title>'s suffix."""
    head = page[:HTML_HEAD_CHARS]
    name = ""
    meta = _META.search(head)
    if meta and (content := _CONTENT.search(meta.group())):
        name = _clean(content.group(1))
    if not name and (title := _TITLE.search(head)):
        name = title_suffix(" ".join(title.group(1).split()))
    canonical = _CANONICAL.search(head)
    href = _HREF.search(canonical.group()) if canonical else None
    return name, href.group(1) if href else ""


# The publication date a page declares in its head (Open Graph's article:published_time, schema.org's
# datePublished, the older pubdate / DC.date names): the publisher's own word, read before any guess from the text.
_DATE_META = re.compile(r"<meta\s[^>]{0,300}?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|"
                        r"og:published_time|datePublished|pubdate|publishdate|publish-date|dc\.date|dcterms\.created)"
                        r"[\"'][^>]{0,300}>", re.I)
_ISO_DAY = re.compile(r"content\s*=\s*[\"']\s*(\d{4}-\d{2}-\d{2})", re.I)


def published_in_html(page: str) -> dt.date | None:
    """The day an HTML page's head says it was published, or None."""
    for meta in _DATE_META.finditer(page[:HTML_HEAD_CHARS]):
        if (day := _ISO_DAY.search(meta.group())) is not None:
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(day.group(1))
    return None


# The times a page's head gives for its publication and its last change (Open Graph's article:modified_time and
# og:updated_time, schema.org's dateModified in a meta or in JSON-LD), each to the minute.
_STAMP = re.compile(r"(?:article:published_time|article:modified_time|og:updated_time|og:published_time|"
                    r"datePublished|dateModified)[\"']?[^>]{0,200}?[\"'](\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"
                    r"(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)[\"']", re.I)


def stamp_in_html(page: str) -> dt.datetime | None:
    """The latest time an HTML page's head gives for its publication or last change (in UTC when it names a zone),
    or None when it gives no time of day: what orders the saves of one page on one day."""
    found = []
    for match in _STAMP.finditer(page[:HTML_HEAD_CHARS]):
        with contextlib.suppress(ValueError):
            when = dt.datetime.fromisoformat(match.group(1).replace("Z", "+00:00"))
            found.append(when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when)
    return max((when for when in found if when.time() != dt.time()), default=None)  # (midnight: a bare date)


def host(url: str) -> str:
    """A web address's host without "www.": the outlet of last resort for a page."""
    if not url.startswith(("http://", "https://")):
        return ""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def title_suffix(title: str) -> str:
    """The site name a page title ends with: "Blinken and Qin hold talks | The Meridian Post" -> "The Meridian Post"."""
    parts = re.split(r"\s+[|–—-]\s+", title)
    return parts[-1].strip() if len(parts) > 1 and 1 <= len(parts[-1].split()) <= 5 else ""


def _updated(earlier: Document, later: Document) -> bool:
    """Whether `later` holds every paragraph of `earlier` and news besides (a sentence of `UPDATE_WORDS` or more)."""
    before = set(earlier.paragraphs)
    added = [p for p in later.paragraphs if p not in before]
    return before <= set(later.paragraphs) and any(len(p.split()) >= UPDATE_WORDS for p in added)


UPDATE_WORDS = 8


def copies(documents: Sequence[Document]) -> dict[int, int]:
    """Source id of each document whose text is (nearly) an earlier document's -> that earlier source's id."""
    texts = [" ".join(d.paragraphs) for d in documents]
    if len(texts) < 2:
        return {}
    # Each paragraph's (cached) tokens: no token spans the space that joins them, so these are the text's words,
    # and cleaning tokenised the same lines already (the whole texts took 0.45 s at 30,000 sentences).
    index = SimilarityIndex.build(texts, [[w for p in d.paragraphs for w in words(p)] for d in documents])
    sims = index.similar(range(len(texts)))
    by_digest: dict[str, list[int]] = {}
    for i, d in enumerate(documents):
        by_digest.setdefault(d.source.digest, []).append(i)
    out: dict[int, int] = {}
    for j in range(len(texts)):
        # The earlier documents with the same digest or text, in order (a loop over every earlier one was
        # 500,000 steps for 1,000 articles).
        same = sorted({*np.flatnonzero(sims[:j, j] >= SAME_TEXT).tolist(),
                       *(i for i in by_digest[documents[j].source.digest] if i < j)})
        for i in same:
            # (A page saved again later with news added above all of its earlier text is an update, not a copy:
            # "UPDATE 18:00 Evacuated residents were allowed to go back ..." over the 13:00 page.)
            if documents[i].source.id not in out and not _updated(documents[i], documents[j]):
                out[documents[j].source.id] = documents[i].source.id
                break
    # One article saved twice, once cut short (a paywalled page and its print copy): the same headline, and the
    # shorter one's paragraphs all in the longer one. The shorter is the copy, whichever came first.
    by_title: dict[str, list[int]] = {}
    for i, d in enumerate(documents):
        if len((d.title or "").split()) >= MIN_TITLE_WORDS:
            by_title.setdefault(d.title.casefold().strip(), []).append(i)
    for group in by_title.values():
        for i, j in itertools.combinations(group, 2):
            short, long = sorted((i, j), key=lambda k: (len(documents[k].paragraphs), k))
            a, b = documents[short], documents[long]
            if a.source.id in out or b.source.id in out or len(a.paragraphs) < MIN_SHARED_PARAGRAPHS:
                continue
            # (The cut paragraph is the start of the longer copy's.)
            whole = set(b.paragraphs)
            if all(p in whole or any(q.startswith(p) for q in b.paragraphs) for p in a.paragraphs):
                out[a.source.id] = b.source.id
    return out
