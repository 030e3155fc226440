"""One figure in its several forms: a share ("71 per cent", "about seven in ten"), a duration ("58 minutes", "less
than an hour") or a measure ("83 millimetres", "more than 80 millimetres").

Outlets round a figure and hedge it ("more than", "about", "less than"); two sentences of one story that give the
same share, duration or measure of the same thing, read as equal across those forms, state one fact, and a brief
prints it once (`same_measure`; issue 12: the vaccine's "71 per cent" and "about seven in ten", the flood's "83
millimetres" and "more than 80 millimetres", the launch's "58 minutes later" and "less than an hour after").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefer.text import STOP_WORDS, content_stems, one_of, stem

# How far a hedge reaches: "about 70" is 63-77, "more than 80" 80-92, "less than an hour" 51-60 minutes. Set by
# reading the rounded figures of our test stories ("seven in ten" for 71%, "more than 80" for 83 mm, "less than an
# hour" for 58 minutes). Two bare figures are two measurements unless equal: outlets hedge a figure they round
# ("jumped 8 per cent in early trading" / "closed up 7.5 per cent"; "halfway in 65 minutes" as a target / "in 64
# minutes 50 seconds").
HEDGE_REACH = 0.15
_SAME = 1e-9
# Content words (besides the figures and their units) two sentences must share for their figures to be of the same
# thing: one is chance in a story ("shares fell 4 per cent" / "a fine of up to 4 per cent of turnover": "per cent").
SHARED_WORDS = 2
# ... and for the other sentence's source to be credited with the shown one: it states the fact, not only its
# figure ("Inflation was 5.2 per cent in August" does not state what the governor said of it).
CREDIT_WORDS = 3
# A sentence that tells more than this many times the content words of the one shown tells more than the figure.
MORE_THAN = 2.0

_NUMBERS = {w: float(i) for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"))}
_NUMBERS.update({w: float(i) for i, w in enumerate((
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"), start=13)})
_TENS = {"twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0, "seventy": 70.0, "eighty": 80.0,
         "ninety": 90.0}
_NUMBERS.update({"a": 1.0, "an": 1.0, **_TENS})
# "Thirty-two crews", "twenty four saves", "two dozen workers": a figure in words, as the digits give it.
_NUMBERS.update({f"{ten}{joint}{unit}": value + _NUMBERS[unit] for ten, value in _TENS.items() for joint in "- "
                 for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")})
_NUMBERS.update({f"{n} dozen": 12.0 * _NUMBERS[n] for n in ("a", "two", "three", "four", "five", "six")})
_NUMBER = r"(\d[\d,]*(?:\.\d+)?|" + one_of(_NUMBERS) + r")"
_HEDGE = r"(?:(" + one_of(("more than", "over", "above", "at least", "less than", "under", "nearly", "almost",
                            "just under", "about", "around", "roughly", "some", "approximately", "up to")) + r")\s+)?"
# Units and the kind of figure each gives, with a factor to the kind's base (minutes; millimetres; grams).
_UNITS = {
    "per cent": ("share", 1.0), "percent": ("share", 1.0), "%": ("share", 1.0),
    "second": ("time", 1 / 60), "minute": ("time", 1.0), "hour": ("time", 60.0),
    "millimetre": ("length", 1.0), "millimeter": ("length", 1.0), "mm": ("length", 1.0),
    "centimetre": ("length", 10.0), "centimeter": ("length", 10.0), "cm": ("length", 10.0),
    "metre": ("length", 1e3), "meter": ("length", 1e3), "kilometre": ("length", 1e6), "kilometer": ("length", 1e6),
    "km": ("length", 1e6), "tonne": ("mass", 1e6), "ton": ("mass", 1e6), "kilogram": ("mass", 1e3),
    "kg": ("mass", 1e3), "litre": ("volume", 1.0), "liter": ("volume", 1.0), "hectare": ("area", 1.0),
}
_UNIT = r"(per ?cent\b|percent\b|%|(?:second|minute|hour|millimet(?:re|er)|centimet(?:re|er)|met(?:re|er)|" \
        r"kilomet(?:re|er)|tonne|ton|kilogram|litre|liter|hectare)s?\b|(?:mm|cm|km|kg)\b)"
# Not an attribute ("the 12-metre whale"): a figure with its unit after it, spaced or not ("83 mm", "71%").
_MEASURE = re.compile(rf"(?<![\w.,-]){_HEDGE}{_NUMBER}\s*{_UNIT}", re.I)
# "seven in ten", "three out of four": a share.
_SHARE = re.compile(rf"(?<![\w.,-]){_HEDGE}{_NUMBER}\s+(?:in|out of)\s+(ten|\d+)\b", re.I)
_JOINED = re.compile(r"[\s,]*(?:and\s+)?")
_HEDGES = {"more than": (1.0, 1 + HEDGE_REACH), "over": (1.0, 1 + HEDGE_REACH), "above": (1.0, 1 + HEDGE_REACH),
           "at least": (1.0, 1 + HEDGE_REACH), "less than": (1 - HEDGE_REACH, 1.0),
           "under": (1 - HEDGE_REACH, 1.0), "just under": (1 - HEDGE_REACH, 1.0), "up to": (1 - HEDGE_REACH, 1.0),
           "nearly": (1 - HEDGE_REACH, 1.0), "almost": (1 - HEDGE_REACH, 1.0)}
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_UNIT_WORDS = frozenset(content_stems(" ".join([*_UNITS, "cent", "ten", "out"])))


# A measure inside a definite noun phrase names a thing told of before ("the 3 km protection zone"), and does not
# state the measure: the sentence's news is elsewhere ("... at Hollins Barn, had its birds tested").
_DEFINITE = re.compile(r"\b(?:the|its|their|this|that)\s+\Z", re.I)
_NOUN_AFTER = re.compile(r"[ -]+[a-z]{3,}\b(?<!\band)(?<!\bor)(?<!\bof)")


_ORDINAL_AFTER = re.compile(r"\s+(?!(?:later|ago|after|before|earlier|longer|or|and)\b)[a-z]{2,}")


def number_value(word: str) -> float | None:
    """The value of a figure in digits or words ("2,300", "five", "thirty-two"), or None."""
    return _number(word)


def _number(word: str) -> float | None:
    low = word.lower()
    if low in _NUMBERS:
        return _NUMBERS[low]
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


def _span(hedge: str | None, value: float) -> tuple[float, float]:
    if not hedge:
        return value, value
    low, high = _HEDGES.get(hedge.lower(), (1 - HEDGE_REACH, 1 + HEDGE_REACH))
    return value * low, value * high


@lru_cache(maxsize=1 << 14)
def measures(text: str) -> tuple[tuple[str, float, float], ...]:
    """The shares, durations and measures `text` gives, each as its kind and the span its hedge allows."""
    out: list[tuple[str, float, float]] = []
    end = -1
    for match in _MEASURE.finditer(text):
        hedge, number, unit = match.groups()
        value = _number(number)
        low = unit.lower()
        key = "per cent" if "cent" in low or low == "%" else low[:-1] if low[:-1] in _UNITS else low
        kind, factor = _UNITS.get(key, ("", 0.0))
        if value is None or not kind or (value < 1 and kind != "share"):
            continue
        if _DEFINITE.search(text, 0, match.start()) and _NOUN_AFTER.match(text, match.end()):
            continue  # "within the 3 km protection zone": a thing named before, its measure not told here
        if low == "second" and number.lower() in ("a", "one") and _ORDINAL_AFTER.match(text, match.end()):
            continue  # "a second farm": the ordinal, no duration
        span = _span(hedge, value)
        # "2 hours 9 minutes 12 seconds" is one duration.
        if out and kind == out[-1][0] == "time" and not hedge and _JOINED.fullmatch(text[end:match.start()]):
            kind, first, last = out.pop()  # as precise as its last part
            out.append((kind, (first + last) / 2 + span[0] * factor, (first + last) / 2 + span[1] * factor))
        else:
            out.append((kind, span[0] * factor, span[1] * factor))
        end = match.end()
    for hedge, part, whole in _SHARE.findall(text):
        a, b = _number(part), _number(whole)
        if a is not None and b and a < b:
            out.append(("share", *_span(hedge or "about", 100 * a / b)))
    return tuple(out)


def _agree(a: tuple[str, float, float], b: tuple[str, float, float]) -> bool:
    return a[0] == b[0] and a[1] <= b[2] * (1 + _SAME) and b[1] <= a[2] * (1 + _SAME)


def _days_apart(a: str, b: str) -> bool:
    """Whether both sentences name weekdays, and none in common (two days' measures)."""
    days_a, days_b = ({d.lower() for d in _WEEKDAY.findall(t)} for t in (a, b))
    return bool(days_a) and bool(days_b) and days_a.isdisjoint(days_b)


def _words(text: str) -> set[str]:
    """A sentence's content stems besides its figures and their units."""
    return {w for w in content_stems(text) if not w[:1].isdecimal()} - _UNIT_WORDS - STOP_WORDS


def same_measure(shown: str, other: str, shared: int = SHARED_WORDS) -> bool:
    """Whether `other` gives a share, duration or measure `shown` gives, read as equal across forms and roundings,
    of the same thing: `shared` content words in common besides the figures (or further figures that agree),
    no two weekdays apart, and not more than twice as much told (`MORE_THAN`)."""
    theirs = measures(other)
    agreeing = sum(any(_agree(a, b) for b in theirs) for a in measures(shown))
    if not agreeing:
        return False
    if _days_apart(shown, other):
        return False
    words_a, words_b = _words(shown), _words(other)
    # A second figure that agrees is as good as a word in common ("80 millimetres of rain fell in two hours").
    return len(words_a & words_b) + agreeing - 1 >= shared and len(words_b) <= MORE_THAN * len(words_a)


# Capitalised words, the names a sentence gives (a capitalised function word such as "The" aside), and weekdays,
# which are no names of anyone.
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+")
_WEEKDAY_NAMES = frozenset(f"{d}day" for d in ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun"))


def names_apart(a: str, b: str) -> bool:
    """Whether each sentence names someone or something the other does not (capitalised words, days aside): "Labour
    won 40 per cent" and "The Conservatives won 35 per cent" tell of two parties."""
    names_a, names_b = ({n for n in _NAME.findall(t) if n.lower() not in STOP_WORDS} - _WEEKDAY_NAMES for t in (a, b))
    return not (names_a <= names_b or names_b <= names_a)


def share_moved(later: str, earlier: str, shared: int = SHARED_WORDS) -> bool:
    """Whether `later` gives the level of a thing `earlier` gives the level of, at a level `earlier` does not give:
    the newer level ("Hollins Water, its largest reservoir, is at 29 per cent" / "... the largest reservoir in the
    region, is at 31 per cent"; "stocks had dropped to 36 per cent" / "stocks had fallen to 38 per cent"). Of the
    same thing: `shared` content words in common besides the figures, a word of what the share is of just before a
    figure in each, and neither names what the other does not. A change is no level ("shares jumped 8 per cent" on
    Tuesday and "fell 1 per cent" on Wednesday are two days' news)."""
    mine, theirs = _levels(later), _levels(earlier)
    if not mine or not theirs or all(any(_agree(a, b) for b, _ in theirs) for a, _ in mine):
        return False
    if names_apart(later, earlier):
        return False
    # (Nor a level of another day: "said 78% of its tram and bus services ran on Wednesday" / "said 70% of its
    # services ran on Tuesday".)
    if _days_apart(later, earlier):
        return False
    words_a, words_b = _words(later), _words(earlier)
    # ("the pass rate was 87.4%" is not "the national pass rate in the subject, published on Thursday, had fallen to
    # 79.1%": nothing of what each share is of in common.)
    things_a = set().union(*(thing for _, thing in mine))
    things_b = set().union(*(thing for _, thing in theirs))
    return len(words_a & words_b) >= shared and not things_a.isdisjoint(things_b)


# Words before a share that say what it is of, at most.
SHARE_THING_WORDS = 6
# A share that tells a change, not a level: "fell 9%", "closed 6% lower", "jumped 8 per cent".
_CHANGE_BEFORE = re.compile(r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|jumped|jumps|dropped|drops|climbed|"
                            r"climbs|slid|slips|slipped|gained|gains|lost|loses|grew|grows|shrank|increased|decreased|"
                            r"up|down|by)\s+$", re.I)
_CHANGE_AFTER = re.compile(r"\s+(?:lower|higher|up|down|more|less|rise|fall|increase|decrease|drop|jump|cut)\b", re.I)


def _levels(text: str) -> list[tuple[tuple[str, float, float], set[str]]]:
    """The levels `text` gives as shares, each as its span (as `measures` gives it) and the content words just before
    it that say what it is the level of ("combined reservoir stocks had dropped to")."""
    out = []
    for match in _MEASURE.finditer(text):
        hedge, number, unit = match.groups()
        value = _number(number)
        if value is None or not ("cent" in unit.lower() or unit == "%"):
            continue
        if _CHANGE_BEFORE.search(text, max(0, match.start() - 12), match.start()) \
                or _CHANGE_AFTER.match(text, match.end()):
            continue
        before = text[max(0, match.start() - 80):match.start()].split()[-SHARE_THING_WORDS:]
        thing = _words(" ".join(before))
        out.append((("share", *_span(hedge, value)), thing))
    return out


# Counts of a thing (`counts`): what two outlets may give differently ("monitored 2,300 pupils in 14 schools" /
# "followed 3,200 pupils"; "€0.30 a share" / "0.35 euros per share"; "more than 2,000 signatures" / "3,000").
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
_CURRENCY = r"(?:euros?|dollars?|pounds?|crowns?|kron(?:er|or|a|e)|yen|francs?|cents?|pence)"
_COUNT = re.compile(
    rf"(?<![\w.,-]){_HEDGE}[€$£]?\s?(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    rf"{one_of(w for w in _NUMBERS if w not in ('a', 'an', 'one', 'zero'))})"
    rf"(?:\s*(thousand|million|billion|mn|bn|m)\b)?(?:\s+{_CURRENCY}\b)?(?:\s+(?:a|an|per|each)\b)?"
    r"\s+([a-z]{3,})(?:[ -]([a-z]{3,}))?", re.I)
# Words after a figure that are no counted thing: a unit of time or measure, a share, a sum, a function word.
_NOT_A_THING = frozenset(content_stems(
    "per cent percent year years month months week weeks day days hour hours minute minutes second seconds night "
    "nights metre metres meter meters kilometre kilometres mile miles feet foot inch inches tonne tonnes ton tons "
    "degree degrees point points times am pm gmt utc bst cet out more less than later earlier ago euro euros dollar "
    "dollars pound pounds crown crowns yen franc francs cent cents pence thousand million billion people person men "
    "women"))
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# A forecast, an estimate or a ceiling is no count to hold against what other outlets report ("expects 5,000
# visitors", "fines of up to 500 euros"; not "will go up to €0.30 a share").
_NOT_A_COUNT = re.compile(r"\b(?:expect\w*|forecast\w*|predict\w*|estimat\w*|projected|target\w*|could|might|may|"
                          r"likely|as (?:many|much) as|(?<!\bgo )(?<!\bgoes )(?<!\bwent )(?<!\brise )(?<!\brose )"
                          r"up to)\b", re.I)


# A sum of money: "1.3 billion pounds", "a 1.2 billion pound scheme", "€0.30", "$4m" (currency, value).
_MONEY = {"€": "euro", "$": "dollar", "£": "pound"}
_SUM = re.compile(
    r"(?<![\w.,-])([€$£])\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|mn|bn|m)\b)?"
    rf"|(?<![\w.,-])(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|mn|bn|m)\b)?"
    rf"\s+({_CURRENCY})\b", re.I)
_BARE_SUM = re.compile(r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(thousand|million|billion|mn|bn)\b"
                       r"(?=\s*(?:[,.;:)]|$|(?:from|to|and|or|in|last|this|a year)\b))", re.I)


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1 << 17)
def sums(text: str) -> frozenset[tuple[str, float]]:
    """The sums of money `text` gives, as (currency, value): "a 1.3 billion pound line" gives ("pound", 1.3e9)."""
    if _DIGIT.search(text) is None:  # every sum has a figure
        return frozenset()
    out = set()
    for m in _SUM.finditer(text):
        sign, number, scale = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(4),
                                                                                        m.group(5))
        currency = _MONEY.get(sign) or sign.lower().rstrip("s")
        out.add((currency, float(number.replace(",", "")) * _SCALES.get((scale or "").lower(), 1.0)))
    # A bare sum beside one of a single currency is of that currency ("to 1.45 billion pounds from 1.2 billion").
    if len({currency for currency, _ in out}) == 1:
        currency = next(iter(out))[0]
        out.update((currency, float(m.group(1).replace(",", "")) * _SCALES[m.group(2).lower()])
                   for m in _BARE_SUM.finditer(text))
    return frozenset(out)


