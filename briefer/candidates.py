"""Which sentences may stand in a brief: whole, self-contained, clean, from a trustworthy copy.

Every sentence still counts for statistics (what the story is about, who reported what);
these rules only decide which ones may be quoted as an item.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from difflib import SequenceMatcher

from briefer.config import Limits
from briefer.model import Document, Sentence
from briefer.people import ROLE_NOUNS
from briefer.temporal import DATE_LABEL, MONTHS, WEEKDAYS
from briefer.text import STOP_WORDS, fold, look_for, referred, spoken, without_speaker, words, zipf

_START = re.compile(r"^[\"“‘'(\[]?[A-Z0-9]")
_END = re.compile(r"[.!…][\"'”’)\]]*$")
# Branches of `_DANGLING` that read a sentence's end (slow to try: each scans the sentence), kept out of
# `_DANGLING_PLAIN`, which is tried on a sentence whose end none of them could match (`_ENDINGS`).
# What was said before, answered: "Harbour master Ingrid Kallevik rejected that."
_ANSWERED = (r"(?=.{0,80}\b(?:rejected|denied|disputed|dismissed|confirmed|accepted|welcomed|criticised|criticized|"
             r"repeated|echoed|contradicted) (?:that|this|it|them)[.!]?$)|")
# A time after an event told before, at the end of a short sentence: "The alarm was raised five minutes later." (a
# longer one names what it counts from: "A boy who was separated from his family ... was found safe by stewards 40
# minutes later.")
_LATER_AT_END = (r"(?=(?:\S+\s+){0,5}\S+\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
                 r"fifteen|twenty|thirty|forty|fifty|a few|several|a couple of) (?:minutes?|hours?|days?|weeks?) "
                 r"later[.!]?$)|")
_AFTERWARDS_AT_END = r"(?=.{0,200}\b(?:shortly|soon|immediately) (?:afterwards?|after that)[.!]?$)|"
_ENDINGS = (" that", " this", " it", " them", "later", "afterward", "afterwards")
# Sentences that lean on the previous one ("He said ...", "But ...") read as broken alone.
_DANGLING = re.compile(
    # (Not the existential "there": "There were 214 passengers on the train ...", "There are now 24 confirmed
    # cases of measles ..." name what they tell.)
    r"^(?:he|she|they|it|his|her|its|their|them|this|that|these|those|"
    r"there(?!\s+(?:is|are|was|were|has been|have been|had been|will be|would be)\s+(?:now\s+|still\s+)?"
    r"(?:\d|no\b|about\b|some\b|"
    r"more than\b|at least\b|nearly\b|almost\b|around\b))|here|but|and|or|so|also|another|"
    r"still|yet|instead|meanwhile|however|then|such|what|the pair|indeed|"
    # an answer to a question before it: "Yes, if you have £85,000 or less."
    r"(?:yes|no)(?=[,.!;])|"
    # (not when a participle says which: "The two men arrested on Tuesday night ... have been released")
    r"the two men(?!\s+(?:arrested|charged|detained|held|found|injured|killed|rescued|accused|named|jailed|"
    r"convicted|sentenced|questioned)\b)|"
    # a figure given in the sentence before: "The figure includes around 30 contract cleaners"
    r"(?:the|this) figures?(?! of\b)|"
    # what was said before, answered: "Harbour master Ingrid Kallevik rejected that."
    + _ANSWERED +
    # an event named only before (or in the headline), told by what came of it: "The decision came after a four-hour
    # meeting", "The threat came a day after the chair resigned", "The move follows ..."
    r"the (?:decision|move|threat|announcement|ruling|vote|deal|change|changes|call|news|arrest|incident|closure|"
    r"cut|cuts|step|u-turn|reversal|delay|warning|plan|offer|agreement|resignation|appointment|protest|strike)"
    r"(?= (?:came|comes|follows|followed|means|meant|marks|marked|leaves|left|raises|raised|ends|ended)\b)|"
    # a person named before by nationality alone: "The Austrian, whose contract ends in June, ..."
    r"the (?-i:[A-Z][a-z]+(?:an|ian|ese|ish|ch|i))(?=,|\s+(?:is|was|has|had|would|will|said|says|added|told)\b)|"
    # The rest of a count told before: "The other 12 routes, mostly evening services, have not found a buyer."
    r"the (?:other|remaining) (?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|"
    # "Now the train is coming back.": now, after what the sentences before told.
    r"now(?=,?\s+(?:the|it|its|they|he|she|we|this|that|there)\b)|"
    # "The former, ..." / "the latter was ...": one of two named before; not "The former head of the hospital".
    r"the (?:latter|former)(?=\s*[,;:.]|\s+(?:is|was|are|were|has|had|will|would|said|says|did|does)\b)|"
    r"nevertheless|moreover|furthermore|thus|therefore|likewise|similarly|besides|"
    # A part of something named before: "Many of the issues have bedeviled relations for years."
    r"(?:many|most|some|all|none|several|few|each|both|neither|either|much) of (?:the|these|those|them)(?! \d)|"
    # ... or a measure of it ("About 60 metres of it now has to be replaced."), or a count of a group counted before
    # ("Seven of the 10 have gone home."; not "Forty-one of the 62 homes on Weir Street were flooded"), or the rest
    # of it ("The others had injuries that were not thought to be serious.")
    r"(?:about |around |some |nearly |almost |more than )?(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|half|part|much) (?:[a-z]+ )?of (?:it|them)\b|"
    r"(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?) of the \d[\d,]*(?= (?:have|has|had|were|was|are|is|remain|remained|went|"
    r"left)\b)|the others\b|"
    # ... or a total of something told before: "The total now stands at 10, not 11 as reported on Thursday"
    r"the (?:total|tally|count)(?! of\b)(?= (?:now |so far |has |had |is |was |stands|stood|rose|rises|fell|reached))|"
    # ... or more of what was counted before: "A further 1,204 ballot papers were rejected."
    r"(?:a|another) further (?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred)\b|"
    # ... or all of it but a few: "All but 200 had been reconnected by Wednesday afternoon."
    r"all but (?:\d[\d,]*|a few|one|two|three|four|five|six|seven|eight|nine|ten)\b(?! of\b)|"
    # One of a list the sentences before began: "The third change is the rolling stock itself."
    r"the (?:second|third|fourth|fifth|other|last|final) (?:change|reason|problem|point|question|risk|factor|"
    r"difference|thing|lesson|step|issue)s?(?= (?:is|was|are|were|has|had)\b)|"
    # Cases, or one of a count, told before: "In each case the victim received a phone call ...", "The fourth, a man
    # in his twenties, has not been found."
    r"in (?:each|both|every|all|either|these|those) (?:\w+ )?(?:cases?|instances?)|"
    # A time after an event told before: "By the time the lifeboat arrived 40 minutes later ...", "Minutes later,
    # ...", "... was stood down shortly afterwards."
    r"(?:by the time (?:[\w'’-]+ ){1,6}?)?(?:(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"fifteen|twenty|thirty|forty|forty-five|fifty|ninety|a few|several|a couple of) "
    r"(?:minutes?|hours?|days?|weeks?|months?)|minutes|hours|days|weeks|moments) later\b|"
    # ... told at the end of a short sentence: "The alarm was raised five minutes later." (a longer one names what
    # it counts from: "A boy who was separated from his family ... was found safe by stewards 40 minutes later.")
    + _LATER_AT_END +
    # ... the rest of a group counted before: "The last two, both children, were discharged ..." (not "All five were
    # taken to hospital": the story's own group, tests/test_editor_round11.py)
    # (... unless an apposition names them: "The last two, route 14 and route 14A to Upper Stanning, will be back")
    r"the (?:last|final) (?:\d[\d,]*|two|three|four|five|six)(?=,(?![^,]{0,60}(?-i:[A-Z\d]))|"
    r"\s+(?:were|are|have|had|went|left)\b)|"

    + _AFTERWARDS_AT_END +
    r"the (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|other|last|remaining)(?=,))\b",
    re.I,
)
_DANGLING_PLAIN = re.compile(
    _DANGLING.pattern.replace(_ANSWERED, "").replace(_LATER_AT_END, "").replace(_AFTERWARDS_AT_END, ""), re.I)
# A number or quantifier standing for a noun of the sentence before ("One would require ...", "Another
# challenged Mahathir ...", "As of Tuesday, 12 had been released."): the subject is a verb away from its start.
# A sentence whose event is named only in the one before: "Mr Carrick has agreed to attend." (attend what?)
_ELLIPTIC_END = re.compile(r"\b(?:to|will|would|could|cannot|can't|did not|didn't) (?:attend|come|speak|appear|"
                           r"take part|join in|go|be there)\.[\"'”’]?$")
# ... unless it names the event itself: "the ceremony, which the Oba of Benin is expected to attend."
_EVENT_NOUN = re.compile(r"\b(?:meeting|ceremony|funeral|service|hearing|vigil|rally|march|match|event|party|"
                         r"concert|festival|launch|opening|celebration|talks|inquest|trial|memorial|wedding|"
                         r"protest|parade|reception|gathering|conference|summit|debate|session)s?\b", re.I)
_ELLIPTIC_SUBJECT = re.compile(
    r"^(?:(?:As of|By|On|In|Since|Until) [^,]{1,25}, )?"
    r"(?:one|another|both|neither|either|each|some|many|most|few|several|others|none|two|three|four|five|six|"
    r"seven|eight|nine|ten|(?!(?:1[89]|20)\d\d\b)\d[\d,]*)\s+(?:would|will|could|should|may|might|must|can|is|"
    r"are|was|were|has|have|had|did|does|do|said|say|says|"
    # a verb in -ed, not an adjective before its noun ("Both injured crew members ..."): an object follows
    r"(?!hundred\b)[a-z]+ed(?=\s+(?:(?-i:[A-Z])|(?:the|a|an|that|to|in|on|at|for|with|from|by|and|out|up|down)\b)))\b",
    re.I,
)
# "..., he told reporters." names its speaker only in the sentence before.
_PRONOUN_SPEAKER = re.compile(
    r"[,”\"]\s+(?:he|she|they)\s+(?:said|says|say|told|added|asked|wrote|argue|argued|argues)\b")
# "work on those in ...", "such a meeting": the thing referred to is in another sentence.
# ... and "Three remain there": "there" for a place named before (not the "there" of "there were").
_BACK_REFERENCE = re.compile(
    r"\b(?:those|these)(?=\s+(?:in|on|at|for|to|and|or|of|by|with|from)\b|[.,;])|\bsuch an? \w+|"
    r"\b(?:remain|remains|remained|stay|stays|stayed|live|lives|lived|work|works|worked|went|arrived|"
    r"returned|moved)\s+there\b|^(?:since|until|till|by|before|after|even) then\b|"
    # "Scores of residents are already there": the place was the sentence before's (not "Are there any ...?").
    r"\b(?:is|are|was|were)\s+(?:already|still|now)\s+there\b|"
    # "On that day two dissidents were detained.": the day was named in the sentence before.
    r"\b(?:on|at|by|from|until|since|in) that (?:day|night|morning|afternoon|evening|weekend|date|time|point|"
    r"moment|occasion)\b|"
    # "At the same meeting, councillors confirmed ...": the meeting was the sentence before's.
    r"\b(?:at|in|during) the same (?:meeting|session|sitting|hearing|debate|press conference|interview|statement)\b|"
    # "Acting chief fire officer Alison Merrick made the pledge on Tuesday": which pledge, the sentence before told.
    r"\bmade (?:the|that|this) (?:pledge|promise|vow|announcement|remarks?|comments?|admission|offer|appeal)\b"
    r"(?!\s+(?:to|that|of|for|about|on behalf)\b)(?!\s+(?:on|last|this) \w+ that\b)|"
    # "Exam pupils will then return to the school this Friday.": after what, the sentence before told.
    r"\b(?:will|would|can|could|should|must|shall) then\b|"
    # "Joan Whitcombe, 89, who remembers that raid, ...": which raid, the sentence before told.
    r"\b(?:remembers?|remembered|recalls?|recalled|survived|witnessed) (?:that|this|those|these) [a-z]+\b|"
    # "Fares will be the same as Redkite's.": whose fares, the sentence before told.
    r"^(?:fares|prices|charges|tickets|timetables|routes|hours|pay) (?:will|would) (?:be|stay|remain) (?:the same|"
    r"unchanged)\b|"
    # "Earlier reports had put the number at "about 50"", "has put the exact number at 47": the number of what, the
    # sentence before told.
    r"^(?:[\w'’,.-]+\s+){0,6}(?:put|puts|putting) the (?:exact |final |latest |official )?"
    r"(?:number|figure|total|toll|count) (?:at|as)\b|"
    # "The union put that crowd at 3,000.", "Early on Wednesday it raised that to 72%.": a figure told before.
    r"\b(?:put|puts|raised|cut|lowered|revised|increased|reduced|doubled|halved|trebled|disputed) that\b"
    r"(?!\s+(?:the|a|an|it|he|she|they|there)\b)|"
    # "accepted his resignation within the hour": the hour counted from what the sentence before told.
    r"\bwithin the hour\b(?! of\b)|"
    # "The union says this will cost an average member about £520.": what "this" is, the sentence before told.
    r"\b(?:says|said) (?:that )?(?:this|these) (?:will|would|could|is|was|means|meant)\b",
    re.I
)
# "The results, received on Thursday morning, were negative.": an answer whose question (which tests?) was the
# sentence before.
_ANSWER_SUBJECT = re.compile(r"^the (?:(?:results?|findings?|outcome|answer|reply|response)\b"
                             r"(?!\s+(?:of|from|for|on|to)\b)|tests? (?:came back|were|was|proved|showed)\b)", re.I)
# "The three are among ...": a number for a noun, with its verb straight after it, counts people or things the
# sentence before named. ("All five were taken to hospital" is the story's own group, as "the two men" is.)
# ("The four on the southern side were found to be in fair condition": a place said between.)
_THE_NUMBER = re.compile(r"^the (?:three|four|five|six|seven|eight|nine|ten)"
                         r"(?:\s+(?:on|in|at|from|near|along|under|inside|outside) (?:the|its|their)"
                         r" [a-z]+(?: [a-z]+)?)?"
                         r"\s+(?:are|were|have|had|"
                         r"will|would|is|was|[a-z]+ed)\b|"
                         # ... or a figure named bare: "The figure of 18 is lower than the 40 the union had warned of"
                         r"^the (?:figure|number|total|tally|count) of (?:\d[\d,.]*|[a-z]+)\s+(?:is|was|are|were|has|"
                         r"had|compares|represents)\b", re.I)
# ... and "The boy appeared at Shiremoor Youth Court": a person the sentence before introduced, unless a clause or a
# participle after the noun says who ("The man arrested over the attack was released").
_THE_PERSON = re.compile(r"^the (?:boy|girl|man|woman|men|women|teenager|teenagers|youth|pair|couple)"
                         # (... not one named between commas: "The woman, 71-year-old Astrid Myrbø, died")
                         r"(?:,(?![^,;]{0,80}\b(?-i:[A-Z]))[^,;]{1,80},)?\s+"
                         r"(?:was|were|is|are|has|have|had|will|would|appeared|remains|died|"
                         r"[a-z]+ed(?!\s+(?:in|at|on|by|over|after|from|with|for|during|as|near)\b))\b", re.I)
# A subject pronoun after a phrase that describes it ("An economist by training, she worked ...", "As a young
# reporter, he ..."): the phrase is no one the pronoun could stand for.
_DESCRIBED_PRONOUN = re.compile(r"^(?:an?|as an?|once an?)\s+[^,;:\"“”]{1,60},\s+(?:he|she|they)\s", re.I)
# A third-person pronoun among the first four words, before any name ("American jets shot it down", "Above all,
# they agreed ..."): its antecedent is in an earlier sentence. (A capitalised word after the first is a name.)
_EARLY_PRONOUN = re.compile(r"^(?:[\"“‘'(\[]?\S+)(?:\s+(?![A-Z])\S+){0,2}?\s+(?:he|she|it|they|him|them)\b|"
                            # ... after an opening participle's clause: "Cross-examined by Helen Marsh, prosecuting,
                            # he agreed ..."
                            r"^[A-Z][\w-]*(?:ed|ing)\b[^.;:]{0,80}?,\s+(?:he|she|they)\s+[a-z]+|"
                            # ... after a day: "On Thursday he said he had ...", "Late on Friday, she told ..."
                            r"^(?:(?:[Ll]ate |[Ee]arly |[Ll]ater )?[Oo]n )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                            r"(?: (?:morning|afternoon|evening|night))?,? (?:he|she|they)\b")
# ... but "The council said it would ...", "Police told reporters they ...": the subject the pronoun stands for is
# the sentence's own, named just before a verb of saying.
_OWN_SUBJECT = re.compile(r"^[\"“‘'(\[]?(?:the |a |an )?(?P<subject>(?:[\w'’-]+ ){0,1}[\w'’-]+) (?:said|says|told "
                          r"(?:reporters|parents|staff|customers|residents|the \w+)|added|announced|confirmed|insisted|"
                          r"warned|admitted|stated|explained|believes|believed|hopes|hoped|expects|expected)"
                          r"(?: that)? (?:he|she|it|they)\b", re.I)
# "The Pentagon called it a surveillance craft": a pronoun object of the verb before it.
_OBJECT_PRONOUN = re.compile(r"\b(?:called|shot|brought|took|put|saw|made|described|named|labelled|labeled|"
                             r"branded|denied|confirmed|rejected|welcomed|condemned|criticised|criticized|thanked|"
                             r"praised|greeted|urged|blamed|joined|visited|met|helped|did|achieved|managed|swam|rowed)"
                             r" (?:it|them)\b"
                             # not the subject of a plan it tells ("Valmora confirmed it will close its creamery")
                             r"(?! (?:will|would|planned|plans|intends|intended)\b)"
                             # ... or a relative clause on the subject: "Dawn Ricketts, who organised it, said ..."
                             r"|^[^,.;]{1,60}, who (?:\w+ ){0,2}?\w+(?:ed|ght|ote|ook|ade|ew|an) (?:it|them),"
                             # ... and "them" done by "they" in its own clause, which it cannot stand for: "Police
                             # said owners would be told ... when they could collect them" (the cars, told before)
                             r"|\bthey (?:[a-z]+ ){0,2}?[a-z]+ them\b"
                             # ... and a verb's particle after it at the end: "The mayor will switch them on."
                             r"|\b[a-z]+ (?:it|them) (?:on|off|up|down|out|back|away|over)(?=[.!]?$)"
                             # ... and an infinitive's "them" at the end, with no plural noun before it (`_PLURAL`):
                             # "The trust says it has already offered to regrade them."
                             r"|\bto [a-z]+ them(?=[.!]?$)")
# ... and "her" there as an object, not a possessive ("A farmer spotted her and called the park"; not "A farmer
# spotted her calf"): the word after it is no noun of hers.
_EARLY_HER = re.compile(r"^(?:[\"“‘'(\[]?\S+)(?:\s+(?![A-Z])\S+){0,2}?\s+her(?=\s*(?:[,.;]|(?:and|to|in|at|on|with|"
                        r"after|before|as|near|from|into|for|by|off|out|up|down|back)\b))")
# "The police came soon after he returned home.", "Under his leadership, ...": "he", "his", "she" or "her" with
# no one before it in the sentence it could stand for (a name, or a person noun such as "the minister").
_PERSONAL = re.compile(r"(?<![\w'’-])(?:he|him|his|himself|she|her|herself)(?![\w'’-])")
_PERSONAL_WORDS = (" he ", " him", " his ", " she ", " her")
_PERSONAL_LOOK = look_for(_PERSONAL_WORDS)
PERSON_NOUNS = ROLE_NOUNS | frozenset(re.split(r"\s+", """
man woman boy girl mother father son daughter wife husband child person victim suspect worker student player
witness survivor patient passenger friend colleague neighbour neighbor brother sister widow widower defendant
prisoner dissident critic rival opponent candidate lawmaker legislator politician spokesman official soldier
officer sailor fisherman boss employee customer owner tenant landlord parent grandmother grandfather baby
teenager singer actor writer poet artist coach athlete rider nominee appointee successor predecessor incumbent
magistrate prosecutor dictator strongman monarch pensioner retiree resident driver farmer nurse doctor teacher pupil
schoolgirl schoolboy grandson granddaughter volunteer shopkeeper
""".strip()))
# "Officials also said", "the two", "the agreement": something told before.
_LEANS_ON_EARLIER = re.compile(
    # "the two" points back, unless its noun says who ("the two sides") or a ranking names them ("the two leading
    # candidates"; "the two companies" is a pair the sentence before named).
    r"^\S+(?:\s+\S+){0,2}\s+also\b|"
    # ... and a subject "also" done to ("Mr Ashby-Farrant and Ms Hensall are also charged with fraudulent trading"):
    # besides what the sentence before told.
    r"^[^,;\"“]{0,80}?\b(?:is|are|was|were|has been|have been|had been) also [a-z]+(?:ed|en)\b|"
    r"\bthe two(?!(?:\s+[a-z][\w-]*)?\s+(?:countries|sides|governments|leaders|men|"
    r"nations|presidents|ministers|days|years|hours|weeks|months)\b|"
    r"\s+(?:leading|main|biggest|largest|top|front-running) \w+|"
    # ... or a participle says which ("fitted steel clamps to the two cracked hangers", "the two injured climbers").
    r"\s+[a-z]{3,}ed\s+(?!(?:to|that|which|who|on|in|at|with|for|by|from|the|a|an|and|or|not|it|them|him|her|his|"
    r"their|its|more|less|about|over|after|before|up|down|out|off|back|again|as|so|but)\b)[a-z][\w-]*\b"
    r"(?!\s+(?:who|that|which)\b)|"
    # ... or a clause after its noun says which ("the two elderly people found dead on Monday", "the two paintings
    # stolen from the museum on Tuesday").
    r"\s+[a-z][\w-]*\s+(?:who|that)\b|(?:\s+[a-z][\w-]*){1,2}\s+(?:found dead|killed in|injured in|"
    r"arrested (?:in|on|after|over|for|in connection with)|charged (?:with|over)|held (?:in|at|since|over)|"
    r"detained (?:in|at|over)|accused of|named as|"
    r"(?:stolen|taken|seized|looted|lost|missing) (?:from|in|at|during))\b)"
    r"\b(?!-)|"
    r"\bthe agreement\b|\b(?:in|of|on|about|for) (?:this|that)[.,;]|"
    # "Under the deal, announced on Friday morning, ... will pay the subsidy": the deal the sentence before told.
    # "Together with the grant, that covers the £1.4 million funding gap.": a fronted phrase, then a subject that
    # stands for what the sentence before told.
    r"^[^,;\"“]{3,40},\s+(?:that|this|these|those|it|they)\s+"
    r"(?!(?:is|was|has been|had been) (?:[a-z]+ed|known|thought|understood) that\b)"  # ("it was announced that")
    r"(?:is|are|was|were|covers|cover|covered|means|meant|"
    r"leaves|left|brings|brought|takes|took|has|have|had|will|would|makes|made)\b|"
    # "The plan was agreed at a meeting ... on Wednesday afternoon": which plan, the sentence before said.
    r"^the (?:plan|plans|deal|scheme|proposal|proposals|offer|move|decision|idea|arrangement) (?:was|were|is|are|has|"
    r"have|had|will|would)\b|"
    r"^(?:under|as part of|under the terms of|as a result of) (?:the|this|that) (?:deal|plan|plans|scheme|"
    r"arrangement|settlement|proposal|proposals|changes|move|offer|package|contract)\b|"
    # "About twenty thousand people are affected.": by what the sentence before told.
    r"^(?:about |around |some |more than |nearly |almost )?(?:[\w,]+ ){1,3}(?:people|homes|households|residents|"
    r"customers|passengers|pupils|businesses|properties) (?:are|were|have been|had been) affected\.$|"
    # "... sent several carriers to Port Ellery instead": instead of what the sentence before told.
    r"\binstead(?!\s+of\b)(?=\s*[.,;])",
    re.I)
# Words that point at what the sentence before told (round 44): "The correct figure is 60, 57 children and three
# staff."; "confirmed salmonella in 26 of them"; "said it was looking into the claim."; "most tractors ... are older
# than that"; "were appointed as administrators later the same day"; "Of its 214 staff, 180 were made redundant";
# "Results for the sixth are not yet back."
_POINTS_BACK = re.compile(
    r"^(?:The|This|That) (?:correct|corrected|revised|new|right|true|real|actual|updated|original|earlier|previous|"
    r"old|first) (?:figure|number|total|count|tally|estimate)\b|"
    # ... and what the sentence before told, named by its kind: "The correction prompted renewed criticism from ..."
    r"^(?:The|This|That) (?:correction|admission|revelation|disclosure|reversal|apology|U-turn|climbdown) "
    r"(?:prompted|drew|sparked|provoked|triggered|caused|brought|came|comes|follows|followed)\b|"
    r"\b(?:in|among|for|to|from) (?:\d[\d,]*|all|most|many|some|several|half|none) of them\b|"
    r"\b(?:into|denied|rejected|disputed|investigating|examining|considering|reviewing|dismissed) the (?:claims?|"
    r"allegations?|complaints?|accusations?|criticism)[.!]?$|"
    r"\b(?:older|newer|younger|more|less|fewer|bigger|smaller|higher|lower|longer|shorter) than that\b(?!\s+of\b)|"
    r"\b(?:later|earlier) (?:the same|that) (?:day|night|morning|afternoon|evening)\b|\bthe same day\b(?!\s+as\b)|"
    r"^Of (?:its|their|his|her) |"
    r"\bthe (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:is|are|was|were|has|have|had)\b|"
    # ... and who said it left to the sentence before: "Patients ... will be contacted within two weeks with a new
    # date, it said."
    r"^(?![^,]*?\s(?:(?-i:[A-Z])|the (?:company|council|board|trust|firm|authority|agency|service|hospital|airline|"
    r"operator|club|union|school|university|government|ministry|department|force|team|group)\b))[^\"“]*"
    r",\s+(?:it|they)\s+(?:said|says|added|announced|confirmed)[.!]?$|"
    # ... and a superlative with nothing to be one of: "The nearest is now in Pendlecombe, 14 miles away."
    r"^The (?:nearest|closest|next|latest|biggest|largest|oldest|newest|smallest) (?:one )?(?:is|was|are|were)\b",
    re.I)
_POINTS_BACK_WORDS = ("correct", "revised", "new ", "right ", "true ", "real ", "actual", "updated", " of them",
                      "the claim", "allegation", "complaint", "accusation", "criticism", "than that", "same day",
                      "that day", "that night", "that morning", "that afternoon", "that evening", "of its ",
                      "of their ", "of his ", "of her ", "second", "third", "fourth", "fifth", "sixth", "seventh",
                      "eighth", "ninth", "tenth", ", it said", ", they said", ", it says", ", they say", ", it added",
                      ", they added", ", it announced", ", it confirmed", "the nearest",
                      "the closest", "the next", "the latest", "the biggest", "the largest", "the oldest", "the newest",
                      "the smallest", "admission", "revelation", "disclosure", "reversal", "apology", "u-turn",
                      "climbdown",
                      *(f"{old} {what}" for old in ("original", "earlier", "previous", "old", "first")
                        for what in ("figure", "number", "total", "count", "tally", "estimate")))
_POINTS_BACK_LOOK = look_for(_POINTS_BACK_WORDS)
# A time counted from an event the sentence does not name: "Hours later, the minister announced a fund". In news
# copy the event is the paragraph before's, so such a sentence may open a paragraph and still be quoted with the
# sentence before it (`joined_pairs`).
_COUNTED_ON = (r"^(?:(?:Minutes|Hours|Days|Weeks|Months|Moments|Shortly|Soon|A (?:day|week|month|year|few days)|"
               r"(?:Two|Three|Four|Five|Six|Several|A few) (?:minutes|hours|days|weeks|months)) (?:later|afterwards)|"
               r"Later that (?:day|night|morning|afternoon|evening|week)|"
               # ("After that, Oakbridge travel to Castlegate Town on Tuesday 24 November": after the match before.)
               r"(?:After|Before|Since|Until|By|Following) (?:that|then|this)(?=,))\b")
# ... and one that opens its paragraph on the figure the paragraph before ends with: "The total is £6,500 more than
# the £180,000 target." after "... with £186,500 pledged by 412 investors."
_COUNTED_FROM_BEFORE = re.compile(_COUNTED_ON + r"|^(?:The|This|That) (?:total|figure|sum|tally)\b(?! of\b)")
# A connective after the opening words ("Monday, however, in a Washington courtroom, ..."; "Sun is indeed a
# technology heavyweight."), and a pronoun subject after a fronted phrase ("After a three-month impasse, they
# agreed ..."): the sentence answers or continues one the reader has not seen.
_CONNECTIVE = re.compile(
    # (Not a subject's contrast before its verb: "Fishing, however, will stay banned ... until 31 May".)
    r"^[^,.;]{1,40}, (?:however|though|meanwhile|instead|nevertheless|moreover|in turn|too|then),"
    r"(?! (?:will|would|was|were|is|are|has|have|had|remains?|remained|stays?|stayed)\b)|"
    r"^\S+(?:\s+\S+){0,3}\s+indeed\b|"
    r"^(?:After|Before|Since|Despite|Following|During|Until|Once|Later|Earlier)\b[^,]{1,60}, (?:he|she|they)\b|"
    + _COUNTED_ON)
# A sentence that announces what the next one gives ("Since February there have been some high-level
# engagements.", "Pay is not the only dispute.", "The stoppage is already felt beyond the docks."): alone it
# tells the reader nothing.
_ANNOUNCES = re.compile(
    r":[\"'”’]?$|^following (?:is|are)\b[^:]*$|^the following (?:statement|letter|message|note)\b|"
    r"\bthere (?:have|has|had) been (?:some|several|many|other|a (?:number|series|string|few) of)\b|"
    r"\bnot the only\b|\b(?:already|also) (?:being )?felt\b|\b(?:is|are) spreading\b|\bthe following[:.]|"
    r"\bas follows\b|^here(?:'s| is) what we know\b|\bwhat we know so far\b|"
    # A correction the next sentence gives: "The site manager has corrected what he told the Herald on Monday."
    r"\b(?:corrected|clarified|withdrew|retracted) what (?:he|she|they|it|the \w+) (?:had )?(?:told|said|wrote)\b|"
    # Who the next sentence names: "Not everyone was in the mood to celebrate."
    r"^(?:but )?not (?:everyone|everybody|all)\b[^,;:]*[.!]?$|"
    r"\bthe other (?:\w+ )?(?:question|issue|problem|worry|concern)s?[.!]?$|"
    # A comparison with nothing to compare to yet: "For the families in the lower town, the argument is simpler."
    r"\b(?:is|are|was|were) (?:much |far |even )?(?:simpler|clearer|starker|harder|easier|worse|better|bleaker|"
    r"grimmer|different|more (?:complicated|complex|urgent|personal|pressing))[.!]?$|"
    # ... or that someone has spoken, what they said to follow: "The Dean of Carrowmere, the Very Rev Alison Mabry, has
    # spoken outside the cathedral."
    r"\b(?:has|have) (?:now )?spoken\b(?:(?!\b(?:about|of|on|to say)\b)[^.;:]){0,60}[.!]?$|"
    # ... or advice repeated, not given: "Dr Sunita Varma ... repeated her advice to families."
    r"\brepeated (?:her|his|its|their|the) (?:advice|warning|call|appeal|plea)\b[^.;:\"“]{0,40}[.!]?$|"
    # ... or figures the next sentences give: "The North Vale Ambulance Service has given its latest figures."
    r"\b(?:has|have) (?:now |again )?(?:given|released|published|issued|updated|revised|corrected) (?:its|their|the) "
    r"(?:latest |new |updated |first )?(?:figures|details|numbers|update|count|estimate|total)s?[.!]?$|"
    # ... or a figure corrected, the figure left to the next sentence: "The airline has corrected the number of
    # people on board."
    r"\b(?:has|have) (?:now |since |also )?(?:corrected|revised|updated|changed) (?:the|its|their) (?:number|figure|"
    r"count|total|tally|estimate|date|time|day)\b(?:(?!\d)[^.;:])*[.!]?$|"
    # ... or a verdict the next sentences bear out: "The crossing has not been easy."
    r"^[^,;:]{0,40}\b(?:has|have|had|was|were|is|are) (?:not|never) been (?:easy|plain sailing|smooth|straightforward|"
    r"simple|without (?:its )?(?:problems|drama|difficulties))[.!]?$", re.I)
_LABELLED = re.compile(r"^(?:what|when|where|who|location|time|date|key facts?)\s*:\s", re.I)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|added|asked|wrote|according to|stated|noted|declared)\b", re.I)
_OPEN_QUOTE = re.compile(r"^[\"“‘]")
# A capitalised title of a few words in quotation marks, then a verb of its own: '"Fakes and Fortunes" opens on ...'.
_TITLE_FIRST = re.compile(r"^[\"“‘](?:[A-Z][\w'’-]*|and|of|the|in|on|at|for|a|to)(?: (?:[A-Z][\w'’-]*|and|of|the|in|on|"
                          r"at|for|a|to)){0,7}[\"”’] [a-z]+s\b")
QUOTED_SPAN = re.compile(r"“[^”]*”|\"[^\"]*\"")


def unquoted(text: str) -> str:
    """`text` with its quotations blanked: the writer's own words ("..., she said" with what she said left out)."""
    return QUOTED_SPAN.sub(" ", text)
