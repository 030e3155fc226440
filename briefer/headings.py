"""Discovered sections as printed: each headed by a subject its items share, in the articles' own words.

A topic found by briefer.discover is a group of key phrases; once the sections are selected, what heads each is
decided here from what its items actually say:

1. the candidates are the group's phrases and the noun phrases that two of the section's items share
   (`shared_phrases`: "cause of the fire", "new gearbox" -> "gearbox");
2. a candidate names a subject (`names_subject`) when it is a noun phrase whose head is a common noun ("Replacement
   ship", "Cause of the fire", "Lines of communication"), a single uncommon noun ("Peat", "Fentanyl"), or a proper
   noun the articles write about as an issue ("talks about Taiwan"); never a bare name of an actor or a place where
   things happen ("Nordbane", "Saltmere", "Morwen"), an everyday or abstract word alone ("Container", "Trade",
   "Construction"), people by what they do ("Engineers") or a venue ("outside the town hall"); a verb phrase two
   items ask about heads them as the question ("explain what went wrong": "What went wrong");
3. a section headed by nothing that names a subject, or holding one item, gives its items to the section they name
   or to Other developments: a heading over one sentence tells the reader nothing the sentence does not (a topic
   of one item is judged with the loose items that name it, which join it once it is headed);
4. what is left in Other developments (and a long overview's items beyond its first few) may form sections of
   its own, around a noun phrase or a rare noun two items name (`regroup`), also when discovery found no topic;
   an item names a noun phrase when it prints it, its head alone ("an 11 per cent rise" of a "pay rise"), or
   every word of it apart ("more in tax, the first rise" of the "tax rise"); an everyday noun names a subject too
   when two items of a discovered topic hold it as theirs ("the verdicts"), or, for items left over when nothing
   else heads them, when another article's headline names it ("forces crew to flee": `headline_words`); a noun
   phrase of a later day's headline heads the items that day's articles alone carry about it ("Hosepipe ban":
   `report_phrases`), unless the first day's headlines hold it (what the whole story is about), and so does the
   verb of a later day's headline turned noun, where the articles print that noun ("agrees to meet": "Meeting",
   `outcome_nouns`); what was done, named as the act by one item and as the thing by another ("had offered a 4
   percent rise", "approved the offer": `named_acts`), heads the items left over when nothing else does, and
   failing that a thing two of them hold as the head of a phrase of their own ("divers inspected the hull", "minor
   damage to the hull": `held_things`), not the whole story's (a word of the first day's headlines);
5. why no section formed is the module's debug log (`unmade`, `rejection`; `python bench/headings.py --why`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import replace

from briefer.discover import (
    _ABSTRACT,
    _FIELDS,
    _VERB_LIKE,
    EVERYDAY_NAME_ZIPF,
    GENERIC_WEIGHT,
    MIN_SECTION_ITEMS,
    NAME_WEIGHT,
    PHRASE_WEIGHT,
    _runs,
    _word_set,
    attributed,
    is_list,
    key_phrases,
    specificity,
)
from briefer.model import Item, Section, Topic
from briefer.people import ROLE_NOUNS
from briefer.text import STOP_WORDS, zipf
from briefer.topics import normalise, normalised

log = logging.getLogger(__name__)

# Zipf frequency at and above which a single lower-case word is an everyday noun ("container" 4.0, "summit" 4.3,
# "square" 4.8) that names a thing in the story, not its subject ("tariffs" 3.6, "peat" 3.3, "fentanyl" 0).
EVERYDAY_HEADING_ZIPF = 4.0
# A capitalised word that only ever opens a sentence is a name when rarer than this in English ("Nordbane" 0;
# "Engineers" 4.3 is a common noun).
NAME_ZIPF = 2.0
# A word that two leftover items share makes a section of them (`regroup`) only when rarer than this ("ditches"
# 3.9, "gearbox" 3.2; "harbour" 4.2, "trees" 4.7 are in any story by the sea or in the country).
REGROUP_ZIPF = 4.0
# An overview holds this many items at least before any leaves it for a section, the bottom line among them (it is
# printed above the overview): two bullets under it and the bottom line take in the story at a glance (the overviews
# of our stories run to 4-6 items; the quarry's short sentences filled 11, with one section below). At 4, the
# orchard's overview of four (bottom line included) kept its beehives item, and no second section formed; at 3 only
# the orchard's brief changed (bench/headings.py).
OVERVIEW_ITEMS = 3
# A phrase the articles hold a shared word in takes the items naming that word when the word is rarer than this
# ("carriers" 4.3, "pier" 3.8); a commoner word may mean anything ("groups" 5.2 of "business groups" is not of
# "working groups", "middle" 5.1 of "middle span" is also of "middle pier").
EXPAND_KEY_ZIPF = 4.5
# An everyday noun rarer than this ("verdicts" 4.0, "jury" 4.5) heads a discovered topic's section when two of its
# items hold it as the head of their phrase after a determiner ("reach its verdicts", "as the verdicts were read"):
# what they are about, not a thing named in passing ("a container vessel", "a refrigerated container loaded in ...").
# "crash" 4.55, "crew" 4.7, "homes" 5.8 may name anything: the whole story, or any two of its sentences (at 5.0
# for the items left over too, the dam got "Dam", the lighthouse "Tower", the quarry "Pit"; docs/quality.md, heads5).
SHARED_NOUN_ZIPF = 4.5
# A noun one item names as an act done to something and another as a thing ("had offered a 4 percent rise", "approved
# the offer": `named_acts`) heads them when rarer than this ("offer" 5.05, "deal" 5.3). No story of bench/headings.py
# changes without it: a guard against the commonest words, which any two sentences may share ("work" 5.9, "use").
ACT_ZIPF = 5.5
# A noun that two items left over hold as the head of a phrase of their own ("divers inspected the hull", "minor
# damage to the hull") heads them (`held_things`) when rarer than `HELD_ZIPF`, and, from `HELD_RARE_ZIPF` up, only
# when the items share another plain word too ("parliament" of "her first budget", "her budget"). Calibrated with
# bench/headings.py (heads9): at 5.5 "budget" (4.8) and "crown" (4.6) may head, "homes" (5.8) not; with no second
# word asked for up to 4.5, "server" (4.46), "bearing" (4.2), "hull" (4.1) head, and so did "pit" (4.3) of the
# quarry, over items about the quarry's extension, reopening and pay, until a word the story places things at
# (`_placed`: "the barn below the pit") was barred; with no second word up to 5.5, "club", "county", "guide",
# "children" and "result" headed sections of items that share them by chance.
HELD_ZIPF = 5.5
HELD_RARE_ZIPF = 4.5
# A word of the first day's headlines that this share of the brief's items name is the story's own subject, no
# section's heading ("Asbestos" over 5 of 11 items, "Tanker" 4 of 14, "Volcano" 4 of 13; "Homes" of a wildfire
# 3 of 13 and "Record" of a heatwave 3 of 16 are sides of their stories).
SUBJECT_SHARE = 0.25
# Modifiers that say which one or when, not what kind: "last offer", "first report", "new gearbox" name no more
# than their head noun does, so they head a section only as that noun would.
_ORDER_MODIFIERS = _word_set("last first next new latest final previous second third former current recent")
# Words no heading ends on: it would be cut before its noun ("Recount of the second", "Review of the").
_FUNCTION_END = _word_set("the a an of to in on at for and or with by from its their his her this that near outside "
                          "inside beside behind around across into onto over under after before during than")
# Adverbs of place and time that end a verb phrase ("waiting offshore").
_ADVERBS = _word_set("offshore onshore ashore abroad overseas overnight away back home out off down up again")
# Nouns for people by what they do ("engineers", "firefighters", "dockworkers"): actors, not subjects.
_ACTOR = re.compile(r"(?:ers|ors|ists|ians|men|women)$")
# Words that make a proper noun what the articles write about, not who acts or where: "talks about Taiwan",
# "tensions over Taiwan", "the status of Taiwan", "the Taiwan question".
# ("over" a rival is no issue: "Saturday's 2-1 victory over Varnham Athletic", "a lead over Labour".)
_ABOUT_BEFORE = re.compile(r"\b(?:about|(?<!victory )(?<!victories )(?<!win )(?<!wins )(?<!lead )(?<!advantage )"
                           r"(?<!triumph )(?<!points )over|regarding|concerning|"
                           r"(?:status|issue|question|future|fate) of)"
                           r"\s+(?:the\s+)?$", re.I)
_ABOUT_AFTER = re.compile(r"^[’']?s?\s+(?:issue|question|policy|dispute|row)\b", re.I)
# Words before a common noun phrase that make it where something happens ("protested outside the town hall"),
# not what the section is about.
_VENUE_BEFORE = re.compile(r"\b(?:at|outside|inside|near|beside|opposite)\s+(?:the\s+|a\s+|its\s+)?$", re.I)
# Endings `_VERB_LIKE` counts that are no verb before a noun ("Chinese balloon", "working groups": see below).
_NOT_VERB = re.compile(r"(?:ing|ly|ican|ian|ese|ish|ean)$")
# A headline's word up to two words after these is where the story happens ("in Halvern harbour", "below Oxley
# dam"); a word before one of them, a function word or the end ends its noun phrase ("from homes near ...").
_PLACES = _word_set("in at near off outside inside beside across below above under on")
_HEADLINE_PLACE = re.compile(rf"\b(?:{'|'.join(sorted(_PLACES))})\s+(?:[\w'’-]+\s+){{0,2}}$", re.I)
# A determiner, quantifier, preposition or number before a word, perhaps with one word between: it is used as a
# noun ("several aftershocks,").
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|of|on|for|about|over|into|in|"
                          r"with|from|against|by|no|any|some|more|several|many|few|both|\d[\d,.]*)\s+"
                          r"(?:[a-z][\w'’-]*\s+)?$", re.I)
# A word before an "-ing" word that makes it a verb ("have begun diverting vessels", "were waiting offshore").
_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|am|begun|began|begin|begins|started|starts|"
                               r"start|stopped|stop|stops|kept|keep|keeps|continued|continue|continues|finished|finish|"
                               r"finishes|completed|resumed)\s+$", re.I)
# Words that never end a heading's noun phrase: what is said, when, how much, and bodies that act ("Flood agency",
# "Town council" name who does something, as "Engineers" does, not what the section is about).
_NO_HEAD = _word_set("""said says told statement time times day days week weeks year years month months percent
cent million billion way ways thing things part parts lot number side sides people person persons woman women man
men boy boys girl girls child children
hectare hectares acre acres mile miles kilometre kilometres tonne tonnes ton tons litre litres metre metres
millimetre millimetres centimetre centimetres meter meters kilometer kilometers millimeter millimeters inch inches
foot feet gallon gallons kilogram kilograms kilo kilos gram grams pound pounds degree degrees minute minutes
second seconds hour hours
agency authority council company union government ministry department board committee police court operator
firm trust society office association party
north south east west northeast northwest southeast southwest
suspicion connection behalf relation""")


# Past tenses that are no nouns: "Party narrowly won" is what happened, not what a section is about.
_PAST_FORMS = _word_set("""won met held sent fell rose broke took gave made went came said told lost began swept kept
spent paid sold struck bought brought found got ran saw stood thought withdrew wrote drove flew fought grew knew
meant overtook rode sank sought spoke stole threw understood woke was were had did
seen done gone taken given known shown grown thrown written broken spoken stolen chosen driven ridden hidden fallen
risen begun flown drawn forgotten slept felt left dealt crept wept swept sat slid fled shook stuck swung spun clung dug
bent lent built caught taught sprang rang drank swam wore tore""")
# Verbs of saying and believing, never a noun: "Trust believes" is what someone thinks, not a subject.
_SAYING_VERBS = _word_set("believe believes believed think thinks say says warn warns insist insists admit admits "
                          "deny denies "
                          # ... and everyday verbs in the third person, which end a clause, not a noun phrase
                          # ("Diversion adds" of "The diversion adds about four miles").
                          "adds takes makes gives gets goes comes shows means keeps puts seems remains needs wants")
# A negation a few words before a mention: "was not the victim of a", "not by a", "no".
_DENIED = re.compile(r"\b(?:not|no|never|nor|without)\b(?:\s+[\w'’-]+){0,4}\s*$", re.I)
# Past tenses that are no participles, so never an adjective before a noun ("went wrong"; "lost power" may head).
_PAST_ONLY = _word_set("""went came fell rose took gave began ran saw drove flew grew knew threw wrote broke spoke stole
woke sank rode withdrew overtook was were did""")
# Verbs that seldom modify a noun, before their object: "catch flights", "take part", "seek asylum".
_BASE_VERBS = _word_set("catch take make get give keep put bring send buy sell seek avoid reach leave find")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def everyday_zipf(word: str) -> float:
    """How common a word is in any of its forms (wordfreq's Zipf scale): singular or plural ("ditches" 3.1,
    "ditch" 3.9), British or American spelling ("harbour" 4.0, "harbor" 4.2)."""
    w = word.casefold()
    return max(zipf(w), zipf(normalise(w)), zipf(re.sub(r"our\b", "or", w)))


def heading_quality(heading: str, proper: bool = False) -> float:
    """How well a heading names a subject: the rarest word's `specificity`, times `PHRASE_WEIGHT` for a noun phrase,
    `NAME_WEIGHT` for a proper noun rarer than `EVERYDAY_NAME_ZIPF` ("Taiwan"), `GENERIC_WEIGHT` for an everyday
    noun, an actor or an abstract word ("Container", "Engineers", "Communication")."""
    words = [normalise(w) for w in heading.split() if w not in ("of", "the")]
    base = specificity(" ".join(words))
    if len(words) > 1:
        return PHRASE_WEIGHT * base
    word = words[0]
    if _ACTOR.search(heading.casefold()):
        return GENERIC_WEIGHT * base
    if proper:
        return (NAME_WEIGHT if zipf(word) < EVERYDAY_NAME_ZIPF else GENERIC_WEIGHT) * base
    if word in _FIELDS:
        return base
    if everyday_zipf(word) >= EVERYDAY_HEADING_ZIPF or _ABSTRACT.search(word):
        return GENERIC_WEIGHT * base
    return base


def weak_heading(heading: str, proper: bool = False) -> bool:
    """An everyday single noun, an actor or an abstract word ("Square", "Engineers", "Summit"): names no subject."""
    words = [normalise(w) for w in heading.split() if w not in ("of", "the")]
    return heading_quality(heading, proper) < specificity(" ".join(words))


class Story:
    """The story's sentences, each also in lower case, and which of them hold a phrase (asked for again and again:
    a story bounded at a few thousand quotable sentences is scanned once per phrase, not once per question)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = tuple(texts)
        self._lower = tuple(t.lower() for t in self.texts)
        self._holding: dict[str, list[str]] = {}
        self._mentions: dict[str, list[tuple[str, str, bool]]] = {}

    def holding(self, part: str) -> list[str]:
        """The sentences that hold `part` (any case, anywhere: a cheap filter before a word-bounded search)."""
        key = part.lower()
        found = self._holding.get(key)
        if found is None:
            found = self._holding[key] = [t for t, low in zip(self.texts, self._lower, strict=True) if key in low]
        return found

    def mentions(self, name: str) -> list[tuple[str, str, bool]]:
        """`_mentions(name, self.texts)`, read once per name (the headings ask about 60 names 111 times at
        30,000 sentences: 0.46 -> 0.26 s)."""
        found = self._mentions.get(name)
        if found is None:
            found = self._mentions[name] = _find_mentions(name, self.holding(name), MENTION_BEFORE)
        return found