PLAN_REACH = 80  # characters from a plan's verb to the count it governs ("will resume at first light on
# Wednesday, with two lifeboats": 57)
_PLANNED = re.compile(r"\b(?:will|would|shall|plans? to|planned to|is to|are to|(?:is|are) (?:due|scheduled|set to))\b",
                      re.I)


# ... or the count is the subject of a plan that follows it: "Forty crews from nine clubs are due on the water" (a
# count in the sentence's first few words).
SUBJECT_WORDS = 4
_DUE_AFTER = re.compile(r"(?:\s+(?!(?:are|is|were|was)\b)[\w'’-]+){0,4}\s+(?:are|is) (?:due|scheduled|set|expected)\b",
                        re.I)


@dataclass(frozen=True, slots=True)
class Count:
    """A figure that counts a thing: the thing's stem, the figure's value and its words as printed; `rate` when it
    is a sum per thing ("0.35 euros per share", "90 euros per passenger"), compared only with another rate."""

    thing: str
    value: float
    words: str
    rate: bool = False


# A part of a whole, or the whole against its parts: "the other eight lifts", "the last two skiers", "all 18,000
# ticket holders", "a majority of two judges to one" (not a count of the thing to hold against another outlet's).
_PART_BEFORE = re.compile(r"\b(?:other|remaining|last|first|further|another|all|extra|additional|majority of|"
                          r"rest of the)\s+(?:\w+\s+)?\Z", re.I)
