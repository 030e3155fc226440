"""Split a paragraph of cleaned article text into sentences, offline, with regexes and word lists.

A candidate boundary is a run of terminal punctuation (. ? ! …), any closing quotes or
brackets, then a space. Each candidate is decided from the word before it and the words
after it:

1. a lower-case next word never starts a sentence ("U.S. officials", "“Why?” he asked");
2. ? and ! end a sentence, except a quoted question followed by "Name asked";
3. titles (Mr., Gen., Sen.) and "vs.", "e.g." never end one;
4. "No." and month abbreviations before a number do not end one;
5. ambiguous abbreviations (U.S., Inc., Jr., a.m., initials) end one only when the next
   word is a common sentence starter ("... back to the U.S. He said");
6. any other word ends one when the next word is capitalised, a number or a quote.

`boundary_accuracy` scores the splitter on a gold file (tests/data/boundaries.txt);
`python -m briefer.sentences GOLD_FILE` prints the figures.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import UsageError

# Closing quotes (right double, right single, straight) and brackets stay with the sentence they close.
_CLOSERS = "\u201d\u2019\"')]"
# A candidate boundary: terminal punctuation (. ? ! …), any closers, then the space after them.
_CANDIDATE = re.compile(rf"[.?!\u2026]+[{re.escape(_CLOSERS)}]* ")
# Any place a sentence could plausibly end, for scoring: the above plus ':' and ';' (which never do).
_SCORED = re.compile(rf"[.?!\u2026:;]+[{re.escape(_CLOSERS)}]*(?= )")
_OPENERS = "\u201c\u2018\"'`([\u2014\u2013-"  # opening quotes, backtick, brackets, dashes
_QUOTES = "\u201d\u2019\"'"
# "U.S", "a.m", "Ph.D", "W.Va", "N.Y.C": dotted abbreviations (without their final period).
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_CAMEL = re.compile(r"[a-z]+[A-Z]")  # iPhone, eBay: lower-case words that can start a sentence
_TIME_ZONE = re.compile(r"(?:[A-Z]{1,3}T|GMT|UTC)\b")
_GOLD_MARK = re.compile(r"\s*\|\|\s*")
_ELLIPSIS = re.compile(rf"[.\u2026]+[{re.escape(_CLOSERS)}]*")
_TERMINAL_END = re.compile(rf"[.?!\u2026][{re.escape(_CLOSERS)}]*$")
_INITIAL = re.compile(r"[A-Z]\.")
_BARE = re.compile(r"\W*(\w+)")

# Abbreviations that stand before a name and so never end a sentence.
TITLES = frozenset(
    {
        "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Gens", "Sen", "Sens", "Rep",
        "Reps", "Gov", "Govs", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm", "Cmdr", "Cpl", "Pvt", "Spc", "Rev",
        "Hon", "Pres", "Supt", "Det", "Insp", "Atty", "Sec", "Fr", "Mt", "Ft", "Brig", "Cdr", "Comdr", "vs", "v",
        "e.g", "i.e", "a.k.a", "cf", "viz"
    }
)
# Abbreviations that take a number after them ("No. 10", "Fig. 3").
NUMBER_ABBREVIATIONS = frozenset({"No", "Nos", "no", "Fig", "Vol", "Art", "Ch", "p", "pp", "Apt", "Rte"})
MONTHS = frozenset({"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"})
# A day abbreviated after a time ("at 2:30 p.m. Fri.", American style): the time's, not a new sentence.
DAY_ABBREVIATIONS = frozenset({"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"})
# Abbreviations that often end a sentence but are as often followed by a capitalised word
# that continues it ("Microsoft Corp. Chairman", "Martin Luther King Jr. Day", "St. Louis").
AMBIGUOUS = frozenset(
    {
        "Inc", "Corp", "Co", "Ltd", "Bros", "Mfg", "Intl", "Natl", "Assn", "Dept", "Univ", "Jr", "Sr", "St",
        "Ave", "Blvd", "Rd", "Hwy", "Pkwy", "Ln", "al", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs",
        "Fri", "Sat"
    }
)
# AP-style state abbreviations: after "Town," they end the sentence unless a comma follows them
# ("in Tampa, Fla., crews" runs on; "in Tampa, Fla. Crews" does not).
STATES = frozenset(
    {
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
        "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
        "Tex", "Vt", "Va", "Wash", "Wis", "Wyo", "D.C", "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D", "R.I",
        "S.C", "S.D", "W.Va"
    }
)
# Words that begin sentences far more often than they continue a name or an abbreviation.
# Deliberately no days, months, names (Will, May) or nouns that often follow "U.S." (Navy, Embassy).
STARTERS = frozenset(
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "There", "Here", "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet",
        "Nor", "In", "On", "At", "By", "For", "From", "With", "After", "Before", "When", "While", "As", "If",
        "Although", "Though", "Since", "Because", "Meanwhile", "However", "Still", "Then", "Now", "Some",
        "Many", "Most", "Both", "Each", "Such", "One", "Two", "Three", "What", "Why", "How", "Who", "Where",
        "Which", "During", "Last", "Next", "Earlier", "Later", "Yesterday", "Today", "Tomorrow", "Tonight",
        "Under", "Over", "Despite", "Among", "According", "Also", "Instead", "Even", "Not", "No", "Only",
        "All", "Any", "Several", "Few", "More", "Thus", "Indeed", "Nevertheless", "Nonetheless", "Otherwise",
        "Already", "Once", "Until", "Unlike", "Like", "Without", "Within", "Through", "To", "Of", "Is", "Are",
        "Was", "Were", "Do", "Does", "Did", "Would", "Can", "Could", "Should", "Might", "Must", "Has", "Have",
        "Had", "Let", "Please", "Neither", "Either", "Another", "Other", "Others", "Every", "Asked",
        "Officials", "Analysts", "Critics", "Experts"
    }
)
SPEECH_VERBS = frozenset(
    {
        "said", "says", "asked", "asks", "added", "adds", "wondered", "wonders", "told", "tells", "replied",
        "replies", "shouted", "shouts", "wrote", "writes", "demanded", "insisted", "continued", "cried",
        "exclaimed", "joked", "quipped", "recalled", "explained", "noted", "tweeted", "posted", "countered",
        "responded", "answered", "laughed", "yelled", "protested", "argued", "mused", "remarked", "declared",
        "pleaded", "whispered", "snapped"
    }
)
DAYS_AND_MONTHS = frozenset(
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"
    }
) | MONTHS


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into stripped sentences (whitespace collapsed; no final punctuation = one)."""
    text = " ".join(paragraph.split())
    if not text:
        return []
    sentences, start = [], 0
    for cut in _boundaries(text):
        sentences.append(text[start : cut - 1])  # a cut falls just after a space
        start = cut
    sentences.append(text[start:])
    return sentences