Texts = Sequence[str] | Story
# Characters before a mention that the heading rules read, at most.
MENTION_BEFORE = 40


def _holding(part: str, texts: Texts) -> Sequence[str]:
    if isinstance(texts, Story):
        return texts.holding(part)
    key = part.lower()
    return [t for t in texts if key in t.lower()]


def _mentions(name: str, texts: Texts, before: int = MENTION_BEFORE) -> list[tuple[str, str, bool]]:
    """The `before` characters before and 20 after each mention of `name` (as words, any case) in `texts`, and
    whether it is capitalised."""
    if isinstance(texts, Story) and before <= MENTION_BEFORE:
        found = texts.mentions(name)
        return found if before == MENTION_BEFORE else [(b[len(b) - before:], a, up) for b, a, up in found]
    return _find_mentions(name, _holding(name, texts), before)


def _find_mentions(name: str, texts: Sequence[str], before: int) -> list[tuple[str, str, bool]]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)
    return [(text[max(0, m.start() - before): m.start()], text[m.end(): m.end() + 20], m.group(0)[:1].isupper())
            for text in texts for m in pattern.finditer(text)]


def is_proper(name: str, texts: Texts) -> bool:
    """Whether the articles write `name` capitalised wherever it does not open a sentence ("Saltmere", "Taiwan
    Strait"; "Engineers" opening a sentence is a common noun, "Nordbane" a name)."""
    found = [(before, m) for before, _, m in _mentions(name, texts, 4)]
    inside = [m for before, m in found if before.strip() and not re.search(r"[.!?:\"“‘]\s*$", before)]
    if inside:
        return all(inside)
    # Only ever opening a sentence: a name when English hardly knows the word ("Nordbane said ...").
    return bool(found) and all(m for _, m in found) and min(everyday_zipf(w) for w in name.split()) < NAME_ZIPF


# The share of a proper noun's mentions that must write about it as an issue for it to head a section. One in 40
# is a phrase in passing about who acts ("disputes over Israel's role" of 43 mentions of Israel, "asked the
# authorities about Qin" of 50; DUC 2004 wire copy); Taiwan is written about so in 4 of its 15 mentions in the
# seeds, 1 of 4 in the sample story.
TOPICAL_SHARE = 0.1


def topical(name: str, texts: Texts) -> bool:
    """Whether the articles write about a proper noun as an issue ("talks about Taiwan", "the status of Taiwan",
    "the Taiwan question"), not only as who acts ("Nordbane said") or where ("diverted to Saltmere")."""
    found = _mentions(name, texts)
    about = sum(bool(_ABOUT_BEFORE.search(before) or _ABOUT_AFTER.search(after)) for before, after, _ in found)
    return about > 0 and about >= TOPICAL_SHARE * len(found)


def venue(name: str, texts: Texts) -> bool:
    """Whether most mentions of a noun phrase place something there ("outside the town hall")."""
    found = _mentions(name, texts)
    return bool(found) and 2 * sum(bool(_VENUE_BEFORE.search(before)) for before, _, _ in found) > len(found)


def used_as_noun(word: str, texts: Texts) -> bool:
    """Whether the articles use a single word as a noun somewhere: after a determiner, a preposition or a number,
    with at most one word between, and ending its phrase ("a new gearbox for", "of peat"; not "candid,
    substantive, and constructive", "the substantive talks")."""
    return any(_NOUN_BEFORE.search(before) and _ends_phrase(after) for before, after, _ in _mentions(word, texts))


