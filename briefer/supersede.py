"""Which statement a later one overturns: a state of affairs the news has moved past ("contained" / "put out"),
a demand met, a newer count, or a preview its event's report has overtaken; and two previews of one event.

Used by the selection (briefer.sections) and by the once stage (briefer.once): both ask the same question of a
pair of sentences, so the rules live here, apart from either.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from briefer.candidates import PERSON_NOUNS
from briefer.facts import apart_at_precision, count_told_again, count_update, counted, figures_of
from briefer.lexicon import lemma_stems, synonyms
from briefer.measures import counts, measures, names_apart, number_value, share_moved, sums
from briefer.people import role_noun
from briefer.temporal import (
    DATE_LABEL,
    EVENT_WORDS_AFTER,
    EVENT_WORDS_BEFORE,
    MONTHS,
    WEEKDAYS,
    Kind,
    days_named,
    past_words,
    preview_event,
    preview_events,
)
from briefer.text import STOP_NOUNS, STOP_WORDS, deferred, look_for, one_of, referred, stem, words

# States of affairs that later news overturns: (the earlier state, the later one). "The blaze had been contained
# but not put out" is superseded by "the fire was put out"; "in serious condition" by "now stable"; "closed" by
# "reopened". Our own list, from the kinds of update a running story gets (tests/data/story-shipfire).
# A cause not yet known: "The cause is not yet known", "the cause had not yet been established".
CAUSE_UNKNOWN = deferred(r"\bcause\b[^.;]{0,40}\b(?:(?:is|was|remains|remained) (?:still )?(?:not (?:yet )?known|"
                         r"unknown|unclear|being investigated|under investigation)|"
                         r"not (?:yet )?(?:been )?(?:known|established|found))\b|"
                         r"\bnot (?:yet )?(?:known|clear) what caused\b|"
                         # "They did not say how she died.", "No cause of death has been given."
                         r"\b(?:did|have|has|had) not (?:yet )?(?:say|said|given|disclosed|revealed) how "
                         r"(?:he|she|they) died\b|"
                         r"\bno cause of death (?:has|had|was) (?:yet )?been (?:given|released|disclosed)\b|"
                         # "They have not yet said what caused it."
                         r"\b(?:have|has|had) not (?:yet )?(?:said|established|found|determined) (?:what|how) "
                         r"(?:caused|started)\b|"
                         # "officers were keeping an open mind about the cause"
                         r"\b(?:keeping|keep|keeps|kept) an open mind (?:about|over|on|as to) (?:the|its|what) "
                         r"(?:cause|caused)\b|"
                         # "The fire service said it was investigating the cause of the fire"
                         r"\b(?:is|are|was|were) (?:still )?investigating (?:the|its|what) (?:cause|caused)\b|"
                         # "is believed to have started in a refrigerated display counter ..., though its
                         # investigation is not complete"
                         r"\binvestigation (?:is|was) (?:still )?not (?:yet )?(?:complete|finished|over)\b", re.I)
# A story's search is over: every missing person is home or accounted for ("bringing all 31 Port Avel fishermen
# home", "All seven people who had been missing are now accounted for"). A story has one search, so such a line
# ends it whatever words it shares with the line that it was going on (`state_overturned`).
SEARCH_OVER = (r"\b(?:bringing|brought|bring)s? the search to an end\b|\bsearch (?:was |has been |had been )?"
               r"(?:called off|ended|stood down)\b|"
               # "The search for the last people missing ... was suspended on Wednesday afternoon"
               r"\bsearch\b[^.;]{0,60}?\b(?:was|has been|had been) (?:suspended|called off|ended|stood down|halted)\b|"
               r"\b(?:bringing|brought|bring)s? all\b[^.;]{0,60}\bhome\b|"
               r"\ball\b[^.;]{0,50}\b(?:(?:are|were|have been|had been|now) )+(?:accounted for|safe(?:ly)? "
               r"(?:home|ashore|back))\b")
_SEARCH_OVER = deferred(SEARCH_OVER, re.I)
# ... and a line that it goes on ("the search would go on through the night").
SEARCH_ON = r"\bsearch\b[^.;]{0,30}\b(?:will|would)\s+(?:continue|go on|resume)\b|\bstill searching\b"
_SEARCH_ON = deferred(SEARCH_ON, re.I)
# Home from hospital ("went home from Wyvern General Hospital", "has been discharged").
_HOME = deferred(r"\b(?:went|gone|sent|allowed) home\b|\bhome from (?:the )?(?:[A-Z][\w'’-]* )*hospital\b|"
                 r"\b(?:discharged|released from hospital|left hospital)\b", re.I)
# A person's (or an animal's) condition that has improved: what a reader wants beside the line that says how they
# were hurt ("Margaret Fennimore ... was hit as she crossed Castle Street ..." / "Her family said ... she had come out
# of intensive care and was now stable on a ward").
# ... and the newest count, after the line it leans on: "Because the strike ended early, the trust has put some of
# today's lists back on. It now says 1,390 outpatient appointments and 117 planned operations were postponed in all".
NEWEST_COUNT = deferred(r"\bnow (?:says|puts|gives|stands at|totals)\b[^.;]{0,40}\d|"
                        r"\b(?:has|have) now (?:risen|fallen|reached|passed)\b[^.;]{0,30}\d", re.I)
RECOVERED = deferred(r"\bout of (?:danger|intensive care)\b|\b(?:now |is |was |were |are )stable\b|"
                     r"\bcomfortable\b|\b(?:came|come|gone|went|sent|allowed) home\b|\bdischarged\b", re.I)
# An event called off, and the same event back on (`STATES`; a reversal told in the future is news all the same:
# `supersedes`).
CALLED_OFF_STATE = deferred(r"\b(?:has|have|had) (?:been )?(?:cancelled|called off|postponed)\b|\b(?:was|were) "
                            r"(?:cancelled|called off|postponed)[.;]|\b(?:remains?|remained|stays?|stayed) "
                            r"(?:cancelled|called off|suspended)\b", re.I)
BACK_ON = deferred(r"\b(?:rescheduled|rearranged|re-arranged|will now (?:go ahead|take place|be held)|"
                   r"will go ahead(?: as (?:normal|planned|usual))?|"
                   r"(?:will|is to) be held (?:on|at)\b|new date\b)", re.I)
# The words around a calling off that name what was called off: the words after an active verb ("has cancelled its
# spring musical, The Wizard of Oz"), else those before it ("the fireworks display, which was due to start at 8.30pm,
# has been cancelled").
CALLED_OFF_WORDS = 8


def _named_again(earlier: str, off: re.Match[str], later_lemmas: set[str]) -> bool:
    """Whether the later sentence (its `lemmas`) names what `earlier` says was called off (`off`): not another event
    of the same day ("has called off all of Sunday's events, including the family fun day" / "The fireworks display
    ... will now go ahead")."""
    if " been " in off.group() or not off.group().lower().startswith(("has ", "have ", "had ")):
        near = " ".join(earlier[:off.start()].split()[-CALLED_OFF_WORDS:])
    else:
        near = " ".join(earlier[off.end():].split()[:CALLED_OFF_WORDS])
    return bool((set(lemmas(near)) - _TIME_LEMMAS) & later_lemmas)


# ... of which these say the calling off is undone (not only the plan kept): "will go ahead after all"; or that
# what was called off took place all the same ("The final night ... went ahead on Saturday with the capacity ...
# cut" / "For now, the final night remains cancelled").
_UNDONE = deferred(r"\b(?:will (?:now |still )?go ahead after all|will now (?:go ahead|take place|be held)|"
                   r"went ahead|(?:was|were|has been|have been) reinstated)\b", re.I)
STATES = (
    # A question still open, then answered ("Keepers still do not know if the calf is a boy or a girl" / "The okapi
    # calf born at Fellbrook Zoo on Saturday is a girl, keepers have confirmed").
    (deferred(r"\b(?:do|does|did) not (?:yet )?know (?:if|whether)\b|\bnot (?:yet )?known (?:if|whether)\b", re.I),
     deferred(r"\b(?:has|have|had) (?:now )?confirmed\b|\bconfirmed (?:that|it|on)\b", re.I)),
    # An approach or offer turned down, then agreed to ("The board of Hollis Pennick ... has rejected a takeover
    # approach from ... Larchmont Capital Partners" / "The board of the pie maker Hollis Pennick has agreed to a
    # £1.02bn takeover by Larchmont Capital Partners").
    (deferred(r"\b(?:rejected|turned down|rebuffed|spurned|refused)\b[^.;]{0,40}\b(?:approach|offer|bid|proposal|"
              r"takeover)\b", re.I),
     deferred(r"\b(?:agreed to|accepted|recommended|backed|(?:has|have) agreed)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,40}"
              r"\b(?:takeover|offer|bid|deal|approach|merger)\b", re.I)),
    # An event called off, then given a new date ("the fireworks display ... has been cancelled" / "The fireworks
    # display that was cancelled on Saturday will now go ahead on Saturday 7 November at 7pm").
    # (... in either voice: "Brindlecombe Academy has cancelled its spring musical" / "... will go ahead after all".)
    (CALLED_OFF_STATE, BACK_ON),
    # Someone named, once the naming is called a mistake ("West Ardlow Police named the man who died as Marek Dolan" /
    # "Police apologised on Tuesday for naming the wrong man as the worker killed").
    (deferred(r"\bnamed (?:the (?:man|woman|person|victim|worker|driver|boy|girl)\b[^.;]{0,30}? as|"
              r"[A-Z][\w'’.-]+(?: [A-Z][\w'’-]+){0,3} as the (?:man|woman|person|victim|worker|driver|boy|girl))\b"),
     deferred(r"\b(?:nam|identif)(?:ed|ing|ied|ying) the wrong (?:man|woman|person|victim|worker|driver|boy|girl)\b|"
              r"\bwrongly (?:named|identified)\b|\bapologi[sz]ed\b[^.;]{0,30}\bfor the (?:error|mistake|mix-up)\b",
              re.I)),
    # No one held, once someone is ("The driver, a 46-year-old man, has not been arrested" / "Lorry driver Keith
    # Ollerenshaw, 46, has been charged").
    (deferred(r"\b(?:has|have|had) not been (?:arrested|charged)\b|"
              r"\bno (?:one|arrests?) (?:has|have|had) (?:yet )?been (?:arrested|made|charged)\b|"
              r"\bno arrests had been made\b", re.I),
     deferred(r"(?<!not )\b(?:has|have|had) been (?:arrested|charged)\b|\b(?:was|were) (?:arrested|charged)\b",
              re.I)),
    # No one come forward, once someone has ("Nobody had come forward by lunchtime on Wednesday", "if nobody comes
    # forward", "the winner has yet to come forward" / "Doreen Ashby, 71, from Eastfield, came forward on Wednesday
    # evening, and Crownline Lotteries confirmed her claim").
    (deferred(r"\b(?:nobody|no one|no-one) (?:has|had|have)? ?(?:yet )?(?:come|comes) forward\b|"
              r"\b(?:has|have|had) yet to (?:come forward|claim|be claimed)\b|"
              r"\bunclaimed\b", re.I),
     deferred(r"(?<!nobody )(?<!no one )(?<!yet to )\b(?:came forward|has come forward|have come forward|claimed|"
              r"confirmed (?:her|his|their|the) claim)\b", re.I)),
    # No deal yet, once one is made ("Talks ... have been described as constructive by both sides, though no deal has
    # yet been reached" / "The cabinet approved the exemption unanimously at a meeting on Thursday morning").
    (deferred(r"\bno (?:deal|agreement|settlement|decision) (?:has|had) (?:yet )?been (?:reached|agreed|struck|made|"
              r"taken)\b", re.I),
     deferred(r"\b(?:approved|agreed|reached|struck|accepted|signed)\b", re.I)),
    # A licence, permit or ban taken away, once restored ("voted on Friday to revoke the licence of the Gull's Rest
    # kiosk" / "will stay open after councillors reinstated its street trading licence last night").
    (deferred(r"\b(?:revoke|revoked|revoking|suspended|took away|taken away|withdrew|withdrawn|lost|stripped of)\b"
              r"[^.;]{0,60}\b(?:licen[cs]e|permit|registration|accreditation)\b|"
              r"\b(?:licen[cs]e|permit)\b[^.;]{0,40}\b(?:revoked|suspended|withdrawn|taken away)\b", re.I),
     deferred(r"\b(?:reinstat(?:e|ed|es|ing)|restor(?:e|ed|es|ing)|given back|gets? (?:its|their|his|her) "
              r"(?:licen[cs]e|permit) back)\b", re.I)),
    # Someone released on bail or under investigation, once charged ("has been released on bail until April 2" / "was
    # charged on Wednesday evening and will appear at Castlemere Youth Court on March 24").
    (deferred(r"\b(?:released|freed) (?:on (?:police )?bail|under investigation|without charge)\b", re.I),
     deferred(r"(?<!not )\b(?:has|have|had) been charged\b|(?<!not )\b(?:was|were) charged\b", re.I)),
    # Someone (or an animal) critically ill or hurt, or stable in hospital, once out of danger or home ("A spaniel
    # ... is critical at a veterinary hospital" / "Milo, the springer spaniel ..., is out of danger"; "is now stable
    # in hospital in Salzburg" / "flew home ... and has been admitted to Morrowby General Hospital, where he is
    # comfortable"; "remains in intensive care" / "is now comfortable in hospital").
    (deferred(r"\b(?:is|was|are|were|remains?|remained) (?:now |still )?(?:in (?:a )?)?(?:critical|serious|stable)"
              r"(?: but stable)?(?: condition)?\b|\bcritically (?:injured|hurt|ill)\b|"
              r"\bcondition (?:was |is |has been )?described as (?:critical|serious)\b|"
              # ("had surgery on Monday night ... and remains in intensive care")
              r"\b(?:remains?|remained|is|was) (?:still )?in intensive care\b", re.I),
     deferred(r"\bout of (?:danger|intensive care)\b|\b(?:left|leaves|discharged from) intensive care\b|"
              r"\b(?:now )?on a (?:general|surgical|children's|orthopaedic) ward\b|"
              r"\b(?:came|come|coming|gone|went|flew|flown|sent|allowed) "
              r"home\b|\b(?:where (?:he|she|they) (?:is|are|was|were) (?:now )?|(?:is|are) now )comfortable\b|"
              r"\b(?:is|was|are|were) (?:now )?(?:back )?(?:at )?home\b", re.I)),
    # An investigation opened, once it ends in a charge or a finding ("has opened a formal investigation into
    # Hallowfield Hornets" / "has charged Hallowfield Hornets with failing to follow the union's head injury rules").
    (deferred(r"\b(?:opened|launched|begun|began|started|announced) (?:a |an )?(?:formal |full |independent )?"
              r"(?:investigation|inquiry|probe)\b", re.I),
     deferred(r"\b(?:has|have|had) (?:now )?(?:charged|fined|cleared|sanctioned|banned|suspended)\b|"
              r"\b(?:investigation|inquiry) (?:has |had )?(?:found|concluded|cleared)\b", re.I)),
    # An offer, once a deal is agreed ("has offered to keep the rent at £14,000 a year for two years if the appeal
    # reaches its target" / "Greystone Property Holdings has agreed a new five-year lease at £15,000 a year").
    (deferred(r"\b(?:has|have|had) offered to\b", re.I),
     deferred(r"\b(?:has|have) (?:now )?agreed\b|\bagreed (?:a|an|the) (?:new )?(?:deal|lease|contract|terms)\b",
              re.I)),
    # Something paused, once called off altogether ("The closing-down sale ... has been paused while the appeal runs"
    # / "The closing-down sale has been cancelled").
    (deferred(r"\b(?:has been|have been|was|were|is|are) (?:now )?paused\b", re.I),
     deferred(r"\b(?:has been|have been|was|were) (?:cancelled|called off|scrapped|abandoned)\b", re.I)),
    # A closure paused, once what was to close stays open ("The planned closure of Saltholme's coastguard station has
    # been paused while ..." / "Saltholme's coastguard station will stay open, HM Coastguard said on Thursday").
    (_CLOSURE_PAUSED := deferred(r"\bclosure\b[^.;]{0,60}\b(?:has been|have been|was|were|is|are) (?:now )?"
                                 r"(?:paused|put on hold|suspended|delayed)\b", re.I),
     _STAYS_OPEN := deferred(r"\b(?:will|would|to) (?:stay|remain) open\b|\bstays open\b|\breprieved\b|"
                             r"\bsaved from closure\b", re.I)),
    # Work going on, once paused or stopped ("Work on roads and drains on the western half is carrying on." / "All
    # building work at the Caxton Fields housing site ... has been paused").
    (deferred(r"\b(?:is|are|was|were) (?:still )?(?:carrying on|continuing|going on|going ahead)\b", re.I),
     deferred(r"\b(?:paused|halted|stopped|suspended|called off|put on hold)\b", re.I)),
    # People or vehicles still in a place, once they have left it ("About 90 tractors remained in the centre of
    # Kilbarrow on Thursday morning" / "Farmers left Kilbarrow on Thursday night").
    # (Not a state that leaving ends no more than anything else: "remain in custody", "stayed in hospital".)
    (deferred(r"\b(?:remained|remain|remains|stayed|were still|are still) (?:in|on|at|inside|outside)\b"
              r"(?! (?:custody|hospital|post|office|place|force|power|charge|contact|touch|control|business|"
              r"operation|service|the lead|a critical|a serious|a stable|intensive care)\b)", re.I),
     deferred(r"\b(?:left|had left|have left|has left|headed home|went home|have gone home|had gone home|"
              r"departed|pulled out of)\b(?! (?:hospital|a|an|the (?:job|post|company|club)))", re.I)),
    # Someone arrested, once released, bailed or charged ("Police have opened a fraud investigation ..., and a man
    # has been arrested" / "A 71-year-old man arrested over the forged ... painting has been released under
    # investigation"; not "CCTV images have been released").
    (deferred(r"(?<!not )\b(?:has|have|had) been arrested\b|\b(?:was|were) arrested\b|\barrested (?:a|an|two|three|"
              r"four|five|\d+)\b", re.I),
     deferred(r"^(?:(?!\b(?:images?|footage|statement|photos?|pictures?|details|CCTV|video|names?)\b)[^;])*?"
              r"(?:\b(?:has|have|had) (?:now |since |later )?been (?:released|freed|bailed|charged)\b"
              r"(?! from hospital)|"
              r"\b(?:was|were) (?:later |since |now )?(?:released|freed|bailed|charged) (?:on bail|under|without|"
              r"pending|with|from custody)\b)", re.I)),
    # "Specialist crews stopped the leak at 10.40am on Wednesday by sealing the tank").
    (deferred(r"\b(?:has|have|had) not (?:yet )?been (?:stopped|sealed|plugged|fixed|capped)\b|"
              r"\bnot yet (?:been )?(?:stopped|sealed|plugged|capped)\b", re.I),
     deferred(r"(?<!not )(?<!not yet )\b(?:stopped|sealed|plugged|capped)\b(?! (?:working|running|trains|services))",
              re.I)),
    # ... and a chemical or a cause not yet named, once it is ("The company has still not named the chemical" / "The
    # cloud of gas ... was chlorine, made when ...").
    (deferred(r"\b(?:has|have|had) (?:still |yet )?not (?:yet )?(?:named|identified|said what) the (?:chemical|gas|"
              r"substance)\b", re.I),
     deferred(r"\b(?:gas|chemical|substance|cloud|leak)\b[^.;]{0,100}\b(?:was|were|is|has been identified as|"
              r"was named as) (?:chlorine|ammonia|[a-z]+ (?:acid|oxide|chloride|dioxide|sulphide|sulfide)|"
              r"[a-z]+ine|[a-z]+ide)\b", re.I)),
    # A service down, once back ("Mobile data is still not working" / "Mobile data came back on at 7am today").
    (deferred(r"\b(?:is|are|was|were) (?:still )?not working\b|\b(?:is|are) still (?:down|off|offline|out)\b", re.I),
     deferred(r"\b(?:came back|come back|comes back|back on|working again|restored|back online|back up)\b", re.I)),
    # Repairs forecast to last until a day, once the thing repaired reopens ("Repairs to Pellow Lock ... will take until
    # at least Monday 16 November" / "Pellow Lock ... reopened at 2pm on Sunday, a day earlier than planned").
    (deferred(r"\b(?:repairs?|work|closure)\b[^.;]{0,60}\b(?:will|would|could) (?:take|last|continue|go on) "
              r"(?:until|till|into)\b", re.I),
     deferred(r"\b(?:reopen(?:ed|s)?|back (?:open|in use|in service)|(?:were|was|have been|has been) completed)\b",
              re.I)),
    # Money sought, once found ("The research team said it was now seeking funding for a trial" / "the team had been
    # awarded £480,000 by the Ewenvale Children's Trust for a two-year trial").
    (deferred(r"\b(?:seeking|looking for|applying for|trying to raise|hoping to (?:raise|secure|win))\s+"
              r"(?:[\w'’-]+\s+){0,2}(?:funding|money|a grant|grants|backing|investment)\b", re.I),
     deferred(r"\b(?:awarded|granted|won|secured|received|been given)\b[^.;]{0,40}(?:[£$€]\s?\d|\b(?:funding|grant|"
              r"backing|investment)\b)", re.I)),
    # A deadline set, once it no longer applies ("Larchmont has until 5pm on Monday 6 July to either make a firm offer
    # or walk away" / "Larchmont's deadline ..., which had been set for 6 July, no longer applies").
    (deferred(r"\b(?:has|have) until\b[^.;]{0,60}\bto\b|\bdeadline\b", re.I),
     deferred(r"\bdeadline\b[^.;]{0,80}\bno longer (?:applies|stands|holds)\b", re.I)),
    # A decision put off, then taken ("A decision on plans to bring the old windmill back into use has been put off"
    # / "Plans to restore Copsey Mill ... have been approved").
    (deferred(r"\b(?:decision|vote|ruling|verdict)\b[^.;]{0,80}\b(?:has|have|had|was|were) been (?:put off|deferred|"
              r"postponed|delayed|adjourned)\b", re.I),
     deferred(r"\b(?:(?:has|have|had|was|were) been (?:approved|rejected|refused|granted|turned down|thrown out)|"
              r"(?:approved|rejected|refused|backed|granted|turned down) (?:the|its|their) (?:plans?|scheme|"
              r"application|bid|proposals?))\b", re.I)),
    # Cut or closed "until further notice", then back ("Train services ... have been reduced until further notice" /
    # "Full services returned to the Ember Valley line on Monday morning").
    # ("The school will stay closed until further notice" / "the school will reopen on Wednesday")
    (deferred(r"\b(?:services?|trains?|buses|flights|sailings|ferry|ferries|timetable)\b[^.;]{0,80}\buntil further "
              r"notice\b|\b(?:closed|shut|suspended)\b[^.;]{0,20}\buntil further notice\b", re.I),
     deferred(r"\b(?:services?|trains?|buses|flights|sailings|ferry|ferries|timetable)\b(?: [\w'’-]+){0,3} "
              r"(?:have |has |had |were |was |are |is )?(?:resumed|returned|restored|back|"
              r"running (?:[\w'’-]+ ){0,4}again)\b|\b(?:reopen|reopens|reopened|reopening)\b", re.I)),
    (deferred(r"\b(?:contained|still burning|not (?:yet )?(?:been )?put out|burning|ablaze)\b", re.I),
     deferred(r"(?<!not )(?<!yet )(?<!been )\b(?:put out|extinguished|no longer burning)\b", re.I)),
    (deferred(r"\b(?:serious(?:ly)?|critical(?:ly)?|in intensive care)\b", re.I),
     deferred(r"\b(?:stable|recovering|discharged|released from hospital|moved (?:out of intensive care|"
              r"to an? (?:[\w'’-]+ ){0,2}ward))\b", re.I)),
    # A fire still being fought, once under control ("Firefighters are continuing to tackle a large moorland fire" /
    # "The wildfire ... was declared under control on Monday evening").
    (deferred(r"\bcontinu(?:e|es|ed|ing) to (?:tackle|fight|battle)\b|\b(?:are|is|were|was) still (?:tackling|"
              r"fighting|battling)\b", re.I),
     deferred(r"\bunder control\b|\b(?:put out|extinguished|declared out)\b", re.I)),
    # A rest centre open, then closed ("A rest centre has been opened at Scarth Bridge Village Hall" / "the rest centre
    # at Scarth Bridge Village Hall has closed").
    (deferred(r"\b(?:rest|reception|evacuation) cent(?:re|er)\b[^.;]{0,40}\b(?:opened|set up|is open)\b|"
              r"\b(?:opened|set up) (?:a|an) (?:rest|reception|evacuation) cent(?:re|er)\b|"
              # ("Residents have been taken to a rest centre at St Cuthbert's Church Hall")
              r"\b(?:taken|moved|staying|spent the night) (?:to|at|in) (?:a|an|the) (?:rest|reception|evacuation) "
              r"cent(?:re|er)\b", re.I),
     deferred(r"\b(?:rest|reception|evacuation) cent(?:re|er)\b[^.;]{0,40}\b(?:has |have |had |was |were )?(?:now )?"
              r"closed\b|\bclosed as an? (?:rest|reception|evacuation) cent(?:re|er)\b", re.I)),
    # A defendant held before trial, once the case is decided ("has been remanded in custody charged with assaulting
    # a lock keeper", "The judge refused and kept Mr McAllister in custody until the trial" / "was found guilty").
    # (... and one accused, or on trial, once the verdict is in: "Declan Farrow, 34, ... is accused of starting the
    # blaze" / "A jury ... to convict Declan Farrow".)
    (deferred(r"\b(?:(?:remanded|kept|held)(?: [\w'’.-]+){0,3} in custody|refused bail|bail was refused|"
              r"denied bail|(?:is|are) accused of|(?:is|are) (?:on|standing) trial|denies|deny)\b", re.I),
     deferred(r"\b(?:found (?:not )?guilty|convicted|acquitted|cleared|sentenced|jailed)\b", re.I)),
    # Services slowed, then back ("Services on the main roads are running with delays of up to 40 minutes" / "Fellway
    # Buses restored its services to Upper Brackenholt and Hagg Top on Friday").
    (deferred(r"\b(?:running|run|operating) with delays\b|\b(?:reduced|limited|skeleton) (?:service|timetable)s?\b",
              re.I),
     deferred(r"\brestored\b|\bback to normal\b|\b(?:full|normal) (?:service|timetable)s? (?:resumed|restored)\b",
              re.I)),
    # ... or dead, or upgraded ("where he is in a critical condition" / "Dennis Oakshott, 71, died in Brackenholt Royal
    # Infirmary on Thursday"; "has been upgraded to serious condition").
    (deferred(r"\bin (?:a )?critical condition\b", re.I),
     deferred(r"\b(?:died|has died|have died|upgraded)\b", re.I)),
    (deferred(r"\b(?:closed|shut|suspended|halted|blocked|suspension (?:will|would) (?:continue|go on)|"
              r"(?:are|is) (?:still )?being diverted)\b", re.I),
     deferred(r"\b(?:reopen(?:ed|s|ing)?|resumed|back in business|lifted|(?:run|runs|ran|running|operating|open|"
              r"opens|opened|opening) as normal|back on the roads?|running again|set off on time)\b", re.I)),
    # No date yet for an opening, once it opens ("it could not yet say when the gates would open" / "Skerrin's Inner
    # Basin gates opened on Thursday morning").
    (deferred(r"\b(?:could|can|would|cannot|can't|couldn't) (?:not )?(?:yet )?say when\b[^.;]{0,40}\b(?:open|reopen|"
              r"resume|return|restart|finish|end)\b|\bno date (?:has been|had been|was|is) (?:set|given|fixed) for\b",
              re.I),
     deferred(r"\b(?:opened|reopened|resumed|returned|restarted|swung open|back open)\b", re.I)),
    # None else affected, once a recall widens ("No other Hollin Dale products are affected" / "Hollin Dale Creamery
    # has widened its recall to three more batches").
    (deferred(r"\bno other [\w'’ -]{0,40}(?:products?|batches|items|lines|flavours|models) (?:are|is|were|was) "
              r"(?:affected|included|involved)\b", re.I),
     deferred(r"\b(?:widened|extended|expanded) (?:its|the|their) recall\b|\brecall (?:has been|was) (?:widened|"
              r"extended|expanded)\b", re.I)),
    # Trapped, then free ("The coaster Elsa Brandt ... is among the vessels stuck inside" / "the Elsa Brandt left for
    # Rotterdam with her barley at 8.50am").
    (deferred(r"\b(?:stuck|trapped|stranded)\b(?! (?:for|by)\b)", re.I),
     deferred(r"\b(?:freed|freeing|sailed|left for|got out|were let out|was let out|escaped|set sail)\b", re.I)),
    # ... and open, then closed after all ("Park Road, which had been due to close from 4pm, will stay open" / "Park
    # Road will now be closed from 3.30pm to 9.30pm on Sunday").
    (deferred(r"\b(?:will|would) (?:stay|remain) open\b", re.I),
     deferred(r"\b(?:will (?:now )?be|(?:is|are|was|were) (?:now )?) closed\b", re.I)),
    # ... and kept open, then shut as well ("The gym, the sports hall and the cafe stayed open." / "On Tuesday
    # morning Active Harrowmere also shut the gym, the sports hall and the cafe").
    (deferred(r"\b(?:stayed|remained|stays|remains|were kept|was kept|are being kept|is being kept) open\b", re.I),
     deferred(r"\b(?:also |now |since )?(?:shut|closed)\b(?! (?:for|on|in) (?:the night|the day)\b)", re.I)),
    # ... and a road or a bridge restricted, once closed to all ("A three-tonne weight limit has been put on the Old
    # Mill Bridge" / "The Old Mill Bridge has been closed to all vehicles").
    (deferred(r"\b(?:weight|height|width|speed) (?:limit|restriction)s?\b", re.I),
     deferred(r"\bclosed to all (?:traffic|vehicles)\b|\b(?:fully|completely) closed\b", re.I)),
    # ... an animal or a fugitive at large, once caught ("was still at large on Sunday" / "was found on Sunday
    # evening ... and was taken back unharmed").
    (deferred(r"\b(?:missing|unaccounted for|(?:still )?at large|on the loose|on the run|(?:has|have) escaped|"
              # ("Police say the boar was last seen heading towards the allotments", "a wild boar that has been
              # roaming gardens" / "was caught at 5.50 a.m. on Friday")
              r"(?:was|were) last seen|(?:has|have) been roaming|(?:is|are|was|were) (?:still )?roaming|"
              r"(?:has|have|had) not (?:yet )?been (?:found|located|traced|seen)|"
              # ("Police are hunting a convicted robber who walked out of HMP Fernholt" / "has been recaptured")
              r"(?:are|is|were|was) (?:still )?hunting|manhunt)\b", re.I),
     deferred(r"\b(?:found|rescued|accounted for|caught|captured|recaptured|recovered|returned|came back)\b",
              re.I)),
    # A petition open for names, then handed in ("The petition can be signed at the Courier office" / "campaigners
    # ... handed a petition of 3,480 signatures to Northshire Bank").
    (deferred(r"\bpetition\b[^.;]{0,40}\b(?:can|may) (?:still )?be signed\b|\b(?:can|may) (?:still )?sign the "
              r"petition\b", re.I),
     deferred(r"\b(?:handed|handed in|handed over|delivered|presented|submitted) (?:a |the |its |their )?petition\b|"
              r"\bpetition\b[^.;]{0,40}\b(?:was|were|has been|had been) (?:handed|delivered|presented|submitted)\b",
              re.I)),
    # Jobs to go, then kept ("Four vets and six support staff will lose their jobs" / "All ten members of staff ...
    # will be offered jobs with Dalesway").
    (deferred(r"\b(?:lose|lost|losing) (?:their|his|her|its) jobs?\b|\bjobs? (?:will|would|are to|is to) (?:go|be "
              r"lost|be cut)\b|\bbe made redundant\b", re.I),
     deferred(r"\b(?:offered|keep|kept|keeping) (?:their |his |her )?(?:jobs?|posts?)\b|"
              r"\bjobs? (?:have been|has been|are|is|were|was|will be) (?:saved|safe|secured)\b", re.I)),
    # Aboard, then off the boat ("The skipper ... is on board with his son ..." / "All four crew ... have been found
    # alive in a liferaft", "the boat ... sank").
    (deferred(r"\b(?:is|are|was|were) (?:still )?on board\b", re.I),
     deferred(r"\b(?:sank|sunk|capsized|abandoned ship|(?:been|were|was) (?:found|rescued|picked up|airlifted|"
              r"winched|taken off))\b", re.I)),
    # A search still going on, then over ("The search will continue through the night" / "recovered the bodies of
    # the last two skiers missing ..., bringing the search to an end").
    # ("The search was now concentrated on the Sally Ann" / "The three men missing from the Sally Ann were found
    # alive").
    (deferred(SEARCH_ON + r"|\bsearch (?:was |is )?(?:now )?(?:concentrated|focused|focusing|centred|centered) on\b|"
              r"\b(?:had|have|has) not been heard from\b|\bsearch (?:is|was) (?:now )?under ?way\b", re.I),
     deferred(SEARCH_OVER + r"|\bsearch (?:was |has been |had been )?suspended\b|\bended the search\b|"
              r"\b(?:were|was|have been|has been) (?:found|rescued|picked up|lifted)(?: alive| safe| safely)?\b",
              re.I)),
    # Still in hospital, then home ("One of them remains in hospital in Lensby" / "The last of the four survivors was
    # discharged from hospital").
    # ... and "serious but stable", once out of intensive care ("is in a serious but stable condition" / "is now stable
    # and out of intensive care").
    (deferred(r"\b(?:serious but stable|seriously ill but stable|critical but stable)\b", re.I),
     deferred(r"\b(?:out of intensive care|moved (?:out of intensive care|to an? (?:[\w'’-]+ ){0,2}ward)|"
              r"discharged|allowed home|released from hospital)\b", re.I)),
    (deferred(r"\b(?:remains?|remained|still) in (?:the )?(?:[A-Z][\w'’-]* ){0,3}hospital\b", re.I), _HOME),
    # ... and a patient stable, then home ("One colleague ... is now in a stable condition" / "Derek Rhodes ...
    # went home from Wyvern General Hospital on Thursday morning").
    # ... or better ("his condition is now described as stable" / "his condition was now good").
    (deferred(r"\b(?:stable|in a stable condition)\b", re.I),
     deferred(_HOME.pattern + r"|\bcondition\b[^.;]{0,20}?\b(?:good|satisfactory|comfortable)\b", re.I)),
    # A supply cut, then back ("400 homes were still without power" / "Power was back in all homes").
    (deferred(r"\b(?:still without|without (?:power|electricity|water|heating|heat|gas)|cut off|out of service|"
              r"(?:supplies|supply|power|gas|water|electricity)\b(?:\s+[\w'’-]+){0,4}?\s+(?:remains?|remained|"
              r"(?:is|are|was|were) still) off)\b", re.I),
     deferred(r"\b(?:restored|reconnected|back on|(?:is|are|was|were) back)\b", re.I)),
    # An evacuation still in force, then people back home ("the evacuation would stay in place until ..." /
    # "Residents ... were allowed back into their homes"); the evacuation itself is an event, not this state.
    (deferred(r"\b(?:(?:evacuation|cordon) (?:order )?(?:would |will |is to )?(?:stay|stays|remain|remains|remained|"
              r"stayed) "
              r"in (?:place|force)|remain(?:s|ed)? evacuated|(?:still|remain) out of their homes|"
              r"evacuated (?:families|households|residents) are staying|"
              r"not (?:yet )?(?:been )?allowed (?:back|home|to return)|"
              # ("Residents of Mill Row and Quay Lane cannot go home yet." / "Evacuated residents were allowed to
              # go back to their homes at 5pm")
              r"(?:cannot|can't|can not|could not|couldn't) (?:yet )?(?:go|return) (?:back )?home|"
              r"(?:kept|keep|keeps|keeping) the evacuation (?:order )?in (?:place|force))\b", re.I),
     deferred(r"(?<!not )(?<!been )\b(?:allowed (?:to go )?(?:back|home|to return)|returned (?:to their )?homes?|"
              r"evacuation (?:order )?(?:was |has been |had been )?(?:lifted|ended|called off))\b", re.I)),
    # Told not to drink the water, then told it is safe again ("More than eight thousand homes ... have been told not
    # to drink their tap water" / "All homes ... can drink their tap water again after ... lifted the last of a "do
    # not drink" notice").
    # (... and what holds while the notice lasts: "Several cafes ... have closed until the notice is lifted.", "Water
    # can still be used for washing and flushing toilets.")
    (deferred(r"\b(?:told|advised|warned|urged) (?:not to (?:drink|use|swim in|bathe in|eat)|to boil)\b|"
              r"\bnotice\b[^.;]{0,60}"
              r"\b(?:remains?|remained|(?:is|was) still) in (?:force|place)\b|"
              r"\buntil the [\w -]{0,30}notice (?:is|has been) lifted\b|"
              r"\b(?:water )?can still be used for (?:washing|bathing|flushing)\b|"
              # ("Customers are being told to bring tap water to a rolling boil ...", "Bottled water stations have
              # opened ...", "could not yet say how long the notice would stay in place")
              r"\bbring (?:their |the |tap )*water to a (?:rolling )?boil\b|\bbottled water (?:stations?|points?) "
              r"(?:have|has) (?:been )?(?:opened|set up)\b|\bhow long the [\w -]{0,30}notice would\b", re.I),
     deferred(r"\b(?:can|could|may) (?:drink|use|swim in|bathe in|eat)\b[^.;]{0,40}\bagain\b|\b(?:safe|fit) to "
              r"(?:drink|use|swim in|bathe in|eat) again\b|\bnotice (?:was |has been |had been )?lifted\b|"
              r"\blifted the (?:last of (?:a|the) )?[^.;]{0,30}\bnotice\b|\bnotice\b[^.;]{0,40}\b(?:was|has been|had "
              r"been) lifted\b", re.I)),
    # People held and questioned, once bailed, released or charged ("The four people arrested on Monday remain in
    # custody and are being questioned" / "A 29-year-old woman has been released on bail", "Two men were remanded").
    (deferred(r"\b(?:(?:remain|remains|remained|is|are|was|were) (?:still )?(?:in (?:police )?custody|being "
              r"(?:questioned|held|interviewed))|(?:is|are) (?:still )?being questioned)\b", re.I),
     deferred(r"\b(?:released (?:on (?:police )?bail|under investigation|without charge)|bailed|"
              r"(?:was|were|has been|have been|had been) (?:charged|remanded)|remanded in custody)\b", re.I)),
    # Someone sought, once found or arrested ("Police are trying to trace the person who flew the drone" / "A
    # 41-year-old man has been arrested").
    (deferred(r"\b(?:trying|seeking|working|appealing for help) to (?:trace|find|identify|locate)\b", re.I),
     deferred(r"\b(?:was|were|has been|have been|had been) (?:arrested|identified|traced|charged)\b", re.I)),
    # A cause not yet known, then found ("The cause of the collapse is not yet known", "The cause of the fire is being
    # investigated" / "A brick sewer ... caved in ..., causing the sinkhole, engineers said", "Investigators believe
    # the fire was started by sparks from a farm machine").
    (CAUSE_UNKNOWN,
     deferred(r"\b(?:caused|causing|blamed (?:on|for)|(?:was|were) (?:found|traced) to|"
              r"(?:was|were|had been) (?:started|sparked|triggered) by|the cause was|"
              # ... or how it came about: "The chlorine gas leak ... happened when a delivery of sodium hypochlorite
              # was pumped into a tank holding acid"
              r"(?:happened|occurred|began|started) when (?:a|an|the|someone|staff|workers|contractors)|"
              # ... or where it began: "found that the fire started in an overheated brake on the lorry's trailer"
              r"(?:fire|blaze|explosion|leak) (?:had )?(?:started|began) in (?:a|an|the)\b|"
              r"(?:was|were|had been) accidental|(?:was|were) not (?:started )?deliberate(?:ly)?|"
              # ... or a suspect held for it: "arrested a 63-year-old man ... on suspicion of starting the fire"
              r"on suspicion of (?:starting|causing|arson)|"
              r"started accidentally|(?:was|were) (?:started )?deliberately|"
              # ... or what the tests found: "tests had found high levels of ammonia ... the fish had died from a
              # lack of oxygen", "named a chemical company ... as the source of the pollution".
              r"(?:had |have |has )?died (?:from|of)|as the source of|tests? (?:had |have |has )?(?:found|showed))\b",
     re.I)),
    # A thing feared lost, then saved ("The cathedral's 17th-century organ is feared lost." / "the organ, which had
    # been feared lost, had survived").
    (deferred(r"\b(?:is|are|was|were) (?:feared|thought|believed) (?:to (?:be|have been) )?(?:lost|destroyed)\b",
              re.I),
     deferred(r"\b(?:survived|was saved|were saved|is intact|are intact|was intact|were intact)\b", re.I)),
    # A finding not yet confirmed, then confirmed ("had not yet been confirmed as a meteorite" / "Laboratory tests
    # ... showed the 43-gram stone is an ordinary chondrite").
    (deferred(r"\b(?:(?:has|have|had) not (?:yet )?been confirmed|not yet (?:been )?confirmed|unconfirmed)\b",
              re.I),
     deferred(r"(?<!not )(?<!yet )(?<!not been )(?<!yet been )\b(?:confirmed|(?:tests|test|analysis)\b"
              r"(?:\s+[\w'’-]+){0,5}?\s+(?:showed|shows|found))\b", re.I)),
    # A feared cause, then ruled out ("some residents said they feared the mines were to blame" / "The old lead
    # mine workings under the town played no part, the council said").
    (deferred(r"\b(?:feared|fear|suspected|suspect|believed|thought)\b[^.;]{0,40}\b(?:to blame|caused|"
              r"responsible)\b", re.I),
     deferred(r"\b(?:played no part|(?:was|were|is|are) not to blame|ruled out|(?:was|were|is|are) not "
              r"responsible|had nothing to do with)\b", re.I)),
    # A strike still on, then over ("The strike will continue until Friday unless a deal is reached" / "The guild
    # called off the last two days of the strike", "Nurses returned to work").
    (deferred(r"\b(?:(?:strike|walkout|stoppage) (?:will|would) (?:continue|go on|last)|"
              r"(?:remain|remains|remained|are|were) (?:still )?on strike|still on strike)\b", re.I),
     deferred(r"(?<!not )\b(?:called off|returned to work|(?:back|go back|went back) to work|"
              r"(?:strike|walkout|stoppage) (?:ended|is over|was over))\b", re.I)),
    # Staying on, once gone ("had no intention of resigning" / "resigned on Wednesday").
    (deferred(r"\b(?:no intention of (?:resigning|stepping down|quitting)|(?:would|will) not (?:resign|step down|"
              r"quit)|refused to (?:resign|step down|quit))\b", re.I),
     deferred(r"\b(?:resigned|stepped down|quit|accepted (?:the|his|her) resignation)\b", re.I)),
    # A fire not yet under control, or partly contained, once it is under control ("the fire was not under control",
    # "now 30 percent contained" / "Firefighters brought the wildfire under control").
    (deferred(r"\b(?:not (?:yet )?(?:been )?(?:brought )?under control|out of control|"
              r"\d+ ?(?:percent|per cent|%) contained)\b", re.I),
     deferred(r"(?<!not )(?<!yet )(?<!been )\b(?:(?:brought|got|gotten) (?:[\w-]+ ){0,4}?under control|"
              r"(?:now|fully) under control|"
              r"(?:is|was|were|are) under control|fully contained|100 ?(?:percent|per cent|%) contained)\b", re.I)),
    # The sentence a defendant faces, once one is passed ("Pike faces up to ten years in prison" / "Pike was jailed
    # for four years").
    (deferred(r"\b(?:faces?|facing|could (?:get|receive|be (?:jailed|sentenced|imprisoned)))\b"
              r"[^.;]{0,40}\b(?:years?|months?|life|prison|jail)\b", re.I),
     deferred(r"\b(?:was|were|has been|have been|is|are) (?:jailed|sentenced|imprisoned|given a (?:suspended )?"
              r"sentence)\b", re.I)),
    # Results promised, once they are out ("The company will publish the results of its investigation on Friday" /
    # "The company's investigation found that ...").
    (deferred(r"\b(?:will|would|is to|are to|plans? to|expects? to|is due to|are due to) (?:publish|release|"
              r"present|announce|give|report) (?:the |its |their |a |his |her )?(?:first )?(?:results?|findings?|"
              r"report|conclusions?)\b", re.I),
     deferred(r"\b(?:investigation|inquiry|review|report|study|tests?|audit|investigators|inspectors)\b"
              r"(?: \w+){0,3}? (?:has |have |had )?(?:found|showed|shown|concluded|revealed|established)\b", re.I)),
    # A stand-in, once the post is filled ("The board's deputy chair, Tomas Reyes, will act as chair until the
    # trustees decide" / "Trustees also confirmed Tomas Reyes ... as interim chair until ... next spring").
    (deferred(r"\b(?:will (?:act|serve|stand in) as|(?:is|are) (?:acting|serving|standing in) as|"
              r"(?:is|are) (?:now )?running [\w ]{1,30} on an interim basis)\b", re.I),
     deferred(r"\b(?:confirmed|appointed|named|elected|installed)\b[^.;]{0,90}\bas (?:the )?(?:new |interim |"
              r"permanent |full-time )?[a-z]+", re.I)),
    # Charges denied, once the verdict is in ("Dennis Marlow, 58, denies failing to ensure the safety of the public"
    # / "Marlow was found guilty on two of the three charges").
    (deferred(r"\b(?:denies|deny|has denied|have denied|(?:has|have) pleaded not guilty|is on trial|are on trial|"
              r"(?:is|are) standing trial)\b|\b(?:expect\w*|due|will|would)\b[^.;]{0,60}\bverdicts?\b", re.I),
     deferred(r"\b(?:was|were|has been|have been) (?:found (?:not )?guilty|convicted|cleared|acquitted)\b|"
              r"\bjury (?:found|convicted|cleared|acquitted)\b", re.I)),
    # A claim, once its maker admits it was wrong ("The harbour master repeated on Sunday that the gale warning had
    # been broadcast on time" / "harbour master Ingrid Kallevik admitted that the gale warning had gone out ... 40
    # minutes late"): the two must share words (`state_overturned`), so the later admission is of the same claim.
    (deferred(r"\b(?:insisted|insists|repeated|repeats|maintained|maintains|denied|denies)\b(?: \w+){0,3}? that\b",
              re.I),
     deferred(r"\b(?:admitted|admits|conceded|concedes|acknowledged|acknowledges)\b(?: \w+){0,3}? that\b", re.I)),
    # Part of something working again, once all of it is ("Around 50% of the hospital's systems were working again by
    # Sunday evening" / "all its main systems were working again").
    (deferred(r"\b(?:\d+ ?(?:%|per ?cent|percent)|half|some|most|many|a third|two thirds) of (?:the |its |their )?"
              r"[\w'’ -]{1,40}?(?:were|are|was|is) (?:now )?(?:working|back|running|restored|reconnected|online)\b",
              re.I),
     deferred(r"\ball (?:of )?(?:the |its |their )?(?:main |remaining |other )?[\w'’ -]{0,30}?(?:were|are|was|is|"
              r"had been|have been) (?:now )?(?:working|back|running|restored|reconnected|online)\b", re.I)),
    # People trapped, once they are out ("it is still too deep for the group to walk out" / "All five were brought
    # out on Sunday morning").
    (deferred(r"\b(?:(?:are|is|were|was|remain|remains|remained|still) (?:still )?(?:trapped|stranded|stuck)|"
              r"too (?:deep|high|dangerous) (?:for [\w ]{1,30} )?to (?:walk|get|swim|climb|be brought) out)\b", re.I),
     deferred(r"\b(?:(?:brought|pulled|carried|led|lifted|winched|airlifted|walked|waded?) (?:[\w-]+ ){0,3}?out|"
              r"(?:were|was|have been|has been|had been) (?:rescued|freed)|reached safety)\b", re.I)),
    # A cause of death not yet known, once it is ("too early to say whether the heat was to blame" / "had died of
    # heat-related illness").
    (deferred(r"\b(?:too early to say|not (?:yet )?(?:known|clear)|unclear)\b[^.;]{0,20}?\b(?:whether|if|what|how)\b|"
              r"\binvestigating the deaths?\b", re.I),
     deferred(r"\b(?:died|dying) (?:of|from)\b", re.I)),
    # An event in progress, once it is over (a live page's "The vote is now under way" / "the council voted 27 to 18").
    (deferred(r"\b(?:is|are) (?:now |still )?(?:under ?way|in progress|going on)\b", re.I),
     deferred(r"(?<!not )(?<!been )\b(?:voted|approved|passed|adopted|rejected|ended|finished|concluded|"
              r"(?:is|was) over)\b", re.I)),
    # A decision, once a court or a higher body undoes it ("voted by 22 to 19 on Monday night to sell the stadium
    # site" / "The High Court on Wednesday annulled ... council's vote").
    (deferred(r"\b(?:voted|approved|passed|adopted|granted|awarded|decided)\b", re.I),
     deferred(r"\b(?:annulled|quashed|struck down|overturned|revoked|"
              r"declared (?:the \w+ )?(?:void|unlawful|invalid))\b", re.I)),
    # Talks, and a deal they may bring, once a deal is agreed or the talks have failed.
    (deferred(r"\b(?:in (?:advanced |final |early |exclusive )?talks|(?:a|the) deal (?:could|may|might) be|"
              r"(?:a|an|the) (?:deal|agreement) (?:is|was) (?:close|near|expected))\b", re.I),
     deferred(r"\b(?:agreed|signed|reached (?:a|an) (?:deal|agreement)|struck (?:a|the) deal|walked away|"
              r"talks (?:collapsed|broke down|failed))\b", re.I)),
    # A weather warning, once raised or lifted ("has issued a yellow warning for snow" / "raised its snow warning ...
    # from yellow to amber", "issued a rare red warning", "The red snow warning ... was lifted"); and what was to be
    # done if it were raised ("prepare for closures if the warning was raised"), once it was.
    (deferred(r"\b(?:yellow|amber|orange)\s+(?:[a-z]+\s+)?(?:warning|alert)\b|"
              r"\b(?:warning|alert)\b[^.;]{0,60}\bto (?:yellow|amber|orange)\b|"
              r"\b(?:if|in case|should|unless)\b[^.;]{0,30}\b(?:warning|alert) (?:was|were|is) (?:again )?"
              r"(?:raised|upgraded)\b", re.I),
     deferred(r"\bred\s+(?:[a-z]+\s+){0,2}(?:warning|alert)\b|"
              r"\b(?:warning|alert)\b[^.;]{0,60}\b(?:lifted|withdrawn|cancelled|(?:raised|upgraded) "
              r"(?:[a-z]+ ){0,4}?to (?:amber|orange|red))\b|"
              r"\b(?:raised|upgraded|lifted|withdrew|cancelled)\b[^.;]{0,40}\b(?:warning|alert)\b", re.I)),
    # Any alert or advice in force, once lowered or lifted ("The council's high pollution alert, issued on Tuesday,
    # remains in force." / "Ostrey's air pollution alert has been downgraded from high to moderate").
    (deferred(r"\b(?:warning|alert|advice|notice)s?\b[^.;]{0,60}\b(?:is|are|remains?|remained) (?:still )?"
              r"in (?:force|place)\b", re.I),
     deferred(r"\b(?:warning|alert|advice|notice)s?\b[^.;]{0,60}\b(?:lifted|withdrawn|cancelled|downgraded|lowered|"
              r"ended|stood down)\b|\b(?:lifted|withdrew|cancelled|downgraded|lowered|ended)\b[^.;]{0,40}"
              r"\b(?:warning|alert|advice|notice)\b", re.I)),
    # People told to keep out of somewhere, once the advice is extended, narrowed or lifted ("People have been told to
    # keep children and dogs out of the water between Millbeck Bridge and the weir" / "The warning to keep people and
    # pets out of the water has been extended ... to Thornby" / "The advice ... has been lifted between Millbeck
    # Bridge and the weir, but stays in place from the weir down to Thornby").
    (deferred(r"\b(?:told|advised|urged|asked|warned)\s+(?:people\s+|residents\s+|the public\s+)?(?:not\s+)?to\s+"
              r"(?:keep|stay|go|swim|paddle)\b[^.;]{0,50}\b(?:out of|away from|off|in)\s+(?:the\s+)?(?:water|river|"
              r"sea|lake|beach|beaches|loch|reservoir|canal|area)\b", re.I),
     deferred(r"\b(?:warning|advice|ban|order)\b[^.;]{0,80}\b(?:has|have|had) been (?:extended|lifted|withdrawn|"
              r"narrowed|relaxed|eased)\b", re.I)),
    # ... and the advice extended, once lifted anywhere.
    (deferred(r"\b(?:warning|advice|ban|order)\b[^.;]{0,80}\b(?:has|have|had) been extended\b", re.I),
     deferred(r"\b(?:warning|advice|ban|order)\b[^.;]{0,80}\b(?:has|have|had) been (?:lifted|withdrawn|narrowed|"
              r"relaxed|eased)\b", re.I)),
    # A flood warning in force, once lowered or lifted ("A severe flood warning, meaning danger to life, is in force
    # for the Tarrow at Milbeck" / "The severe flood warning for Milbeck was lowered to a flood warning at 9am").
    (deferred(r"\b(?:severe )?flood (?:warning|alert)s?\b[^.;]{0,60}\b(?:is|are|was|were|remains?|remained) "
              r"(?:still )?in (?:force|place)\b|\bissued (?:a|an) (?:severe )?flood (?:warning|alert)\b", re.I),
     deferred(r"\b(?:flood )?(?:warning|alert)s?\b[^.;]{0,60}\b(?:(?:was|were|has been|have been|had been) )?"
              r"(?:lowered|downgraded|lifted|withdrawn|removed|cancelled|stood down)\b|"
              r"\b(?:lowered|downgraded|lifted|withdrew|removed|cancelled)\b[^.;]{0,40}\b(?:flood )?"
              r"(?:warning|alert)\b", re.I)),
    # A regulator's first look, once it opens a formal inquiry ("which said it was making enquiries" / "said on
    # Tuesday it had opened a formal investigation").
    # ... or, told of it, once it begins ("The Marine Accident Investigation Branch (MAIB) has been told of the
    # sinking" / "Investigators from the Marine Accident Investigation Branch have begun their inquiry").
    (deferred(r"\b(?:making (?:initial |preliminary )?(?:enquiries|inquiries)|looking into|assessing whether|"
              r"considering (?:whether to (?:open|launch) )?an? (?:investigation|inquiry)|"
              r"(?:has|have|had) been (?:told|informed|notified) of)\b", re.I),
     deferred(r"\b(?:opened|launched|began|begun|started|announced) (?:an? |its |their )?(?:formal |full |official |"
              r"criminal )?(?:investigation|inquiry|probe)\b", re.I)),
)
# Nobody harmed, once some are ("no child had been reported ill" / "Two pupils at Eastmoor Primary were treated by
# their family doctors for breathing problems last week"): in one story the harm is of its one event, so the two need
# share no word (child / pupils).
HARMLESS = deferred(r"\b(?:no (?:one|child|children|pupils?|staff|passengers?|people|residents?|workers?|"
                    r"patients?)|nobody)\b[^.;]{0,30}\b(?:ill|hurt|injured|harmed|sick|symptoms)\b|"
                    r"\bno (?:injuries|casualties)\b|"
                    # "Early reports suggest nobody has serious injuries."
                    r"\b(?:no (?:one|people)|nobody)\b[^.;]{0,20}\b(?:has|had|have|suffered) (?:any )?(?:serious|"
                    r"life-threatening) injuries\b|\bno (?:serious|life-threatening) injuries\b|"
                    # ("None of the children has needed hospital treatment." / "One child ... was admitted to
                    # Carrisford General Hospital on Monday night")
                    r"\b(?:none of (?:the|them)\b[^.;]{0,30}|no (?:one|child|children|patients?|pupils?)\b"
                    r"[^.;]{0,20})(?:has|have|had) (?:needed|required|been (?:admitted|taken) to) "
                    r"(?:hospital|treatment)", re.I)
HARMED = deferred(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some|a number of)\s+"
                  r"(?:[\w'’-]+\s+){0,4}?(?:were|was|have been|had been|has been)\s+(?:\w+\s+)?"
                  r"(?:treated|taken to hospital|hurt|injured|hospitali[sz]ed)\b|"
                  # ("One child, a pupil at the primary school, was admitted to Carrisford General Hospital")
                  r"\bone\b[^.;]{0,60}?\b(?:was|has been) admitted to (?:[A-Z][\w'’-]* ){0,3}"
                  r"(?:hospital|infirmary)\b|"
                  r"\b(?:fell|fallen|became|become|been reported) ill\b|"
                  # ("A man has been seriously injured ...", "One man has been taken to ... Hospital with injuries")
                  r"\b(?:a|one) (?:man|woman|person|driver|child|boy|girl)\b[^.;]{0,40}?\b(?:has been|was|had been) "
                  r"(?:seriously|critically|badly) (?:injured|hurt)\b", re.I)


