"""Key quotes: the most central direct quotations, verbatim, each with its speaker's full name.

1. every span between quotation marks of at least `MIN_QUOTE_WORDS` words is a quotation;
2. its speaker is the person the sentence names outside the quotation ("..., Glaser said"), a short name
   resolved through the cast ("Xi" -> "Xi Jinping"), or for "he said" the person last named before it in the
   same article; when no article names one, the quote keeps how the article introduces the speaker
   ("a council spokesperson") and an empty `speaker`;
3. it is credited to every source that prints the same words;
4. centrality: how many sources print it, how widely its content words recur across sources, and how
   important its speaker is. At most `PER_SPEAKER` quotations per speaker.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from briefer.clean import AMENDED_SPEAKER
from briefer.model import Quote
from briefer.people import FAMILY, NAME_WORD, TITLES, Cast, names_in, role_noun
from briefer.text import STOP_WORDS, content_stems, stem, words, zipf

# Double quotation marks, or single ones as British papers print them (‘...’, an apostrophe inside a word kept:
# ‘It’s overdue’).
# (A straight mark after a letter closes, before one opens: the words between '"fair" and ... had been "scheduled' are
# no quotation.)
_QUOTED = re.compile(r"(?:“|(?<![\w.,!?;:])\")([^“”\"]{10,600})(?:”|\"(?!\w))|‘((?:[^‘’“”\"]|’(?=\w)){10,600})’(?!\w)")
# Quotations in German or French marks („...“, « ... »): words in another language, each followed by its English
# translation, which is the quotation to print. Blanked out (positions kept) before quotations are looked for, so
# that a German closing mark “ opens no quotation.
_FOREIGN = re.compile(r"„[^“”\"\n]{1,600}[“”]|«[^»\n]{1,600}»|»[^«\n]{1,600}«")


def _english_marks(text: str) -> str:
    """`text` with its German and French quotations blanked out (see `_FOREIGN`)."""
    return _FOREIGN.sub(lambda m: " " * len(m.group()), text) if ("„" in text or "«" in text or "»" in text) else text
MIN_QUOTE_WORDS = 4
# A quotation opening in lower case is a phrase inside reported speech: a key quote only when it says this much.
MIN_FRAGMENT_WORDS = 10
MAX_QUOTES = 5
PER_SPEAKER = 2
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|asked|wrote|warned|noted|explained|argued|insisted|declared|"
                     r"replied|answered|admitted|conceded|according to|saying|calling)\b")
_PRONOUN = re.compile(r"\b(?P<p1>he|she)\s+(?:said|says|told|added|asked|wrote|warned|noted|explained|argued|"
                      r"replied|answered|admitted|conceded)\b|"
                      r"\b(?:said|says|added)\s+(?P<p2>he|she)\b", re.I)
# How an article names a speaker it does not name: "a spokesperson for the council said".
_UNNAMED_WHO = (r"((?:an?|the|one|two|several|some)\s+(?:[\w-]+\s+){0,4}?"
                r"(?:spokesperson|spokesman|spokeswoman|official|officials|resident|residents|witness|"
                r"engineer|worker|workers|source|sources|statement|member|members|teacher|parent|driver|"
                r"nurse|doctor|farmer|owner|manager|analyst|expert|ministry|council|company|union|brewery|firm|"
                r"judge|prosecutor|magistrate|coroner|"
                r"neighbou?rs?|shopkeepers?|traders?|passengers?|commuters?|visitors?|villagers?|islanders?|"
                r"customers?|volunteers?|students?|fishermen|fisherman|locals?|shoppers?|diners?)"
                r"(?:\s+(?:for|of|at|from|on|in|near)\s+(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]+)*)?)")
_UNNAMED = re.compile(rf"\b{_UNNAMED_WHO}\s+(?:said|says|told|added)\b", re.I)
# ... and after the verb: '"...," said a spokeswoman for the society.'
_UNNAMED_AFTER = re.compile(rf"\b(?:said|says|added)\s+{_UNNAMED_WHO}(?=\s*[.,;]|$)", re.I)
_REFERENCE = re.compile(r"\bthe (?:[\w-]+ ){0,3}(?:leader|minister|president|secretary|mayor|official|chief|"
                        r"diplomat|envoy|spokesperson|spokesman|spokeswoman)\s+(?:said|says|told|added)\b", re.I)
_PRONOUN_BACK = 3
# An organisation as speaker: "the State Department said", "Harbour Authority officials told".
_BODY = re.compile(r"\b((?:the )?[A-Z][\w.’'-]*(?: (?:of )?[A-Z][\w.’'-]*)*)(?: officials?)? "
                   r"(?:said|says|told|added)\b")
# What follows an attributed quotation to the end of its sentence: ', Tamm said.', ' said the minister.'
# (... with the speaker's post set off in commas: '," Dr Imogen Farrant, a consultant in health protection at the
# agency, told Albion Wire.')
_ATTRIBUTION = re.compile(r"^[,.]?\s*(?:[\w.’'-]+\s+){0,5}?(?:[\w.’'-]+,[^,“\"]{1,80},\s+)?"
                          r"(?:said|says|told|tells|added|wrote|asked)\b[^“\"]{0,160}$")
# A context naming an organisation rather than an unnamed person: "the State Department", "the ministry".
_ORGANISATION = re.compile(r"^(?:the )?[A-Z]|^(?:the|a) (?:[\w-]+ ){0,3}(?:ministry|council|company|brewery|firm|union|"
                           r"government|department|agency|authority|police|court)$")
REACH = 220  # characters either side of a quotation searched for its speaker
SUBJECT_REACH = 30  # characters between a speaker's name and the speech verb


@dataclass(frozen=True, slots=True)
class Said:
    """A sentence as the quote finder needs it: its source id, article index, position and text."""

    source: int
    doc: int
    position: int
    text: str
    # Its last quotation runs on into the next paragraph, the way a quotation of several paragraphs is printed (no
    # closing mark, the next paragraph opening with one); `text` closes it (`run_on`).
    runs_on: bool = False


# A paragraph that opens with who says what: "Mrs Maudsley said afterwards that ...", "Superintendent Bright said".
_NAMED_SAYS = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Miss)\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2} (?:said|says|told)\b")


def run_on(paragraphs: Sequence[Said]) -> list[Said]:
    """The paragraphs with each quotation left open for the next paragraph to carry on closed at its paragraph's
    end and marked `runs_on` ('Ms Rook said: "This is the hardest thing ...' / '"We have tried everything ...' /
    '"I am sorry. ..."'): each paragraph's part is a quotation of its own, and the speaker of the first is the
    speaker of the rest."""
    out = list(paragraphs)
    for k in range(len(out) - 1):
        here, after = out[k], out[k + 1]
        if after.doc != here.doc or after.text.lstrip()[:1] not in ("“", '"'):
            continue
        marks = _english_marks(here.text)
        curly = marks.rfind("“")
        if curly >= 0 and "”" not in marks[curly:]:
            out[k] = replace(here, text=here.text.rstrip() + "”", runs_on=True)
        elif curly < 0 and marks.count('"') % 2:
            out[k] = replace(here, text=here.text.rstrip() + '"', runs_on=True)
    return out


def _bare(quoted: str) -> str:
    """A quotation as the list prints it: without the comma or full stop that ends it in its sentence (an
    ellipsis, "?" and "!" stay)."""
    quoted = quoted.rstrip(",;:")
    return quoted[:-1] if quoted.endswith(".") and not quoted.endswith("..") else quoted


def quote_key(text: str) -> str:
    """A text's words as quotations are matched: lower case, punctuation left out, joined by single spaces."""
    return " ".join(words(text))