def _boundaries(text: str) -> list[int]:
    """Offsets in whitespace-collapsed `text` where a new sentence starts (just after a space)."""
    cuts: list[int] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if _ends_sentence(text, m, start):
            start = m.end()
            cuts.append(start)
    return cuts


def _ends_sentence(text: str, m: re.Match[str], sentence_start: int) -> bool:
    """Decide one candidate: does the sentence end at match `m` (punctuation, closers, a space)?"""
    punct = m.group()[:-1]
    terminal = punct.rstrip(_CLOSERS)
    closers = punct[len(terminal) :]
    word_start = text.rfind(" ", 0, m.start()) + 1
    following = _next_words(text, m.end(), 4)
    first = following[0].lstrip(_OPENERS) or following[0]
    if not first or first[0].islower():
        # "iPhone sales fell" can start a sentence; nothing else lower-case can.
        return bool(_CAMEL.match(first)) and "?" not in terminal and "!" not in terminal and _plain(
            text[word_start : m.start()]
        )
    if _ELLIPSIS.fullmatch(first):
        return False  # an ellipsis, spaced (". . .") or not, stays with the words before it
    if "?" in terminal or "!" in terminal:
        return not (closers and closers[0] in _QUOTES and _is_attribution(following))
    word = text[word_start : m.start()].lstrip(_OPENERS)
    if not word.strip(".\u2026") and (word or _ELLIPSIS.fullmatch(_word_before(text, word_start))):
        return _ends_after_ellipsis(_last_word(text, sentence_start, word_start), first)
    if "\u2026" in terminal or ".." in terminal:
        return True
    if m.start() == sentence_start + len(word) and word.isdigit() and len(word) <= 2:
        return False  # "1. The first point": a list number, not a sentence
    after_comma = text.endswith(",", 0, max(0, word_start - 1))
    return _ends_after_word(word.rsplit("-", 1)[-1], first, following, bool(closers), after_comma)


