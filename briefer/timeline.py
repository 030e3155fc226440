"""Timeline and what comes next: dated events in date order, and the scheduled or expected ones.

1. each quotable sentence is dated by briefer.temporal against its source's publication date (or the
   brief's date when none is known) and classed as a report, a preview or background;
2. the timeline holds reports and background with a date on or before the brief's date, one version of
   each fact (the sources that state it credited), the most widely stated facts first, at most
   `MAX_PER_DATE` a date, shown in date order;
3. what comes next holds previews of events (visits, meetings, deadlines, reviews ...) dated after the
   newest source, or undated; a preview of a day already reported on is history, not news.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from briefer.dedupe import SAME_FACT, SimilarityIndex
from briefer.model import Dated, Item
from briefer.supersede import (
    COPULA,
    SUPERSEDE_COSINE,
    moved_from,
    plan_missing,
    revised_count,
    revises,
    state_overturned,
)
from briefer.temporal import When, classify, event_date, explicit_year, preview_day, told_in_past
from briefer.text import STOP_WORDS, stem

MAX_EVENTS = 8
MAX_PER_DATE = 2
_HAD_BEEN_DUE = re.compile(r"\b(?:had been|was|were) (?:due|expected|scheduled|set|planned|meant) to\b", re.I)
# A state told in the present tense: "is in a critical condition", "remains closed", "are still missing".
_PRESENT_STATE = re.compile(r"\b(?:is|are|remains|remain|stays|stay)\s+(?:still\s+|now\s+)?(?:in\s+(?:a\s+)?)?"
                            r"(?:critical|serious|closed|shut|missing|at large|trapped|stranded|suspended|paused|"
                            r"in hospital|in intensive care|under investigation|unknown)\b", re.I)
MAX_NEXT = 4
# A preview only articles older than the newest state is overtaken when the newest came at most this many days
# later (a story's run of articles; the QA stories span two to four days).
OVERTAKEN_DAYS = 14
# Previews of a next step: plans, schedules and expectations (not "could" or "may": those are speculation).
_AHEAD_WORDS = re.compile(
    r"\b(?:will|'ll|’ll|(?:is|are) (?:all |also |now |still )?(?:due|set|scheduled|expected|poised|slated|going|"
    r"likely) to|(?:is|are) (?:all |also |now |still )?due (?:at|in|back|home|on)|plans? to|expects? (?:\w+ ){1,3}to|"
    r"(?:is|are) to (?!be\b)\w+|scheduled for|planned for|upcoming|next (?:week|month|year)|later this|"
    r"in the coming (?:days|weeks|months)|agreed to|invitation (?:\S+ ){0,3}?to)\b", re.I)
_WOULD = re.compile(r"\b(?:would|should)\b", re.I)
# A reported plan with a time limit ahead ("said it would publish a full account within four weeks"), and a request
# for a day ahead ("have asked Holm to appear before the committee on 24 September").
_WITHIN = re.compile(r"\bwithin (?:a|an|one|two|three|four|five|six|eight|ten|twelve|\d+|the next(?: \w+)?) "
                     r"(?:days?|weeks?|months?|years?)\b", re.I)
_ASKED_TO = re.compile(r"\b(?:asked|invited|told|ordered|summoned|urged|called on)\s+(?:[\w'’-]+\s+){1,3}?to\s+\w+",
                       re.I)
# An event called off: "will not now open on Wednesday", "would no longer go ahead".
_CALLED_OFF = re.compile(r"\b(?:will|would|is|are) (?:not|no longer) (?:now )?(?:\w+ ){0,2}?(?:open|reopen|go ahead|"
                         r"take place|run|start|happen|be held|close|shut)\b(?![^.;]{0,40}\buntil\b)|"
                         # ... or a plan dropped: "has reversed its decision to close its Hollin Bridge branch in June"
                         r"\b(?:reversed|dropped|scrapped|abandoned|withdrawn|shelved|ditched|overturned|threw out|"
                         r"thrown out|rejected|voted down) (?:its|their|the|a|his|her) (?:own )?(?:[\w'’]+ )?"
                         r"(?:decision|plan|plans|proposal|proposals) to\b", re.I)
# Quoted words (curly, straight, and the `` '' of older newswire), and a cheap test for any.
_QUOTATION = re.compile(r"“[^”]*”?|\"[^\"]*\"?|``.*?(?:''|$)")
_QUOTE_OPEN = re.compile(r"[“\"]|``")


def outside_quotes(text: str) -> str:
    """`text` with its quotations blanked out (same length, so positions stand)."""
    return _QUOTATION.sub(lambda m: " " * len(m.group()), text) if _QUOTE_OPEN.search(text) else text


# What an expected event is about: a sentence previewing one of these is a next step, not a forecast.
_WILL = re.compile(r"will\b", re.I)
# A day a state lasts until, not an event's ("its 600 residents will stay in Brennhavn until at least Monday").
_UNTIL_DAY = re.compile(r"^(?!.*\b(?:not|n't|no longer)\b).*\b(?:until|till)(?: at least)?(?: next)?\s+$", re.I | re.S)
def _will_on_day(text: str, when: When, modal: re.Match[str] | None) -> bool:
    """Whether `text` tells what will be done, or what starts, on the day `when` names (a day, not "until" it)."""
    if when.precision != "day":
        return False
    at = max(text.find(when.phrase), 0)
    if _FROM_DAY.search(text, 0, at):
        return True
    return modal is not None and _WILL.match(modal.group()) is not None and not _UNTIL_DAY.search(text, 0, at)


_FROM_DAY = re.compile(r"\b(?:from|starting|beginning)(?: on)?\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
                       re.I)
_EVENT = re.compile(
    r"\b(?:visit|visits|trip|trips|meeting|meetings|meet|summit|talks|conference|hearing|vote|votes|election|"
    r"deadline|review|reviews|inquiry|report|decision|decide|decides|decided|ruling|trial|sentenced|sentencing|appeal|"
    r"consultation|referendum|ceremony|funeral|present|presented|debate|inspection|inquest|opens|build|install|"
    # ("open" as a verb: not "while the investigation was still open")
    r"(?<!still )(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!remain )(?<!remains )(?<!stay )(?<!stays )open|"
    # ("a cheese trail ... will run on 4 July")
    r"run(?= on\b)|"
    r"put up|"
    r"launch|opening|reopen|reopens|resume|close|closes|closed|closure|shut|"
    r"resumes|restart|restarts|return|returns|travel|host|hosts|sign|signing|announce|publish|begin|begins|start|starts|"
    r"finish|complete|completed|follow|fly|flies|come|arrive|attend|appear|join|talk|talks|run again|running again|ban|"
    # ... and the end of what is going on ("The strike is due to end at 7am on Friday").
    r"end(?= (?:at|on|by)\b)|ends(?= (?:at|on|by)\b)|"
    r"barred|banned|"
    r"take effect|come into force|sworn in|swearing-in|take office|takes office|inauguration|inaugurated|"
    # ... and what is held or played ("The service will now take place at the Abbey at 1pm on Friday 27 March",
    # "will now be played on Tuesday 24 February", "the prize-giving on Saturday 13 June").
    r"take place|takes place|go ahead|goes ahead|at home to|away to|away at|be held|be played|be staged|be rerun|"
    r"prize-giving|fixture|"
    r"kick-off|kicks off|kick off)\b",
    re.I,
)


# An item of a dated list: "Friday 1 May: bench back on the green", "9 June - council meeting", "Week of 20 April:
# ...", "January 2027: ...", "End of March 2027: ...", "Tuesday 19 May, 19:00: public meeting ...".
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_LISTED_STEP = re.compile(rf"^(?:(?i:week of|w/c|from|by|until|(?:the )?(?:end|start|beginning|middle) of)\s+)?"
                          r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                          rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?|"
                          rf"{_MONTH_WORD}\s+\d{{4}}|[0-3]?\d\.[01]?\d\.(?:(?:19|20)\d\d)?|"
                          r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December)(?=:))"
                          r"(?:,?\s+\d{4})?(?:,?\s+\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)?)?"
                          r"\s*(?::|\s[-–—])\s+\S")


def without_listed_date(text: str) -> str:
    """A dated list item without its own date ("9 June: council meeting" -> "council meeting"): a row prints it."""
    m = _LISTED_STEP.match(text)
    return text[m.end() - 1:] if m else text


@dataclass(frozen=True, slots=True)
class Line:
    """A quotable sentence as the timeline needs it."""

    source: int
    text: str
    anchor: dt.date  # its source's publication date, else the brief's date
    position: int  # in its article: leads first among equals
    guessed: bool = False  # its source has no date: `anchor` is a guess, and so is any date counted from it




def _label(when: When) -> str:
    return when.iso()


def _credits(index: SimilarityIndex, rows: Sequence[int], lines: Sequence[Line],
             days: np.ndarray | None = None) -> list[tuple[int, ...]]:
    """For each row, the sources of the lines that state its fact (its own included). `days`: each line's event
    day (`timeline`), when near lines dated to another day tell another event ("trapped on Monday" / "brought out
    on Wednesday")."""
    out = []
    for row, same in zip(rows, index.neighbours(rows, SAME_FACT), strict=True):
        credited = {lines[row].source}
        for j in same:
            source = lines[int(j)].source
            if source not in credited and (days is None or days[j] in (0, days[row])) \
                    and not plan_missing(lines[row].text, lines[int(j)].text):
                credited.add(source)
        out.append(tuple(sorted(credited)))
    return out


def reported_by(lines: Sequence[Line], today: dt.date) -> dt.date:
    """The last day the articles can report as past: the newest article's date (a brief made years later does
    not turn "a meeting in November" that they preview into history), and never after `today`."""
    return min(today, max((line.anchor for line in lines), default=today))


_APPEAL = re.compile(r"\b(?:is|are) (?:being )?asked to (?:call|contact|ring|phone)\b|\bto call 101\b|"
                     r"\bquoting (?:log|incident|reference)\b", re.I)


def timeline(lines: Sequence[Line], today: dt.date, limit: int = MAX_EVENTS,
             index: SimilarityIndex | None = None) -> tuple[Dated, ...]:
    """Dated events (reports and background) up to `today`, in date order, each credited. `index`: the TF-IDF
    index of exactly the lines' texts, when the caller has it."""
    index = index if index is not None else SimilarityIndex.build([line.text for line in lines])
    picked: list[tuple[When, int, tuple[int, ...]]] = []
    covered = np.zeros(len(lines), dtype=bool)
    dated = []
    today = reported_by(lines, today)
    days = np.zeros(len(lines), dtype=np.int64)  # the proleptic ordinal of each line's event day, 0 when none
    for row, line in enumerate(lines):
        # A date in a quotation dates the words, not an event ("We have never seen a fire move this fast in August").
        when = event_date(outside_quotes(line.text), line.anchor)
        if when is not None and when.precision == "day":
            days[row] = when.day.toordinal()
        if when is None or when.day > today or classify(line.text) == "expected":
            continue
        if _APPEAL.search(line.text):
            continue  # an appeal is no event: "Anyone with information is asked to call 101, quoting log 412 of ..."
        if _HAD_BEEN_DUE.search(line.text):
            continue  # a plan that did not happen as planned: "The trustees had been due to meet this afternoon ..."
        if line.guessed and not explicit_year(when):
            continue  # "today", "on Monday" or "in March" counted from a guessed date: no date to print
        dated.append((row, when))
    scored = [(-len(credits), lines[row].position, row, when, credits) for (row, when), credits
              in zip(dated, _credits(index, [r for r, _ in dated], lines, days), strict=True)]
    per_date: dict[str, int] = {}

    def stale(row: int) -> bool:
        """A state told in the present ("A 12-year-old girl is in a critical condition ...") that an article of a later
        day overturns, or a figure a later article corrects ("About 180 passengers were stranded ..." / "There were
        214 passengers on the train ..., not about 180 as first reported"): its row would read as where things
        stand, or as the event's true account."""
        text = lines[row].text
        state = _PRESENT_STATE.search(text) is not None and moved_from(text)
        if not state and not _DIGIT.search(text):
            return False
        near = [int(j) for j in np.flatnonzero(index.similar([row])[0] >= SUPERSEDE_COSINE)
                if lines[int(j)].anchor > lines[row].anchor]
        return any((state and state_overturned(lines[j].text, text))
                   or (revises(lines[j].text) and revised_count(lines[j].text, text)) for j in near)

    for _, _, row, when, credits in sorted(scored, key=lambda s: s[:3]):
        if covered[row] or per_date.get(when.iso(), 0) >= MAX_PER_DATE or stale(row):
            continue
        covered |= (index.similar([row])[0] >= SAME_FACT) & ((days == 0) | (days == days[row]))
        per_date[when.iso()] = per_date.get(when.iso(), 0) + 1
        picked.append((when, row, credits))
        if len(picked) == limit:
            break
    picked.sort(key=lambda p: (p[0].day, p[0].precision != "year", p[0].precision != "month", lines[p[1]].anchor))
    return tuple(Dated(text=lines[row].text, date=_label(when), sources=credits,
                       why=(f"stated by {len(credits)} source{'s' if len(credits) != 1 else ''}",
                            f"dated from “{when.phrase}”"))
                 for when, row, credits in picked)


# A plan told as said before, in the past perfect: "had said only on Wednesday that ... would start on 4 December".
_HAD_SAID = re.compile(r"\bhad (?:(?:only|earlier|previously|initially|originally|first) )?"
                       r"(?:said|announced|stated|told|indicated|promised)\b")


def what_next(lines: Sequence[Line], today: dt.date, limit: int = MAX_NEXT,
              index: SimilarityIndex | None = None) -> tuple[Dated, ...]:
    """Scheduled or expected events after the newest source: visits, meetings, deadlines, reviews."""
    # After the newest article, not after the day the brief is made: a brief of June's articles made in
    # November still lists the summit they expect "in November".
    newest = max((line.anchor for line in lines), default=today)
    index = index if index is not None else SimilarityIndex.build([line.text for line in lines])
    ahead_rows = []
    for row, line in enumerate(lines):
        # Read outside quotations: a speaker's "the film that opens next month" schedules nothing.
        text = outside_quotes(line.text)
        when = event_date(text, line.anchor)
        # (A date only a relative clause gives is a next step's when the clause tells what opens or starts then:
        # "should claim a refund through the ... claims portal, which opens on Monday 22 June".)
        # (... also after a day the sentence was told on: "said on Friday that she had referred the complaint to the
        # standards committee, which will hold a hearing on Wednesday 29 April".)
        if ", which " in text and (which := _WHICH_STARTS.search(text)) is not None \
                and (then := event_date(which.group(1), line.anchor)) is not None \
                and (when is None or (then.day > when.day and then.day > line.anchor)):
            when = then
        # (... and so is the day its preview names after a day gone by: "was charged on Wednesday evening and will
        # appear at Castlemere Youth Court on March 24".)
        if when is not None and when.day <= line.anchor and not line.guessed \
                and (then := preview_day(text, line.anchor)) is not None and then.day > line.anchor:
            when = then
        if when is not None and line.guessed and not explicit_year(when):
            if when.day <= line.anchor:
                continue  # "On Wednesday, X told reporters ... will feature": a day gone by, even from a guess
            when = None  # "will meet again on Monday": ahead, but its date counted from a guess is not printed
        ahead = when is not None and when.day > newest
        modal = _AHEAD_WORDS.search(text)
        future = _WOULD.search(text)
        soon = future is not None and _WITHIN.search(text, future.end()) is not None
        asked = _ASKED_TO.search(text) if ahead else None
        listed_ahead = ahead and _LISTED_STEP.match(text) is not None
        starts = ahead and when is not None and when.precision == "day" \
            and _FROM_DAY.search(text, 0, max(text.find(when.phrase), 0)) is not None
        # (... and so is a calendar date ahead that a deadline's "by" names: "have received expressions of interest
        # ... and are seeking offers by Friday 3 July".)
        deadline = ahead and when is not None and when.precision == "day" and _DIGIT.search(when.phrase) is not None \
            and _BY_DAY.search(text, 0, max(text.find(when.phrase), 0)) is not None
        if not modal and told_in_past(line.text) and not ((ahead and future) or soon or asked or listed_ahead
                                                            or starts or deadline):
            # A past statement is never a next step, whatever date it was counted to; one that reports a plan for
            # a day ahead is ("Asante said ... planned operations would restart on Monday"), or for a time limit
            # ("would publish its findings within a year"), and so is a request for a day ahead.
            continue
        # The event comes after the wording that previews it: "are expected to follow him to Beijing".
        start = modal.start() if modal else asked.start() if asked else 0
        # A day ahead of the newest article makes "would" a future too ("said the council would meet the
        # farmers' union next week"): the event may come after it, before the date that looks ahead.
        if ahead and future and future.start() < start:
            start = future.start()
        # ... in the clause the preview opens: "tempers are expected to fray next month, when the mayor seeks
        # re-election" forecasts a mood, and the election it names is another clause's.
        end = text.find(",", modal.end()) if modal else -1
        if modal and COPULA.match(text, modal.end()):
            start = 0  # "The vote is expected to be close": the subject is the event
        elif modal and when is not None and 0 <= text.find(when.phrase) < modal.start():
            start = 0  # "A separate hearing on 12 December will decide ...": the dated subject is the event
        # (A dated step of a list is an event whatever it names: "Friday 1 May: bench back on the green".)
        # (... and so is what "will" be done on a day ahead, whatever its noun: "will hold a civic reception for her
        # at the town hall on Saturday 21 February at 2pm"; and what starts on one: "can claim a £500 hardship
        # payment from Friday 19 June".)
        if not (modal or ahead or soon) or not (_EVENT.search(text, start, end if end >= 0 else len(text))
                                                or listed_ahead or deadline
                                                or (ahead and when is not None and _will_on_day(
                                                    text, when, modal))):
            continue
        if _CALLED_OFF.search(text):
            continue  # "The concrete bowl will not now open on Wednesday as planned": no step to look for
        if (plan := modal or future) and _HAD_SAID.search(text, 0, plan.start()):
            continue  # an old plan recalled: "The company had said only on Wednesday that the restrictions would start"
        if when is not None and not ahead and classify(line.text) == "report":
            continue  # news of a day gone by that warns of what may come ("have sent a letter warning that ...")
        if when is not None and when.day <= newest and when.precision == "day":
            continue  # a preview of a day the sources already report on
        if when is not None and when.precision != "day" and when.day < newest.replace(day=1):
            continue
        ahead_rows.append((row, when))
    # An undated preview that only articles older than the newest one state is overtaken: the story has moved
    # on ("The vote is expected to be close" two days before the vote is reported; "1,200 expected to join" once
    # 1,800 walk out). The newest articles repeat a plan that still stands.
    # (Only within `OVERTAKEN_DAYS`: articles further apart than a news cycle suggest a misread date, such as a
    # dateline's "April 8" given the wrong year, and no preview is dropped on its word.)
    latest = max((line.anchor for line in lines), default=today)
    source_day = {line.source: line.anchor for line in lines}

    def overtaken(when: When | None, credits: tuple[int, ...]) -> bool:
        days = [source_day[s] for s in credits]
        return when is None and all(d < latest for d in days) and (latest - max(days)).days <= OVERTAKEN_DAYS

    scored = [(when is None, -len(credits), lines[row].position, row, when, credits)
              for (row, when), credits in zip(ahead_rows, _credits(index, [r for r, _ in ahead_rows], lines),
                                              strict=True)
              if not overtaken(when, credits)]
    picked = []
    covered = np.zeros(len(lines), dtype=bool)
    for _, _, _, row, when, credits in sorted(scored, key=lambda s: s[:4]):
        if covered[row]:
            continue
        covered |= index.similar([row])[0] >= SAME_FACT
        picked.append((when, row, credits))
        if len(picked) == limit:
            break
    picked.sort(key=lambda p: (p[0] is None, p[0].day if p[0] else dt.date.max))
    return tuple(Dated(text=lines[row].text, date=when.iso() if when else "", sources=credits,
                       why=(f"stated by {len(credits)} source{'s' if len(credits) != 1 else ''}",
                            "previews an event" + (f" dated from “{when.phrase}”" if when else "")))
                 for when, row, credits in picked)


_DIGIT = re.compile(r"\d")
_WHICH_STARTS = re.compile(r",\s+which\s+((?:opens|starts|begins|closes|ends|reopens|takes effect|comes into force|"
                           r"will (?:open|start|begin|close|reopen|take place|be held|hold|meet|sit|hear|decide|"
                           # ("referred the complaint to the district's standards committee, which will hold a hearing
                           # on Wednesday 29 April")
                           r"rule|vote))\b[^,;]*)")
# A deadline's "by" right before its date: "are seeking offers by Friday 3 July".
_BY_DAY = re.compile(r"\bby\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:the\s+)?$", re.I)
# Words of a pointer row's excerpt: at most `EXCERPT_WORDS`, cut at the first clause end after `EXCERPT_MIN` (the
# subject and its verb: "Cranes stood still at the Port of Velmar on Thursday").
EXCERPT_WORDS = 12
EXCERPT_MIN = 4
NAME_WORDS = 3
_LINKS = frozenset({"a", "an", "the", "of", "to", "with", "by", "for", "in", "on", "at", "as", "and", "or", "but",
                    "from", "between", "last", "its", "their", "his", "her"})
_OPEN_QUOTE = "“‘\""
_CLOSE_QUOTE = "”’\""


_FRONTED = re.compile(r"^(?:Because of|Despite|Owing to|Due to|Amid|In response to|As a result of|On top of)\b"
                      r"[^,;]{1,60},\s+(?=[a-z])")


def excerpt(text: str, phrase: str = "") -> str:
    """A sentence's words that tell its event, verbatim, for a pointer row: its opening (`opening`), or, when the
    date it was dated by (`phrase`, "on Friday morning") lies beyond that, the clause that holds the date ("…
    Nordbane now expects trains to run again on Friday morning.")."""
    # (Past a reason set before the news: "Because of the demand, the clinic will now also open on Friday ...".)
    if (fronted := _FRONTED.match(text)) is not None and len(text) - fronted.end() > len(fronted.group()):
        inner = excerpt(text[fronted.end():], phrase)
        return inner if inner.startswith("…") else "… " + inner
    head = opening(text)
    at = text.lower().find(phrase.lower()) if phrase else -1
    if at < 0 or head.endswith(".") or at + len(phrase) <= len(head.removesuffix(" …")):
        return head
    start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, at)), default=0)
    start = max([start, *(text.rfind(mark, 0, at) + 1 for mark in _CLAUSE_WORDS if text.rfind(mark, 0, at) >= 0)])
    ends = [i for mark in (", ", "; ") if (i := text.find(mark, at + len(phrase))) >= 0]
    clause = text[start: min(ends)] if ends else text[start:]
    if start == 0 or len(clause.split()) > EXCERPT_WORDS + EXCERPT_MIN:
        return head
    return "… " + clause.strip() + (" …" if ends else "")