# A sentence needs a finite verb; with no tagger offline, these and "-ed" words stand for one.
# (Q&A explainers answer "Whom did he meet?" with verbless fragments that read as broken alone.)
_VERBS = frozenset(
    re.split(
        r"\s+",
        """
        am is are was were be been being has have had having do does did will would shall should can could may might
        must said says say told tells tell asked asks added adds met meets meet made makes make took takes take gave
        gives give went goes go came comes come got gets get saw sees see knew knows know thought thinks think found
        finds find left leaves leave held holds hold kept keeps keep began begins begin became becomes become brought
        brings bring put puts set sets ran runs run wrote writes write spoke speaks speak sent sends send spent spends
        spend won wins win lost loses lose paid pays pay built builds build fell falls fall rose rises rise led leads
        lead heads stood stands want wants need needs plan plans hope hopes expect expects remain remains seem seems
        appear appears include includes continue continues call calls urge urges warn warns argue argues believe
        believes face faces fear fears show shows mean means help helps seek seeks sought struck strike strikes bore
        wore drew draws grew grows threw hit hits cut cuts let lets quit shut shuts agree agrees accuse accuses reject
        rejects refuse refuses rule rules stay stays
        broke bought caught chose dealt drove dug fed felt fled flew fought forgot froze hid hung hurt laid lay lent
        lit meant rang rode sang sank shook shot slid sold spread stole stuck swept swore taught tore understood woke
        withdrew forbade sped split spun swung slept shed bound
        burst bursts cast cost costs bet bid bids forecast broadcast beat beats blew bled bent knelt leapt sprang stung
        swam wept shrank shone strode arose awoke overtook undertook oversaw withheld upheld rebuilt mistook
        covers requires allows applies provides
        travel travels play plays host hosts visit visits
        """.strip(),
    )
)
_ED = re.compile(r"^[a-z]{3,}ed$")