_DASHED_SPEAKER = re.compile(rf"[”\"]?\s*[—–]\s*(?P<name>(?:(?:The|Rev|Revd|Dr|Prof|Cllr)\.?\s+){{0,3}}"
                             rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})(?=,|\s*$)")


_GIVEN_SPEAKER = re.compile(r"\[([^\]\n]{2,60}):\] ")


def _owners(text: str, cast: Cast) -> set[str]:
    """The people `text` names only as owners ("Mrs Carrow's daughter"), never otherwise."""
    owned: dict[str, bool] = {}
    for at, name in cast.mentions(text):
        end = text.find(" ", at)
        word = text[at:end if end >= 0 else len(text)]
        possessive = word.rstrip(",.;:").endswith(("'s", "’s"))
        owned[name] = owned.get(name, True) and possessive
    return {name for name, only in owned.items() if only}


def _speaker(sentence: Said, quote_span: tuple[int, int], cast: Cast, before: Sequence[Said]) -> tuple[str, str]:
    """(full name or "", context) of who says the quotation in `sentence`."""
    text = sentence.text
    # A quotation its article sets under its speaker ("[Aukland:] "When I saw him go down ..."": a "What Aukland said"
    # heading's, or a transcript's): theirs.
    if (given := _GIVEN_SPEAKER.match(text)) is not None and not text[given.end():quote_span[0]].strip(" \"“‘"):
        known = cast.people_in(given.group(1))
        return (known[0] if known else given.group(1)), ""
    # The words around the quotation, up to the sentence ends on either side.
    before_quote = re.split(r"(?<=[.!?])\s+", text[: quote_span[0]])
    head = before_quote[-1][-REACH:]
    if _TRANSLATION.match(head.strip()):
        # A translation of the quotation before it ('... said in Dutch: "Wij betreuren ..."' / 'That translates
        # as: "We deeply regret ..."'): the same speaker's.
        previous = [e for e in before if e.doc == sentence.doc and e.position == sentence.position - 1]
        quoted = list(_QUOTED.finditer(_english_marks(previous[-1].text))) if previous else []
        if quoted:
            return _speaker(previous[-1], quoted[-1].span(), cast, [e for e in before if e is not previous[-1]])
        return "", ""
    # A speaker set after the quotation with a dash, as a pull quote's footer reads ('"..." — Ruth Penhallow, tower
    # captain', `briefer.read.ingest`).
    dashed = _DASHED_SPEAKER.match(text, quote_span[1])
    if dashed and not head.strip():
        name = dashed["name"].split()
        while len(name) > 2 and (role_noun(name[0]) or name[0] in ("The", "Rev", "Revd")):
            name = name[1:]
        return " ".join(name), ""
    tail = _TAIL_END.split(text[quote_span[1]: quote_span[1] + REACH])[0]
    outside = head + " \x00 " + tail
    verbs = [m.start() for m in _SPEECH.finditer(outside)]
    if not verbs and not head.rstrip().endswith(":"):
        # A quotation that follows an attributed one with nothing of its own ('"...," Tamm said. "The company
        # has to ..."') continues it: the same speaker.
        if not head.strip() and len(before_quote) > 1:
            return _continued(text[: quote_span[0]].rstrip(), sentence, cast, before)
        previous = [e for e in before if e.doc == sentence.doc and e.position == sentence.position - 1]
        if not head.strip() and previous and previous[-1].runs_on:
            # ... a paragraph of a quotation that runs on from the one before (`run_on`): its speaker's.
            last = list(_QUOTED.finditer(_english_marks(previous[-1].text)))
            if last:
                return _speaker(previous[-1], last[-1].span(), cast, [e for e in before if e is not previous[-1]])
        lead = re.split(r"(?<=[.!?])\s+", previous[-1].text.strip())[-1] if previous else ""
        # ... the first paragraph of one, after a paragraph that introduces it ("In a statement, Superintendent
        # Nicola Bright of Westmarsh Police said:", also before a quotation of one paragraph) or that reports its
        # speaker ("Mrs Maudsley said afterwards that she had made herself stay until the end."): that paragraph's
        # speaker.
        if not head.strip() and previous and (lead.endswith(":") or (sentence.runs_on and _NAMED_SAYS.match(lead))):
            joined = replace(sentence, text=lead.rstrip(":.") + ": " + text, runs_on=False)
            offset = len(joined.text) - len(text)
            return _speaker(joined, (quote_span[0] + offset, quote_span[1] + offset), cast,
                            [e for e in before if e is not previous[-1]])
        if not head.strip() and previous:  # a paragraph that opens with it: the previous paragraph's last sentence
            return _continued(previous[-1].text.strip(), sentence, cast, before)
        return "", ""
    # A sentence that opens with its speaker's name, whose apposition names others before "said:" ("Sandra Olufemi,
    # head teacher of Lenwick Academy, where Ellis is studying for his A-levels, said:"): the name it opens with.
    if (opener := _OPENER_SAYS.match(head)) is not None:
        known = cast.people_in(opener.group(1))  # who's who's name for it ("Mr Tarrant" is Owen Tarrant)
        name = opener.group(1).split()
        while len(name) > 2 and (role_noun(name[0].lower()) or name[0].rstrip(".") in TITLES):
            name = name[1:]  # "Shopper Derek Maunder", "Councillor Neil Tavener", "Dr Helena Marr"
        if known:
            return known[0], ""
        if len(name) == 2 and name[0].rstrip(".") not in TITLES and not role_noun(name[0].lower()):
            return " ".join(name), ""
    # The speaker is named right before a speech verb ("Glaser said", "Blinken told reporters") or right after
    # it ("said Kurt Campbell"); a name further away is someone the sentence talks about.
    # (Not a family named by its surname: "Jonathan Achebe, the solicitor for the Pryce family, said".)
    close = [(min(_gap(outside, at + len(name), v) if v >= at else _gap(outside, v, at, titled=True)
                  for v in verbs or [len(head)]), name) for at, name in cast.mentions(outside)
             if not (outside[:at].endswith(("the ", "The ")) and _FAMILY_AFTER.match(outside, at))]
    close = [(d, name) for d, name in close if d <= SUBJECT_REACH]
    if close:
        return min(close)[1], ""
    # "the judge said": the one person of the story whose role is that noun ("Judge Miriam Acheson").
    holder = _role_holder(outside, cast) or _titled_holder(outside, [*before, sentence], cast)
    if holder:
        return holder, ""
    if _PRONOUN.search(outside) or _REFERENCE.search(outside):
        # "he said", "the Chinese leader told ...": the subject of the nearest earlier sentence that names someone.
        # Each earlier sentence's parts, with their quotations blanked: no name inside a quotation is the one the
        # pronoun stands for ('said: "... Closing Elm Ward to new patients is the fastest way ..."' / 'She added:').
        earlier_texts = [part for e in before[-_PRONOUN_BACK:] for part in _parts(e.text)]
        pronoun = _PRONOUN.search(outside)
        said = (pronoun["p1"] or pronoun["p2"]) if pronoun else ""
        # A paragraph about no one between the quotation and the last person named ("Falcons goaltender Mia Sandor
        # ... made 24 saves." / "A crowd of 5,912 watched the game, the arena said." / '"I just closed my eyes and
        # picked a corner," she said'): too far to say the words are theirs.
        nobody = {t for e in before[-_PRONOUN_BACK:] if said and not names_in(e.text)
                  and not re.search(_SAME_PERSON[said.lower()], e.text)
                  for t in re.split(r"(?<=[.!?])\s+", e.text)}
        other = {"he": "she", "she": "he"}.get(said.lower(), "")
        taken = False  # the last sentence read gave its quotation to the other pronoun ('"...," he said.')
        for earlier, bare in reversed(earlier_texts + [(t, _blanked(t)) for t in before_quote[:-1]]):
            if not bare.strip(" .!?\"“”‘’'"):
                # (A sentence wholly inside a quotation, the rest of one that opened before it, names no subject.)
                continue
            if said and re.search(rf"(?:^|,\s+){said}\s+(?:added|said|says|told|went on)\b", earlier.strip(), re.I):
                # The same speaker told on ('He added that Fulford was ...', "Speaking to Radio Skelda from his bed
                # ..., he said doctors had told him ..."): whom it names is not them.
                continue
            found = [name for name in cast.people_in(bare) if not said or cast.may_be(name, said)]
            # (Not a name told only as the owner of the one after it: "Mrs Carrow's daughter, Janet Carrow-Bright,
            # welcomed the inquiry." is the daughter's sentence.)
            owners = _owners(bare, cast)
            found = [name for name in found if name not in owners] or found
            if found and taken:
                # The person that "he" stood for is no "she" (a paragraph on Councillor Quayle, '"...," he said',
                # then "She said ..." of someone the article never names).
                found = found[1:]
                taken = False
            if found:
                return found[0], ""
            taken = taken or bool(other and re.search(rf"\b{other}\s+(?:said|says|added|told)\b", earlier, re.I))
            unheld = [name for _, _, name in names_in(bare) if not cast.people_in(name)]
            if unheld:
                # Someone who's who does not hold is named closer ("Earlier, midwife Sarah Linden told the
                # inquiry ..." before '"...," she said'): not the one it names further back; that one, when the
                # closer sentence's speaker ("The group's organiser, retired headteacher Peter Kitto, said ..."),
                # or when the sentence names no one else and opens with the name or tells of something theirs
                # ("Gwen Pryce, of Top Hollins Farm, lost 85 ewes in a single night.", "Among them were 61 of Gwen
                # Pryce's ewes.").
                says = _NAME_SAYS.search(earlier)
                if says:
                    return _sayer(says), ""
                only = unheld[0]
                if set(unheld) == {only} and (earlier.lstrip("“\"").startswith(only)
                                              or re.search(rf"\b{re.escape(only)}['’]s\b", earlier)):
                    return only, ""
                # ... or when it is the sentence's subject, after a few words that describe them ("Her classmate
                # Ravi Desmond won four A* grades ...") or before an affiliation ("Bernadette Okafor-Lyle of Keep
                # Tarnvale Moving ... called it "half a victory"").
                if _SUBJECT_FIRST.match(earlier.lstrip("“\"")) and re.match(
                        rf"(?:[A-Z][a-z'’]* )?(?:(?![a-z]+ed )[a-z][\w'’-]* ){{0,2}}{re.escape(only)}\b(?!['’]s)"
                        rf"(?!,? (?:{_SPEECH_WORDS}))",
                        earlier.lstrip("“\"")) and not _SPEECH.search(earlier[:earlier.find(only)]) \
                        and all(re.search(rf"\b(?:of|from|at|for|in)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,2}}"
                                          rf"{re.escape(other)}\b", earlier) for other in unheld[1:]):
                    # (Any other name is a body or a place it is of: not "Sam Birtle met Jo Hext at the gate".)
                    return only, ""
                return "", ""
            # (Not words inside a quotation: '... said: "We will not gamble ... The moment our engineers told us
            # those beams could fail ..."' is no unnamed "moment" speaking.)
            role = _ROLE_SAYS.match(earlier.strip()) if bare.strip()[:12] == earlier.strip()[:12] else None
            if role:  # "The society's treasurer said ...", "One regular, who said he had drunk there ...": unnamed
                return "", role.group(1)[0].lower() + role.group(1)[1:]
            unnamed = _UNNAMED_SUBJECT.match(earlier.strip())
            if unnamed is not None and not (
                    said and _GENDERED.get(unnamed["who"] or unnamed["kin"] or "") == _OTHER_GENDER.get(said.lower())):
                # "A market trader who was taken to an ambulance ...": someone the article never names (not "Her father
                # bought him ..." before '"...," she said').
                return "", ""
            if earlier in nobody:
                return "", ""
        return "", ""
    # A name right after the verb that who's who does not hold (a passenger quoted once: "said Hanna Berg, who was
    # due to fly to Lisbon").
    named = _SAID_NAME.search(outside)
    if named:
        return named.group(1), ""
    # ... or before it, with the person's age and role between commas ("Leah Marsh, 20, a student at Harlbridge
    # University, said: ...").
    # (... or as the subject of the one speech verb before a quotation run into the sentence: 'His neighbour, Lydia
    # Marsh, told the inquiry the water came through her front door "like someone had opened a tap ..."'.)
    says = _NAME_SAYS.search(head) if head.rstrip().endswith(":") else _KIN_SAYS.match(tail)
    if says is None and len(verbs) == 1 and (subject := _NAME_SAYS.search(head)) is not None \
            and subject.start() <= SUBJECT_OPENING and verbs[0] <= len(head):
        says = subject
    if says:
        name = (_sayer(says) if says.re is _NAME_SAYS else says.group(1)).split()
        while len(name) > 2 and role_noun(name[0]):  # "Headteacher Ruth Penmarrow"
            name = name[1:]
        return " ".join(name), ""
    unnamed = _UNNAMED.search(outside) or _UNNAMED_AFTER.search(outside) or _BODY.search(outside)
    context = unnamed.group(1) if unnamed else ""
    # ("A company spokesman said: ..." opens its sentence: "a company spokesman" in a speaker's place.)
    return "", context[0].lower() + context[1:] if re.match(r"(?:A|An|One|The)\b", context) else context


