"""Who's who: the people a story names, each with a full name and a role as the articles state it.

1. full names are runs of two or three capitalised words (initials allowed: "Antony J. Blinken") that are
   not organisations or places, and that something marks as a person: a role before the name ("Foreign
   Minister Qin Gang", "China's top diplomat Wang Yi"), a role in apposition ("Qin Gang, China's foreign
   minister,"), a speech verb ("..., Glaser said") or a courtesy title elsewhere ("Mr. Qin");
2. short mentions ("Blinken", "Mr. Xi", "Qin") count for the full name whose first or last word they are,
   unless several people share that word;
3. importance: sources that name the person, then mentions.

`who_is_who` returns them in order of importance; `Cast.full_name` maps a short name to the full one.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import combinations
from typing import Any

from briefer.model import Person
from briefer.text import STOP_WORDS, deferred, fold, look_for, words, zipf
from briefer.topics import normalise


def _word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a word-list literal."""
    return frozenset(text.split())

# Letters of Latin-script names beyond ASCII ("Sæther", "Müller", "Łukasz"): Python's re has no \p{Lu}, and a
# name cut at its first accented letter is no name at all. Latin Extended-A (Polish, Czech: "Żak", "Łukasz") and
# Latin Extended Additional (Vietnamese, Yoruba, Igbo: "Okonkwo-Ịbụ", "Ọba") mix cases, so they count as both.
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017e\u1e00-\u1eff"
_LO = "a-zß-öø-ÿā-ž\u1e00-\u1eff"
# A name word: "Blinken", "O'Brien", "Jean-Luc", "McCarthy"; initials "J." may sit inside a name. A possessive
# is no part of it ("Hun Sen's party": "Hun Sen", not a second person "Hun Sen's").
_W = rf"(?:[{_UP}][{_LO}]+(?:['’](?!s\b)[{_UP}]?[{_LO}]+|-[{_UP}]?[{_LO}]+)?|Mc[A-Z][a-z]+|[{_UP}]['’][{_UP}][{_LO}]+)"
# The small words inside a name ("Pieter van Doorn", "Ana de la Cruz"), between its capitalised words.
_PARTICLE = r"(?:van|von|de|der|den|la|le|da|di|du|del|della|dos|das|ter|bin|ibn)"
PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
NAME_WORD = _W  # for the speaker patterns of briefer.quotes
# A run of capitalised words (and initials); a person's name is the end of it ("President Xi Jinping"). It is
# `\b{_W}(?:\s+(?:[A-Z]\.|{_W}))*\b` with `_W`'s capital taken first: a pattern that opens with a set of characters
# lets Python's re skip to the next capital instead of trying every position (the `\b` before the capital is the
# lookbehind after it; "Mc" is `_W`'s second branch).
# The same runs on 83,000 lines of the bench input, ../shared and tests/data and 300,000 random strings: finding them
# in those lines 1.0 -> 0.7 s (docs/performance.md, twelfth round).
_RUN = deferred(rf"[{_UP}](?<!\w.)(?:[{_LO}]+(?:['’](?!s\b)[{_UP}]?[{_LO}]+|-[{_UP}]?[{_LO}]+)?|(?<=M)c[A-Z][a-z]+|"
                rf"['’][{_UP}][{_LO}]+)(?:\s+(?:{_PARTICLE}\s+)*(?:[A-Z]\.|{_W}))*\b")
# Words that make a capitalised run an organisation, a place or a title rather than a person.
_NOT_PERSON = _word_set("""
department ministry council fund program programme project house hall guesthouse institution institute
university strait states square street lane avenue crescent terrace
party agency service group bank company court commission committee organization organisation union news post
times press conference summit republic kingdom island islands sea ocean river port airport station centre center
foundation association ltd inc corp airlines security state affairs foreign defense defence economic cooperation
pacific asia europe america africa north south east west new united people peoples national international federal
general assembly parliament congress senate government administration office world war city county province region
harbour harbor bay lake valley road bridge dam line terminal hospital school college museum park church desk wire
farm farms sands beach cove quay wharf pier row mews gardens parade promenade esplanade
observatory laboratory library theatre theater trust upper lower greater network networks maritime shipping
holdings partners industries logistics energy media club society federation alliance coalition charity
police infirmary clinic constabulary brigade authority board academy regiment army navy coastguard rescue ambulance
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december chinese american british french german russian indian japanese european
president minister secretary prime premier mayor governor senator chancellor ambassador spokesperson spokesman
spokeswoman director chief professor doctor dr mr mrs ms sir lord lady judge justice captain general admiral envoy
the a an and of for in on at to by with from but or as if this that these those his her their its our my
regatta festival marathon carnival gala concert tournament championship championships olympics cup fixture
""")
# Stop words that are also given names or surnames ("Per Aas", "Bill Hart", "John Stuart Mill"): capitalised
# inside a run of name words they are part of the name, not the function word the stop list means.
_NAME_STOP = STOP_WORDS - {"bill", "will", "per", "mill"}
# Given names and surnames that are also months, function words or "line": a name's first or last word only.
_AMBIGUOUS_NAMES = frozenset({"may", "june", "april", "august", "even", "line"})
# Stop words that open a role ("Fire chief Ruth Okonkwo": scikit-learn's list holds "fire").
_ROLE_STOP = STOP_WORDS - {"fire"}
_COURTESY = deferred(rf"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(?:{_PARTICLE}\s+)*({_W})")
_COURTESY_TITLES = ("Mr", "Ms", "Dr", "Prof")  # every match of _COURTESY holds one ("Mrs" holds "Mr")
# Role nouns: a role before a name ends with one, a role in apposition contains one.
ROLE_NOUNS = _word_set("""
president minister secretary spokesperson spokesman spokeswoman diplomat envoy ambassador official adviser
advisor director chief head leader chairman chairwoman chair governor mayor senator representative fellow
professor analyst expert economist captain commander general admiral officer engineer manager executive founder
councillor councilor deputy lawyer attorney judge researcher scientist inspector coordinator controller negotiator
organiser organizer premier chancellor king queen prince ceo owner teacher headteacher headmaster headmistress doctor
nurse skipper harbourmaster campaigner commissaire caretaker janitor steward helm helmsman counterpart
activist member secretary-general vice-president correspondent editor inventor author historian physician
ecologist biologist botanist zoologist entomologist ornithologist geologist hydrologist volcanologist seismologist
meteorologist climatologist epidemiologist virologist archaeologist oceanographer glaciologist
planner architect warden superintendent principal commissioner regulator
master grower farmer fisherman nurse commuter resident beekeeper partner pilot driver builder curator keeper
magistrate justice prosecutor dictator strongman monarch lawmaker legislator politician dissident
detective sergeant constable lieutenant colonel
customer shopper shopkeeper passenger parent mother father worker patient witness survivor neighbour volunteer
firefighter paramedic surgeon vet veterinarian ranger lifeguard
coach midfielder striker defender goalkeeper referee flanker winger batsman bowler wicketkeeper
fly-half scrum-half full-back
runner runner-up athlete player sprinter swimmer cyclist rider jockey boxer golfer champion climber skier skater
midwife pharmacist dentist carer porter cleaner receptionist consultant registrar coroner
tourist visitor holidaymaker traveller traveler hiker walker student pupil fan supporter spectator protester
demonstrator motorist homeowner tenant landlord guest camper sailor marshal sheriff shareholder investor
candidate nominee challenger incumbent mp mep mediator arbitrator
conductor musician violinist cellist pianist composer singer dancer choreographer artist actor actress trustee
treasurer administrator investigator auditor accountant broker banker trader
forecaster coxswain foreman deckhand crewman diver grandmaster postman postwoman stallholder greenkeeper pensioner
son daughter grandson granddaughter great-grandson great-granddaughter great-great-grandson great-great-granddaughter
grandmother grandfather brother sister husband wife widow widower nephew niece cousin uncle aunt descendant
plumber electrician hotelier crofter miller millwright chef gardener publican baker butcher mechanic joiner carpenter
fishmonger greengrocer florist grocer newsagent hairdresser landlord landlady innkeeper roofer decorator
paramedic firefighter postmaster postmistress lifeguard rower footballer cricketer yachtsman yachtswoman
guide instructor mountaineer programmer designer solicitor barrister surveyor optometrist boater angler
clerk vicar rector priest chaplain bishop curate verger churchwarden imam rabbi librarian archivist lecturer dean
provost bursar undertaker cathaoirleach taoiseach tánaiste td mla msp
sub-postmistress sub-postmaster subpostmaster subpostmistress vice-chancellor vice-chair vice-chairman vice-chairwoman
vice-captain vice-principal co-founder co-owner co-author co-chair co-ordinator
""")
# Ranks a person's name may carry besides a post.
_RANKS = frozenset({"Captain", "Capt", "Commander", "Colonel", "Major", "Lieutenant", "Sergeant", "General", "Admiral",
                    "Inspector", "Detective", "Superintendent", "Chief"})
# Words that qualify a role before it: "former Prime Minister", "acting mayor", "ex-premier".
_QUALIFIERS = frozenset({"former", "acting", "outgoing", "interim", "incoming", "ex"})
# Participles that are part of a role ("managing director", "presiding judge"), unlike a verb before a name.
_ROLE_PARTICIPLES = frozenset({"managing", "presiding", "commanding", "founding", "consulting", "visiting",
                               "reigning", "governing", "ranking", "serving", "attending", "retired", "elected",
                               "operating", "planning", "housing", "marketing", "nursing", "training", "licensing",
                               "engineering", "teaching", "fundraising", "organising", "campaigning", "returning",
                               "outgoing", "incoming", "supervising", "investigating", "monitoring", "acting",
                               "lending", "accounting", "recruiting", "casting", "sitting"})


def role_noun(word: str) -> bool:
    """True when `word` is a role noun, possessive, plural-free or after "ex-" ("ex-premier", "minister's")."""
    low = word.lower()
    return low in ROLE_NOUNS or low.strip("'’s") in ROLE_NOUNS or low.removeprefix("ex-") in ROLE_NOUNS \
        or (len(low) > 8 and low.endswith("keeper"))  # "clockkeeper", "lockkeeper", "gamekeeper"


# What follows a surname that names a family, not a person: "the Pryce family", "the Bellingham brothers".
FAMILY = deferred(r"(?:['’]s)?\s+(?:family|families|brothers|sisters|household|estate|dynasty|clan)\b", re.I)
# A speech verb right after a name ("Glaser said", "Shaw told supporters").
SPEECH_AFTER = deferred(r"^\s*(?:,\s*)?(?:said|says|told|added|asked|wrote|warned|noted|explained|argued|insisted)\b")
_SPEECH_BEFORE = deferred(r"\b(?:said|says|according to|told by)\s*$")
# Characters before a name searched for the words that end right before it ("said", "its director,").
_WINDOW = 40
# Words that end a role read backwards from a name ("met with | China's top diplomat").
_FUNCTION = _word_set("""
the a an and or but with by to in on at as from for of who was is were are be been said says met meet meets told
his her their its that this which when while after before also then between including among into than whose
""")
# Words after which a lower-case word is a verb, not a role's modifier.
_AUXILIARY = _word_set("will would can could shall should may might must to did does do")
# Longest role phrase kept from an apposition, in words (longer ones are clauses, not roles).
MAX_ROLE_WORDS = 18
# People listed at most (a who's who is a glance, not an index).
MAX_PEOPLE = 8


