"""Who a paragraph's opening "He", "She", "His" or "Her" stands for, named in brackets as an editor does.

A paragraph that opens with a pronoun leans on the one before it ("He will be sentenced on 14 December." after a
paragraph on Dennis Marlow's trial), so it could not be quoted alone, and an article's key fact was often lost that
way ("Her fundraising for the Tarrow Stroke Club reached £48,000 on Thursday"). When the article's sentences
before it leave exactly one person the pronoun can stand for, the sentence gets that person's full name inserted
after the pronoun, the convention for an editor's addition to quoted text: "He [Dennis Marlow] will be sentenced on
14 December.", "Her [Nell Garvie's] fundraising ..." (`briefer.text.with_referent`); the words stay as printed.

Reading back from the sentence, at most `MAX_BACK` sentences of the same article: the nearest sentence that names
or means someone the pronoun may stand for decides. One named person there, whom the article says is of the
pronoun's sex (a title, a kin noun, "said she", a pronoun in a sentence that names only them or in the next one that
names no one), is the referent; two, someone of unknown sex, or someone it does not name ("He told his wife ..."
before "She raised the alarm"), and the pronoun stays unresolved. A name nothing marks as a person's (a speech verb,
an age, a role, a title) is a place's or a firm's. A sentence with only a pronoun of the same gender ("Jurors
acquitted him ...") carries the chain back. Nothing is resolved when the sentence itself also holds a pronoun of the
other gender ("She raised the alarm ... when he had not returned"): the reader could not tell who that is. Nor in an
article about an animal, which is "he" or "she" as often as any person.

A short name is completed from the article's own full names ("Strand told a news conference" -> Lars Strand); a
surname two of its people share is resolved only by what the article says of their gender.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from briefer.candidates import PERSON_NOUNS, unquoted
from briefer.model import Sentence
from briefer.people import SPEECH_AFTER, gender_signs, names_in, role_noun
from briefer.text import PARTICIPLE_PRONOUN, with_referent, without_speaker, words

MAX_BACK = 3  # sentences read back from the pronoun, in the same article
MAX_BACK_QUOTED = 8  # ... past quotations that name no one

_OPENING = re.compile(r"(He|She|His|Her)\s|" + PARTICIPLE_PRONOUN.pattern[1:])
_MALE = re.compile(r"(?<![\w'’-])(?:he|him|his|himself)(?![\w'’-])", re.I)
_FEMALE = re.compile(r"(?<![\w'’-])(?:she|her|hers|herself)(?![\w'’-])", re.I)
# Someone the sentence means without naming them: a singular person noun ("his wife", "a spokesperson", "the
# driver"); "f"/"m" when the noun says which.
_FEMALE_NOUNS = frozenset({
    "woman", "mother", "wife", "daughter", "sister", "widow", "girl", "schoolgirl", "granddaughter", "grandmother",
    "spokeswoman", "chairwoman", "queen", "aunt", "actress"})
_MALE_NOUNS = frozenset({
    "man", "father", "husband", "son", "brother", "widower", "boy", "schoolboy", "grandson", "grandfather",
    "spokesman", "chairman", "king", "uncle", "actor"})
_NOUN = re.compile(r"[a-z][a-z-]+")
_AGED = re.compile(r"\b(?:\d{1,3}|[a-z]+)-year-old\b")  # "The 34-year-old physiotherapist"
# A name's words in the sentence around it: a noun this close to a name is the name's own ("midwife Sarah
# Linden", "Dennis Marlow, a showman,"), not someone else.
_BESIDE = 40
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")


def _gender_of(pronoun: str) -> str:
    return "m" if pronoun.lower() in ("he", "his", "him") else "f"


def _pronouns(text: str) -> set[str]:
    """The genders ("m", "f") of the personal pronouns in `text`."""
    return {g for g, pattern in (("m", _MALE), ("f", _FEMALE)) if pattern.search(text)}


_TITLED = re.compile(r"\b(Mr|Sir|Lord|Mrs|Ms|Miss|Dame|Lady)\.?\s+([A-Z][\w'’-]+)")
_TITLE_BEFORE = re.compile(r"\b(?:(?P<m>Mr|Sir|Lord)|(?P<f>Mrs|Ms|Miss|Dame|Lady)|Dr|Prof)\.?\s+$")


class _Article:
    """One article's people as read so far: full names, what its text says of their gender."""

    def __init__(self, prior: dict[str, set[str]] | None = None) -> None:
        # What the whole story's courtesy titles say of each surname's gender ("Ms Cardew", in another article), for
        # a person the article itself says nothing of.
        self.prior = prior or {}
        self.full: list[str] = []  # in order of first mention
        self.gender: dict[str, set[str]] = {}
        self.persons: set[str] = set()  # the names something marks as a person's (a speech verb, an age, a role)
        self.last = ""  # the one person the last sentence read named, if it named one
        self.words: dict[str, list[str]] = {}  # a full name's words -> the full names with that word

    def read(self, sentence: Sentence) -> None:
        """Take in the people the next sentence of the article names, and what it says of their gender."""
        text = unquoted(without_speaker(sentence.text))
        first = _CAPITALISED.match(text)
        if _CAPITALISED.search(text, 1) is None and (first is None or first.group().removesuffix("'s").removesuffix(
                "’s") not in self.words):
            # (A sentence that names no one, read fast: "Jurors acquitted him of a third charge".)
            said = _pronouns(text)
            if self.last and len(said) == 1 and not _unnamed(text, []):
                self.gender[self.last].update(said)
            self.last = ""
            return
        found = _names(text)
        for start, end, name in found:
            if name not in self.gender:
                self.full.append(name)
                self.gender[name] = set()
                for word in name.split():
                    self.words.setdefault(word, []).append(name)
            signs = gender_signs(text, start, end)
            self.gender[name].update(signs)
            # A kin or role noun right before the name ("her brother Rory Garvie", "his wife, Anna Pell,").
            noun = re.search(r"\b([a-z]+),?\s+$", text[max(0, start - 24): start])
            if noun and noun.group(1) in _FEMALE_NOUNS | _MALE_NOUNS:
                self.gender[name].add("f" if noun.group(1) in _FEMALE_NOUNS else "m")
            # (... or a role set off after it: "Harriet Vosper, the organist of St Brannoc's Church, ...".)
            role = _ROLE_AFTER.match(text, end)
            if signs or (noun and (noun.group(1) in PERSON_NOUNS or role_noun(noun.group(1)))) \
                    or _TITLE_BEFORE.search(text, 0, start) or SPEECH_AFTER.match(text[end:]) \
                    or _PERSON_AFTER.match(text, end) \
                    or (role and (role_noun(w := role.group(1)) or w in PERSON_NOUNS or w.endswith(("ist", "ian")))):
                self.persons.add(name)
        _, found, titled = self.people(text)  # the people it names, short names completed
        # A courtesy title tells the gender of the one person of that surname it may be ("Mrs Vosper", of Harriet
        # and Peter Vosper).
        for title, people in titled:
            if title != "?" and len(options := [n for n in people if self.may_be(n, title)]) == 1:
                self.gender[options[0]].add(title)
                self.persons.add(options[0])
        names = {n for _, _, n in found}
        one = names.pop() if len(names) == 1 and not titled else ""
        one = "" if "|" in one else one
        said = _pronouns(text[found[0][1]:] if one else text)
        # (Only in a sentence that names no one else either, a person or not: "Dahl's team, Fjord Racing, said it
        # had ended her contract" says nothing of Fjord Racing.)
        if one and len(said) == 1 and {w for w in _CAPITALISED.findall(text)
                                       if w.removesuffix("'s").removesuffix("’s") in self.words} <= set(one.split()) \
                and not _unnamed(text, found):
            # The one person a sentence names is who its "his" or "she" stands for ("Hamish Gow, who led the
            # rescue, said his team ...").
            self.gender[one].update(said)
        elif not found and not titled and self.last and len(said) == 1 and not _names(text) \
                and not _unnamed(text, []):
            # ... and so is a pronoun of the next sentence, which names no one ("Dennis Marlow ... was found guilty
            # ... Jurors acquitted him of a third charge").
            self.gender[self.last].update(said)
        self.last = one if one and not _unnamed(text, found) else ""

    def _said(self, name: str) -> set[str]:
        """What the article says of `name`'s gender, else what the story's titles say of the surname."""
        said = self.gender.get(name, set())
        if not said and len(prior := self.prior.get(name.split()[-1], set())) == 1:
            return prior
        return said

    def may_be(self, name: str, gender: str) -> bool:
        """Whether nothing in the article (or the story's titles) says `name` is not of `gender`."""
        return self._said(name) in (set(), {gender})

    def is_of(self, name: str, gender: str) -> bool:
        """Whether the article (or the story's titles) says `name` is of `gender`, and nothing says otherwise."""
        return name in self.gender and self._said(name) == {gender}

    def people(self, text: str) -> tuple[list[list[str]], list[tuple[int, int, str]],
                                         list[tuple[str, list[str]]]]:
        """Who `text` names: for each mention the article's full names it may stand for (a short name completed
        from them: "Strand" -> Lars Strand); the spans of the mentions; and the genders ("m", "f", "?") of the
        people it names by a courtesy title and surname alone ("Mrs Garvie, her mother": not the Garvie the
        article calls by her surname), each with the article's people of that surname."""
        spans = _names(text)
        # (A name nothing in the article marks as a person's is a place's or a firm's: "Harrow Fells", "Marlow
        # Amusements".)
        found = [f for f in spans if f[2] in self.persons]
        named = [[n] for _, _, n in found]
        titled: list[tuple[str, list[str]]] = []
        for m in _CAPITALISED.finditer(text):
            if any(a <= m.start() < b for a, b, _ in spans):
                continue
            word = m.group().removesuffix("'s").removesuffix("’s")
            known = self.words.get(word, ())
            if not known:
                continue
            fits = [n for n in known if word in (n.split()[0], n.split()[-1]) and n in self.persons]
            if title := _TITLE_BEFORE.search(text, 0, m.start()):
                # (A courtesy title marks the one whose surname it is as a person: "Mr. Blinken", of "Antony J.
                # Blinken".)
                fits = fits or [n for n in known if word == n.split()[-1]]
                # (Not one introduced there as someone new: "Mrs Garvie, her mother, said ...".)
                if fits:
                    titled.append(("m" if title["m"] else "f" if title["f"] else "?",
                                   [] if _APPOSED.match(text, m.end()) else fits))
                continue
            if not fits:
                continue
            named.append(fits)
            found.append((m.start(), m.end(), "|".join(fits)))
        return named, found, titled