# The opening of a sentence whose subject is a person named after a few describing words ("Her classmate Ravi
# Desmond won ...", "Retired teacher Ann Lowe, 71, has ...").
_SUBJECT_FIRST = re.compile(r"^(?:(?:[A-Z][a-z'’]*|[a-z][\w'’-]*) ){0,3}[A-Z][\w'’-]+ [A-Z]")
_SPEECH_WORDS = "said|says|told|added"

# Where the words after a quotation end: a sentence's end, not a title's full stop ('," Mr. Whitford said.').
_TAIL_END = re.compile(r"(?<=[.!?”\"])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)(?<!\bProf\.)"
                       r"\s+(?=[A-Z“\"])")


def _blanked(text: str) -> str:
    """`text` with its quotations' words blanked out, of the same length."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), _english_marks(text))


def _parts(text: str) -> list[tuple[str, str]]:
    """A sentence's parts as the splitter may have missed them (each ends with . ! or ?), each with its quotations'
    words blanked (`_blanked`, read over the whole sentence: a quotation may run over parts)."""
    bare = _blanked(text)
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+", text):
        out.append((text[start:m.start()], bare[start:m.start()]))
        start = m.end()
    out.append((text[start:], bare[start:]))
    return out


# A title in quotation marks, not words anyone said: "The Donkey Who Came Late", "A Night at the Opera".
_TITLE = re.compile(r"(?:[A-Z][\w'’-]*|a|an|the|of|in|on|at|to|for|and|or|with|from|by)"
                    r"(?:\s+(?:[A-Z][\w'’-]*|a|an|the|of|in|on|at|to|for|and|or|with|from|by)){1,9}")
# A post quoted whole with its link: an account's notice, not a person's words ("Skelling Swing Bridge is CLOSED to all
# traffic ... Updates: https://eld.sh/k3Tq9").
_POSTED = re.compile(r"https?://|\bwww\.")
# What introduces a translation of the quotation before it: "That translates as:", "That means:", "She was saying:".
_TRANSLATION = re.compile(r"(?:(?:that|this|which|it) (?:roughly )?(?:translates|translated|means|meant)\b[^\"“]{0,30}|"
                          r"(?:he|she|they) (?:was|were) saying|in english|translated|translation)\s*:$", re.I)
# A quotation in another language ("Wij betreuren het verlies van lading ..."): fewer than ENGLISH_SHARE of its words
# English words of some currency, and almost none of English's commonest words (French "un" and "de" are English
# words of some currency too).
ENGLISH_SHARE = 0.7
ENGLISH_ZIPF = 3.0
_CORE_WORDS = ("the a an and of to in is it i we you he she they that this was were be for on with have has not but at "
               "my our his her their are will would can do")
_ENGLISH_CORE = frozenset(_CORE_WORDS.split())


def _foreign(quoted: str) -> bool:
    """Whether a quotation is in another language (wordfreq's English list)."""
    tokens = [w for w in words(quoted) if not w.isdigit()]
    return bool(tokens) and sum(w in _ENGLISH_CORE for w in tokens) < 0.1 * len(tokens) \
        and sum(zipf(w) >= ENGLISH_ZIPF for w in tokens) < ENGLISH_SHARE * len(tokens)


# A surname naming a family, not a person ("the Pryce family").
_FAMILY_AFTER = re.compile(r"[\w'’-]+" + FAMILY.pattern, re.I)
# A statement's stock words, no key quote: "Our thoughts are with both families at this difficult time."
_CONDOLENCE = re.compile(r"(?:our|my) thoughts (?:are|remain) with\b|we would like to thank\b", re.I)
# A pronoun of the same person as the "he" or "she" who speaks.
_SAME_PERSON = {"he": r"(?i:\b(?:he|his|him)\b)", "she": r"(?i:\b(?:she|her)\b)", "they": r"(?i:\b(?:they|their)\b)"}
# Someone named after the quotation with a kinship or role of someone's first ('"...," his brother, Lars Brandt,
# said'): a person, whatever who's who holds.
_KIN_SAYS = re.compile(rf"^[,\s]*(?:his|her|their|its) [a-z][\w'’ -]{{0,40}}?,\s+({NAME_WORD}\s+{NAME_WORD}),?\s+"
                       r"(?:said|says|added)\b")
# A name as the subject of a verb of saying: "Peter Kitto, said twenty people had signed up", "Sarah Linden told",
# "Tom Hebden, 71, a retired fisherman from Kellbridge, said".
_NAME_SAYS = re.compile(rf"({NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})(?:,(?P<apposed>[^;\"“”]{{1,70}}?),)?,?\s+"
                        r"(?:said|says|told|added)\b")


# How far into the words before a quotation its speaker's name may start, as the sentence's subject.
SUBJECT_OPENING = 40
_OPENER_SAYS = re.compile(rf"^\s*({NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}),(?=[^\"“”]*,\s+(?:said|says|added):\s*$)"
                          r"[^\"“”]{1,160},\s+(?:said|says|added):\s*$")


def _sayer(says: re.Match[str]) -> str:
    """Who a `_NAME_SAYS` match says speaks: the name in apposition when the apposition is a name ("The farmer at
    Hollins Farm, Gareth Pennock, said"), else the name before it ("Peter Kitto, 71, a retired teacher, said")."""
    apposed = (says["apposed"] or "").strip()
    return apposed if apposed and any(name == apposed for _, _, name in names_in(apposed)) else \
        _without_role(says.group(1))


def _without_role(name: str) -> str:
    """A name without a role or a title written before it ("Fishmonger Leanne Osei" -> Leanne Osei)."""
    parts = name.split()
    while len(parts) > 2 and (role_noun(parts[0].lower()) or parts[0].rstrip(".") in TITLES):
        parts = parts[1:]
    return " ".join(parts)


# Someone unnamed who speaks, as a sentence's subject: "The society's treasurer said ...", "One regular, who said".
# Words that are no part of a role before "said": "The police have now said ..." names no speaker "police have now".
_AUX = r"(?:have|has|had|now|also|would|will|could|was|were|is|are|then)\b"
_ROLE_SAYS = re.compile(r"((?:The|A|An|One)\s+(?:(?!" + _AUX + r")[\w'’-]+\s+){0,3}?(?!" + _AUX + r")[a-z][\w'’-]*"
                        # ... for a body it names: "A spokesperson for the Department for Schools said ..."
                        r"(?:\s+(?:for|from|at|of)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:for|of|and|the|[A-Z][\w'’&-]*)){0,6})?|"
                        # ... one of a group: "One of the Morwenna's crew, speaking at the harbour, said ..."
                        r"One of (?:the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,2}?[a-z][\w'’-]*)"
                        r"(?:,\s+who\s+(?:said|says)\b|(?:,[^,;\"“”]{1,50},)?\s+(?:said|says|told|added)\b)")
# A sentence about someone unnamed, who may be the one a later "she said" stands for: "A market trader who was
# taken to an ambulance ...", "The second injured person, a 31-year-old delivery driver, had cuts ...".
_UNNAMED_SUBJECT = re.compile(r"^(?:A|An|The|One)\s+(?:[a-z][\w'’-]*\s+){0,3}?(?P<who>person|man|woman|boy|girl|"
                              r"trader|driver|resident|witness|passenger|worker|neighbour|neighbor|shopper|"
                              r"pedestrian|customer|mother|father|teenager)\b(?=,| who\b| had\b| was\b)|"
                              # ... or someone's kin: "Her son was less sure."
                              r"^(?:His|Her|Their)\s+(?:[a-z]+\s+)?(?P<kin>son|daughter|wife|husband|mother|father|"
                              r"brother|sister|partner|grandson|granddaughter|friend|neighbour)\b(?!,? [A-Z])")
# Whom "he" or "she" cannot stand for.
_GENDERED = {**dict.fromkeys(("man", "boy", "father", "son", "husband", "brother", "grandson"), "m"),
             **dict.fromkeys(("woman", "girl", "mother", "daughter", "wife", "sister", "granddaughter"), "f")}
_OTHER_GENDER = {"he": "f", "she": "m"}
# ... after a description and an age: "said the youngest of the men, 24-year-old Emil Sande".
_SAID_NAME = re.compile(r"\b(?:said|says|added)\s+(?:the\s+[^,;\"“”]{1,50},\s+)?(?:\d{1,3}-year-old\s+)?"
                        # ... someone's kin or colleague first: "said his brother-in-law, Hector Ruiz"
                        r"(?:(?:his|her|their|its)\s+[a-z][\w'’ -]{0,40}?,\s+)?"
                        # ... a description in lower case before the name: "said mother-of-two Kerry Haines"
                        r"(?:(?!(?:of|the|a|an|one|two|in|at|from|for|to|on|by|with|who|that)\b)[a-z][\w'’-]*\s+)"
                        r"{0,3}?"
                        r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?"
                        rf"({NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})(?=\s*(?:[,.;]|$))")


# "the judge said", "said the fire chief": a speaker referred to by role alone.
_BY_ROLE = re.compile(r"\b(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)\s+(?:said|says|told|added)\b|"
                      r"\b(?:said|says|added)\s+the\s+(?:[a-z][\w-]*\s+){0,2}?(?P<after>[a-z][\w-]*)\b(?!\s+[A-Z])")


def _role_holder(outside: str, cast: Cast) -> str:
    """The full name of the one person in the story whose role holds the role noun a speaker is referred to by
    ("the judge said" -> Miriam Acheson, "Judge" in who's who), or ""."""
    for m in _BY_ROLE.finditer(outside):
        noun = (m["noun"] or m["after"]).lower()
        if not role_noun(noun):
            continue
        holders = {name for name, role in cast.roles.items() if noun in role.lower().split()}
        return holders.pop() if len(holders) == 1 else ""
    return ""


# Titles a role noun is written as before a surname: "the judge said" after "Mr Justice Fairley ruled".
_TITLES_OF = {"judge": "Judge|Justice", "inspector": "Inspector|Detective Inspector", "detective": "Detective"}


def _titled_holder(outside: str, near: Sequence[Said], cast: Cast) -> str:
    """The one titled name ("Mr Justice Fairley", "Judge Ortiz") that the paragraphs just before call by the role
    noun a speaker is referred to by ("the judge said"), when who's who does not hold the person, or ""."""
    for m in _BY_ROLE.finditer(outside):
        noun = (m["noun"] or m["after"]).lower()
        if noun not in _TITLES_OF:
            continue
        title = re.compile(rf"\b((?:(?:Mr|Mrs|Ms|Lord|Lady)\.?\s+)?(?:{_TITLES_OF[noun]})\s+"
                           rf"(?!Department|Ministry|Minister|Secretary){NAME_WORD}(?:\s+{NAME_WORD})?)\b")
        found: set[str] = {t for said in near for t in title.findall(said.text)}
        # Only someone who's who does not hold: of those it holds, `_role_holder` decides (and two judges are none).
        if len(found) != 1 or any(cast.full_name(word) in cast.everyone for word in next(iter(found)).split()[-2:]):
            return ""
        return str(found.pop())
    return ""


# A role in apposition between a speaker's name and the speech verb ("Lena Dahl, the operator's head of
# operations, told ...") or between the verb and the name ("said the operator's chief, Lena Dahl"): no distance.
_APPOSED = re.compile(r"^,\s[^,;\"“”]{1,60},\s*|(?<=\w)\s+(?:the\s+)?[^,;\"“”]{1,60},\s*$")


# A title between a speech verb and the name after it ("said Fenwater operations director Mark Hale"): a few words
# without punctuation that end in a role noun.
_TITLED = re.compile(r"(?<=\w)((?:\s+[\w’'-]+){1,5})\s*$")


_AFFILIATION = re.compile(r"^\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w'’&-]*"
                          r"(?:\s+(?:of|for|and|the|&|[A-Z][\w'’&-]*)){0,6}"
                          # ("Derek Fairbairn of the Save Station Green campaign said")
                          r"(?:\s+(?:campaign|group|society|trust|association|committee|party|union|club|charity|"
                          r"project|team|network|alliance|coalition|council|company|firm))?"
                          r"(?=\s+(?:said|says|told|added)\b|\s*$)")


def _gap(text: str, start: int, end: int, titled: bool = False) -> int:
    """Characters between a name and a speech verb, not counting a role in apposition, nor a title before the name
    when it comes after the verb (`titled`)."""
    between = _APPOSED.sub(" ", text[start:end], count=1)
    # (Nor the body the name belongs to: "Reuben Oduya of the Harnock Skate Collective said".)
    between = _AFFILIATION.sub(" ", between, count=1) if not titled else between
    title = _TITLED.search(between) if titled else None
    if title and role_noun(title.group(1).split()[-1]):
        return len(between) - len(title.group(1))
    return len(between)


def _continued(previous: str, sentence: Said, cast: Cast, before: Sequence[Said]) -> tuple[str, str]:
    """The speaker of the last quotation in `previous` (the paragraph's text before the quotation, or the paragraph
    before), when what follows it attributes it ('"...," Tamm said.'; a quotation of two sentences read whole, and
    the sentences before it read for a pronoun's person); else ("", "")."""
    last = None
    for found in _QUOTED.finditer(_english_marks(previous)):
        last = found
    if last is None:
        # A quotation that runs on from the paragraph before, which opens it and leaves it open (the way a quotation
        # of several paragraphs is printed): 'Head keeper Kit Varley said: "She came straight to the bucket. ...'.
        marks = _english_marks(previous)
        curly = marks.rfind("“")
        opened = curly if curly >= 0 and "”" not in marks[curly:] else marks.rfind('"') if marks.count('"') % 2 else -1
        if opened >= 0 and previous[:opened].rstrip().endswith(":"):
            closed = previous + ("”" if opened == curly else '"')
            return _speaker(replace(sentence, text=closed), (opened, len(closed)), cast, before)
        return "", ""
    rest = previous[last.end():]
    # ... or that attributes it and opens a quotation it leaves open, run on into this paragraph ('"The staff did
    # the right thing," she said. "They got people out quickly.' / '"That saved us time."').
    run_on = _RUN_ON.match(rest)
    if not _ATTRIBUTION.match(run_on.group(1) if run_on else rest):
        return "", ""
    return _speaker(replace(sentence, text=previous), last.span(), cast, before)


# An attribution, then a quotation opened and not closed: '" she said. "They got people out quickly'.
_RUN_ON = re.compile(r"^(.*?[,.])\s*[“\"][^“”\"]*$", re.S)


def amended(speaker: str, quoted: str, notes: Sequence[str], cast: Cast) -> str:
    """The speaker an editor's note puts right (`AMENDED_SPEAKER`) in place of the one an article first named, when
    the quotation is of what the note is about (a content word in common); else `speaker`."""
    if not speaker or not notes:
        return speaker
    surname = speaker.split()[-1]
    for note in (m for text in notes for m in AMENDED_SPEAKER.finditer(text)):
        if surname in note["wrong"] and set(content_stems(note["about"])) & set(content_stems(quoted)):
            right = cast.people_in(note["right"])
            return right[0] if right else " ".join(note["right"].split()[-2:])
    return speaker


def _may_print(key: str, sources_of: dict[str, set[int]], texts_by_source: dict[int, str]) -> set[int] | dict[int, str]:
    """The sources that print every word of `key` (all of them for a key without words)."""
    keys = key.split()
    if not keys:
        return texts_by_source
    # The rarest word's sources first: each further intersection then walks a small set.
    return set.intersection(*sorted((sources_of.get(word, set()) for word in keys), key=len))


@dataclass(frozen=True, slots=True)
class _Pending:
    """A quotation found, with what its score's upper bound needs and what its exact score will need."""

    sentence: Said
    span: tuple[int, int]
    before: list[Said]
    quoted: str
    may: int  # how many sources print its rarest word
    spread: float
    whole: int
    upper: float


def key_quotes(sentences: Sequence[Said], cast: Cast, limit: int = MAX_QUOTES) -> tuple[Quote, ...]:
    """The `limit` most central quotations of the story, each credited to every source that prints it."""
    return ranked_quotes(sentences, cast, limit)[0]


def ranked_quotes(sentences: Sequence[Said], cast: Cast, limit: int = MAX_QUOTES, spare: int = 0,
                  stale: Callable[[Said, str], bool] | None = None, notes: Sequence[str] = (),
                  also: Sequence[Said] = ()) -> tuple[tuple[Quote, ...], tuple[Quote, ...]]:
    """`key_quotes`, and up to `spare` more in the order they rank (a speaker's third among them): what the once
    stage prints in place of a key quote it leaves out (a fact printed above, a quote told again). A quotation
    `stale` holds for (its sentence, its words) is left out. `also`: sentences of sources no quotation is taken
    from (a preview a later report overtakes), which are still credited with the quotations they print."""
    keys_by_source: dict[int, list[str]] = {}
    words_by_source: dict[int, set[str]] = {}
    for s in [*sentences, *also]:
        tokens = words(s.text)
        keys_by_source.setdefault(s.source, []).append(" " + " ".join(tokens) + " ")  # its `quote_key`
        words_by_source.setdefault(s.source, set()).update(tokens)
    # (One space between sentences, as within them: a quotation of two sentences is found across the split.)
    texts_by_source = {source: " " + " ".join(key.strip() for key in keys) + " "
                       for source, keys in keys_by_source.items()}
    # Which sources print a word: a quotation is looked for only in the sources that print all its words.
    sources_of: dict[str, set[int]] = {}
    stem_sources: Counter[str] = Counter()  # how many sources use a content stem
    for source, used in words_by_source.items():
        for word in used:
            sources_of.setdefault(word, set()).add(source)
        stem_sources.update({stem(w) for w in used if w not in STOP_WORDS and not w.isdigit()})
    rank = {p.name: i for i, p in enumerate(cast.people)}
    # Each quotation's score is first bounded from above (every source that prints all its words, the most
    # important speaker) and made exact only when its bound could put it in the list: finding the speaker and
    # the sources that print the whole quotation was most of the time on large stories (a lazy greedy: the
    # quotations come out in exactly the order a full sort by score gives).
    pending: dict[str, _Pending] = {}
    for i, sentence in enumerate(sentences):
        before = [s for s in sentences[max(0, i - _PRONOUN_BACK): i] if s.doc == sentence.doc]
        for m in _QUOTED.finditer(_english_marks(sentence.text)):
            quoted = (m.group(1) or m.group(2)).strip()
            n = len(quoted.split())
            if n < MIN_QUOTE_WORDS or (quoted[:1].islower() and n < MIN_FRAGMENT_WORDS) or _CONDOLENCE.match(quoted) \
                    or _foreign(quoted) or _TITLE.fullmatch(quoted) or _POSTED.search(quoted):
                # a few words quoted inside reported speech ('... had been "the hardest of my career"'), or words in
                # another language (its translation is the quotation to print)
                continue
            key = quote_key(quoted)
            if key in pending or (stale is not None and stale(sentence, quoted)):
                continue
            # At most as many sources as print its rarest word print it.
            may = min((len(sources_of.get(word, ())) for word in key.split()), default=len(texts_by_source))
            stems = content_stems(quoted)
            spread = sum(stem_sources[s] for s in stems) / max(len(stems), 1)
            # A whole quoted sentence reads better out of context than a fragment ("made clear that ...").
            whole = quoted[:1].isupper() + bool(re.search(r"[.!?,]$", quoted))
            upper = 2.0 * may + spread + 3.0 * 1.0 + 2.0 * whole + 0.1 * min(len(quoted.split()), 30)
            pending[key] = _Pending(sentence, m.span(), before, quoted, may, spread, whole, upper)

    in_doc: dict[int, list[tuple[str, _Pending]]] = {}  # each article's quotations, padded keys, in found order
    for other_key, other in pending.items():
        in_doc.setdefault(other.sentence.doc, []).append((f" {other_key} ", other))

    def exact(key: str, p: _Pending) -> tuple[float, Quote]:
        speaker, context = _speaker(p.sentence, p.span, cast, p.before)
        padded = f" {key} "
        # Words of a longer quotation are its speaker's, whoever a headline puts beside them ('Kelsby deny Rovers
        # approach for Castellano: "She is going nowhere"', from the chairman's '"... and she is going nowhere,"').
        longer = [other for other_padded, other in in_doc[p.sentence.doc]
                  if len(other.quoted) > len(p.quoted) and padded in other_padded]
        if longer:
            whose, said = _speaker(longer[0].sentence, longer[0].span, cast, longer[0].before)
            if whose or said:
                speaker, context = whose, said
        speaker = amended(speaker, p.quoted, notes, cast)
        printed = tuple(sorted(src for src in _may_print(key, sources_of, texts_by_source)
                               if padded in texts_by_source[src]))
        importance = 1.0 / (1 + rank.get(speaker, len(rank) + 2))
        score = (2.0 * len(printed) + p.spread + 3.0 * importance + 2.0 * p.whole
                 + 0.1 * min(len(p.quoted.split()), 30))
        if speaker:
            context = cast.roles.get(speaker, "")
        body = not speaker and bool(_ORGANISATION.search(context))
        why = (f"printed by {len(printed)} source{'s' if len(printed) != 1 else ''}",
               f"centrality {p.spread:.1f}", f"speaker: {speaker or context or 'not named'}")
        return score, Quote(text=_bare(p.quoted), speaker=speaker, sources=printed or (p.sentence.source,),
                            why=why, context=context, body=body)

    # Whole quoted sentences first: a fragment ("made clear that ...") only fills a short list. Among equals,
    # the first found first (as a stable sort leaves them).
    keys = list(pending)
    heap: list[tuple[bool, float, int, Quote | None]] = [
        (not _bare(p.quoted)[:1].isupper(), -p.upper, n, None) for n, p in enumerate(pending.values())]
    heapq.heapify(heap)
    chosen: list[Quote] = []
    spares: list[Quote] = []
    per: Counter[str] = Counter()
    said_in: set[tuple[str, int, int]] = set()
    late: list[Quote] = []
    while heap and (len(chosen) < limit or len(spares) < spare):
        fragment, _, n, quote = heapq.heappop(heap)
        if quote is None:
            score, made = exact(keys[n], pending[keys[n]])
            heapq.heappush(heap, (fragment, -score, n, made))
            continue
        who = speaker_of(quote)
        # (One quotation per speaker and paragraph: two that one attribution joins ('"I believe ...," Xi said to
        # Gates. "Under the current world situation, ..."') are one statement, and a second voice reads better; the
        # other is the last spare.)
        where = (who, pending[keys[n]].sentence.doc, pending[keys[n]].sentence.position)
        if quote.speaker and where in said_in:
            late.append(quote)  # printed only when nothing else is left
            continue
        # (Nor one that opens with a sentence a quotation chosen already holds: '"Red kites do not drop out of the
        # sky four at a time. Now we have six"' / '"Red kites do not drop out of the sky four at a time. Everything
        # we have seen ..."'.)
        opening = _first_sentence_key(quote.text)
        if opening and any(opening in f" {quote_key(other.text)} " for other in chosen):
            continue
        if per[who] >= PER_SPEAKER or len(chosen) >= limit:
            if len(spares) < spare:
                spares.append(quote)
            continue
        per[who] += 1
        said_in.add(where)
        chosen.append(quote)
    return tuple(chosen), tuple([*spares, *late][:spare])


# Words a quotation's first sentence needs to count as told again inside another.
TOLD_AGAIN_WORDS = 6


def _first_sentence_key(text: str) -> str:
    """The padded `quote_key` of a quotation's first sentence, when it is long enough to tell it ("" otherwise)."""
    first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
    key = quote_key(first)
    return f" {key} " if len(key.split()) >= TOLD_AGAIN_WORDS else ""


def speaker_of(quote: Quote) -> str:
    """Who a quote is counted against for `PER_SPEAKER`: its speaker, else what it was attributed to."""
    return quote.speaker or quote.context or "?"