# Where a clause begins inside a sentence.
# (Not "all but": "All but 12 of Fellshire's schools reopened" cut there says the opposite.)
_CLAUSE_START = re.compile(r", and |, but |; |, while |, as |(?<![Aa]ll)(?<!nothing)(?<!anything)(?<!everything) but ")
# ... and a relative clause about a person, its "who" kept ("… who entered parliament in 2023."). Not "before",
# "after" or "when": they open a time phrase, and the clause from them loses who did what ("… before the treasury
# committee on 24 September.", "… after a fire broke out aboard the container vessel").
_CLAUSE_WORDS = (" who ",)


def opening(text: str) -> str:
    """The opening words of a sentence, verbatim: up to the first clause end (a comma, semicolon, colon or dash)
    after `EXCERPT_MIN` words and outside a quotation, at most `EXCERPT_WORDS`, never inside a name ("Foreign
    Minister Qin Gang"), then an ellipsis; a short sentence whole."""
    words = text.split()
    if len(words) <= EXCERPT_MIN + 2:
        return text
    cut, quoted = min(EXCERPT_WORDS, len(words) - 2), False
    for n, word in enumerate(words[:EXCERPT_WORDS], 1):
        quoted = (quoted or word[:1] in _OPEN_QUOTE) and not (word.rstrip(",.;:!?")[-1:] in _CLOSE_QUOTE
                                                             and (len(word) > 1 or quoted))
        if n >= EXCERPT_MIN and not quoted and (word[-1:] in ",;:" or word[-2:] in (',”', ',"', ",’")
                                                or (n < len(words) and words[n] in ("—", "–"))):
            cut = n
            break
    if words[cut][:1].isupper() and words[cut - 1][:1].isupper() and not words[cut - 1].endswith((",", ";", ":")):
        # A cut inside a name ("met with Xi …"): the whole name when it ends within `NAME_WORDS` words, else none
        # of it ("... by meeting with Chinese Foreign Minister Qin Gang" stops before "Chinese").
        end = cut
        while end < len(words) - 1 and words[end][:1].isupper() and not words[end - 1].endswith((",", ";", ":")):
            end += 1
        if end - cut <= NAME_WORDS and not words[end - 1][:1].islower():
            cut = end
    while cut > EXCERPT_MIN and words[cut][:1].isupper() and words[cut - 1][:1].isupper() \
            and not words[cut - 1].endswith((",", ";", ":")):
        cut -= 1  # "... Chinese Foreign Minister …" cuts a name: stop before it
    while cut > EXCERPT_MIN and words[cut - 1].lower() in _LINKS:
        cut -= 1  # "... opened on Sunday with …": the ellipsis follows a content word
    return " ".join(words[:cut]).rstrip(",;:") + " …"