@dataclass(slots=True)
class _Seen:
    forms: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    sources: set[int] = field(default_factory=set)
    mentions: int = 0
    evidence: int = 0  # times something marked the name as a person's
    posts: set[str] = field(default_factory=set)  # posts the person is given in the story ("named X as ...")
    latest: dict[str, int] = field(default_factory=dict)  # role -> the newest source (by rank) that gives it
    left: dict[str, int] = field(default_factory=dict)  # post the person left ("resigned as chair") -> its rank
    gender: Counter[str] = field(default_factory=Counter)  # "f"/"m": what the text says ("said she", "chairwoman")
    spellings: set[tuple[str, str]] = field(default_factory=set)  # keys of the name without its diacritics
    charged: bool = False  # something only people do or undergo follows the name ("was arrested", an age: ", 66,")
    thing: bool = False  # written after "the" somewhere ("the Kessaly Star"): a ship's or a building's name

    def absorb(self, other: _Seen, forms: bool = True) -> None:
        """Count `other` (the same person under another form of the name) as this one."""
        self.forms.update(other.forms if forms else {form: 0 for form in other.forms})
        self.roles.update(other.roles)
        for role, at in other.latest.items():
            self.latest[role] = max(self.latest.get(role, at), at)
        for post, at in other.left.items():
            self.left[post] = max(self.left.get(post, at), at)
        self.sources |= other.sources
        self.thing = self.thing or other.thing
        self.gender.update(other.gender)
        self.spellings |= other.spellings
        self.posts |= other.posts
        self.mentions += other.mentions
        self.evidence += other.evidence
        self.charged = self.charged or other.charged


@dataclass(frozen=True, slots=True)
class Cast:
    """The story's people, most important first, and their short names."""

    people: tuple[Person, ...]
    short: dict[str, str]  # "Blinken" -> "Antony Blinken" (only unambiguous short names)
    everyone: tuple[str, ...] = ()  # every full name found, listed or not
    roles: dict[str, str] = field(default_factory=dict)  # full name -> role, for everyone found
    gender: dict[str, str] = field(default_factory=dict)  # full name -> "f" or "m", when the text says which

    def may_be(self, name: str, pronoun: str) -> bool:
        """False only when the text says `name` is someone "he"/"she" cannot stand for."""
        said = self.gender.get(name)
        return said is None or said == ("f" if pronoun.lower() == "she" else "m")

    def full_name(self, short: str) -> str:
        """The full name a short name stands for ("Xi" -> "Xi Jinping"), or `short` itself."""
        return self.short.get(short, short)

    def mentions(self, text: str) -> list[tuple[int, str]]:
        """(position, full name) of every person `text` mentions, by full or short name, in reading order."""
        found: dict[int, str] = {}
        # Only the names whose words the text has are searched (a story of 1,000 articles names hundreds).
        runs = set(_WORD_RUN.findall(text))
        for name in self.everyone:
            if name not in text:
                continue
            for m in re.finditer(re.escape(name), text):
                found.setdefault(m.start(), name)
        for word, name in self.short.items():
            if _first_run(word) not in runs:
                continue
            given = word == name.split()[0]
            # (Not the first part of a double-barrelled surname: "Mrs Carrow-Bright said" is not Edna Carrow.)
            for m in re.finditer(rf"\b{re.escape(word)}\b(?!-[A-Z])", text):
                # A first name before another surname is someone else ("Tom Hebden", when the cast's Tom is
                # Tom Penhale).
                if given and _SURNAME_AFTER.match(text, m.end()):
                    continue
                # ... and a surname after another first name too ("his brother, Lars Brandt", when the cast's
                # Brandt is Aksel Brandt).
                if not given and (before := _GIVEN_BEFORE.search(text, 0, m.start())) \
                        and _another_given(before.group(1), name.split()[0]):
                    continue
                # ... and a surname after a title of the other sex ("Mr Maudsley", when the cast's Maudsley is Anne).
                if not given and (title := _GENDERED_TITLE.search(text, max(0, m.start() - 6), m.start())) \
                        and self.gender.get(name, "m" if title["m"] else "f") != ("m" if title["m"] else "f"):
                    continue
                if not any(at <= m.start() < at + len(full) for at, full in found.items()):
                    found.setdefault(m.start(), name)
        return sorted(found.items())

    def people_in(self, text: str) -> list[str]:
        """Full names of the people `text` mentions, in reading order, each once."""
        return list(dict.fromkeys(name for _, name in self.mentions(text)))


_WORD_RUN = deferred(r"\w+")
_THE_BEFORE = deferred(r"\b[Tt]he $")
# Zipf frequency (wordfreq) at and above which a short name is also an everyday word ("May" 6.3 as "may",
# "Young" 5.6, "Gang" 4.2); "Blinken", "Quell", "Campbell" (3.6) and "Xi" (3.7) stay below it.
EVERYDAY_ZIPF = 4.0
_SURNAME_AFTER = deferred(r"\s+[A-Z][a-z]")
_AGED_AFTER = deferred(r",\s+(?:aged\s+)?\d{1,3},")
_COUPLE = deferred(r"(?<![\w'’.-])([A-Z][a-z]{1,20}) and \Z")
# ... not the surname of a full name before "and": "Ruth Ambrose and Dev Malhotra-Kerr" are two people.
_NAME_WORD_BEFORE = deferred(r"[A-Z][\w'’-]* \Z")
_GIVEN_BEFORE = deferred(r"(?<![\w'’.-])([A-Z][a-z]{1,20})\s+\Z")


def _another_given(word: str, given: str) -> bool:
    """Whether a capitalised word before a surname is someone else's first name than `given`: no everyday word
    ("Then"), role ("Inspector") or title ("Mrs"), and no nickname of it ("Maggie" for Margaret)."""
    if word == given or word.lower() in STOP_WORDS or role_noun(word) or word.rstrip(".") in _HONORIFICS \
            or zipf(word.lower()) >= EVERYDAY_ZIPF:
        return False
    namer = _nick_namer()
    return word.lower() not in namer.nicknames_of(given.lower()) and given.lower() not in namer.nicknames_of(
        word.lower())


@cache
def _nick_namer() -> Any:
    """The `nicknames` package's English list (70 kB), read once and only when asked: when two first names share a
    surname, or a surname follows another first name."""
    from nicknames import NickNamer

    return NickNamer()


def _first_run(word: str) -> str:
    """The first run of word characters of a name word: where `\\bword\\b` matches in a text, the text has this
    run as a whole run ("O" for "O'Brien", "Jean" for "Jean-Luc"), so a text without it cannot match."""
    m = _WORD_RUN.match(word)
    return m.group() if m else word


def _key(name: str) -> tuple[str, str]:
    parts = [p for p in name.split() if not re.fullmatch(r"[A-Z]\.", p)]
    return parts[0], parts[-1]


def _is_name(candidate: str) -> bool:
    parts = [p for p in candidate.split() if not re.fullmatch(r"[A-Z]\.", p) and p not in PARTICLES]
    if len(parts) < 2 or all(p.lower() in _AMBIGUOUS_NAMES for p in parts):
        return False
    parts = [p for k, p in enumerate(parts) if p.lower() not in _AMBIGUOUS_NAMES or 0 < k < len(parts) - 1]
    if any(p.lower() in _NAME_STOP for p in parts) or all(role_noun(p) for p in parts):  # "Executive Officer"
        return False
    return not any(p.lower().rstrip("'’s") in _NOT_PERSON or p.lower() in _NOT_PERSON for p in parts)


# A place's noun in lower case right after a capitalised run: the run names the place ("Aldersea Central station",
# "Harlow Mill bridge"), not a person.
_PLACE_AFTER = deferred(r" (?:station|stations|road|street|lane|estate|hospital|school|airport|bridge|park|"
                        r"centre|church|stadium|harbour|beach|square|avenue|railway|line|junction|roundabout|"
                        r"depot|terminal|quarry|reservoir|marina|campus|ward|branch|store|site|works)\b")


# A plural possessive before a body's noun: the run is the body's name ("Private Hire Drivers' Association").
_BODY_AFTER = deferred(r"['’] (?:Association|Union|Club|Federation|Society|Trust|Guild|League|Alliance|Forum|Group|"
                       r"Network|Committee|Co-operative|Cooperative|Fund|Council|Institute|Action Group)\b")