# Signs of machine-paraphrased ("spun") copy, per 1,000 words; calibrated so that the four
# newsroom articles in ../shared/seeds score 0 and the spun one about 8.
_SPIN_BRACES = re.compile(r"[{}]")
# "the 5 ministers": found from the digit, then the word before it is checked (a pattern that
# opens with \b is tried at every position of a text: 14 times slower on 1,000 articles).
# (Not a digit before its unit, as style books write a measure: "the 3 km protection zone", "all 4 mm of rain".)
_SPIN_DIGIT = re.compile(r" [2-9]\b(?![.,:\d%]| ?(?:percent|per|a\.m|p\.m|(?:km|m|cm|mm|kg|g|t|mph|kph|km/h|ft|in|"
                         r"lb|oz|mw|kw|gw|kv|ml|l|ha|sq)\b))", re.I)
_SPIN_DIGIT_AFTER = re.compile(r"\b(?:the|these|those|all|for|with)\Z", re.I)
SPIN_SIGNALS_PER_1000_WORDS = 3.0
# ... and at least this many signs in all: one "the 5 ministers" in a short article is a style, not a spinner.
SPIN_MIN_SIGNALS = 2


# What a reader wants first: outcomes (what was agreed, decided, announced, done, begun or ended; a first in
# years, a record). Worth less: lines that say
# nothing happened ("made no comment"), scheduling minutiae and scene-setting (who sat where, greetings).
_OUTCOME = re.compile(
    r"\b(?:agreed|agree to|signed|approved|announced|decided|accepted|"
    # "reached" only of an agreement, or of a place ("Storm Ilse reached Brekkvik"): "water had reached her
    # knees" is a scene, not an outcome (it opened the storm's overview).
    r"reached(?= (?:an? |the )?(?:[\w-]+ ){0,2}(?:agreement|deal|accord|settlement|compromise|consensus|verdict|"
    r"decision|understanding|conclusion|truce|ceasefire)s?\b| (?-i:[A-Z]))|(?:was|were|been|be) reached|"
    r"rejected|refused|rebuffed|turned down|"
    r"warned|pledged|promised|met with|met for|minutes|hours|killed|died|injured|arrested|resigned|elected|won|lost|"
    r"voted|ruled|ordered|launched|released|blamed|accused|called for|demanded|urged|"
    r"walked (?:off|out)|went on strike|began|ended|halted|halting|broke out|put out|reopened|evacuated|rescued|"
    r"destroyed|backed|on record)\b", re.I)