# Pointer rows the timeline holds at most, besides its own `MAX_EVENTS` (a brief has a dozen dated items at most).
MAX_POINTERS = 6
_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3}


def pointers(items: Sequence[tuple[str, Item]], lines: Sequence[Line], today: dt.date) -> tuple[Dated, ...]:
    """Timeline rows for the dated events the brief prints above it: the date, the credits and `ref`, the anchor
    of the item that prints it (`items`: (anchor, item) in reading order), never the text a second time.

    An item is dated as a timeline line is: from its own words, against its source's date (`lines`, the
    quotable sentences with their anchors); a preview, a date after `today` or one counted from a guessed date
    is left out, as `timeline` leaves them out."""
    by_text = {line.text: line for line in lines}
    out: list[tuple[When, int, Dated]] = []
    today = reported_by(lines, today)
    for order, (ref, item) in enumerate(items):
        line = by_text.get(item.text) or next((x for x in lines if item.text.startswith(x.text)), None)
        if line is None or item.kind == "expected" or classify(item.text) == "expected":
            continue
        when = event_date(outside_quotes(item.text), line.anchor)
        if when is not None and line.guessed and not explicit_year(when):
            # Counted from a guessed date: dated instead by the version of a credited source that has a date
            # ("on Tuesday" in the undated wire copy and in the dated paper's lead), else not at all.
            when = _dated_version(item, lines)
        if when is None or when.day > today:
            continue
        n = len(item.sources)
        out.append((when, order, Dated(text="", date=when.iso(), sources=item.sources, ref=ref,
                                       excerpt=excerpt(item.text, when.phrase),
                                       why=(f"stated by {n} source{'s' if n != 1 else ''}",
                                            f"dated from “{when.phrase}”", "printed above: the row points to it"))))
    # The first dated items the reader meets when there are more than the timeline holds.
    out = sorted(out, key=lambda p: p[1])[:MAX_POINTERS]
    return tuple(d for _, _, d in sorted(out, key=lambda p: (p[0].day, _PRECISION[p[0].precision], p[1])))