def _shared_words(later: str, earlier: str) -> set[str]:
    """The lemmas two sentences share, function words aside: what says they tell of one thing."""
    return {w for w in set(lemmas(later)) & set(lemmas(earlier)) if w not in STOP_WORDS}


def harmed(later: str, earlier: str) -> bool:
    """Whether `earlier` says nobody was harmed and `later` that some were (see `HARMLESS`)."""
    return HARMLESS.search(earlier) is not None and HARMED.search(later) is not None and not HARMLESS.search(later)


# One person missing, once found ("The fourth, a man in his twenties, has not been found" / "The young fisherman
# missing since the Silver Tern sank has been found alive in a life raft"): in one story, the same person, however
# each names him. (Not "two men are still missing": one found leaves the other.)
ONE_MISSING = deferred(r"\b(?:has|had) not (?:yet )?been (?:found|located|traced)\b|"
                       r"\b(?:is|was|remains|remained) (?:still )?missing\b|"
                       # ... and the appeal for them: "Mr Tolley is described as white, about 5ft 9in tall ...",
                       # "Anyone with information is asked to call 101"
                       r"\b(?:is|was) described as (?:white|black|asian|of [a-z]+ build|about \d)|"
                       r"\banyone (?:with information|who has seen [a-z ]{2,20}) is asked to (?:call|contact|ring)\b|"
                       # ... or for a thing lost: "has made a tearful appeal for the return of a 278-year-old cello",
                       # "offered a reward of £5,000 for the cello's safe return", "were trying to trace the taxi"
                       r"\bappeal(?:ed|s|ing)? for (?:the |its |his |her |their )?(?:safe )?return\b|"
                       r"\breward\b[^.;]{0,60}\bfor (?:the |its |his |her |their )?[\w'’ -]{0,30}(?:safe )?return\b|"
                       r"\b(?:is|are|was|were) (?:still )?trying to (?:trace|find|locate)\b",
                       re.I)