_APPOSED = re.compile(r"(?:['’]s)?,\s+(?:his|her|their|the|a|an)\s+[a-z]+")
# What marks a name as a person's right after it: an age, a "who" clause ("Dennis Marlow, who runs ...").
_PERSON_AFTER = re.compile(r",\s+(?:who\b|aged \d|\d{1,3}(?:,|\s+and\b))")
_ROLE_AFTER = re.compile(r",\s+(?:the|a|an)\s+(?:[a-z'’-]+\s+){0,2}?([a-z]+)\b(?:\s+(?:of|at|for)\b|,)")
# A role written before a name at the start of a sentence ("Cyclist Marit Dahl"): no part of the name.
_ROLE_WORD = re.compile(r"[A-Z][a-z]+(?:ist|er|or|ian|ant|ent)")


_TITLES = frozenset({"Cllr", "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Rev", "Lord", "Lady"})


def _names(text: str) -> list[tuple[int, int, str]]:
    """`names_in`, without a role word or a title before the name ("Cyclist Marit Dahl", "Cllr Marcus Bellingham")."""
    out = []
    for start, end, name in names_in(text):
        first, _, rest = name.partition(" ")
        if len(name.split()) >= 3 and (_ROLE_WORD.fullmatch(first) or role_noun(first) or first.rstrip(".") in _TITLES):
            start, name = start + len(first) + 1, rest
        out.append((start, end, name))
    return out