def _dated_version(item: Item, lines: Sequence[Line]) -> When | None:
    """The date of `item`'s fact as a credited source with a publication date tells it: from that source's line
    sharing the most content words with the item (at least `SAME_STEP` of the shorter's), dated by its own words."""
    words = _content(item.text)
    best: tuple[float, Line] | None = None
    for line in lines:
        if line.guessed or line.source not in item.sources:
            continue
        other = _content(line.text)
        shared = len(words & other) / max(1, min(len(words), len(other)))
        if shared >= SAME_STEP and (best is None or shared > best[0]):
            best = (shared, line)
    if best is None:
        return None
    when = event_date(outside_quotes(best[1].text), best[1].anchor)
    # The item's own words, counted from that source's date, must name the same day: "began ... on Monday" is not
    # dated by "joined ... on Tuesday", however alike the rest.
    own = event_date(outside_quotes(item.text), best[1].anchor)
    if when is None or own is None or own.day != when.day or classify(best[1].text) == "expected":
        return None
    return when


def _start(iso: str) -> tuple[dt.date, int]:
    """Where an ISO date of any precision sorts: its first day, the more precise first among equals."""
    parts = [int(p) for p in iso.split("-")]
    day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return day, 3 - len(parts)


def merged(rows: Sequence[Dated], pointed: Sequence[Dated], printed: Mapping[str, str] = {}) -> tuple[Dated, ...]:
    """The timeline: its own rows and the pointer rows in one date order (among equals, pointers first: they
    are the brief's key events). A row of the date of a pointer or of an earlier row that tells the same event
    (half the shorter one's content words: "He had been due to come in February, but called off the trip ...
    balloon" / "Blinken was meant to fly in February, but the trip was shelved when a Chinese balloon ...") is
    left out; `printed`: each pointer's item text by `ref`."""
    told: list[tuple[str, set[str]]] = [(d.date, _content(printed.get(d.ref, d.text))) for d in pointed]
    kept = []
    for d in rows:
        if _told(d, told, SAME_DAY_EVENT if len(d.date) == DAY_ISO else SAME_STEP):
            continue
        told.append((d.date, _content(d.text)))
        kept.append(d)
    keyed = [(_start(d.date), 0, k, d) for k, d in enumerate(pointed)] + \
            [(_start(d.date), 1, k, d) for k, d in enumerate(kept)]
    return tuple(d for *_, d in sorted(keyed, key=lambda x: x[:3]))