_TALLY_AFTER = re.compile(r"\s+to\s+(?:one|two|three|four|five|\d+)\b", re.I)


# A sentence with no figure and no number word gives no count: most sentences, told apart far faster than `_COUNT`
# scans them (its hedges are tried at every character).
_WORD = re.compile(r"[a-z]+")
_NUMBER_WORDS = frozenset(_WORD.findall(" ".join(_NUMBERS))) - {"a", "an", "one", "zero"}  # "two dozen": "dozen"


@lru_cache(maxsize=1 << 17)  # several stages ask about every sentence of a story (30,000 sentences and more)
def counts(text: str) -> tuple[Count, ...]:
    """The counts `text` gives: a figure and the word after it, or the next one when the first may be an
    adjective ("14 secondary schools" counts schools too). Years, units of time and measure, sums and forecasts
    give none."""
    if _DIGIT.search(text) is None and _NUMBER_WORDS.isdisjoint(found := _WORD.findall(text.lower())):
        return _ranks(text) if not ORDINALS.keys().isdisjoint(found) else ()
    if _NOT_A_COUNT.search(text):
        return ()
    # A plan's count is not one to hold against what was done ("will resume at first light with two lifeboats" /
    # "The search, which had involved three lifeboats"); a sum per thing it sets is ("will go up to €0.30 a share").
    plans = [m.end() for m in _PLANNED.finditer(text)]
    out = []
    for m in _COUNT.finditer(text):
        number, scale, first, second = m.group(2), m.group(3), m.group(4), m.group(5)
        value = _number(number)
        if value is None or (_YEAR.fullmatch(number) and not scale) or _PART_BEFORE.search(text, 0, m.start()) \
                or _TALLY_AFTER.match(text, m.end(4)):
            continue
        rate = bool(re.search(rf"[€$£]|\b{_CURRENCY}\b|\b(?:per|each)\b", m.group(0), re.I)) and \
            bool(re.search(r"\b(?:a|an|per|each)\s+[a-z]+$", text[m.start(): m.end(4)], re.I))
        value *= _SCALES.get((scale or "").lower(), 1.0)
        for word in (first, second):
            if not word or word.lower() in STOP_WORDS:
                break
            thing = stem(word.lower())
            if thing in _NOT_A_THING:
                break
            end = m.start(4) + len(first) if word == first else m.end(5)
            said = text[m.start(): end].strip()
            # ("will go up to €0.30 a share": the ceiling's words are the verb's, not the figure's.)
            # (The plan's verb governs the count when it comes shortly before it: not "Twelve dogs have fallen ill
            # ..., as the council set out plans to ban swimming".)
            planned = any(0 <= m.start() - at <= PLAN_REACH and ";" not in text[at:m.start()] for at in plans) \
                or (len(text[:m.start()].split()) <= SUBJECT_WORDS and _DUE_AFTER.match(text, m.end(4)) is not None)
            if rate or not planned:
                out.append(Count(thing, value, said[6:] if said.lower().startswith("up to ") else said, rate))
    return tuple(out) + _ranks(text)