# What was agreed: a settlement's terms ("The deal gives pilots a pay rise of 6.5 per cent over two years"), an
# outcome the overview tells (issue 12: "what was agreed").
_TERMS = re.compile(r"\b(?:deal|agreement|accord|settlement|contract|compromise) (?:gives|includes|offers|provides|"
                    r"grants|guarantees|raises|commits|sets)\b", re.I)
# Also outcomes, looked for only in sentences with "first", "minute" or "hour" (a pattern with a gap costs a
# third more when tried on every sentence): a first in years, and how long a meeting lasted.
_FIRST_SINCE = re.compile(r"\bfirst\b[^;]{0,60}?\bsince\b", re.I)
_LASTED = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:minute|hour)\b", re.I)
_TRIVIA = re.compile(
    r"\b(?:no comment|any comment|(?:made|make|gave|offered) (?:any|no) (?:\w+ )?comments?|declined to comment|"
    r"did not (?:respond|comment|answer)|(?:greeted|hugged) each other|"
    r"shook hands|handshake|posed for|photographers|cameras|red carpet|sat (?:down|across|opposite)|were seated|"
    r"motorcade|arrived at|landed at|touched down|(?:is|are|was) scheduled|itinerary|news conference at|"
    r"reporters travel+ing)\b", re.I)
# An analyst's verdict, not news ("Brandt can fairly say that she kept her campaign promise"): worth less too,
# whatever outcome it names.
_COMMENTARY = re.compile(
    r"\b(?:can (?:fairly|rightly|now) (?:say|claim|argue)|it is fair to say|arguably|to be sure|"
    r"it remains to be seen|one could argue|is a reminder that|the lesson (?:of|here))\b", re.I)
# A decision: a body that decides (a court, a jury, a cabinet, a council, a board, a vote) ruling, voting, approving,
# rejecting, clearing ... within a few words of its name, a vote's count ("by four votes to one") or a verdict ("was
# found guilty"): what a story of a ruling or a vote turns on, for its bottom line and overview (briefer.story,
# briefer.sections).
_DECIDING_BODY = (r"(?:courts?|judges?|justices|jury|juries|tribunal|cabinet|council|councillors|board|directors|"
                  r"committee|parliament|senate|congress|assembly|MPs|lawmakers|legislators|shareholders|members|"
                  r"voters|commission|regulator|watchdog|inquiry|trustees|governors)")
_DECISION = re.compile(
    rf"\b{_DECIDING_BODY}(?:'s?)?\s+(?:[\w'’-]+\s+){{0,3}}?(?:has\s+|have\s+|had\s+|unanimously\s+)?"
    r"(?:ruled|voted|approved|rejected|backed|cleared|upheld|overturned|quashed|annulled|struck down|revoked|"
    r"dismissed|threw out|thrown out|"
    r"convicted|acquitted|sentenced|found\s+(?:\w+\s+){0,3}?(?:guilty|not guilty)|decided|passed|granted|refused|"
    r"blocked|endorsed|ratified|adopted|agreed(?:\s+on\s+\w+)?\s+to)\b|"
    r"\bby (?:a majority of )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?: votes)? to (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|none)\b|\bvoted (?:to|for|against)\b|"
    r"\b(?:was|were) (?:found (?:not )?guilty|convicted|acquitted|jailed|sentenced|fined|banned)\b",
    re.I)


# A count of a body's members as the subject ("Two members of the bank's rate committee voted against ...", "Six of the
# nine members ..."): how the body split, not what it decided (the mixed folder's bank story).
_SPLIT = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                    r"(?: of (?:the|its) (?:\d+|[a-z]+))? (?:members|judges|justices|jurors|councillors|directors)\b",
                    re.I)


def decides(text: str) -> bool:
    """Whether `text` reports a decision: a court, jury, cabinet, council, board or vote deciding (not how few of
    its members voted which way)."""
    return _DECISION.search(text) is not None and _SPLIT.search(text) is None


OUTCOME_WEIGHT = 1.5
TRIVIA_WEIGHT = 0.3
COMMENTARY_WEIGHT = 0.5


def weight(text: str) -> float:
    """How much a sentence is worth to a reader besides its content: outcomes up, trivia down (1: neutral)."""
    folded = fold(text)
    if _holds(folded, _TRIVIA_LOOK) and _TRIVIA.search(text):
        return TRIVIA_WEIGHT
    if _holds(folded, _COMMENTARY_LOOK) and _COMMENTARY.search(text):
        return COMMENTARY_WEIGHT
    if _OUTCOME.search(text) or _TERMS.search(text):
        return OUTCOME_WEIGHT
    low = text.lower()
    if ("first" in low and _FIRST_SINCE.search(text)) or (("minute" in low or "hour" in low) and _LASTED.search(text)):
        return OUTCOME_WEIGHT
    return 1.0


def agreed_terms(text: str) -> bool:
    """Whether a sentence gives the terms of a deal ("The deal gives workers an 11 per cent rise over two years")."""
    return _TERMS.search(text) is not None


def _balanced(text: str) -> bool:
    pairs = (("“", "”"), ("``", "''"), ("(", ")"), ("[", "]"))  # `` '': older newswire's quotes (DUC)
    if any(text.count(a) != text.count(b) for a, b in pairs):
        return False
    return text.count('"') % 2 == 0


def has_verb(text: str) -> bool:
    """True when some word of `text` is (most likely) a finite verb (in a step listed under its day, also a verb of
    what a timetable says happens: "Tuesday 30 June: the full town council votes on the £100,000 loan.")."""
    tokens = words(text)
    return not _VERBS.isdisjoint(tokens) or any(map(_ED.match, tokens)) \
        or (DATE_LABEL.match(text) is not None and not _STEP_VERBS.isdisjoint(tokens))


# The verbs of a timetable's steps, which elsewhere are as often nouns or adjectives ("a later start", "seven return
# crossings"): a verb only in a step listed under its day (`temporal.DATE_LABEL`: "Tuesday 30 June: ...").
_STEP_VERBS = frozenset(re.split(r"\s+", "start starts open opens close closes vote votes decide decides return "
                                        "returns resume resumes reopen reopens end ends"))


# Words without which a slow pattern cannot match (each of its alternatives needs one, in any case: the patterns
# are searched with re.I, and casefold() folds what re.I matches alike, "ſ" as "s"). Python's re tries such a
# pattern at every position; a look for its words first took these checks from about 1.5 to 0.4 s at 30,000
# sentences (docs/performance.md).
_BACK_REFERENCE_WORDS = ("those", "these", "such a", " there", " then", *(f"that {w}" for w in (
    "day", "night", "morning", "afternoon", "evening", "weekend", "date", "time", "point", "moment", "occasion")),
    "the same ", "unchanged", "member", "recall", "survived", "witnessed",
    "says this", "said this", "says that this", "said that this", "says these", "said these",
    "within the hour", "made the", "made that", "made this", "put the", "puts the", "putting the",
    *(f"{w} that" for w in (
        "put", "puts", "raised", "cut", "lowered", "revised", "increased", "reduced", "doubled", "halved", "trebled",
        "disputed")))
_BACK_REFERENCE_LOOK = look_for(_BACK_REFERENCE_WORDS)
_LEANS_ON_EARLIER_WORDS = ("also", "the two", "the agreement", "under th", "the plan", "the deal", "the scheme",
                           "the proposal", "the offer", "the move", "the decision", "the idea", "the arrangement",
                           "part of th", "result of th", ", that ", ", this ", ", these ", ", those ", ", it ",
                           ", they ", "this.", "this,", "this;", "that.", "that,", "that;",
                           "instead", "affected.")
_LEANS_ON_EARLIER_LOOK = look_for(_LEANS_ON_EARLIER_WORDS)
_OBJECT_PRONOUN_WORDS = (" it", " them")  # a case-sensitive pattern
_OBJECT_PRONOUN_LOOK = look_for(_OBJECT_PRONOUN_WORDS)
_TRIVIA_WORDS = ("comment", "respond", "answer", "greeted", "hugged", "shook hands", "handshake", "posed for",
                 "photographers", "cameras", "red carpet", "sat ", "were seated", "motorcade", "arrived at",
                 "landed at", "touched down", "scheduled", "itinerary", "news conference at", "reporters travel")
_TRIVIA_LOOK = look_for(_TRIVIA_WORDS)
_COMMENTARY_WORDS = ("can ", "fair to say", "arguably", "to be sure", "remains to be seen", "could argue",
                     "reminder that", "the lesson")
_COMMENTARY_LOOK = look_for(_COMMENTARY_WORDS)
_ANNOUNCES_WORDS = (":", "there ", "not been", "never been", "spoken", "what we know", "not the only", "felt",
                    "spreading", "following", "follows", "the other", "not every", "not all", "corrected what",
                    "clarified what", "withdrew what", "retracted what",
                    "simpler", "clearer", "starker", "harder", "easier", "worse", "better", "bleaker", "grimmer",
                    "different", "more ", "figures", "details", "numbers", "update", "count", "estimate", "total",
                    "the number", "the figure", "its number", "its figure", "repeated", "the date", "the time",
                    "the day")
_ANNOUNCES_LOOK = look_for(_ANNOUNCES_WORDS)


def _holds(folded: str, needles: re.Pattern[str]) -> bool:
    return needles.search(folded) is not None


_CALENDAR = frozenset((*MONTHS, *WEEKDAYS)) - {"may"}


def _orphan_pronoun(unquoted: str) -> bool:
    """True when a personal pronoun has no one before it to stand for, and no one after it in the same clause
    either ("Before he left, the minister ..." names him after the comma)."""
    m = _PERSONAL.search(unquoted)
    if m is None:
        return False

    def someone(tokens: Sequence[str], first: bool) -> bool:
        for k, token in enumerate(tokens):
            bare = token.strip("\"“”‘’'()[],.;:!?")
            low = bare.lower().removesuffix("'s").removesuffix("’s")
            if bare[:1].isupper() and not (first and k == 0 and low in STOP_WORDS) and low not in _CALENDAR:
                return True  # (a day or a month is no one: "The company said on Wednesday that he was now stable")
            if low in PERSON_NOUNS or low.endswith(("man", "woman")):  # "A retired postman and his wife ..."
                return True
        return False

    if someone(unquoted[:m.start()].split(), True):
        return False
    clause_end = unquoted.find(",", m.end())
    return not (clause_end >= 0 and someone(unquoted[clause_end + 1:].split()[:6], False))


def _names_own_subject(unquoted: str) -> bool:
    """True when the sentence's first pronoun follows a verb of saying whose subject is a noun of its own ("The
    minister said he would resign"), not another pronoun or a word that leans on a sentence before ("Both said
    they ...", "Then they said ...")."""
    m = _OWN_SUBJECT.match(unquoted)
    return m is not None and not any(w.lower() in STOP_WORDS for w in m.group("subject").split())


# A pronoun object in a clause of time or cause may stand for a noun phrase of the main clause before it
# ("Halvercombe Airport's baggage system was fully working again ..., two days after a faulty software update brought
# it to a halt": the system); not for one in a relative clause ("Alan Pryce, who watched from the site, called it").
_SUBORDINATE = re.compile(r",?\s(?:after|when|because|before|since|once)\s")
_BREAK = re.compile(r",?\s(?:after|when|because|before|since|once|until|while|but|and|who|which|that)\s|,\s")
_MAIN_NOUN = re.compile(r"\b(?i:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]{2,}|"
                        r"\b[A-Z][\w'’-]+['’]s\s+(?:[a-z][\w'’-]+\s+){0,2}?[a-z][\w'’-]{2,}")