FOUND = deferred(r"\b(?:was|has been|had been) (?:found|rescued|picked up|traced) (?:alive|safe|safely|unharmed|"
                 r"dead|well)\b|"
                 # ... and a thing lost, given back: "has been handed in to police by the driver"
                 r"\b(?:was|has been|had been) (?:handed in|handed back|recovered)\b", re.I)


def moved_apart_from(earlier: str) -> bool:
    """Whether `earlier` states a state of affairs that a later sentence may overturn sharing no word with it
    (`state_moved_apart`)."""
    return HARMLESS.search(earlier) is not None or ONE_MISSING.search(earlier) is not None


# A demand once it is met or refused ("The union also wants a written promise that the cranes will not cost
# jobs" once "the employers agreed that there will be no compulsory redundancies linked to the cranes"). A
# demand and its answer share at least `DEMAND_SHARED` content words (two would join unrelated asks and deals).
# ... and an ask granted "as teachers had asked".
DEMAND = (deferred(r"\b(?:wants?|demands?|demanding|(?:is|are) (?:seeking|asking for|pressing for)|call(?:s|ed)? for|"
                   r"insists? on|(?:has|have) (?:asked|applied|pressed) for)\b", re.I),
          deferred(r"\b(?:agreed|accepted|conceded|granted|rejected|refused|turned down|voted|"
                   r"as (?:[\w'’-]+ ){0,3}(?:had )?(?:asked|requested|demanded))\b", re.I))
DEMAND_SHARED = 3
_RECOMMENDS = deferred(r"\b(?:will|would) recommend\b", re.I)
_VOTED = deferred(r"\b(?:voted|agreed|approved|rejected|decided)\b", re.I)
RECOMMENDED_SHARED = 2
# What a running story counts of its people, by the words that tell each (a toll's categories): the dead, the ill,
# the injured, the missing.
_TOLLS = {
    "dead": r"killed|dead|died|deaths?|death toll|fatalities",
    "ill": r"fell ill|fallen ill|became ill|been taken ill|sickened|ill",
    "injured": r"injured|hurt|wounded",
    "missing": r"missing|unaccounted for",
}
_DIGIT = deferred(r"\d")
_NUMBER = r"(?:at least |some |about |more than |nearly |almost )?(\d[\d,]*)\b(?![.,]\d)"
# A figure in digits or words ("12", "twelve", "fifteen", "thirty"), and a small count ("12", "twelve").
_FIGURE_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)"
_SMALL_COUNT = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# A sentence whose news is a count that has grown: "The number of people killed ... has risen to 31", "the death
# toll rose to 31".
_GROWN = rf"\b(?:risen|rose|climbed|increased|grown|grew|reached|jumped)\s+to\s+{_NUMBER}"
_TOLL_UPDATE = {kind: re.compile(rf"\b(?:{'death toll|' if kind == 'dead' else ''}(?:number|count|toll)\b[^.;]{{0,60}}?"
                                 rf"\b(?:{words}))\b[^.;]{{0,60}}?{_GROWN}", re.I)
                for kind, words in _TOLLS.items()}
# Any count of them: "killing at least 12 people", "63 people have now fallen ill", "the death toll ... to 38".
_TOLL = {kind: re.compile(rf"\b(?:{words})\s+{_NUMBER}|{_NUMBER}\s+(?:[a-z]+\s+){{0,3}}?(?:(?:were|have|had|are|"
                          rf"was|has|been|now)\s+){{0,3}}(?:{words})\b|\b(?:toll|number|count)\b[^.;]{{0,60}}?"
                          rf"\bto\s+{_NUMBER}", re.I)
         for kind, words in _TOLLS.items()}


# A state restored: "Trains are running every half hour again", "the replacement buses ... have been withdrawn".
_RESTORED = deferred(r"\b(?:again|back (?:open|on|in service|to normal|to full)|resumed|reopened|restored|"
                     r"returned to (?:normal|full)|full (?:service|timetable)s? (?:returned|resumed|restored))\b",
                     re.I)


def restored_since(report: str, other: str) -> bool:
    """Whether `report` tells a state restored that `other`, an earlier article's sentence, does not: "Trains are
    running every half hour again" is not stated by "once an hour instead of every half hour", whatever words they
    share."""
    return _RESTORED.search(report) is not None and _RESTORED.search(other) is None


def could_state(report: str, day: dt.date | None, then: dt.date | None, other: str, other_kind: Kind,
                published: dt.date | None) -> bool:
    """Whether `other` (of an article published on `published`) may be credited with `report` (a report of `day`,
    published on `then`), as one fact's member: not when its article came out before that day ("they were brought
    out on Sunday" is no Friday paper's), nor when it is an earlier statement the report has moved past ("too early
    to say whether the heat was to blame" / "had died of heat-related illness")."""
    if day is not None and published is not None and published < day:
        return False
    if plan_missing(report, other) or _part_of_subject(report, other):
        return False
    if then is not None and published is not None and published < then and restored_since(report, other):
        return False
    # (Nor one that gives only the old figure a revision corrects: "said on Wednesday that 23 had gone overboard, not
    # 14 as first reported" is no Tuesday paper's "lost 14 containers overboard".)
    if revises(report) and (new := revised_to(report)) and not _near(new, figures_of(other)):
        return False
    return not (then is not None and published is not None and published < then
                and supersedes(report, "report", other, other_kind))


# A plan changed: what follows "will now" is the change ("The parents' meeting planned for Tuesday will now be held
# online.").
_NOW_CHANGED = deferred(r"\b(?:will|would) now (?:be )?([^.;,]{2,60})", re.I)
# ... told as a change of what was planned ("planned for Tuesday will now be held online"; not "said the machine
# would now be taken apart", the next step).
_WAS_PLANNED = deferred(r"\b(?:planned|instead|rather than|no longer|originally|(?:was|were|had been) due|as normal|"
                        r"as usual|after all)\b", re.I)
# Words of a change that say only that something happens, not how.
_ONLY_HAPPENS = frozenset(stem(w) for w in ("held", "hold", "take", "place", "go", "ahead", "happen", "run", "played",
                                            "staged"))


def change_missing(report: str, other: str) -> bool:
    """Whether `other` leaves out what `report`'s changed plan now is (`_NOW_CHANGED`): it tells the plan before the
    change, not the change ("A meeting for parents is planned for June 16" does not state "... will now be held
    online")."""
    changed = _change_of(report)
    return bool(changed) and not changed <= {stem(w) for w in words(other)}


@lru_cache(maxsize=1 << 14)  # a plan is read against each sentence near it
def _change_of(report: str) -> frozenset[str]:
    """The stems of what `report`'s changed plan now is (`_NOW_CHANGED`, told as a change: `_WAS_PLANNED`), if any."""
    m = _NOW_CHANGED.search(report)
    if m is None or not _WAS_PLANNED.search(report):
        return frozenset()
    return frozenset({stem(w) for w in words(m.group(1)) if w not in STOP_WORDS} - _ONLY_HAPPENS)


# A subject of two, the first named: "Juno and two barn owls have now been returned to Heddon Falconry Centre."
_NAMED_AND = deferred(r"^([A-Z][\w'’-]+) and (?!the (?:two|three|four|others?)\b)")


def _part_of_subject(report: str, other: str) -> bool:
    """Whether `other` leaves out the one named first in the report's subject of two: it tells of part of it ("The two
    barn owls ... have been taken back to the centre" does not state "Juno and two barn owls have now been
    returned")."""
    m = _NAMED_AND.match(report)
    return m is not None and m.group(1).lower() not in STOP_WORDS \
        and re.search(rf"\b{re.escape(m.group(1))}\b", other) is None