# A rank that counts how many have done a thing: "Mosscrop is the third prisoner to abscond from Fernholt this year"
# / "the fourth man to abscond" (as "three" / "four" absconders; "first" counts nothing new).
ORDINALS = {w: float(k) for k, w in enumerate(("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                                "ninth", "tenth", "eleventh", "twelfth"), start=2)}
_RANK = re.compile(rf"\bthe ({'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th)) ([a-z]{{3,}}) to [a-z]+", re.I)


def _ranks(text: str) -> tuple[Count, ...]:
    if "the " not in text.lower():
        return ()
    out = []
    for m in _RANK.finditer(text):
        rank = m.group(1).lower()
        value = float(rank[:-2]) if rank[:1].isdecimal() else ORDINALS[rank]
        thing = stem(m.group(2).lower())
        if value >= 2 and thing not in _NOT_A_THING and m.group(2).lower() not in STOP_WORDS:
            out.append(Count(thing, value, m.group(0)[4:]))
    return tuple(out)


# Counts this far apart at most are of one thing told differently ("25 members" / "twenty-four workers"), not two
# things ("25 members" / "4.8 million euros").
COUNT_RANGE = 2.0
# ... and counts this close are one count rounded ("nearly 1,000" / "998"; not "25" / "24").
COUNT_ROUNDING = 0.02


# A count of people (no thing to tell counts apart by, `_NOT_A_THING`, but a count all the same: "Six people were
# taken to hospital"), or one with its thing left to the sentence before, as a clause's subject: "Four were taken
# to Kelbridge Royal Hospital" (of the people hurt), "... and two remain in hospital". (A word and what follows it
# first, the number read after: an alternation of every number word tried at every place cost 0.5 s at 30,000
# sentences.)
_BARE_COUNT = re.compile(r"(?<![\w.,-])([\w,.-]*\w)\s+(?:(?P<people>people|persons|men|women)|were|was|are|have|had|"
                         r"remain|remained|remains)\b", re.I)
_CLAUSE_START = re.compile(r"(?:^|[.;:,]\s+|\band\s+)$", re.I)
_NOT_BARE = frozenset({"a", "an", "one", "zero"})
# A count given roughly agrees with more than one exact count ("more than 1,100 people" / "1,180 signatures").
_ROUGHLY_BEFORE = re.compile(r"\b(?:more than|over|about|around|nearly|almost|some|at least|up to)\s+$", re.I)


@lru_cache(maxsize=1 << 17)
def _count_values(text: str) -> frozenset[float]:
    """The values of the counts `text` gives, rates left out, bare counts in (`_BARE_COUNT`)."""
    if _NOT_A_COUNT.search(text):
        return frozenset()
    bare = set()
    for m in _BARE_COUNT.finditer(text):
        word = m.group(1)
        if word.lower() in _NOT_BARE or (value := _number(word)) is None or _PART_BEFORE.search(text, 0, m.start()) \
                or _ROUGHLY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if m["people"] or _CLAUSE_START.search(text, max(0, m.start() - 6), m.start()):
            bare.add(value)
    return frozenset(c.value for c in counts(text) if not c.rate) | bare


def counts_differ(text: str, other: str) -> bool:
    """Whether `other` gives a count of about the size `text` gives (within `COUNT_RANGE`) but none equal to it: it
    does not state `text`'s figure ("whose 25 members shared a lottery jackpot" / "A syndicate of twenty-four workers
    ... has won a lottery jackpot"; as "22 crew" is not "20 crew")."""
    mine, theirs = _count_values(text), _count_values(other)
    if not mine or not theirs:
        return False
    if any(abs(a - b) <= COUNT_ROUNDING * max(a, b) for a in mine for b in theirs):
        return False
    return any(1 / COUNT_RANGE <= a / b <= COUNT_RANGE for a in mine for b in theirs if a > 0 and b > 0)