_THING = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]{2,}\b")


# A plural noun ("the assistants", "three dogs"): a word in s after an article, a possessive or a figure.
_PLURAL = re.compile(r"\b(?:the|its|their|his|her|our|these|those|some|many|all|\d[\d,]*|two|three|four|five|six|seven|"
                     r"eight|nine|ten)\s+(?:[a-z][\w'’-]*\s+){0,2}?"
                     r"(?!(?:says|has|was|does|is|adds|thinks|believes|wants|needs|plans|hopes|expects|seems|"
                     r"remains|insists|argues|claims)\b)[a-z][\w'’-]*[^s\W]s\b", re.I)


# ... or a plural subject the pronoun stands for: "Police asked anyone who was on High Tarn on Friday to contact them."
_PLURAL_SUBJECT = re.compile(r"^(?:[A-Z][\w'’-]*\s+){0,3}?(?:[Pp]olice|[A-Z]?[a-z]+[^s\W]s)\s+(?:asked|urged|appealed|"
                             r"told|called|want|wanted|invited|encouraged|said|say|have|had|are|were|will|would)\b")


def _orphan_object(own: str) -> bool:
    """Whether a pronoun object ("called it", "thanked them") has nothing to stand for (`_OBJECT_PRONOUN`)."""
    for m in _OBJECT_PRONOUN.finditer(own):
        if m.group().startswith("to ") and (_PLURAL.search(own, 0, m.start()) or _PLURAL_SUBJECT.match(own)):
            continue  # "... found three dogs and offered to rehome them"
        # The pronoun's own clause is one of time or cause (the last break before it opens one), and a noun phrase
        # stands before the first break.
        breaks = list(_BREAK.finditer(own, 0, m.start()))
        # ("a week after taking it away": the pronoun with a particle after it.)
        if breaks and {"it", "them"} & set(m.group().split()) and _MAIN_NOUN.search(own, 0, breaks[0].start()) \
                and _SUBORDINATE.fullmatch(breaks[-1].group()):
            continue
        # ... or it is a clause of its own after ", and", a thing named with an article before it ("has made a new
        # pay offer to its 212 porters, and the union will put it to its members").
        if breaks and breaks[-1].group() == ", and " and m.group().split()[-1] == "it" \
                and _THING.search(own, 0, breaks[-1].start()):
            continue
        return True
    return False


def leans_back(text: str) -> bool:
    """True when `text` depends on the sentence before it (a pronoun, "this", "also", "But ..."); a transcript's line
    is read without its speaker's name ("[Henri Vasseur:] It is cheaper ..." leans on the question)."""
    text = referred(without_speaker(text))
    folded = text.casefold()
    # ("Another ewe ... died on Thursday night, bringing the number of sheep killed to 18" gives the whole it adds to.)
    opening = text.lstrip("\"“‘'([")
    end = opening.removesuffix("\n")
    dangling = (_DANGLING if end.removesuffix(".").removesuffix("!").lower().endswith(_ENDINGS)
                else _DANGLING_PLAIN).match(opening)
    if dangling and dangling.group().lower().startswith("another") and _TALLIED.search(text):
        dangling = None
    if dangling or _PRONOUN_SPEAKER.search(text) or _ELLIPTIC_SUBJECT.match(text) \
            or (_ELLIPTIC_END.search(text) and not _EVENT_NOUN.search(text)) \
            or _DESCRIBED_PRONOUN.match(text) or _THE_NUMBER.match(text) or _THE_PERSON.match(text) \
            or _ANSWER_SUBJECT.match(text) \
            or (_holds(folded, _BACK_REFERENCE_LOOK) and _BACK_REFERENCE.search(text)) \
            or (_holds(folded, _POINTS_BACK_LOOK) and _POINTS_BACK.search(unquoted(text))):
        return True
    own = unquoted(text)
    if (named := _NAMED_ALSO.match(own)) and _a_name(named.group(1).split()):
        own = own[: named.end(1)] + own[named.end(1) + len("also "):]  # "Coyle also said he had agreed to ..."
    return bool((_EARLY_PRONOUN.match(own) and not _names_own_subject(own))
                or (_holds(folded, _LEANS_ON_EARLIER_LOOK) and _LEANS_ON_EARLIER.search(own))
                or (_holds(own, _OBJECT_PRONOUN_LOOK) and _orphan_object(own))
                or _CONNECTIVE.match(own) or _EARLY_HER.match(own)
                or (_holds(folded, _PERSONAL_LOOK) and _orphan_pronoun(own))
                or (" them" in own and _orphan_them(own))
                or (" so" in own and _orphan_do_so(own)))


# "do so" stands for a verb phrase: one of its own sentence ("Police urged witnesses to come forward, but nobody has
# done so", "will begin once it is safe to do so", "Patients who would rather register elsewhere have been asked to
# do so"), else one of the sentence before ("Cllr Dennis Hargreave ... said he had not yet decided whether to do
# so", after the call-in it means).
_DO_SO = re.compile(r"\b(?:do|does|did|done|doing)\s+so\b(?!\s+(?:much|many|far|that|as|well|badly|often|quickly)\b)",
                    re.I)
_DO_SO_ANTECEDENT = re.compile(r"\bto\s+(?!do\b)[a-z]+|\b(?:and|but|who|which)\b|\b(?:for|of|about)\s+[a-z]+ing\b|;|"
                               r"\b(?:safe|possible|able|practical|appropriate|necessary|free)\s+to\s+(?=do\s+so\b)",
                               re.I)


def _orphan_do_so(own: str) -> bool:
    """True when "do so" has no verb before it in its sentence to stand for (see `_DO_SO`)."""
    m = _DO_SO.search(own)
    return m is not None and _DO_SO_ANTECEDENT.search(own, 0, m.end()) is None


# Words before "them" that it may stand for: a plural ("cracks", "the crew's boats"), or a noun of many.
_MANY = frozenset({"people", "men", "women", "children", "police", "staff", "crew", "team", "family", "families",
                   "public", "group", "both", "all", "each", "others", "pair", "couple", "everyone", "jury",
                   "audience", "crowd", "class", "board", "committee", "council", "government", "company", "club"})


def _orphan_them(own: str) -> bool:
    """True when "them" has nothing before it in its sentence that it could stand for ("The contractor, Keelstone
    Concrete, will repair them at its own cost": the cracks of the sentence before)."""
    m = re.search(r"\bthem\b", own)
    if m is None:
        return False
    before = [w.lower().rstrip("'’").removesuffix("'s").removesuffix("’s")
              for w in re.findall(r"[A-Za-z'’-]+", own[:m.start()])]
    return not any((w.endswith("s") and not w.endswith(("'s", "’s", "ss", "us", "is")) and len(w) > 3)
                   or w in _MANY for w in before)


# A named person who "also said" something: what they said stands alone, the person named ("Coyle also said he had
# agreed to appear before the committee on June 24"); not "Officials also said ...".
_NAMED_ALSO = re.compile(r"^((?:[A-Z][\w'’-]+\s+){1,3})also\s+(?:said|says|told|warned|announced|confirmed|added)\b")


def _a_name(names: list[str]) -> bool:
    """Two capitalised words, or one that is no everyday word (`NAME_ZIPF`: "Coyle", "Stephen Coyle"; not
    "Officials", "The Council")."""
    return not any(w.lower() in STOP_WORDS for w in names) and (len(names) >= 2 or zipf(names[0].lower()) < NAME_ZIPF)


def announces(text: str) -> bool:
    """True when `text` announces what the next sentence gives (a list, the details) and says little alone."""
    if not _holds(text.casefold(), _ANNOUNCES_LOOK):
        return False
    return _ANNOUNCES.search(unquoted(text).rstrip()) is not None


# A short sentence that is a key fact of its own, whatever its length: "No one was hurt."
_NO_ONE_HURT = re.compile(r"(?:No one|No-one|Nobody)(?: else)? (?:was|were|has been|had been|is|is thought to have "
                          r"been) (?:seriously )?(?:hurt|injured|killed|harmed)\.")


def is_whole(text: str, limits: Limits) -> bool:
    """True when `text` is a whole sentence (length, ends, balanced quotes, a verb), whatever it leans on."""
    n = len(text.split())
    if not (limits.min_sentence_words <= n or _NO_ONE_HURT.fullmatch(text)) or n > limits.max_sentence_words:
        return False
    if not _START.match(text) or not _END.search(text) or not _balanced(text):
        return False
    # A bare quote with no speaker is a claim without a source; a fact sheet's line under a when or where label is
    # no sentence ("When: reported late on Tuesday night; crews stayed overnight into Wednesday."); one under a
    # label that a whole clause follows may be ("Cause: fire investigators believe it began in the electrics.").
    # (A title in quotation marks that opens a sentence of its own is no quote: '"Fakes and Fortunes" opens on
    # Saturday 3 October and will tell the story of how the forgery was found'.)
    if (_OPEN_QUOTE.match(text) and not _ATTRIBUTION.search(unquoted(text)) and not _TITLE_FIRST.match(text)) \
            or _LABELLED.match(text):
        return False
    # A sentence in capitals is a page's display type ("BRACKENFORD'S 15-METRE CHRISTMAS TREE CAME CRASHING DOWN
    # ..."): the article tells it again in its own words, and a brief does not shout.
    if _shouted(text):
        return False
    return has_verb(text)


SHOUTED_SHARE = 0.8  # of a sentence's letters in capitals, for a sentence of at least `SHOUTED_WORDS` words
SHOUTED_WORDS = 6


def _shouted(text: str) -> bool:
    if len(text.split()) < SHOUTED_WORDS or not text[:1].isupper() or not text[1:3].isupper():
        return False
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)


# The reporter's note that someone could not be asked: it tells the reader nothing about the story.
_NO_COMMENT = re.compile(
    r"\b(?:(?:was|were|is|are) not (?:immediately )?available for comment|could not (?:immediately )?be reached|"
    r"did not (?:immediately )?(?:respond|reply) to (?:a |an |repeated )?"
    r"(?:requests?|messages?|e-?mails?|calls?|questions?)|"
    r"declined to comment|(?:did|would|could) not (?:immediately )?comment|"
    # ... or to be drawn: "Halloran declined to discuss the deal in detail when asked about it on Wednesday."
    # (... not in a clause on a speaker: "Vossberg, who had refused to talk about Ottley while ..., said he was
    # delighted.")
    r"(?<!\bwho )(?<!\bwho had )(?:declined|refused) to (?:discuss|talk about|be drawn (?:on|into)|elaborate|"
    r"go into detail)|"
    r"(?:has|have|had) not (?:yet )?(?:replied|responded)(?= to (?:the |a |its |their )?(?:letter|request|questions?|"
    r"e-?mails?|calls?|claims?)\b|\s*[.]?$)|"
    r"(?:had|has|have|gave) no (?:immediate )?comment|(?:had|has|have|gave|made) any comment|"
    # ... or would not name anyone: "Officials did not release the names of the dead or injured."
    r"(?:did|do|have|has|had|would) not (?:yet |immediately )?(?:release|released|give|given|publish|published|"
    r"disclose|disclosed) (?:the |their |his |her )?(?:names?|identit(?:y|ies))|"
    # ... or has said nothing in public: "Colm Ferrier, the managing director, has not spoken publicly since Monday."
    r"(?:has|have|had) not (?:yet )?spoken (?:publicly|in public|to (?:the )?(?:press|media|reporters))"
    r"(?:\s+(?:since|about|on)\b[^.;]{0,40}?)?(?=[.]?$))\b",
    re.I)
_NO_COMMENT_WORDS = ("comment", "be reached", "respond", "reply", "replied", "name", "identit", "not spoken",
                     "not yet spoken", "declined to", "refused to")
_NO_COMMENT_LOOK = look_for(_NO_COMMENT_WORDS)


def no_comment(text: str) -> bool:
    """True when `text` only says that someone could not be asked or would not comment."""
    return _holds(text.casefold(), _NO_COMMENT_LOOK) and _NO_COMMENT.search(unquoted(text)) is not None