def names_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each person-like name: the last two or three name words of a capitalised run."""
    out = []
    for m in _RUN.finditer(text):
        name = _tail_name(m.group())
        if name and not _PLACE_AFTER.match(text, m.end()) and not _BODY_AFTER.match(text, m.end()):
            out.append((m.end() - len(name), m.end(), name))
    return out


@lru_cache(maxsize=1 << 16)  # the same capitalised runs recur in every article of a story
def _tail_name(run: str) -> str:
    """The person-like name that ends a capitalised run (its last two to four name words), or ""."""
    parts = run.split()
    tail: list[str] = []
    for k in range(len(parts) - 1, -1, -1):
        part = parts[k]
        if len(tail) - sum(p in PARTICLES for p in tail) == 4 or len(tail) == 6:
            break  # four name words at most, particles aside ("María José de la Cruz")
        # A name word that is also a month or a function word may be the run's last word or its first ("Theresa
        # May", "Even Solli", "Line Bakke"), not one between ("in May Hilde Sandvik"): a person only on the
        # evidence any name needs (a role, a speech verb, a title).
        if part in PARTICLES and tail and k > 0:
            tail.insert(0, part)  # "Pieter van Doorn": kept if a name word comes before it
            continue
        if (part.lower() in _NOT_PERSON or part.lower() in _NAME_STOP or part in _TITLE_WORDS) \
                and (part.lower() not in _AMBIGUOUS_NAMES or (tail and k > 0)):
            break
        tail.insert(0, part)
    while tail and (re.fullmatch(r"[A-Z]\.", tail[0]) or tail[0] in PARTICLES):
        tail.pop(0)
    name = " ".join(tail)
    return name if _is_name(name) else ""


# Titles that may stand between a role and a name ("chief executive, Dr Martin Asante").
_HONORIFICS = frozenset({*_COURTESY_TITLES, "Mrs", "Professor", "Sir", "Dame", "Rev", "Cllr"})
# Every title or rank that may stand before a name and is no part of it ("Dr Helena Marr", "Councillor Neil Tavener").
TITLES = _HONORIFICS | _RANKS | {"Miss", "Councillor", "Lord", "Lady"}


# A firm's abbreviated suffix inside a role ("Microsoft Corp. co-founder Bill Gates"): no sentence's end.
_FIRM_ABBREVIATIONS = frozenset({"Corp.", "Inc.", "Ltd.", "Co.", "Bros.", "Plc."})


def _role_before(text: str, start: int, parenthetical: bool = False) -> str:
    """The role phrase right before a name: "U.S. Secretary of State", "China's top diplomat", "climate envoy"."""
    tokens = text[:start].split()
    while tokens and (tokens[-1].rstrip(".") in _HONORIFICS
                      or (tokens[-1] == "Councillor" and len(tokens) > 1 and tokens[-2].endswith(","))):
        tokens.pop()  # "The health board's chief executive, Dr Martin Asante": the role is before the title
        # (... "The leader of the council, Councillor Bernadette Okafor-Lyle")
    if parenthetical and tokens and tokens[-1].endswith(","):
        tokens[-1] = tokens[-1][:-1]  # "China's top diplomat, Wang Yi, said"
    # A rank set off after the post: "The harbour master, Captain Rosa Okafor-Lindt, said" (her post, not her rank).
    # (... also after the post's remit: "the master of the Lough Breda, Captain Eoin Rafferty".)
    if len(tokens) >= 2 and tokens[-1] in _RANKS and tokens[-2].endswith(",") \
            and any(role_noun(t.rstrip(",")) for t in tokens[-6:-1]):
        tokens.pop()
        tokens[-1] = tokens[-1][:-1]
    # ... or not set off: "Harbour master Captain Tomas Keverne said", "Committee chair Councillor Beatrice Mundy".
    elif len(tokens) >= 2 and (tokens[-1] in _RANKS or tokens[-1] == "Councillor") \
            and (tokens[-2].islower() or (len(tokens) == 2 and tokens[-2] not in _RANKS)) \
            and (role_noun(tokens[-2]) or (tokens[-1] == "Councillor" and any(role_noun(t) for t in tokens[-4:-1]))):
        tokens.pop()  # (... "Cabinet member for transport Councillor Hamish Tennant-Obi": a post with its remit)
    # A post's remit in lower case after its role noun: "the cabinet member for the economy, Dafydd Rees".
    remit: list[str] = []
    for n in (3, 2):
        tail = tokens[-n:]
        if len(tokens) > n and (tail[0] in ("for", "of") or (tail[0] == "on" and tail[-1] == "council")) \
                and (n == 2 or tail[1] == "the") \
                and tail[-1].isalpha() and tail[-1].islower() and tail[-1] not in _FUNCTION \
                and role_noun(tokens[-n - 1].strip("\"“”([]").lower()):
            remit, tokens = tail, tokens[:-n]
            break
    taken: list[str] = []
    while tokens:
        token = tokens[-1]
        bare = token.strip("\"“”([]")
        # A clause or a quotation ends there ("... this fast in August," fire chief Maren Holt).
        if token.endswith((",", ":", ";", "\"", "”")) \
                or (token.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", token)
                    and token not in _FIRM_ABBREVIATIONS):
            break
        lower = bare.lower()
        capital = bare[:1].isupper() and lower not in _ROLE_STOP
        is_role = lower in ROLE_NOUNS or lower.removeprefix("ex-") in ROLE_NOUNS  # singular: "leaders X" is no role
        # A lower-case word belongs to the role only right before a lower-case role noun: "climate envoy".
        # ... but no verb form ("a coalition government leaving strongman Hun Sen").
        # ... nor a verb after a modal ("the court will hear cyclist Marit Dahl's appeal").
        modifier = (bare.isalpha() and bare.islower() and lower not in _FUNCTION and bool(taken)
                    and taken[-1].islower() and len(taken) < 4
                    and (not lower.endswith(("ing", "ed")) or lower in _ROLE_PARTICIPLES)
                    and not (len(tokens) > 1 and tokens[-2].lower() in _AUXILIARY))
        # "Secretary of State", not "(in) London of (former dictator)": the word before "of" is a role's.
        # ... and "leader of Marrick Borough Council": a post in lower case of a body named in capitals.
        linker = (lower in ("of", "for", "on") and len(tokens) > 1 and bool(taken)
                  and (tokens[-2][:1].isupper()
                       or (tokens[-2].islower() and all(w[:1].isupper() or w in ("and", "&", "of", "the")
                                                        for w in taken)))
                  and role_noun(tokens[-2].strip("\"“”([]")))
        # ... and an "of" or "and" inside a body's name: "Marlport Chamber of Commerce chief executive", "chief
        # executive of Glenarrow and Orrisdale Health Board" ("and" only in a name after "of").
        inside = (lower == "of" or (lower in ("and", "&") and _after_of(tokens[:-1]) and not _named_post(taken))) \
            and len(tokens) > 1 \
            and bool(taken) and taken[-1][:1].isupper() and tokens[-2][:1].isupper() \
            and tokens[-2].lower() not in _ROLE_STOP and not tokens[-2].endswith((",", ".", ":", ";"))
        qualifier = lower in _QUALIFIERS and bool(taken)
        # ... and the "the" of a vessel or a body named after "of": "the master of the Lough Breda".
        qualifier = qualifier or (lower == "the" and len(tokens) > 2 and tokens[-2] == "of" and bool(taken)
                                  and taken[-1][:1].isupper() and role_noun(tokens[-3].strip("\"“”([]")))
        if not (capital or is_role or modifier or linker or inside or qualifier):
            break
        taken.append(tokens.pop())
    words = [w.strip("[]") for w in reversed(taken)]
    while words and words[0].lower() in ("of", "for"):
        words.pop(0)
    if not any(role_noun(w) for w in words):
        return ""
    # A list's apposition of the name before: "Dr Nguyen Thi Lan, 38, a family doctor, Callum Reid-Ferris, 29, ..."
    # (the doctor is Dr Nguyen).
    if parenthetical and len(tokens) >= 2 and tokens[-1].lower() in ("a", "an") and tokens[-2].endswith(","):
        return ""
    # A body's post told with "whose": "Penhale Strategy Ltd, whose director, Alys Penhale" is its director.
    if len(tokens) >= 2 and tokens[-1] == "whose" and tokens[-2].endswith(",") and tokens[-2][:1].isupper() \
            and role_noun(words[-1]):
        body = [tokens[-2][:-1]]
        for token in reversed(tokens[:-2]):
            if not token[:1].isupper() or token.endswith((",", ".", ":", ";")):
                break
            body.insert(0, token)
        return f"{' '.join(words)} of {' '.join(body)}"
    # The role ends with its last role noun ("Foreign Minister", not "Foreign Minister Monday").
    last = max(i for i, w in enumerate(words) if role_noun(w))
    ends = last == len(words) - 1 or words[last + 1].lower() in ("of", "for", "on")
    if remit and last != len(words) - 1:
        return ""
    return " ".join(words + remit) if ends else ""


def _named_post(taken: Sequence[str]) -> bool:
    """Whether the capitalised words taken last (those right after an "and") hold a role noun: "of Chile and
    President Eduardo Frei" joins two people's posts, not a body's name."""
    for word in reversed(taken):
        if not word[:1].isupper():
            break
        if role_noun(word):
            return True
    return False


def _after_of(tokens: Sequence[str]) -> bool:
    """Whether the capitalised words that end `tokens` follow "of" (or "of the"): a body's name, which may hold an
    "and" ("of Glenarrow and Orrisdale Health Board"), not a list of people ("Tom Smith and Council leader ...")."""
    k = len(tokens)
    while k and tokens[k - 1][:1].isupper() and not tokens[k - 1].endswith((",", ".", ":", ";")):
        k -= 1
    if k == len(tokens):
        return False
    return k > 0 and (tokens[k - 1] == "of" or (tokens[k - 1] == "the" and k > 1 and tokens[k - 2] == "of"))


def _set_off(text: str, end: int) -> bool:
    """Whether the name ending at `end` is set off by commas or ends the sentence: a role before it may then end in
    a comma ("China's top diplomat, Wang Yi, said"; "said Ostmark Water's chief executive, Rolf Eriksen.")."""
    return text.startswith(",", end) or not text[end:].strip(" .!?\"”'’")


# A finite verb makes an apposition a clause, not a role.
_FINITE = deferred(r"\b(?:have|has|had|is|are|was|were|will|would|can|could|did|does|do|shall|should|may|might)\b")
# ... and so does a past-tense verb with its object: "Tony Blair, police hauled a prominent campaigner in".
_PAST_CLAUSE = deferred(r"\b[a-z]{3,}ed (?:a|an|the|his|her|its|their|two|three|four|several|dozens)\b")
# Where the head noun phrase of a role ends: "director | of the trust", "official | in the Bush administration".
_HEAD_END = deferred(r"\s+(?:of|for|at|in|on|with|from|to|since|under|over|who|that|which|between)\b")
_APPOSITION = deferred(r"^(?:,\s+(?:aged\s+)?\d{1,3}(?=,))?,\s+"
                       r"((?:the|a|an|[A-Z][\w.]*['’]s|[A-Z][\w.-]*|[a-z][\w-]*)\b[^,;:()\"“”]{2,140}?)"
                       r"(?=,|\.|;| who\b| which\b|$)")


# "Gwen Arlow, who chairs the Corlan Shellfish Cooperative" / "Gwen Arlow of the Corlan Shellfish Cooperative".
_WHO_ROLE = deferred(r"^(?:,\s+(?:aged\s+)?\d{1,3}(?=,))?,? "
                     r"(who (?:chairs|leads|heads|runs|founded|directs|manages|owns|represents|speaks for|"
                     r"farms|teaches|coaches|captains|edits|trains|skippers|keeps|led|headed|chaired|ran) "
                     r"[^,.;:\"“”]{3,80}?)(?=,|\.|;|$| said| told)")
# "of the Harbour Trust", "of the Consumers' Association" (a plural possessive inside, never at the end).
# "of the University of Ostmark": an "of" inside the name, before a capital, is the name's.
_OF_ORG = deferred(rf"^,? (of the {_W}(?:['’](?=\s))?(?:\s+(?:of\s+)?{_W}(?:['’](?=\s))?){{0,5}}(?<!['’])"
                   # ... with a service named in lower case: "of the Saint-Aubrel police"
                   r"(?:\s+(?:police|fire service|ambulance service|coastguard|council))?"
                   # ... and a group of two names: "of the Green and Independent group"
                   rf"(?:\s+and\s+{_W}(?:\s+{_W}){{0,3}}\s+(?:group|party|alliance|coalition))?)")


# A post someone is given: "named Ines Marchetti as finance minister", "appointed Erik Strand as head coach".
_APPOINTED = deferred(r"\b(?:named|appointed|appoint|appoints|names|chose|picked|nominated|elected|installed|"
                      r"confirmed|hired|unveiled)\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Sir|Dame|Cllr)\.?\s+)?$")
_AS_ROLE = deferred(r"^ as (?:the |its |their |her |his )?(?:new )?((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\b")
_WHO_ASIDE = deferred(r"^,\s+who\b[^,;\"“”]{1,100},")
# What is done only to people, or only people do, right after a name (an aside between): "Owen Pritchard, of Mill
# Lane, Calderbridge, faces three charges", "... was arrested on Sunday", "pleaded not guilty".
_DONE_TO_PEOPLE = deferred(r"^,?(?:\s[^,;\"“”]{1,60},){0,2}\s(?:(?:was|were|has been|had been) (?:charged|arrested|"
                           r"sentenced|jailed|convicted|acquitted|injured|killed|rescued|detained|questioned)|"
                           r"(?:faces|faced|denies|denied|pleaded|admitted)\b|"
                           # (A defendant's court date: "Liam Fenwick, of Tanner Street, Dalefield, is due to
                           # appear before Dalefield Magistrates' Court".)
                           r"(?:is|was|are|were|will) (?:due to |expected to |set to )?(?:appear|be sentenced)\b)")
# A post someone leaves: "Ruth Pell resigned as chair of the planning committee on Thursday", "... has stepped
# down as head coach", "was sacked as manager".
_LEFT_POST = deferred(r"^,? (?:who )?(?:has |had |have )?(?:resigned|stepped down|stood down|quit|retired|"
                      r"(?:was|has been|had been) (?:sacked|dismissed|removed|ousted|fired|replaced)) "
                      r"(?:on \w+ |earlier \w+ |last \w+ )?as (?:the |its |their |her |his )?"
                      r"([^,.;:\"“”]{3,80}?)(?= on \w+| after\b| amid\b| last\b| earlier\b| over\b| with "
                      r"immediate\b| effective\b| following\b| and\b| but\b| this (?:morning|afternoon|evening|"
                      r"week)\b| (?:today|yesterday|tonight)\b|[,.;:]|$)")