_KIN_BEFORE = re.compile(r"\b(?:her|his) $")


def _unnamed(text: str, found: Sequence[tuple[int, int, str]]) -> list[str]:
    """The genders ("m", "f", "?") of the singular person nouns of `text` that stand apart from every name."""
    out = ["?" for m in _AGED.finditer(text)
           if not any(a - _BESIDE <= m.start() and m.end() <= b + _BESIDE for a, b, _ in found)]
    for m in _NOUN.finditer(text):
        word = m.group()
        if word not in PERSON_NOUNS and word not in _FEMALE_NOUNS | _MALE_NOUNS:
            continue
        if any(a - _BESIDE <= m.start() and m.end() <= b + _BESIDE for a, b, _ in found):
            continue
        if found and _KIN_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # the kin of someone the sentence names ("Cardew was met on the quay by her mother")
        out.append("f" if word in _FEMALE_NOUNS else "m" if word in _MALE_NOUNS else "?")
    return out


def referent(sentences: Sequence[Sentence], i: int, article: _Article) -> str:
    """The full name the pronoun opening `sentences[i]` stands for, or "" (see the module docstring); `article`
    has read the article's sentences before it."""
    s = sentences[i]
    opening = _OPENING.match(s.text)
    if opening is None:
        return ""
    gender = _gender_of(opening.group(1) or opening.group(2))
    if ("m" if gender == "f" else "f") in _pronouns(unquoted(s.text)):
        return ""  # "She raised the alarm ... when he had not returned"
    read = 0  # sentences read back that could name someone
    for k in range(i - 1, max(-1, i - 1 - MAX_BACK_QUOTED), -1):
        if sentences[k].doc != s.doc or read == MAX_BACK:
            break
        text = unquoted(without_speaker(sentences[k].text))
        # (A quotation alone, or one said by a pronoun of the same gender, carries the chain back without counting:
        # '"I've been dreaming about a cold drink ...," she said.' / '"My hands are wrecked ..."'.)
        if not _CAPITALISED.search(text, 1) and _pronouns(text) <= {gender} and not _unnamed(text, []) \
                and len(text) < len(sentences[k].text):
            continue
        read += 1
        named, found, titled = article.people(text)
        # A sentence whose subject is a name the article has not marked as anyone's ("Owen Prydderch was found ...
        # by two volunteers, Ruth Ambrose and Dev Malhotra-Kerr"): the pronoun may well stand for it.
        if (subject := _SUBJECT.match(text)) is not None and _SUBJECT_NAME.fullmatch(subject.group(1)) \
                and not any(subject.group(1) in name.split("|") for _, _, name in found):
            return ""
        fits: list[str] = []
        for names in named:
            options = [n for n in names if article.may_be(n, gender)]
            if len(options) > 1:
                return ""  # a surname two of the article's people share, and nothing says which
            fits += [n for n in options if n not in fits]
        # A courtesy title of the pronoun's gender before a surname one person of that gender has in the article:
        # "Mrs Vosper died at home on Sunday" (Harriet, not Peter Vosper).
        for title, people in titled:
            if title == gender and len(known := [n for n in people if article.is_of(n, gender)]) == 1:
                fits += [n for n in known if n not in fits]
        unnamed = [g for g in [*_unnamed(text, found), *(t for t, people in titled
                                                         if not (t == gender and [n for n in people if n in fits]))]
                   if g in ("?", gender)]
        # One introduced as the kin of someone of that gender is not whom it stands for, and stands between it and
        # that one ('Her daughter, Clare Vosper-Lind, said: "..."' / "Her funeral will be held ...", the mother's).
        if (kin := _KIN_OF.search(text)) and ("f" if kin.group(1).lower() == "her" else "m") == gender:
            if kin.group(2) and article.is_of(kin.group(2), gender):
                return kin.group(2)  # whose kin, named already: 'Her [Harriet Vosper’s] daughter, Clare ...'
            continue
        if len(fits) == 1 and not unnamed:
            # (Only someone the article says is of the pronoun's gender: a name of unknown gender may be the
            # one meant as easily as someone it does not name.)
            return fits[0] if article.is_of(fits[0], gender) else ""
        if fits or unnamed:
            # Of several, a subject pronoun stands for the subject the sentence before opens with ("Mr. Blinken had
            # ... discussions in separate meetings with Mr. Xi; Wang Yi ... and Qin Gang" / "Referring to the
            # rivalry ..., he asserted"), when the article says who is of its gender.
            if k == i - 1 and (opening.group(1) or "").lower() not in ("his", "her"):
                return _subject(text, article, gender)
            return ""
        if gender not in _pronouns(text) and named:
            return ""  # only people it cannot stand for: whoever it is was named further back, past them
    return ""