# A live page speaking to its readers: "Many of you have been in touch.", "Let us know what you think."
_TO_READERS = re.compile(r"^(?:many|some|all|a few|lots|thousands|hundreds) of you\b|"
                         # an order to the reader: "Download the Wend Valley Radio app for travel and flood alerts.",
                         # "To donate to Garsby MRT, visit the team's website."
                         r"^(?:download|subscribe|follow us|sign up|listen (?:again|live)|watch (?:again|live))\b|"
                         r"^please (?:do not|don't|avoid|stay away|keep (?:away|clear|windows))\b|"
                         # a station's promotion: "Travel news on Westmoor FM every 20 minutes through the storm."
                         r"^(?:travel|weather|sport|local) (?:news|updates?|bulletins?) (?:on|from) [A-Z][^.]{0,40}"
                         r"\bevery \d+ minutes\b|"
                         r"^to (?:donate|find out more|read more|listen|watch|subscribe|sign up|get)\b[^.;]{0,60},\s*"
                         r"(?:visit|go to|call|email|download|follow|see)\b|"
                         # an appeal: "Anyone who is offered it, or a painting like it, should call us."
                         r"^anyone (?:who|with)\b[^.;]{0,80}\bshould (?:call|contact|ring|phone|get in touch with) "
                         r"us\b|"
                         # ... a police appeal: "Anyone who saw the crash or has dashcam footage is asked to contact
                         # police on 101, quoting log 0194 of 16 November."
                         r"^anyone (?:who|with)\b[^.;]{0,120}\b(?:is|are) (?:being )?(?:asked|urged|encouraged) to "
                         r"(?:call|contact|ring|phone|get in touch)\b|"
                         # a release's courtesy: "The club would like to thank the volunteer crew of the ... lifeboat"
                         r"^(?:we|the [\w'’ -]{1,40}?) (?:would like to|wishes to|wish to|want to) "
                         r"(?:thank|pay tribute)\b|"
                         # a number to ring, as an order: "Call the park's hotline on 01632 960781, or 999 if ..."
                         r"^(?:please )?(?:call|ring|phone|text|contact)\b[^.;]{0,60}?\b(?:on|via) \+?\d[\d ]{5,}|"
                         # ... or a short number: "Call 105, free, from any phone.", "Dial 999 in an emergency."
                         r"^(?:please )?(?:call|ring|phone|dial|text)\s+\d{3,}\b|"
                         # a number to ring, as a statement: "The council's emergency line is 0300 555 0192."
                         r"^(?:the )?[\w'’ -]{0,40}\b(?:line|helpline|hotline|number) (?:is|are) \+?\d[\d ]{6,}|"
                         # advice to the reader: "If you have a pet you cannot take with you, tell the officer ..."
                         r"^if you\b|"
                         # a page's own notice: "Comments have been switched off on this live page for legal reasons."
                         r"^comments (?:have been|are|were) (?:switched off|turned off|closed|disabled)\b|"
                         # a live page's greeting: "Welcome to our live coverage of the wartime bomb found ..."
                         r"^(?:good (?:morning|afternoon|evening)(?:[.,!]|\s+and)?\s+)?welcome to (?:our|this|the) "
                         r"(?:live|rolling)\b|"
                         # where to look for what comes: "Parents should check the schools' websites for home
                         # learning.", "Passengers are advised to check before they travel."
                         r"^(?:parents|residents|people|customers|passengers|travellers|drivers|motorists|visitors|"
                         r"commuters|pupils|students|families|fans)\s+(?:should|are (?:asked|advised|urged|told) to)\s+"
                         r"(?:check|keep checking|look at|keep an eye on|follow)\b|"
                         # a notice about the page or its reports, not news: "Transcripts are produced by Skerrin Sound
                         # for accessibility and may contain errors.", "Please check against the broadcast before
                         # quoting.", "A witness in this case is under 18 and cannot be identified.", "Court reports
                         # in the Carrowby Courier are published in accordance with the law on contempt of court.",
                         # "Published by Star Regional Newspapers Ltd."
                         r"^(?:this )?transcripts? (?:is|are|was|were|has been|have been) (?:produced|provided|made|"
                         r"prepared)\b|"
                         r"^please check against (?:the )?(?:broadcast|recording|audio|delivery)\b|"
                         r"^published by [\w&'’ .-]{2,60}?\b(?:ltd|limited|plc|group|media|newspapers|"
                         r"publishing)\b\.?$|"
                         # a live page correcting itself: "In our 10:42 post we said the penguin ... was Pebbles."
                         r"^in (?:our|an|the) (?:earlier|previous|last|\d{1,2}[:.]\d\d) (?:post|update|entry)\b|"
                         r"^(?:let us know|tell us|get in touch|we(?:'d| would)? (?:like|love|want) to hear|e-?mail us|"
                         r"write to us|send us)\b|"
                         r"^(?:do|have|did|are|were|can|could) you\b[^.]*\?$|^thank you\b|"
                         r"^(?:listeners|readers|viewers) have been (?:getting )?in touch\b|"
                         # ... or advising them: "Road users are advised to plan ahead and allow extra time for their
                         # journeys."
                         r"^(?:road users|drivers|motorists|passengers|travellers|visitors|customers|the public)\b"
                         r"[^.]{0,30}?\b(?:are|is) (?:being )?(?:advised|asked|urged|encouraged|reminded) to "
                         r"(?:plan ahead|allow (?:extra|more|plenty of) time|check before)\b|"
                         # ... "People are asked to avoid the area." (in the present: "Drivers were advised to avoid
                         # the area while ..." reports what was done), "... reminds the public that ..."
                         r"^(?:people|the public|members of the public|residents|motorists|drivers|visitors)\b"
                         r"[^.]{0,20}?\b(?:are|is) (?:being )?(?:asked|urged|advised|told) to (?:avoid|stay away from|"
                         r"keep away from|keep clear of) the area\b|"
                         # "Anyone who bought Hollin Blue is asked to throw it away or return it to the shop."
                         r"^anyone who (?:has |have )?(?:bought|owns|has|ate|eaten|visited|used)\b[^.]{0,80}?"
                         r"\b(?:is|are) (?:being )?(?:asked|urged|advised|told) to\b|"
                         # ... where to ask: "Email newsdesk@... or call 01632 960 114.", "Check before you travel at
                         # westmarchrail.example or call 0345 600 1234.", "Anyone who needs help can call Brackwell
                         # Council's emergency line on 0300 555 0142.", "Parents who are worried should phone their GP
                         # or NHS 111 ..."
                         r"^e-?mail\s+\S+@\S+|"
                         # ... a newsletter's own lines: "You are receiving this email because you signed up at ...",
                         # "If you have news for the Round-up, just hit reply.", "The Round-up is free thanks to Tane
                         # Valley Plumbing & Heating.", a sponsor's offer ("Boiler service from £65, no call-out
                         # charge")
                         r"^you (?:are )?receiv(?:e|ing) this (?:email|e-mail|newsletter|message)\b|"
                         r"^(?:that's it for this week\.\s*)?if you have (?:news|a story|a tip|something)\b[^.]{0,60}"
                         r"\b(?:hit reply|reply to this|email|get in touch|let (?:me|us) know)\b|"
                         r"^[\w'’ &-]{2,50} is (?:free|brought to you|made possible) (?:thanks to|by)\b|"
                         r"^[A-Z][\w'’ &-]{2,40} from [£$€]\d[\d.,]*,? (?:no|free) [\w-]+ (?:charge|fee|quote)s?\b|"
                         # ... a standing explainer: "Symptoms of measles include a high temperature, ..."
                         r"^(?:the )?(?:early )?(?:symptoms|signs) (?:of [\w -]{2,30} )?(?:include|can include|are)\b|"
                         r"^(?:check|visit|see|go to)\b[^;]{0,60}?\bor (?:call|ring|phone)\b[^.;]{0,30}\d|"
                         r"^anyone (?:who needs|needing|in need of) (?:help|support|advice)\b[^.;]{0,40}\b"
                         r"(?:can|should) (?:call|ring|phone|contact)\b|"
                         r"^(?:parents|anyone|people|those|residents|patients|tenants|customers)\b[^.;]{0,30}\bwho "
                         r"(?:are|is|feel|feels) (?:worried|concerned|unwell)\b[^.;]{0,40}\b(?:should|can) (?:phone|"
                         r"call|ring|contact|see|speak to|report)\b|"
                         # a station's own promotion: "Listen to Radio Corrowdale breakfast from 6am for the latest.",
                         # "Radio Ellisford Sport will have full commentary from 2pm."
                         r"^(?:listen|tune in|watch)\b[^.;]{0,60}\bfor (?:the )?(?:latest|more|updates|"
                         r"full coverage)\b|"
                         r"^[A-Z][\w'’ &-]{2,40} will (?:have|bring you|carry) (?:full |live )?"
                         r"(?:commentary|coverage)\b|"
                         # a statement's closing lines: "The club will give a further update when appropriate and asks
                         # that Kwame's privacy is respected during his recovery."
                         r"^[^.;]{0,40}\bwill (?:give|provide|issue) (?:a |any )?further updates? "
                         r"(?:when appropriate|in "
                         r"due course|when (?:it|we) can)\b|"
                         # ... or inviting them: "Members of the public can attend."
                         r"^(?:members of the public|the public|everyone|anyone|all) (?:can|may|are welcome to|"
                         r"is welcome to) attend\b", re.I)


# ... and the same kinds anywhere in a sentence, searched only when one of their words is there (each of the
# patterns above is anchored at the start, which the regex engine tries once): "The Local Democracy Reporting Service
# is a public service news agency.", "... may contain errors.", "A witness in this case is under 18 and cannot be
# identified.", "... in accordance with the law on contempt of court.", "The fire service reminds the public that ...".
_TO_READERS_ANYWHERE = re.compile(r"\bis an? (?:public service |independent )?news agency\b|"
                                  r"\bmay contain (?:errors|mistakes|inaccuracies)\b|"
                                  r"\bin this case\b[^.;]{0,40}\b(?:cannot|can ?not|may not|must not) be "
                                  r"(?:identified|named)\b|"
                                  r"\bin accordance with the law (?:on|of) contempt\b|"
                                  r"\breminds? (?:the public|people|residents|visitors|drivers|motorists|walkers)\b",
                                  re.I)
_TO_READERS_WORDS = ("news agency", "may contain", "in this case", "contempt", "remind")


def to_readers(text: str) -> bool:
    """True when `text` speaks to the outlet's readers rather than telling the story."""
    bare = text.strip("\"“‘' ")
    if _TO_READERS.match(bare) is not None:
        return True
    folded = bare.casefold()
    return any(w in folded for w in _TO_READERS_WORDS) and _TO_READERS_ANYWHERE.search(bare) is not None


# An unquoted sentence in the first person singular: an interview's answer printed as text ("I have asked officers
# to look again at the residents' pass before Wednesday.") or a reporter's own voice; as an item, nobody's words.
_FIRST_PERSON = re.compile(r"^I(?:\s|['’](?:m|ve|d|ll)\b)")


def is_candidate(text: str, limits: Limits) -> bool:
    """True when `text` reads as a whole, self-contained sentence fit to quote in a brief."""
    own = without_speaker(text)  # (a transcript's line, read without its speaker: "[Ives:] We would like to hear")
    if spoken(text) and len(own.split()) < limits.min_sentence_words:
        return False  # an answer too short to stand without its question ("[Marcus Fenn:] We don't know yet.")
    return is_whole(text, limits) and not leans_back(text) and not announces(text) and not no_comment(own) \
        and not to_readers(own) and not _FIRST_PERSON.match(own)


def spin_score(doc: Document) -> float:
    """Signs of machine paraphrase per 1,000 words (braces left by spinners, small numbers as digits, 'said' gone);
    none counted below SPIN_MIN_SIGNALS."""
    text = " ".join(doc.paragraphs)
    # Each paragraph's tokens (no token spans the space that joins them): the key-quote finder asks for the same.
    tokens = [w for paragraph in doc.paragraphs for w in words(paragraph)]
    if not tokens:
        return 0.0
    signals = len(_SPIN_BRACES.findall(text)) + spun_numbers(text)
    # Newsrooms attribute with "said"; spinners swap it for synonyms wholesale.
    if len(tokens) > 300 and tokens.count("said") == 0 and tokens.count("mentioned") >= 3:
        signals += 3
    return 1000.0 * signals / len(tokens) if signals >= SPIN_MIN_SIGNALS else 0.0


