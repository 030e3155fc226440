"""Time and modality: when a source was published, which day a sentence speaks of, and whether it reports.

1. `published_from_meta` / `published_in_lines`: a source's publication date from HTML meta
   (article:published_time and kin, read through htmldate), a dated byline ("Published June 18, 2023")
   or a dateline ("BEIJING, June 18 (Reuters) -"); feed dates come from briefer.read.fetch.
2. `mentions(text, anchor)`: the dates a sentence names, absolute ("June 18, 2023", "in February",
   "in 2018") or relative ("on Sunday", "Monday morning", "yesterday", "last week"), resolved against
   `anchor` (the source's publication date, else the brief's --date). A weekday is the nearest one on or
   before the anchor in a report and on or after it in a preview ("will meet on Monday").
3. `classify(text)`: "expected" (will, plans to, is expected to, possibly, could ...), "background"
   (an earlier state of affairs: had, has long, since 2018, in recent years) or "report".

Everything here is rules over the text: deterministic, offline and fast (a few regex searches a sentence).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from briefer.text import deferred, fold

Kind = Literal["report", "expected", "background"]
Precision = Literal["day", "week", "month", "year"]

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY_RE = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Years a news story names: 1900-2099 (a bare four-digit number outside that is a count, not a year).
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# An older year after a preposition of time: "looted in 1897" (not "the Act of 1890", a name). A count reads the
# same ("in 1500 homes"), so one followed by a lower-case word is read only before a word that ends the phrase
# ("in 1897 and", "in 1897, when").
_OLD_YEAR = (r"(?P<old>1[5-8]\d\d)\b(?!\s+(?!(?:and|or|but|when|while|as|after|before|by|from|to|until|during|"
             r"the|a|an|he|she|they|it|its|their|his|her)\b)[a-z])")

# "June 18, 2023", "June 18", "18 June 2023", "18 June" (day 1-31).
_MONTH_DAY = deferred(rf"\b{_MONTH_RE}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?")
_DAY_MONTH = deferred(rf"\b(?P<day>[0-3]?\d)(?:(?:st|nd|rd|th)\s+of|(?:st|nd|rd|th)?)\s+{_MONTH_RE}"
                      rf"(?:,?\s+{_YEAR}\b)?")
# A day of the month with no month, after a preposition or a weekday: "on Saturday the 24th", "released on bail until
# the 28th", "on Thursday, the 12th" (not "in the 31st minute", "the 14th of October").
_ORDINAL_DAY = deferred(rf"\b(?:(?P<rel>on|until|by|from|since|before|after)\s+(?:{_WEEKDAY_RE},?\s+)?|"
                        rf"{_WEEKDAY_RE.replace('weekday', 'named')},?\s+)the (?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
                        rf"(?!(?:\s+of)?\s+{_MONTH_RE.replace('month', 'of')})(?!\s+(?:minute|century|floor|"
                        r"anniversary|birthday|time|hole|round|lap|place|year|edition|over|stage|storey))")
# "in February", "in February 2023", "February 2023", "early June", "since March".
_MONTH_ONLY = deferred(rf"\b(?:(?:in|since|by|until|early|late|mid-?|[Ll]ast|[Nn]ext|this|from)\s+)?{_MONTH_RE}"
                       rf"(?:\s+{_YEAR}\b|(?=[\s.,;:]|$))")
# The second month of a range, with the year both share: "between January | and December 2025", "from May | to July
# 2024".
_RANGE_YEAR = deferred(rf"\s*(?:and|or|to|until|till|through|-|–)\s+{_MONTH_RE}\s+{_YEAR}\b")
# "in 2027", "late 2027", and a season of a year ("building would begin in spring 2027"): a year's precision.
_YEAR_ONLY = deferred(rf"\b(?:(?:in|since|by|until|during|of|from|before|after|early|late|"
                      rf"spring|summer|autumn|fall|winter)\s+{_YEAR}\b|(?:in|until|during|before|after)\s+{_OLD_YEAR})")
_ISO = deferred(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
# "on Sunday", "Monday morning", "late Friday", "Friday evening", "last Tuesday", "next Thursday".
_WEEKDAY = deferred(rf"\b(?:(?P<rel>last|next|this|on|late|early|until|by|since|from)\s+)?{_WEEKDAY_RE}"
                    r"(?:\s+(?:morning|afternoon|evening|night))?\b")
# A weekday before a noun of its own (after "the" or "its"): "the Sunday library cuts" (not "the Sunday morning").
_WEEKDAY_MODIFIER = deferred(r"\s+(?!(?:morning|afternoon|evening|night|before|after)\b)[a-z][\w-]*\s+[a-z]")
# A weekday naming a kind of service or trading, not a date: "mostly evening and Sunday services", "Saturday trading".
_WEEKDAY_KIND = deferred(r"\s+(?:services?|trading|openings?|opening hours|shifts|papers|markets|lunches|matches|"
                         r"fixtures|timetables?|routes|collections|deliveries|editions|worship|masses)\b")
# What makes a weekday any such day: "to a Saturday", "every Sunday", "on any Monday".
_ANY_DAY = deferred(r"\b(?:a|any|every|each|another)\s+\Z", re.I)
# What the dates above need: a digit, a month's name, a weekday's name (each checked before its patterns run).
_DIGIT = deferred(r"\d")
_MONTH_CUE = deferred(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_WEEKDAY_CUE = deferred(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
# Every match of _RELATIVE holds one of these (lower-cased).
_RELATIVE_CUES = ("yesterday", "today", "tonight", "tomorrow", "week", "month", "year", "this morning",
                  "this afternoon", "this evening", "last night")
_RELATIVE = deferred(r"\b(?P<word>yesterday|today|tonight|tomorrow|(?:last|next|this) (?:week|month|year)|"
                     r"this (?:morning|afternoon|evening)|last night)\b", re.I)

# Due on a day with no verb of its own ("The results were expected on Wednesday"), or due somewhere ("The pedal
# bikes are due back on Friday", "is due in court on Monday"): in both a preview's wording and one that points ahead.
_DUE = (r"(?:is|are|was|were) (?:now |still |also )?(?:expected|due) (?=(?:on|by|later|within|before|next|this)\b)|"
        # ... at an hour of a day: "the next high tide is due at 04:10 on Wednesday"
        r"(?:is|are|was|were) (?:now |still |also )?(?:expected|due) (?=at \d{1,2}(?:[.:]\d\d)?\s?(?:am|pm|a\.m\.|"
        r"p\.m\.)? on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|"
        r"(?:is|are|was|were) (?:now |still |also )?(?:expected|due) (?:back|home|in court|out)\b|"
        # ... at a place on a day: "are due at Morrowby bus station on Saturday evening"
        r"(?:is|are) (?:now |still |also )?(?:due|expected) (?=at (?:the )?[A-Z]?[\w'’-]*(?: [\w'’-]+){0,4} on "
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|"
        # ... at an occasion on a day: "is due at his press conference as usual on Monday"
        r"(?:is|are) (?:now |still |also )?due "
        r"(?=at (?!\d)[^.;]{0,50}?\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|")
# A timetable in the present tense: "The park reopens on Tuesday" (in Monday's article), "The two-day hearing
# continues on Wednesday": in both a preview's wording and one that points ahead.
_TIMETABLE = (# ... and a body's sitting later the same day: "The club's committee meets this evening to decide ..."
              r"\b(?:meets|sits|convenes|meet|sit|convene)\s+(?=(?:this (?:evening|afternoon|morning)|tonight|tomorrow|"
              r"later today)\b)|"
              # ... or at an hour: "The planning committee meets at 7pm at Hartsmoor Town Hall" (not a habit: "The
              # group meets at 7pm every Tuesday")
              r"\b(?:meets|sits|convenes|meet|sit|convene)\s+(?=at \d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)"
              r"(?![^.;]*\b(?:every|each|weekly|fortnightly|monthly|usually|normally)\b))|"
              r"(?=[a-z]+(?: out)? (?:again )?on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
              r"(?:(?:re)?(?:opens|starts|begins|resumes|closes|ends|continues|convenes|meets|sits)|runs out|expires|"
              # ... and its plural ("its flights restart on Thursday", "Talks resume on Monday"; not "a fresh start on
              # Monday", "did not resume"; "open" and "close" may be adjectives: "the shops were open on Sunday")
              r"(?<!\bto )(?<!\bnot )(?<!n't )(?<!\bdid )(?:resume|reopen|begin|continue|convene|meet|"
              r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bits )(?<!their )(?<!\bhis )(?<!\bher )(?<!fresh )(?<!\bnew )"
              r"(?<!\blate )(?<!early )(?<!\bslow )(?<!\bgood )(?<!\bbad )(?<!false )(?<!flying )(?<!\bhead )"
              r"(?<!quick )(?<!\bfast )(?<!delayed )(?<!\dam )(?<!\dpm )(?:re)?start)) "
              r"(?:again )?"
              r"(?=on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|"
              # ... and what goes on show on a day: "It goes back on display on Saturday."
              r"(?:goes|go|comes|come) (?:back )?on (?:display|show|sale) "
              r"(?=on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|"
              # ... and what goes ahead on a day: "The extra session at Kettlewick Town Hall goes ahead on Saturday."
              r"(?:goes|(?<!\bto )(?<!\bnot )(?<!n't )(?<!\bdid )go) ahead "
              r"(?=on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|")
_TIMETABLE_WORDS = ("opens ", "starts ", "begins ", "resumes ", "closes ", "ends ", "continues ", "convenes ", "meets ",
                    "sits ", "runs out ", "expires ", "restart ", "resume ", "reopen ", "start ", "begin ", "continue ",
                    "convene ", "meet ", "on display ", "on show ", "on sale ", "go ahead ", "goes ahead ")
# Gatherings a day's preview may name (`_EXPECTED`, `GATHERING`).
GATHERINGS = "meeting|vigil|hearing|protest|rally|march|service|concert|funeral|inquest|ceremony|match"
# ... and that preview, with the day and the gathering: "Thursday's public meeting is at Haverleigh Town Hall at 7pm."
GATHERING = deferred(rf"\b(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)'s (?:[\w-]+ ){{0,2}}"
                     rf"(?P<what>{GATHERINGS}) (?:is|starts|begins) at\b")
# A preview: the future, plans, expectations and possibilities (checked on the words, case-folded).
# A thing expected on a day ("We expect it on Wednesday", a harbour master of a replacement part): in the present
# tense only ("had expected it on Monday" is a hope gone by).
# ... and in reported speech: "The trust said it expected a crowd of more than 18,000 for Saturday's game".
_EXPECT_ON = (r"(?=expect|anticipat)(?<!\bhad )(?<!\bhave )(?:expects?|anticipates?|"
              r"(?<=\bsaid it )(?:expected|anticipated)|(?<=\bsaid they )(?:expected|anticipated)) "
              r"(?:[\w'’,-]+ ){1,6}?(?:on|by|for) (?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)")
_EXPECTED = deferred(
    r"\b(?:will|won't|shall|'ll|would|wouldn't|could|might|may|should|possibly|perhaps|likely|unlikely|"
    # ("plans" after a preposition or a determiner is a noun: "protested against plans to close the unit", "three
    # weeks after she backed a plan to cut twelve posts".)
    r"(?:(?=plan)(?<!against )(?<!over )(?<!about )(?<!the )(?<!its )(?<!their )(?<!of )(?<!on )(?<!\ba )(?<!his )"
    r"(?<!her )(?<!this )plans?|"
    r"planned|planning|aims?|aimed|hopes?|hoped|hoping|intends?|intended|expects?|expected|"
    r"(?:is|are) (?:all |also |now |still |not |no longer )?"
    r"(?:due|set|scheduled|expected|likely|poised|slated|going)) to|"
    # ("... is less than two days from the end of her crossing, and on course to set a new record.")
    r"\bon (?:course|track) to|"
    # ... or a plan named as such: "said the plan was still to reopen the college to everyone on Monday"
    r"\b(?:plan|aim|intention|hope|target)\s+(?:is|was|remains|remained)\s+(?:still\s+|now\s+)?to\b|"
    # A duty with its deadline: "The council must decide by 4 December whether ...".
    r"must (?:now )?(?:[a-z]+ ){1,6}?by (?=\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:the )?end\b)|"
    r"(?:is|are) to (?!be\b)\w+|scheduled for|(?:is|are) planned|planned for|(?:still )?listed for(?! sale)|upcoming|"
    # A meeting called for a day: "The community council has called a public meeting ... on Thursday 19 March at 7pm."
    r"(?:has|have) called (?:a|an) (?:[\w-]+ ){0,2}(?:meeting|protest|rally|vigil|march)\b"
    r"(?=(?:(?!\buntil\b)[^.;]){0,70}\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|"
    # Talks agreed for a day: "Both sides have agreed to meet at the National Conciliation Service on Wednesday."
    r"(?:has|have) agreed to(?= (?:meet|hold (?:fresh |further |new )?talks|resume talks|return to (?:the )?talks)"
    r"[^.;]{0,80}\b(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|next week)\b)|"
    # ... and set for a day: "The talks ... are set for Wednesday morning."
    r"(?:is|are) (?:now |provisionally )?(?:set|fixed|pencilled in|booked) for(?= (?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day|\s+(?:next|tomorrow|\d{1,2} [A-Z][a-z]+))|"
    # A forecast looks ahead ("The forecast is for a cool, still morning", "Rain is forecast for Tuesday").
    r"forecasts? (?:is|are) for|(?:is|are) forecast|"
    # A day's gathering told where and when it is: "Thursday's public meeting is at Haverleigh Town Hall at 7pm."
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day's (?:[\w-]+ ){0,2}(?:" + GATHERINGS + r") (?:is|starts|begins) "
    r"(?=at\b)|"
    + _DUE +
    r"forthcoming|next (?:week|month|year)|later this|in the coming (?:days|weeks|months)|tomorrow|"
    + _TIMETABLE +
    r"expect(?:s|ed)? (?:[\w'’-]+ ){1,3}to \w+|" + _EXPECT_ON + r"|"
    # ("the fire service's full report is expected", a thing due with no verb after it)
    # ("Picket lines are expected outside the main entrance ... from 6.30am on Tuesday")
    r"(?:is|are) (?:still )?expected(?=\s*(?:[.;]|$| (?:in|by|on|next|later|within|before|outside|at|from)\b)))\b",
    re.I,
)
# Wording that points a date forward ("will meet on Monday", "should reopen on Monday"); "plans to" and "could"
# do not ("his initial plans to visit in February were postponed").
# What someone has offered or promised to do (`_AHEAD`, `_OFFERED`).
_OFFERED_TO = r"(?:has|have) (?:offered|agreed|promised|pledged|vowed|volunteered|arranged|undertaken) to"
_AHEAD = deferred(
    r"\b(?:will|'ll|shall|would|should|(?:is|are) (?:not )?(?:due|set|scheduled|expected|poised|slated|going) to|"
    # A duty looks ahead: "Claims must be made by 31 May", "Tenants have to leave by June 30".
    r"must(?! have\b)|(?:has|have|need|needs) to (?!have\b)|"
    # An instruction's day is ahead of it ("Residents were told to stay indoors from Saturday").
    r"(?:told|asked|urged|ordered|advised) to|"
    # ... and so is what someone has offered or promised to do: "has offered to search the fields ... on Wednesday
    # evening"
    + _OFFERED_TO + "|"
    r"(?:is|are) to (?!be\b)\w+|"
    # ... an event named with its infinitive: "a public inquiry ..., to be held in Kellingford on 21 April"
    r"\bto be (?:held|heard|staged|decided|published|announced|opened)\b|"
    # ... a plan after its subject with no verb: "with the regulator due to announce its next price cap on Friday"
    r"\bwith (?:the |its |their )?[\w'’-]+(?: [\w'’-]+)? due to (?:announce|open|close|start|begin|end|meet|vote|"
    r"decide|publish|report|return|appear|reopen|resume|"
    r"finish|complete|arrive|hold|hear|sit|give|sign|visit|launch|rule)\b|"
    r"scheduled for|planned for|(?:still )?listed for(?! sale)|upcoming|forthcoming|next (?:week|month|year)|"
    r"later this|"
    # A new date given: "Year 10 mock exams ... have been moved to September", "postponed until March".
    r"(?:moved|postponed|put back|pushed back|rescheduled|deferred) (?:to|until|till|for) (?=[A-Z\d])|"
    r"in the coming|(?:is|are) (?:now |provisionally )?(?:set|fixed|pencilled in|booked) for|"
    + _TIMETABLE +
    # ... with its hour first, of many: "Polling stations open at 7am on Thursday and close at 10pm".
    r"(?=(?:re)?(?:open|start|begin|close))(?<!\bwere )(?<!\bwas )(?<!\bbe )"
    r"(?:re)?(?:opens?|starts?|begins?|closes?) (?=at \d{1,2}(?:[.:]\d\d)?\s?"
    r"(?:am|pm|a\.m\.|p\.m\.) on (?:mon|tues|wednes|thurs|fri|satur|sun)day)|"
    # ... and a fixture: "Athletic play their last match at Kiln Lane against Brayford United on Saturday".
    r"(?=play|meet|face|host|travel|are|is|warning|has|have)"
    r"(?<!\bthe )(?<!\ba )(?:play|plays|meet|meets|face|faces|host|hosts|travel to|travels to|(?:are|is) at home to|"
    r"(?:are|is) away (?:to|at)|"
    # ... an arrangement in the present progressive ("The union is holding a rally outside the bakery gates on
    # Saturday"), and a warning for a day ("has issued a yellow warning for thunderstorms ... on Saturday afternoon")
    r"(?:is|are) (?:holding|hosting|staging|organising|organizing|planning)|warnings? (?:for|of)|"
    # ... and one called for a day: "has called a public meeting about the bus ... on Wednesday at 7pm"
    r"(?:has|have) called (?:a|an) (?:[\w-]+ ){0,2}(?:meeting|protest|rally|vigil|strike|ballot|march))\b"
    r"(?=(?:(?!\buntil\b)[^.;]){0,70}\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|"
    + _DUE +
    # ("The Trust now expects the canal between Lock 14 and Lock 19 to stay closed until ... November")
    r"expect(?:s|ed)? (?:[\w'’-]+ ){0,8}?to \w+|" + _EXPECT_ON + r"|"
    # ("The first ships are expected in Ardcastle harbour on Thursday evening")
    r"(?:is|are) (?:still )?expected(?=\s+(?:in|at|on|back|home|later|next|by|outside|from)\b))\b", re.I)
# An earlier state of affairs, told to explain the news.
_BACKGROUND = deferred(
    r"\b(?:has long|have long|had long|for (?:years|decades)|in recent (?:years|decades)|since (?:19|20)\d\d|"
    # ("used to" of a habit, not of a use: "The mill used to employ 300 people"; not "water used to fight the fire")
    r"(?:years|decades) ago|was once|used to (?:be|have|live|work|run|own|go|come|play|sell|employ|stand|house|"
    r"belong|call|teach|visit|lead|host)|previously|formerly|in the past|historically)\b",
    re.I,
)
# The modal "may" is a month too: "May 3" or "in May" is a date, not a possibility.
_MAY_MONTH = deferred(r"\b(?:in|since|by|until|early|late|mid-?|last|next|this|from) May\b|\bMay\s+[0-3]?\d\b|"
                      r"\b[0-3]?\d\s+May\b")
# "should" in a that-clause reports a recommendation or an agreement ("agreed ... that their top diplomats
# should meet"), not a preview; "The harbour should reopen on Monday" is one.
_SHOULD_THAT = deferred(r"\bthat\b[^,;]{0,80}?\bshould\b", re.I)
# A purpose clause is no preview of its own: "who resigned as the cabinet member on Wednesday so that he could vote
# against the scheme".
_PURPOSE = deferred(r"\bso(?: that)? (?:he|she|they|it|we|I|you) (?:could|would|might|can)\b[^,;]*", re.I)
# What every alternative of _EXPECTED, _BACKGROUND and _SHOULD_THAT needs, looked for in the folded text (`fold`:
# re.I matches what it folds alike) before the pattern is searched. Python's re tries an alternation that starts
# with \b at every position of the text: `classify` of the 3,250 pooled sentences of the 30,000-sentence bench input
# took 0.30 s with every pattern searched, 0.07 s with these looks first; the same answers on every sentence of
# the bench inputs, ../shared/seeds, DUC 2004 and 2006 and MSRP (docs/performance.md, fourth round).
_EXPECTED_WORDS = ("will", "won't", "shall", "'ll", "would", "could", "might", "may", "should", "possibly", "perhaps",
                   "likely", "plan", "aim", "hope", "hoping", "intend", "expect", "anticipat", "due", "set",
                   "scheduled", "poised",
                   "slated", "going", "is to", "are to", "upcoming", "forthcoming", "next", "later", "coming",
                   "tomorrow", "forecast", "must", "listed for", "agreed to", "fixed for", "pencilled in", "called a",
                   "booked for", "on course to", "on track to", *_TIMETABLE_WORDS)
_BACKGROUND_WORDS = ("long", "years", "decades", "since", "was once", "used to", "previously", "formerly", "past",
                     "historically")
# What every alternative of _AHEAD needs, looked for in the same way (`_ahead`): the pattern was searched about 11,000
# times at 30,000 sentences (dates, event days, the past tense), 0.55 s; 23% of 83,000 lines and sentences of the bench
# input, ../shared and tests/data hold one of these, 18% match (docs/performance.md, twelfth round).
_AHEAD_WORDS = ("will", "must", "has to", "have to", "need to", "needs to", "'ll", "shall", "would", "should", "due ",
                "offered to", "agreed to", "promised to", "pledged to", "vowed to", "volunteered to", "arranged to",
                "undertaken to", "to be ",
                "set to", "scheduled", "expect", "anticipat", "poised to", "slated to", "going to", "told to",
                "asked to",
                "urged to", "ordered to", "advised to", "is to", "are to", "planned for", "upcoming", "forthcoming",
                "in the coming", "next week", "next month", "next year", "later this", *_TIMETABLE_WORDS, "play",
                "moved to", "moved until", "postponed", "put back", "pushed back", "rescheduled", "deferred",
                "meet", "face", "host", "open at ", "start at ", "begin at ", "close at ", "opens at ", "starts at ",
                "begins at ", "closes at ", "listed for", "travel", "at home to", "away to", "away at", "holding",
                "staging", "organis", "organiz", "planning", "warning", "called a", "set for", "fixed for",
                "pencilled in for", "booked for")
# Lines that carry a source's date: "Published June 18, 2023", "Updated: 2023-06-18 10:00", "June 18, 2023 10:15 AM".
_ANON = deferred(r"\?P<\w+>")
_DATED_LINE = deferred(_ANON.sub("", r"^(?:(?:published|posted|updated|last updated|first published)"
                                     rf"\s*(?:on|:)?\s*)?(?:{_WEEKDAY_RE},?\s+)?"
                         rf"(?:{_MONTH_RE}\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+{_YEAR}|"
                         rf"[0-3]?\d\s+{_MONTH_RE},?\s+{_YEAR}|(?:19|20)\d\d-[01]\d-[0-3]\d)"), re.I)
# A full date inside a short line: "The Lakeshore Courier · Tuesday, June 20, 2023", "World Desk | June 19, 2023".
_FULL_DATE = deferred(_ANON.sub("", rf"\b(?:{_MONTH_RE}\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+{_YEAR}|"
                                     rf"[0-3]?\d\s+{_MONTH_RE},?\s+{_YEAR})\b"))
# A dateline: "BEIJING, June 18 (Reuters) -" or "WASHINGTON, June 18, 2023 —", a country after the place
# ("ANDØYA, Norway, April 16 (Polar Wire) -").
_COUNTRY = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+"
# ... and the day first: "VESSBY, 11 May 2026 (Nordpress) -".
_PLACE = r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'-]+,\s+"
# ... a weekday before the date: "DUNMARSH, Tues. March 10 (Northline) -".
_DATELINE_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATELINE = deferred(rf"{_PLACE}(?:{_COUNTRY})?{_DATELINE_WEEKDAY}{_MONTH_RE}\s+(?P<day>[0-3]?\d)"
                     rf"(?:,?\s+{_YEAR})?\s*(?:\([^)]*\))?\s*(?:--|[-—–:])")
_DATELINE_DAY_FIRST = deferred(rf"{_PLACE}(?:{_COUNTRY})?{_DATELINE_WEEKDAY}(?P<day>[0-3]?\d)\s+{_MONTH_RE}"
                               rf"(?:,?\s+{_YEAR})?\s*(?:\([^)]*\))?\s*(?:--|[-—–:])")
# ... and an ISO date: "BRENNICK, 2026-03-04 -" (a press release's).
_DATELINE_ISO = deferred(rf"{_PLACE}(?:{_COUNTRY})?(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
                         r"\s*(?:\([^)]*\))?\s*(?:--|[-—–:])")
# ... and a date in figures, the day told from the month when one of them is over 12: "KESSBY, 15/11 (Pennant Wire) -".
_DATELINE_FIGURES = deferred(rf"{_PLACE}(?:{_COUNTRY})?(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<year>(?:19|20)?\d\d))?"
                             r"\s*(?:\([^)]*\))?\s*(?:--|[-—–:])")
# How a byline or masthead separates its parts.
_BYLINE_PARTS = deferred(r"\s+(?:\||·|•|—|–|-)\s+")
# The opening clause of a sentence in the present perfect, and an attribution's verb just before a date ("..., the
# agency said on Wednesday").
# Past participles no ending tells ("has sent", "had kept"): the perfect tense's, below.
_IRREGULAR = "won|met|led|set|sent|spent|built|kept|lost|paid|sold|held|made|put|cut|shut|hit|struck|shot|swept|stuck"
PERFECT_NEWS = deferred(r"^[^,;]{0,120}?\b(?:has|have)\s+(?:now\s+|already\s+|also\s+)?(?:been\s+)?"
                        rf"(?!been\b)(?:[a-z]+(?:ed|en|wn|un|ght|nd|ne|ft|st)|{_IRREGULAR})\b")


def perfect_news(text: str) -> bool:
    """Whether `text` tells news in the present perfect (`PERFECT_NEWS`), a plan set off in commas before its verb
    read past ("Two strikes ..., planned for next week, have been suspended")."""
    if ", " not in text:
        return PERFECT_NEWS.search(text) is not None
    # (... or in a clause of its own after ", and": "The fire ... is under control, and the families from all 55
    # evacuated homes have gone back to their houses".)
    return any(PERFECT_NEWS.search(clause) is not None
               for clause in re.split(r",\s+(?:and|but)\s+", _PLAN_ASIDE.sub("", text)))


# A verb of telling and the words before the day it names ("said on", "told reporters late"); briefer.facts reads
# the weekday after it as the day of the telling.
SAID_ON = r"\b(?:said|says|announced|confirmed|reported|told \w+)\s+(?:late\s+|early\s+)?(?:on\s+)?"
_SAID_BEFORE = deferred(SAID_ON + "$")
SAID_REACH = 30
# Asides whose dates are not the sentence's event: "since ..." up to the clause's end, and relative clauses.
# ... and a comparison (", down from about 3,000 on Sunday,": the sentence's own news is of now).
# ... and a clause that says which people the subject is, up to the sentence's own verb ("All residents who spent
# Tuesday night at the rest centre | have now returned home").
# ... and a participle between commas that dates the subject, not the news ("Kestrel, founded in 1871, employs 130").
_ASIDE = deferred(r"\b[Ss]ince\b[^,;]{0,80}|,\s+(?:who|which|whose|where)\b[^,;]{0,120}|"
                  r",\s+(?:founded|established|built|opened|formed|set up|created|completed)\s+in\b[^,;]{0,40}(?=,)|"
                  # ... and a record's or a work's own making after its noun: "the previous best ..., 47 days and two
                  # hours, set by Signe Holt in 2022, according to ..."
                  r",\s+(?:set|held|built|made|written|painted|won|recorded|broken)\s+by\b[^,;]{0,60}|"
                  # ... and the figure a correction replaces: "is 212, not the 230 the company announced on
                  # Tuesday, Halden said on Wednesday" (Wednesday's news).
                  r",\s+(?:and\s+)?not\s+(?:the\s+)?(?:provisional\s+|first\s+|initial\s+)?[£$€]?\d(?:[^,;]|(?<=\d),(?=\d)){0,80}|"
                  # ... and others who did it before, with their years: "the third person known to have swum the
                  # Sound, after Gareth Lowe in 1987 and Piet Drummond in 2004".
                  r"\b(?:after|behind|like|joining)\s+(?:[A-Z][\w'’-]+\s+){1,3}in\s+\d{4}\b"
                  r"(?:,?\s+(?:and\s+)?(?:[A-Z][\w'’-]+\s+){1,3}in\s+\d{4}\b)*|"
                  r",\s+(?:down|up) from\b(?:[^,;]|(?<=\d),(?=\d)){0,60}|"
                  # ... and a plan's day set off in commas: "Two strikes ..., planned for next week, have been
                  # suspended" (the suspension is the news, not next week).
                  r",\s+(?:planned|scheduled|due|set|expected)\s+(?:for|on|to\s+\w+)\b[^,;]{0,40}(?=,)|"
                  r"\bwho\s+(?:(?:has|have|had|is|are|was|were)\s+)?[a-z]+\b(?:(?!\b(?:said|says|told)\b)[^,;]){0,100}?"
                  r"(?=\s(?:has|have|had|is|are|was|were|will|would)\s)|"
                  # ... and a participle after the person it describes, up to the sentence's own verb: "The man
                  # arrested on suspicion of dangerous driving on Wednesday evening ... has been charged".
                  r"\b(?:man|woman|boy|girl|teenager|youth|person|driver|suspect|men|women|people|\d+-year-old)\s+"
                  r"(?:arrested|detained|held|injured|hurt|rescued|questioned|stopped|charged|found)\b[^;]{0,100}?"
                  r"(?=\s(?:has|have|had|is|are|was|were)\s)")
# Past-tense wording before a date: the date is behind the writer ("were postponed in February").
_PAST = deferred(r"\b(?:was|were|had|did|went|came|met|left|began|took|gave|made|rose|fell|grew|won|lost|held|"
                 r"saw|sent|spent|paid|sold|hit|ran|struck|shut|built|fought|chose|broke|spoke|wrote|became|"
                 r"led|kept|brought|bought|caught|felt|found|got|knew|meant|stood|thought|understood|"
                 r"(?!(?:need|indeed|proceed|exceed|succeed|speed|seed|feed|breed|added|reported|announced|"
                 r"stated|noted|warned|insisted|explained|confirmed|expected|scheduled|planned)\b)\w{3,}ed)\b", re.I)
# Characters before a month searched for the past tense of its own clause ("talks were postponed in February").
PAST_REACH = 40
# Events dated this many days before the source's date are background to its news (a month and a half:
# "in February" in a June story is background, "last week" is news).
BACKGROUND_DAYS = 45
# Lines from the top and bottom of an article searched for a date (bylines sit at the top, dates at either end).
HEAD_LINES = 8
TAIL_LINES = 3
# Longest masthead line of comma-separated parts read for its date ("City of Lindby, press office, Monday 9 November
# 2026" has 9 words).
MASTHEAD_WORDS = 12
# An author closing a masthead line or a byline's part: "*Valley Echo, Thursday 12 March 2026, by Aileen Farrow*",
# "Posted Thursday 19 November 2026 by Owen Tracy".
_CLOSING_BYLINE = deferred(r"(?:,\s*|\s+(?:[-–—|]\s+)?)by\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}$")


@dataclass(frozen=True, slots=True)
class When:
    """A date a sentence speaks of, to the precision the text gives it."""

    day: dt.date  # the first day of the week, month or year when less precise
    precision: Precision
    phrase: str = ""  # the words it was read from

    def iso(self) -> str:
        """"2023-06-18", "2023-06" or "2023". A week is given by its month (that of its middle day): its first day
        would read as the day of the event ("cubs born this week" is not news of Monday the 17th)."""
        if self.precision == "year":
            return f"{self.day.year:04d}"
        if self.precision in ("month", "week"):
            middle = self.day + dt.timedelta(days=3) if self.precision == "week" else self.day
            return f"{middle.year:04d}-{middle.month:02d}"
        return self.day.isoformat()


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(MONTHS, start=1) if m.startswith(key))


def days_named(text: str) -> set[tuple[int, int]]:
    """The days `text` names with their month ("28 October", "Oct. 28", "03/04/2026"), as (month, day), whatever
    the year."""
    found = {(_month(m["month"]), int(m["day"])) for pattern in (_MONTH_DAY, _DAY_MONTH)
             for m in pattern.finditer(text) if 1 <= int(m["day"]) <= 31}
    if "/" in text:
        found |= {(day.month, day.day) for m in _NUMERIC_DATE.finditer(text) if (day := _numeric_date(m, None))}
    return found


def ends_with_date(text: str) -> bool:
    """Whether `text` ends in a full date ("..., Thursday 12 March 2026"): a document's own date in its heading."""
    found = list(_FULL_DATE.finditer(text))
    return bool(found) and not text[found[-1].end():].strip(" .")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_ORDINAL_SUFFIX = deferred(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
# A weekday's day of the month before a second day that carries the month: "Saturday 24 and Sunday 25 July".
_PAIRED_DAY = deferred(r",?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:and|to|or|-|–)\s+(?:[A-Z][a-z]+day,?\s+)?\d{1,2}"
                       r"(?:st|nd|rd|th)?\s+[A-Z][a-z]+")
_STARTING_JUST_BEFORE = deferred(r"\b(?:starting|beginning|commencing|to start|to begin|due to start|due to begin)"
                                 r"\s+(?:in\s+|from\s+)?$")
_UNTIL_JUST_BEFORE = deferred(r"\b(?:until|till|valid to|runs to|expires on)\s+(?:(?:the )?(?:end of )?"
                              r"(?:[A-Z][a-z]+day,? )?)?$")


def _pointing(text: str, at: int, first_modal: int) -> bool | None:
    """Which side of the anchor a date at `at` lies on, as the wording says: ahead after a preview's wording ("will
    meet on 12 December"), behind after a past tense in its own clause ("were postponed in February"), else
    unsaid ("A hearing on 12 December will decide ...": the nearest)."""
    if at > first_modal:
        return True
    # The end of a state in force, whatever tense told it: "has been extended by the coastguard agency until 8 May"
    # (said in March: this May).
    if _UNTIL_JUST_BEFORE.search(text, max(0, at - 24), at):
        return True
    # ... and the start of something: "a two-year trial in 24 schools, starting in January" (said in June: next year).
    if _STARTING_JUST_BEFORE.search(text, max(0, at - 24), at):
        return True
    # (A capitalised word inside the text is a name's: "Ashby Fell, 12 May" is a branch closing on 12 May.)
    before = text[max(0, at - PAST_REACH):at]
    return False if any(m.group()[0].islower() for m in _PAST.finditer(before)) else None


def _near_year(month: int, day: int, anchor: dt.date, future: bool | None) -> int:
    """The year that puts month/day on the side the wording points to, or nearest the anchor when it points nowhere."""
    candidates = [dt.date(y, month, min(day, 28)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if future is True:
        candidates = [c for c in candidates if c >= anchor - dt.timedelta(days=31)]
    elif future is False:
        candidates = [c for c in candidates if c <= anchor + dt.timedelta(days=31)]
    return min(candidates, key=lambda c: abs((c - anchor).days)).year


# Hedges that make a sentence a preview whatever its tense ("an encounter with Xi was still in the cards").
# A worry or an open question is about what is still to come ("The weather is the big worry.", "The main question is
# whether ...", "our main concern is that he has been injured").
HEDGED = deferred(r"\b(?:(?:in|on) the cards|not (?:been )?ruled out|remains? (?:possible|unclear)|yet to be|"
                  r"(?:is|are|remains?) the (?:big|biggest|main|chief|key|only|real|one) (?:worry|concern|fear|"
                  r"question|unknown)|(?:big|biggest|main|key|open) question (?:is|remains) (?:whether|if|how|when)"
                  r"|(?:our|the|my|their) (?:main|chief|biggest|big|only|first) (?:concern|worry|fear) "
                  r"(?:is|remains)"
                  # ... and a rumour: "are understood to be closing in on", "sources say she could be appointed",
                  # "are in advanced talks with"
                  r"|(?:is|are) (?:understood|believed|thought|said|reported) to be (?:closing in on|in talks|"
                  r"in advanced talks|close to|near(?:ing)? a deal)|(?:is|are) closing in on|"
                  r"in advanced talks with)\b",
                  re.I)


# An event's arrangements for those who come, which hold only until it takes place (or is called off): "Early campers
# can arrive from Thursday afternoon.", "Glass bottles, gas stoves and drones are banned from the site.", "Parking
# at the site costs €12 a day and must be booked in advance."
ARRANGEMENT = deferred(r"\b(?:can|may) (?:arrive|book|park|camp|enter|collect)\b|\bmust be (?:booked|bought|paid)\b|"
                       r"\b(?:are|is) (?:banned|not allowed|prohibited) (?:from|on|at|in) the (?:site|venue|grounds?|"
                       r"festival|stadium|arena)\b", re.I)


def looks_ahead(text: str, published: dt.date | None) -> bool:
    """Whether `text` dates what it tells to a day after its article's (`published`): whatever its verbs, no report
    of that day's event ("Tollan remanded in custody - sentencing on 16 October", in September)."""
    if published is None:
        return False
    when = event_date(text, published)
    return when is not None and when.precision == "day" and when.day > published


def sentence_kind(text: str, anchor: dt.date | None = None) -> Kind:
    """`classify`, with a hedge ("still in the cards", "not ruled out") or an event's arrangements making any
    sentence expected: how the brief's sections and the once stage read an item."""
    return "expected" if HEDGED.search(text) or ARRANGEMENT.search(text) else classify(text, anchor)


@lru_cache(maxsize=1 << 16)  # several stages ask about the same sentences, and these are the slowest patterns
def _ahead(probe: str) -> re.Match[str] | None:
    """`_AHEAD.search(probe)`, searched only when one of its words is in the folded text."""
    folded = fold(probe)
    return _AHEAD.search(probe) if any(w in folded for w in _AHEAD_WORDS) else None


@lru_cache(maxsize=1 << 16)
def _expected(probe: str) -> re.Match[str] | None:
    """`_EXPECTED.search(probe)`, searched only when one of its words is in the folded text."""
    folded = fold(probe)
    return _EXPECTED.search(probe) if any(w in folded for w in _EXPECTED_WORDS) else None


def _expects(probe: str) -> bool:
    """Whether `_EXPECTED` finds a preview in `probe`."""
    return _expected(probe) is not None


@lru_cache(maxsize=65_536)  # pure, and asked about the same sentences by several stages
def classify(text: str, anchor: dt.date | None = None) -> Kind:
    """"expected" for a preview or plan, "background" for an earlier state of affairs, else "report".

    With `anchor` (the source's date), a sentence whose events are dated well before it is background too.
    """
    probe = text.replace("’", "'")
    probe = _MAY_MONTH.sub("", probe) if "May" in probe else probe
    folded = fold(probe)
    if "should" in folded:
        probe = _SHOULD_THAT.sub("", probe)
        folded = fold(probe)
    if "so " in folded and _PURPOSE.search(probe):
        probe = _PURPOSE.sub("", probe)
        folded = fold(probe)
    # A plan set off in commas describes the subject; the main verb tells the news ("Two strikes ..., planned for
    # next week, have been suspended").
    if ", " in probe and _PLAN_ASIDE.search(probe):
        probe = _PLAN_ASIDE.sub("", probe)
        folded = fold(probe)
    # ... and so does what a report would mean, set off after it: "Carrowfield has recorded a provisional temperature
    # of 38.9C, which would make Monday the hottest day since records began".
    if ", which" in probe and _WOULD_ASIDE.search(probe):
        probe = _WOULD_ASIDE.sub("", probe)
        folded = fold(probe)
    if _expects(probe) and not _news_then_warning(probe):
        return "expected"
    if any(w in folded for w in _BACKGROUND_WORDS) and _BACKGROUND.search(probe):
        return "background"
    if anchor is not None:
        when = event_date(text, anchor)
        # A timetable's present, of a day after the article's: "The cabinet meets at County Hall on Tuesday 19 May at
        # 10am." in a paper of 14 May.
        if when is not None and when.precision == "day" and when.day > anchor and (
                _SCHEDULED.search(probe) or DATE_LABEL.match(probe) or _OFFERED.search(probe)):
            return "expected"
        # (A year's precision tells no day: "between 2023 and this year" is no background in April.)
        if when is not None and when.day < anchor - dt.timedelta(days=BACKGROUND_DAYS) \
                and not (when.precision == "year" and when.day.year == anchor.year):
            return "background"
    return "report"


# What someone has offered or promised to do, on a day after the article's: "has offered to search the fields ... on
# Wednesday evening".
_OFFERED = deferred(rf"\b{_OFFERED_TO}\b")
_WOULD_ASIDE = deferred(r",\s+which (?:would|could|might) (?:make|mean|be|give|put|leave|take)\b[^;]*")


# A listed step that opens with its day ("Tuesday 30 June: the full town council votes on the £100,000 loan.").
DATE_LABEL = deferred(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?"
                         # (two days of one month: "Friday 6 and Saturday 7 February:")
                         r"(?:\d{1,2}(?:st|nd|rd|th)? (?:and|to|-|–) (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day )?)?"
                         r"(?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+|"
                         r"[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?)(?:,? \d{4})?(?:,? \d{1,2}(?:[.:]\d\d)?\s*(?:am|pm))?"
                         r":\s")
# (Not a document's provisions told in the present: "The budget closes Oxley and Fernleigh libraries on 31 March,
# raises the charge ..." tells what was decided.)
_SCHEDULED = deferred(r"^(?![Tt]he (?:budget|plans?|report|bill|scheme|proposals?|deal|agreement|policy|strategy|"
                      r"review|settlement|order|ruling|law)\b)(?:[A-Z][\w'’-]*|the|The)(?:\s+[\w'’-]+){0,5}?\s+"
                      r"(?:meets|opens|reopens|starts|begins|closes|sits|resumes|returns|kicks off|takes place|"
                      r"goes on sale|hears|decides|votes)\b")
_PLAN_ASIDE = deferred(r",\s+(?:planned|scheduled|due|set|expected)\s+(?:for|on|to\s+\w+)\b[^,;]{0,40},(?=\s+"
                       r"(?:has|have|had|was|were|is|are)\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ne)\b)")


def _news_then_warning(probe: str) -> bool:
    """A main clause in the present perfect whose preview is what it says or warns ("Campaigners ... have sent the
    city council a formal letter warning that they will seek a judicial review"): news of the day, not a preview."""
    perfect = PERFECT_NEWS.search(probe)
    preview = _expected(probe)
    return (perfect is not None and preview is not None and perfect.end() <= preview.start()
            and _SAYING_THAT.search(probe, perfect.end(), preview.start()) is not None)


# What a perfect-tense report says before its preview: "a letter warning that", "saying" (not a relative "that":
# "has closed the footpath that runs past the site and will not say ...").
_SAYING_THAT = deferred(r"\b(?:warning|saying|stating|threatening|announcing|promising|insisting)\b", re.I)


# A preview's weekday is at most this many days ahead ("will meet on Monday" in a Thursday paper: four days), else
# the one before (a wire copy told after its event: "would meet on Monday" in a Wednesday update).
FUTURE_WEEKDAY_DAYS = 5


_TOLD_PAST = deferred(r"\b(?:was|were|had|ran|lasted|stayed|remained)\b", re.I)
# A deadline's clock time before its day: "until 5 p.m. local time (0900 GMT) on Friday", "by noon on Monday".
DEADLINE_REACH = 45
_DEADLINE_BEFORE = deferred(r"\b(?:until|by|before)\s+(?:\d|noon|midday|midnight)[^;]*$", re.I)


_ZONE = deferred(r"\b(?:GMT|UTC|BST|CET|EST|PST|local time)\b")
_LOCAL_AFTER = deferred(r"\s+(?:in (?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?(?=[),.;]|\s+time\b)|local time\b|"
                        r"\(local time\))", re.I)
_DAY_RANGE_AFTER = deferred(r"\s*(?:to|-|–|through)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!\s+\d)")
_DAY_RANGE_BEFORE = deferred(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:to|-|–|through)\s+$")
_CALLED_FOR = deferred(r"\b(?:called|scheduled|set|planned|booked|fixed|arranged)\s+for\s+(?:next\s+)?$")
_GOING_AHEAD = deferred(r"\b(?:is|are) (?:still )?going ahead\b")
_FROM_HOUR = deferred(r"\bfrom\s+(?:\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midday|midnight)\s+$", re.I)


def _weekday(match: re.Match[str], anchor: dt.date, future: bool) -> dt.date:
    """A report's weekday is the last one on or before the anchor; a preview's is the next one up to
    `FUTURE_WEEKDAY_DAYS` ahead, else the last one."""
    target = WEEKDAYS.index(match.group("weekday").lower())
    rel = (match.group("rel") or "").lower()
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if rel == "last":
        return anchor - dt.timedelta(days=back or 7)
    if rel == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == "this":  # the one of the anchor's week, Monday to Sunday: "was meant to open this Friday", on a Tuesday
        return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=target)
    if future or rel == "until":  # "a warning in force until Thursday": a period's end lies ahead
        return anchor + dt.timedelta(days=ahead) if ahead <= FUTURE_WEEKDAY_DAYS else anchor - dt.timedelta(days=back)
    return anchor - dt.timedelta(days=back)


# A plan told in the past, its day either side of the article's: "had been due to give evidence ... on Tuesday
# morning" (in Monday's article, the next day; in Wednesday's, the day before).
_WAS_DUE = deferred(r"\b(?:had been|was|were) (?:due|scheduled|set|meant|supposed) to\b[^.;,]*$")
WAS_DUE_REACH = 80
# The words before a weekday that make it the day the article was written: "later Sunday", "earlier on Monday".
_OWN_DAY = r"(?:later|earlier)"
_SAME_DAY_BEFORE = deferred(rf"\b{_OWN_DAY}\s+\Z", re.I)


# An article's own day named in its text: "A working dinner is scheduled for later Sunday", "earlier on Monday".
_WRITTEN_DAY = deferred(rf"\b{_OWN_DAY}\s+(?:on\s+)?{_WEEKDAY_RE}\b(?!\s*,?\s*(?:{_MONTH_RE}|[0-3]?\d\b))")
WRITTEN_DAY_BLOCKS = 12


def written_day(blocks: Sequence[str], before: dt.date) -> dt.date | None:
    """The day an undated article was written, when its opening blocks name it ("... later Sunday", "earlier on
    Monday"): that weekday on or before `before` (the day it is read against); else None."""
    for block in blocks[:WRITTEN_DAY_BLOCKS]:
        if "day" in block and (m := _WRITTEN_DAY.search(block)):
            target = WEEKDAYS.index(m["weekday"].lower())
            return before - dt.timedelta(days=(before.weekday() - target) % 7)
    return None


def _nearest_weekday(match: re.Match[str], anchor: dt.date) -> dt.date:
    """The named weekday nearest the anchor, on either side (the last one on a tie)."""
    target = WEEKDAYS.index(match.group("weekday").lower())
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    return anchor + dt.timedelta(days=ahead) if ahead < back else anchor - dt.timedelta(days=back)


def _ordinal_day(m: re.Match[str], anchor: dt.date, ahead: bool) -> When | None:
    """The date of a day of the month named without its month: the one, in the anchor's month or either beside it,
    on the weekday named ("Saturday the 24th"), else on the side the wording points to ("until the 28th" ahead),
    nearest the anchor."""
    n = int(m["day"])
    months = [divmod(anchor.year * 12 + anchor.month - 1 + k, 12) for k in (-1, 0, 1)]
    days = [d for year, month in months if (d := _safe_date(year, month + 1, n)) is not None]
    weekday = m["weekday"] or m["named"]
    if weekday:
        days = [d for d in days if d.weekday() == WEEKDAYS.index(weekday.lower())]
    elif ahead:
        days = [d for d in days if d >= anchor]
    if not days:
        return None
    return When(min(days, key=lambda d: abs((d - anchor).days)), "day", m.group())


def _relative(word: str, anchor: dt.date) -> When:
    word = word.lower()
    if word in ("today", "tonight") or word.startswith(("this morning", "this afternoon", "this evening")):
        return When(anchor, "day", word)
    if word in ("yesterday", "tomorrow", "last night"):
        return When(anchor + dt.timedelta(days=1 if word == "tomorrow" else -1), "day", word)
    step = {"last": -1, "this": 0, "next": 1}[word.split()[0]]
    unit = word.split()[1]
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        return When(monday, "week", word)
    if unit == "month":
        month = anchor.month - 1 + step
        return When(dt.date(anchor.year + month // 12, month % 12 + 1, 1), "month", word)
    return When(dt.date(anchor.year + step, 1, 1), "year", word)


def mentions(text: str, anchor: dt.date) -> list[When]:
    """Every date `text` names, in reading order, resolved against `anchor` (the source's or the brief's date)."""
    return [when for _, when in _mentions_at(text, anchor)]


@lru_cache(maxsize=65_536)  # the timeline, what comes next and the once-rule ask about the same sentences
def _mentions_at(text: str, anchor: dt.date) -> tuple[tuple[int, When], ...]:
    """(position, date) of every date `text` names, in reading order."""
    # Each pattern below runs only when the text has what it needs: a digit, a month's or a weekday's name.
    digits, months, weekdays = bool(_DIGIT.search(text)), bool(_MONTH_CUE.search(text)), bool(_WEEKDAY_CUE.search(text))
    first_modal = len(text) + 1
    if months or weekdays:
        modal = _ahead(text.replace("’", "'"))
        # A date looks ahead only when a preview's wording comes before it ("will meet on Monday"); in "Before
        # leaving on Friday, he said they would ..." the day is behind.
        first_modal = modal.start() if modal else first_modal
    found: list[tuple[int, int, When]] = []

    def add(match: re.Match[str], when: When | None) -> None:
        if when is not None and not any(s < match.end() and match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), when))

    for m in _ISO.finditer(text) if digits else ():
        day = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        add(m, When(day, "day", m.group()) if day else None)
    for m in _DOTTED_DATE.finditer(text) if digits and "." in text else ():
        day = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        add(m, When(day, "day", m.group()) if day else None)
    for m in _DOTTED_DAY.finditer(text) if digits and "." in text else ():
        month, day_n = int(m["m"]), int(m["d"])
        year = _near_year(month, day_n, anchor, True if m.start() > first_modal else None) if 1 <= month <= 12 else 0
        day = _safe_date(year, month, day_n) if year else None
        add(m, When(day, "day", m.group()) if day else None)
    # A date in figures with its year, day first unless only the other reading is a date: "on 03/04/2026".
    for m in _NUMERIC_DATE.finditer(text) if digits and "/" in text else ():
        day = _numeric_date(m, None)
        add(m, When(day, "day", m.group()) if day else None)
    for pattern in (_MONTH_DAY, _DAY_MONTH) if digits and months else ():
        for m in pattern.finditer(text):
            month, day_n = _month(m["month"]), int(m["day"])
            year = int(m["year"]) if m["year"] else _near_year(month, day_n, anchor,
                                                               _pointing(text, m.start(), first_modal))
            day = _safe_date(year, month, day_n)
            add(m, When(day, "day", m.group()) if day else None)
    for m in _MONTH_ONLY.finditer(text) if months else ():
        month = _month(m["month"])
        phrase = m.group().lower()
        if not m["year"] and text[max(0, m.start() - 5):m.start()].lower().endswith("that "):
            continue  # "opened that September": the year the sentence before told, no date here
        direction = (True if phrase.startswith("next") else False if phrase.startswith(("last", "since"))
                     else _pointing(text, m.start(), first_modal))
        ranged = None if m["year"] else _RANGE_YEAR.match(text, m.end())
        given = m["year"] or (ranged["year"] if ranged else None)
        year = int(given) if given else _near_year(month, 15, anchor, direction)
        if not given and phrase.startswith(("next", "last")) and month == anchor.month:
            year = anchor.year + (1 if phrase.startswith("next") else -1)  # "next August", said in August
        add(m, When(dt.date(year, month, 1), "month", m.group()))
    for m in _ORDINAL_DAY.finditer(text) if digits else ():
        add(m, _ordinal_day(m, anchor, m["rel"] in ("until", "by") or m.start() > first_modal))
    for m in _YEAR_ONLY.finditer(text) if digits else ():
        add(m, When(dt.date(int(m["year"] or m["old"]), 1, 1), "year", m.group()))
    for m in _WEEKDAY.finditer(text) if weekdays else ():
        if not m["rel"] and _WEEKDAY_MODIFIER.match(text, m.end()) and text[:m.start()].endswith(("the ", "its ")):
            continue  # "the Sunday library cuts", "its Saturday market": a kind of day, not a date
        if not m["rel"] and _WEEKDAY_KIND.match(text, m.end()):
            continue  # "evening and Sunday services": a kind of service, not a date
        if not m["rel"] and (_DAY_RANGE_AFTER.match(text, m.end())
                             or _DAY_RANGE_BEFORE.search(text, max(0, m.start() - 16), m.start())):
            continue  # "hourly ..., Monday to Saturday": the days of a timetable, not a date ("from Tuesday to ...")
        if (not m["rel"] or m["rel"].lower() == "on") and _ANY_DAY.search(text, max(0, m.start() - 8), m.start()):
            continue  # "move to a Saturday", "on any Sunday": no day in particular
        if any(0 <= start - m.end() <= 2 for start, _, _ in found):
            continue  # "Monday 26 January", "Monday, January 26": the date that follows is the day
        if _PAIRED_DAY.match(text, m.end()):
            continue  # "on Saturday 24 and Sunday 25 July 2027": the days of the date that follows
        # (A period "from Tuesday" starts ahead unless the sentence tells it in the past: "has issued a warning ...
        # from Tuesday morning" on a Monday is the coming Tuesday; "was closed from Tuesday" the last.)
        # ... and so does a deadline's day ("has given the owner until 5 p.m. local time (0900 GMT) on Friday to
        # pay"), unless told in the past.
        # (... and "from 6pm on Friday until noon on Saturday", a period's start with its hour.)
        starts = ((m["rel"] or "").lower() == "from" or ((m["rel"] or "").lower() == "on"
                  and (_DEADLINE_BEFORE.search(text, max(0, m.start() - DEADLINE_REACH), m.start()) is not None
                       or _FROM_HOUR.search(text, max(0, m.start() - 20), m.start()) is not None))) \
            and not _TOLD_PAST.search(text, 0, m.start())
        # (A day told in another place's time may be the day after the article's own: "at 9.40pm GMT (6.40am on
        # Thursday in Tokyo)", in Wednesday's paper.)
        local = _LOCAL_AFTER.match(text, m.end()) is not None and _ZONE.search(text) is not None \
            and (WEEKDAYS.index(m["weekday"].lower()) - anchor.weekday()) % 7 == 1
        # (... and so does a scheduled event of a day told in the present: "Friday's final stage runs 148km from
        # Ilkerby", "Thursday's fourth stage is a 26km individual time trial".)
        fixture = not m["rel"] and _OWNED_FIXTURE.match(text, m.end()) is not None
        # (... and an event called for a day, or one said to be going ahead: "The extraordinary council meeting
        # called for Thursday evening", "The clinic ... on Wednesday and the one ... on Saturday are going ahead".)
        fixture = fixture or _CALLED_FOR.search(text, max(0, m.start() - 20), m.start()) is not None \
            or _GOING_AHEAD.search(text, m.end()) is not None
        day = _weekday(m, anchor, m.start() > first_modal or starts or local or fixture)
        if (m["rel"] or "on").lower() == "on" and (
                _WAS_DUE.search(text, max(0, m.start() - WAS_DUE_REACH), m.start())
                or _SAME_DAY_BEFORE.search(text, max(0, m.start() - 10), m.start())):
            # A plan told in the past: "had been due to give evidence ... on Tuesday". And the article's own day,
            # whatever the tense: "A working dinner is scheduled for later Sunday", "met earlier on Monday" (of an
            # undated article read against a later --date, the Sunday just gone, not the next one).
            day = _nearest_weekday(m, anchor)
        add(m, When(day, "day", m.group()))
    low = text.lower()
    relative = any(cue in low for cue in _RELATIVE_CUES)  # a substring test is many times faster than the pattern
    for m in _RELATIVE.finditer(text) if relative else ():
        if not in_a_name(text, m.start()):
            add(m, _relative(m["word"], anchor))
    return tuple((start, when) for start, _, when in sorted(found, key=lambda f: f[0]))


def in_a_name(text: str, start: int) -> bool:
    """Whether the relative day at `start` is a word of a name: capitalised after a capitalised word, not a sentence's
    first ("Dozens of people contacted Tarnvale Today on Monday", "USA Today")."""
    if not text[start:start + 1].isupper():
        return False
    before = text[:start].split()
    return bool(before) and before[-1][:1].isupper() and not before[-1].endswith((".", "!", "?", ":"))


# Words of a preview's event looked at on each side of its modal ("The stoppage | is due to | begin at 6 a.m.").
EVENT_WORDS_BEFORE = 3
EVENT_WORDS_AFTER = 2


def preview_event(text: str) -> tuple[str, str, str]:
    """A preview split at its modal: the text before it (the subject: "The stoppage", "Ravel said his group"),
    the modal ("is due to", "possibly") and the text after it (the event: "begin at 6 a.m. on Thursday");
    ("", "", "") when nothing looks ahead."""
    probe = _MAY_MONTH.sub(lambda m: " " * len(m.group()), text.replace("’", "'"))
    found = _expected(probe)
    if found is None:
        return "", "", ""
    end = _event_start(found)
    return text[:found.start()], text[found.start():end].rstrip(), text[end:]


def _event_start(found: re.Match[str]) -> int:
    """Where a preview's event starts: after its modal, or at the verb the modal ends with ("expects flights to
    resume by midday", "expects the council to back the plan")."""
    verb = re.search(r"\bto (\w+)$", found.group()) if found.group().lower().startswith("expect") else None
    return found.start() + verb.start(1) if verb else found.end()


def preview_events(text: str) -> list[str]:
    """The text after each of a sentence's previews ("would add nine stops, and would open in 2030 if ...":
    both), the verb of an "expects the council to back" preview included; [] when nothing looks ahead."""
    probe = _MAY_MONTH.sub(lambda m: " " * len(m.group()), text.replace("’", "'"))
    if _expected(probe) is None:
        return []
    return [text[_event_start(found):] for found in _EXPECTED.finditer(probe)]


def preview_days(text: str, anchor: dt.date) -> list[When]:
    """The dates a preview's own events name (after its first modal), read in the whole sentence ("would start
    rebuilding the collapsed sewer on Monday": the coming Monday); [] when nothing looks ahead."""
    events = preview_events(text)
    if not events:
        return []
    start = len(text) - max(len(event) for event in events)
    return [when for at, when in _mentions_at(text, anchor) if at >= start]


def preview_day(text: str, anchor: dt.date) -> When | None:
    """The first day a preview's own event names, whatever day an aside before it gives ("Heron Ward, ... that closed
    on Thursday, will reopen on Monday 1 June": 1 June); None when its event names no day."""
    return min((w for w in preview_days(text, anchor) if w.precision == "day"), key=lambda w: w.day, default=None)


def overdue(text: str, anchor: dt.date, cutoff: dt.date) -> bool:
    """True when the event a preview names ("The stoppage is due to begin on Thursday") was due before `cutoff`
    (the newest source's date): by then the sources would report it, and the preview is stale. A preview whose
    only days are in an aside is as stale once they are all past ("Campaigners plan to gather ... before the
    meeting, which starts at 6pm on March 3"). The day of the previewed event counts, not the day it was announced
    ("... today announced a plan to close its creamery by the end of September 2026": September)."""
    # (A month or a year the event part names counts when later; a weekday read alone is of the past week: "resume
    # on Monday" would be last Monday.)
    ahead = [_last_day(w) for event in preview_events(text) for w in mentions(event, anchor)
             if w.precision in ("month", "year")]
    when = preview_day(text, anchor) or event_date(text, anchor)
    if when is None:
        days = [w.day for w in mentions(text, anchor) if w.precision == "day"]
        if not days and not ahead and any(_CLOCK_ONLY.search(event) for event in preview_events(text)):
            days = [anchor]  # "The rest centre will close at 6pm": its article's day
        return bool(days) and max(days + ahead) < cutoff
    return max([_last_day(when), *ahead]) < cutoff


# A preview's event at a time of its own article's day: "will close at 6pm", "by midnight", "tonight".
_CLOCK_ONLY = deferred(r"\b(?:at|by|until|from|before|after)\s+(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|"
                       r"noon|midday|midnight)|\b(?:tonight|this (?:morning|afternoon|evening))\b", re.I)


def expired(text: str, anchor: dt.date, cutoff: dt.date) -> bool:
    """True when a report tells of a state in force until a day before `cutoff` (the newest source's date), in the
    present: "The Met Office has issued a yellow warning for rain ... until Saturday morning" in a brief whose
    newest article is from Sunday (not "the road stayed closed until Saturday", a past state told as past)."""
    folded = text.lower()
    if ("until" not in folded and "end of" not in folded) or _TOLD_PAST.search(text):
        return False
    # (A day: "who lived in the tower until 1987" tells a state long past, not one in force.)
    # ("until" may stand before a time of the day: "is in force until midday on Thursday"; and "to the end of" a day
    # is until it: "Free park-and-ride travel has been extended to the end of Thursday".)
    return any((w.phrase.lower().startswith("until") or _UNTIL_TIME_BEFORE.search(text, max(0, at - 30), at)
                or _END_OF_BEFORE.search(text, max(0, at - 20), at))
               and w.precision == "day" and w.day < cutoff for at, w in _mentions_at(text, anchor))


_END_OF_BEFORE = deferred(r"\b(?:to|until|till) the end of\s+\Z", re.I)


def _last_day(when: When) -> dt.date:
    """The last day of the day, week, month or year `when` names."""
    if when.precision == "day":
        return when.day
    if when.precision == "week":
        return when.day + dt.timedelta(days=6)
    if when.precision == "month":
        return (when.day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return when.day.replace(month=12, day=31)


# Verbs of telling in the past: a clause of them reports a saying, no event ("the council said").
SAYING_PAST = frozenset({"said", "told", "announced", "confirmed", "added", "stated", "reported", "warned"})


def past_words(text: str) -> list[str]:
    """The words of `text` in the past tense ("joined", "began", "met"), lower-cased."""
    return [m.group().lower() for m in _PAST.finditer(text.replace("’", "'"))]


# A completed event in the perfect tense: "had joined", "has reopened", "have already voted".
_PERFECT = deferred(r"\b(?:had|has|have)\s+(?:already\s+|now\s+|just\s+)?(?:[a-z]+(?:ed|en|ne|wn|un|ght)|"
                    rf"{_IRREGULAR}|lent|left|cut|hit|put|told|said|found)\b")


def reports_before_preview(text: str) -> bool:
    """A report with a forward-looking tail: a completed event (perfect tense) told before the sentence's first
    preview word, outside asides ("said that 1,800 workers had joined the strike ... and that the stoppage would
    now run until Monday"). `classify` calls it expected, for its tail."""
    probe = _SHOULD_THAT.sub("", _MAY_MONTH.sub("", text.replace("’", "'")))
    preview = _expected(probe)
    if preview is None:
        return False
    head = _ASIDE.sub("", probe[:preview.start()])
    return bool(_PERFECT.search(head))


@lru_cache(maxsize=65_536)  # pure, and asked about the same sentences by several stages
def told_in_past(text: str) -> bool:
    """A statement in the past tense with no wording that looks ahead: "talks were postponed in February"."""
    probe = text.replace("’", "'")
    if not _PAST.search(probe) or _ahead(probe):
        return False
    probe = _MAY_MONTH.sub("", probe) if "May" in probe else probe
    return not _expects(probe)


def explicit_year(when: When) -> bool:
    """Whether the words a date was read from give its year ("June 18, 2023", "in 2019"), so that it does not
    depend on the date it was counted from."""
    return bool(re.search(r"\b(?:19|20)\d\d\b", when.phrase))


@lru_cache(maxsize=65_536)  # pure, and asked about the same sentences by several stages
def told_on(text: str, anchor: dt.date) -> When | None:
    """The day `text` says its news was told, when it names one after a verb of telling ("fire investigators said
    on Tuesday"); None otherwise."""
    return next((when for at, when in _mentions_at(text, anchor)
                 if when.precision == "day" and _SAID_BEFORE.search(text, max(0, at - SAID_REACH), at)), None)


_SUBJECT_PERFECT = deferred(r"^(?:(?:(?!\b(?:said|says)\b)(?:[^;,]|(?<=\d),(?=\d))){20,160}?|"
                            # ... an apposition after the subject's name: "Marek Dolan, the crane operator hurt when
                            # a tower crane collapsed ... on Monday, has been moved out of intensive care"
                            r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3},\s+(?:the|a|an|who)\b[^;,]{3,140},)"
                            r"\s(?P<verb>has|have) "
                            r"(?:now )?been (?:named|identified|charged|arrested|found|released|discharged|moved|"
                            r"taken|jailed|sentenced|cleared|convicted|handed in|handed back|returned|recovered|"
                            r"told|asked|advised|urged|warned)\b")
_SPAN_BEFORE = deferred(r"\b(?:over|across|between)\s+(?:the\s+)?$", re.I)
# ... or a figure's change told from its first day to its last: "fell from 23,400 on Saturday afternoon to 8,700 at 9am
# today" (today's news).
_FROM_FIGURE = deferred(r"\bfrom\s+(?:about\s+|around\s+)?[£$€]?\d[\d,.]*\s*(?:[a-z%]+\s+)?(?:(?:on|at|by)\s+)?$",
                        re.I)


# (... or of the deed a charge, a fine or an accusation is for: "has been charged with robbing Hollinby post office on
# Saturday", "has been accused of leaving the gate open on Monday".)
# (... or of the event a finding is about: "has found no evidence so far of a mechanical failure on either vessel
# involved in the collision in Ardvane harbour on Saturday 13 June".)
_NOT_BEFORE = deferred(r"\bnot (?:in |on )?$")
# ... nor the date a pay rise or a rule runs from: "regraded with back pay to April 2022", "with effect from April
# 2025".
_APPLIES_BEFORE = deferred(r"\b(?:with effect|effective|back ?pay(?: back)?|backdated|back-dated)(?: (?:from|to))? $",
                           re.I)
_DURING_BEFORE = deferred(r"\b(?:during|(?:with|of|for)\s+[a-z]+ing|(?:in|into|of|over|about) the (?:collision|"
                          r"crash|fire|blaze|explosion|attack|robbery|accident|incident|derailment|shooting|"
                          r"stabbing|landslide|sinking|escape|outbreak|leak|spill))\b[^,;.]{0,90}$")


@lru_cache(maxsize=65_536)  # pure; 13,000 asks for 4,500 sentences at 30,000 (lead credits, timeline, once rules)
def event_date(text: str, anchor: dt.date) -> When | None:
    """The date of what `text` tells, when it names one: its most precise mention, the first among equals.

    A date in an aside does not date the sentence's event: "since 2019" says how long a state has lasted
    ("Tamm, who has led the union since 2019, says ...", "the first secretary of state to visit since 2018"),
    and a relative clause (", which opened in 2020,") tells of something else."""
    mentioned = _mentions_at(text, anchor)
    if not mentioned:  # most sentences name no date: no asides to look for
        return None
    asides = [m.span() for m in _ASIDE.finditer(text)]
    # Nor does the end of a state that a report tells of: "extended its warning until Thursday" was news on the
    # day it was told ("would stay closed until Friday" previews Friday).
    ahead = _ahead(text.replace("’", "'"))
    # ... nor, in a report, "until" a few words before it: "appointed ... on a contract until the summer of 2028"
    # (a plan's "until the end of September" is when the plan runs to).
    report = ahead is None and _expected(text) is None
    asides += [(at, at + 6) for at, when in mentioned
               if (when.phrase[:5].lower() == "until" or (report and _UNTIL_BEFORE.search(text, max(0, at - 30), at)))
               and (ahead is None or ahead.start() > at)]
    # ... nor a day in a reason: "Gates will open at 5pm ..., because Monday is a school day".
    asides += [m.span() for m in _BECAUSE.finditer(text)] if "because" in text else []
    # ... nor the day of what the news is counted from: "brought the ship alongside at 02:35, nearly 45 hours after
    # she lost power in the early hours of Saturday".
    asides += [m.span() for m in _COUNTED_AFTER.finditer(text)] if " after " in text or " since " in text else []
    # ... nor the day of what the news follows: "The decision ... follows a fortnight of criticism that the scheme
    # launched on 4 November was too small" (the decision is not of 4 November).
    asides += [m.span() for m in _FOLLOWS.finditer(text)] if " follow" in text else []
    # ... nor a date a figure is compared with: "raised £21,300, more than last year".
    asides += [(at, at + 1) for at, when in mentioned if _COMPARED_BEFORE.search(text, max(0, at - 20), at)
               or (when.phrase[:3].lower() in ("in ", "of ") and when.precision in ("year", "month")
                   and _COMPARED_FIGURE_BEFORE.search(text, max(0, at - 70), at))]
    # ... nor, in news told in the present perfect, the day of what it happened during: "has charged Hallowfield
    # Hornets with failing to follow the union's head injury rules during the club's ... match ... on Saturday 7 March"
    # (the charge is the article's news, not the match's).
    if PERFECT_NEWS.search(text):
        asides += [(at, at + 1) for at, _ in mentioned if _DURING_BEFORE.search(text, max(0, at - 90), at)]
    # ... nor a date named as wrong: "opened in December 1937, not in 1938 as some reports said".
    asides += [(at, at + 1) for at, _ in mentioned if _NOT_BEFORE.search(text, max(0, at - 8), at)
               or _APPLIES_BEFORE.search(text, max(0, at - 20), at)]
    # ... nor the date of a paper that is named: "after the solicitor showed the meeting the clerk's letter of March
    # 2024" (the vote was the meeting's, not in March 2024).
    asides += [(at, at + 1) for at, _ in mentioned if _PAPER_OF_BEFORE.search(text, max(0, at - 30), at)]
    # ... nor a day that names a person by what they did on it: "Tuesday's stage winner Jonas Brekkelund ... lost
    # more than four minutes on the climb" (on Wednesday).
    asides += [(at, at + 1) for at, when in mentioned if _OWNED_PERSON.match(text, at + len(when.phrase))]
    placed = [(at, when) for at, when in mentioned if not any(s <= at < e for s, e in asides)]
    # "Wednesday's derailment" names the day of another event than the sentence's, when it names one besides
    # ("Residents evacuated after Wednesday's derailment were allowed back on Thursday").
    own = [when for at, when in placed if not _OWNED.match(text, at + len(when.phrase))]
    # (A news clause in the present perfect with only such a day tells the news of its own day: "A second worker has
    # died after Tuesday's kiln explosion" is not Tuesday's.)
    if not own and PERFECT_NEWS.search(text) and all(when.precision == "day" for _, when in placed):
        return None
    # ... nor a day or a month in a clause after the news, told "after" it: "The head of Harrowdale Fire and Rescue
    # Service has resigned, hours after an independent review found "serious failings" in the way the service
    # handled a fire at Stoneleigh Mill in January."
    if (perfect := PERFECT_NEWS.search(text)) is not None and (after := _AFTER_NEWS.search(text, perfect.end())) \
            and placed and all(at > after.start() and when.precision in ("day", "month") for at, when in placed):
        return None
    # ... nor a day in the subject of a passive perfect: "The driver pulled from his car ... on Sunday evening has
    # been named as Graham Teague" is news of the day he was named.
    if (named := _SUBJECT_PERFECT.search(text)) is not None and placed:
        # (... its news is told by the days after the verb, if any: "..., has been moved out of intensive care,
        # Ardlow Royal Infirmary said on Thursday".)
        placed = [(at, when) for at, when in placed if at > named.start("verb")]
        if not placed:
            return None
        own = [when for at, when in placed if not _OWNED.match(text, at + len(when.phrase))]
    found = own or [when for _, when in placed]
    # A news clause in the present perfect has no day of its own: "Tests have found salmonella in chicken served
    # on Monday, the agency said on Wednesday" tells Wednesday's news; Monday is the serving's.
    said = [when for at, when in placed if _SAID_BEFORE.search(text, max(0, at - SAID_REACH), at)]
    perfect = PERFECT_NEWS.search(text)
    if perfect is not None:
        found = [when for at, when in placed
                 if at > perfect.end() and _SAID_BEFORE.search(text, max(0, at - SAID_REACH), at)] or found
    elif said and len(said) < len(found):
        # Otherwise the day something was said is not what it tells: "Elvar said on Thursday it would close the
        # plant by the end of September" previews September; "met Xi on Monday, officials said on Tuesday".
        found = [when for when in found if when not in said]
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    if not found:
        return None
    best = min(found, key=lambda w: order[w.precision])
    days = [(at, when) for at, when in placed if when in found and when.precision == "day"]
    first = min((at for at, _ in days), default=0)
    if ahead is None and best.precision == "day" and len(days) > 1 \
            and (_SUBORDINATE.search(text, 0, first) or _SPAN_BEFORE.search(text, max(0, first - 12), first)
                 or _FROM_FIGURE.search(text, max(0, first - 30), first)):
        # (... and so does one of days spanned: "took four hours, over Wednesday afternoon and Thursday morning, to
        # convict" tells Thursday's verdict.)
        # A report whose first day sits in a clause of its own tells the news of its latest: "A woman who was hurt
        # when a bus overturned on Monday died in hospital on Tuesday"; "A wildfire that started on Sunday had
        # burned 300 hectares by Monday" (not "Flights resumed on Friday, and the timetable was back to normal on
        # Saturday": two events, the first the sentence's).
        return max((when for _, when in days), key=lambda w: w.day)
    return best


# A day's possessive: "Wednesday's derailment", "Saturday night's floods" (see `event_date`).
_OWNED_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?['’]s"
_OWNED = deferred(_OWNED_DAY + r"\b")
# ... that names a person by what they did that day, no preposition between: "Tuesday's stage winner Jonas
# Brekkelund" (not "today's sailings of the Vessa Pride", "Saturday's home match against Cranbrook Rovers").
_OWNED_PERSON = deferred(_OWNED_DAY + r"\s+(?:(?!(?:of|the|to|from|at|in|on|for|and|with|by|against|over|after|"
                         r"before|into)\s)[a-z-]+\s+){1,3}[A-Z][a-z]+\s+[A-Z][a-z]")
# ... and a day's scheduled event told in the present: "Friday's final stage runs 148km", "Saturday's match is a
# sell-out".
_OWNED_FIXTURE = deferred(_OWNED_DAY + r"\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:stage|match|game|race|final|semi-final|meeting|vote|hearing|concert|fixture|ceremony|"
                          r"service|march|parade|debate|ballot|tie|show|performance|festival|session|walk|rally)\s+"
                          r"(?:is|are|runs|starts|begins|opens|takes place|will)\b")
_BECAUSE = deferred(r"\bbecause\b[^.;,]*")
# What compares with a date rather than dates the event: "more than last year", "compared with 2024".
_COMPARED_BEFORE = deferred(r"\b(?:than|compared (?:with|to)|against)\s+(?:in\s+|on\s+)?\Z", re.I)
# ... or the figure compared with, before the year or month it was of: "still lower than the 34.1 percent of 2022",
# "down from 34.1% at the last mayoral election in 2022", "fell from 300 in 2019 to 250 in 2024" (not "no more than
# 2 metres by 31 March", nor "more than 300 on Monday").
_COMPARED_FIGURE_BEFORE = deferred(r"\b(?:than|from|compared (?:with|to))\s+(?:the\s+)?[\d.,]+"
                                   r"(?:\s*(?:%|percent|per cent)(?:\s+[a-z][a-z ]{0,40}?)?)?\s+\Z", re.I)
# A paper dated by "of" ("the clerk's letter of March 2024", "an email of 3 May"; not "the morning of 5 May").
_PAPER_OF_BEFORE = deferred(r"\b(?:letters?|e-?mails?|memos?|notes?|reports?|minutes|statements?|agreements?|"
                            r"contracts?|permits?|licences?|licenses?|applications?|leases?|deeds?) of\s+\Z", re.I)
# "until" and a time of the day before a day ("until midday on Thursday", "until 6pm on Friday").
_UNTIL_TIME_BEFORE = deferred(r"\buntil\s+(?:midday|noon|midnight|dawn|dusk|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|"
                              r"p\.m\.)?)\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\Z", re.I)
# "until" a few words before a date (see `event_date`).
_UNTIL_BEFORE = deferred(r"\buntil\s+(?:the\s+)?(?:(?:[a-z]+|\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.))\s+)"
                         r"{0,3}\Z", re.I)
_COUNTED_AFTER = deferred(r"\b(?:nearly |almost |about |more than |some |just )?(?:\d+|[a-z]+(?:-[a-z]+)?) "
                          r"(?:minutes|hours|days|weeks) (?:after|since)\b[^,;]{0,100}")
_FOLLOWS = deferred(r"\b(?:follows|followed)\s+(?:a|an|the|weeks|days|months|criticism|complaints|claims)\b[^;]{0,160}")
# Words that open a clause of its own before a sentence's first day ("who was hurt when ... on Monday").
_SUBORDINATE = deferred(r"\b(?:who|which|that|when|after|since)\b", re.I)
# What the news clause of a present perfect was told after: ", hours after an independent review found ...".
_AFTER_NEWS = deferred(r",\s+(?:(?:hours|days|weeks|minutes|a day|a week|shortly|soon|just) )?(?:after|following)\b")
_PART_OF_DAY = deferred(rf"\b{_WEEKDAY_RE}\s+(?P<part>morning|afternoon|evening|night)\b", re.I)


def parts_of_day_apart(a: str, b: str) -> bool:
    """Whether two sentences tell of a weekday at two parts of it and at no common one ("ran aground ... on Friday
    morning" / "pulled the ferry off the sandbank ... on Friday evening"): two events of the day."""
    pa = {m["part"].lower() for m in _PART_OF_DAY.finditer(a)}
    pb = {m["part"].lower() for m in _PART_OF_DAY.finditer(b)}
    return bool(pa) and bool(pb) and not pa & pb


def event_day(text: str, anchor: dt.date) -> dt.date | None:
    """The day `text` tells of (`event_date`), when it names one to the day; else None."""
    when = event_date(text, anchor)
    return when.day if when is not None and when.precision == "day" else None


def _in_words(line: str) -> str:
    """`line` with its ordinal days and dotted dates as `_DATED_LINE` and `_FULL_DATE` read them."""
    line = _ORDINAL_SUFFIX.sub(r"\1", line) if _ORDINAL_SUFFIX.search(line) else line
    return _DOTTED_DATE.sub(_dotted_in_words, line) if "." in line else line


def published_in_lines(lines: Sequence[str], anchor: dt.date | None = None) -> dt.date | None:
    """A publication date from a dated byline or dateline near the top (or a date line at the bottom)."""
    # (Days with their ordinal, as some papers print them: "Tuesday, 17th March 2026", "KELLINGFORD, July 26th (WNA)".)
    # (... and dates in figures with dots, as much of Europe writes them: "Wednesday, 20.05.2026".)
    # Only the lines read below are rewritten: the head, and the tail with the line before it.
    read = set(range(min(len(lines), HEAD_LINES))) | set(range(max(len(lines) - TAIL_LINES - 1, 0), len(lines)))
    lines = [_in_words(line) if k in read else line for k, line in enumerate(lines)]
    head = list(lines[:HEAD_LINES])
    # (Not a tail line that dates what comes next: "Item 6: Date of next meeting" / "Tuesday 5 January 2027".)
    tail = [line for k, line in enumerate(lines[-TAIL_LINES:], start=max(len(lines) - TAIL_LINES, 0))
            if not (k and _NEXT_DATE.search(lines[k - 1]))] if len(lines) > HEAD_LINES else []
    for line in head:
        # Minutes' own date: "Minutes of the meeting held on Tuesday 1 December 2026 at 2.00pm in ..."
        if (held := _HELD_ON.match(line.strip())) and (full := _FULL_DATE.search(line, held.end())):
            return _parse_date(full.group())
    for line in head + tail:
        line = line.strip()
        m = _DATED_LINE.match(line) or (_FULL_DATE.search(line) if len(line.split()) <= 8 else None)
        if m and len(line.split()) <= 12:
            return _parse_date(m.group())
        # A masthead of comma-separated parts that ends in its date, a desk between: "City of Lindby, press office,
        # Monday 9 November 2026" (no sentence ends in a bare date after a comma).
        # (... its byline after it counts for nothing: "*Ashcombe Advertiser, Thursday 17 September 2026 - by Kezia
        # Dunmore*".)
        bare = _CLOSING_BYLINE.sub("", line.strip("*_ "))
        last = bare.rsplit(",", 1)
        if len(last) == 2 and len(bare.split()) <= MASTHEAD_WORDS \
                and (m := _DATED_LINE.fullmatch(last[1].strip())):
            return _parse_date(m.group())
        # A translation's provenance line: "... Originally published by La Gaceta del Levante, Alicante, 15 April 2026."
        if re.match(r"(?:translated from|originally published|first published)\b", line, re.I) \
                and (full := _FULL_DATE.search(line)):
            return _parse_date(full.group())
        # A masthead's date in figures: "Brennholm Tidende, 5/3/2026" (`_numeric_date`).
        if len(line.split()) <= MASTHEAD_WORDS and (numeric := _NUMERIC_DATE.search(line.strip("*_ "))) \
                and line.strip("*_ ").endswith(numeric.group()) and (day := _numeric_date(numeric, anchor)):
            return day
        # A byline or masthead in parts, whatever its length: "By Marek Oja | Coastline Daily | 5 March 2026".
        parts = _BYLINE_PARTS.split(line.strip("*_ "))
        if len(parts) > 1 and len(parts) <= 6:
            for part in parts:
                # ... its last comma's part too: "Press release — Veltra Biologics, Ostby, 3 March 2026".
                # ... or its first comma's: "Sallow Valley Radio - Wednesday 8 April 2026, 7.00am bulletin".
                # ... or with its author after it: "Stagelight West | Posted Thursday 19 November 2026 by Owen Tracy".
                m = _DATED_LINE.fullmatch(part.strip(" *_")) or _FULL_DATE.fullmatch(part.strip(" *_")) \
                    or _DATED_LINE.fullmatch(_CLOSING_BYLINE.sub("", part.strip(" *_"))) \
                    or _FULL_DATE.fullmatch(part.rsplit(",", 1)[-1].strip(" *_")) \
                    or _DATED_LINE.fullmatch(part.split(",", 1)[0].strip(" *_"))
                if m:
                    return _parse_date(m.group())
        # (A dateline after the agency's tag: "(Northern Counties Wire) LINMOUTH, June 4 - ...".)
        line = _AGENCY_FIRST.sub("", line, count=1) if line.startswith("(") else line
        if iso := _DATELINE_ISO.match(line):
            return _safe_date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        if (figures := _DATELINE_FIGURES.match(line)) and (told := _figures_day(figures, anchor)):
            return told
        d = _DATELINE.match(line) or _DATELINE_DAY_FIRST.match(line)
        if d and (d["year"] or anchor):
            month, day_n = _month(d["month"]), int(d["day"])
            if d["year"]:
                return _safe_date(int(d["year"]), month, day_n)
            # "CALDERA BAY, Oct 14 (CBN) -": the latest 14 October on or before the anchor (the brief's date).
            assert anchor is not None
            this_year = _safe_date(anchor.year, month, day_n)
            return this_year if this_year and this_year <= anchor else _safe_date(anchor.year - 1, month, day_n)
    return None


_NEXT_DATE = deferred(r"\bnext (?:meeting|hearing|sitting|session)\b", re.I)
_HELD_ON = deferred(r"minutes of (?:the |a )?(?:[\w ]{0,40}?)meeting (?:of [\w ,]{0,60}?)?held on\b", re.I)
_AGENCY_FIRST = deferred(r"^\([^()\n]{2,40}\)\s+")


def _figures_day(m: re.Match[str], anchor: dt.date | None) -> dt.date | None:
    """The day a dateline gives in figures ("15/11"), when day and month can be told apart (one is over 12), and
    its year: the one given, else the latest such day on or before `anchor`."""
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        day_n, month = a, b
    elif b > 12 >= a:
        day_n, month = b, a
    else:
        return None
    if m["year"]:
        year = int(m["year"])
        return _safe_date(year + 2000 if year < 100 else year, month, day_n)
    if anchor is None:
        return None
    this_year = _safe_date(anchor.year, month, day_n)
    return this_year if this_year and this_year <= anchor else _safe_date(anchor.year - 1, month, day_n)


# A date in figures with dots, day first: "20.05.2026" (not a figure with decimals: the year has four digits and
# nothing follows it).
_DOTTED_DATE = deferred(r"(?<![\d.,])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?![\d]|\.\d)")
# ... and without its year, after a weekday: "Saturday 23.05., 10.00".
_DOTTED_DAY = deferred(rf"\b{_WEEKDAY_RE},?\s+(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?!\d)")


def _dotted_in_words(m: re.Match[str]) -> str:
    """A dotted date in words ("20.05.2026" -> "20 May 2026"), or as it was when it is no date."""
    day = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return f"{day.day} {MONTHS[day.month - 1].title()} {day.year}" if day else m.group()


# A date in figures, day and month either way round: "5/3/2026", "3/5/2026".
_NUMERIC_DATE = deferred(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/((?:19|20)\d\d)(?![\d/])")


def _numeric_date(m: re.Match[str], anchor: dt.date | None) -> dt.date | None:
    """The day of a date in figures: day first (as most of the world writes it) unless only the month-first reading
    is a date, or the day-first reading is after `anchor` (the brief's date) and the month-first one is not."""
    first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day_first, month_first = _safe_date(year, second, first), _safe_date(year, first, second)
    if day_first is None or (anchor is not None and day_first > anchor and month_first is not None
                             and month_first <= anchor):
        return month_first
    return day_first


def _parse_date(text: str) -> dt.date | None:
    from dateutil import parser as date_parser  # a well-kept parser for the many ways a byline writes a date

    cleaned = re.sub(r"^(?:published|posted|updated|last updated|first published)\s*(?:on|:)?\s*", "", text,
                     flags=re.I)
    try:
        parsed: dt.datetime = date_parser.parse(cleaned, fuzzy=True, default=dt.datetime(1900, 1, 1))
        return parsed.date()
    except (ValueError, OverflowError):
        return None


def published_from_meta(html_text: str) -> dt.date | None:
    """The publication date an HTML page declares (article:published_time, JSON-LD, <time>), via htmldate."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate comes with trafilatura
        return None
    try:
        found = find_date(html_text, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    return dt.date.fromisoformat(str(found)) if found else None


def latest(dates: Iterable[dt.date | None]) -> dt.date | None:
    """The newest known date of several, or None."""
    known = [d for d in dates if d is not None]
    return max(known) if known else None