def next_pointers(items: Sequence[tuple[str, Item]], lines: Sequence[Line], today: dt.date,
                  dated: Mapping[str, Dated] = {}) -> tuple[Dated, ...]:
    """What-comes-next rows for the dated next steps the brief prints above it ("The parish council will meet on
    26 May" in the overview): the date and `ref`, never the text a second time; read as `what_next` reads lines.
    `dated`: for an item printed without a date, the next step of its fact that gives one (`once.print_once`)."""
    by_text = {line.text: line for line in lines}
    found: list[tuple[str, Line]] = []
    for ref, item in items:
        line = by_text.get(item.text) or next((x for x in lines if item.text.startswith(x.text)), None)
        if line is not None:
            found.append((ref, replace(line, text=item.text, source=item.sources[0] if item.sources else 0)))
    if not found:
        return ()
    # Counted against every article's date: a preview of a day the articles already report on is no next step;
    # as `what_next` counts, not against the day the brief is made (a brief of May's articles made in December
    # still points to the inquest they expect on 18 May).
    newest = max((line.anchor for line in lines), default=today)
    rows = what_next([line for _, line in found], newest, limit=len(found))
    ref_of = {line.text: ref for ref, line in found}
    phrase = {line.text: when.phrase for _, line in found if (when := event_date(line.text, line.anchor))}
    credits = {item.text: item.sources for _, item in items}
    # Only dated ones: an undated plan printed above is no scheduled step a reader looks up by its date (and it
    # may be a step the list below states in other words) ...
    out = [replace(d, text="", ref=ref_of[d.text], sources=credits[d.text],
                   excerpt=excerpt(without_listed_date(d.text), phrase.get(d.text, "")
                                   if without_listed_date(d.text) == d.text else ""),
                   why=(*d.why, "printed above: the row points to it")) for d in rows if d.date]
    # ... unless another version of its fact dates it ("would review its evacuation plans once the eruption was
    # over" / "the review ... would begin in September"): a plan itself, not a report of what was done ("had been
    # charged with burglary" does not tell the court date of "He ... will appear before ... on Monday 8 June").
    pointed = {d.ref for d in out}
    out += [replace(dated[line.text], text="", ref=ref, sources=credits[line.text], excerpt=excerpt(line.text),
                    why=(*dated[line.text].why, "printed above, dated by another version: the row points to it"))
            for ref, line in found if ref not in pointed and line.text in dated and classify(line.text) != "report"]
    return tuple(out)


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{2,}", text.lower()) if w not in STOP_WORDS}