def _ends_phrase(after: str, also: Collection[str] = ()) -> bool:
    """Whether what follows a word ends its noun phrase: punctuation, the end, or a function word ("the slope
    above", not "substantive talks"), or one of `also`."""
    following = re.match(r"\s*([A-Za-z][\w'’-]*)", after)
    return following is None or following.group(1).lower() in STOP_WORDS or following.group(1).lower() in also


def _head(name: str) -> str:
    """A noun phrase's head noun: the word before "of" ("cause" of "cause of the fire"), else the last word."""
    words = name.split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def same_subject(one: str, other: str) -> bool:
    """Whether two headings name one subject: the same head noun, and the words of one all in the other ("Quay"
    and "Lower quay"; not "Pay rise" and "Tax rise")."""
    a, b = ({normalise(w) for w in h.split()} - {"of", "the"} for h in (one, other))
    return normalise(_head(one)) == normalise(_head(other)) and (a <= b or b <= a)


def names_subject(name: str, proper: bool, texts: Texts) -> bool:
    """Whether a heading names a subject an editor would head a section with (see the module's docstring);
    `texts`: the story's sentences, to see how the articles use it."""
    return not rejection(name, proper, texts)


def rejection(name: str, proper: bool, texts: Texts) -> str:
    """Why a heading names no subject ("a verb or an adverb", "an actor", ...), or "" when it names one."""
    head = _head(name).casefold()
    # A word that may be a verb ("rise", "plan") heads a noun phrase the articles use as one ("a pay rise").
    verb = _VERB_LIKE.search(head) and (" " not in name or _NOT_VERB.search(head) or not used_as_noun(name, texts))
    if verb or head in _ADVERBS or head.endswith("ed") or head in _PAST_FORMS or head in _SAYING_VERBS:
        return "a verb or an adverb"  # "waiting offshore": what something does, not what it is about
    if normalise(head) in _NO_HEAD | ROLE_NOUNS:
        return "a body that acts, a role or filler"  # "Flood agency", "last year"
    if any(_VERB_LIKE.search(w) and not _NOT_VERB.search(w) for w in name.casefold().split()[:-1]):
        return "a verb and its object"  # "gives workers"
    if not proper and any(w in _PAST_ONLY or w in _BASE_VERBS for w in name.casefold().split()[:-1]):
        return "a verb and its object"  # "went wrong", "catch flights": what is done, not a subject
    if name.split()[0].casefold().endswith("ing") and " " in name and (found := _mentions(name, texts)) and (
            any(_AUXILIARY_BEFORE.search(before) for before, _, _ in found)
            or all(re.search(r"[,;(]\s*$", before) for before, _, _ in found)):
        # "(have begun) diverting vessels", "(..., ) citing security reasons" (a participle clause wherever it is
        # used); "(set up) working groups", "(the) working groups" are things
        return "a verb and its object"
    if (found := _mentions(name, texts)) and all(_DENIED.search(before) for before, _, _ in found):
        return "only denied"  # "not the victim of a cyber attack": a section about what did not happen
    if _truncated_name(name, texts):
        return "part of a longer name"  # "National Security" of "the National Security Council"
    if " " in name and not _mentions(name, texts):
        if _split_by_owner(name, texts):
            return "words an owner's 's splits"  # "Trust medical" of "the trust's medical director"
        if (printed := as_printed(name, texts)) != name and all(w[:1].isupper() for w in printed.split()) \
                and is_proper(printed, texts) and not topical(printed, texts):
            return "a name of who acts or where"  # "Peller Yard" of "towed to Peller's Yard" (not "Anwar's trial")
    if " " in name and (name.split()[-1].casefold() in _ORDER_MODIFIERS | _FUNCTION_END
                        or name.split()[0].casefold() in _FUNCTION_END):
        # "Recount of the second" of "a full recount of the second preferences"; "Near airports" of "flying a
        # drone near airports"
        return "part of a phrase"
    if " of " in name and (found := _mentions(name, texts)) and all(
            (nxt := re.match(r"\s+([a-z]+)\b", after)) and nxt.group(1) not in STOP_WORDS
            and not nxt.group(1).endswith(("ed", "ing")) for _, after, _ in found):
        return "part of a phrase"  # "Section of the harbour" of "a section of the harbour wall was damaged"
    if " " in name and any((found := _mentions(tail, texts)) and all(
            (role := re.match(r"\s+([a-z]+)", after)) and role.group(1) in ROLE_NOUNS for _, after, _ in found)
            for tail in {name, " ".join(name.split()[-2:])}):
        # "duty flood" (and "Authority duty flood") of "the Rivers Authority's duty flood manager"
        return "part of a role"
    if _MEASURE_WORDS & set(name.casefold().split()):
        return "a measure"  # "Metres deep": how much of something, not what
    if proper:
        return "" if topical(name, texts) else "a name of who acts or where"
    named = _CAPITALISED_RUN.findall(name.split(" ", 1)[1]) if " " in name else []
    if any(is_proper(run, texts) and not topical(run, texts) for run in named):
        return "a name of who acts or where"  # "Strongman Hun Sen", "Talks in Lindau"
    if venue(name, texts):
        return "a venue"
    if " " in name and {w.casefold() for w in name.split()[:-1]} <= _ORDER_MODIFIERS:
        return rejection(name.split()[-1], False, texts)  # "Last offer" says no more than "Offer"
    if " " in name:
        return ""
    if weak_heading(name):
        return f"an everyday, abstract or actor's word (Zipf {everyday_zipf(name):.1f})"
    return "" if used_as_noun(name, texts) else "never used as a noun"


# Units a measure is told in: a heading holding one names an amount ("Metres deep", "Per cent").
_MEASURE_WORDS = _word_set("metre metres meter meters kilometre kilometres km miles mile feet foot tonnes tonne kg "
                           "kilograms percent cent hectares acres litres degrees")


def _split_by_owner(name: str, texts: Texts) -> bool:
    """Whether the articles print `name`'s words only with an owner's 's between two of them, and then always
    before another noun ("the trust's medical director", "the island's health centre"): a phrase cut out of a
    longer one, in no article's words ("the crew's wages", "the bus's brakes failed" are whole)."""
    found = [after for owner, owned in _owned_forms(name) for _, after, _ in _owned_mentions(owner, owned, texts)]
    return bool(found) and all(_noun_follows(after) for after in found)


def _owned_forms(name: str) -> Iterator[tuple[str, str]]:
    """Each word of `name` but the last as an owner, with `name` printed so ("Peller Yard": "Peller", "Peller's
    Yard"), in both apostrophes."""
    words = name.split()
    for k in range(len(words) - 1):
        for mark in ("'s", "’s"):
            yield words[k], " ".join([*words[:k], words[k] + mark, *words[k + 1:]])


def _owned_mentions(owner: str, owned: str, texts: Texts) -> list[tuple[str, str, bool]]:
    return _find_mentions(owned, _holding(owner, texts), 0)


# Words after a noun that are no noun of a longer phrase: what it did or was ("the cabinet met", "the brakes
# failed").
_NOT_NOUN_AFTER = _word_set("said says met told took made gave went began found agreed voted was were is are has "
                            "had have will would could can may might must should did does do")


def _noun_follows(after: str) -> bool:
    nxt = re.match(r"\s+([a-z][a-z-]*)\b", after)
    return nxt is not None and nxt.group(1) not in STOP_WORDS and nxt.group(1) not in _NOT_NOUN_AFTER \
        and not nxt.group(1).endswith(("ed", "ing", "ly"))


def _truncated_name(name: str, texts: Texts) -> bool:
    """Whether the articles write `name` capitalised mostly as the start of a longer name: a capitalised word
    follows it in at least half of its capitalised mentions ("National Security Council", "Taiwan Strait" is one
    of Taiwan's many)."""
    mentions = _mentions(name, texts)
    capitalised = [(before, after) for before, after, up in mentions if up]
    longer = sum(bool(re.match(r" (?:of )?[A-Z]", after)) for _, after in capitalised)
    # ... or, a word the articles never write in lower case, a capitalised word before it that is no sentence's
    # first and no owner's ("Sallow Lode"; not "the village primary school" of "Cragwell Primary School", nor
    # "Pellow's Bakery").
    tail = 0 if len(capitalised) < len(mentions) else sum(
        bool(re.search(r"\b[A-Z][\w-]+(?<!['’]s) $", before))
        and not re.search(r"(?:^|[.!?]\s+)[A-Z][\w'’-]+ $", before) for before, _ in capitalised)
    if capitalised and 2 * max(longer, tail) >= len(capitalised):
        return True
    # ... or a phrase that ends inside a name: "Trawler Sea" of "the trawler Sea Lark", "Helicopter Rescue" of "the
    # coast guard helicopter Rescue 119".
    if " " not in name or not mentions:
        return False
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)
    found = [(m.group(0), text[m.end(): m.end() + 4]) for text in _holding(name, texts) for m in pattern.finditer(text)]
    return bool(found) and all(said.split()[-1][:1].isupper() for said, _ in found) \
        and 2 * sum(bool(re.match(r" [A-Z0-9]", after)) for _, after in found) >= len(found)


def _names_item(keyword: str, text: str) -> bool:
    """Whether `text` names `keyword` (as words, any case, singular or plural: "library cuts" names "Libraries")
    outside a list that names it in passing."""
    if is_list(text):
        return False
    want = [w for w in normalised(keyword) if w != "the"]
    have = [w for w in normalised(text) if w != "the"]
    return bool(want) and any(have[i: i + len(want)] == want for i in range(len(have) - len(want) + 1))


_DETERMINER = (r"(?:the|a|an|its|their|his|her|our|this|that|of|on|for|about|over|into|in|with|from|against|by|no|any|"
               r"\d[\d,.]*)")