# What the text says of a person's gender: a gendered title before the full name ("Ms Ruth Pell"), a gendered
# role noun ("chairwoman"), or a pronoun the person is the subject of ("Ruth Pell said she had ...").
_GENDERED_COURTESY = deferred(rf"\b(?:(Mr|Sir|Lord)|Mrs|Ms|Miss|Dame|Lady)\.?\s+(?:{_PARTICLE}\s+)*({_W})")
_GENDERED_TITLE = deferred(r"\b(?:(?P<m>Mr|Sir|Lord)|(?P<f>Mrs|Ms|Miss|Dame|Lady))\.?\s+$")
_GENDERED_ROLE = deferred(r"\b(?:(?P<f>\w*woman|mother|wife|daughter|sister|queen|actress|aunt|grandmother|widow)|"
                          r"(?P<m>(?:chair|spokes|business|police|fire|fisher|council|congress|sports|fore|"
                          r"alder|middle|lines|frontier|crafts|states)man|father|husband|son|brother|king|actor|"
                          r"uncle|grandfather|widower))\b", re.I)
_SAID_PRONOUN = deferred(r"^(?:,[^,;\"“”]{1,60},)?\s+(?:said|says|told \w+|added|insisted|admitted)"
                         r"(?: that| on \w+| in a statement)?\s+(?:(?P<m>he)|(?P<f>she))\b")
# ... or the post the person holds: "Margaret Ellison resigned on Monday", "the chair, Margaret Ellison, resigned."
_LEFT = deferred(r"^,? (?:has |had )?(?:resigned|stepped down|stood down|quit)\b(?! as\b)")
# An acting post, made permanent when a later article gives the post without the qualifier.
_ACTING = ("acting ", "interim ")


def _role_after(text: str, start: int, end: int) -> str:
    """A role in apposition right after a name: ", China's foreign minister," -> "China's foreign minister"; or the
    body the person speaks for ("of the Harbour Trust", "of Nordholm University") when no apposition follows it
    ("Dr Lina Oft of Nordholm University, the study's lead author, said": the lead author); or the post a person is
    given ("named Ines Marchetti as finance minister")."""
    stated = _WHO_ROLE.match(text[end:])
    if stated:
        return stated.group(1)
    post = _AS_ROLE.match(_past_aside(text[end:])) if _APPOINTED.search(text[:start]) else None
    if post:
        taken = list(itertools.takewhile(lambda w: w not in _FUNCTION, post.group(1).split()))
        ends = [k for k, w in enumerate(taken) if role_noun(w)]
        if ends:
            return " ".join(taken[:ends[-1] + 1])  # "as finance minister | on Wednesday"
    body = _OF_ORG.match(text[end:]) or _OF_NAMED_ORG.match(text[end:])
    if body:
        return _apposed_role(text, start, end + body.end()) or body.group(1)
    return _apposed_role(text, start, end)


def _past_aside(after: str) -> str:
    """The text after a name, past a "who" aside before "as": "confirmed Tomas Reyes, who had been deputy chair
    ..., as interim chair" -> " as interim chair ..."."""
    aside = _WHO_ASIDE.match(after)
    return after[aside.end():] if aside and _AS_ROLE.match(after[aside.end():]) else after


def _apposed_role(text: str, start: int, end: int) -> str:
    """The role in apposition at `end` (see `_role_after`), or ""."""
    m = _APPOSITION.match(text[end:])
    if not m:
        return ""
    # An apposition the writer did not close with a comma runs into the speech verb: "Amara Quist, deputy
    # head of the Harbour Relief Fund said ..." -- the role ends before it.
    role = _SPEECH_INSIDE.split(m.group(1), maxsplit=1)[0].strip()
    if role != m.group(1).strip() and re.match(r"(?:a|an|its|their|the)\b", role) and re.search(r"\w", text[:start]):
        # "... belonging to Augusto Pinochet, a spokesman said Wednesday.": after a name that is not the
        # sentence's subject, "a spokesman said" is who said it, not an apposition ("... a solar farm at Hollin Fields,
        # its leader said on Thursday").
        return ""
    words = role.split()
    if len(words) > MAX_ROLE_WORDS or not any(role_noun(w) for w in words):
        return ""
    # A name may follow the head ("a resident of Orchard Close", "the mayor of Kelby"), never sit in it.
    head_text = _HEAD_END.split(role, maxsplit=1)[0]
    # ("Yao's wife, Yu Yingzhang, and daughter, Yao Yiting": "and daughter" is the next person's.)
    # (Nor a clause on someone else: "Lucy Marsh, whose 15-year-old son, Kieran, was ...".)
    if re.match(r"^(?:said|says|told|added|who|whose|which|and|or|but|nor)\b", role) \
            or any(at < len(head_text) and not role.startswith(("'s", "’s"), stop)
                   and not _FIRM_BEFORE_POST.fullmatch(head_text[stop:]) for at, stop, _ in names_in(role)):
        # (A name that owns the role may: "Halcyon Line's head of communications", "the Pellham Ashby partner".)
        return ""
    # A role is a noun phrase whose head is a role noun: "the operator's chief executive", "managing director of
    # the ...". A clause is not ("a project officials have costed at 410 million euros": a finite verb, and the
    # head "project" is no role).
    if _FINITE.search(role) or _PAST_CLAUSE.search(role):
        return ""
    # ... nor a past verb or a participle after the name ("Darren Mosscrop, 35, appeared before magistrates ... and
    # pleaded guilty"; "to buy Fellside Veterinary Practice in Kirkby Stanmoor, keeping a farm and pet vet ...").
    if words[0].endswith(("ed", "ing")) and words[0].islower() and words[0] not in _ROLE_PARTICIPLES:
        return ""
    head = _HEAD_END.split(role, maxsplit=1)[0].split()
    if not head or not role_noun(head[-1]):
        return ""
    return role


# The posts a firm's people hold, after the firm's name: "the Pellham Ashby partner" (`_FIRM_BEFORE_POST`, `_STAFF_OF`).
_STAFF_POSTS = ("partner|director|spokesman|spokeswoman|spokesperson|analyst|engineer|lawyer|accountant|auditor|"
                "consultant")
_SPEECH_INSIDE = deferred(r"\s+(?:said|says|told|added|warned|noted)\b")
# What follows a firm's name in a post it names: " partner" of "the Pellham Ashby partner" (`_STAFF_OF`).
_FIRM_BEFORE_POST = deferred(rf"\s+(?:{_STAFF_POSTS})\s*")
# A role that leans on the sentence before: "its director", "their spokesperson", "his deputy".
_POSSESSIVE = deferred(r"^(?:its|their|his|her)\s+", re.I)
_KIN = deferred(r"^(?:his|her|their)\s+(?:[\w-]+\s+)?(?:great-)*(?:grand)?(?:son|daughter|mother|father|child|"
                r"brother|sister|husband|wife|widow|widower|nephew|niece|cousin|uncle|aunt|partner|descendant)$",
                re.I)
# The last word of an organisation's name: "the Kellan Valley Trust", "the Velmar Harbour Workers' Union".
_ORG_WORDS = ("trust", "union", "council", "company", "ministry", "department", "agency", "authority", "group",
              "bank", "association", "foundation", "institute", "university", "society", "board", "commission",
              "party", "federation", "corporation", "cooperative", "club", "service", "terminals", "museum",
              "hospital", "school", "college", "committee", "office", "coastguard")
# "of Nordholm University": a body named without "the", ending in a word of an organisation's name.
_OF_NAMED_ORG = deferred(rf"^ (of {_W}(?:\s+{_W}){{0,4}}\s+(?i:{'|'.join(_ORG_WORDS)}))\b")
# (An "and" inside a name: "the Bakers' and Allied Workers' Union".)
_ORG = deferred(rf"\b([Tt]he\s+)?((?:{_W}['’]?\s+(?:(?:and|&)\s+(?=[A-Z]))?){{1,5}}(?i:{'|'.join(_ORG_WORDS)}))\b")
_ORG_SET = frozenset(_ORG_WORDS)
_ORG_MENTION = deferred(rf"\b(?:the|The)\s+(?:[a-z]+\s+)?({'|'.join(_ORG_WORDS)})\b|"
                        rf"\b((?:{_W}['’]?\s+(?:(?:and|&)\s+(?=[A-Z]))?){{1,5}}"
                        rf"(?:{'|'.join(w.title() for w in _ORG_WORDS)}))\b")