# An animal: an article that names one calls it "he" or "she" as readily as a person ("Vet Lowenna Carne said he
# was thin and a bit dehydrated", of a parrot), so its pronouns are left alone.
_ANIMALS = frozenset({
    "animal", "animals", "pet", "pets", "dog", "dogs", "puppy", "cat", "cats", "kitten", "horse", "horses", "pony",
    "ponies", "cob", "mare", "stallion", "foal", "donkey", "cow", "cows", "bull", "calf", "sheep", "lamb", "goat",
    "goats", "pig", "pigs", "boar", "deer", "stag", "fox", "badger", "otter", "seal", "seals", "lion", "whale",
    "dolphin", "bird", "birds", "parrot", "owl", "eagle", "hawk", "falcon", "stork", "swan", "goose", "penguin",
    "penguins", "tortoise", "snake", "lizard", "lynx", "wolf", "bear", "panda", "tiger", "monkey", "gorilla",
    "elephant", "giraffe", "cub", "cubs", "bee", "bees"})


_SUBJECT = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+)?((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+"
                      r"(?:had|has|was|is|said|says|told|met|held|spoke|made|gave|took|went|added|[a-z]+ed)\b")


_SUBJECT_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}")


def _subject(text: str, article: _Article, gender: str) -> str:
    """The one person of `gender` the article knows whose name opens `text` as its subject, before its verb; ""."""
    m = _SUBJECT.match(text)
    if m is None:
        return ""
    last = m.group(1).split()[-1]
    people = [n for n in article.words.get(last, ()) if n.split()[-1] == last and n in article.persons
              and article.is_of(n, gender)]
    return people[0] if len(people) == 1 else ""