def _names_head(heading: str, text: str) -> bool:
    """Whether `text` names a compound heading's head noun alone, or under no modifier but the heading's own, as a
    noun ("an 11 per cent rise" is the "pay rise" of a pay story; "the tax rise", "business groups" and "prices will
    rise" are not the "pay rise" or the "working groups")."""
    words = [normalise(w) for w in heading.split()]
    if len(words) < 2 or "of" in words or is_list(text):
        return False
    head = words[-1]
    runs, _ = _runs(text)
    if not any(normalise(run[-1]) == head and {normalise(w) for w in run[:-1]} <= set(words) for run in runs):
        return False
    # ... and no phrase after it that says which one ("the bill for the shuttle", "the rise in prices").
    noun = re.compile(rf"\b{_DETERMINER}\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(head)}(?:s|es)?\b"
                      r"(?!\s+(?:for|of|on|in|from|to|at|against|with)\b)", re.I)
    return bool(noun.search(text))


def _names_words(heading: str, text: str) -> bool:
    """Whether `text` names every word of a noun phrase, wherever ("pay 3 percent more in tax, the first rise since
    2019" names the "tax rise"), outside a list."""
    words = {normalise(w) for w in heading.split()} - {"of", "the"}
    return len(words) > 1 and not is_list(text) and words <= set(normalised(text))


def _about(heading: str, key: str, text: str, texts: Texts = ()) -> bool:
    """Whether an item is about a section's subject: it names the key (`_key`, `_names_key`; `texts`: the story's
    sentences), the heading's head noun alone, or every word of the heading."""
    return _names_key(key, heading, text, texts) or _names_head(heading, text) or _names_words(heading, text)


def _names_key(key: str, heading: str, text: str, texts: Texts = ()) -> bool:
    """Whether `text` names the key of a section: the heading, or a word the heading holds, anywhere when that word
    is rarer than `EXPAND_KEY_ZIPF` ("carriers" of "Car carriers"), else only as a noun under no modifier of its own
    and heading its phrase ("the seven libraries open on Sundays" is about the "library cuts" of a story; "business
    groups" are not the "working groups", "taxes will rise" is no "pay rise", "the library board" no library),
    unless the heading is people ("the airport" is not about the "airport workers")."""
    if key == heading or everyday_zipf(key) < EXPAND_KEY_ZIPF:
        return _names_item(key, text)
    head = _head(heading).casefold()
    if _ACTOR.search(head) or normalise(head) in ROLE_NOUNS:
        return False  # people named by a thing ("airport workers"): "the airport" is not about them
    want = normalise(key)
    runs, _ = _runs(text)
    if is_list(text) or not any(normalise(run[0]) == want and (len(run) == 1 or (
            len(run) == 2 and texts and not used_as_noun(run[1], texts))) for run in runs):
        return False
    # ... and as a noun, after a determiner, a preposition or a number.
    words = re.findall(r"[\w'’-]+", text)
    return any(normalise(w) == want and any(re.fullmatch(_DETERMINER, b, re.I) for b in words[max(0, k - 4): k])
               for k, w in enumerate(words))


def spread_phrases(items: Sequence[Item]) -> list[str]:
    """Noun phrases one item prints whose every word at least two of the items name ("the tax rise would hurt
    pensioners" and "3 percent more in tax, the first rise since 2019"), in their most common form."""
    found = key_phrases([(k, item.text) for k, item in enumerate(items)])
    have = [set(normalised(item.text)) for item in items if not is_list(item.text)]  # each item's words, read once
    return [p.forms.most_common(1)[0][0] for k, p in found.items() if " " in k
            and sum(set(k.split()) - {"of", "the"} <= words for words in have) >= MIN_SECTION_ITEMS]


def shared_phrases(items: Sequence[Item]) -> list[str]:
    """Key phrases (briefer.discover.key_phrases) that at least two of the items name, in their most common form."""
    found = key_phrases([(k, item.text) for k, item in enumerate(items)])
    return [p.forms.most_common(1)[0][0] for p in found.values() if len(p.sentences) >= MIN_SECTION_ITEMS]


# Sentences of the story read to find the noun phrases that hold a word (`expansions`): plenty to count them.
EXPANSION_SENTENCES = 400


def expansions(word: str, texts: Texts, title: str = "") -> list[str]:
    """The noun phrases of the story that hold `word` and that at least two sentences name ("libraries" ->
    "library cuts"), most named first; none headed by a word of the title (what the whole story is about): a
    title word may say which side of it ("pay rise" in a story of a pay deal, as "cause of the fire" in a fire
    story), never be the phrase's subject ("port strike")."""
    want = normalise(word)
    story_words = set(normalised(title))
    holding = list(_holding(want[:-1], texts))[:EXPANSION_SENTENCES]
    found = key_phrases(list(enumerate(holding)), holding=want)
    keys = [k for k, p in found.items() if " " in k and want in k.split() and len(p.sentences) >= MIN_SECTION_ITEMS
            and _head(k) not in story_words]
    phrases = [found[k].forms.most_common(1)[0][0] for k in sorted(keys, key=lambda k: (-len(found[k].sentences), k))]
    return phrases + (_participle_phrases(want, holding) if want not in story_words else [])


# A participle before a noun, after a determiner: an adjective ("all planned operations", "the flooded cellars").
_PARTICIPLE = re.compile(rf"\b(?:{_DETERMINER}|all|every|each|some)\s+([a-z]{{3,}}ed)\s+([a-z][\w'’-]*)\b", re.I)


def _participle_phrases(want: str, texts: Sequence[str]) -> list[str]:
    """Phrases of a past participle and the noun `want` that two sentences print, one of them after a determiner
    ("all planned operations" and "that planned operations would restart"): `key_phrases` reads every "-ed" word
    as a verb, so "planned operations" is none of its phrases."""
    modifiers = {m.group(1).lower() for t in texts for m in _PARTICIPLE.finditer(t) if normalise(m.group(2)) == want}
    found = []
    for modifier in sorted(modifiers - _PAST_FORMS):
        pattern = re.compile(rf"\b{modifier}\s+([a-z][\w'’-]*)\b", re.I)
        forms = [m.group(0).lower() for t in texts for m in pattern.finditer(t) if normalise(m.group(1)) == want]
        if len(forms) >= MIN_SECTION_ITEMS:
            found.append(max(sorted(set(forms)), key=forms.count))  # ties: the first in order, whatever the hash seed
    return found


def _best_heading(section: Section, topic: Topic, texts: Texts, title: str = "", story: Collection[str] = ()
                  ) -> str | None:
    """The heading of a discovered section: among its group's phrases and the phrases its items share, those that
    name a subject (`names_subject`) and that its items name (not in a list: two items for a single word of the
    group, one for the group's heading or one of its noun phrases), the one most items name, then the best
    `heading_quality`; failing those, an everyday noun two items hold as their subject; None when none does. A
    single word of the title ("Ostland" in "Varnia and Ostland agree ...") is what the whole story is about, and
    heads no section."""
    # A capitalised phrase of the group is the tail of a longer name ("Economic Cooperation summit"): no heading.
    given = [section.heading, *(k for k in topic.keywords if not (" " in k and k[:1].isupper()))]
    given = list(dict.fromkeys(given))
    # Only when nothing else names a subject: an everyday noun two items hold as theirs ("the verdicts"); a phrase
    # named once ("Haul road") still heads the section over an everyday word named thrice ("the pit").
    found = _candidates(section.items, texts, title, given, story=story) or _candidates(
        section.items, texts, title, given, everyday=True, story=story)
    return max(found)[2] if found else None


def _candidates(items: Sequence[Item], texts: Texts, title: str, given: Sequence[str] = (), expand: bool = False,
                everyday: bool = False, headlined: Collection[str] = (), story: Collection[str] = ()
                ) -> list[tuple[int, float, str, str]]:
    """(items naming it, `heading_quality`, heading, what its items name) of each phrase of `given` and each phrase
    at least two of the items share that names a subject (`names_subject`), or of the noun phrase the articles hold
    a shared word in (`expansions`: "Libraries" -> "Library cuts"; its items are those naming the word); with
    `expand`, that phrase also for a shared word that names a subject alone ("Pier" -> "Middle pier"); with
    `everyday`, also an everyday noun two items hold as their subject (`held_as_subject`)."""
    names = list(dict.fromkeys([*given, *shared_phrases(items), *(spread_phrases(items) if expand else ())]))
    story_words = set(normalised(title))
    names = [n for n in names if " " in n or normalise(n) not in story_words]
    found: list[tuple[int, float, str, str]] = []
    for name in names:
        about = sum(_names_item(name, item.text) and not _measure_only(name, item.text) for item in items)
        if about == 0 or (name not in given[:1] and " " not in name and about < MIN_SECTION_ITEMS):
            continue  # a single word of the group replaces the heading only when items share it
        proper = is_proper(name, texts) if _holding(name, texts) else name[:1].isupper()
        # The story's own subject ("Asbestos") heads no section, but the phrase the articles hold it in may.
        named = (" " in name or normalise(name) not in story) and (
            names_subject(name, proper, texts) or (everyday and held_as_subject(name, proper, items, texts))
            or (headline_subject(name, proper, texts, headlined) and _held_plain(name, items)))
        if named:
            heading = name if proper else name[:1].upper() + name[1:]
            found.append((about, heading_quality(name, proper), heading, _key(heading)))
        elif question := asked(name, items, texts):
            found.append((about, heading_quality(question), question, _key(question)))
        if (expand or not named) and " " not in name and not proper and about >= MIN_SECTION_ITEMS:
            # A word the items share that names no subject alone names one in the phrase the articles hold it in
            # ("Libraries" -> "Library cuts"), when an item names that phrase.
            # Its items are those naming the word, when the word is a thing that rare ("sent several carriers to
            # Port Ellery" is about the "car carriers"); an everyday word's items may be about anything ("groups").
            # A commoner word's items are those naming it under no modifier of its own ("the seven libraries" of
            # "Library cuts", not "business groups" of "Working groups": `_names_key`).
            for p in expansions(name, texts, title):
                # a word that heads a section alone gives way only to a phrase it heads ("Middle pier" of "pier";
                # "Silt" stays "Silt", not "Flow of silt")
                if p in names or is_proper(p, texts) or not names_subject(p, False, texts) \
                        or (named and normalise(_head(p)) != normalise(name)) \
                        or not any(_names_item(p, item.text) or _names_words(p, item.text) for item in items):
                    continue
                n = sum(_names_item(p, item.text) for item in items)
                found.append((n, heading_quality(p), p[:1].upper() + p[1:], name))
                break
    # A word inside a phrase two items share is that phrase's ("rota" of "twelve-hour rota").
    shared = [f for f in found if " " in f[2] and f[0] >= MIN_SECTION_ITEMS]
    found = [f for f in found if not any(" " not in f[2] and normalise(f[2]) in normalised(g[2]) for g in shared)]
    # A part of another heading's thing is that thing's ("the ground floor of the maritime museum").
    return [f for f in found if not any(g[2] != f[2] and _part_of(f[2], g[2], texts) for g in found)]