def _organisations(texts: Sequence[tuple[int, str]]) -> dict[str, str]:
    """Organisations the texts name in full, by their last word: {"trust": "Kellan Valley Trust"}."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for _, text in texts:
        if _ORG_SET.isdisjoint(words(text)):
            continue  # most sentences name no organisation: a look-up of their (cached) words rules them out
        for m in _ORG.finditer(text):
            name = m.group(2)
            if name.split()[0].lower() not in STOP_WORDS:  # kept with "the" when the text writes it
                found[name.split()[-1].lower()][("the " if m.group(1) else "") + name] += 1
    return {word: names.most_common(1)[0][0] for word, names in found.items()}


def _may_own(window: str) -> bool:
    """Whether `window` may hold "its", "their", "his" or "her" as the pattern of who_is_who reads them, any case:
    that pattern is compiled per role, and few windows hold one of them (160 of 4,089 at 30,000 sentences)."""
    folded = fold(window)
    return any(word in folded for word in ("its", "their", "his", "her"))


def _org_owner(window: str, role: str, organisations: dict[str, str]) -> str:
    """The organisation named in full elsewhere whose role this is, when the text writes it by its last word in the
    possessive ("the authority's chair" -> "the Competition Authority"); else ""."""
    if "'s" not in window and "’s" not in window:
        return ""  # no possessive: the pattern cannot match (3 windows in 4 at 30,000 sentences, each a pattern)
    m = re.search(rf"\b[Tt]he\s+([a-z]+)['’]s\s+{re.escape(role)},?\s*$", window)
    return organisations.get(m.group(1), "") if m else ""


_NAMED_SUBJECT = deferred(r"^((?:[A-Z][\w'’-]*\s+){1,4})(?:have|has|had|is|are|was|were|will|said|[a-z]+ed)\b")


_OF_BEFORE = deferred(rf"\b((?:{_W}\s+){{0,2}}{_W}) of $")


def _resolve(role: str, before: Sequence[str], organisations: dict[str, str]) -> str:
    """ "its director" -> "director of the Kellan Valley Trust" when the text just before names the
    organisation ("The trust has closed the footpath ..."); "" when it cannot be told whose (a role that leans on
    a sentence the reader may not see is no role)."""
    if not re.match(r"^(?:its|their)\s", role, re.I):
        return ""
    # The sentence's own subject, when a name opens it: "Harnby United have sacked their head coach Viktor Lund".
    subject = _NAMED_SUBJECT.match(before[-1]) if before else None
    # ... or, for a sentence that opens with "Its", the subject of the sentence before ("Zuidvelt Zuivel said the
    # creamery would restart ... after the authority agreed ...". "Its chief executive, Pieter Hoekstra, ...").
    if not subject and len(before) > 1 and re.match(r"^(?:its|their)\s", before[-1].lstrip(), re.I):
        subject = _NAMED_SUBJECT.match(before[-2])
    # (Not a person, whose "its" no body's role can be: "Mr Tolley is a member of the Oldmere Flying Group, which
    # owns the aircraft. Its chairman, Derek Maitland," chairs the group.)
    if subject and subject.group(1).split()[0].rstrip(".") in (*_HONORIFICS, *TITLES):
        subject = None
    if subject and subject.group(1).strip() not in ("He", "She", "It", "They", "We", "I", "You", "This", "That"):
        name = subject.group(1).strip()
        return f"{_POSSESSIVE.sub('', role)} of {'the ' + name[4:] if name.startswith('The ') else name}"
    if subject:
        return ""  # "She ordered the Brayfords to ... their neighbour Gwen Ashdown's land": whose, only "she" says
    # A sentence that opens with "Its" leans on the sentence before alone: "The 25-metre inflatable octopus kite is
    # owned and flown by the Skyfolk Kite Team ... Its pilot, Joris Hellendoorn" is the kite's pilot, not that of the
    # council two sentences up.
    opens = bool(before) and re.match(r"^(?:its|their)\s", before[-1].lstrip(), re.I) is not None
    for text in reversed(before[-2:] if opens else before):
        mentions = list(_ORG_MENTION.finditer(text))
        if not mentions:
            continue
        last = mentions[-1]
        # (A body named with an "of" before the mention is that body: "by the Friends of Orrisdale Hospital. Its
        # chairman, Donald Reekie" chairs the Friends, not the hospital.)
        of_name = _OF_BEFORE.search(text, 0, last.start(2)) if last.group(2) else None
        the = "the " if of_name and text[:of_name.start()].endswith(("the ", "The ")) else ""
        name = (f"{the}{of_name.group(1)} of {last.group(2)}" if of_name else
                organisations.get((last.group(1) or last.group(2).split()[-1]).lower(), "") or last.group(2) or "")
        if name:
            return f"{_POSSESSIVE.sub('', role)} of {name.strip()}"
        return ""
    return ""


_LOWER_WORD = deferred(r"\b[a-z][a-z'-]+")


def _common(texts: Sequence[tuple[int, str]]) -> set[str]:
    """Words the texts also write in lower case (singular): "Beekeeper" in "Beekeeper Tomas Rill" is a role."""
    written: set[str] = set()
    for _, text in texts:
        written.update(_LOWER_WORD.findall(text))
    return {normalise(w) for w in written}  # each distinct word once: 0.46 -> 0.23 s at 30,000 sentences


def _sentence_case(role: str, text: str, common: set[str]) -> str:
    """A role opening the sentence with its capital only there: "Museum director Kari Lunde said" gives "museum
    director", because the texts write "museum" in lower case and the role's other words are lower case. A title
    ("Foreign Minister") or a proper noun ("Google engineer", never written "google") keeps its capital."""
    first, _, rest = role.partition(" ")
    if not rest and text.startswith(role) and role_noun(first) and first.lower() not in _NOT_PERSON \
            and first not in _RANKS:
        return first.lower()  # a role noun of one word that is no title: "Caretaker Alf Dunstable said"
    # (A role whose last word is in lower case is no title, whatever proper nouns it holds: "Former Norway
    # midfielder" gives "former Norway midfielder"; a role of one word is its own last: "Cyclist Marit Dahl".)
    last = rest.split()[-1] if rest else ""
    if not text.startswith(role) or (last and not (last.islower() or last.isupper())) \
            or normalise(first) not in common \
            or (not rest and first.lower() in _NOT_PERSON):  # a title alone keeps its capital: "Judge Miriam Acheson"
        return role
    return f"{first.lower()} {rest}".rstrip()


# A company's suffix right after a name ("Aspen Skiing Co. vs. ...", "Kestrel Motors Inc."): a firm, whatever
# roles the articles give it elsewhere ("Aspen Skiing, the owner of three ski runs").
_SUFFIXES = ("Co", "Corp", "Inc", "Ltd", "LLC", "Plc", "plc", "PLC", "AG", "GmbH", "NV", "SpA")
_COMPANY = deferred(rf"\b({_W}(?:\s+{_W}){{0,3}})\s+(?:{'|'.join(_SUFFIXES)})\b")
# A space and a suffix: the texts _firms searches for a company, in one search of them all (not one per suffix).
_SPACED_SUFFIX = deferred("|".join(f" {suffix}" for suffix in _SUFFIXES))


# A name that speaks of itself as "it" ("Veltra Biologics said it would publish ..."), or is called a company, or
# is told of with "which" ("Brightline Lotteries, which runs the game, ...").
_IT_SAID = deferred(rf"\b({_W}(?:\s+{_W}){{1,3}}),?\s+(?:said|says|announced|confirmed|added)\s+(?:on \w+ )?"
                    rf"(?:that )?it\b|\b({_W}(?:\s+{_W}){{1,3}}) is an? (?:[\w-]+ ){{0,3}}(?:company|firm|charity|"
                    rf"group|business|organisation|organization|manufacturer|maker|bank|insurer|retailer)\b|"
                    rf"\b({_W}(?:\s+{_W}){{1,3}}),\s+which\s+(?!is\b|was\b)[a-z]+s\b")


# A body the text calls one before its name: "the group Clean Carrick", "the campaign group Save Wrenby Fields".
# (... or set off after it: "The guiding company, Bergtochten Van der Berg, has cancelled its remaining trips".)
_CALLED = deferred(rf"\b[Tt]he (?:[a-z-]+ ){{0,2}}(?:group|charity|campaign|company|firm|organisation|organization|"
                   rf"society|club|band|business|collective|network|partnership|trust),? "
                   rf"({_W}(?:\s+(?:{_PARTICLE}\s+)*{_W}){{1,3}})")
_POST_OF = deferred(r"\b[a-z]+ of $")
_CALLED_WORDS = ("group", "charity", "campaign", "company", "firm", "organisation", "organization", "society", "club",
                 "band", "business", "collective", "network", "partnership", "trust")
_CALLED_LOOK = look_for(_CALLED_WORDS)


# A ship, or a firm that runs a service, is no person: "the fire-damaged cargo ship Amberley Star", "aboard the
# Amberley Star, the ship's second engineer, ...", "MV Vessa Pride", "Ferry operator Vessa Links said".
_VESSEL = deferred(rf"(?:\b(?:MV|MS|MT|HMS|RMS|SS|FV|RV)|\b(?:ship|vessel|tanker|tugs?|ferry|trawler|freighter|yacht|"
                   rf"lifeboat|dredger|barge|coaster|liner|crabber|boat|catamaran|cutter|schooner|ketch|dinghy|"
                   rf"launch|(?:aboard|boarded|on board) the)|"
                   rf"\b(?i:ferry|bus|rail|train|coach|tour|energy|water) "
                   rf"operator)"
                   rf"\s+({_W}(?:\s+{_W}){{0,3}})")
_VESSEL_WORDS = ("MV ", "MS ", "MT ", "HMS ", "RMS ", "SS ", "FV ", "RV ", "ship ", "vessel ", "tanker ", "tug",
                 "ferry ", "trawler ", "freighter ", "yacht ", "lifeboat ", "dredger ", "barge ", "coaster ", "liner ",
                 "aboard ", "boarded ", "on board ", "operator ", "crabber ", "boat ", "catamaran ", "cutter ",
                 "schooner ", "ketch ", "dinghy ", "launch ")
_VESSEL_LOOK = look_for(_VESSEL_WORDS)
# "the director of Lindby Transit", "chief executive at Holm Energy": a body someone heads or speaks for, not a person.
_HEADED = deferred(rf"\b(?:director|executive|head|chairman|chairwoman|chair|ceo|boss|spokesman|spokeswoman|"
                   rf"spokesperson|manager|founder|owner)\s+(?:of|at)\s+({_W}(?:\s+{_W}){{1,3}})\b")


# What every alternative of _HEADED needs (a case-sensitive pattern): most sentences hold none of them.
_HEADED_WORDS = ("director", "executive", "head", "chair", "ceo", "boss", "spokes", "manager", "founder", "owner")
_HEADED_LOOK = look_for(_HEADED_WORDS)
# A team or a body that takes a plural verb, as British English writes it ("Carrick Vale are third in the table",
# "Carrick Vale travel to leaders Stanford Borough"), or names its own staff ("Carrick Vale chairman Alan
# Prothero"): no person's name does either (not after "and": "Tom and Sarah Jones have lived there").
_TEAM = deferred(rf"(?<!\band )(?<!\b&)\b({_W}(?:\s+{_W}){{1,3}})\s+(?:(?:are|were)\s+(?:\w+\s+)?(?:top|bottom|"
                 rf"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|level|unbeaten)\b|"
                 rf"(?:travel|play|host|face)\s+(?:\w+\s+)?[{_UP}]|"
                 rf"(?:chairman|chairwoman|manager|captain|coach|defender|striker|midfielder|goalkeeper|"
                 rf"spokesman|spokeswoman|spokesperson|chief executive)\s+{_W}\s+{_W})")
# A firm's name before one of its people's posts, after "the": "Claire Oduya, the Pellham Ashby partner who led the
# audit" (no person's name stands so: "the Pryce family" is a family, `FAMILY`).
_STAFF_OF = deferred(rf"\b[Tt]he\s+({_W}(?:\s+{_W}){{1,3}})\s+(?:(?:{_STAFF_POSTS})s?|staff|employees?|"
                     rf"boss)\b")
_STAFF_WORDS = ("partner", "director", "spokes", "staff", "employee", "analyst", "engineer", "lawyer", "accountant",
                "auditor", "consultant", "boss")
_STAFF_LOOK = look_for(_STAFF_WORDS)
# (What `_TEAM` needs besides the name, found first: a literal space lets the engine skip from space to space.)
_TEAM_CUE = deferred(r" (?:are|were) (?:\w+ )?(?:top|bottom|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                     r"ninth|tenth|level|unbeaten)\b| (?:travel|play|host|face) | (?:chairman|chairwoman|manager|"
                     r"captain|coach|defender|striker|midfielder|goalkeeper|spokesman|spokeswoman|spokesperson|chief "
                     r"executive) [A-Z]")


def _firms(texts: Sequence[tuple[int, str]]) -> set[tuple[str, str]]:
    """The keys of names written somewhere with a company's suffix, and of their last two words; of names that
    speak of themselves as "it" or are called a company; and of names someone is the director or spokesman of."""
    found: set[tuple[str, str]] = set()
    for _, text in texts:
        if (" of " in text or " at " in text) and _HEADED_LOOK.search(text):
            found.update(_key(name) for m in _HEADED.finditer(text) if (name := _tail_name(m.group(1))))
        if _SPACED_SUFFIX.search(text):
            for m in _COMPANY.finditer(text):
                parts = m.group(1).split()
                found.update(_key(" ".join(parts[k:])) for k in range(max(0, len(parts) - 2), len(parts) - 1))
        if ("the " in text or "The " in text) and _CALLED_LOOK.search(text):
            # (Not the person whose post names the body: "The leader of the opposition group, Cllr Anil Sethuraman,
            # said".)
            found.update(_key(name) for m in _CALLED.finditer(text) if (name := _tail_name(m.group(1)))
                         and m.group(1).split()[0].rstrip(".") not in (*_HONORIFICS, "Councillor")
                         and not _POST_OF.search(text, max(0, m.start() - 30), m.start()))
        if _VESSEL_LOOK.search(text):
            found.update(_key(name) for m in _VESSEL.finditer(text) if (name := _tail_name(m.group(1))))
        if _TEAM_CUE.search(text):
            found.update(_key(name) for m in _TEAM.finditer(text) if (name := _tail_name(m.group(1))))
        if _STAFF_LOOK.search(text):
            found.update(_key(name) for m in _STAFF_OF.finditer(text) if (name := _tail_name(m.group(1))))
        if " it" in text or " is a" in text or ", which" in text:
            for m in _IT_SAID.finditer(text):
                name = _tail_name(m.group(1) or m.group(2) or m.group(3))
                # (Not one whose role comes first: "Area manager Dominic Feeney said it was far too early".)
                if name and not (m.group(1) and (before := text[:m.start(1)].split()) and role_noun(before[-1])):
                    found.add(_key(name))
    return found


# (A literal space first: Python's re then skips to each space instead of trying every position, 0.08 -> 0.02 s at
# 30,000 sentences.)
_PLACED_AFTER = deferred(rf" (?:in|near|from|across|outside) ([{_UP}][{_LO}]+)(?![\w'’-])(?! [{_UP}])")
_PLACED_BEFORE = deferred(rf"({_W})\s+(?:Police|City Council|Borough Council|County Council|District Council|"
                          rf"Royal Infirmary)\b")
_PLACED_BEFORE_WORDS = ("Police", "Council", "Infirmary")
_PLACED_BEFORE_LOOK = look_for(_PLACED_BEFORE_WORDS)


def _places(texts: Sequence[tuple[int, str]]) -> set[str]:
    """Words the texts use as a place's name: after "in", "near" or "from" with no other name word after them ("in
    Brennock"), or before a body's word ("Brennock Police", "Brennock City Council"). "Citylink Brennock said" is the
    firm of a town, not a person whose surname is Brennock. (The second pattern only where a body's word is: it tries
    every word.)"""
    found = {m.group(1) for _, text in texts for m in _PLACED_AFTER.finditer(text)}
    found.update(m.group(1) for _, text in texts if _PLACED_BEFORE_LOOK.search(text)
                 for m in _PLACED_BEFORE.finditer(text))
    return found


def _firm_like(key: tuple[str, str], entry: _Seen, courtesy: Counter[str], common: set[str]) -> bool:
    """A place and a common noun ("Tarnby Water said", "Holm Energy said"): a name whose last word the texts
    also write in lower case ("the water"), given no role and no title, is a firm's, not a surname."""
    return not entry.roles and not courtesy[key[1]] and normalise(key[1]) in common


