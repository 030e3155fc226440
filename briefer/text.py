"""Word-level text tools shared by every stage that compares sentences: tokens, stems, stop words.

All of it works offline and loads fast: stems come from PyStemmer (Snowball's English
stemmer in C, 2 ms to import where nltk's costs 1.7 s), and the stop-word list is
scikit-learn's English list, packaged in briefer/data/stopwords.txt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import Stemmer

# Letters with inner apostrophes or hyphens ("Xi's", "U.S.-China" -> "u.s", "china"), or numbers.
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
# The same pattern for lower-case ASCII text, where it matches exactly what _WORD matches (in ASCII, a letter
# that is not a digit or "_" is a-z once lower-cased, and a digit is 0-9): a set of ranges is tested faster than
# Unicode categories (tokenising 30,000 sentences, best of five: 0.46 -> 0.37 s).
_ASCII_WORD = re.compile(r"[a-z]+(?:[.'][a-z]+)*|[0-9]+(?:[.,][0-9]+)*")
# Non-ASCII characters news text is full of that no part of _WORD matches (quotation marks, the dash), mapped to a
# space, which no part of it matches either, so that the text is ASCII and _ASCII_WORD finds the same tokens;
# "’" becomes the apostrophe, as _tokenise always made it.
_AS_ASCII = (("’", "'"), ("“", " "), ("”", " "), ("‘", " "), ("—", " "), ("–", " "))
# A possessive ending on a token of the space-joined token list (tokens never contain spaces).
_POSSESSIVE = re.compile(r"'s(?= |$)")


def _stop_words() -> frozenset[str]:
    """The packaged English stop-word list (scikit-learn's, see briefer/data/stopwords.txt)."""
    text = resources.files("briefer.data").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


STOP_WORDS: frozenset[str] = _stop_words() | {"said", "says", "say", "mr", "mrs", "ms"}
# Nouns in that list that name what a story is about ("the fire", "the repair bill", "the signal system"): content
# words wherever a story's subjects are compared (briefer.discover's key phrases, briefer.supersede's shared words).
STOP_NOUNS = frozenset({"fire", "bill", "system", "interest", "amount", "detail", "mill"})


# Longer texts (paragraphs, whole articles: the digest's clustering, copies and story profiles read whole
# articles) are tokenised without the cache. The cache counts entries, not bytes: holding the tokens of up to
# 65,536 whole articles took the 10,000-article digest from 1.1 GB to 2.35 GB peak RSS (docs/performance.md).
CACHED_TEXT_CHARS = 1_000


def words(text: str) -> list[str]:
    """Lower-cased word tokens of `text` (punctuation dropped, apostrophes normalised, possessive 's cut)."""
    return list(_tokenise(text) if len(text) > CACHED_TEXT_CHARS else _tokens(text))


def _tokenise(text: str) -> tuple[str, ...]:
    # One findall and one substitution over the whole text: a Python loop per token cost a
    # fifth of a 30,000-sentence run.
    found = _words_found(text.lower())
    if not found:
        return ()
    return tuple(_POSSESSIVE.sub("", " ".join(found)).split(" "))


def _words_found(lowered: str) -> list[str]:
    """_WORD's matches in lower-cased text, with "’" read as "'" (by _ASCII_WORD when the text can be ASCII)."""
    if not lowered.isascii():
        for char, replacement in _AS_ASCII:
            lowered = lowered.replace(char, replacement)
        if not lowered.isascii():
            return _WORD.findall(lowered)
    return _ASCII_WORD.findall(lowered)


# Cached: the stages tokenise each sentence about eight times over (cleaning, copies, candidates, index,
# people, quotes, facts, selection).
_tokens = lru_cache(maxsize=65_536)(_tokenise)


_STEMMER = Stemmer.Stemmer("english")


_FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")


_Trie = dict[str, "_Trie"]


def one_of(words_: Iterable[str]) -> str:
    """A regex (no group) for exactly `words_`, as a trie: "t(?:wenty(?:-one)?|wo)" for "two", "twenty",
    "twenty-one". It matches what the plain alternation of the words sorted longest first matches, in the same order,
    but tries one branch per letter instead of every word at every position (the figure patterns of
    briefer.measures, with about 100 number words, ran four times faster at 30,000 sentences)."""
    root: _Trie = {}
    for word in words_:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def longest(node: _Trie) -> int:
        return max(1 + longest(child) if ch else 0 for ch, child in node.items())

    def emit(node: _Trie) -> str:
        # (The longer branches first, and the word that ends here last: a prefix is tried after its longer words.)
        branches = [re.escape(ch) + emit(child)
                    for ch, child in sorted(((c, n) for c, n in node.items() if c), key=lambda cn: -longest(cn[1]))]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")

    return emit(root)


def look_for(needles: Iterable[str]) -> re.Pattern[str]:
    """A plain look for any of `needles` (substrings, case as given) in a text, before a slow pattern: one pass by
    letter (a trie) instead of one scan per word."""
    return re.compile(one_of(needles))


class _Deferred:
    """A pattern compiled on first use (see `deferred`): its methods are the compiled pattern's, looked up once."""

    def __init__(self, regex: str, flags: int) -> None:
        self.pattern = regex
        self._flags = flags

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # (copy and pickle ask for hooks before `pattern` is set)
            raise AttributeError(name)
        value = getattr(re.compile(self.pattern, self._flags), name)
        setattr(self, name, value)  # the next look-up finds it here, at the speed of a compiled pattern's
        return value


def deferred(regex: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(regex, flags)`, done when the pattern is first used: a module of many patterns that a command
    may never use (supersede's and people's, in `summarize`) then costs no start-up time (0.1-0.15 s)."""
    return _Deferred(regex, flags)  # type: ignore[return-value]


def figures(text: str) -> set[str]:
    """The figures `text` prints, as printed ("4,000", "1.2"): what two sentences' content stems leave out."""
    return set(_FIGURE.findall(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem of one lower-case word (Snowball English, in C; cached: news vocabularies repeat)."""
    return str(_STEMMER.stemWord(word))


def stem_all(words_: list[str]) -> list[str]:
    """Stems of many lower-case words at once (one call into the C stemmer)."""
    return [str(w) for w in _STEMMER.stemWords(words_)]


def zipf(word: str) -> float:
    """How common a word is in English, on wordfreq's Zipf scale ("the" 7.7, "policy" 5.2, "Taiwan" 4.0; 0 for a
    word below its list). wordfreq is imported on first use: it costs start-up time."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en", wordlist="small"))


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop-words of `text`, in order."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and not w.isdigit()]


def stems(text: str) -> list[str]:
    """Stems of every word of `text`, stop words included, in order."""
    return [stem(w) for w in words(text)]


# Letters that re.IGNORECASE matches with "i" but casefold() does not fold to it (Turkish dotted I and dotless i).
_I_LIKE = str.maketrans({"İ": "i", "ı": "i"})


def fold(text: str) -> str:
    """`text` casefolded so that every letter an re.IGNORECASE pattern of ASCII words matches becomes that word's
    letter ("ſ" -> "s", "K" (Kelvin) -> "k", "İ" -> "i"): a look for a pattern's words in it misses no match."""
    return text.translate(_I_LIKE).casefold()


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def date_long(day: dt.date) -> str:
    """The date written out, e.g. "19 June 2023" (independent of the machine's locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def word_count(text: str) -> int:
    """Number of whitespace-separated words, the unit of every length budget."""
    return len(text.split())


def ngrams(tokens: Iterable[str], n: int) -> list[tuple[str, ...]]:
    """The n-grams of a token sequence."""
    seq = list(tokens)
    return [tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)]



# A transcript's first-person sentence carries its speaker as an editor's insertion ("[Eva Strand:] We will ...",
# briefer.pipeline.split_document): someone's words, as a quotation is.
_SPOKEN = re.compile(r"\[[^\]\n]{2,60}:\] ")


def with_speaker(text: str, speaker: str) -> str:
    """`text` with its speaker inserted before it, as an editor does."""
    return f"[{speaker}:] {text}"


def spoken(text: str) -> bool:
    """Whether `text` is a transcript's line that `with_speaker` gave its speaker."""
    return _SPOKEN.match(text) is not None


def joined(first: str, second: str) -> str:
    """Two consecutive sentences as one item; a transcript's speaker named once ("[Tomas Keverne:] The makers ...
    have a replacement ram. We expect it on Wednesday.")."""
    speaker = _SPOKEN.match(second)
    if speaker and first.startswith(speaker.group()):
        second = second[speaker.end():]
    return f"{first} {second}"


def without_speaker(text: str) -> str:
    """`text` without the speaker `with_speaker` inserted before it."""
    return _SPOKEN.sub("", text, count=1)


# A paragraph's opening pronoun with the person it stands for inserted after it, as an editor does ("He [Dennis
# Marlow] will be sentenced ...", briefer.referents): the sentence reads as if it named them.
# (... or the pronoun that is the subject after an opening participle's clause: "Referring to the rivalry between
# the two nations, he [Antony Blinken] asserted ...".)
_REFERRED = re.compile(r"^(He|She|His|Her) \[([^\]\n]{2,80})\] |"
                       r"^([A-Z][\w-]*(?:ed|ing)\b[^.;:\"“\[]{0,80}?,\s+)(?:he|she) \[([^\]\n]{2,80})\] ")
# A pronoun that is the subject after an opening participle's clause, as `referents` reads it (group 1).
PARTICIPLE_PRONOUN = re.compile(r"^[A-Z][\w-]*(?:ed|ing)\b[^.;:\"“\[]{0,80}?,\s+(he|she)\s")


def with_referent(text: str, name: str) -> str:
    """`text` with `name` inserted after its opening pronoun ("Her [Nell Garvie's] fundraising ..."), or after the
    subject pronoun an opening participle's clause leads to ("Referring to ..., he [Antony Blinken] asserted")."""
    if (late := PARTICIPLE_PRONOUN.match(text)) is not None:
        return f"{text[:late.end(1)]} [{name}]{text[late.end(1):]}"
    pronoun, rest = text.split(" ", 1)
    return f"{pronoun} [{name}{'’s' if pronoun in ('His', 'Her') else ''}] {rest}"


def referred(text: str) -> str:
    """`text` as it reads with the person `with_referent` inserted in its pronoun's place ("Nell Garvie's
    fundraising ...")."""
    if "[" not in text:
        return text
    return _REFERRED.sub(lambda m: f"{m[2]} " if m[2] else f"{m[3]}{m[4]} ", text, count=1)


# British quotation marks: a quotation opens with a single mark before a capital ("said: 'More than £45,000 came
# in ...'") and closes with one after its last word or stop; the words inside may quote with double marks ('Riders
# were promised "every bike is safety-checked", and that plainly did not happen.').
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[:—–-]))[‘'](?=[A-Z0-9\"“‘]|\.\.\.|…)")
_SPEECH_AFTER = re.compile(r"\s*(?:[,.;:!?)—–-]|$|(?:he|she|they|we|it|i|[A-Z][\w'’-]*)\s+(?:said|says|added|adds|"
                           r"told|asked|wrote|explained|insisted|recalled)\b)")
_POSSESSIVE_NEXT = re.compile(r"\s+[a-z]")
_STRAIGHT_PAIR = re.compile(r'"([^"]*)"')


def _single_close(text: str, start: int) -> int:
    """Where the single-quoted quotation opened at `start` closes (-1: it runs on past the paragraph)."""
    for k in range(start + 1, len(text)):
        if text[k] not in "'’" or text[k - 1].isspace():
            continue
        if text[k + 1:k + 2].isalnum():
            continue  # a contraction: "I've", "don’t"
        # (Matched in place, not on a slice of the rest: a paragraph of many apostrophes stays linear.)
        speech = _SPEECH_AFTER.match(text, k + 1) is not None
        if text[k - 1] in "sS" and _POSSESSIVE_NEXT.match(text, k + 1) and not speech:
            continue  # a plural's possessive: "the residents' homes"
        if text[k - 1] in ".,!?…\"”" or speech or text[k - 1] not in "sS":
            return k
    return -1


def double_quoted(text: str) -> str:
    """`text` with quotations in single marks written in double marks, and the double marks inside them in single
    (the American order the quote reader knows); apostrophes stay. Linear in the paragraph's length for a
    paragraph with a few quotations."""
    if "'" not in text and "‘" not in text:
        return text
    out = []
    at = 0
    for m in _SINGLE_OPEN.finditer(text):
        if m.start() < at:
            continue
        before = text[:m.start()]
        if before.count('"') % 2 or before.rfind("“") > before.rfind("”"):
            continue  # inside a quotation in double marks: the American order already ('"Amber shouted 'Mum, ...'"')
        end = _single_close(text, m.start())
        inner = text[m.end():end if end >= 0 else len(text)]
        inner = _STRAIGHT_PAIR.sub(r"‘\1’", inner.replace("“", "‘").replace("”", "’"))
        out.append(text[at:m.start()] + "“" + inner + ("”" if end >= 0 else ""))
        at = end + 1 if end >= 0 else len(text)
        if end < 0:
            break
    out.append(text[at:])
    return "".join(out)