# Someone introduced as another's kin: "Her daughter, Clare Vosper-Lind", "his widow Ann".
_KIN_OF = re.compile(r"\b(her|his)\s+(?:\[([^\]]{2,80}?)['’]s\]\s+)?(?:[\w-]+\s+)?(?:great-)*(?:grand)?"
                     r"(?:son|daughter|mother|father|child|brother|sister|husband|wife|widow|widower|nephew|niece|"
                     r"partner)\b,?\s+(?-i:[A-Z])", re.I)


def referent_prior(texts: Iterable[str]) -> dict[str, set[str]]:
    """What the whole story's courtesy titles say of each surname's gender ("Ms Cardew": {"Cardew": {"f"}})."""
    prior: dict[str, set[str]] = {}
    for text in texts:
        if "M" in text or "D" in text or "L" in text or "S" in text:
            for m in _TITLED.finditer(text):
                prior.setdefault(m.group(2), set()).add("m" if m.group(1) in ("Mr", "Sir", "Lord") else "f")
    return prior


def name_referents(sentences: Sequence[Sentence], prior: dict[str, set[str]] | None = None) -> list[Sentence]:
    """`sentences`, each paragraph's opening pronoun followed by its person's name in brackets where one fits.

    Each article is read alone but for `prior`, what the whole story's courtesy titles say (`referent_prior` of the
    sentences when not given): the articles of a story may be named in parts, given the whole story's prior."""
    out = list(sentences)
    # Only the articles with a paragraph that opens with a pronoun are read, up to their last such paragraph.
    last: dict[int, int] = {s.doc: i for i, s in enumerate(sentences)
                            if i and sentences[i - 1].paragraph != s.paragraph and _OPENING.match(s.text)}
    if not last:
        return out
    animals = {s.doc for s in sentences if s.doc in last and not _ANIMALS.isdisjoint(words(s.text))}
    if prior is None:
        prior = referent_prior(s.text for s in sentences)
    article = _Article(prior)
    for i, s in enumerate(sentences):
        if i == 0 or sentences[i - 1].doc != s.doc:
            article = _Article(prior)
        if s.doc in animals or i > last.get(s.doc, -1):
            continue
        if _OPENING.match(s.text) and sentences[i - 1].paragraph != s.paragraph \
                and (name := referent(out, i, article)):
            # (Within a paragraph a sentence that leans back is quoted with the one before it.)
            out[i] = replace(s, text=with_referent(s.text, name))
        article.read(out[i])
    return out