_OF_AFTER_NAME = deferred(r"\b[A-Z][a-z][\w'’-]* of $")
# ... and a place or a division after a person's post set off in commas: "Gareth Ollerenshaw, Route Director, Western
# Fells, said" (the post's, not a second person).
_POST_AFTER_NAME = deferred(r"\b[A-Z][a-z][\w'’-]+ [A-Z][a-z][\w'’-]+, (?:[A-Z][a-z]+ ){0,3}([A-Z][a-z]+), $")
# A surname alone that speaks or is said to be someone: "Rossiter, who finished safely in the main group, said",
# "Rossiter said", "Ambrose, a retired nurse, said".
_SPEAKING_ALONE = deferred(r"(?<![\w'’-] )(?<![\w'’-])([A-Z][a-z][\w'’-]+)"
                           r"(?:,\s+who\b|\s+(?:said|says|told|added)\b"
                           # ... or after a description: "Ambrose, a retired nurse who has volunteered ..., said"
                           r"|,\s+(?:a|an|the)\s[^,;]{1,80},\s+(?:said|says|told|added)\b)")


def _speaking_alone(texts: Sequence[tuple[int, str]]) -> set[str]:
    """The capitalised words that open a sentence's subject alone and speak ("Rossiter said"): a person's surname,
    evidence enough for the full name the articles give elsewhere ("Ewan Rossiter of Corvid Cycling")."""
    return {m.group(1) for _, text in texts for m in _SPEAKING_ALONE.finditer(text)
            if not text[:m.start()].rstrip().endswith(("of", "the", "The"))}


def _used_alone(texts: Sequence[tuple[int, str]]) -> set[str]:
    """The capitalised words that stand alone somewhere ("Glaser added"), as people's names do and firms'
    ("Northsea Ferries said") rarely do. One pass over the texts, looked up per name."""
    alone: set[str] = set()
    for _, text in texts:
        tokens = text.split()
        for i, token in enumerate(tokens):
            if token.islower():
                continue  # no capital: never a name's word
            before = tokens[i - 1] if i else ""
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            joined_before = before[:1].isupper() and not before.endswith((".", ",", ":", "”", '"'))
            joined_after = after[:1].isupper() and not token.endswith((",", ".", ";", ":"))
            if not joined_before and not joined_after:
                alone.add(token.strip(".,;:!?\"“”’'()").removesuffix("’s").removesuffix("'s"))
    return alone


_BACKGROUND_ROLE = ("a retired ", "a former ", "retired ", "former ")


def who_is_who(texts: Sequence[tuple[int, str]], limit: int = MAX_PEOPLE,
               order: Mapping[int, int] | None = None) -> Cast:
    """The people named in `texts` ((source id, sentence) pairs), most important first.

    `order` ranks the sources oldest first (source id -> rank; default: the ids' own order): a role a newer source
    gives or ends ("confirmed as chief executive", "resigned as chair") is the one shown."""
    seen: dict[tuple[str, str], _Seen] = defaultdict(_Seen)
    courtesy: Counter[str] = Counter()
    common = _common(texts)
    titled: Counter[tuple[str, str]] = Counter()  # ("Greaves", "m") for "Mr Greaves"
    couples: list[tuple[str, tuple[str, str], int]] = []  # ("Derek Maudsley", Anne Maudsley's key, source)
    for _, text in texts:
        if any(title in text for title in _COURTESY_TITLES):  # searched only where a title is (0.25 -> 0.12 s)
            courtesy.update(_COURTESY.findall(text))
            titled.update((m[2], "m" if m[1] else "f") for m in _GENDERED_COURTESY.finditer(text))
    organisations = _organisations(texts)
    earlier: dict[int, list[str]] = defaultdict(list)
    for source, text in texts:
        rank = order.get(source, source) if order is not None else source
        context = earlier[source]
        context.append(text)
        for start, end, name in names_in(text):
            parts = name.split()
            # (A body's name of three words or more after "of" that opens with an everyday word is no person's:
            # "Dan Polkinghorne, founder of Clean Tides Wrayhaven".)
            if len(parts) > 2 and normalise(parts[0]) in common and not role_noun(parts[0]) \
                    and text.endswith(" of ", 0, start):
                continue
            head = start  # where the name starts with its title ("Cllr Rhona Pask"): a role ends before it
            while len(parts) > 2 and (normalise(parts[0]) in common or role_noun(parts[0])
                                      or parts[0].rstrip(".") in _HONORIFICS):  # "Prof Erik Vang"
                start += len(parts[0]) + 1
                if parts[0].rstrip(".") not in _HONORIFICS:
                    head = start
                parts.pop(0)
            name = " ".join(parts)
            # (A body named after a person's name is theirs, not a second person: "Aurelio Castagna of Verdana Pro,
            # the best climber in the race".)
            if _OF_AFTER_NAME.search(text, max(0, start - _WINDOW), start) \
                    or ((posted := _POST_AFTER_NAME.search(text, max(0, start - 2 * _WINDOW), start))
                        and role_noun(posted.group(1).lower())):
                continue
            # A couple named with one surname ("Derek and Anne Maudsley"): the first is a Maudsley too, so the
            # surname alone stands for neither.
            if len(parts) == 2 and (couple := _COUPLE.search(text, 0, start)) \
                    and not _NAME_WORD_BEFORE.search(text, max(0, couple.start() - 30), couple.start()) \
                    and (first := couple.group(1)).lower() not in STOP_WORDS and not role_noun(first) \
                    and first not in _HONORIFICS and first.lower() not in _NOT_PERSON and first != parts[0]:
                couples.append((f"{first} {parts[1]}", _key(" ".join(parts)), source))
            entry = seen[_key(name)]
            entry.thing = entry.thing or bool(_THE_BEFORE.search(text, max(0, start - 4), start))
            entry.forms[name] += 1
            entry.sources.add(source)
            entry.mentions += 1
            role = _role_after(text, start, end)
            # (A post before the name tells the story's role, a background after it does not: "The group's chair,
            # Hana Wexley, a retired solicitor, said".)
            if not role or role.startswith(_BACKGROUND_ROLE):
                role = _sentence_case(_role_before(text, start, _set_off(text, end)), text, common) or role
            if not role and text.endswith(", Councillor ", 0, start):
                role = "Councillor"  # ("Its chairman, Councillor Martin Quayle": whose chairman, no text says)
            # Both patterns end where the name starts: a window before it is enough (a search of the whole text
            # before the name, for each name, was a quarter of who's who on long stories).
            window = text[max(0, head - len(role) - _WINDOW): head]
            if window.endswith(("Councillor ", "Cllr ")):  # "The council's leader, Councillor Brenda Amoako"
                window = window[:window.rstrip().rfind(" ") + 1]
            owner = re.search(rf"\b(its|their|his|her)\s+{re.escape(role)},?\s*$", window, re.I) \
                if role and role.lower() in window.lower() and _may_own(window) else None
            if owner:  # "Its director, Hal Bryce": whose director is told by the sentence before
                role = f"{owner.group(1)} {role}"
            elif role and (named := _org_owner(window, role, organisations)):
                role = f"{role} of {named}"  # "the authority's chair, Helena Brandt": the Competition Authority's
            if _POSSESSIVE.match(role):
                # (Someone's kin is a person, whoever's kin: "Her great-great-granddaughter, Sophie Marrable-Kent".)
                if _KIN.search(role):
                    entry.evidence += 1
                    entry.charged = True
                    if kin := _GENDERED_ROLE.search(role.split()[-1]):  # "Her brother": a man
                        entry.gender["m" if kin["m"] else "f"] += 1
                resolved = _resolve(role, [*context[-3:-1], text[:start]], organisations)
                # (A post whose holder's owner only the sentence tells is still a person's: "meeting her Perethi
                # counterpart, Idris Malouf": a person, with no role to show.)
                entry.evidence += not resolved and role_noun(role.split()[-1])
                role = resolved
            if role:
                entry.roles[role] += 1
                entry.latest[role] = max(entry.latest.get(role, rank), rank)
                if _APPOINTED.search(text[:start]) and _AS_ROLE.match(_past_aside(text[end:])):
                    entry.posts.add(role.lower())
            # "said Lotte Verbeek", "Lotte Verbeek, who finished second": people speak, and "who" is said of people.
            entry.gender.update(gender_signs(text, start, end, role))
            if (left := _left_post(text, end)) is not None:
                entry.left[left] = max(entry.left.get(left, rank), rank)
            # ... and a post the person is given, told after the name: "Alison Merrick has been appointed chief fire
            # officer of Harrowdale Fire and Rescue Service on a permanent basis".
            if _GIVEN_LOOK.search(text) and (post := _given_post(text, end)) and post != role:
                entry.roles[post] += 1
                entry.latest[post] = max(entry.latest.get(post, rank), rank)
                entry.posts.add(post.lower())
            # (Past a pronoun's bracket: "He [Martin Greaves] said ...", briefer.referents.)
            after = text[end + 1:] if text.startswith("]", end) else text[end:]
            speech = bool(SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(text[max(0, start - _WINDOW): start])
                          or text.startswith(", who ", end))
            # Something only people do or undergo, or an age: "Martin Greaves, 66, who has wound the clock ...".
            if (_DONE_TO_PEOPLE.match(text[end:]) and not text[:start].endswith(("of ", "in ", "at ", "from "))) \
                    or _AGED_AFTER.match(text, end):
                entry.evidence += 1
                entry.charged = True
            entry.evidence += bool(role) + speech + (courtesy[_key(name)[1]] > 0 or courtesy[_key(name)[0]] > 0)
            entry.roles.update(())  # keeps the entry even without a role
    _merge_nicknames(seen)
    _merge_spellings(seen)
    _merge_variants(seen)
    _merge_respellings(seen)
    # A person is named with a role or a title, or speaks and is later called by a short name; a firm that
    # "said" something ("Northsea Ferries said") is neither.
    alone = _used_alone(texts)
    speaking = _speaking_alone(texts)
    firms = _firms(texts)
    places = _places(texts)
    people = {k: v for k, v in seen.items()
              if (v.evidence > 0 or (k[1] in speaking and _given_name(k[0])))
              and (v.roles or any(courtesy[w] for w in k) or k[1] in alone or k[0] in alone or v.charged)
              and not _firm_like(k, v, courtesy, common) and k not in firms
              and not (v.thing and not v.roles and not any(courtesy[w] for w in k))
              and not (k[1] in places and not v.roles and not courtesy[k[1]] and not v.charged
                       and not (k[1] in speaking and _given_name(k[0])))
              and not _written_lower(k, common, texts)}
    # (The first of a couple is a person when the second is: "Derek and Anne Maudsley", not "Sallow and Market
    # Denby".)
    named_words = {w for key in people for w in key}
    for partner, other, source in couples:
        # (Not when the first is another person's name: "Biden and Xi Jinping".)
        if other in people and _key(partner) not in people and _key(partner)[0] not in named_words:
            entry = people[_key(partner)] = seen[_key(partner)]
            entry.forms[partner] += 1
            entry.sources.add(source)
            entry.mentions += 1
    short = _short_names(people)
    # A surname another name of the texts shares is no one's short name, person or not ("Okafor's brother, the Vale
    # defender Sam Okafor", beside "saw Tunde Okafor give the home side the lead").
    for first, last in seen:
        # (A given name that is also an everyday word counts when the texts never write it in lower case: "Jack
        # Amory", the player, beside his father "Martin Amory".)
        if (key := short.get(last)) is not None and key[1] == last and first != key[0] and (first, last) not in people \
                and (_given_name(first) or (normalise(first) not in common and first.lower() not in STOP_WORDS
                                            and not role_noun(first.lower())
                                            and first.capitalize().rstrip(".") not in (*TITLES, *_HONORIFICS,
                                                                                       *_OTHER_TITLES)
                                            and (seen[(first, last)].evidence > 0 or seen[(first, last)].charged))):
            del short[last]
    # A surname the texts use only as a possessive, never alone, is a brand's ("Wrayburn's biscuit factory", "what
    # Wrayburn's means to Ravelstone", beside the founder "Ebenezer Wrayburn"): no one's short name.
    owned = Counter(_OWNED_WORD.findall("\n".join(text for _, text in texts))) if short else Counter()
    possessive = [word for word, key in short.items() if key[1] == word and owned[word] >= 3
                  and _only_possessive(word, texts)]
    for word in possessive:
        del short[word]
    # A role the articles give only at a titled second mention: "Mr Rourke, network operations manager at Caddesford
    # Roads, said ...", after "Dan Rourke said ...".
    for source, text in texts:
        if not any(title in text for title in _COURTESY_TITLES):
            continue
        for m in _COURTESY.finditer(text):
            key = short.get(m.group(1))
            if key is None or people[key].roles or people[key].left:
                continue
            rank = order.get(source, source) if order is not None else source
            if role := _role_after(text, m.start(1), m.end(1)):
                people[key].roles[role] += 1
                people[key].latest[role] = max(people[key].latest.get(role, rank), rank)
    for (word, sign), n in titled.items():
        if word in short:
            people[short[word]].gender[sign] += n
    by_run: dict[str, list[tuple[str, tuple[str, str]]]] = defaultdict(list)
    for word, key in short.items():
        by_run[_first_run(word)].append((word, key))
    patterns: dict[str, re.Pattern[str]] = {}
    # Only the short names whose first word run the text has: the runs are looked for all at once, longest first
    # (a text that has a run as a whole run yields it; a run found inside a longer word is then counted 0 times by
    # the word's own pattern). A scan of every word run of every text took 0.37 s at 30,000 sentences, this 0.08 s.
    whole = sorted((run for run in by_run if _WORD_RUN.fullmatch(run)), key=lambda run: (-len(run), run))
    runs = re.compile("|".join(map(re.escape, whole))) if whole else None
    for source, text in texts:
        found = runs.findall(text) if runs is not None else ()
        for word, key in [wk for run in dict.fromkeys(found) for wk in by_run[run]]:
            pattern = patterns.get(word)
            if pattern is None:  # compiled once per short name (the re module's cache holds only 512 patterns)
                pattern = patterns[word] = re.compile(rf"\b{re.escape(word)}\b(?!\s+{_W})")
            count = len(pattern.findall(text))
            if count:
                people[key].mentions += count
                people[key].sources.add(source)
    ranked = sorted(people.items(), key=lambda kv: (-len(kv[1].sources), -kv[1].mentions, kv[0]))
    given = {post: key for key, entry in people.items() for post in entry.posts}
    chosen = []
    for key, entry in ranked[:limit]:
        name = _shown_name(key, entry)
        role = _current_role(key, entry, given)
        why = (f"named in {len(entry.sources)} source{'s' if len(entry.sources) != 1 else ''}",
               f"{entry.mentions} mention{'s' if entry.mentions != 1 else ''}")
        chosen.append(Person(name=name, role=role, sources=tuple(sorted(entry.sources)), why=why))
    names = {key: _shown_name(key, e) for key, e in people.items()}
    roles = {names[key]: _current_role(key, entry, given) for key, entry in people.items()}
    gender = {names[key]: next(iter(entry.gender)) for key, entry in people.items() if len(entry.gender) == 1}
    return Cast(tuple(chosen), {word: names[key] for word, key in short.items()}, tuple(names.values()), roles,
                gender)