# A figure and the word it counts or measures: "450 tonnes", "3.4 million", "6 per cent", "6%".
_COUNTED = deferred(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s*(%|per ?cent\b|[a-z]+)")
_PART_OF = deferred(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?) of (?:[\w'’]+\s+){0,3}?\d[\d,]*(?:\.\d+)?\s*([a-z]+)")
_ANY_FIGURE = deferred(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?")
# Figures this close are one figure rounded ("296 people" / "about 300 people").
FIGURE_ROUNDING = 0.1


def rounds(a: float, b: float) -> bool:
    """Whether one figure is the other rounded (`FIGURE_ROUNDING`): "about 3,000" / "2,964", "3.9bn" / "3.87bn"."""
    return abs(a - b) <= FIGURE_ROUNDING * max(a, b)


@lru_cache(maxsize=1 << 14)  # a shown sentence is read against each member of its fact
def _figures(text: str) -> dict[str, tuple[float, ...]]:
    """Each thing the text counts or measures, with its figures ("10 a.m.": "a" is a stop word, no thing)."""
    out: dict[str, tuple[float, ...]] = {}
    # "About 120 of the ship's 1,400 containers": 120 containers, then the 1,400 they are part of.
    for number, unit in _PART_OF.findall(text):
        if unit not in STOP_WORDS:
            out[unit] = (*out.get(unit, ()), float(number.replace(",", "")))
    for number, unit in _COUNTED.findall(text):
        unit = "%" if unit == "%" or (unit.startswith("per") and unit.endswith("cent")) else unit
        if unit == "%" or unit not in STOP_WORDS:
            out[unit] = (*out.get(unit, ()), float(number.replace(",", "")))
    return out


# A sum a sentence compares its news with ("up from £1.2m", "rather than £300,000"): no part of its news.
_COMPARED_SUM = deferred(r"\b(?:(?:up |down )?from|than|instead of|compared (?:with|to)|not)\s+(?:about |around |"
                         r"some |nearly |more than )?[£$€]?\d[\d,.]*\s*(?:m|bn|k|million|billion|thousand|pounds|"
                         r"euros|dollars)?\b", re.I)


def sum_missing(report: str, other: str) -> bool:
    """Whether `other` gives sums of money of the report's currency but not one of the report's own (its comparisons
    aside): it does not state them all ("would cost around 1.2 million pounds ... paid for from its reserves" does not
    state "will take £1.2m from its reserves and borrow the remaining £550,000")."""
    if "£" not in report and "$" not in report and "€" not in report and "pound" not in report:
        return False
    mine, theirs = sums(_COMPARED_SUM.sub(" ", report)), sums(other)
    currencies = {c for c, _ in theirs}
    return any(currency in currencies and not any(rounds(value, v) for c, v in theirs if c == currency)
               for currency, value in mine)


def plan_missing(plan: str, other: str) -> bool:
    """Whether `other` leaves out what a plan or preview gives: its first figure, its sums, or its change
    (`figure_missing`, `sum_missing`, `change_missing`)."""
    return figure_missing(plan, other) or sum_missing(plan, other) or change_missing(plan, other)


@lru_cache(maxsize=1 << 16)  # asked of each sentence against every other one of its fact
def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def figure_missing(report: str, other: str) -> bool:
    """Whether `other` gives a figure of something `report` gives a figure of, but not the report's first one (its
    news; a later one is what it is compared with): it does not state the report's fact ("about 300 tonnes of oil
    had leaked" does not state "about 450 tonnes of oil had leaked, half as much again as its first estimate of 300
    tonnes"; "expected operating profit of 1.5 billion to 1.7 billion euros" states "now expects operating profit
    of between 1.5 billion and 1.7 billion euros, up from 1.2 billion to 1.5 billion")."""
    if not _has_digit(report) or not _has_digit(other):
        return False
    mine, theirs = _figures(report), _figures(other)
    shared = mine.keys() & theirs.keys()
    if not shared:
        return False
    # Any figure of the other counts ("About 120 of the ship's 1,400 containers" gives 120 containers).
    given = [float(n.replace(",", "")) for n in _ANY_FIGURE.findall(other)]
    return any(all(not rounds(mine[unit][0], m) for m in given)
               for unit in shared)


def toll_update(later: str, earlier: str) -> bool:
    """True when `earlier`'s news is a grown count of the dead, the ill, the injured or the missing ("The number
    of people killed ... has risen to 31") and `later` gives another count of them ("bringing the death toll ...
    to 38"). A report whose count is one detail of its event ("A magnitude 6.4 earthquake struck ..., killing at
    least 12 people") is not overtaken: it tells more than the count."""
    low = earlier.lower()
    if " to " not in low or not any(w in low for w in ("toll", "number", "count")) or not _DIGIT.search(earlier):
        return False  # what every update needs, looked for before the patterns run (most pairs lack it)
    for kind, update in _TOLL_UPDATE.items():
        before = {n.replace(",", "") for m in update.finditer(earlier) for n in m.groups() if n}
        if not before:
            continue
        after = {n.replace(",", "") for m in _TOLL[kind].finditer(later) for n in m.groups() if n}
        if after and before.isdisjoint(after):
            return True
    return False


# A count of the dead as a sentence's news, in digits or words ("Five people are now known to have died ..."), and a
# death toll taken to a new figure ("bringing the death toll to seven").
_NUMBER_WORD = rf"({_FIGURE_WORD})"
# (... after its attribution: "Oskerby and District Fire and Rescue Service said 3 people had been confirmed dead".)
_DEAD_NEWS = deferred(rf"^(?:[^,;\"“]{{0,80}}?\b(?:said|says|confirmed) (?:that )?)?(?:[A-Z][\w'’-]*\s+)?"
                      rf"(?:at least\s+)?{_NUMBER_WORD}\s+(?:[a-z]+\s+){{0,2}}?"
                      r"(?:(?:are|were|have|has|had|been|now|known|confirmed|believed|reported|to)\s+){0,5}"
                      r"(?:died|dead|killed)\b", re.I)
_TOLL_TO = deferred(rf"\b(?:death toll|number of (?:the )?dead|number of (?:[a-z]+ ){{0,2}}?(?:killed|"
                    rf"who (?:have |had )?died))\b[^.;]{{0,60}}?\bto\s+{_NUMBER_WORD}\b", re.I)


def dead_toll_grown(later: str, earlier: str) -> bool:
    """Whether `earlier`'s news is a count of the dead that `later`'s death toll has passed ("Five people are now
    known to have died in the landslide ..." / "... bringing the death toll to seven"). A report whose count of the
    dead is one detail of its event ("A landslide tore through ..., killing at least two people") is not overtaken."""
    told, toll = _DEAD_NEWS.match(earlier), _TOLL_TO.search(later)
    if told is None or toll is None:
        return False
    before, now = number_value(told.group(1)), number_value(toll.group(1))
    return before is not None and now is not None and now > before


# How many are still in a state: "Eight households ... remain out", "leaving three families still out of their
# homes", "12 people are still missing". The count, then the state.
_STILL_COUNT = deferred(rf"\b{_SMALL_COUNT}\s+"
                        r"(?:[\w'’-]+\s+){0,8}?(?:remain|remains|remained|(?:are|were|is|was) still|still)\s+"
                        r"(out|missing|in hospital|closed|shut|evacuated|trapped|stranded|displaced|without)\b", re.I)

_STATE_COUNT = deferred(rf"\b{_SMALL_COUNT}\s+"
                        r"(?:[\w'’-]+\s+){0,3}?(?:are|were|is|was)\s+(in hospital|missing|trapped|stranded)\b", re.I)


def still_count(later: str, earlier: str) -> bool:
    """True when both tell how many are still in one state, with different numbers ("Eight households ... remain
    out" / "leaving three families still out of their homes"): the later count is where things stand."""
    if "still" not in later.lower() and "remain" not in later.lower():
        return False
    mine = {(state.lower(), n.lower()) for n, state in _STILL_COUNT.findall(later)}
    # (The earlier count need not say "still": "Twelve people are in hospital" / "Nine people remain in hospital".)
    theirs = {(state.lower(), n.lower()) for pattern in (_STILL_COUNT, _STATE_COUNT) for n, state in
              pattern.findall(earlier)}
    return any(s1 == s2 and n1 != n2 for s1, n1 in mine for s2, n2 in theirs)


_STILL = deferred(r"\bstill\s+([a-z]+ed|[a-z]+s)\s+(?:any\s+|the\s+|all\s+|his\s+|her\s+|their\s+)?([a-z]+)\b", re.I)


def still_held(later: str, earlier: str) -> bool:
    """True when `later` says one still holds what `earlier` says was held or done, with the same verb and object
    ("he still denied wrongdoing" / "Trewin denied any wrongdoing"): the later line tells where it stands."""
    m = _STILL.search(later)
    if m is None:
        return False
    verb, thing = lemmas(m.group(1)), lemmas(m.group(2))
    told = set(lemmas(earlier))
    return bool(verb) and bool(thing) and verb[0] in told and thing[0] in told


# A claim told with a hedge ("allegedly", "reportedly", "it is understood that"), and the share of its content words
# (and all its figures) a later sentence with no hedge must give to confirm it.
_HEDGE = deferred(r"\b(?:allegedly|reportedly|(?:it is|is) understood(?: that)?|(?:is|are|was|were) said to|"
                  r"according to (?:sources|reports)(?: (?:in|close to) (?:the )?[A-Z][\w-]*)?|"
                  r"(?:unconfirmed )?reports (?:suggest|say|said|claim)(?:ed)?(?: that)?|"
                  r"(?:is|are|was|were) alleged to)\b", re.I)
CONFIRMED_SHARE = 0.6


# A sum given as what it is believed to be ("The fee is believed to be around £4 million"), and the nouns of a sum
# that a later article may give for sure ("a club-record fee of £4.5 million").
_SPECULATED = deferred(r"\b(?:believed|understood|reported|thought|rumou?red|said|estimated) to (?:be|have been)\b|"
                       r"\breportedly\b", re.I)
_SUM_NOUNS = frozenset(lemma_stems(["fee", "price", "cost", "bill", "bid", "offer", "valuation", "payout",
                                    "compensation", "settlement", "budget"]))
_EARLIER_ONE = deferred(r"\b(?:previous|former|last|earlier|(?:19|20)\d\d)\b")


def sum_confirmed(later: str, earlier: str) -> bool:
    """True when `earlier` gives a sum as what it is believed to be and `later` gives, with no such hedge, a sum in
    the same currency for the same noun ("The fee is believed to be around £4 million" / "... for a club-record fee
    of £4.5 million"): the sum told for sure is where it stands. Not a sum of another time ("the previous record of
    £3.2 million paid ... in 2023"), nor of other people named."""
    if _SPECULATED.search(earlier) is None or _SPECULATED.search(later) is not None \
            or _EARLIER_ONE.search(later) is not None:
        return False
    if not {c for c, _ in sums(later)} & {c for c, _ in sums(earlier)}:
        return False
    if not _SUM_NOUNS & set(lemmas(later)) & set(lemmas(earlier)):
        return False
    return not names_apart(later, earlier)


def confirmed_claim(later: str, earlier: str) -> bool:
    """True when `later` states without a hedge what `earlier` told with one ("the trust had allegedly cut its budget
    for agency nurses by 40 percent" / "The trust confirmed on Thursday that it had cut its budget for agency nurses by
    40 percent this year"): the claim confirmed is where it stands."""
    if _HEDGE.search(earlier) is None or _HEDGE.search(later) is not None:
        return False
    mine, theirs = set(lemmas(later)), set(lemmas(_HEDGE.sub(" ", earlier)))
    figures = set(_ANY_FIGURE.findall(earlier))
    return bool(theirs) and figures <= set(_ANY_FIGURE.findall(later)) \
        and len(mine & theirs) >= CONFIRMED_SHARE * len(theirs)


# A promise to tell what a search finds ("would share what it found with the council", "will publish its
# findings"): the event is the finding, reported by "its cameras had found ...".
_FINDINGS = deferred(r"\s*(?:share|publish|release|report|announce|reveal|give|make public)\s+(?:what (?:it|they|"
                     r"he|she|we) (?:found|find|finds|had found)|(?:the|its|their|his|her) (?:results|findings))\b",
                     re.I)
_FOUND = deferred(r"\b(?:found|finds|findings|results|showed|revealed)\b", re.I)
# ... and findings on a cause, once a cause is told ("expected to give their findings on the cause on Monday" / "said
# on Monday that the fire had been started accidentally").
_ON_CAUSE = deferred(r"\b(?:on|into|about|of) the cause\b", re.I)
_CAUSE_TOLD = deferred(r"\b(?:caused by|started (?:accidentally|deliberately)|(?:was|been) (?:accidental|deliberate)|"
                       r"set deliberately|an electrical fault)\b", re.I)
# A measure told again in its final form: "The council's final survey put the depth of the hole at nine metres"
# overtakes "is now about 12 metres deep".
_FINAL = deferred(r"\b(?:final|latest|revised|corrected|updated)\b", re.I)


def final_measure(later: str, earlier: str) -> bool:
    """True when `later` gives a final, latest or revised figure of a measure `earlier` gives of the same thing
    (a content word in common besides units) with another value."""
    if not _FINAL.search(later) or _FINAL.search(earlier):
        return False
    mine, theirs = measures(later), measures(earlier)
    if not any(a[0] == b[0] and not (a[1] <= b[2] and b[1] <= a[2]) for a in mine for b in theirs):
        return False
    return bool((set(lemmas(later)) & set(lemmas(earlier))) - _lemma_set(_UNIT_WORDS))


_UNIT_WORDS = "metres meters metre kilometres miles feet tonnes kilograms per cent percent hours minutes days weeks"


@lru_cache(maxsize=8)
def _lemma_set(text: str) -> frozenset[str]:
    return frozenset(lemmas(text))


# A running total reached ("Garvie's fundraising for the Tarrow Stroke Club had passed £41,000 by Wednesday evening" /
# "... reached £48,000 on Thursday"): the sentence's subject, and the figure it has passed or reached.
_REACHED = deferred(r"(?P<subject>[^,;:\"“”]{3,90}?)\s+(?:has |have |had )?(?:now )?(?:passed|reached|topped|hit|"
                    r"exceeded|surpassed|climbed to|risen to|rose to|grown to|grew to|stood at|stands at)\s+"
                    r"(?:more than |over |about |almost |nearly |just over |just under )?"
                    r"(?P<currency>[£$€]?)(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>bn|m|k|million|billion|thousand)?\b",
                    re.I)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
# Content words two subjects of a running total must share (a name and what it counts: "garvie", "fundraising").
TOTAL_SHARED = 2


def total_reached(later: str, earlier: str) -> bool:
    """True when both sentences tell the figure one running total has reached, and `later`'s is the higher: where
    it stands now."""
    a, b = _REACHED.match(referred(later)), _REACHED.match(referred(earlier))
    if a is None or b is None or a["currency"] != b["currency"]:
        return False
    va, vb = (float(m["value"].replace(",", "")) * _SCALE.get((m["scale"] or "").lower(), 1.0) for m in (a, b))
    if va <= vb:
        return False
    sa, sb = ({w for w in lemma_stems(words(m["subject"])) if w not in STOP_WORDS} for m in (a, b))
    return len(sa & sb) >= min(TOTAL_SHARED, len(sa), len(sb)) > 0


# A sum raised or cut to a new value ("Maurice Penhale has raised his reward to £1,000") and the sum as first told
# ("Mr Penhale is offering a £250 reward"): the thing, and its value in the same currency.
_RAISED_TO = deferred(r"\b(?:raised|increased|upped|doubled|lifted|cut|lowered|reduced)\s+"
                      r"(?:his|her|its|their|the)\s+(?P<thing>[a-z]+)\s+to\s+(?P<currency>[£$€])(?P<value>\d[\d,]*)|"
                      # ... or a new value put on it: "The club's insurers now put the damage at £412,000."
                      r"\bnow (?:put|puts|estimate|estimates|value|values)\s+(?:his|her|its|their|the)\s+"
                      r"(?:[a-z]+\s+){0,3}?(?P<now>[a-z]+)\s+at\s+(?:about |around |some |nearly |more than )?"
                      r"(?P<now_currency>[£$€])(?P<now_value>\d[\d,]*)")
_SUM = deferred(r"(?P<currency>[£$€])(?P<value>\d[\d,]*)")


def raised_to(later: str, earlier: str) -> bool:
    """True when `later` moves a sum to a new value and `earlier` gives the same thing another value."""
    m = _RAISED_TO.search(later)
    if m is None:
        return False
    thing, currency, value = (m["thing"], m["currency"], m["value"]) if m["thing"] else \
        (m["now"], m["now_currency"], m["now_value"])
    if not re.search(rf"\b{thing}\b", earlier):
        return False
    new = value.replace(",", "")
    return any(s["currency"] == currency and s["value"].replace(",", "") != new for s in _SUM.finditer(earlier))


# A sum taken to a new total ("has approved a further €70,000 ..., bringing its funding to €310,000").
_BROUGHT_TO = deferred(r"\b(?:bringing|taking|raising) (?:the|its|their|his|her) (?:[a-z]+ ){0,2}?(?:total|funding|"
                       r"grant|sum|award|fund|budget|payout|compensation)\s+to\s+(?P<currency>[£$€])(?P<value>\d[\d,]*)",
                       re.I)
BROUGHT_TO_SHARED = 2


def sum_brought_to(later: str, earlier: str) -> bool:
    """Whether `later` takes a sum to a new total (`_BROUGHT_TO`) that `earlier`, of the same giver, told smaller
    ("The Department of Education has approved €240,000 for emergency repairs ...")."""
    m = _BROUGHT_TO.search(later)
    if m is None:
        return False
    total = float(m["value"].replace(",", ""))
    told = [float(s["value"].replace(",", "")) for s in _SUM.finditer(earlier) if s["currency"] == m["currency"]]
    shared = _shared_words(later, earlier)
    return bool(told) and all(v < total for v in told) and len(shared) >= BROUGHT_TO_SHARED


# A fundraising total so far: "has raised £38,000 so far", "had reached 52,400 pounds by the time she landed", "has
# passed £71,000 since she finished", "It had raised £6,200 by Tuesday morning".
_RAISED_SO_FAR = deferred(r"\b(?:has|had|have) (?:now |so far |already )?(?:raised|collected|reached|passed|topped|"
                          r"hit|risen to)\s+(?:more than |about |around |nearly |almost |over |just over |some )?"
                          r"(?:[£€$]\s?(?P<a>\d[\d,]*(?:\.\d+)?)(?P<am>\s?(?:m|bn|k)\b|\s(?:million|billion)\b)?|"
                          r"(?P<b>\d[\d,]*(?:\.\d+)?)(?P<bm>\s(?:million|billion))? "
                          r"(?:pounds|euros|dollars)\b)", re.I)
_CLOSED_AT = deferred(r"\b(?:fund|fundraiser|fundraising|appeal|crowdfunder|page)\b[^.;]{0,60}?\bclosed\b"
                      r"[^.;]{0,40}?\bat\s+[£$€]\s?(?P<value>\d[\d,]*)", re.I)
_RAISED_WORDS = ("raised", "collected", "reached", "passed", "topped", "hit ", "risen to")
_RAISED_LOOK = look_for(_RAISED_WORDS)


def raised_total(text: str) -> float | None:
    """The sum a fundraising has reached so far, as `text` gives it (`_RAISED_SO_FAR`), or where it closed
    (`_CLOSED_AT`: "The fundraising page ... closed on Thursday night at €40,250"), or None."""
    if "closed" in text and (closed := _CLOSED_AT.search(text)) is not None:
        return float(closed["value"].replace(",", ""))
    if not _RAISED_LOOK.search(text):
        return None
    m = _RAISED_SO_FAR.search(text)
    if m is None:
        return None
    figure, scale = (m["a"], m["am"]) if m["a"] else (m["b"], m["bm"])
    return float(figure.replace(",", "")) * _SCALE.get((scale or "").strip().lower(), 1.0)


# A running total of what has been done so far: "have now spread about 2,100 tonnes of salt since Sunday afternoon",
# "had handed out 14,000 bottles of water".
_DONE_SO_FAR = deferred(r"\b(?:has|have|had) (?:now |so far |already )?(?P<verb>spread|used|laid|collected|delivered|"
                        r"handed out|given out|distributed|cleared|pumped out|pumped|removed|planted|filled)\s+"
                        r"(?:more than |about |around |nearly |almost |over |just over |some )?"
                        r"(?P<value>\d[\d,]*(?:\.\d+)?)\s+(?P<unit>[a-z]+)\b", re.I)
_DONE_WORDS = ("spread", "used", "laid", "collected", "delivered", "handed out", "given out", "distributed", "cleared",
               "pumped", "removed", "planted", "filled")
_DONE_LOOK = look_for(_DONE_WORDS)
# ... and the area a fire has burned so far, however it is told: "the blaze has now burned about 1,200 hectares",
# "as it spread to about 3,400 hectares", "By then it had burned about 6,300 hectares".
_BURNED_AREA = deferred(r"\b(?:burned|burnt|scorched|consumed|blackened|spread (?:to|across|over)|grown to|"
                        r"covering|covers|covered)\s+(?:more than |about |around |nearly |almost |over |just over |"
                        r"some |roughly |an estimated )?(?P<value>\d[\d,]*(?:\.\d+)?)\s+"
                        r"(?P<unit>hectares|acres|square (?:kilometres|kilometers|km|miles))\b", re.I)
_AREA_WORDS = ("hectares", "acres", "square ")
_AREA_LOOK = look_for(_AREA_WORDS)


# ... and a count of people treated so far: "Eleven people have been taken to hospital in total", "Fourteen people
# were treated in hospital in all".
_TREATED_IN_ALL = deferred(rf"\b(?P<value>{_FIGURE_WORD})\s+(?:people|patients|casualties)\s+(?:have been|had been|"
                           r"were|have)\s+(?:taken to|treated in|treated at|admitted to)\s+(?:[A-Z][\w'’-]*\s+){0,3}"
                           r"(?:hospital|infirmary)\b[^.;]{0,20}\bin (?:total|all)\b", re.I)


def running_total(text: str) -> tuple[str, float] | None:
    """A total so far and what it is of: a fundraising's sum (`raised_total`, "£"), a quantity done so far
    (`_DONE_SO_FAR`: "spread tonnes" 2100.0), the area a fire has burned (`_BURNED_AREA`: "burned hectares"), or
    people treated in hospital in all; None when `text` gives none."""
    if (raised := raised_total(text)) is not None:
        return "£", raised
    if " in " in text and ("hospital" in (low := text.lower()) or "infirmary" in low) \
            and (treated := _TREATED_IN_ALL.search(text)) \
            and (value := number_value(treated["value"])) is not None:
        return "hospital", float(value)
    if _AREA_LOOK.search(text) and (area := _BURNED_AREA.search(text)) is not None:
        return f"burned {area['unit'].lower()}", float(area["value"].replace(",", ""))
    if not _DONE_LOOK.search(text) or (m := _DONE_SO_FAR.search(text)) is None:
        return None
    return f"{m['verb'].lower()} {m['unit'].lower()}", float(m["value"].replace(",", ""))


# A figure that a later sentence names as where it came from: "has now raised £74,500 ..., up from about £18,000 on
# Tuesday" (the earlier "raised more than £18,000 in its first 24 hours" is its old value).
_UP_FROM = deferred(r"\b(?:up|down) from (?:the )?(?:about |around |some |nearly |almost |just over |more than |"
                    r"just under )?"
                    r"(?P<currency>[£$€])?(?P<value>\d[\d,]*(?:\.\d+)?)")


def up_from(later: str, earlier: str) -> bool:
    """True when `later` gives a new figure "up from" (or "down from") a figure `earlier` gives, in the same currency,
    and `earlier` does not give the new one."""
    m = _UP_FROM.search(later)
    if m is None:
        return False
    old = float(m["value"].replace(",", ""))
    theirs = [(s["currency"], float(s["value"].replace(",", ""))) for s in _SUM.finditer(earlier)] if m["currency"] \
        else [("", float(f.replace(",", ""))) for f in re.findall(r"(?<![\w.,£$€])\d[\d,]*(?:\.\d+)?", earlier)]
    mine = {float(s["value"].replace(",", "")) for s in _SUM.finditer(later[:m.start()])}
    return any(c == (m["currency"] or "") and old and abs(v - old) <= FIGURE_ROUNDING * old for c, v in theirs) \
        and not any(v in mine for _, v in theirs)


# A sum moved from one value to another ("agreed to double the Lenn Flood Recovery Grant from £2,500 to £5,000"),
# against the old value told as it stands ("The Lenn Flood Recovery Grant ... currently pays £2,500 to ...").
_FROM_TO = deferred(r"\bfrom (?P<currency>[£$€])(?P<old>\d[\d,]*(?:\.\d+)?) to (?P=currency)"
                    r"(?P<new>\d[\d,]*(?:\.\d+)?)")
_AS_IT_STANDS = deferred(r"\b(?:currently|presently|at present|now|still)\b|\b(?:pays|offers|costs|stands at|"
                         r"is worth)\b", re.I)
FROM_TO_SHARED = 3


def sum_moved(later: str, earlier: str) -> bool:
    """True when `later` moves a sum from the value `earlier` gives as standing (`_AS_IT_STANDS`) to another, both
    naming the thing in `FROM_TO_SHARED` content words, and `earlier` does not give the new value."""
    m = _FROM_TO.search(later)
    if m is None or _AS_IT_STANDS.search(earlier) is None:
        return False
    theirs = {(s["currency"], s["value"].replace(",", "")) for s in _SUM.finditer(earlier)}
    if (m["currency"], m["old"].replace(",", "")) not in theirs or (m["currency"], m["new"].replace(",", "")) in theirs:
        return False
    return len((set(lemmas(later)) & set(lemmas(earlier))) - _TIME_LEMMAS) >= FROM_TO_SHARED


# A count first told vaguely, then exactly: "Dozens of residents were led out of the building" / "In all, 163
# residents were evacuated"; "two-thirds of the homes on Weir Street had water inside them" / "Forty-one of the 62
# homes on Weir Street were flooded".
_VAGUE = deferred(r"\b(?:(?P<share>two-thirds|a third|half|three-quarters|a quarter|most)|dozens|scores|hundreds|"
                  r"thousands|a handful|a number|several|some \d+\s*-\s*\d+|\d+\s*-\s*\d+)\s+"
                  r"(?:of\s+(?:the\s+)?)?(?:[a-z]+\s+)?([a-z]+s)\b", re.I)
# A share told exactly: "Forty-one of the 62 homes".
_SHARE = deferred(r"\b(?:\d[\d,]*|[A-Za-z]+(?:-[a-z]+)?) of the \d[\d,]* (?:[a-z]+ )?([a-z]+s)\b")


def vague_then_exact(later: str, earlier: str) -> bool:
    """True when `earlier` counts a thing vaguely (`_VAGUE`) and `later` gives an exact number of the same thing."""
    found = list(_VAGUE.finditer(earlier))
    vague = {_kind_of(m.group(2)) for m in found if not m["share"]}
    # (A share only by a share: "More than half the investors live in Little Hadsworth" is no count of investors.)
    shares = {_kind_of(m.group(2)) for m in found if m["share"]}
    if shares & {_kind_of(m.group(1)) for m in _SHARE.finditer(later)}:
        return True
    if not vague or _VAGUE.search(later):
        return False
    tokens = re.findall(r"[\w,'’-]+", later)
    exact = set()
    for k, token in enumerate(tokens):
        word = token.strip(",")
        if word.lower() in ("one", "a") or number_value(word) is None:
            continue
        # "163 residents", "41 of the 62 homes", "112 people"
        for noun in tokens[k + 1: k + 5]:
            noun = noun.strip(",").lower()
            if (noun.endswith("s") or noun in _PEOPLE_WORDS) and noun not in ("of", "was", "has", "this", "is"):
                exact.add(_kind_of(noun))
                break
    shared = _shared_words(later, earlier)
    return bool(vague & exact) and len(shared - {stem(n) for n in vague | exact}) >= 1


# Words for people, counted as one kind ("Dozens of residents" / "A total of 112 people").
_PEOPLE_WORDS = frozenset({"people", "residents", "students", "pupils", "children", "passengers", "workers", "adults",
                           "staff", "visitors", "villagers", "families", "patients", "persons"})


def _kind_of(noun: str) -> str:
    noun = noun.lower()
    return "people" if noun in _PEOPLE_WORDS else noun


# A final tally ("In all, 247 people on board fell ill: 209 passengers and 38 crew.") and a running count it
# overtakes ("198 passengers and 33 crew had now reported symptoms", "bringing the total since Thursday to 243").
TALLY = deferred(r"\b(?:in all|in total|all told|altogether|(?:taking|bringing|took|brought) (?:the |its |their )?"
                 r"[\w'’ ]{0,30}?total to|over the (?:whole )?(?:weekend|two days|three days|four days))\b", re.I)
# (... and a count up to an hour: "three arrests by 8pm", "a further two by Sunday afternoon".)
# (Not "by Monday morning": "A wildfire that started ... had burned about 900 hectares by Monday morning, forcing
# about 600 people to leave" tells the fire's start, which a final tally does not.)
RUNNING_COUNT = deferred(r"\b(?:now|so far|since|(?:has|had|have) risen|total|a further|by (?:\d{1,2}(?:[.:]\d\d)?\s*"
                         r"(?:am|pm|a\.m\.|p\.m\.)|midday|noon|midnight))\b", re.I)
_TOTAL_TO = deferred(r"\btotal\b[^.;]{0,40}?\bto (\d[\d,]*)\b", re.I)
_FIRST_FIGURE = deferred(r"\d[\d,]*")


def final_tally(later: str, earlier: str) -> bool:
    """True when `later` gives the final tally of what `earlier` counted on the way: larger counts of every thing
    both count, or a first figure larger than the total `earlier` gave."""
    if not TALLY.search(later) or TALLY.search(earlier) or not RUNNING_COUNT.search(earlier):
        return False
    # ("Wardens counted 572 occupied burrows on the North Stack ..., taking the island's total to 3,512" / "Wardens
    # have so far found 2,940 burrows in use": the total, not the day's count, is the tally.)
    to = _TOTAL_TO.search(later)
    theirs_all = [c.value for c in counts(earlier) if not c.rate]
    if to is not None and theirs_all:
        return all(float(to.group(1).replace(",", "")) > v for v in theirs_all)
    mine = {c.thing: c.value for c in counts(later) if not c.rate}
    theirs = [c for c in counts(earlier) if not c.rate and c.thing in mine]
    if theirs:
        return all(mine[c.thing] > c.value for c in theirs)
    # ... or of people, which counts leave out ("Thirty-four people were treated for injuries in all" / "Thirty-one
    # people have now been treated").
    people_now, people_then = _people_counted(later), _people_counted(earlier)
    if people_now and people_then:
        return max(people_now) > max(people_then)
    total, first = _TOTAL_TO.search(earlier), _FIRST_FIGURE.search(later)
    return total is not None and first is not None \
        and float(first.group().replace(",", "")) > float(total.group(1).replace(",", ""))


# Nouns of a count of people ("Thirty-one people", "34 patients", "Five pupils").
_PEOPLE_NOUN = (r"(?:people|persons|patients|passengers|casualties|children|adults|pupils|students|residents|workers|"
                r"babies)")
_PEOPLE = deferred(rf"\b([\w,-]+)\s+(?:more\s+)?{_PEOPLE_NOUN}\b", re.I)


def _people_counted(text: str) -> list[float]:
    """The counts of people `text` gives ("Thirty-one people", "34 patients")."""
    return [v for m in _PEOPLE.finditer(text) if (v := number_value(m.group(1))) is not None and v > 1]


# A grown count and what it counts: the words of its subject, up to this many before the verb ("Reports of
# overheating had risen to 44": reports, overheating).
GROWN_SUBJECT_WORDS = 6
_GROWN_COUNT = deferred(rf"((?:[\w'’-]+\s+){{1,{GROWN_SUBJECT_WORDS}}}?)(?:has |have |had )?{_GROWN[2:]}", re.I)
# An older count of a thing, as the news of its sentence: the number a verb of counting gives, and the words after
# it ("logged 31 cases of overheating"; not "supplies 30 schools", nor "overturned ..., injuring 12 people": a report
# whose count is one detail of its event is not overtaken by the count grown).
_COUNT_OF = deferred(r"\b(?:logged|recorded|received|counted|registered|reported|confirmed|had|has)\s+"
                     r"(?:about |around |some |more than |at least |nearly |almost )?(\d[\d,]*)\s+"
                     r"((?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*(?:\s+of\s+[a-z][\w'’-]*)?)")

# ... or a count the verb of counting follows ("about 300 dead fish had been found").
_COUNTED_PASSIVE = deferred(r"(?<![\w.,])(?:about |around |some |more than |at least |nearly |almost )?(\d[\d,]*)\s+"
                            r"((?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)\s+(?:had|have|has)\s+been\s+"
                            r"(?:found|counted|recorded|reported|confirmed)\b")


# A running count told as the state it has reached: "seven people had now been confirmed ill" / "Five people have now
# fallen ill ...": the count of the same thing, the state word in common, "now" in the later.
_NOW = deferred(r"\b(?:have|has|had|are|is|were|was) now\b|\b(?:have|has) been [a-z]+ed so far\b", re.I)
_BRINGING = deferred(r"\bbringing (?:the|its|their) (?:number|total|count|tally)(?: of)? (?P<what>[^.;]{0,60}?) to "
                     r"(?P<to>\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
                     r"[a-z]+ty)\b", re.I)
_FOUND_STATES = frozenset(lemma_stems(["uncovered", "exposed", "found", "discovered", "unearthed"]))
_NOW_STATES = frozenset(lemma_stems(["ill", "sick", "infected", "injured", "hurt", "dead", "died", "affected",
                                     "confirmed", "missing", "treated", "infirmary", "hospital", "evacuated",
                                     "rescued", "caught"]))


# "The number of children with measles in Carrisford has risen to nine": a count of people grown, in words or figures.
_PEOPLE_RISEN = deferred(r"\bnumber of (?:people|persons|patients|children|adults|pupils|students|residents|workers|"
                         r"babies|cases)\b[^.;]{0,60}?\b(?:has|have|had) (?:risen|grown|climbed|increased|gone up) "
                         r"to (\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b", re.I)
RISEN_SHARED = 2
_COUNT_FIRST = deferred(rf"^(?:(?:about|around|some|more than|at least|nearly|almost) )?[\w,-]+\s+(?:more\s+)?"
                        rf"{_PEOPLE_NOUN}\b", re.I)


def now_count(later: str, earlier: str) -> bool:
    """True when `later` gives a larger count of what `earlier` counts, as where it has "now" reached (`_NOW`), or
    as the number of people it has risen to (`_PEOPLE_RISEN`: "The number of children with measles ... has risen to
    nine" / "Five pupils ... have caught measles")."""
    # (Only a count that is the earlier sentence's subject: "A bus ... overturned ..., injuring 12 people" tells its
    # event, which the count grown does not.)
    if (risen := _PEOPLE_RISEN.search(later)) is not None and _COUNT_FIRST.match(earlier) \
            and (before := _people_counted(earlier)) \
            and (reached := number_value(risen.group(1))) is not None and reached > max(before):
        return len(_shared_words(later, earlier)) >= RISEN_SHARED
    # ... or a count brought to a new total: "Two more people are being vaccinated ..., bringing the number receiving
    # rabies vaccine to nine" / "Seven people are now being given rabies vaccine".
    if (brought := _BRINGING.search(later)) is not None and (reached := number_value(brought["to"])) is not None:
        before = _people_counted(earlier) or [float(n) for numbers in counted(earlier).values() for n in numbers
                                              if _is_number(n)]
        shared = {w for w in set(lemmas(brought["what"])) & set(lemmas(earlier)) if w not in STOP_WORDS}
        return bool(before) and max(before) < reached and len(shared) >= RISEN_SHARED
    if not _NOW.search(later):
        return False
    mine, theirs = counted(later), counted(earlier)
    grown = any(_is_number(n) and _is_number(m) and float(n) > float(m)
                for thing in mine.keys() & theirs.keys() if not thing.startswith("~")
                for n in mine[thing] for m in theirs[thing])
    # ... or a count of people in other words ("Fourteen children ... have now caught measles" / "Five pupils ... have
    # caught measles"; "The number of children with measles ... has risen to nine").
    if not grown and (now := _people_counted(later)):
        risen = _PEOPLE_RISEN.search(earlier)
        then = _people_counted(earlier) + ([v] if risen and (v := number_value(risen.group(1))) is not None else [])
        grown = bool(then) and max(now) > max(then)
    shared = _shared_words(later, earlier)
    # (... things found, in any of the words for it: "Eight rooms have now been exposed" / "five rooms had been
    # uncovered so far".)
    found = bool(_FOUND_STATES & set(lemmas(later))) and bool(_FOUND_STATES & set(lemmas(earlier)))
    return grown and (bool(shared & _NOW_STATES) or found or (_PEOPLE_RISEN.search(earlier) is not None
                                                              and len(shared) >= RISEN_SHARED))


# A petition's count of names, which only grows ("More than 2,000 people have signed a petition", "The petition has now
# reached 3,100 signatures" / "handed a petition of 3,480 signatures").
_SIGNATURES = deferred(r"(\d[\d,]*) (?:signatures|names|people (?:have |had )?signed)\b", re.I)


def petition_grown(later: str, earlier: str) -> bool:
    """True when both tell a petition's count of names and `later`'s is the larger."""
    if "petition" not in later.lower() or "petition" not in earlier.lower():
        return False
    mine = [int(n.replace(",", "")) for n in _SIGNATURES.findall(later)]
    theirs = [int(n.replace(",", "")) for n in _SIGNATURES.findall(earlier)]
    return bool(mine) and bool(theirs) and max(mine) > max(theirs)


# A count told as where it stands ("The number of hedgehogs at the rescue has risen to 163", "The rescue now has 171
# hedgehogs", "The petition against the rise now has 4,700 signatures"): a newer article's larger count of the same
# thing is where it stands since, whatever else that sentence tells ("The rescue is caring for 176 hedgehogs, almost
# three times the 60 it has room for"). Not a count of another time ("took in 400 hedgehogs last year").
_NUMBER_RISEN = deferred(r"\bnumber of (?:[a-z][\w'’-]* ){0,2}?([a-z]+)\b[^.;]{0,80}?\b(?:has|have|had) (?:now )?"
                         r"(?:risen|grown|climbed|increased|gone up|reached) to (\d[\d,]*)\b", re.I)
_STANDS = deferred(r"\b(?:now (?:has|have|holds?|cares? for|caring for|looking after)|(?:has|have) now)\b", re.I)
_OTHER_TIME = deferred(r"\b(?:(?:last|previous|a) year|years? ago|in (?:19|20)\d\d|record|usually|normally|"
                       r"each year|every year|a year)\b", re.I)


# (Of things, not people: "Fourteen children ... have now been confirmed as having measles" is no count of the "More
# than 240 children ... now off school"; people's counts are read by what befell them, `now_count`.)
_PERSON_THINGS = frozenset(stem(w) for noun in (*PERSON_NOUNS, *_PEOPLE_NOUN.strip("(?:)").split("|"))
                           for w in (noun, f"{noun}s"))


def _standing(text: str) -> dict[str, float]:
    """The counts of things `text` tells as where they stand now, by the thing counted (see `count_overtaken`)."""
    out = {stem(m[1].lower()): float(m[2].replace(",", "")) for m in _NUMBER_RISEN.finditer(text)} \
        if "umber of" in text else {}
    if _STANDS.search(text):
        for c in counts(text):
            if not c.rate:
                out.setdefault(c.thing, c.value)
    return {thing: value for thing, value in out.items() if thing not in _PERSON_THINGS and not role_noun(thing)}


def count_overtaken(later: str, earlier: str) -> bool:
    """True when `earlier` tells a count of things as where it stands and `later` (a newer article's) gives a larger
    count of the same thing, of no other time."""
    if not (_STANDS.search(earlier) or "umber of" in earlier) or _OTHER_TIME.search(later):
        return False
    standing = _standing(earlier)
    return bool(standing) and any(not c.rate and c.value > standing.get(c.thing, c.value) for c in counts(later))


def grown_count(later: str, earlier: str) -> bool:
    """True when `later`'s news is that a count has grown ("Reports of overheating had risen to 44") and `earlier`
    gives a smaller count of the same thing as its news ("logged 31 cases of overheating"): a content word of the
    grown count's subject among the words the older number counts (issue 12, item 3: the newest version of a count
    wins)."""
    if now_count(later, earlier) or petition_grown(later, earlier) or count_overtaken(later, earlier):
        return True
    if " to " not in later or not _DIGIT.search(earlier):
        return False  # what every grown count needs, looked for before the patterns run
    for match in _GROWN_COUNT.finditer(later):
        subject = {w for w in lemma_stems(words(match.group(1))) if w not in STOP_WORDS}
        now = int(match.group(2).replace(",", ""))
        for number, thing in [*_COUNT_OF.findall(earlier), *_COUNTED_PASSIVE.findall(earlier)]:
            counted = {w for w in lemma_stems(words(thing)) if w not in STOP_WORDS}
            if int(number.replace(",", "")) < now and subject & counted:
                return True
    return False


# A figure revised: a sentence that gives a figure and names the old one as old ("The resort at first put the number
# stranded at about 120; it raised that figure to 146 on Sunday", "police now put the total at 412, more than
# earlier counts"). The old value (after "at first put ... at", "initially gave ... as"; not "up from", which
# compares with last year), and the new one (after "raised that figure to", "put the total at", "revised ... to").
_HEDGED = r"(?:about |around |some |nearly |almost |more than |roughly |just over |just under )?[€$£]?\d"
# ("Some earlier reports put the number at 27": the old value, whoever gave it.)
# A rule changed from one figure to another ("extended from 28 days to 56 days"): the first is the old value.
_CHANGED_FROM = (r"\b(?:extended|raised|increased|cut|reduced|lowered|shortened|lengthened|doubled|changed)\s+"
                 # ("raised their count of stranded boats from 23 to 27")
                 r"(?:(?:its|their|the|his|her)\s+(?:count|number|total|figure|estimate|tally)"
                 r"(?:\s+of(?:\s+[\w'’-]+){1,3}?)?\s+)?from\s+[£$€]?")
_OLD_VALUE = deferred(rf"\bfrom (?:the )?\d[\d,]*(?= (?:they|it|he|she|officials|police|the council) (?:had )?"
                      rf"(?:gave|given|reported|announced|put out)\b)|"
                      # ... or the old count told as the first: "up from the 400 first counted on Monday"
                      rf"\b(?:up|down) from (?:the )?{_HEDGED}[\d,.]*(?= (?:first|initially|originally|earlier) "
                      rf"(?:counted|reported|given|estimated|thought)\b)|"
                      # ... or a rule changed from one figure to another: "the deadline for claims has been
                      # extended from 28 days to 56 days"
                      rf"{_CHANGED_FROM}[\d,.]+(?=(?:\s*[a-z%]+)?\s+to\s+[£$€]?\d)|"
                      rf"\b(?:at first|initially|originally|first|earlier)(?:\s+(?:reports?|estimates?|accounts?))?"
                      rf"\s+(?:put|putting|gave|giving|reported|"
                      rf"said|estimated|counted|set|had)\b[^.;]{{0,50}}?\b(?:at|as|was)\s+"
                      rf"{_HEDGED}[\d,.]*(?:\s*(?:bn|billion|m|million|thousand)\b)?|"
                      # ... or reports of a day before: "Reports on Monday had put the fee agreed between the two
                      # clubs at around £8 million."
                      rf"\breports? (?:on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day |last \w+ |earlier )?had "
                      rf"(?:put|given|valued)\b[^.;]{{0,50}}?\b(?:at|as)\s+"
                      rf"{_HEDGED}[\d,.]*(?:\s*(?:bn|billion|m|million|thousand)\b)?|"
                      # ... or what was said before, beside what is said now: "It had said last month that three
                      # had been injured since the trial began; it now says seven injuries were reported".
                      rf"\bhad (?:said|reported|given|announced)\b[^.;]{{0,30}}?\bthat {_FIGURE_WORD}\b"
                      rf"(?=[^.]{{0,120}}\bnow (?:says|puts|gives|reports)\b)|"
                      # ... or a figure told as wrong: "the total of 64 given on Friday had wrongly included four
                      # children" (the right one in the next sentence: "The correct figure is 60").
                      rf"\b(?:total|figure|count|number|tally) of \d[\d,]*(?= (?:[a-z]+ )?(?:given|published|"
                      rf"announced|reported|issued)\b[^.;]{{0,60}}?\b(?:wrongly|mistakenly|incorrectly|in error|"
                      rf"(?:was|were) wrong)\b)|"
                      # ... or what a letter said, then the correct figure: "a letter sent to customers said
                      # Stavebridge was 14 miles away, but the bank said on Tuesday that the correct figure is 17"
                      rf"\bsaid\b[^.;]{{0,60}}?\b(?:was|were|is|are)\s+{_HEDGED}[\d,.]*"
                      rf"(?=[^.;]{{0,80}}\bbut\b[^.;]{{0,60}}\bcorrect (?:figure|number|total|distance|amount|"
                      rf"count) (?:is|was)\b)", re.I)
_NEW_VALUE = deferred(rf"{_CHANGED_FROM}[\d,.]+(?:\s*[a-z%]+)?\s+to\s+[£$€]?[\d,.]*\d|"
                      rf"(?<=;)\s*(?:it|they|he|she|police|the council) now (?:says|puts|gives|reports) "
                      rf"(?:that )?{_FIGURE_WORD}\b|"
                      rf"\b(?:raised|revised|corrected|lowered|increased|updated|put|puts|now puts?)\s+"
                      rf"(?:(?:that|the|its|their|this) )?(?:figure|total|count|number|estimate|toll|tally)\b"
                      rf"[^.;]{{0,30}}?\b(?:to|at)\s+(?:{_HEDGED}[\d,.]*|{_FIGURE_WORD}\b)"
                      rf"(?:\s*(?:bn|billion|m|million|thousand)\b)?|"
                      # ... or the thing first: "The number of people hurt has been revised down to two".
                      rf"\b(?:figure|total|count|number|estimate|toll|tally)\b[^.;]{{0,40}}?\b(?:been|was|were|is)\s+"
                      rf"(?:revised|raised|lowered|corrected|cut|increased|reduced)(?:\s+(?:up|down)(?:wards?)?)?\s+"
                      rf"to\s+(?:{_HEDGED}[\d,.]*|{_FIGURE_WORD}\b)(?:\s*(?:bn|billion|m|million|thousand)\b)?|"
                      # ... or the figure called correct: "the correct figure is 17 miles by road"
                      rf"\bcorrect (?:figure|number|total|distance|amount|count) (?:is|was)\s+"
                      rf"(?:{_HEDGED}[\d,.]*|{_FIGURE_WORD}\b)", re.I)
# ... or it names the old value beside the new: "is higher than the £180,000 first reported by the Courier", "£1.4
# million, up from its first estimate of 1.2m pounds".
_THAN_FIRST = deferred(rf"\b(?:higher|lower|more|less|larger|smaller|above|below) than (?:the |its |their |an? )?"
                       rf"{_HEDGED}[\d,.]*(?:\s*(?:bn|billion|m|million|thousand)\b)?(?=[^.;]{{0,30}}?\b(?:first|"
                       rf"initially|originally|earlier|previously) (?:reported|estimated|given|put|announced)\b)|"
                       rf"\b(?:(?:up|down) from|(?:higher|lower|more|less|above|below) than) (?:the |its |their |"
                       rf"an? )(?:first|early|earlier|initial|original|previous|provisional|preliminary) "
                       rf"(?:estimate|figure|forecast|count)s?(?: of)? {_HEDGED}[\d,.]*"
                       rf"(?:\s*(?:bn|billion|m|million|thousand)\b)?|"
                       # "Nineteen homes were flooded ..., up from the 14 it reported on Monday"
                       rf"\b(?:up|down) from (?:the )?(?:{_HEDGED}[\d,.]*|{_FIGURE_WORD})"
                       rf"(?= (?:it|they|police|officials|the council) "
                       rf"(?:had )?(?:first |earlier |initially )?(?:reported|gave|announced|counted)\b|"
                       rf" (?:first|earlier|initially|previously) (?:reported|given|announced)\b)", re.I)
# ... or it says its figure replaces a first estimate ("a firmer figure: ... will cost about 465,000 pounds, higher
# than the first estimate"), and the earlier sentence gives that estimate ("An early estimate put the cost at
# £420,000").
_REPLACES_ESTIMATE = deferred(r"\b(?:higher|lower|more|less|above|below) than (?:the|its|their|an?) (?:first|early|"
                              r"earlier|initial|original|previous) (?:estimate|figure|count|forecast)s?\b|"
                              r"\b(?:firmer|revised|updated|new|final) (?:estimate|figure|count|total)\b", re.I)
_FIRST_ESTIMATE = deferred(r"\b(?:first|early|earlier|initial|original|preliminary|rough) (?:estimate|figure|"
                           r"count|forecast)s?\b", re.I)
# ... or it corrects the first figure in passing ("Detectives now believe seven people were targeted, not five as first
# thought", "two people were hurt, not three as first reported"): the new figure before "not", the old after it.
# ... or set off by commas: "nine pupils, not eleven, had been hurt".
_CORRECTED = deferred(rf"(?P<new>\b{_FIGURE_WORD}\b(?:[^.;]|(?<=\d)\.(?=\d)){{0,100}}?),?\s+(?:and\s+)?"
                      rf"(?:not|rather than)\s+(?:the\s+)?"
                      rf"(?:provisional |first |initial |earlier |reported )?(?:about |around |some |"
                      rf"nearly |almost |more than )?[£$€]?(?P<old>{_FIGURE_WORD})"
                      # (... and what it counted: "not the 64 people first reported")
                      r"(?:\s+(?:people|[a-z]{3,}s)(?=\s+(?:as\s+|was\s+|(?:first|initially|earlier|originally|"
                      r"previously)\s)))?"
                      # (... its unit and a conversion: "not the provisional 38.9C (102.0F) announced on the day")
                      r"(?:[A-Za-z%]{1,3}\b)?(?:\s*\([^()]{1,20}\))?(?:\s+"
                      # (... "as" enough to tell the old figure: "The total now stands at 10, not 11 as reported on
                      # Thursday"; and the provisional figure "announced on the day")
                      r"(?:as\s+(?:was\s+)?(?:(?:first|initially|earlier|originally|previously)\s+)?|"
                      r"(?=(?:announced|given|published|issued|reported)\s+(?:on|at|earlier|that|by|in)\b)|"
                      # (... or who gave it: "not the 12 that police reported on Tuesday")
                      r"(?:that|which)\s+(?:[\w'’-]+\s+){1,3}(?=(?:reported|said|gave|announced|counted)\b)|"
                      # (... or with no "that": "rather than the 1,400 it gave on Monday")
                      r"(?:it|they|he|she|police|officials)\s+(?=(?:reported|said|gave|announced|counted)\b)|"
                      r"(?:was\s+)?(?:first|initially|earlier|originally|previously)\s+)(?:thought|reported|said|stated|"
                      r"believed|announced|feared|claimed|counted|given|published|issued|gave)\b|"
                      r"(?<=\w),(?=\s+(?:had|have|has|were|was|are|is)\b))", re.I)
_LAST_FIGURE = deferred(rf"\b{_FIGURE_WORD}\b", re.I)


def _corrected_to(m: re.Match[str]) -> frozenset[float]:
    """The new figure of a correction (`_CORRECTED`): the last one before "not", a conversion in brackets aside ("is
    now 38.6C (101.5F), not the provisional 38.9C": 38.6)."""
    text = re.sub(r"\([^()]*\)", "", m["new"])
    starts = [found.start() for found in _LAST_FIGURE.finditer(text)]
    return figures_of(text[starts[-1]:]) if starts else frozenset()


# Figures within this share of each other are one figure rounded ("about 120" / "120").
REVISION_ROUNDING = 0.05


def _near(xs: frozenset[float], ys: frozenset[float]) -> bool:
    # (Not two figures written to the same place a step apart: "38.6C" / "38.9C" are two readings.)
    return any(abs(x - y) <= REVISION_ROUNDING * max(abs(x), abs(y)) and not apart_at_precision(x, y)
               for x in xs for y in ys)


_MORE_THAN_FIRST = deferred(r"\b(?P<diff>one|two|three|four|five|\d[\d,]*) (?P<dir>more|fewer|less) than "
                            r"(?:was |were )?(?:first|initially|originally|previously) (?:reported|thought|believed|"
                            r"stated|said|given)\b", re.I)
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


# A word each of the patterns `revises` reads must find (most sentences hold none of them, told apart far faster).
_REVISION_WORD = deferred(r"\b(?:" + one_of((
    "from", "than", "not", "now", "first", "initially", "originally", "earlier", "report", "reports", "correct",
    "wrong", "wrongly", "mistakenly", "incorrectly", "error", "figure", "total", "count", "number", "estimate",
    "toll", "tally")) + r")\b", re.I)


# A figure someone changed, the new one first: "The new firm cut its price to 39,000 euros from 41,000 after hearing
# of the choir's plight", "raised the fare to £3.20 from £2.90". (Not a measure over a year: "Revenue ... increased to
# £58.3 million from £56.1 million" compares with the year before, and revises nothing.)
_TO_FROM = deferred(r"\b(?:cut|cuts|reduced|reduces|lowered|lowers|dropped|drops|trimmed|slashed|raised|raises|"
                    r"increased|increases|put up|puts up) (?:its|their|the|his|her|that|this) (?:[a-z-]+ ){0,2}?"
                    r"(?:price|prices|quote|offer|fee|fees|fare|fares|bid|charge|charges|rent|rents|cost|costs|"
                    r"estimate|figure|forecast|target|budget|bill) to (?P<new>[£$€]?\d[\d,.]*\d|[£$€]?\d)"
                    r"(?:\s*(?:euros|pounds|dollars|bn|billion|m|million|thousand|per cent|%|[a-z]+))? from "
                    r"(?P<old>[£$€]?\d[\d,.]*\d|[£$€]?\d)\b", re.I)


@lru_cache(maxsize=1 << 16)  # asked of each sentence of a fact against each other one
def revises(text: str) -> bool:
    """Whether `text` revises a figure (see `revised_count`): cheap, to find the few sentences worth asking."""
    return _REVISION_WORD.search(text) is not None and bool(
        _OLD_VALUE.search(text) or _NEW_VALUE.search(text) or _REPLACES_ESTIMATE.search(text)
        or _CORRECTED.search(text) or _THAN_FIRST.search(text) or _MORE_THAN_FIRST.search(text)
        or _TO_FROM.search(text))


def corrects(later: str, earlier: str) -> bool:
    """Whether `later` corrects a figure `earlier` gives, naming it as wrong ("9,600 potholes ..., and not the 11,400
    published on Monday" / "a backlog of 11,400 reported potholes"), or a date, a place or a year (`named_wrong`):
    not a count that grew, whose first figure was true when told."""
    return (_CORRECTED.search(later) is not None and revised_count(later, earlier)) or named_wrong(later, earlier)


def revised_to(text: str) -> frozenset[float]:
    """The new values a revising sentence gives ("two people were hurt, not three as first reported": 2; "has been
    revised down to two": 2)."""
    old, new = _named_values(text)
    return new - old


def _named_values(text: str) -> tuple[frozenset[float], frozenset[float]]:
    """The figures a revising sentence names as old and as new (`_OLD_VALUE`, `_NEW_VALUE`, `_CORRECTED`, `_TO_FROM`);
    the new ones may hold an old one."""
    corrected, changed = list(_CORRECTED.finditer(text)), list(_TO_FROM.finditer(text))
    old = frozenset().union(*(figures_of(m.group(0)) for m in _OLD_VALUE.finditer(text)),
                            *(figures_of(m["old"]) for m in corrected), *(figures_of(m["old"]) for m in changed))
    new = frozenset().union(*(figures_of(m.group(0)) for m in _NEW_VALUE.finditer(text)),
                            *(_corrected_to(m) for m in corrected), *(figures_of(m["new"]) for m in changed))
    return old, new


def same_revision(a: str, b: str) -> bool:
    """Whether two sentences revise one count to the same value ("The police have now said two people were hurt,
    not three as first reported" / "The number of people hurt has been revised down to two"): one fact."""
    new = revised_to(a)
    return bool(new) and _near(new, revised_to(b)) and bool(set(lemmas(a)) & set(lemmas(b)))


def revised_count(later: str, earlier: str) -> bool:
    """True when `later` revises a figure `earlier` gives: it names `earlier`'s figure as the old value ("at first
    put the number stranded at about 120; it raised that figure to 146" / "About 120 skiers were stranded"), or
    it puts a new total on a thing `earlier` counts with another number ("police now put the total at 412" /
    "Around 300 drivers spent Tuesday night in their vehicles"), and `earlier` does not give the new figure. The
    revision tells its own order, so this holds whatever the articles' dates (an undated roundup's "a firmer
    figure")."""
    mine = figures_of(earlier)
    if _REPLACES_ESTIMATE.search(later) and _FIRST_ESTIMATE.search(earlier) and mine:
        theirs = figures_of(later)
        return bool(theirs) and not _near(mine, theirs) and bool(set(lemmas(later)) & set(lemmas(earlier)))
    old, new = _named_values(later)
    old |= frozenset().union(*(figures_of(m.group(0)) for m in _THAN_FIRST.finditer(later)))
    new -= old
    # ... or names its difference from the first figure: "Five people were treated in hospital ..., one more than
    # first reported" (the old value was four).
    if (more := _MORE_THAN_FIRST.search(later)) is not None and (told := figures_of(later[:more.start()])):
        step = float(_WORD_NUMBERS.get(more["diff"].lower(), more["diff"].replace(",", "")))
        first = sorted(told)[0] if len(told) == 1 else None
        if first is not None:
            new |= {first}
            old |= {first - step if more["dir"].lower() == "more" else first + step}
    if not (old or new) or not mine:
        return False
    shared = set(lemmas(later)) & set(lemmas(earlier))
    if old:
        # `earlier` giving the new figure too is no revision of it, unless it counts something else with it ("two
        # people were hurt, not three as first reported" / "injuring three people and crushing two parked cars").
        elsewhere = frozenset(float(n) for thing, numbers in counted(earlier).items()
                              if thing not in shared and not thing.startswith("~")
                              for n in numbers if _is_number(n))
        # (The old figure itself is no sign of the new one, however near: "183 passengers, not 186" / "carrying 186
        # passengers".)
        gives_new = _near(frozenset(x for x in mine - elsewhere if not _near(frozenset({x}), old)), new)
        return _near(mine, old) and bool(shared) and not gives_new
    if _near(mine, new):
        return False
    # No old value named: a thing `earlier` counts, named in `later`, with a number that is not the new one.
    things = {thing for thing, numbers in counted(earlier).items()
              if not _near(frozenset(float(n) for n in numbers if _is_number(n)), new)}
    return bool(things & shared)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# Sentences this close (TF-IDF cosine) are compared for supersession: they speak of the same things.
SUPERSEDE_COSINE = 0.1


COPULA = deferred(r"\s*be\b", re.I)
# A forecast of how long something takes ("Repairs are expected to take at least three days", "the closure could
# last a week"): its event is its subject, overtaken once the repairs are reported done.
DURATION = deferred(r"\s*(?:take|last)\s+(?:[\w-]+\s+){0,3}?(?:minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)
_DUE = deferred(r"(?:is|are|was|were) (?:expected|due)", re.I)
# A forecast of how a thing turns out has that thing for its event ("the recount would go his way" is told by "The
# recount gave Okoro 9,405 votes"): the noun before the modal, as for a copula.
OUTCOME = deferred(r"\s*(?:go (?:his|her|their|its|our|my|your) way|turn out|prove|end in|swing)\b", re.I)
WEEKDAY = deferred(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
# Verbs that carry little of an event alone (as WordNet lemma stems; "take", "give", "have" are stop words and
# never reach the test): the event is the noun after them.
LIGHT_VERBS = frozenset({"hold", "make", "face", "pay", "put", "bring", "keep", "carri", "set", "stage", "conduct"})
_ADVERB = deferred(r"possibly|perhaps|likely|unlikely", re.I)


def lemmas(text: str) -> list[str]:
    """Content words as stems of their WordNet lemmas ("began" -> "begin", "voted" -> "vote"), in order."""
    return lemma_stems([w for w in words(text) if (w not in STOP_WORDS or w in STOP_NOUNS) and not w.isdigit()])


_WORD = deferred(r"[A-Za-z][\w'’-]*")
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Secretary"})
# A capitalised word: a name, a place or a sentence's first word.
CAPITALISED = deferred(r"\b[A-Z][\w-]+")


def subject_names(before: str) -> list[str]:
    """The names in a preview's subject (the last words before its modal: "Mr. Qin is also" -> ["Qin"])."""
    window = " ".join(before.split()[-EVENT_WORDS_BEFORE - 1:])
    return [w for w in CAPITALISED.findall(window) if w.lower() not in STOP_WORDS and w not in _TITLES]


# A decision still to be taken, and what it is about: "would decide next week whether to seek a judicial review".
_WHETHER = deferred(r"\b(?:decide|decides|deciding|choose|chooses|consider|considers|considering)\b[^.;]{0,30}?"
                    r"\bwhether\b(?P<what>[^.;,]{3,80})", re.I)
# Words of what is decided that name no thing: "whether to seek a", "whether it would go to".
_WHETHER_LIGHT = frozenset(lemma_stems(["seek", "go", "take", "make", "apply", "ask", "launch", "bring", "press",
                                        "pursue", "lodge", "file", "mount", "challenge",
                                        # ("whether the case goes to a standards hearing": the hearing)
                                        "case", "matter", "issue", "complaint"]))
DECISION_WORDS = 2  # content words of what was to be decided a later sentence must name: "judicial review"


def decided(later: str, earlier: str) -> bool:
    """Whether `later` tells the decision `earlier` says is still to be taken: it names what was to be decided, and
    asks no "whether" itself ("would decide next week whether to seek a judicial review" / "confirmed on the 14th
    that it would apply for a judicial review")."""
    m = _WHETHER.search(earlier)
    if m is None or "whether" in later.lower():
        return False
    what = {w for w in lemma_stems(words(m.group("what"))) if w not in STOP_WORDS} - _WHETHER_LIGHT
    return len(what) >= DECISION_WORDS and what <= set(lemma_stems(words(later)))


SUBJECT_HEAD_WORDS = 3  # the words of a preview's subject read as what it is about ("The strike, which ...")
# An event that will not happen: "Tuesday's vote will not take place", "the show was called off".
_CALLED_OFF = deferred(r"\b(?:will not|won't|would not|is not going to) (?:take place|go ahead|be held)\b|"
                       r"\b(?:will|would) (?:now )?not (?:make|take|reach|give) (?:a|any|its) "
                       r"(?P<decision>decision)\b|"
                       r"\b(?:cancel(?:led|ed|s)?|called off|calls off|scrapped|abandoned|withdrew|withdrawn)\b",
                       re.I)


_HAPPENS = deferred(r"(?<!not )(?<!n't )(?<!n’t )\b(?:go ahead|take place|be held|goes ahead|takes place)\b", re.I)


_TO_BE_SOLD = deferred(r"\b(?:is|are|was|were) (?:to be|being) (?:sold|bought|taken over|acquired)\b|"
                       r"\b(?:agreed|agrees|has agreed|had agreed) to (?:sell|buy|take over|acquire)\b|"
                       r"\b(?:sale|takeover|purchase) (?:is|was) (?:expected|due) to (?:complete|close|go through)\b",
                       re.I)
_SALE_DONE = deferred(r"\b(?:completed|completes|has completed|finalised|closed) (?:its|the|their) (?:purchase|"
                      r"sale|takeover|acquisition)\b|"
                      r"\b(?:sale|takeover|purchase|acquisition) (?:was|has been|is now) (?:completed|finalised)\b",
                      re.I)
SALE_SHARED = 2
_ANNOUNCE_AHEAD = deferred(r"\b(?:is|are) (?:expected|due|set|going) to (?:announce|confirm|publish|set out|reveal) "
                           r"(?:details of |its |their |the |a |an )?(?P<what>[a-z]+)", re.I)
# What an announcement of money gives: a sum ("compensation" / "a payment of £100").
_MONEY_THINGS = frozenset({"compensation", "payments", "payment", "refunds", "refund", "fares", "fees", "funding",
                           "grants", "grant", "damages", "pay"})
_A_SUM = deferred(r"[£$€]\s?\d")


# What an announcement of a date gives: a date for what will open, start or finish ("is expected to set out a
# timetable for the repairs later this week" / "will reopen to traffic on Friday 18 December, the council said").
_DATE_THINGS = frozenset({"timetable", "date", "dates", "schedule", "timeline", "timescale"})
_WILL_WHEN = deferred(r"\b(?:will|would|is due to|are due to)\s+(?:now\s+)?(?:re)?(?:open|start|begin|finish|close|"
                      r"resume|end)\b", re.I)


def announced_content(later: str, what: str) -> bool:
    """Whether `later` tells what an expected announcement was to give (`_ANNOUNCE_AHEAD`'s `what`): the thing named
    with "announced" or "confirmed", a sum of money for an announcement of money, or a day for what will open or
    start for an announcement of a timetable."""
    if what.lower() in _MONEY_THINGS and _A_SUM.search(later) is not None:
        return True
    if what.lower() in _DATE_THINGS and days_named(later) and _WILL_WHEN.search(later) is not None:
        return True
    return re.search(rf"\b{re.escape(what)}\b", later, re.I) is not None \
        and re.search(r"\b(?:announced|confirmed|published|set out|revealed)\b", later, re.I) is not None


_DECISION_AHEAD = deferred(r"\b(?:would|will|to|is to|are to|expected to) (?:make|reach|take|give) (?:a|its|their) "
                           r"decision (?:on|about)\b|\b(?:would|will|is to|are to|expected to) decide on\b", re.I)
_DECISION_MADE = deferred(r"\b(?:approved|agreed|rejected|refused|granted|turned down|backed|decided|voted)\b", re.I)
DECISION_AHEAD_SHARED = 2
_ENFORCEMENT_AHEAD = deferred(r"\b(?:enforcement action|whether to (?:prosecute|fine|charge|take action))\b", re.I)
_ENFORCED = deferred(r"\b(?:has|have|had|was|were) been (?:fined|prosecuted|charged|cautioned|penalised|given a "
                     r"(?:fine|penalty|caution))\b|\b(?:no further action|civil penalty|fixed penalty)\b", re.I)
# A thing to come and the report that it came about, told in words of their own, as (the earlier pattern, the later
# pattern, the lemmas the two must share at least, whether only a report overtakes a preview this way):
_UNAFFECTED_AHEAD = deferred(r"\b(?:would|will|should) (?:not be (?:affected|disrupted|hit)|"
                             r"(?:run|operate|continue|carry on) (?:as )?normal(?:ly)?)\b", re.I)
_RAN_NORMALLY = deferred(r"\b(?:(?:was|were|had been|has been|have been) (?:working|running|operating) "
                         r"(?:as )?normal(?:ly)?|(?:had )?(?:ran|run|operated|worked) (?:as )?normal(?:ly)?|"
                         r"(?:was|were) (?:unaffected|not affected))\b", re.I)


OUTCOMES = (
    # A paused closure, once the place will stay open: a decision, though told in the future ("The planned closure of
    # Saltholme's coastguard station has been paused ..." / "Saltholme's coastguard station will stay open").
    (_CLOSURE_PAUSED, _STAYS_OPEN, 1, False),
    # A sale or takeover to come, once completed ("is to be sold to the Castlegate Brewing Group" / "The Castlegate
    # Brewing Group today completed its purchase of Hollinbeck Brewery").
    (_TO_BE_SOLD, _SALE_DONE, SALE_SHARED, False),
    # A decision to be made on something, once a body is told to have made it ("said it would make a decision on
    # emergency funding 'as quickly as possible'" / "The Dray Valley Integrated Care Board approved the grant").
    (_DECISION_AHEAD, _DECISION_MADE, DECISION_AHEAD_SHARED, True),
    # Enforcement to be decided, once a penalty is told ("is expected to decide on enforcement action against the
    # company by the end of the week" / "The company has been fined £68,000 by the agency").
    (_ENFORCEMENT_AHEAD, _ENFORCED, 1, True),
    # A service forecast to run as normal, once told it did ("said emergency care would not be affected" / "The trust
    # said emergency departments ... were working as normal").
    (_UNAFFECTED_AHEAD, _RAN_NORMALLY, 2, True),
)


# A plan dropped, and what it was: "dropped its plan to bring back parking charges at Wrenfold General Hospital".
_DROPPED_PLAN = deferred(r"\b(?:dropped|scrapped|abandoned|shelved|ditched|axed|withdrew|withdrawn|reversed|"
                         r"U-turned on)\s+(?:its|their|the|a|his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:plans?|proposals?|"
                         r"decision|scheme)\s+(?:to|for)\s+(?P<what>[^.;,]{3,80})", re.I)
DROPPED_PLAN_SHARED = 2


def plan_dropped(later: str, earlier: str) -> bool:
    """Whether `later` drops the plan `earlier` tells (a preview of it, or the report of the decision to carry it out:
    "had voted last week to bring back charges ... from 30 November"), in words of its own ("dropped its plan to
    bring back parking charges")."""
    dropped = _DROPPED_PLAN.search(later)
    if dropped is None:
        return False
    # (Its own words, not the names of where: "Wrenfold General Hospital" is in every line of the story.)
    plan = " ".join(w for w in dropped["what"].split() if not w[:1].isupper())
    # (... and a name the plan gives is the preview's too: "reversed its decision to close its Hollin Bridge
    # branch" leaves "will hold drop-in sessions at each of the seven branches before they close" as it was.)
    named = re.findall(r"\b[A-Z][\w'’-]+", dropped["what"])
    return len({w for w in set(lemmas(plan)) & set(lemmas(earlier)) if w not in STOP_WORDS}) >= DROPPED_PLAN_SHARED \
        and (not named or any(re.search(rf"\b{re.escape(n)}\b", earlier) for n in named))


_HALTED = deferred(r"\b(?:rise|rises|increase|increases|hike|cut|cuts|change|changes|charges?|closure|fees?)\b"
                   r"[^.;]{0,60}?\b(?:has|have|had) been (?:frozen|scrapped|shelved|put on hold|paused|suspended|"
                   r"postponed|dropped|abandoned|withdrawn)\b|"
                   r"\bnot to (?:raise|increase|cut|close|introduce|charge)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,60}\bas "
                   r"(?:planned|proposed|"
                   r"announced)\b", re.I)
HALTED_SHARED = 2


def called_off(later: str, earlier: str) -> bool:
    """Whether `later` calls off the event the preview `earlier` expects: it says the event will not take place or
    was cancelled, and names it (the verb after the preview's modal, as a verb or a noun: "The assembly is due to
    vote on it on Tuesday" / "Tuesday's vote will not take place"), or it drops the plan the preview tells, in
    words of its own ("dropped its plan to bring back parking charges" / "Patients and visitors will have to pay to
    park ... from Monday 30 November")."""
    if plan_dropped(later, earlier):
        return True
    # ... or halts the change it tells ("The planned rise in the ... toll has been frozen"; "voted ... not to raise it
    # to £3.60 on 1 June as planned" / "Drivers will pay ... from 1 June, when the toll for a car rises ... to £3.60").
    if _HALTED.search(later) and len(_shared_words(later, earlier)) >= HALTED_SHARED:
        return True
    off = _CALLED_OFF.search(later)
    if not off:
        return False
    # ... or the event as a whole: "We are confident the market will go ahead in July" / "The Thrushcombe Cheese
    # Market will not take place this year" (a content word in common, the preview of its taking place at all).
    if _HAPPENS.search(earlier) and not _CALLED_OFF.search(earlier) \
            and _shared_words(later, earlier):
        return True
    before, modal, after = preview_event(earlier)
    if not modal:
        return False
    event = _first_stem(after)
    if event and event not in LIGHT_VERBS and (event in lemma_stems(words(later))
                                               or (off["decision"] and event == _first_stem("decide"))):
        return True  # ("must decide by 4 December" / "will now not make a decision")
    # ... or calls off what the preview's subject is ("The strike ... will continue while members vote" / "The rest of
    # the strike ... has been called off"; not "the operator cancelled the minibus service" of "The operator had
    # earlier said the line would stay closed"): the thing called off, not who calls something off.
    return any(re.search(rf"\b{re.escape(w)}\b[^.;]{{0,80}}?\b(?:has|have|had) been (?:cancel\w*|called off|scrapped|"
                         rf"abandoned|withdrawn)|(?:cancel\w*|called off|calls off|scrapped|abandoned|withdrew) "
                         rf"(?:the |its |their |his |her )?(?:[\w'’-]+ ){{0,3}}?{re.escape(w)}\b", later, re.I)
               for head in words(before)[:SUBJECT_HEAD_WORDS] if head not in STOP_WORDS
               for w in (head, *_ONE_THING.get(head.lower(), ())))


# Words news uses for one thing ("The walkout ... is due to end on Saturday" / "called off their strike").
_ONE_THING = {"walkout": ("strike", "stoppage"), "strike": ("walkout", "stoppage"), "stoppage": ("strike", "walkout")}


# Verbs of the stop list, which `lemmas` leaves out, that name an event ("will go on show", "will move to ..."; not
# "take", "get" or "give", which half the sentences of a story hold).
_STOP_VERBS = frozenset({"go", "show", "move"})


# The date a plan was moved from: "repairs would now start in July rather than May".
_RATHER_THAN = deferred(r"\b(?:rather than|instead of)\s+(?:in\s+|on\s+)?(?P<when>[A-Z][a-z]+|\d{4})\b")


def moved_from_date(later: str, earlier: str) -> bool:
    """Whether `later` moves the event the preview `earlier` expects from the date `earlier` gives ("Repairs are due
    to start in May" / "repairs would now start in July rather than May"): the old date after "rather than", in
    `earlier`, and the preview's verb in `later`."""
    m = _RATHER_THAN.search(later)
    if m is None or not re.search(rf"\b{re.escape(m['when'])}\b", earlier):
        return False
    _, modal, after = preview_event(earlier)
    event = _first_stem(after) if modal else ""
    return bool(event) and event in lemma_stems(words(later))


# A proposed date named as given up: "Judge Imelda Carrowgate had proposed an April start, but moved the date back"
# (overtakes "The judge has suggested Monday 12 April 2027").
_PROPOSED_THEN_MOVED = deferred(r"\b(?:had|originally) (?:proposed|suggested|pencilled in|planned)\b[^.;]{0,40}?\b"
                                rf"(?P<when>{'|'.join(w.title() for w in (*MONTHS, *WEEKDAYS))})\b[^.;]{{0,60}}?\b"
                                r"(?:but|before|then)\b[^.;]{0,20}?\b(?:moved|put|pushed|changed|set)\b")


def proposal_moved(later: str, earlier: str) -> bool:
    """Whether `later` says the date `earlier` proposes was given up (`_PROPOSED_THEN_MOVED`)."""
    m = _PROPOSED_THEN_MOVED.search(later) if "propos" in later or "suggest" in later or "planned" in later else None
    return m is not None and re.search(rf"\b{m['when']}\b", earlier) is not None \
        and bool(set(lemmas(later)) & set(lemmas(earlier)) - {m["when"].lower()})


# A later source that names the old date as the plan it replaces ("The first ships are now due in the harbour early on
# Friday morning, not on Thursday evening as planned"): the old date, and words the two share besides it.
_NOT_AS_PLANNED = deferred(r"\bnot (?:on |in |at |until )?(?:the )?(?P<when>[A-Z][a-z]+|\d{4})\b[^,.;]{0,30}?\bas "
                           r"(?:planned|expected|scheduled|announced|first (?:planned|announced|expected|thought))\b")
NOT_AS_PLANNED_SHARED = 2


def replaced_plan(later: str, earlier: str) -> bool:
    """Whether `later` gives a new date for what `earlier` expected on the date it names as the old plan."""
    m = _NOT_AS_PLANNED.search(later) if " as " in later else None
    if m is None or not re.search(rf"\b{re.escape(m['when'])}\b", earlier):
        return False
    return len(set(lemmas(later)) & set(lemmas(earlier)) - {m["when"].lower()}) >= NOT_AS_PLANNED_SHARED


# A deadline or a date moved, named as the old one: "has also extended the deadline for all appeals ... from Friday 28
# August to Friday 11 September".
# The old date of a plan, with its weekday: "Friday 28 August", "the 2 July", "July 2nd".
_OLD_DATE = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:the )?"
             r"(?P<old>\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?)\b")
_MOVED_FROM_TO = deferred(r"\b(?:extended|moved|pushed back|put back|postponed|brought forward|deferred|delayed|"
                          rf"changed)\b[^.;]{{0,80}}?\bfrom {_OLD_DATE}[^.;]{{0,30}}?\bto\b")
MOVED_FROM_SHARED = 1


# A plan's old date, told in the past perfect: "The hearing had been due on Thursday 2 July." (then "The court agreed
# on Wednesday to put it back to Tuesday 22 September").
_HAD_BEEN_DUE = deferred(rf"\bhad been (?:due|scheduled|set|listed|expected|planned)\b[^.;]{{0,40}}?\b(?:on|for) "
                         rf"{_OLD_DATE}")


def was_due_on(later: str, earlier: str) -> bool:
    """Whether `later` says the plan for the date the preview `earlier` gives no longer holds: it "had been due" on
    that date ("The hearing had been due on Thursday 2 July." / "... is listed to be heard at the High Court ... on
    2 July.")."""
    m = _HAD_BEEN_DUE.search(later) if "had been" in later else None
    return m is not None and _names(earlier, m["old"])


def _names(text: str, words: str) -> bool:
    """Whether `text` holds `words` as whole words (an old date: "2 July")."""
    return re.search(rf"\b{re.escape(words)}\b", text) is not None


def moved_from_to(later: str, earlier: str) -> bool:
    """Whether `later` moves a date `earlier` gives to another, naming the old one ("Students ... must ask their
    school to lodge an appeal ... by Friday 28 August" / "extended the deadline for all appeals ... from Friday 28
    August to Friday 11 September"), the two sharing a word besides it."""
    m = _MOVED_FROM_TO.search(later) if " from " in later else None
    if m is None or not _names(earlier, m["old"]):
        return False
    dates = set(lemmas(m["old"]))
    return len(set(lemmas(later)) & set(lemmas(earlier)) - dates) >= MOVED_FROM_SHARED


# A plan given new days: "The refit now runs from Monday 13 April to Friday 1 May." (the thing planned named again,
# "now", and none of the old days: "due to leave the route on 03/04/2026 for her annual refit ... and return on
# 24/04/2026").
_NOW_WORD = deferred(r"\bnow\b", re.I)


# A date to be reviewed ("the start date would be reviewed at a board meeting next week and could change"), and a
# later article's date moved ("has brought its hosepipe ban forward by four days", "agreed the earlier date").
_TO_REVIEW = deferred(r"\b(?:would|will|is to|are to) be (?:reviewed|reconsidered|looked at again|revisited)\b|"
                      r"\b(?:could|may|might) (?:still )?change\b", re.I)
_DATE_MOVED = deferred(r"\b(?:(?:brought|put|pushed|moved) (?:\w+ ){0,3}?(?:forward|back)|"
                       r"(?:an|the) (?:earlier|later|new) (?:start |opening )?date)\b", re.I)


def review_done(later: str, earlier: str) -> bool:
    """Whether `later` moves the date `earlier` said was to be reviewed: the review is over ("The company said the
    start date would be reviewed at a board meeting next week" / "Directors agreed the earlier date at an emergency
    meeting on Wednesday evening"), the two sharing a word of the date or its plan."""
    return _TO_REVIEW.search(earlier) is not None and "date" in earlier and _DATE_MOVED.search(later) is not None \
        and bool(set(lemmas(later)) & set(lemmas(earlier)) - STOP_WORDS)


# A plan's clause in a report: "with the restriction due to come into force on Friday 4 December".
_PLAN_CLAUSE = deferred(r"\b(?:(?:is|are|was|were) )?(?:due|set|scheduled|planned|expected) to [a-z]+\b")


def moved_to_new_days(later: str, earlier: str) -> bool:
    """Whether `later` gives the thing `earlier` plans for its days new days of its own (`_NOW_WORD`), none of the
    old ones, naming a noun of `earlier`'s besides the days."""
    if not _NOW_WORD.search(later):
        return False
    mine, theirs = days_named(later), days_named(earlier)
    if not mine or not theirs or mine & theirs:
        return False
    shared = {w for w in set(lemmas(later)) & set(lemmas(earlier)) if w not in STOP_WORDS and not w.isdigit()}
    return bool(shared - _DAY_WORDS - _WEEKDAY_WORDS)


_WEEKDAY_WORDS = frozenset(lemmas(" ".join(WEEKDAYS)))


def _first_stem(text: str) -> str:
    """The lemma stem of the first word of `text` (a preview's verb, after its modal), or ""."""
    return next(iter(lemma_stems(words(text)[:1])), "")


# A step under consideration: "The city council said it was looking at adding more routes to the emergency list."
_CONSIDERING = deferred(r"\b(?:is|are|was|were) (?:now |still )?(?:looking at|considering|thinking about|exploring) "
                        r"([a-z]{3,}?)e?ing\b")


def considered_done(later: str, earlier: str) -> bool:
    """Whether `earlier` tells a step under consideration and `later` that it was taken ("was looking at adding
    more routes" / "added two more on Wednesday night")."""
    m = _CONSIDERING.search(earlier)
    if m is None:
        return False
    verb = re.escape(m.group(1))
    return re.search(rf"\b{verb}e?d\b", later) is not None and re.search(rf"\b{verb}e?d\b", earlier) is None


# A preview in the passive: its participle is the event ("will be sentenced", "will be reopened").
PASSIVE_EVENT = deferred(r"^\s*(?:now\s+|then\s+|also\s+)?be\s+(?:[a-z]+ly\s+)?"
                            r"([a-z]{3,}(?:ed|en|wn|lt|ght|ung|ne))\b")


_AND_PARTICIPLE = deferred(r"\b(?:and|or|then) ([a-z]{3,}(?:ed|en|wn|lt|ght|ung|ne))\b")
_PASSIVE_AHEAD = deferred(r"\b(?:(?:to|will|would|shall|could|may|might|must) (?:now |then |also )?be|is|are)\s+"
                          r"[a-z]+ed\b", re.I)


# How many of a fixed whole are in some state: "Eight of Ferrisford's nine pharmacies now have no liquid amoxicillin",
# "Five of the town's nine pharmacies now have some".
_PART_OF_WHOLE = deferred(
    r"\b(?P<part>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|none|most|half) of "
    r"(?:the |its |their )?(?:[A-Z][\w'’-]*['’]s |[a-z]+['’]s )?"
    r"(?P<whole>\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty) "
    r"(?P<thing>[a-z]+)", re.I)


# A date corrected: "It was picked up on the afternoon of Tuesday 11 August ..., not found on Wednesday 12 August as
# first stated."
_DATE_CORRECTED = deferred(
    r"\bnot (?:\w+ )?(?:on )?(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day )?(?P<day>\d{1,2} (?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December))\b,? as (?:was )?(?:first|"
    r"originally|earlier|previously|initially) (?:stated|reported|said|announced|given|thought)\b")


# ... or a year: "opened in December 1937, not in 1938 as some reports said".
_YEAR_CORRECTED = deferred(r"\bnot (?:in )?(?P<year>(?:19|20)\d\d),? as (?:was )?(?:(?:some|early|earlier|first) "
                           r"(?:reports?|accounts?) (?:said|stated|had it|claimed)|(?:first|originally|earlier|"
                           r"previously|initially) (?:stated|reported|said|announced|given|thought))\b")
# ... or a place or a name: "The aircraft had taken off from Oldmere Airfield, and not from Brackenby Airfield as
# police first said."
_NAME_CORRECTED = deferred(
    r"\bnot (?:from |at |in |on |to |by )?(?:the )?(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}|(?:19|20)\d\d),? "
    r"as (?:\w+ )?(?:\w+ )?(?:first|originally|earlier|previously|initially|wrongly|been) (?:stated|reported|said|"
    r"announced|given|thought)\b")


def named_wrong(later: str, earlier: str) -> bool:
    """Whether `later` names as wrong a date `earlier` gives ("not found on Wednesday 12 August as first stated" /
    "was found at Thrushcombe Village Hall on Wednesday 12 August"; "... last Wednesday", sharing what it tells), or
    a place or a name it gives ("and not from Brackenby Airfield as police first said" / "had taken off from
    Brackenby Airfield")."""
    if " as " not in later:
        return False
    if (named := _NAME_CORRECTED.search(later)) is not None and named["name"] in earlier \
            and named["name"] not in later[:named.start()]:
        return True
    if (year := _YEAR_CORRECTED.search(later)) is not None and re.search(rf"\b{year['year']}\b", earlier):
        # ("opened in December 1937, not in 1938 as some reports said" / "The Rialto opened in 1938 as ...")
        shared = {w for w in set(lemmas(later[:year.start()])) & set(lemmas(earlier))
                  if w not in STOP_WORDS and w not in _TIME_LEMMAS and not w.isdecimal()}
        return len(shared) >= DATE_CORRECTED_SHARED
    if (m := _DATE_CORRECTED.search(later)) is None:
        return False
    if m["day"] in earlier:
        return True
    weekday = (m["weekday"] or "").strip()
    shared = {w for w in set(lemmas(later)) & set(lemmas(earlier)) if w not in STOP_WORDS and w not in _TIME_LEMMAS}
    return bool(weekday) and weekday in earlier and len(shared) >= DATE_CORRECTED_SHARED


_TIME_LEMMAS = frozenset(lemma_stems(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                      "morning", "afternoon", "evening", "night", "day", "week", "first", "stated"]))


DATE_CORRECTED_SHARED = 1


def parts_of_wholes(text: str) -> dict[tuple[float | None, str], str]:
    """How many of a fixed whole `text` counts in a state: {(the whole, the thing's stem): the part}."""
    return dict(_parts_of_wholes(text))


@lru_cache(maxsize=1 << 16)  # asked of each pair of a preview's neighbours
def _parts_of_wholes(text: str) -> tuple[tuple[tuple[float | None, str], str], ...]:
    return tuple({(number_value(m["whole"]), stem(m["thing"])): m["part"].lower()
                  for m in _PART_OF_WHOLE.finditer(text)}.items())


def part_of_whole(later: str, earlier: str) -> bool:
    """Whether `later` tells anew how many of the same whole are in some state ("Five of the town's nine pharmacies now
    have some" / "Eight of Ferrisford's nine pharmacies now have no liquid amoxicillin"): the newest count wins."""
    if " of " not in later or " of " not in earlier:
        return False
    mine, theirs = parts_of_wholes(later), parts_of_wholes(earlier)
    if any(key[0] is not None and key[0] > 1 and part != theirs[key] for key, part in mine.items() if key in theirs):
        return True
    # (A whole named by what happened to it, "29 of the 44 stolen", is the whole the other names, "31 of the 44 cattle
    # stolen", when that sentence says it too.)
    in_later, in_earlier = {stem(w) for w in words(later)}, {stem(w) for w in words(earlier)}
    return any(whole is not None and whole > 1 and whole == other and part != theirs[(other, that)]
               and (thing == that or (that.endswith(("en", "ed")) and that in in_later)
                    or (thing.endswith(("en", "ed")) and thing in in_earlier))
               for (whole, thing), part in mine.items() for (other, that) in theirs)


# Words a report before a preview needs to move a state by itself ("The closing-down sale has been cancelled and").
REPORT_BEFORE_PREVIEW_WORDS = 4
# ... and what makes it a plan, no report: "The council has agreed to reopen the pool, which will open on Monday".
_PLANNED_BEFORE = deferred(r"\b(?:agreed|voted|decided|plans?|planned|hopes?|hoped|wants?|wanted|aims?|intends?|"
                           r"promised|pledged|expects?|expected|ready|set|due|going|likely|able) to\b", re.I)


# A decision told as made: "had voted last week to bring back charges", "agreed to close the branch".
_DECIDED_TO = deferred(r"\b(?:voted|agreed|decided|resolved|chose|opted)\s+(?:\w+\s+){0,3}?to\s+\w+", re.I)
_FURTHER_NOTICE = deferred(r"\buntil further notice\b", re.I)
_REOPENS = deferred(r"\b(?:will|would|(?:is|are) (?:due |set |expected )?to) (?:re)?open\b|\breopens? (?:on|from)\b|"
                    # ... or what was stopped will start again, or stop only until a named day ("Outings on the
                    # water will resume on Saturday 2 May"; "will stay suspended until at least Saturday 2 May")
                    r"\b(?:will|would|(?:is|are) (?:due |set |expected )?to) (?:resume|restart)\b|"
                    r"\b(?:will|would) (?:stay|remain|be) (?:suspended|closed|shut)\s+until\s+(?:at least\s+)?"
                    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?\d", re.I)


# A restart hoped for on a day, put back: "The company said it hoped the ... service could restart on Thursday" /
# "... said the ... service would remain suspended until at least Monday 23 November".
_STAYS_SHUT_UNTIL = deferred(r"\b(?:will|would) (?:stay|remain|be) (?:suspended|closed|shut)\s+until\s+"
                             r"(?:at least\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                             r"\d{1,2}\s+[A-Z][a-z]+)")
_RESTART_ON = deferred(r"\b(?:restart|resume|reopen|run again|return)\w*\s+(?:[\w'’-]+\s+){0,5}?on\s+"
                       r"(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{1,2}\s+[A-Z][a-z]+)")
PUT_BACK_SHARED = 2


def restart_put_back(later: str, earlier: str) -> bool:
    """Whether `later` keeps shut until another day what `earlier` hoped to restart on a day (`_STAYS_SHUT_UNTIL`,
    `_RESTART_ON`), both naming the thing in two words."""
    until, restart = _STAYS_SHUT_UNTIL.search(later), _RESTART_ON.search(earlier)
    if until is None or restart is None or until["day"].split()[0] == restart["day"].split()[0]:
        return False
    return len((set(lemmas(later)) & set(lemmas(earlier))) - _TIME_LEMMAS) >= PUT_BACK_SHARED


def supersedes(later: str, later_kind: Kind, earlier: str, earlier_kind: Kind) -> bool:
    """True when `later` (from a later source) overturns `earlier`: a later state of the same thing, or the
    report of the event `earlier` only expected: the report tells the preview's event (a lemma of the words
    just after its modal, "is due to begin" / "began"; or of its subject when the modal is followed by "be":
    "the vote is expected to be close" / "voted")."""
    mine, theirs = set(lemmas(later)), set(lemmas(earlier))
    shared = len(mine & theirs)
    # (A report before a preview of what follows moves the state as a report: "The closing-down sale has been
    # cancelled and the shop will trade as normal" / "... has been paused while the appeal runs".)
    if later_kind == "expected" and earlier_kind != "expected" and (reported := preview_event(later)[0]) \
            and len(reported.split()) >= REPORT_BEFORE_PREVIEW_WORDS and not _PLANNED_BEFORE.search(reported) \
            and _state_moved(reported, earlier) and shared >= 1:
        return True
    # (A date given for what was shut "until further notice" ends the notice, though the reopening lies ahead: "has
    # closed Portnamoe beach to swimmers until further notice" / "... Portnamoe from next Saturday, July 11, when the
    # beach will reopen to swimmers".)
    if shared >= 1 and _FURTHER_NOTICE.search(earlier) and _REOPENS.search(later) and not _FURTHER_NOTICE.search(later):
        return True
    # (... but a calling off undone is news told in the future: "has cancelled its spring musical" / "The production
    # ... will go ahead after all, moved to St Michael's Church Hall".)
    if shared >= 2 and _UNDONE.search(later) and (off := CALLED_OFF_STATE.search(earlier)) \
            and not CALLED_OFF_STATE.search(later) and _named_again(earlier, off, mine):
        return True
    if (later_kind != "expected" or earlier_kind == "expected") and (
            (shared >= 1 and _state_moved(later, earlier)) or state_moved_apart(later, earlier)
            or home_from_hospital(later, earlier)):
        # (A hope or a plan moves no state that is: "hoped to reopen the pit within a month" leaves "halted all
        # blasting" as it was; it does move a forecast: "would stay closed for at least a week" / "will reopen".)
        return True
    if named_wrong(later, earlier):
        return True
    if replaced_plan(later, earlier) or moved_from_to(later, earlier) \
            or was_due_on(later, earlier) \
            or (shared >= 2 and considered_done(later, earlier)):
        return True
    asked, answered = DEMAND
    if shared >= DEMAND_SHARED and asked.search(earlier) and answered.search(later) and not answered.search(earlier):
        return True
    # (A recommendation names what is to be voted on, so its vote shares fewer words: "drop", "scheme".)
    if shared >= RECOMMENDED_SHARED and _RECOMMENDS.search(earlier) and _VOTED.search(later):
        return True
    if decided(later, earlier):
        return True
    if earlier_kind == later_kind == "report" and (count_update(later, earlier) or count_told_again(later, earlier)
                                                   or toll_update(later, earlier)
                                                   or all_counted(later, earlier)
                                                   or grown_count(later, earlier) or still_count(later, earlier)
                                                   or dead_toll_grown(later, earlier) or still_held(later, earlier)
                                                   or confirmed_claim(later, earlier)
                                                   or final_measure(later, earlier) or part_of_whole(later, earlier)
                                                   or total_reached(later, earlier)
                                                   or running_then_total(later, earlier)
                                                   or final_tally(later, earlier) or raised_to(later, earlier)
                                                   or up_from(later, earlier) or vague_then_exact(later, earlier)
                                                   or sum_moved(later, earlier)
                                                   or part_then_whole(later, earlier)
                                                   or sum_brought_to(later, earlier)
                                                   or share_moved(later, earlier) or sum_confirmed(later, earlier)):
        return True  # a newer count of the same thing ("rose to 37" / "rose to 41"; a death toll)
    # (A decision reversed: "had voted last week to bring back charges ... from 30 November" / "dropped its plan to
    # bring back parking charges".)
    if later_kind == "report" and _DECIDED_TO.search(earlier) and plan_dropped(later, earlier):
        return True
    if any(shared >= least and (not of_preview or (earlier_kind == "expected" and later_kind == "report"))
           and ahead.search(earlier) and done.search(later) for ahead, done, least, of_preview in OUTCOMES):
        return True
    # (A report of a plan that holds its day: "has announced a hosepipe ban ..., with the restriction due to come
    # into force on Friday 4 December" / "... with restrictions across Wyndale now starting on Monday 30 November".)
    if earlier_kind == "report" and later_kind != "background" and _PLAN_CLAUSE.search(earlier) \
            and moved_to_new_days(later, earlier):
        return True
    if earlier_kind != "expected" or later_kind == "background":
        return False
    if called_off(later, earlier) or moved_from_date(later, earlier) or moved_to_new_days(later, earlier) \
            or proposal_moved(later, earlier):
        return True
    if review_done(later, earlier) or restart_put_back(later, earlier):
        return True
    if later_kind == "report" and confirmed_claim(later, earlier):
        return True  # a rumour of what may happen, confirmed ("Reports suggest the race could be cut short")
    if later_kind == "report" and launched(later, earlier):
        return True
    # (An announcement expected, once its content is told: "is expected to announce compensation for passengers later
    # this week" / "Every passenger will receive a full refund of their fare and a payment of £100, the operator
    # announced on Monday afternoon".)
    if shared >= 1 and (ahead := _ANNOUNCE_AHEAD.search(earlier)) is not None \
            and announced_content(later, ahead["what"]):
        return True
    before, modal, after = preview_event(earlier)
    if not modal:
        return shared >= 2  # a hedge with no modal ("a meeting with Xi was still in the cards")
    if _NOT_UNTIL.match(after):
        return False  # a decision that a thing will not happen ("The original paper will not be marked") is no event

    if _FINDINGS.match(after):  # "would share what it found": the finding is the event
        return shared >= 2 and (_FOUND.search(later) is not None
                                or (_ON_CAUSE.search(after) is not None and _CAUSE_TOLD.search(later) is not None))
    # (A forecast of how long a thing takes has a thing for its subject, even when it opens the sentence: "Repairs".)
    actors = [] if DURATION.match(after) else subject_names(before)
    if actors and not any(re.search(rf"\b{re.escape(name)}\b", later) for name in actors):
        return False  # "Qin is expected to visit Washington" is not told by "Blinken ... the first to visit China"
    told_after = lemmas(after)
    # (A verb the stop list drops is still the event: "will go on show" / "went on show".)
    first = lemma_stems(words(after)[:1])
    if first and first[0] in _STOP_VERBS and told_after[:1] != first[:1]:
        # ("go" only with the word after it: "will go on show" / "went on show", not "would go his way" / "left".)
        particle = words(after)[1:2]
        if first[0] != "go" or (particle and re.search(rf"\b(?:go|goes|went|gone|going) {particle[0]}\b", later, re.I)):
            told_after = [first[0], *told_after]
    # The event is the verb after the modal, with the word after it only when that is a name ("will come to
    # Washington") or the verb is light ("will hold talks"): "the trip will lead to visits by other officials" is
    # not reported by "the first official to visit China".
    content = [w for w in _WORD.findall(after) if w.lower() not in STOP_WORDS][:EVENT_WORDS_AFTER]
    whole = told_after[:1] and (told_after[0] in LIGHT_VERBS or (len(content) > 1 and content[1][0].isupper()))
    event = set(told_after[:EVENT_WORDS_AFTER] if whole else told_after[:1])
    passive = None if DURATION.match(after) else PASSIVE_EVENT.match(after)
    if DURATION.match(after):
        event = set(lemmas(before)[-EVENT_WORDS_BEFORE:])  # "Repairs are expected to take three days": repairs
    elif passive is not None:
        # "Tollan will be sentenced on Friday 16 October": the event is the sentencing, not Tollan (whom any later
        # sentence may name)
        # (... each of its coordinated participles: "will be taken to Hollins Quarry and destroyed there")
        clause = re.split(r"[,;.]", after[passive.start(1):], maxsplit=1)[0]
        event = set(lemmas(" ".join([passive.group(1), *_AND_PARTICIPLE.findall(clause)])))
    elif COPULA.match(after) or _DUE.fullmatch(modal.strip()):
        # "the vote is expected to be close", "the results were expected on Wednesday": the subject is the event
        event.update(lemmas(before)[-EVENT_WORDS_BEFORE:])  # "the vote is expected to be close": the vote
    elif OUTCOME.match(after):
        event.update(lemmas(before)[-1:])
    elif _ADVERB.fullmatch(modal):
        event.update(lemmas(before))  # "Reyes meets Hale, and possibly the president": the verb came first
    # A report with a look ahead of its own ("about 1,800 had joined ..., and the stoppage would now run until
    # Monday") reports the event when it tells it in the past tense.
    # (Not a participle the preview itself looks ahead with: "Friday 16 October: Tollan to be sentenced ...".)
    # (... nor a listed step's: "1 July: Copley fire station crewed 24 hours a day" is a plan, no report.)
    told = (set() if DATE_LABEL.match(later) else set(lemma_stems(past_words(_PASSIVE_AHEAD.sub(" ", later))))) \
        if later_kind == "expected" else mine
    if passive is not None or event == set(told_after[:EVENT_WORDS_AFTER] if whole else told_after[:1]):
        # The event is a verb: the preview's own subject, named again, does not report it ("The nativity play will now
        # be performed ..." is not told by "... had been rehearsing the nativity play": a play, not to play).
        told -= set(lemmas(before))
    return any(synonyms(e, t) for e in event for t in told)  # "is due to start" / "began"


# A thing to be set up, once it runs ("said it would launch an appeal" / "The appeal to save the lido has passed its
# first target", "The volunteers' appeal, which has already brought in ..."): the thing named with "the" or an
# owner, and something it has done since. This tells its own order, so it needs no dates.
_TO_LAUNCH = deferred(r"\b(?:will|would|plans? to|planned to|is to|are to|intends? to|aims? to|hopes? to)\s+"
                      r"(?:launch|set up|start|open|form|create|establish)\s+(?:a|an)\s+(?:[a-z]+\s+)?"
                      r"([a-z]{3,})\b", re.I)
_HAS_DONE = r"[^.;]{0,80}?\b(?:has|have|had)\s+(?:already\s+|now\s+|so far\s+)?(?:been\s+)?[a-z]{3,}(?:ed|en|ught|ew)\b"


def launched(later: str, earlier: str) -> bool:
    """Whether `later` tells a thing `earlier` said would be set up as running (see `_TO_LAUNCH`)."""
    m = _TO_LAUNCH.search(earlier)
    if m is None or _TO_LAUNCH.search(later):
        return False
    thing = re.escape(m.group(1).lower())
    return re.search(rf"\b(?:the|its|their|[\w-]+'s|[\w-]+s['’]|[\w-]+’s)\s+(?:[\w-]+\s+)?{thing}\b{_HAS_DONE}",
                     later, re.I) is not None


def _state_moved(later: str, earlier: str) -> bool:
    """Whether `later` states a newer state of affairs (`STATES`) than `earlier`, whatever they are about. Never
    when the two are one text, which may hold both of a state's patterns ("have been discharged from hospital,
    but the grandmother remains in intensive care"): a sentence has not moved on from itself."""
    return later != earlier and (any(STATES[k][1].search(later) for k in _states_left(earlier))
                                 or _begun_then_done(later, earlier))


_NOTHING_SUGGESTS = deferred(r"\b(?:nothing|no evidence|no sign|no reason)\b[^.;]{0,40}?\bto suggest\b[^.;]*", re.I)


@lru_cache(maxsize=1 << 16)  # a sentence is read against each sentence that may overturn it
def _states_left(earlier: str) -> tuple[int, ...]:
    """The states of affairs (indices of `STATES`) `earlier` states and leaves as they are: the earlier sentence
    may tell the state moved for some and not for others, and its last word on it counts ("Rescuers found two
    missing fishing boats ..., but a third ... was still unaccounted for")."""
    # (What nothing suggests is no state told: "had found nothing so far to suggest the fire was started
    # deliberately" leaves the cause unknown.)
    told = _NOTHING_SUGGESTS.sub(" the cause is not yet known ", earlier) if "suggest" in earlier else earlier
    return tuple(k for k, (old, new) in enumerate(STATES)
                 if (m := old.search(told)) and not new.search(told, m.end()))


def state_moved_apart(later: str, earlier: str) -> bool:
    """A newer state of affairs that may share no word with the older one: harm (`HARMLESS`), one missing person
    found (`ONE_MISSING`)."""
    return harmed(later, earlier) or (ONE_MISSING.search(earlier) is not None and FOUND.search(later) is not None
                                      and not ONE_MISSING.search(later))


# Work begun, then done for all ("Recovery crews began towing about 150 cars out of the flooded car park" / "all 150
# cars have now been towed out"): the verb's stem after "began", the same verb done to "all" later.
_BEGAN = deferred(r"\b(?:began|begun|started)\s+(?:to\s+)?([a-z]{3,}?)(?:e?ing|e)?\b", re.I)


def _begun_then_done(later: str, earlier: str) -> bool:
    """Whether `earlier` tells work begun and `later` that it is done for all (see `_BEGAN`)."""
    if " all " not in f" {later.lower()} ":
        return False
    m = _BEGAN.search(earlier)
    if m is None:
        return False
    verb = re.escape(m.group(1).lower())
    return re.search(rf"\ball\b[^.;]{{0,60}}\b(?:have|has|had|were|was)\s+(?:now\s+)?(?:been\s+)?{verb}e?d\b",
                     later, re.I) is not None


def moved_from(earlier: str) -> bool:
    """Whether `earlier` states a state of affairs that later news may overturn (`STATES`: closed, missing, ...)."""
    return any(old.search(earlier) for old, _ in STATES) or _BEGAN.search(earlier) is not None


def same_state(a: str, b: str) -> bool:
    """Whether `a` and `b` both say a cause is not yet known ("The cause is not yet known." / "A fire service
    spokesperson said the cause had not yet been established."), or both that the same services ran normally ("were
    working as normal" / "had run normally on Tuesday", naming `SAME_SERVICES` of them in common): one fact however
    worded. (Other states of `STATES` are not joined so: "St Aldric's remains closed" is no repeat of "Three schools
    were closed on Monday".)"""
    if _cause_unknown(a) and _cause_unknown(b):
        return True
    return _RAN_NORMALLY.search(a) is not None and _RAN_NORMALLY.search(b) is not None \
        and len(set(lemmas(a)) & set(lemmas(b)) - STOP_WORDS) >= SAME_SERVICES


# Content words two lines that say services ran normally share, at least, to tell the same ones ("maternity",
# "urgent", "cancer", "services").
SAME_SERVICES = 3


@lru_cache(maxsize=1 << 16)  # asked of every pair of sentences near each other
def _cause_unknown(text: str) -> bool:
    return CAUSE_UNKNOWN.search(text) is not None


# A thing to be made known later: "Funeral arrangements will be announced later this week", "The council says it
# will announce an opening date by the end of the week", "a new date will be set".
TO_BE_ANNOUNCED = deferred(r"\b(?:will|would|is to|are to|expects? to|plans? to|hopes? to)\s+(?:be\s+)?"
                           r"(?:announce|announced|confirm|confirmed|set|fixed|fix|published|publish|given|named)\b"
                           r"(?=[^.;]{0,40}\b(?:later|soon|shortly|in due course|by the end|next week|this week|"
                           r"within|date)\b|\s*\.)", re.I)
_ANNOUNCING = frozenset(lemma_stems(words("announce confirm set fix publish give name later soon shortly week date "
                                           "new arrangement detail end due course say said time")))


def announced(later: str, earlier: str) -> bool:
    """Whether `later` gives the day of the thing `earlier` said would be made known (`TO_BE_ANNOUNCED`): it names
    a day, with the month or a weekday, and shares a word of the thing ("Her funeral will be held at St Brannoc's
    Church on Friday 27 March at 11am" / "Funeral arrangements will be announced later this week")."""
    if not days_named(later):
        return False
    # The thing is told after the verb ("will announce an opening date"), or else before it ("Funeral arrangements
    # will be announced").
    # (Not its attribution after a comma: "Funeral arrangements will be announced later, the family said.")
    before, after = TO_BE_ANNOUNCED.split(earlier, maxsplit=1)
    thing = _thing_stems(re.split(r"[,;]", after, maxsplit=1)[0]) or _thing_stems(before)
    return bool(thing & set(lemma_stems(words(later))))


def _thing_stems(text: str) -> set[str]:
    return set(lemma_stems([w for w in words(text) if w not in STOP_WORDS])) - _ANNOUNCING


# "All 17 ... are back": every one of a count, after a part of it ("Fourteen are now back at the park", "By 6pm
# keepers had caught 11 of the monkeys").
ALL_OF = deferred(r"\ball (?:of the |the )?([\d,]+|[a-z]+(?:-[a-z]+)?)\b", re.I)
_PART_COUNT = deferred(r"(?<![\d.:,])\b([\d,]+|[A-Za-z]+(?:-[a-z]+)?)\b(?!\s*(?:am|pm|a\.m|p\.m|%|per ?cent)\b)")
_ALL_STATES = frozenset(lemma_stems(words("back home safe caught recaptured found rescued returned accounted freed")))


# A share of a job done, then the whole of it: "about 70 per cent of the burning area had now been dug out and put
# out" / "the last of the burning waste was put out at 7.15pm yesterday".
_PART_DONE = deferred(r"\b(?:\d+(?:\.\d+)?\s*(?:per ?cent|%)|half|a third|two-thirds|three-quarters|most)\s+of\b"
                      r"([^.;]{0,80}?\b(?:has|have|had|was|were)\s+(?:now\s+)?(?:been\s+)?[^.;]{3,80})", re.I)
_WHOLE_DONE = deferred(r"\b(?:the last of|all of|the whole of|the rest of)\b([^.;]{0,80}?\b(?:has|have|had|was|were|"
                       r"is|are)\s+(?:now\s+)?(?:been\s+)?[^.;]{3,80})|"
                       r"\b(?:fully|completely|entirely)\s+([a-z]+ed\b[^.;]{0,60})", re.I)


def part_then_whole(later: str, earlier: str) -> bool:
    """Whether `later` tells the whole of a job done (`_WHOLE_DONE`) whose share `earlier` told (`_PART_DONE`), in a
    word of the same doing."""
    part = _PART_DONE.search(earlier)
    whole = _WHOLE_DONE.search(later) if part else None
    if part is None or whole is None or _PART_DONE.search(later):
        return False
    done = set(lemma_stems([w for w in words(part.group(1)) if w not in STOP_WORDS]))
    told = set(lemma_stems([w for w in words(whole.group(1) or whole.group(2)) if w not in STOP_WORDS]))
    return bool(done & told)


def all_counted(later: str, earlier: str) -> bool:
    """Whether `later` tells all N of something back, caught or found where `earlier` tells fewer of them so, in the
    same words (`_ALL_STATES`)."""
    m = ALL_OF.search(later)
    total = number_value(m.group(1)) if m else None
    if total is None or total < 2:
        return False
    states = set(lemma_stems(words(later))) & set(lemma_stems(words(earlier))) & _ALL_STATES
    if not states:
        return False
    parts = [v for w in _PART_COUNT.findall(earlier) if (v := number_value(w)) is not None and v == int(v) and v > 1]
    return bool(parts) and all(v < total for v in parts) and not ALL_OF.search(earlier)


# A count so far ("By mid-afternoon, 23 ambulances had been sent elsewhere") and the whole day's ("In total, 41
# ambulances took patients to ... instead").
_SO_FAR = deferred(r"^by (?:mid-?\w+|noon|lunchtime|the time\b[^,]{0,40}|early \w+|late \w+|\w+day"
                   r"(?: morning| afternoon| evening| night)?)\s*,|\bso far\b|\bup to (?:then|that point)\b|"
                   r"\b(?:has|have) now been\b", re.I)
_IN_TOTAL = deferred(r"\b(?:in total|in all|altogether|a total of)\b", re.I)


def running_then_total(later: str, earlier: str) -> bool:
    """Whether `later` gives the total of a count `earlier` gave so far, higher (`_SO_FAR`, `_IN_TOTAL`): the same
    thing counted."""
    if _IN_TOTAL.search(later) is None or _SO_FAR.search(earlier) is None or _SO_FAR.search(later) is not None:
        return False
    mine, theirs = counted(later), counted(earlier)
    return any(float(max(mine[t], key=float)) > float(max(theirs[t], key=float))
               for t in mine.keys() & theirs.keys() if not t.startswith("~")
               and all(v.replace(".", "", 1).isdecimal() for v in mine[t] | theirs[t]))


# The words of a preview's event that tell the state it forecasts ("stay closed until", "be fully reopened by").
FORECAST_WORDS = 4


def forecast_moved(later: str, earlier: str) -> bool:
    """Whether the event `later` previews moves the state of affairs `earlier` states, both naming one thing: a
    newer forecast ("The museum will reopen on Saturday 21 November" / "The museum will stay closed until at least
    Wednesday"). Only the previews' own events count: what a subject says in passing moves nothing ("The painting,
    recovered last week, will not go back on show until 28 November" / "the search for the missing sketch would go
    on"), and a state told in passing is not forecast ("a free minibus would run while the railway is shut")."""
    new, old = ([" ".join(event.split()[:FORECAST_WORDS]) for event in preview_events(text)]
                for text in (later, earlier))
    return any(_state_moved(event, told) for event in new for told in old) and state_overturned(later, earlier)


_ROUTE_ID = deferred(r"\b[A-Z]{1,2}\d{1,4}[A-Z]?\b")


def state_overturned(later: str, earlier: str) -> bool:
    """Whether `later` overturns the state of affairs `earlier` states (`STATES`), both naming one thing."""
    return state_moved_on(later, earlier) or home_from_hospital(later, earlier) or part_of_whole(later, earlier)


def state_moved_on(later: str, earlier: str) -> bool:
    """`state_overturned` by `STATES` alone (no patient home, no count of a whole): cheap enough to ask of every pair
    of a lead's neighbours (most sentences state no state, and `_states_left` is cached)."""
    return _state_moved(later, earlier) and (bool(set(lemmas(later)) & set(lemmas(earlier)))  # the patterns first
                                              or bool(_SEARCH_ON.search(earlier) and _SEARCH_OVER.search(later))
                                              # (... or a road's or a route's number: "The A4190 will now stay
                                              # closed overnight" / "The A4190 Kestle Valley Road reopened")
                                              or bool(set(_ROUTE_ID.findall(later)) & set(_ROUTE_ID.findall(earlier))))


# One person taken to hospital, then home: told of by the same age or name ("One rider, a 52-year-old woman, was
# taken to Harlbridge Royal Infirmary with a broken wrist" / "A woman who broke her wrist ... has since gone home";
# "the 52-year-old woman ... has been discharged"). Not a sentence of several people, whose event the later one
# does not tell again ("Three people were taken to ... Hospital with minor injuries: the driver, ... and her
# daughter" / "Priya Natt and her daughter Esme, 5, have been discharged").
_TAKEN_TO_HOSPITAL = deferred(r"\b(?:was|been) (?:taken|rushed|flown|airlifted|admitted) to (?:the )?"
                              r"(?:[A-Z][\w'’-]* ){0,3}"
                              r"(?:hospital|infirmary)\b", re.I)
_SEVERAL = deferred(r"\b(?:people|others|children|both|all|and (?:her|his|their) \w+)\b|,\s*\d+,.*,\s*\d+,", re.I)
_AGE = deferred(r"\b\d{1,3}-year-old\b")
_FULL_NAME = deferred(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")


def home_from_hospital(later: str, earlier: str) -> bool:
    """Whether `later` tells one person home whom `earlier` tells taken to hospital (see `_TAKEN_TO_HOSPITAL`)."""
    if not (_TAKEN_TO_HOSPITAL.search(earlier) and _HOME.search(later)) or _SEVERAL.search(earlier):
        return False
    ages = set(_AGE.findall(earlier)) & set(_AGE.findall(later))
    named = set(_FULL_NAME.findall(earlier)) & set(_FULL_NAME.findall(later))
    return bool(ages or named or set(lemmas(earlier)) & set(lemmas(later)) & _INJURIES)


_INJURIES = frozenset(lemmas("wrist arm leg hip ankle knee shoulder head back neck burns"))


def _event_words(text: str) -> list[str]:
    """A preview's event as lemma stems, years kept ("open in 2030")."""
    return [*lemmas(text), *re.findall(r"\b(?:19|20)\d\d\b", text)]


def same_preview(a: str, b: str) -> bool:
    """True when two previews tell one expected event: the words after their modals start with the same verb or
    a WordNet synonym ("is due to begin next spring" / "is due to start next spring"), and they share another
    content word after it; any of a sentence's previews counts ("would add nine stops, and would open in 2030" /
    "is scheduled to start in April and is due to open in 2030")."""
    if _subgroup(a, b) or _subgroup(b, a):
        return False
    events_b = [_event_words(after) for after in preview_events(b)]
    # (A name both sentences give counts as a word of the event: "the sixth stop ..., at Quarry Hill, will open on
    # Monday 20 July" / "A sixth stop, at Quarry Hill, is due to open later this summer".)
    names = _names_of(a) & _names_of(b) if not (_NEGATED.search(a) or _NEGATED.search(b)) else set()
    for after_a in preview_events(a):
        event_a = _event_words(after_a)
        for event_b in events_b:
            if event_a and event_b and synonyms(event_a[0], event_b[0]) \
                    and (set(event_a[1:]) & set(event_b[1:]) or names):
                return True
    # Or the same day, named in full, and a word of the event in common ("will present a cost programme ... on 28
    # October" / "will give details of cost cuts on Oct. 28"): a story's one plan for that day, in other words.
    days = days_named(a) & days_named(b)
    return bool(days and events_b and preview_events(a)
                and (set(lemmas(a)) & set(lemmas(b))) - _DAY_WORDS - _PREVIEW_WORDS)


_DAY_WORDS = frozenset(lemmas(" ".join(MONTHS) + " jan feb mar apr jun jul aug sep sept oct nov dec"))
_NEGATED = deferred(r"\b(?:not|no longer|never|cannot)\b|n't\b", re.I)
_INNER_NAME = deferred(r"(?<=[a-z,] )[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*")


def _names_of(text: str) -> set[str]:
    """The capitalised names inside `text` (not its first word), days and months aside."""
    return {m.group() for m in _INNER_NAME.finditer(text)
            if not set(lemmas(m.group())) <= _DAY_WORDS and not WEEKDAY.fullmatch(m.group().lower())}


# A negated preview with no day it ends on: "will not be marked" (not "will not reopen until Friday", a forecast).
_NOT_UNTIL = deferred(r"\s*(?:not|never)\b(?![^.;]*\b(?:until|till|before|for)\b)", re.I)


def _subgroup(a: str, b: str) -> bool:
    """Whether preview `a` is of a counted group that `b` does not count ("About 200 students who have another exam
    that morning will sit the new paper on Thursday 23 April instead" / "a new paper would be sat on Tuesday, April
    21"): a plan for some, not a new date for the plan of all."""
    subject = preview_event(a)[0]
    mine = {c.thing for c in counts(subject)} if subject else set()
    return bool(mine) and mine.isdisjoint(c.thing for c in counts(b))


# The wording of a preview, no word of its event ("is expected to strike" / "is expected to visit").
_PREVIEW_WORDS = frozenset(lemmas("expected expects expect due planned plans plan scheduled set likely hopes hoped "
                                  "intends aims will would"))