def spun_numbers(text: str) -> int:
    """How often a small number stands as a digit after the, these, those, all, for or with ("the 5 ministers")."""
    # The word before the digit is at most five letters: a six-character window holds it and its boundary.
    return sum(1 for m in _SPIN_DIGIT.finditer(text)
               if _SPIN_DIGIT_AFTER.search(text, max(m.start() - 6, 0), m.start()))


# An aggregator's rewrite of other outlets' reports hedges what it retells: "according to reports", "is reported to",
# "were said to", "the Penmoor Gazette reported". Real reports hedge a claim or two ("The fire is believed to have
# started ..."); a rewrite hedges most of its sentences. Set by reading every test story's articles (none but the
# ransomware's aggregator page has more than one sign), the seeds and the DUC 2004 dev articles (none has two).
_RETOLD = re.compile(r"\baccording to (?:(?:local |media |press |news )?reports|"
                     r"(?:the )?[A-Z][\w'’]*(?: [A-Z][\w'’]*){0,3})"
                     r"|\b(?:is|are|was|were|has been|have been) (?:reported|said|understood) to\b|\breportedly\b"
                     r"|\b(?:the )?[A-Z][\w'’]*(?: [A-Z][\w'’]*){0,3} reported\b(?! (?:that|on|a|an|the)\b)")
RETOLD_SIGNS = 3  # hedged retellings a document needs to read as a rewrite ...
RETOLD_SHARE = 0.4  # ... in this share of its paragraphs at least


def rewrites_reports(doc: Document) -> bool:
    """True when a document retells other outlets' reports (an aggregator's rewrite): corroboration, never quoted."""
    # (Every sign of `_RETOLD` holds one of these words: most paragraphs are told apart without the pattern.)
    hedged = sum(1 for p in doc.paragraphs if ("report" in p or "according to" in p or "said to" in p
                                                or "understood to" in p) and _RETOLD.search(p))
    return hedged >= RETOLD_SIGNS and hedged >= RETOLD_SHARE * len(doc.paragraphs)


def looks_spun(doc: Document) -> bool:
    """True when a document reads as a machine-paraphrased copy."""
    return spin_score(doc) >= SPIN_SIGNALS_PER_1000_WORDS


def inside_quotes(sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence: does it start inside a quotation opened by an earlier sentence of its paragraph?"""
    out: list[bool] = []
    curly, straight, where = 0, False, (-1, -1)
    for s in sentences:
        if (s.doc, s.paragraph) != where:
            curly, straight, where = 0, False, (s.doc, s.paragraph)
        out.append(curly > 0 or straight)
        # Curly quotes, and the `` '' pairs of older newswire (DUC) text.
        opened = s.text.count("“") + s.text.count("``")
        closed = s.text.count("”") + s.text.count("''")
        curly = max(curly + opened - closed, 0)
        straight ^= s.text.count('"') % 2 == 1
    return out


def candidate_mask(sentences: Sequence[Sentence], docs: Sequence[Document], limits: Limits, *,
                   spun: Collection[int] | None = None) -> list[bool]:
    """For each sentence: may it be quoted? (never from spun documents, never a fragment of a longer quotation).

    `spun`: indices of the documents that look spun, when the caller has judged them already.
    """
    if spun is None:
        spun = {i for i, doc in enumerate(docs) if looks_spun(doc)}
    quoted = inside_quotes(sentences)
    # A report the next sentence of its paragraph says was wrong ("The Echo reported ... had said there was 'no risk'."
    # / "The council has since said Cllr Tamblin did not say there was no risk ...") is never quoted without it.
    denied = {i - 1 for i in range(1, len(sentences)) if _misreported(sentences[i].text)
              and (sentences[i - 1].doc, sentences[i - 1].paragraph) == (sentences[i].doc, sentences[i].paragraph)}
    # A paragraph that opens with "But" or "And" turns against the paragraph before, not against a sentence the item
    # would need: "But the count of properties flooded on Tuesday night has risen to 63: ..." stands alone.
    # (A long one that names all it tells: "And the row has split the village.", "And on Monday it vanished from the
    # green" lean on more than the paragraph before.)
    opens = {i for i, s in enumerate(sentences)
             if (i == 0 or (sentences[i - 1].doc, sentences[i - 1].paragraph) != (s.doc, s.paragraph))
             and _OPENING_CONJUNCTION.match(s.text) and len(s.text.split()) >= TURN_WORDS
             and not _REFERRING.search(s.text)}
    return [s.doc not in spun and not q and i not in denied
            and is_candidate(_without_conjunction(s.text) if i in opens else s.text, limits)
            and not (docs[s.doc].speakers and _STANDFIRST.search(s.text))
            for i, (s, q) in enumerate(zip(sentences, quoted, strict=True))]


_TALLIED = re.compile(r"\b(?:bringing|taking) (?:the|its|their) (?:[a-z]+ ){0,2}(?:total|number|toll|count|tally)\b"
                      r"[^.;]{0,50}\bto\s+(?:\d|[a-z]+\b)", re.I)
_OPENING_CONJUNCTION = re.compile(r"^(?:But|And)\s+(?=[a-zA-Z])")
TURN_WORDS = 15
_REFERRING = re.compile(r"\b(?:it|its|they|them|their|this|these|those|he|she|his|her|him|there)\b", re.I)


def _without_conjunction(text: str) -> str:
    rest = _OPENING_CONJUNCTION.sub("", text, count=1)
    return rest[:1].upper() + rest[1:]


# A first belief and the sentence after it that puts it right: "Organisers initially believed a sudden gust had
# snapped the tether line." / "It is now thought the line held, ...": the first is quoted only with the second
# (`briefer.sections`).
FIRST_THOUGHT = re.compile(r"\b(?:initially|at first|originally|first) (?:believed|thought|assumed|suspected|said)\b",
                            re.I)
NOW_THOUGHT = re.compile(r"^(?:but |however, )?(?:it is|it's|they|police|investigators|officials|organisers|experts) "
                          r"(?:now )?(?:thought|believed|understood|appears|seems|know|say|now (?:think|believe|"
                          r"say))\b|^(?:but |however, )?it (?:is|was) now (?:thought|believed|clear|known|"
                          r"understood)\b", re.I)
_MISREPORTED = re.compile(r"\b(?:said|says)\b[^.;]{0,80}?\b(?:did not say|never said)\b|"
                          r"\b(?:was misreported|were misreported|misquoted|was taken out of context|"
                          r"was wrongly reported|were wrongly reported)\b", re.I)
_MISREPORTED_LOOK = look_for(("did not say", "never said", "misreported", "misquoted", "out of context",
                                "wrongly reported"))


def _misreported(text: str) -> bool:
    """`_MISREPORTED.search(text)`, tried only when the text holds one of the phrases it needs."""
    return _holds(text.casefold(), _MISREPORTED_LOOK) and _MISREPORTED.search(text) is not None


# An interview's standfirst: who spoke to whom ("Henri Vasseur ... spoke to Clara Benz about fares, tunnels and ..."):
# who's who reads it, no item quotes it.
_STANDFIRST = re.compile(r"\b(?:spoke|talked|speaks|talks) to [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)* about\b|"
                         r"^(?:We|I) (?:spoke|talked) to\b|"
                         r"\bin an interview with\b", re.I)


# A sentence this short that leans on the one before it is that one's punchline ("Above all, they agreed to keep
# talking."): the one before is only ever quoted with it.
SHORT_TAIL_WORDS = 12


def joined_pairs(sentences: Sequence[Sentence], mask: Sequence[bool], limits: Limits) -> dict[int, tuple[int, int]]:
    """Items of two consecutive sentences: {the candidate that stands for the pair: (first, second)}.

    A whole sentence that leans on the one before it (`leans_back`) is quoted with it, when that one may be
    quoted on its own, sits in the same paragraph (or ends the paragraph before, for a sentence that counts its
    time from it: "Hours later, ..."), and the two together are no longer than a sentence may be.
    A short one rides on the sentence before it (that sentence stands for the pair); a longer one stands for
    the pair itself, and the sentence before it may still be quoted alone. A sentence that announces the
    next one (`announces`) is only ever quoted before it: the next sentence stands for the pair.
    """
    quoted = inside_quotes(sentences)
    quotable_docs = {s.doc for s, ok in zip(sentences, mask, strict=True) if ok}  # a spun document has none
    out: dict[int, tuple[int, int]] = {}
    for i in range(1, len(sentences)):
        s, before = sentences[i], sentences[i - 1]
        if (s.doc, s.paragraph) == (before.doc, before.paragraph) and not quoted[i] and not quoted[i - 1] \
                and announces(before.text) and is_whole(before.text, limits) and not leans_back(before.text) \
                and (mask[i] or (s.doc in quotable_docs and is_whole(s.text, limits) and not announces(s.text))) \
                and len(s.text.split()) + len(before.text.split()) <= limits.max_sentence_words:
            out[i] = (i - 1, i)
            continue
        if mask[i] or not mask[i - 1] or quoted[i] or s.doc != before.doc or (
                s.paragraph != before.paragraph and not _COUNTED_FROM_BEFORE.match(s.text)):
            continue
        n = len(s.text.split())
        if n + len(before.text.split()) > limits.max_sentence_words or not is_whole(s.text, limits) \
                or no_comment(s.text) or announces(s.text):
            continue  # (a no-comment line is no part of an item: "Neither had any comment on Tuesday.")
        if leans_back(s.text):
            out[i - 1 if n <= SHORT_TAIL_WORDS else i] = (i - 1, i)
    return out


# A machine-paraphrased copy of another source keeps each sentence's skeleton (its function words, in order,
# and its length) and swaps many content words for rarer synonyms: sentence by sentence, in order.
PARAPHRASE_SKELETON = 0.7  # similarity of the two sentences' function-word sequences
# ... when the two share no content word at all, and the function words that sentence needs at least
PARAPHRASE_SKELETON_ALONE = 0.85
PARAPHRASE_SKELETON_WORDS = 4
PARAPHRASE_SHARE = 0.6  # share of a document's sentences that must be such rewordings of the other's
# ... where a sentence the spinner left nearly as it was (a quotation: only "said" swapped) counts too, so long as
# this share are rewordings proper (a wire copy with small edits has all its sentences kept and next to none
# reworded).
PARAPHRASE_REWORDED = 0.4
PARAPHRASE_MIN_SENTENCES = 4
PARAPHRASE_HEAD_WORDS = 4
# Comparing sources pairwise grows with the square of their number: a firehose (1,000 articles, 30,000
# sentences) took 3 s more, so only sets of at most this many documents (one story's sources) are compared.
PARAPHRASE_MAX_DOCUMENTS = 200


Shape = tuple[tuple[str, ...], frozenset[str], int]  # a sentence's function words, content words, length


def _skeleton(text: str) -> Shape:
    tokens = words(text)
    return (tuple(w for w in tokens if w in STOP_WORDS), frozenset(w for w in tokens if w not in STOP_WORDS),
            len(tokens))


def _reworded(a: Shape, b: Shape, matchers: dict[tuple[str, ...], SequenceMatcher[str]]) -> bool:
    """True when b keeps a's skeleton and length but swaps some of its content words. `matchers`: one
    SequenceMatcher per function-word sequence seen as b (difflib caches what it learns of its second sequence,
    and each of a document's first sentences is compared with many)."""
    (fa, ca, na), (fb, cb, nb) = a, b
    if not fa or not fb or min(na, nb) < 0.75 * max(na, nb):
        return False
    common = len(ca & cb)
    share = common / max(len(ca) + len(cb) - common, 1)  # the share of content words both use
    if share >= KEPT:
        return False
    # Every content word swapped ("The origin of the blaze is not yet identified." / "The cause of the fire is not
    # yet known."): the skeleton alone must then match closely, and be a skeleton of some length.
    alone = share < 0.1
    if alone and min(len(fa), len(fb)) < PARAPHRASE_SKELETON_WORDS:
        return False
    need = PARAPHRASE_SKELETON_ALONE if alone else PARAPHRASE_SKELETON
    matcher = matchers.get(fb)
    if matcher is None:
        matcher = matchers[fb] = SequenceMatcher(None, b=fb, autojunk=False)
    matcher.set_seq1(fa)
    # The quick ratios are upper bounds of ratio() (difflib's documentation): the same answer, most pairs
    # settled without the full matching.
    return matcher.real_quick_ratio() >= need and matcher.quick_ratio() >= need and matcher.ratio() >= need


# Content words two sentences share (of all either uses) at which one is the other kept nearly as it was.
KEPT = 0.85


def _kept(a: Shape, b: Shape) -> bool:
    """True when b is a, nearly word for word (a quotation a spinner left alone but for its verb of saying)."""
    (_, ca, na), (_, cb, nb) = a, b
    common = len(ca & cb)
    return min(na, nb) >= 0.75 * max(na, nb) and common >= KEPT * (len(ca) + len(cb) - common)


# How much more of one copy's swapped words the story's other documents must use for it to be the original (the
# share of its swapped words they use, against the other copy's): the foods story's wire 0.3 against its spun
# copy's 0.05; a story of two documents has no others, and the longer words decide (`_copy_is_first`).
ATTESTED_MARGIN = 0.1


def _mean_length(swapped: set[str]) -> float:
    """Mean length of the words, in letters."""
    return sum(len(t) for t in swapped) / len(swapped)


def _rarity(swapped: set[str]) -> float:
    """Mean Zipf frequency of the words."""
    # Imported only here (0.2 s), for a near tie: most inputs have no rewording.
    from wordfreq import zipf_frequency

    return sum(zipf_frequency(t, "en") for t in swapped) / len(swapped)


def paraphrased_copies(sentences: Sequence[Sentence]) -> set[int]:
    """Documents that reword another document sentence by sentence, in order (a spinner's copy that keeps
    "said" and so escapes `looks_spun`).

    Only pairs of documents that share PARAPHRASE_HEAD_WORDS content words in their first three sentences are
    compared. Which of the two is the copy: see `_copy_is_first`.
    """
    by_doc: dict[int, list[str]] = {}
    for s in sentences:
        by_doc.setdefault(s.doc, []).append(s.text)
    if len(by_doc) > PARAPHRASE_MAX_DOCUMENTS:
        return set()
    shapes = {d: [_skeleton(t) for t in texts] for d, texts in by_doc.items()}
    heads: dict[str, set[int]] = {}
    for d, shape in shapes.items():
        for term in set().union(*(c for _, c, _ in shape[:3])) if shape else ():
            heads.setdefault(term, set()).add(d)
    # How many documents use each content word: the words "the story's other documents" use, for any pair, without
    # gathering those documents' words again for each pair found (0.6 s at 3,000 sentences).
    words_of = {d: {w for _, c, _ in shape for w in c} for d, shape in shapes.items()}
    used_by = Counter(w for words in words_of.values() for w in words)
    spun: set[int] = set()
    matchers: dict[tuple[str, ...], SequenceMatcher[str]] = {}
    for x in sorted(shapes):
        shared: dict[int, int] = {}
        for term in set().union(*(c for _, c, _ in shapes[x][:3])) if shapes[x] else ():
            for d in heads[term]:
                if d > x:
                    shared[d] = shared.get(d, 0) + 1
        for y in sorted(d for d, n in shared.items() if n >= PARAPHRASE_HEAD_WORDS):
            a, b = shapes[x], shapes[y]
            if min(len(a), len(b)) < PARAPHRASE_MIN_SENTENCES:
                continue
            # In order: each sentence of the shorter document looks for its rewording at or after the last one.
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            found, kept, k = 0, 0, 0
            swapped_s: set[str] = set()
            swapped_l: set[str] = set()
            need, reworded = PARAPHRASE_SHARE * len(short), PARAPHRASE_REWORDED * len(short)
            for m, sa in enumerate(short):
                if found + kept + len(short) - m < need or found + len(short) - m < reworded:
                    break  # too few rewordings left to find: not a paraphrase (a copy kept word for word is none)
                for j in range(k, min(k + 4, len(long_))):
                    # The lengths first, inline: most pairs of sentences fail there (0.5 s of calls at 3,000).
                    if min(sa[2], long_[j][2]) < 0.75 * max(sa[2], long_[j][2]):
                        continue
                    if _reworded(sa, long_[j], matchers):
                        found += 1
                        swapped_s |= sa[1] - long_[j][1]
                        swapped_l |= long_[j][1] - sa[1]
                        k = j + 1
                        break
                    if _kept(sa, long_[j]):
                        kept += 1
                        k = j + 1
                        break
            if found + kept < need or found < PARAPHRASE_REWORDED * len(short) or not swapped_s or not swapped_l:
                continue

            others = {w for w in swapped_s | swapped_l
                      if used_by[w] > (w in words_of[x]) + (w in words_of[y])}
            copy_is_short = _copy_is_first(swapped_s, swapped_l, others)
            spun.add((x if len(a) <= len(b) else y) if copy_is_short else (y if len(a) <= len(b) else x))
    return spun


def _copy_is_first(first: set[str], second: set[str], others: set[str]) -> bool:
    """Which of two documents' swapped words are the spinner's: those the story's other documents use less (the
    original's "shares", "profit", "forecast" are the story's words; the spinner's "offers", "benefit", "figure" are
    nobody's), or, when the other documents do not tell them apart, the longer words: a thesaurus swaps "ban",
    "customers", "people" for "prohibition", "clients", "individuals" (`LENGTH_MARGIN`). Of the nine spun pairs of our
    test stories, the spinner's words were the longer in seven and the more common by wordfreq's Zipf scale in four,
    the rule before round 51, which now decides only near a tie of lengths."""
    attested = [len(words & others) / len(words) for words in (first, second)]
    if abs(attested[0] - attested[1]) >= ATTESTED_MARGIN:
        return attested[0] < attested[1]
    lengths = _mean_length(first), _mean_length(second)
    if abs(lengths[0] - lengths[1]) >= LENGTH_MARGIN:
        return lengths[0] > lengths[1]
    # (Near a tie, the more common words, as before round 51: the orchid story's spinner swapped "botanist",
    # "population", "drainage" for "scientist", "populace", "seepage", of one length.)
    return _rarity(first) > _rarity(second)


# Letters by which one copy's swapped words must be longer on average to be the spinner's (the nine spun pairs of
# the test stories: 0.06 to 1.6 apart; the two below this, the orchid's and the spill's, the Zipf rule decides).
LENGTH_MARGIN = 0.3


# A definite noun phrase ("the letter", "any threat", "the improved offer"): its noun is the lower-case word
# after the determiner, or the one after that when the first is new to the article (an adjective: "improved").
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Aa]ny)\s+([a-z]+)(?:\s+([a-z]+))?")
_WORD_AFTER = re.compile(r"[A-Za-z]+")
# The first of two words after "the" is an adjective when it looks like one ("improved", "burning", "final"):
# the second is the noun. Otherwise the two are a compound that names its thing ("the tram extension").
_TIME_NOUNS = frozenset({"days", "weeks", "months", "years", "hours", "minutes", "morning", "afternoon", "evening",
                         "night", "week", "month", "year", "time", "moment", "weekend", "decade", "decades"})