_OWNED_WORD = deferred(r"\b([A-Z][\w-]*)['’]s\b")


def _written_lower(key: tuple[str, str], common: set[str], texts: Sequence[tuple[int, str]]) -> bool:
    """Whether the texts also write the name as two everyday words in lower case: a thing's name ("a new Tenants'
    Contents Payment of £1,000" beside "a one-off contents payment"), no person's. (Both words are looked up in
    `common` first: few names are two everyday words.)"""
    if normalise(key[0]) not in common or normalise(key[1]) not in common:
        return False
    phrase = re.compile(rf"\b{re.escape(key[0].lower())}\s+{re.escape(key[1].lower())}\b")
    return any(phrase.search(text) for _, text in texts)


def _only_possessive(word: str, texts: Sequence[tuple[int, str]]) -> bool:
    """Whether `word` stands alone in the texts only as a possessive ("Wrayburn's"), three times or more, and never
    without "'s" save after a capitalised word (a full name: "Ebenezer Wrayburn")."""
    pattern = re.compile(rf"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+)?){re.escape(word)}(['’]s)?(?![\w'’-])")
    owned = 0
    for _, text in texts:
        if word not in text:
            continue
        for m in pattern.finditer(text):
            if m.group(2):
                owned += 1
            elif not m.group(1) or m.group(1).split()[0] in ("The", "the") \
                    or m.group(1).split()[0].rstrip(".") in TITLES:
                return False  # the surname alone or titled: a person's ("Wrayburn said", "Mr Pyke")
    return owned >= 3


def _shown_name(key: tuple[str, str], entry: _Seen) -> str:
    """The form of a person's name the brief prints: one with their first name (the full one, where a nickname was
    merged: "Catherine Varley", not "Kit Varley"), the most used, the shortest."""
    return max(entry.forms, key=lambda f: (f.split()[0] == key[0], entry.forms[f], -len(f), f))


def gender_signs(text: str, start: int, end: int, role: str = "") -> list[str]:
    """"f"/"m" for each sign of the gender of the person named at text[start:end] (see `_GENDERED_TITLE`)."""
    signs = []
    for m in (_GENDERED_TITLE.search(text[max(0, start - 6): start]), _GENDERED_ROLE.search(role) if role else None,
              _SAID_PRONOUN.match(text[end: end + 90])):
        if m:
            signs.append("m" if m["m"] else "f")
    return signs


_GIVEN_POST = deferred(r",? (?:(?:has been|have been|was|were|had been|is|is being) (?:formally |now |officially )?"
                       r"(?:appointed|named|confirmed|made)(?: as)?|(?:will |is to |has |had )?(?:take|takes|took|"
                       r"taken|step|steps|stepped) (?:over|in|up) as) (?:the |its |their |her |his )?(?:new )?"
                       r"((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)")


_GIVEN_WORDS = (" appointed ", " named ", " confirmed ", " made ", " over as ", " in as ", " up as ")
_GIVEN_LOOK = look_for(_GIVEN_WORDS)


def _given_post(text: str, end: int) -> str:
    """The post the person named just before `end` is given ("... has been appointed chief fire officer of ..."),
    or ""."""
    m = _GIVEN_POST.match(text, end)
    if not m:
        return ""
    head = _HEAD_END.split(m.group(1), maxsplit=1)[0].split()
    return " ".join(head) if head and role_noun(head[-1]) else ""


def _left_post(text: str, end: int) -> str | None:
    """The post the person named just before `end` leaves ("... resigned as chair of the committee"), "" for the
    post they hold ("Margaret Ellison resigned on Monday"), or None."""
    if _LEFT.match(text[end:]):
        return ""
    m = _LEFT_POST.match(text[end:])
    if not m:
        return None
    head = _HEAD_END.split(m.group(1), maxsplit=1)[0].split()
    return m.group(1) if head and role_noun(head[-1]) else None


def _current_role(key: tuple[str, str], entry: _Seen, given: dict[str, tuple[str, str]]) -> str:
    """The person's role (`_best_role`) as the newest articles have it:
    - "former" once the story gives that post to someone else ("Finance Minister Rafael Kuhn", once "Vidal named
      Ines Marchetti as finance minister"), or once the person leaves it ("resigned as chair of the committee");
    - without "acting" once a later article gives the post without it, or names the person to it ("acting chief
      executive", then "Chief Executive Sandra Okafor")."""
    role = _best_role(entry.roles)
    whose, post_of = _whose(role)
    if post_of.lower().startswith(_ACTING):  # ("the club's acting chief executive": "the club's" is whose)
        plain = post_of.lower().split(" ", 1)[1]
        made = [r for r in entry.roles if _whose(r)[1].lower() == plain and entry.latest[r] >= entry.latest[role]]
        if made or plain in entry.posts:
            role = whose + post_of.split(" ", 1)[1]  # as the articles wrote it with the qualifier
    # A post the person is given later than the role the articles give most ("deputy chair", then "Trustees
    # confirmed Tomas Reyes ... as interim chair").
    given_to = [r for r in entry.roles if r.lower() in entry.posts and r != role]
    newest = max(given_to, key=lambda r: entry.latest[r], default=None)
    if newest is not None and entry.latest[newest] >= entry.latest.get(role, -1):
        role = newest
    for post, at in entry.left.items():  # "": the post the person holds
        if at < entry.latest.get(role, -1) or not (post or role):
            continue
        if not post or not role:
            return _former(post or role)
        if _same_post(post, role):
            return _former(post)
    return _former(role.lower()) if given.get(role.lower(), key) != key else role