def _ends_after_word(word: str, first: str, following: list[str], closed: bool, after_comma: bool) -> bool:
    """Decide a '.' after `word` followed by the capitalised or numeric word `first`."""
    if word in TITLES:
        return False
    if first[0].isdigit() and (word in NUMBER_ABBREVIATIONS or word in MONTHS):
        return False
    if closed or (after_comma and word in STATES):
        return True  # 'the U.S.” Blinken': the quote closed, so its sentence did too
    if word in ("a.m", "p.m"):
        return not _continues_time(first, following)
    if len(word) == 1 and word.isupper():
        # Initials chain ("J. R. R. Tolkien"); otherwise treat like any other abbreviation.
        return not _INITIAL.fullmatch(following[0]) and _starter(first)
    if word in AMBIGUOUS or word in STATES or word in MONTHS or _DOTTED.fullmatch(word):
        return _starter(first)
    return True


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of `text[start:end]` that is not only dots and ellipses ("" when there is none).

    It walks back from `end` over the ellipses only, so deciding every ellipsis of a paragraph stays
    linear: re-splitting the sentence so far at each one took 64 s on 0.36 MB of " … … Zz of the".
    """
    while end > start:
        while end > start and text[end - 1] == " ":
            end -= 1
        begin = max(start, text.rfind(" ", start, end) + 1)
        word = text[begin:end]
        if word.strip(".\u2026"):
            return word
        end = begin
    return ""


def _ends_after_ellipsis(word: str, first: str) -> bool:
    """Decide a free-standing ellipsis (" … ", ". . .") whose sentence's last real word is `word`."""
    if not word:
        return False  # nothing before it in this sentence
    # "rights. … Business": it stands between two sentences; "we will … Continue": words were left out.
    return bool(_TERMINAL_END.search(word)) or _starter(first)


def _continues_time(first: str, following: list[str]) -> bool:
    """True when the words after "9 a.m." go on describing the time ("Friday", "EDT", "Beijing time")."""
    name = _bare(first)
    if name in DAYS_AND_MONTHS or name in DAY_ABBREVIATIONS or name in MONTHS or _TIME_ZONE.match(first) \
            or first[0].isdigit():
        return True
    return len(following) > 1 and _bare(following[1]) in ("time", "local")


def _is_attribution(following: list[str]) -> bool:
    """True for '“Why?” Jane Doe asked': one to three capitalised words, then a speech verb."""
    for i, word in enumerate(following):
        bare = _bare(word)
        if i > 0 and bare in SPEECH_VERBS:
            return True
        if not bare or not bare[0].isupper() or i == 3:
            return False
    return False


def _starter(word: str) -> bool:
    """True when `word` is one that commonly opens a sentence."""
    return _bare(word) in STARTERS


def _plain(word: str) -> bool:
    """True when `word` is not a known abbreviation (a camel-case word after it may start a sentence)."""
    word = word.lstrip(_OPENERS)
    known = word in TITLES or word in AMBIGUOUS or word in STATES or _DOTTED.fullmatch(word)
    return not (known or len(word) == 1)