_ADJECTIVE = re.compile(r"(?:ed|ing|al|ive|ous|ful|ic|ent|ant|ible|able|est|less)$")
_ADJECTIVES = frozenset({"main", "new", "old", "first", "last", "whole", "same", "other", "only", "big", "small",
                         "latest", "next", "full", "high", "low", "long", "short", "young", "late", "early"})
# Words before a noun that say the reader knows it already: its first use after one of these introduces nothing.
_KNOWN = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "any"})
# "Tamm said the union would study it.": a short sentence ending on "it" (in a longer one "it" mostly has its
# antecedent in the same sentence: "... is raising 300,000 pounds to do it.").
_FINAL_IT = re.compile(r"\sit[.!?]?[\"'”’)]*\s*$", re.I)
FINAL_IT_WORDS = 10
# "The argument about its price ...": "its" or "their" after a preposition among the first words.
_EARLY_ITS = re.compile(r"^(?:\S+\s+){1,3}?(?:of|about|over|for|on|in|at|with|from)\s+(?:its|their)\b", re.I)
# Zipf frequency below which a sentence's capitalised first word is a name, which owns the "its" after it
# ("Nordfly cancelled 180 of its 210 flights"; "Shares in its parent fell" leans back: "shares" is 4.6).
NAME_ZIPF = 3.0


def _early_its(text: str) -> bool:
    """`_EARLY_ITS`, unless the sentence opens with a name: the "its" is the name's."""
    if not _EARLY_ITS.match(text):
        return False
    first = text.split(maxsplit=1)[0].strip("\"“‘'(")
    return not (first[:1].isupper() and first.lower() not in STOP_WORDS and zipf(first.lower()) < NAME_ZIPF)
# How far back a noun introduced just before is looked for, in sentences; and the shortest noun compared (as the
# first five letters of its stem, so that "threat" meets "threaten" and "letters" "letter").
INTRODUCED_WITHIN = 3
_KEY_LETTERS = 5
_MIN_NOUN = 4


def _introductions(text: str) -> list[tuple[str, bool]]:
    """(noun key, introduced) for each content word: introduced when it is in lower case and no determiner or
    possessive in the two words before it says the reader knows it ("a letter", "threatened"; not "the main gate",
    "Union")."""
    from briefer.text import stem_all

    tokens = _WORD_AFTER.findall(text)

    def modifier(k: int) -> bool:
        # A noun before another ("a search dog") introduces the other: "the search" is still the story's.
        after = tokens[k + 1] if k + 1 < len(tokens) else ""
        return (after.islower() and len(after) >= 3 and after not in STOP_WORDS
                and not after.endswith(("ing", "ed")))

    found = [(w, {t.lower() for t in tokens[max(k - 2, 0):k]}, modifier(k)) for k, w in enumerate(tokens)
             if len(w) >= _MIN_NOUN and w.lower() not in STOP_WORDS]
    keys = stem_all([w.lower() for w, _, _ in found])
    return [(k[:_KEY_LETTERS], w.islower() and before.isdisjoint(_KNOWN) and not compound)
            for k, (w, before, compound) in zip(keys, found, strict=True)]


def _head(first: str, second: str | None) -> str | None:
    """The noun of "the letter" / "the improved offer"; None for a compound that names its thing ("the tram
    extension") or a word too short or common to tell."""
    if second and second not in STOP_WORDS and len(second) >= _MIN_NOUN:
        if second in _TIME_NOUNS:
            return None  # "the coming months"
        return second if _ADJECTIVE.search(first) or first in _ADJECTIVES else None
    return first if first not in STOP_WORDS and len(first) >= _MIN_NOUN and first not in _TIME_NOUNS else None


def refers_back(sentences: Sequence[Sentence], rows: Collection[int]) -> set[int]:
    """Of `rows`, the sentences that lean on one just before them in ways `leans_back` does not look for: a
    definite noun ("the letter", "any threat", "the improved offer") that one of the INTRODUCED_WITHIN sentences
    before introduced ("a letter", "threaten"; not the article's first quotable sentence, which names what the
    story is about: its lead) and no earlier sentence used; a short sentence ending on "it" ("Tamm said the
    union would study it."); "its" or "their" in the opening words ("The argument about its price ...")."""
    from briefer.text import stem_all

    wanted = sorted(set(rows))
    lead: dict[int, int] = {}  # each document's first quotable sentence
    for i in wanted:
        lead.setdefault(sentences[i].doc, sentences[i].position)
    out: set[int] = set()
    lowered: dict[int, str] = {}

    def low(j: int) -> str:
        found = lowered.get(j)
        if found is None:
            found = lowered[j] = sentences[j].text.lower()
        return found

    for i in wanted:
        s = sentences[i]
        own = unquoted(s.text)
        if (_FINAL_IT.search(own) and len(s.text.split()) <= FINAL_IT_WORDS) or _early_its(own):
            out.add(i)
            continue
        heads = [noun for m in _DEFINITE.finditer(own) if (noun := _head(m.group(1), m.group(2)))]
        for key in {k[:_KEY_LETTERS] for k in stem_all(heads)}:
            # The sentences of the same document before this one, the nearest last (a document's sentences are
            # consecutive and numbered from 0).
            start = i - s.position
            if not any(key in low(j) for j in range(max(start, i - INTRODUCED_WITHIN), i)):
                continue  # not in the sentences just before: nothing there introduced it
            first = next(((j, introduced) for j in range(start, i) if key in low(j)
                          for k, introduced in _introductions(sentences[j].text) if k == key), None)
            if first is None:
                continue
            p = sentences[first[0]].position
            if first[1] and lead.get(s.doc, -1) < p and s.position - INTRODUCED_WITHIN <= p:
                out.add(i)
                break
    return out