def _step_words(text: str) -> set[str]:
    """A next step's content words as stems ("opened" and "open" one), without the letters of "24th" or "4pm"."""
    return {stem(w) for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in STOP_WORDS}


# Share of the shorter line's content words two next steps of one date must share to be one event told twice
# ("a Biden-Xi meeting at the ... summit in San Francisco in November" twice over, in other words).
SAME_STEP = 0.5
# The same for two timeline rows of one day: a day's news told by two outlets ("A former councillor was found
# guilty on Wednesday of defrauding the city ..." / "Gerald Pike ... was convicted of four counts of fraud on
# Wednesday over invoices ..."), as the sections' `SAME_LEAD` reads two articles' leads.
SAME_DAY_EVENT = 0.35
DAY_ISO = len("2026-01-01")


def _told(d: Dated, told: Sequence[tuple[str, set[str]]], share: float = SAME_STEP,
          content: Callable[[str], set[str]] = _content) -> bool:
    """Whether a row tells again the event of a line of its date in `told` ((date, content words) pairs)."""
    words = content(d.text)
    return any(date == d.date and words and other and len(words & other) >= share * min(len(words), len(other))
               for date, other in told)


def merged_next(rows: Sequence[Dated], pointed: Sequence[Dated], printed: Mapping[str, str] = {}) -> tuple[Dated, ...]:
    """What comes next: its own rows and the pointer rows, dated ones in date order, undated ones after; a row of
    the date of a pointer that tells the same step (`printed`: each pointer's item text by `ref`) is left out."""
    steps = [(d.date, _step_words(printed.get(d.ref, ""))) for d in pointed]
    keyed = [(d.date == "", _start(d.date) if d.date else (dt.date.max, 0), k, d)
             for k, d in enumerate([*pointed, *(r for r in rows if not _told(r, steps, content=_step_words))])]
    return tuple(d for *_, d in sorted(keyed, key=lambda x: x[:3]))