def _bare(word: str) -> str:
    """`word` without surrounding quotes and punctuation or a trailing clitic ("It's" -> "It")."""
    m = _BARE.match(word)
    return m.group(1) if m else ""


def _word_before(text: str, word_start: int) -> str:
    """The space-separated word before the one starting at `word_start` ("" at the start)."""
    end = max(0, word_start - 1)
    return text[text.rfind(" ", 0, end) + 1 : end]


def _next_words(text: str, pos: int, n: int) -> list[str]:
    """Up to `n` space-separated words of `text` from `pos` (at least one, maybe empty)."""
    words = text[pos : pos + 120].split(" ", n)[:n]
    return words or [""]


@dataclass(frozen=True, slots=True)
class BoundaryScore:
    """How the splitter did on a gold set, counted per candidate position."""

    decisions: int  # candidate positions scored (every space after . ? ! … : ; and closers)
    correct: int
    gold_boundaries: int
    predicted_boundaries: int
    true_positives: int
    errors: tuple[str, ...]  # one line of context per wrong decision

    @property
    def accuracy(self) -> float:
        """Share of candidate positions decided correctly."""
        return self.correct / self.decisions if self.decisions else 1.0

    @property
    def precision(self) -> float:
        """Share of predicted boundaries that are in the gold set."""
        return self.true_positives / self.predicted_boundaries if self.predicted_boundaries else 1.0

    @property
    def recall(self) -> float:
        """Share of gold boundaries the splitter found."""
        return self.true_positives / self.gold_boundaries if self.gold_boundaries else 1.0

    def summary(self) -> str:
        """The figures on one line."""
        return (
            f"boundary accuracy {self.accuracy:.4f} ({self.correct}/{self.decisions} decisions), "
            f"precision {self.precision:.4f}, recall {self.recall:.4f} "
            f"({self.gold_boundaries} gold boundaries, {self.predicted_boundaries} predicted)"
        )


def read_gold(path: Path) -> list[tuple[str, ...]]:
    """Read a gold file: blank-line-separated paragraphs, sentences split by ' || ', '#' comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read gold file {path}: {exc.strerror}") from exc
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.startswith("#"):
            continue
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [tuple(_GOLD_MARK.split(" ".join(b))) for b in blocks if b]


def boundary_accuracy(gold: Iterable[Sequence[str]]) -> BoundaryScore:
    """Score `split_sentences` against gold paragraphs, each given as its list of sentences."""
    decisions = correct = n_gold = n_pred = hits = 0
    errors: list[str] = []
    for sentences in gold:
        text = " ".join(" ".join(s.split()) for s in sentences)
        truth, cuts = set(), 0
        for s in sentences[:-1]:
            cuts += len(" ".join(s.split())) + 1
            truth.add(cuts)
        predicted = set(_boundaries(text))
        candidates = {m.end() + 1 for m in _SCORED.finditer(text)} | truth | predicted
        decisions += len(candidates)
        correct += sum((c in truth) == (c in predicted) for c in candidates)
        n_gold, n_pred, hits = n_gold + len(truth), n_pred + len(predicted), hits + len(truth & predicted)
        for c in sorted(candidates):
            if (c in truth) != (c in predicted):
                kind = "missed" if c in truth else "spurious"
                errors.append(f"{kind}: …{text[max(0, c - 40) : c - 1]} | {text[c : c + 30]}…")
    return BoundaryScore(decisions, correct, n_gold, n_pred, hits, tuple(errors))


def main(argv: Sequence[str]) -> int:
    """Print the boundary figures for a gold file, and each wrong decision."""
    if len(argv) != 1:
        print("usage: python -m briefer.sentences GOLD_FILE", file=sys.stderr)
        return 2
    score = boundary_accuracy(read_gold(Path(argv[0])))
    for line in score.errors:
        print(line)
    print(score.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