# Words that open an indirect question: "explain what went wrong", "review how the meals are checked".
_ASKING = re.compile(r"\b(what|how|why)\s+$", re.I)


def asked(name: str, items: Sequence[Item], texts: Texts) -> str:
    """The indirect question two items ask, when a verb phrase that names no subject alone follows the same question
    word in both ("to explain what went wrong", "a full account of what went wrong"): "What went wrong" is what the
    section is about, as an editor heads it; else ""."""
    if " " not in name or not rejection(name, False, texts).startswith("a verb"):
        return ""
    asking = [word for item in items for word in _question_words(name, item.text)]
    word = max(set(asking), key=asking.count, default="")
    return f"{word.capitalize()} {name.casefold()}" if asking.count(word) >= MIN_SECTION_ITEMS else ""


def _question_words(name: str, text: str) -> set[str]:
    """The question words right before `name` in `text` ("what" of "explain what went wrong")."""
    found = (_ASKING.search(before) for before, _, _ in _find_mentions(name, [text], 8))
    return {m.group(1).lower() for m in found if m}


def _part_of(part: str, whole: str, texts: Texts) -> bool:
    """Whether the articles write `part` as a part of `whole`: "the ground floor of the maritime museum"."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(part)}\s+of\s+(?:the\s+|a\s+|its\s+)?{re.escape(whole)}(?![\w-])",
                         re.I)
    return any(pattern.search(text) for text in _holding(part, texts))


def _measure_only(word: str, text: str) -> bool:
    """Whether `text` names a single word only as a measure of something else ("a batch of faulty thermostats" is
    about the thermostats, as "a number of" is about what is counted)."""
    found = _find_mentions(word, [text], MENTION_BEFORE)
    return " " not in word and bool(found) and all(
        re.search(r"\b(?:a|an|one|another)\s+$", before, re.I) and re.match(r"\s+of\b", after)
        for before, after, _ in found)


def headline_subject(name: str, proper: bool, texts: Texts, headlined: Collection[str]) -> bool:
    """Whether an everyday noun turned down for that alone is a side of the story an article's headline names."""
    return not proper and " " not in name and normalise(name) in headlined and not _ACTOR.search(name.casefold()) \
        and not _ABSTRACT.search(normalise(name)) and rejection(name, proper, texts).startswith("an everyday")


def _held_plain(name: str, items: Sequence[Item]) -> bool:
    """Whether two items name `name` as a thing, not as the time or place of something else ("samples of the rice
    served at lunch" and "packed lunches" share the outbreak's "lunch" by chance)."""
    def plain(before: str) -> bool:
        last = before.split()[-1:]
        return not last or not re.fullmatch(r"(?i:at|in|on|near|below|during|before|after|over)", last[0])

    held = sum(any(plain(before) for before, _, _ in _find_mentions(name, [item.text], MENTION_BEFORE))
               for item in items)
    return held >= MIN_SECTION_ITEMS


# A verb in the past tense right after a noun: the noun is its clause's subject ("the rocket lifted off").
_PAST_VERB = re.compile(r"\s+[a-z]{3,}ed\b")


def held_as_subject(name: str, proper: bool, items: Sequence[Item], texts: Texts) -> bool:
    """Whether an everyday noun turned down for that alone (rarer than `SHARED_NOUN_ZIPF`) is what two of the items
    are about: each holds it as the head of its phrase, right after a determiner ("its verdicts", "the verdicts")."""
    if proper or " " in name or everyday_zipf(name) >= SHARED_NOUN_ZIPF or _ACTOR.search(name.casefold()) \
            or _ABSTRACT.search(normalise(name)) or not rejection(name, proper, texts).startswith("an everyday"):
        return False
    held = sum(any(re.search(rf"\b{_DETERMINER}\s+$", before, re.I) and (_ends_phrase(after) or _PAST_VERB.match(after))
                   for before, after, _ in _find_mentions(name, [item.text], MENTION_BEFORE)) for item in items)
    return held >= MIN_SECTION_ITEMS


def _key(heading: str) -> str:
    """What an item names to be about a noun phrase's subject: the phrase, or its head noun when that is rarer than
    `EXPAND_KEY_ZIPF` ("Divers found no damage to the pier itself" is about the "middle pier"; "the bill" need
    not be the "repair bill")."""
    head = _head(heading)
    return head if " " in heading and everyday_zipf(head) < EXPAND_KEY_ZIPF else heading


def regroup(items: Sequence[Item], texts: Texts, title: str, taken: Sequence[str], room: int,
            spare: Collection[Item] = (), free: int = 0, headlined: Collection[str] = (),
            reports: Sequence[tuple[str, frozenset[int]]] = (),
            outcomes: Sequence[tuple[str, str, frozenset[int]]] = (), story: Collection[str] = (),
            subject: Collection[str] = ()) -> tuple[list[tuple[str, list[Item]]], list[Item]]:
    """Sections made of items that no discovered section holds: up to `room` groups of at least two items that
    name one subject (the most items first), and the items left over. A group's heading is a noun phrase or a
    rare word (`REGROUP_ZIPF`): a word two leftover items share by chance ("harbour" officials, "off the harbour")
    is no subject. Of `spare` (the overview's items that may leave it) no more than `free` are taken, all told: a
    group that would take more keeps only its other items, and is weighed by those (the ferry's "Mainland" would
    have taken three of the overview's and been dropped, its items with it, before "Fish farm" was tried). A phrase of
    `reports` (`report_phrases`) heads what its later day's articles report about it, and so does a noun of
    `outcomes` (`outcome_nouns`); what was done (`named_acts`) heads the items when nothing else does, then a thing
    two of them hold (`held_things`; `story`: the words of the first day's headlines)."""
    left = list(items)
    made: list[tuple[str, list[Item]]] = []

    def within(found: list[Item]) -> list[Item]:
        return found if sum(i in spare for i in found) <= free else [i for i in found if i not in spare]

    def headed() -> set[str]:
        return {t.casefold() for t in [*taken, *(h for h, _ in made)]}

    def members(f: tuple[int, float, str, str]) -> list[Item]:
        # (Not an item that names it only as who says what it tells: "..., the regional emergency service said".)
        return within([i for i in left if _about(f[2], f[3], i.text, texts) and not attributed(f[2], i.text)])

    def groups(headlined: Collection[str]) -> dict[tuple[int, float, str, str], list[Item]]:
        # A phrase the articles hold a shared word in ("car carriers") takes the items naming that word ("sent
        # several carriers to Port Ellery").
        found = {f: members(f) for f in _candidates(left, texts, title, expand=True, headlined=headlined,
                                                         story=subject)
                 if (" " in f[2] or everyday_zipf(f[2]) < REGROUP_ZIPF or normalise(f[2]) in headlined)
                 and f[2].casefold() not in headed()}
        return {f: m for f, m in found.items() if len(m) >= MIN_SECTION_ITEMS}

    def reported() -> dict[tuple[int, float, str, str], list[Item]]:
        # A later day's headline heads the items its own articles alone carry about it (an item other articles carry
        # is the wider story's), and then an earlier item that prints the phrase itself ("might have to bring in a
        # hosepipe ban").
        found = {}
        for phrase, ids in reports:
            heading = phrase[:1].upper() + phrase[1:]
            if heading.casefold() in headed():
                continue
            own = [i for i in left if set(i.sources) <= ids and _about(heading, _key(heading), i.text, texts)]
            own = [i for i in left if i in own or _names_item(phrase, i.text)] if len(own) >= MIN_SECTION_ITEMS else []
            own = within(own)
            if len(own) >= MIN_SECTION_ITEMS:
                found[(len(own), heading_quality(phrase), heading, _key(heading))] = own
        # A later day's outcome, its headline's verb turned noun ("Meeting"), heads what that day's articles alone
        # carry about it, when two of them print the noun or the verb ("would meet the group", "at the meeting").
        for noun, verb, ids in outcomes:
            own = within([i for i in left if set(i.sources) <= ids and _names_outcome(noun, verb, i.text)])
            if noun not in headed() and len(own) >= MIN_SECTION_ITEMS and any(_names_item(noun, i.text) for i in own):
                found[(len(own), heading_quality(noun), noun.capitalize(), noun.capitalize())] = own
        return found

    def acted() -> dict[tuple[int, float, str, str], list[Item]]:
        # What was done, named as the act by one item and as the thing by another ("had offered a 4 percent rise",
        # "approved the offer"), when the story prints it as a noun twice.
        found = {}
        for noun in named_acts(left, texts, title):
            own = within([i for i in left if _names_outcome(noun, noun, i.text) and not is_list(i.text)])
            if noun not in headed() and len(own) >= MIN_SECTION_ITEMS:
                found[(len(own), heading_quality(noun), noun.capitalize(), noun.capitalize())] = own
        return found

    def held() -> dict[tuple[int, float, str, str], list[Item]]:
        # A thing two items hold as their clause's ("divers inspected the hull", "minor damage to the hull").
        found = {}
        for noun, own in held_things(left, texts, title, story).items():
            own = within(own)
            if noun not in headed() and len(own) >= MIN_SECTION_ITEMS:
                found[(len(own), heading_quality(noun), noun.capitalize(), noun.capitalize())] = own
        return found

    while len(made) < room and len(left) >= MIN_SECTION_ITEMS:
        # An everyday word a headline names only when nothing else heads the items left ("Tax rise" over "Tax").
        found = {**(groups(()) or (groups(headlined) if headlined else {}) or acted() or held()), **reported()}
        if not found:
            break
        # The most items first; then a heading two of them print as it is over one whose words they name apart
        # ("Levy" over "Harbour levy", "Cider press" over "Orchard cider press"); then a phrase whose items share a
        # word that heads a section alone ("Middle pier" of "pier") over one whose shared word is everyday
        # ("Harbour dues" of "harbour", where "Levy" names them).
        heads = {f[2].casefold() for f in found}
        best = max(found, key=lambda f: (len(found[f]), sum(_names_item(f[2], i.text) for i in found[f])
                                         >= MIN_SECTION_ITEMS, f[3].casefold() in heads, f[1], f[2]))
        made.append((best[2], found[best]))
        free -= sum(i in spare for i in found[best])
        left = [i for i in left if i not in found[best]]
    return made, left