# Whose post a role names before it: "the club's " of "the club's acting chief executive".
_WHOSE = deferred(r"^((?:the\s+)?[a-z][\w-]*['’]s\s+)(.+)$")


def _whose(role: str) -> tuple[str, str]:
    """("the club's ", "acting chief executive") of "the club's acting chief executive"; ("", role) without one."""
    m = _WHOSE.match(role)
    return (m.group(1), m.group(2)) if m else ("", role)


def _former(role: str) -> str:
    """"former chairman"; "the club's former chairman" (not "former club's chairman")."""
    whose, post = _whose(role)
    if not whose:
        return f"former {role}"
    return f"{'' if whose.lower().startswith('the ') else 'the '}{whose}former {post}"


def _same_post(post: str, role: str) -> bool:
    """True when two roles name one post: their head role nouns share a stem ("chair of the planning committee",
    "who chairs the planning committee")."""
    def heads(text: str) -> set[str]:
        return {normalise(w) for w in re.findall(r"[\w'’-]+", text.lower()) if role_noun(w)}  # "chairs" too
    return bool(heads(post) & heads(role))


def _merge_nicknames(seen: dict[tuple[str, str], _Seen]) -> None:
    """One person for a name given with a first name and its nickname ("Robert Livingston", "Bob Livingston"),
    by the `nicknames` package's English list; counted under the full first name."""
    by_last: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in seen:
        by_last[key[1]].append(key)
    pairs = [(a, b) for keys in by_last.values() if len(keys) > 1 for a, b in combinations(sorted(keys), 2)]
    if not pairs:
        return
    namer = _nick_namer()
    for a, b in pairs:
        if a not in seen or b not in seen:
            continue
        first_a, first_b = a[0].lower(), b[0].lower()
        if first_b not in namer.nicknames_of(first_a) and first_a not in namer.nicknames_of(first_b):
            continue
        # The full first name is the one a reader is introduced to ("Catherine Varley", not "Kit Varley", however
        # often the nickname is used); a name each is a nickname of goes to the one named most.
        formal_a, formal_b = first_b in namer.nicknames_of(first_a), first_a in namer.nicknames_of(first_b)
        if formal_a != formal_b:
            keep, gone = (a, b) if formal_a else (b, a)
        else:
            keep, gone = sorted((a, b), key=lambda k: (-seen[k].mentions, k))
        seen[keep].absorb(seen.pop(gone))


def _plain(word: str) -> str:
    """A name word without its diacritics, as an English page transliterates it ("Żak" -> "zak", "Brandstätter" and
    "Brandstaetter" -> "brandstatter", "Kórnik" -> "kornik")."""
    word = word.lower().replace("ł", "l").replace("ø", "o").replace("ß", "ss")
    bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return re.sub(r"(?<=[aou])e", "", bare)  # "ae" is how English pages write "ä"


def _merge_spellings(seen: dict[tuple[str, str], _Seen]) -> None:
    """One person for a name some outlets print without its diacritics ("Małgorzata Żak", "Malgorzata Zak"): kept
    under the spelling with the diacritics (the person's own), then the one the articles use most."""
    by_plain: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key in seen:
        if any(not part.isascii() for part in key) or any(("ae" in p or "oe" in p or "ue" in p) for p in key):
            by_plain[(_plain(key[0]), _plain(key[1]))].append(key)
    for key in seen:
        plain = (_plain(key[0]), _plain(key[1]))
        if plain in by_plain and key not in by_plain[plain]:
            by_plain[plain].append(key)
    for keys in by_plain.values():
        if len(keys) < 2:
            continue
        keep = max(keys, key=lambda k: (sum(not c.isascii() for c in "".join(k)), seen[k].mentions, k))
        into = seen[keep]
        for gone in keys:
            if gone == keep:
                continue
            into.spellings.add(gone)
            into.absorb(seen.pop(gone), forms=False)  # its forms never shown over the person's own spelling


def _variant_first(a: str, b: str) -> bool:
    """Two spellings of one first name: the same length and first letter, a letter or two apart (one in a short
    name): "Katharine" / "Katherine", "Mohammed" / "Muhammad" (not "Daniel" / "Daniela", nor "Tom" / "Tim")."""
    if a == b:
        return True
    # (A first letter that sounds the same: "Katherine" / "Catherine".)
    if len(a) == len(b) >= 4 and {a[0].upper(), b[0].upper()} == {"C", "K"} and a[1:].lower() == b[1:].lower():
        return True
    if len(a) != len(b) or a[0] != b[0] or len(a) < 4:
        return False
    apart = sum(x != y for x, y in zip(a.lower(), b.lower(), strict=True))
    return apart <= (2 if len(a) >= 7 else 1)


def _variant_last(a: str, b: str) -> bool:
    """One surname, whole or shortened from a double-barrelled one: "Ashworth-Bell" / "Ashworth" (not "Sen-friendly"
    / "Sen")."""
    def shortened(long: str, short: str) -> bool:
        parts = long.split("-")
        return len(parts) > 1 and parts[0] == short and all(p[:1].isupper() for p in parts)
    return a == b or shortened(a, b) or shortened(b, a)


def _respelled_last(a: str, b: str) -> bool:
    """One surname, one letter added, dropped or changed by an outlet ("Elleray" / "Ellery", "Pughe" / "Pugh"): the
    same first letter, at least four letters, one edit apart."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    short, long = sorted((a.lower(), b.lower()), key=len)
    if len(short) == len(long):
        return sum(x != y for x, y in zip(short, long, strict=True)) == 1
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def _merge_respellings(seen: dict[tuple[str, str], _Seen]) -> None:
    """One person for a name one outlet misspells ("Margaret Ellery, the chair of trustees" beside "Margaret Elleray,
    the chair of trustees"): surnames one edit apart (`_respelled_last`), first names that are spellings of one
    (`_variant_first`) or also one edit apart with a role in common, and no roles apart. Kept under the form the
    articles use most."""
    keys = sorted(seen)
    for a, b in combinations(keys, 2):
        if a not in seen or b not in seen or not _respelled_last(a[1], b[1]):
            continue
        roles_a, roles_b = set(seen[a].roles), set(seen[b].roles)
        if roles_a and roles_b and roles_a.isdisjoint(roles_b):
            continue
        # (Both names respelled, "Rhianon Pugh" / "Rhiannon Pughe": only with one role in common.)
        if not (_variant_first(a[0], b[0]) or (_respelled_last(a[0], b[0]) and roles_a & roles_b)):
            continue
        keep, gone = sorted((a, b), key=lambda k: (-seen[k].mentions, -len(seen[k].sources), k))
        seen[keep].spellings.add(gone)
        seen[keep].absorb(seen.pop(gone), forms=False)


def _merge_variants(seen: dict[tuple[str, str], _Seen]) -> None:
    """One person for a name one outlet spells another way (`_variant_first`, `_variant_last`: "Katharine
    Ashworth-Bell", "Katherine Ashworth"), kept under the fuller surname, then the form the articles use most."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key in seen:
        groups[(key[0][:1].replace("C", "K"), key[1].split("-")[0])].append(key)
    pairs = [(a, b) for keys in groups.values() if len(keys) > 1 for a, b in combinations(sorted(keys), 2)]
    for a, b in pairs:
        if a not in seen or b not in seen or not (_variant_first(a[0], b[0]) and _variant_last(a[1], b[1])):
            continue
        keep, gone = sorted((a, b), key=lambda k: (-len(k[1]), -seen[k].mentions, k))
        seen[keep].spellings.add(gone)
        seen[keep].absorb(seen.pop(gone), forms=False)


# Titles that need their country: "President", "Prime Minister", "King".
_BARE_TITLE = deferred(r"(?:the )?(?:President|Vice[- ]President|Prime Minister|Premier|King|Queen|Chancellor|"
                       r"Foreign Minister|Leader|Emperor|Emir|Sultan)", re.I)
# A role that names a place or people: "China's leader", "Chinese President", "President of Norland".
_PLACED = deferred(r"\b[A-Z][\w.]*(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?i:president|leader|prime minister|premier|"
                   r"king|queen|chancellor|head of state)\b|"
                   r"\b(?i:president|leader|prime minister|premier|king|queen|chancellor) of (?:the )?[A-Z]")


_KIN_HEAD = deferred(r"^(?:an?|the|his|her|their)?\s*(?:\w+\s+)?(?:father|mother|son|daughter|brother|sister|husband|"
                     r"wife|grandmother|grandfather|grandson|granddaughter|widow|widower|uncle|aunt|nephew|niece|"
                     r"cousin)\b")


def _best_role(roles: Counter[str]) -> str:
    """The role the articles give most often; among equals, the one that says most (lower-case apposition first)."""
    if not roles:
        return ""
    # A role counts for every longer role that contains it ("diplomat" for "China's top diplomat").
    score = {r: sum(n for other, n in roles.items() if other in r) for r in roles}
    # (A post or a trade says more than a family tie: "crane driver" before "a father of two".)
    # (... and one whose owner is named before one whose "its" stands for a body named elsewhere: "Northline Rail's
    # route director for the Western Fells" before "the route director for its Western Fells route".)
    best = max(roles, key=lambda r: (len(r.split()) <= 10, not _KIN_HEAD.search(r), " its " not in f" {r} ",
                                     score[r], len(r)))
    if _BARE_TITLE.fullmatch(best):
        # "President" alone does not say of where: a role that names the country ("China's leader", "Chinese
        # President") says more, when the articles give one.
        placed = [r for r in roles if _PLACED.search(r) and len(r.split()) <= 6]
        if placed:
            return max(placed, key=lambda r: (score[r], len(r)))
    return best


# Titles and ranks written short or in another language ("Sgt Redfern", "Cynghorydd Pritchard"), which no given
# name is.
_OTHER_TITLES = frozenset({"Sgt", "Supt", "Insp", "Det", "Cpl", "Capt", "Cmdr", "Lt", "Col", "Gen", "Cllr",
                           "Cynghorydd", "Herr", "Frau", "Monsieur", "Madame", "Señor", "Señora", "Signor", "Signora",
                           "Don", "Doña"})


def _given_name(word: str) -> bool:
    """Whether a capitalised word before a surname may be someone's given name: no title, role, everyday word
    ("Liberal Shaw", of "the Liberal Democrat ... Shaw") or function word."""
    return (word not in TITLES and word not in _OTHER_TITLES and not role_noun(word.lower())
            and word.lower() not in STOP_WORDS and zipf(word.lower()) < EVERYDAY_ZIPF and not word.isupper())


# A councillor's title and party before a name, no part of it: "Conservative Cllr Eleri Jones".
_TITLE_WORDS = frozenset({"Cllr", "Councillor", "Conservative", "Labour", "Liberal", "Plaid"})


def _short_names(people: dict[tuple[str, str], _Seen]) -> dict[str, tuple[str, str]]:
    """Each first or last name word that only one person has: "Blinken" -> Antony Blinken's key."""
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, entry in people.items():
        for first, last in (key, *entry.spellings):  # "Zak" too for Małgorzata Żak, printed so by one outlet
            owners[first].add(key)
            owners[last].add(key)
    return {word: next(iter(keys)) for word, keys in owners.items() if len(keys) == 1}