# A word before a noun that makes it a point of comparison, not what the clause is about ("rose against the euro").
# Nor where something is or happens ("treated at the hospital", "the road above the pit").
_PLACE_OR_COMPARED_BEFORE = re.compile(r"\b(?:against|than|versus|like|per|at|in|near|outside|inside|beside|below|"
                                       r"above|under|across)\s+(?:[\w'’-]+\s+){1,2}$", re.I)
# A determiner right before a noun, or with one word between ("the hull", "a second server", "her first budget").
_HELD_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+(?:[a-z][\w'’-]*\s+)?$",
                          re.I)
# What follows a noun that says which one it is, so that another noun is the phrase's subject ("the result of the
# first count").
_WHICH_ONE = re.compile(r"\s+(?:of|for)\b", re.I)
# A verb in the past or a participle right after a noun ("the crown firmed", "a server used by").
_PARTICIPLE_AFTER = re.compile(r"\s+[a-z]{2,}ed\b")


def _holds(noun: str, text: str) -> bool:
    """Whether `text` holds `noun` as the head of a noun phrase of its own: after a determiner (with one word between
    at most), ending its phrase or followed by its verb in the past ("the hull.", "a server used by ..."), and not
    as a point of comparison ("against the euro")."""
    return not is_list(text) and any(
        _HELD_BEFORE.search(before) and not _PLACE_OR_COMPARED_BEFORE.search(before)
        and not _WHICH_ONE.match(after) and not after.startswith(("'s", "’s"))
        and (_ends_phrase(after) or _PARTICIPLE_AFTER.match(after) is not None or _past_form(after))
        for before, after, _ in _find_mentions(noun, [text], MENTION_BEFORE))


def _past_form(after: str) -> bool:
    """Whether the word after a noun is a past tense of `_PAST_FORMS` ("the crown rose")."""
    following = re.match(r"\s+([a-z]+)\b", after)
    return following is not None and following.group(1) in _PAST_FORMS


# Words for the story's event itself or for a time of day, which any two items may hold ("a review of the incident",
# "through the night"): no section's subject.
_EVENT_OR_TIME = _word_set("incident accident event case matter affair episode morning evening afternoon night "
                           "weekend tonight today yesterday")


def held_things(items: Sequence[Item], texts: Texts, title: str, story: Collection[str] = ()) -> dict[str, list[Item]]:
    """Nouns rarer than `HELD_ZIPF` that two items hold as the head of a noun phrase of their own (`_holds`), each with
    those items: a thing two sentences are about ("the grounding", "the hull"). Never a word of the title or of
    `story` (the first day's headlines: what the whole story is about, "the dam"), a name, a day, a body, a role,
    people, an abstract word, the event itself or a time of day, nor where the story happens (`_placed`: "the barn
    below the pit"); a word as common as `HELD_RARE_ZIPF` or more only when the items holding it share another plain
    word as well ("the crown ... against the euro", twice)."""
    return {word: own for word, (own, why) in _held_words(items, texts, title, story).items() if not why}


def _held_words(items: Sequence[Item], texts: Texts, title: str, story: Collection[str]
                ) -> dict[str, tuple[list[Item], str]]:
    """Each word two of the items hold (`_holds`), with those items and why it heads nothing ("" when it does), for
    `held_things` and the debug log."""
    firsts = {normalise(w) for w in story}
    whole = set(normalised(title)) | firsts
    words = {w for i in items for w in re.findall(r"(?<![\w'’-])[a-z][a-z-]{2,}(?![\w'’-])", i.text)}
    found = {}
    for word in sorted(words - STOP_WORDS):
        own = [i for i in items if _holds(word, i.text)]
        if len(own) < MIN_SECTION_ITEMS:
            continue
        if normalise(word) in whole:
            why = "the whole story's (the title's or the first day's headlines')"
        elif word in _PAST_FORMS:
            why = "a verb"  # "a van slid down an icy hill"
        elif normalise(word) in _NO_HEAD | ROLE_NOUNS | _EVENT_OR_TIME or _ACTOR.search(word) \
                or _ABSTRACT.search(normalise(word)) or is_proper(word, texts):
            why = "a name, a body, people, a time, the event or an abstract word"
        elif everyday_zipf(word) >= HELD_ZIPF:
            why = f"too common (Zipf {everyday_zipf(word):.1f})"
        elif _placed(word, texts):
            why = "where the story happens"
        elif everyday_zipf(word) >= HELD_RARE_ZIPF and not _cohere(own, word, firsts):
            why = f"its items share no other word (Zipf {everyday_zipf(word):.1f})"
        else:
            why = ""
        found[word] = (own, why)
    return found


# A preposition of place right before a noun (and its determiner): something is there ("the barn below the pit").
_PLACE_BEFORE = re.compile(r"\b(?:at|in|near|outside|inside|beside|below|above|under|across)\s+"
                           r"(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.I)


def _placed(word: str, texts: Texts) -> bool:
    """Whether the story places something at, in, near, above, below ... `word` anywhere: where the story happens
    ("the barn below the pit", "the slope above the track"), not what a section is about."""
    return any(_PLACE_BEFORE.search(before) for before, _, _ in _mentions(word, texts))


def _plain_words(text: str) -> set[str]:
    """The words of a sentence written in lower case (its first word too): not the names it holds."""
    words = re.findall(r"(?<![\w'’-])[A-Za-z][a-z-]{2,}(?![\w'’-])", text)
    return {normalise(w.lower()) for k, w in enumerate(words) if k == 0 or w[0].islower()}


def _cohere(items: Sequence[Item], word: str, story_words: Collection[str]) -> bool:
    """Whether the items holding `word` share another plain word too (`_plain_words`): not a function word, a verb
    in the past, a word of `_NO_HEAD` ("said", "week") or of `story_words` (the whole story's)."""
    shared = set.intersection(*(_plain_words(i.text) for i in items)) - STOP_WORDS - _NO_HEAD - _PAST_FORMS
    return any(w not in story_words and w != normalise(word) and not w.endswith("ed") for w in shared)


def unmade(items: Sequence[Item], texts: Texts, title: str, given: Sequence[str] = (), subject: Collection[str] = ()
           ) -> list[str]:
    """Why no section forms around the phrases of `given` or those two of `items` share: for each, how many items
    name it and the rule that turns it down (a title word, a name, an everyday word, ...), for `fit_headings`'s
    debug log and bench/headings.py --why."""
    story_words = set(normalised(title))
    out = []
    for name in dict.fromkeys([*given, *shared_phrases(items)]):
        about = sum(_names_item(name, i.text) for i in items)
        proper = is_proper(name, texts) if _holding(name, texts) else name[:1].isupper()
        if " " not in name and normalise(name) in story_words:
            why = "a word of the title"
        elif " " not in name and normalise(name) in subject:
            why = "the story's own subject (the first day's headlines', named by many items)"
        elif about < MIN_SECTION_ITEMS:
            why = f"{about} item{'s name' if about != 1 else ' names'} it"
        else:
            why = rejection(name, proper, texts) or (
                f"everyday for a section of leftovers (Zipf {everyday_zipf(name):.1f})"
                if " " not in name and everyday_zipf(name) >= REGROUP_ZIPF else "names a subject")
        out.append(f"{name}: {why}")
    return out


def fit_headings(sections: Sequence[Section], topics: Sequence[Topic], other: str,
                 story: Sequence[tuple[int, str]] = (), title: str = "", overview: str = "Overview",
                 room: int = 0, keep: Collection[str] = (), order: Sequence[str] = (),
                 headlines: Sequence[str] = (), dated: Sequence[tuple[int, dt.date | None, str]] = ()
                 ) -> tuple[Section, ...]:
    """Discovered sections as printed (`_fit`). The story's own thing (`own_subject`: "Asbestos", "Volcano") that
    heads a section is refused when other headings take its place ("Inquiry", "Eastern slope"); when refusing it
    would leave the story fewer sections ("Tanker" of an oil spill, where nothing else heads its items), it stays: a
    weak heading over items that belong together reads better than the same items in Other developments."""
    # (One `Story` for both fits: the second reads the mentions the first has cached.)
    texts = Story([text for _, text in story] or [i.text for s in sections for i in s.items])
    args = (sections, topics, other, texts, title, overview, room, keep, order, headlines, dated)
    subject = own_subject(first_words(dated), [i for s in sections for i in s.items])
    fitted, refused = _fit(*args, frozenset(), explain=False), frozenset[str]()
    if subject.intersection(normalise(s.heading) for s in fitted):
        without = _fit(*args, subject, explain=False)
        if _headed(without, overview, other) >= _headed(fitted, overview, other):
            fitted, refused = without, subject
    if log.isEnabledFor(logging.DEBUG):
        _fit(*args, refused)  # once more, saying why (the debug log, bench/headings.py --why)
    return tuple(s if s.heading in (overview, other) else replace(s, heading=as_printed(s.heading, texts))
                 for s in fitted)


def as_printed(heading: str, texts: Texts) -> str:
    """`heading` as the articles print its words, when they print them only with a name's 's between ("Peller
    Yard" of "Peller's Yard"; "Bus brakes" of "the bus's brakes" reads well as it is)."""
    if " " not in heading or _mentions(heading, texts):
        return heading
    return next((owned for owner, owned in _owned_forms(heading)
                 if is_proper(owner, texts) and _owned_mentions(owner, owned, texts)), heading)


def _headed(sections: Sequence[Section], overview: str, other: str) -> int:
    return sum(s.heading not in (overview, other) for s in sections)


def _fit(sections: Sequence[Section], topics: Sequence[Topic], other: str, texts: Story,
         title: str, overview: str, room: int, keep: Collection[str], order: Sequence[str], headlines: Sequence[str],
         dated: Sequence[tuple[int, dt.date | None, str]], subject: Collection[str], explain: bool = True
         ) -> tuple[Section, ...]:
    """Discovered sections as printed (`texts`: the story's quotable sentences, to see how the articles use a
    heading; `title`: the brief's title; `overview`: the heading of the first section, the story's key facts).

    1. each is headed by a subject its items share (`_best_heading`); a section with none gives its items away;
    2. an item of `other` that names a discovered heading moves under it;
    3. a section of one item gives it to the discovered section whose heading it names, else to `other`; two
       sections with one heading become one;
    4. a discovered section with no items is left out (no "no coverage" note for a topic nobody asked for);
    5. the items left over may form sections of their own (`regroup`), as many as were discovered or `room` (what the
       word budget holds), whichever is more, all told; a long overview may give items to the sections (`keep`: the
       bottom line's text, which stays).
    A section that takes items in lists them as `order` does (the story's sentences in the brief's order), else in
    the story's order. `other` is created at the end when missing; a single item left over ends the overview instead."""
    by_name = {t.name: t for t in topics}
    named: dict[int, str] = {}  # position of a discovered section -> its heading
    moved: list[Item] = []
    for k, section in enumerate(sections):
        topic = by_name.get(section.heading)
        if topic is None:
            continue
        given_away = [*moved, *(i for s in sections if s.heading == other for i in s.items)]
        heading = _best_heading(_with_named(section, given_away), topic, texts, title, subject) \
            if section.items else None
        if heading is None:
            moved += section.items  # no subject its items share (or a list's passing mention) heads them
            if explain and log.isEnabledFor(logging.DEBUG):
                log.debug("topic %r (%d items) heads nothing: %s", section.heading, len(section.items),
                          "; ".join(unmade(section.items, texts, title, [section.heading, *topic.keywords], subject)))
        elif (first := next((j for j, h in named.items() if h == heading), None)) is not None:
            moved += section.items
            named[first] = heading  # the first keeps the heading; items naming it come back to it below
        else:
            named[k] = heading
    # An item that names no word of the heading was filed by another phrase of the group ("towed to
    # its yard in Aldmoor" under "Diversion route", once "Aldmoor" heads nothing): it is no part of the section.
    words = {k: {normalise(w) for w in h.split() if w.casefold() not in ("of", "the")} for k, h in named.items()}
    items = {k: [i for i in sections[k].items if not words[k].isdisjoint(normalised(i.text))] for k in named}
    moved += [i for k in named for i in sections[k].items if i not in items[k]]
    # Other developments' items that name a discovered heading belong under it (the overview keeps its own).
    rest = next((k for k, s in enumerate(sections) if s.heading == other and k not in named), None)
    loose = [*(sections[rest].items if rest is not None else ()), *moved]
    for k, heading in named.items():
        items[k] += [i for i in loose if _names_item(heading, i.text) and i not in items[k]]
        loose = [i for i in loose if i not in items[k]]
    # One item alone under a heading: it joins a section whose heading it names, else Other developments. Fewest
    # first, so that a section left with one item gives it away in turn.
    for k in sorted(named, key=lambda k: len(items[k])):
        if len(items[k]) >= MIN_SECTION_ITEMS:
            continue
        for item in items[k]:
            home = next((j for j in named if j != k and len(items[j]) >= MIN_SECTION_ITEMS
                         and _names_item(named[j], item.text)), None)
            (items[home] if home is not None else loose).append(item)
        items[k] = []
    kept = {k for k in named if items[k]}
    # A long overview may give up to all but `OVERVIEW_ITEMS` of its items (never the bottom line, `keep`) to a
    # heading they name, or to a section of their own below (`regroup`); what finds no section stays in the
    # overview, where it was picked (the quarry's eleven items held its rockfall; the talks' its farm subsidies).
    lead = next((k for k, s in enumerate(sections) if s.heading == overview and k not in named), None)
    spare = [i for i in sections[lead].items if not i.text.startswith(tuple(keep))] if lead is not None else []
    free = min(len(spare), len(sections[lead].items) - OVERVIEW_ITEMS) if lead is not None else 0
    for k in kept:
        took = [i for i in spare if _names_item(named[k], i.text)][:max(free, 0)]
        items[k] += took
        spare = [i for i in spare if i not in took]
        free -= len(took)
    spare = spare if free > 0 else []
    # A section that took items in reads in the brief's order again (the folded day-one items of the ship fire
    # came after day two's).
    place = {text: n for n, text in enumerate(order or texts.texts)}

    def in_order(found: Sequence[Item]) -> list[Item]:
        def at(item: Item) -> int:
            n = place.get(item.text)
            return n if n is not None else next((m for t, m in place.items() if item.text.startswith(t)), len(place))
        return sorted(found, key=at)

    items = {k: items[k] if items[k] == list(sections[k].items) else in_order(items[k]) for k in named}
    loose = in_order(loose) if rest is None or loose != list(sections[rest].items) else loose
    shaped = [s if k not in named else replace(s, heading=named[k], items=tuple(items[k]))
              for k, s in enumerate(sections) if (s.heading not in by_name or k in kept) and k != rest]
    # A later day's outcome noun is read in the items as well, once each: a quotation printed with its item is no
    # sentence of the story's (the organiser's "A meeting is not a U-turn" follows her words in one item).
    printed = list(dict.fromkeys([*texts.texts, *(i.text for s in sections for i in s.items)]))
    # What is left may still hold a subject two items share ("car carriers" sent to another port): up to as many
    # sections as were discovered, all told.
    made, left = regroup([*loose, *spare], texts, title, [named[k] for k in kept], max(len(topics), room) - len(kept),
                         spare, free, headline_words(headlines, title), report_phrases(dated, texts),
                         outcome_nouns(dated, Story(printed)), first_words(dated), subject)
    if explain and log.isEnabledFor(logging.DEBUG):
        for k in named.keys() - kept:
            log.debug("topic %r: %s gave away its one item", sections[k].heading, named[k])
        if len(left) >= MIN_SECTION_ITEMS:
            log.debug("%d items left over (the overview's spare ones among them), no section: %s", len(left),
                      "; ".join(unmade(left, texts, title, subject=subject)))
            held = _held_words(left, texts, title, first_words(dated)).items()
            log.debug("held by two of them: %s", "; ".join(f"{w}: {why or 'heads them'}" for w, (_, why) in held)
                      or "nothing")
    gone = [i for k in kept for i in items[k] if lead is not None and i in sections[lead].items]
    for heading, members in made:
        gone += [i for i in members if i in spare]
        # Two headings of one subject ("Lower quay" and "Quay") are one section, under the wider heading.
        same = next((n for n, s in enumerate(shaped) if s.heading not in (overview, other)
                     and same_subject(s.heading, heading)), None)
        if same is None:
            shaped.append(Section(heading, tuple(in_order(members))))
        else:
            wider = min(shaped[same].heading, heading, key=lambda h: len(h.split()))
            shaped[same] = replace(shaped[same], heading=wider, items=tuple(in_order([*shaped[same].items, *members])))
    if gone:
        shaped = [replace(s, items=tuple(i for i in s.items if i not in gone)) if s.heading == overview else s
                  for s in shaped]
    shaped = _fold_parts(shaped, (overview, other), in_order)
    loose = [i for i in left if i in loose]
    if not loose:
        return tuple(shaped)
    if len(loose) == 1 and shaped and shaped[0].heading == overview and shaped[0].items:
        # One item is no section either: it ends the overview, as a story of few facts reads best in one list.
        return (replace(shaped[0], items=(*shaped[0].items, *loose)), *shaped[1:])
    note = sections[rest] if rest is not None else Section(other)
    return (*shaped, replace(note, items=tuple(loose), note=""))


def _with_named(section: Section, loose: Sequence[Item]) -> Section:
    """A discovered section of one item, with the `loose` items (Other developments', and those of topics that head
    nothing) that name its heading: what its heading is judged on, as those items join it once it is headed (the
    launch's "Rocket" topic got "The rocket lifted off at 10:15 ..."; "... separated from its rocket" was filed
    under "Aurora", a word of the title)."""
    if len(section.items) >= MIN_SECTION_ITEMS:
        return section
    return replace(section, items=(*section.items, *(i for i in loose if _names_item(section.heading, i.text))))


def report_phrases(dated: Sequence[tuple[int, dt.date | None, str]], texts: Texts
                   ) -> list[tuple[str, frozenset[int]]]:
    """The noun phrases that name a subject in the headlines of a later day's articles (`dated`: source id,
    publication date, headline), as the articles' sentences print them, each with the articles whose headline holds
    it: what a later day's report is about ("hosepipe ban" of "Hosepipe ban from Friday as heat goes on"). Not one
    the first day's headlines hold: that is what the whole story is about ("weather satellite")."""
    days = [day for _, day, _ in dated if day is not None]
    if not days:
        return []
    first = min(days)
    firsts = {k for _, day, h in dated if day == first for k in key_phrases([(0, h)])}
    found: dict[str, set[int]] = {}
    for source, day, headline in dated:
        if day is None or day == first:
            continue
        for key, phrase in key_phrases([(0, headline)]).items():
            form = phrase.forms.most_common(1)[0][0]
            if " " not in key or key in firsts or not _holding(form, texts) or is_proper(form, texts):
                continue
            if names_subject(form.lower(), False, texts):
                found.setdefault(form.lower(), set()).add(source)
    return [(phrase, frozenset(ids)) for phrase, ids in found.items()]


def own_subject(first: Collection[str], items: Sequence[Item]) -> frozenset[str]:
    """The words of the first day's headlines, in the singular there, that `SUBJECT_SHARE` of the brief's items name:
    the story's own thing ("asbestos" of an asbestos story, "volcano" of an eruption), which heads everything and no
    section. A plural there names things the story happens to ("halt flights", "forces hundreds from homes")."""
    return frozenset(normalise(w) for w in first if w not in STOP_WORDS and not w.isdigit() and not _plural(w)
                     and sum(_names_item(w, i.text) for i in items) >= SUBJECT_SHARE * len(items))


def _plural(word: str) -> bool:
    """Whether a word is a plural: its singular is the commoner word ("flights"; not "asbestos", "news" aside)."""
    return normalise(word) != word and zipf(normalise(word)) >= zipf(word)


def first_words(dated: Sequence[tuple[int, dt.date | None, str]]) -> frozenset[str]:
    """The words of the first day's headlines (`dated`: source id, publication date, headline): what the whole story
    is about ("Ferry runs aground off Tollholm with 180 on board")."""
    days = [day for _, day, _ in dated if day is not None]
    first = min(days, default=None)
    return frozenset(w.lower() for _, day, h in dated if day == first for w in re.findall(r"[\w'’-]+", h))


# Endings that turn a headline's verb into the noun of what it did ("agrees to meet" -> "the meeting", "appoint" ->
# "the appointment"): the day's outcome, as the articles name it.
_NOUN_ENDINGS = ("ing", "ment")


def outcome_nouns(dated: Sequence[tuple[int, dt.date | None, str]], texts: Texts
                  ) -> list[tuple[str, str, frozenset[int]]]:
    """The day's outcome of a later day's headline, its verb turned noun, where the articles print that noun as one
    (after a determiner and ending its phrase) in two sentences at least: ("meeting", "meet", the articles whose
    headline holds the verb) of "Health chief agrees to meet campaigners after march" where the articles print "at
    the meeting" and "a meeting is not a U-turn". Not a verb of the first day's headlines (what the whole story is
    about), nor a noun for people or a body that acts."""
    days = [day for _, day, _ in dated if day is not None]
    if not days:
        return []
    first = min(days)
    firsts = {normalise(w) for _, day, h in dated if day == first for w in re.findall(r"[\w'’-]+", h)}
    found: dict[tuple[str, str], set[int]] = {}
    for source, day, headline in dated:
        if day is None or day == first:
            continue
        for word in re.findall(r"[a-z]{3,}", headline.lower()):
            verb = word[:-1] if word.endswith("s") and not word.endswith("ss") else word  # "agrees" -> "agree"
            if verb in firsts or normalise(word) in firsts or verb in STOP_WORDS:
                continue
            for noun in _nominals(verb):
                if _printed_as_noun(noun, texts) and normalise(noun) not in _NO_HEAD | ROLE_NOUNS:
                    found.setdefault((noun, verb), set()).add(source)
    return [(noun, verb, frozenset(ids)) for (noun, verb), ids in found.items()]


def _nominals(verb: str) -> set[str]:
    """The nouns a verb may turn into by `_NOUN_ENDINGS` ("meet" -> "meeting", "appoint" -> "appointment", "close" ->
    "closing"; the others, "meetment", are printed nowhere)."""
    return {verb + end for end in _NOUN_ENDINGS} | ({verb[:-1] + "ing"} if verb.endswith("e") else set())


_RIGHT_AFTER_DETERMINER = re.compile(rf"\b{_DETERMINER}\s+$", re.I)


def _printed_as_noun(noun: str, texts: Texts, before_it: re.Pattern[str] = _RIGHT_AFTER_DETERMINER) -> bool:
    """Whether two sentences at least print `noun` right after a determiner (or as `before_it` says), ending its
    phrase ("at the meeting", "a meeting is"; not "the meeting room")."""
    held = [text for text in _holding(noun, texts)
            if any(before_it.search(before) and _ends_phrase(after)
                   for before, after, _ in _find_mentions(noun, [text], MENTION_BEFORE))]
    return len(held) >= MIN_SECTION_ITEMS


# What opens a verb's object: "offered a 4 percent rise" is an act done to something; "landed at Amman" is not (the
# plane "landed", and "travel by land" is another word).
_OBJECT_START = r"(?:a|an|the|its|their|his|her|our|this|that|these|those|\d[\d,.]*)\b"


def named_acts(items: Sequence[Item], texts: Texts, title: str) -> list[str]:
    """Nouns that one item names as an act done to something, in the past ("had offered a 4 percent rise"), and
    another as a thing, after a determiner ("approved the offer"), and that the story's sentences print as a noun
    twice: what was done, as its subject."""
    story_words = set(normalised(title))
    verbs = {m.group(1).lower() for i in items for m in re.finditer(r"\b([a-z]{3,}?)e?d\b", i.text)}
    found = []
    for noun in sorted(verbs):
        if noun in story_words or noun in STOP_WORDS or normalise(noun) in _NO_HEAD | ROLE_NOUNS \
                or everyday_zipf(noun) >= ACT_ZIPF or not _printed_as_noun(noun, texts, _NOUN_BEFORE):
            continue
        things = [i for i in items if any(_RIGHT_AFTER_DETERMINER.search(b) and _ends_phrase(a)
                                          for b, a, _ in _find_mentions(noun, [i.text], MENTION_BEFORE))]
        acts = [i for i in items if re.search(rf"\b{re.escape(noun)}e?d\s+{_OBJECT_START}", i.text, re.I)]
        if things and acts and len({*things, *acts}) >= MIN_SECTION_ITEMS:
            found.append(noun)
    return found


def _names_outcome(noun: str, verb: str, text: str) -> bool:
    """Whether `text` names a day's outcome: its noun ("the meeting") or its verb in any form ("would meet")."""
    return bool(re.search(rf"(?<![\w-])(?:{re.escape(noun)}s?|{re.escape(verb)}(?:s|es|ed|d|ing)?)(?![\w-])", text,
                          re.I))


def headline_words(headlines: Sequence[str], title: str) -> frozenset[str]:
    """The words of the articles' headlines that the brief's title does not hold: the sides of the story its outlets
    headlined ("crew" of "Fire on container ship forces crew to flee", in a story titled for the port reopening)."""
    found = {normalise(m.group(0)) for h in headlines for m in re.finditer(r"[\w'’-]+", h)
             if _ends_phrase(h[m.end():], _PLACES) and not _HEADLINE_PLACE.search(h[:m.start()])}
    return frozenset(found - set(normalised(title)))



def _fold_parts(shaped: Sequence[Section], fixed: Collection[str],
                in_order: Callable[[Sequence[Item]], list[Item]]) -> list[Section]:
    """A section whose every item is about another's heading, none of whose items is about its own, is a side of
    that subject and joins it ("Ground floor" of the flooded museum, beside "Maritime museum")."""
    out = list(shaped)
    for part in list(out):
        if part.heading in fixed:
            continue
        whole = next((s for s in out if s is not part and s.heading not in fixed
                      and all(_about(s.heading, _key(s.heading), i.text) for i in part.items)
                      and not any(_about(part.heading, _key(part.heading), i.text) for i in s.items)), None)
        if whole is not None:
            out[out.index(whole)] = replace(whole, items=tuple(in_order([*whole.items, *part.items])))
            out.remove(part)
    return out
