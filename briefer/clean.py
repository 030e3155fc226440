"""Boilerplate removal by general rules, per document and across documents.

Scraped pages carry site furniture: navigation crumbs, ad labels, share and comment
widgets, bylines, datelines, credits, captions and repeated headlines. Each rule below
removes a kind of line, not a list of strings from the sample articles:

1. a title is taken from the first headline-like line near the top when the source has none;
2. navigation crumbs (separator-heavy lines), widget and form text, credits, bylines and
   photo captions are dropped;
3. short lines without sentence punctuation (datelines, section labels, author boxes) are dropped;
4. lines repeated inside one source without sentence punctuation (repeated headlines,
   captions shown twice) and short lines repeated across sources (site furniture) are dropped;
5. lines that restate the title are dropped;
6. dateline prefixes ("BEIJING (AP) --", "New Delhi:") and agency tags ("(AP)") are cut from kept lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefer.model import BEFORE_UPDATES, Document
from briefer.outlets import (
    ABOUT,
    EMBARGO,
    HEAD_LINES,
    LEAD_TAG,
    RELEASE,
    RELEASE_LABEL,
    beside_label,
    is_masthead,
    is_paper_name,
    issuer_line,
    masthead_with_tagline,
    names_paper,
)
from briefer.people import names_in
from briefer.temporal import DATE_LABEL
from briefer.text import content_stems, double_quoted, look_for, stem, words

# Lines shorter than this with no sentence punctuation are labels, not prose.
SHORT_LINE_WORDS = 8
# Lines repeated across sources are furniture only when short; long repeats are wire copy.
FURNITURE_MAX_WORDS = 10
# Share of a line's words found in the title above which the line restates the title.
TITLE_OVERLAP = 0.7

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_CRUMB = re.compile(r"\s(?:»|›|>|\||/|·|•)\s|^(?:home|you are here)\b(?![-'’])", re.I)  # (not "Home-care firm ...")
# Phrases only site furniture uses: sharing, sign-up and paywall prompts, comment forms, legal lines.
_FURNITURE_PHRASE = re.compile(
    r"\b(?:advertisement|advertisment|sponsored content|subscribe\w*|sign[ -]?(?:up|in)\b|log[ -]?in\b|newsletter|"
    r"(?:in|to) your inbox|free articles?|unlimited access|already a (?:member|subscriber)|"
    r"become a (?:supporter|member|subscriber)|support (?:\w+ ){0,3}journalism|"
    r"share (?:this|on)\b|e-?mail this|print this|copy link|read more\b|related (?:stories|articles|news)|"
    r"most read|leave a (?:reply|comment)|add a comment|post a comment|(?:required|mandatory) fields|"
    r"fields (?:are )?marked|email address will not be published|share your e-?mail|next time I comment|"
    r"remember (?:me|my name)|all rights reserved|"
    r"cookie|privacy policy|terms of (?:use|service)|click here|follow us|download (?:the|our) app|author-?image|"
    # A call for readers' news: "Got a story? Call the newsdesk on 01632 960 412."
    r"(?:got|do you have|have you got) a (?:story|news tip|tip)\b|news ?(?:desk|room) on\b|"
    r"send us your (?:story|stories|news|tips?)\b|"
    # ... and a column's own plug: "Canal Watch is written by volunteers. Spotted something ...? Get in touch."
    r"spotted something\b[^.?]{0,60}\?|get in touch\.?\W*$|"
    r"(?:is|are) (?:written|run|produced)(?: and (?:delivered|edited|printed|run))? by volunteers|"
    # A reader call with an address or a number: "Email newsdesk@... or call 01632 960 418."; a place's opening
    # hours: "The library is open Monday to Saturday, 9am to 6pm."
    r"^(?:e-?mail|write to|call|ring|text|whatsapp) [^.]{0,60}(?:@|\b\d{4,})|"
    r"\b(?:is|are) open (?:from )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|daily|every day)\b"
    r"[^.]{0,40}\d(?:[.:]\d\d)?\s?(?:am|pm)|"
    # A newsroom's appeal for money: "Vérenne Today is an independent, reader-funded newsroom. Support us ..."
    r"reader-funded|support us\b|free to read\b|consider (?:a|making a) donation|please donate|donate now|"
    r"(?:not-for-profit|non-?profit) news|"
    # An interview's note and a page's row of more stories: "This interview has been edited for length and clarity.",
    # "More from the Lens: ..."
    r"edited for (?:length|clarity|brevity)|^more from (?:the )?[\w'’ ]{2,30}:|"
    # A station's plug: "Bay Radio News is on air every hour. Listen live on 96.4 FM ..."
    r"\bon air every\b|listen live\b|"
    # A statement's thanks and travel advice: "The Agency would like to thank road users for their patience ...",
    # "Road users are advised to plan ahead and allow extra time for their journeys."
    r"\bthank (?:\w+ ){1,4}for (?:their|your|its) (?:patience|understanding|help|support|assistance|co-?operation)|"
    r"\b(?:advised|asked|urged|encouraged) to plan ahead\b|"
    # Minutes' procedure: "Apologies were received from Cllr Derek Mold.", "Cllr Sana Iqbal declared a personal
    # interest in Item 4 ..."
    r"^apologies (?:for absence )?(?:were|was) received\b|\bdeclared an? (?:personal |pecuniary |prejudicial |"
    r"disclosable )?interest in item\b|"
    # A station's or an agency's own lines: "Vale FM is on 97.4FM and DAB ...", "Listen to the full interview on ...",
    # "... every half hour on 97.6 FM", "Northern Wire stories may be republished with credit.", "Comments are closed
    # on this article ..."
    r"\b\d{2,3}(?:\.\d)? ?fm\b|\blisten to the full\b|\bmay be republished\b|\bcomments are (?:now )?closed\b|"
    # ... and a wire's terms: "PNW copy is supplied to subscribing publications.", "Not for onward syndication."
    r"\bsubscribing (?:publications|titles|clients|newspapers|members|outlets)\b|"
    r"\bnot for (?:onward )?(?:syndication|redistribution)\b|\bsyndication enquiries\b|\bpicture desk\b|"
    # ... and its shows: "Listen to Lenn Radio's breakfast show, weekdays from 6am."
    r"^listen to (?:[\w'’-]+ ){0,4}(?:show|programme|program|podcast|bulletin)\b)",
    re.I,
)
# What every alternative of _FURNITURE_PHRASE (and of _CRUMB) needs, looked for in the casefolded line before the
# pattern is searched (re.I matches what casefold() folds alike): Python's re tries such an alternation at every
# position, and the plain look cut the furniture check from about 1 s to 0.3 s at 30,000 lines
# (docs/performance.md). Kept in step with the patterns: tests/test_clean.py checks every phrase they list.
_FURNITURE_WORDS = (
    "advertis", "sponsored content", "subscribe", "signup", "sign up", "sign-up", "signin", "sign in", "sign-in",
    "login", "log in", "log-in", "newsletter", "your inbox", "free article", "unlimited access", "already a ",
    "become a ", "journalism", "share ", "mail this", "print this", "copy link", "read more", "related ", "most read",
    "leave a ", "a comment", "fields", "email address", "next time i comment", "remember ", "all rights reserved",
    "cookie", "privacy policy", "terms of ", "click here", "follow us", "download ", "author-image", "authorimage",
    "got a ", "desk on", "room on", "send us your", "reader-funded", "support us", "free to read", "donation",
    "donate", "profit news", "spotted something", "get in touch", "by volunteers", "edited for", "more from",
    "on air every", "listen live", "thank ", "plan ahead", "mail", "write to", "call ", "ring ", "text ", "whatsapp",
    " open ", "apologies", "interest in item", "fm", "listen to", "republished", "comments are", "subscribing",
    "syndication", "redistribution", "picture desk")
_FURNITURE_LOOK = look_for(_FURNITURE_WORDS)
_CRUMB_MARK = re.compile(r"[»›>|/·•]")
# Such a phrase in a line this short marks the whole line as furniture.
FURNITURE_MAX_PHRASE_WORDS = 25
# A release's embargo line: "EMBARGOED UNTIL 00:01 GMT TUESDAY", "Embargo: 10am 3 March" (no headline, no news).
# "Related: ..." or "Read more: ..." teasers link to other stories.
# (... and a programme's title over its transcript: 'Transcript: "Skerrin dock gates - when will the boats get out?"'.)
_TEASER = re.compile(r"^(?:related|read more|see also|more|watch|listen|also read|recommended)\s*:|"
                     r"^transcript\s*:\s*[\"“‘\[]", re.I)  # (... or a video's: "Transcript: [wind roaring] "Oh my ...")
# A list of other stories' headlines under its label alone ("More on this story:", "Related:", "Read more"), each
# headline a line of its own with no full stop: what those headlines say, the later news may have overtaken.
_LINKS_HEAD = re.compile(r"^(?:related(?: stories| articles| links| coverage| content| reading)?|more on this "
                         r"(?:story|topic|subject)|more about this story|read more|see also|also read|read next|"
                         r"more from [\w'’ ]{1,30}|recommended(?: for you)?|you may also like|(?:latest|other) stories)"
                         r"\s*:?$", re.I)
LINKS_MAX_WORDS = 20


def _links_listed(lines: Sequence[str]) -> set[int]:
    """The positions of a links list's label and of the headlines under it (`_LINKS_HEAD`)."""
    cut: set[int] = set()
    for k, line in enumerate(lines):
        if not _LINKS_HEAD.match(line.strip(" *_#>")):
            continue
        cut.add(k)
        for j in range(k + 1, len(lines)):
            item = lines[j].strip()
            # (A heading or a dated step ends it: "## What happens next", "- 9 June: parish council meeting".)
            if _TERMINAL.search(item) or item.endswith(":") or len(item.split()) > LINKS_MAX_WORDS \
                    or item.startswith("#") or DATE_LABEL.match(item.lstrip("-*• ")):
                break
            cut.add(j)
    return cut


# A note that puts a quotation's speaker right: "This article has been amended to make clear that the remarks about
# heating two half-empty buildings ... were made by Cllr Owen Pritchard, not St Bride's head teacher Linda Carrow."
AMENDED_SPEAKER = re.compile(r"\bto make clear that (?:the )?(?:remarks|comments|words|quotes?|quotation)"
                             r"(?P<about>[^.]{0,160}?),? (?:were|was) (?:made|said|spoken) by "
                             r"(?P<right>[^,.;]{3,80}?),? not (?P<wrong>[^,.;]{3,80})")
# A correction or update note about the article itself, not the story: "Correction: An earlier version of this
# article gave the wrong date ...", "This story has been updated to ...".
_EDITORS_NOTE = re.compile(r"^(?:(?:correction|clarification|editor'?s note)\s*[:(-]|"
                           r"(?:an earlier|a previous) (?:version of this (?:article|story|report)|entry|post)\b|"
                           r"this (?:article|story|report) (?:has been|was) (?:updated|corrected|amended)|"
                           # a retraction: "We reported earlier that the station would close in June. This was
                           # incorrect: ..."
                           r"we (?:reported|said|wrote|stated) (?:earlier|previously|yesterday|on \w+)\b)", re.I)
# What a retraction says was wrong: "We reported earlier that | the male stork had come from the Ashcombe Estate
# reintroduction project |. This was incorrect."
_RETRACTED = re.compile(r"^(?:correction\s*[:(-]\s*)?we (?:reported|said|wrote|stated)\b[^.!?]{0,40}?\bthat "
                        r"(?P<claim>[^.!?]{5,200})[.!?]\s+(?:this|that|it) (?:was|is) (?:incorrect|wrong|not "
                        r"(?:correct|true|the case))\b", re.I)
# ... and a correction that restates the wrong claim and gives the right one: "Correction: In Monday's report we said
# the nearest free cash machine, in Carnbrook, was nine miles away. It is eleven miles by road."
_CORRECTED_CLAIM = re.compile(r"^correction\s*[:(-]\s*(?:in (?:[\w'’]+ ){0,3}?(?:report|article|story|edition),?\s+)?"
                              r"(?:we|an earlier version of this (?:article|story|report)) "
                              r"(?:reported|said|wrote|stated|gave) (?:that )?(?P<claim>[^.!?]{5,200})[.!?]\s+"
                              r"(?:it|they|he|she|this|the [a-z]+) (?:is|are|was|were|has|had)\b", re.I)
# ... and a correction printed as an item of its own, its label a heading above it: "In Tuesday's report on the boil
# water notice we said 38,000 homes were affected. The correct figure is 3,800."
_CORRECTED_FIGURE = re.compile(r"^(?:correction\s*[:(-]\s*)?in (?:[\w'’]+ ){0,3}?(?:report|article|story|edition)"
                               r"(?: (?:on|about) [^,.;]{3,60}?)?,?\s+we (?:reported|said|wrote|stated|gave) (?:that )?"
                               r"(?P<claim>[^.!?]{5,200})[.!?]\s+the (?:correct|right|actual) (?:figure|number|total)"
                               r" (?:is|was)\b", re.I)
# ... and an amendment note that restates the wrong claim: "This article was amended on 14 May 2026 to correct the
# number of people taken to hospital. An earlier version said that 27 people, including 21 children, had been taken
# to hospital; ..." (its asides, "including 21 children", are no part of what a sentence must restate).
_AMENDED_CLAIM = re.compile(r"^(?:this (?:article|story|report|page) (?:was|has been) (?:amended|updated|corrected)\b"
                            r"[^.!?]{0,160}[.!?]\s+)?an earlier version(?: of this (?:article|story|report|page))? "
                            r"(?:wrongly |incorrectly )?(?:said|stated|reported|gave|claimed) (?:that )?"
                            r"(?P<claim>[^.!?;]{5,200})", re.I)
_ASIDE_INCLUDING = re.compile(r",\s+(?:including|among them|of whom)\s+[^,;]+,?")
# ... and a claim an outlet says it has taken out of its report: "We have removed a claim that the fire was started
# deliberately; police have not said so."
_REMOVED_CLAIM = re.compile(r"\bwe have (?:now )?(?:removed|deleted|withdrawn|taken out) (?:a|the|our) "
                            r"(?:claim|suggestion|statement|line|reference|report) that (?P<claim>[^.!?;]{5,200})",
                            re.I)
# ... and a belief the story has moved on from: "Organisers initially believed a sudden gust had snapped the octopus
# kite's tether line. It is now thought the line held, ..."
_BELIEF_LEAD = r"\b(?:initially|at first|originally|first) (?:believed|thought|assumed"
_FIRST_BELIEF = re.compile(_BELIEF_LEAD + r"|said|reported) (?:that )?(?P<claim>[^.!?]{5,200})[.!?]\s+"
                           r"(?:it is|it's|it was) now (?:thought|believed|"
                           r"known|clear|understood)\b", re.I)
# A claim's share of content words a sentence must give, with every name and figure of it, to restate the claim.
RETRACTED_SHARE = 0.6
# ... a belief's, told in other words by an earlier report ("Festival director Owen Tarrant said on Saturday that a
# gust had snapped the tether line": four of its seven words).
BELIEF_SHARE = 0.5
# An update's label before its news: "Update, 5pm: Police now say four paintings were taken", "UPDATE: ...",
# "Updated at 17:40 -". The news is kept without the label (as a dateline is cut), unless it is a note about the
# article ("Update: this story has been updated to ...", an editor's note).
# (... or its time alone before the news, tried first: "UPDATE 13:00 The leak has been stopped.")
_UPDATE_LABEL = re.compile(r"^(?-i:UPDATE|Update|Updated)\s+\d{1,2}[.:]\d{2}\s+(?=(?-i:[A-Z]))|"
                           r"^(?:update|updated)(?:\s*,?\s*(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|"
                           # ... with its date and time in brackets: "UPDATE (Friday 15 May, 09:15 BST):"
                           r"\s*\([^()]{3,50}\))?\s*[:—–-]\s*(?=\S)", re.I)
# Where a translated article first appeared: "Translated from Spanish. Originally published by La Gaceta del
# Levante, Alicante, 15 April 2026." (the outlet and the date are read from it: briefer.outlets, briefer.temporal).
# (... and a translator's note: "Translated from the Czech by Helen Marsh. The original article appeared in Krajské
# listy on 10 March 2026. Quotations marked (translated) were given in Czech.")
_TRANSLATED = r"translated from (?:the )?[A-Z][a-z]+(?: by [^.]{1,60})?\.?"
_APPEARED = (r"(?:(?:first|originally) (?:published|appeared)|the original (?:article|story|report) "
             r"(?:appeared|was published)) (?:by|in) [^.]{2,120}\.?")
_MARKED = r"quotations? marked \(?translated\)? (?:were|was|are|is) (?:given|spoken|said|made) in [A-Z][a-z]+\.?"
PROVENANCE = re.compile(rf"^(?:{_TRANSLATED}\s*)?(?:{_APPEARED}\s*)?(?:{_MARKED})?$|^{_TRANSLATED}$", re.I)
PROVENANCE_WORDS = 30  # a provenance line is short
# Author boxes: "Jane Roe covers transport for the paper. Sam Poe is our city hall reporter."
_BIO = re.compile(
    r"\b(?:covers|writes about|reports on)\b|\bis (?:a|an|our|the) (?:[\w'’-]+ ){0,4}"
    r"(?:reporter|correspondent|editor|writer|columnist|journalist)\b",
    re.I,
)
BIO_MAX_WORDS = 30
# (A byline's name is capitalised and no day: "By Wednesday evening, 436 households had applied", "By the end of
# the day, ..." are the story's.)
_CREDIT = re.compile(
    r"^(?:by\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|christmas|easter|midnight|noon|lunchtime|nightfall)\b)"
    r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,4}(?:\s*(?:,|and)\s*.*)?$"
    r"|(?:reporting|writing|editing|additional reporting) by\b"
    r"|source\s*:"
    r"|(?:photo|image|picture|file photo|credit|caption)s?\s*(?:[:|(]|by\b)"
    # Caption labels with a word between ("Photo caption:", "Main image credit:", "Pictured:").
    r"|(?:(?:top|main|lead|above|inset|file)\s+)?(?:photo|image|picture|video|graphic)s?\s+"
    r"(?:caption|credit|description)s?\s*[:|]|pictured\s*:"
    r"|.{0,60}\bcontributed (?:reporting|to this (?:report|story|article))\b"
    # A line that ends by naming its reporter: "Shire Sound News, Friday 15 May 2026. Reporter: Kezia Mbatha-Rowe".
    r"|.{0,80}\b(?:reporter|reported by|writer|author|correspondent)\s*:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)"
    r"{0,3}\W*$)",
    re.I,
)
# A photo credit in brackets, "(AP Photo/Andy Wong)". Bounded, so that a line of 100,000 "(AP" with no
# closing bracket is searched in linear time (an unbounded `[^)]*` made it quadratic: 11 s for 8,000).
_PHOTO_TAG = re.compile(r"\((?:AP|AFP|Reuters|Getty|EPA)[^()]{0,80}\)", re.I)
# A photo credit run into a paragraph: "... crushed a plumber's van. (Photo: Nell Harker/Fennick Valley Live) Nobody
# was hurt.", "... lying across the roof of my van." Picture: supplied", "Image source, Getty Images Station manager
# Paul Tennant said ..." (a credit in the BBC's way ends with its agency's last word, or the line).
_INLINE_CREDIT = re.compile(
    r"\s*\((?:photo(?:graph)?|picture|pic|image)s?\s*(?::|by\b)[^()]{1,80}\)"
    r"|(?<=[.!?\"”’)])\s+(?:photo(?:graph)?|picture|pic|image)s?\s*(?::|by\b)\s*[^.!?\"“”]{1,60}\.?$"
    r"|(?:^|(?<=[.!?\"”’]\s))image source,\s+(?:[^.!?,]{0,50}?\b(?:Images|Photos|Pictures|Photography|PA|Reuters|AFP|"
    r"EPA|AP)\b\s*|[^.!?]{1,60}$)", re.I)
# What a page prints for its own layout, not the news: "(pictured)", "(see graphic)", "(file photo)", a footnote's
# marker ("... given to the contractor [1], according to ...", "[1] The plans were ..."), "[citation needed]". In a
# brief whose brackets name its sources, "[1]" would read as a credit.
_PRINTED_REFERENCE = re.compile(r"\s*\((?:pictured|see (?:graphic|map|chart|box|table|video|below|above)|"
                                r"(?:file|stock) (?:photo|picture|image)|left|right|centre|center|top|bottom|inset)\)|"
                                r"\s*\[(?:\d{1,2}|[a-z][a-z ]{0,20} needed)\]|^\[\d{1,2}\]\s*|"
                                # ... and a Markdown footnote's: "... said on Thursday.[^1]"
                                r"\s*\[\^[\w-]{1,20}\](?!:)", re.I)
# An outlet's advice box: "If you have been affected by this story, the Elder Support Line ... on 0800 ...".
_HELPLINE = re.compile(r"^(?:if you(?: or someone you (?:know|care for|love))? (?:have|has|are|were) (?:been )?"
                       r"affected by (?:this|these|any of the issues|the issues|issues|(?:(?:the|a|an) )?[\w -]{1,30},|"
                       r"(?:crime|abuse|violence|domestic abuse|suicide|grief|bereavement|fraud)\b)|"
                       # "If you feel unwell, call NHS 111.", "If you see someone in difficulty at sea, call 999 ..."
                       r"if (?:you|your)\b[^.;]{0,60},\s*(?:please )?(?:call|ring|phone|dial|contact)\b|"
                       # "The Red Cross support line is open day and night on 800 12 345.", "Lennwater's customer
                       # line is open 24 hours on 0800 555 0123."
                       r"(?:the )?[\w'’ -]{0,30}\b(?:support|help|advice|customer|information|enquiry|emergency) ?"
                       r"(?:line|number) is open\b|"
                       # "Brannock Water's helpline is 0800 555 0142, and updates are posted on its website."
                       r"[\w'’ -]{0,40}\b(?:helpline|help line|hotline|support line)(?: number)? is \+?\d[\d ]{5,}|"
                       # A paper's own footer: "Netherby & District News is published every Friday.", "Parish News is
                       # delivered free to every home in Hendle Cross.", "The ... News is free every Monday."
                       # ... "Courts news is published in the Ammel Valley News every Tuesday and Friday.", "The
                       # Tarrowby Courier is published online daily and in print every Thursday."
                       r"[\w&'’ .-]{2,60} (?:is|are) (?:published|delivered free|free) (?:(?:in (?:the )?"
                       r"[\w&'’ .-]{2,40}?|online|in print|daily|weekly|and) )*(?:every|each|daily|weekly|fortnightly|"
                       r"monthly|to (?:every |\d[\d,]* )(?:homes?|households?))|"
                       # ... "Tower & Rope is the monthly magazine of the Wendle and Calder Guild of Church Bell
                       # Ringers.", "Wildwing is the magazine of the Northern Seabird Society."
                       # "The Local Democracy Reporting Service is a public service news agency."
                       r"[\w&'’ .-]{2,60} is an? (?:public service |independent )?news agency\b|"
                       r"[\w&'’ .-]{2,60} is (?:the|a) (?:(?:weekly|monthly|daily|quarterly|fortnightly|free|community|"
                       r"official|independent) )?(?:magazine|newspaper|paper|newsletter|journal|bulletin|news site) "
                       r"(?:of|for)\b|"
                       # ... "To advertise in the Gazette call the sales desk.", "Get the Evening Star delivered to your
                       # door.", "Pictures of the count: see page 9."
                       r"to advertise\b|get (?:the |your )?[\w&'’ .-]{2,40} delivered\b|[^.]{0,60}\bsee page \d+\b|"
                       # ... a financial page's disclaimers: "Share prices are delayed by at least 15 minutes. This
                       # article is for information only and is not investment advice."
                       r"share prices (?:are|may be) delayed\b|[\w&'’ .-]{2,60} (?:does not|do not|is not|cannot) "
                       r"(?:give |provide |offer |constitute )?(?:financial |investment )advice\b|"
                       # ... "Coast & Harbour Weekly is free in shops and cafés along the coast."
                       r"[\w&'’ .-]{2,60} is (?:free|available|on sale) (?:in|at|from) (?:shops|newsagents|"
                       r"supermarkets|cafés|cafes|libraries|stockists)\b|"
                       # A reporter's address: "Reporter Marisol Fenwick can be reached at mfenwick@... or 541-..."
                       r"(?:reporter |writer |correspondent )?[\w'’ .-]{2,40} can be (?:reached|contacted|emailed) "
                       r"(?:at|on|via|by)\b[^.;]{0,40}(?:@|\d{3})|"
                       # Advice to the reader: "If your dog is microchipped, check today that ...", "If you drive
                       # through Ostleby on Sunday morning, allow extra time", "If you are collecting a child ..., the
                       # school asks you to wait ...".
                       r"if (?:you|your)\b[^.;:]{0,80},\s*(?:please\s+)?(?:check|bring|use|park|keep|come|arrive|"
                       r"follow|avoid|allow|take|make sure|go|visit|register|sign up|email|stay|plan|leave|wait|look|"
                       r"do not|don't|remember)\b|"
                       r"if (?:you|your)\b[^.;:]{0,80},\s*the [\w ]{1,30}? asks? you\b|"
                       r"(?:for|if you need) (?:confidential )?(?:support|help|advice)[^.]{0,40}\b"
                       r"(?:call|contact|visit)\b|"
                       r"help and support (?:is|are) available|"
                       # "Sightings can be reported to Kestle Bird Rescue on 01632 960 225.", "Anyone with information
                       # should call police on 101 ...": a number to ring is no news.
                       r"(?:sightings|information|anyone with information|anyone who (?:sees|spots|finds|has seen)|"
                       r"witnesses|(?:parents|residents|customers|anyone|people) with (?:questions|concerns|queries))\b"
                       r"[^.;]{0,60}?\b(?:can|should|may|"
                       r"is asked to|are asked to) (?:also )?(?:be reported|call|ring|contact|phone)\b[^.;]{0,60}?"
                       r"\b(?:on|via) \+?\d[\d ]{2,}|"
                       # "If you find a seal pup on a beach, keep at least 10 metres away ... and call the ... rescue
                       # line on 01632 960412."
                       r"if you (?:find|see|spot|come across|notice)\b[^.;]{0,120}?\b(?:call|ring|phone|contact)\b"
                       r"[^.;]{0,80}?\b(?:on|via) \+?\d[\d ]{5,}|"
                       # "Citizens Advice can help on 0800 144 8848.", after a question to the reader or not
                       r"(?:(?:do|are|have|has) you\b[^?]{0,80}\?\s+)?[\w' ]{2,40}\bcan help\b[^.;]{0,30}?\bon "
                       r"\+?\d[\d ]{5,})", re.I)
# A word each kind of `_HELPLINE` line holds (the pattern is slow to try: several of its kinds scan 60 characters
# at each line's start), the second set only beside a number to ring or an address to write to.
_HELPLINE_WORDS = look_for((
    "affected by", "if you", "is open", "published", "free", "news agency", "magazine", "paper", "newsletter",
    "journal", "bulletin", "news site", "advertise", "delivered", "delayed", "advice", "available", "on sale",
    "support", "help"))
_HELPLINE_NUMBER_WORDS = look_for(("line", "see page", "can be", "call", "ring", "contact", "phone", "reported"))
_NUMBER_OR_ADDRESS = re.compile(r"[\d@]")
HELPLINE_REACH = 400


def _may_be_helpline(folded: str) -> bool:
    """Whether a line (case-folded) holds what a `_HELPLINE` line must, in the first `HELPLINE_REACH` characters
    (every word it needs comes within about 250): most lines are told apart by this alone."""
    return _HELPLINE_WORDS.search(folded, 0, HELPLINE_REACH) is not None or (
        _NUMBER_OR_ADDRESS.search(folded, 0, HELPLINE_REACH) is not None
        and _HELPLINE_NUMBER_WORDS.search(folded, 0, HELPLINE_REACH) is not None)


_PHOTO_WORD = re.compile(r"photo|image", re.I)
# A caption that ends with its credit: "The cast of The Salt Road rehearsing on the stage. Photo: Théâtre des Marées",
# "Rows of unclaimed suitcases (Getty Images)".
_CREDITED = re.compile(r"[.)]\s*(?:photo(?:graph)?|picture|image)s?\s*(?:[:©]|by\b)\s*[^.]{2,60}\.?$|"
                       r"\bGetty Images\)?\.?$", re.I)
# A fact check's claim and verdict: "The claim: Posts on Facebook say ..." / "Our verdict: False. No flags were
# flying." The claim is no fact; the verdict's reasons are, once its label and rating are cut. One paragraph may
# hold both: "FACT CHECK: A claim that part of the ceiling "fell on the audience" has been shared widely on social
# media. This is false. No plaster fell ..."
_CLAIM_LABEL = re.compile(r"^\W*(?:the )?claim\s*:", re.I)
_VERDICT_LABEL = re.compile(r"^\W*(?:our |the )?(?:verdict|rating)\W*:\s*(?:(?:mostly |partly |largely )?"
                            r"(?:false|true|misleading|unproven|unsupported|incorrect|correct|wrong)\b\W*)?", re.I)
_FACT_CHECK = re.compile(r"^\W*fact[ -]?check\W*:\s*(?:[^.]{0,300}?\.\s*(?:this|that|the claim|it) (?:is|was) "
                         r"(?:false|untrue|wrong|incorrect|misleading|not true)\.\s*)?", re.I)
# An embedded video's transcript: its heading, then cues ("[MUSIC]") and lines with speaker labels, to its end mark.
# A generic label ("REPORTER:", "THEATREGOER:") names no one: those lines are dropped with the cues; a named
# speaker's lines stay, as a transcript's do.
_TRANSCRIPT_HEAD = re.compile(r"^\W*(?:video |audio )?transcript\W*$", re.I)
_TRANSCRIPT_END = re.compile(r"^\W*\[?end of (?:the )?(?:video |audio )?transcript\]?\W*$", re.I)
_CUE = re.compile(r"^\W*\[[A-Z][A-Z ,'’-]{1,40}\]\W*$")
_ROLE_LABEL = re.compile(r"^\W*[A-Z][A-Za-z'’-]+\s*:\s")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "… arrives in Beijing, June 18, 2023." is how wire photos are captioned.
_CAPTION_DATE = re.compile(rf",\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?$")
# A transcript's or an interview's speaker label: a name and a colon at a paragraph's start ("EVA STRAND: Good
# afternoon.", "Clara Benz: The last sleeper ...", "Vasseur: It is cheaper ...", "Q: How much ...?").
# (A label in capitals may give the speaker's post after a comma: "HELEN SCARROW, DIRECTOR, ALDWICK HALL TRUST:".)
_SPEAKER_LABEL = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,4})"
                            r"(?:,\s+[A-Z][A-Z'’.&() ,-]{1,80}?)?:\s+(?=\S)")
_DATELINE = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]+){0,2})"
    # a country after a capitalised place ("ANDØYA, Norway, April 16"), then the date: "June 18", "11 May", either
    # with its year
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=,\s+(?:[A-Z][a-z]+\.?\s+\d|\d)))?"
    # (a weekday may open the date: "CARROWBY, Sunday 14 June 2026 (Northshore Press) -")
    r"(?:,\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][A-Za-z.]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][A-Za-z.]+)(?:,?\s+\d{4})?|"
    r",\s+(?:19|20)\d\d-[01]\d-[0-3]\d|"  # ... or an ISO date: "BRENNICK, 2026-03-04 -"
    r",\s+[0-3]?\d/[0-3]?\d(?:/(?:19|20)?\d\d)?|"  # ... or one in figures: "KESSBY, 15/11 (Pennant Wire) -"
    r",\s+[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)?"  # ... or with dots: "BRENNAU, 21.05.2026 (Rhenpress) -"
    r"(?:\s*\([A-Za-z.' -]{2,40}\))?\s*(?:[:—–]|--|-)\s+(?=[A-Z\"“‘])"
)
# The words a date line is made of, besides digits: months, weekdays, times and "updated"-like labels.
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"\b(?:am|pm|a\.m|p\.m|gmt|utc|bst|cet|est|edt|pst|pdt|st|nd|rd|th|on|at)\b|(?<=\d)(?:am|pm)\b|"
    r"\b(?:published|posted|updated|last updated|first published|date)\b")
_AGENCY_TAIL = re.compile(r"\s*\((?:AP|AFP|Reuters|UPI|PTI|IANS|ANI|Xinhua)\)\s*$")


def _without_agency_tail(line: str) -> str:
    """`line` without a wire agency's tag at its end ("... on Monday (AP)"). The pattern, tried at every space of a
    line, is substituted only in a line that ends in ")" (`\\s` and `str.rstrip` take the same whitespace): 31,000
    lines at 30,000 sentences, 0.17 s before."""
    return _AGENCY_TAIL.sub("", line) if line.rstrip().endswith(")") else line


# A kicker before a headline or an article's first line ("EXCLUSIVE:", "UPDATED:"; "BREAKING:" before a line): how
# the page sold the story, no part of it, and no speaker's label. (A headline keeps "Live:" and "Breaking:", which
# mark a live page's headline for briefer.discover.)
_KICKER = re.compile(r"^(?:(?:BREAKING(?: NEWS)?|LIVE|JUST IN)|EXCLUSIVE|UPDATED?|WATCH|REVEALED|PICTURED|URGENT|"
                     r"DEVELOPING|CONFIRMED|UNCONFIRMED)\s*[:|]\s+(?=(?-i:[A-Z0-9\"“‘']))|"
                     # a wire's slug: "UPDATE 2-Tollmere Leisure chief Carrow to quit ..."
                     r"^(?-i:UPDATE|REFILE|CORRECTED)\s?\d{0,2}\s?-(?=(?-i:[A-Z]))|"
                     # a thread's post number: "1/4 Update on the Calloway Moor fire: ..."
                     r"^\d{1,2}/\d{1,2}\s+(?=(?-i:[A-Z]))", re.I)
_LIVE_KICKER = re.compile(r"(?:BREAKING|LIVE|JUST IN)\b", re.I)


def without_kicker(line: str, headline: bool = False) -> str:
    """`line` without a kicker at its start (a `headline` keeps a live page's)."""
    if ":" not in line[:20] and "|" not in line[:20] and "-" not in line[:12] and "/" not in line[:6]:
        return line
    if headline and _LIVE_KICKER.match(line):
        return line
    return _KICKER.sub("", line, count=1)


# A label that announces an advertisement, on a line of its own, and an advertisement's text after it: a short line
# that opens a sentence (not the rest of one the label cut in two) with a phone number, a web address or a shop's
# call to the reader.
_AD_LABEL = re.compile(r"^\W*advertis(?:e)?ment\W*$", re.I)
_AD_CALL = re.compile(r"\b\d{3,5}[ -]?\d{3}[ -]?\d{3,4}\b|\bwww\.|\.(?:com|co\.uk)\b|"
                      r"\b(?:call|visit|order|book|shop|buy) (?:now|today|online|us)\b|\bfree (?:quote|survey|"
                      r"estimate|trial|delivery|fitting)\b|% off\b", re.I)
AD_WORDS = 25
AD_CHARS = 250  # (longer than any line of AD_WORDS words: the cheap test first)
# An offer no news line makes: "Free survey.", "Call now", "20% off".
# (Without re.I and with no \\b first, the engine tests one character at each place.)
_SALES_PITCH = re.compile(r"[Ff]ree (?:quote|survey|estimate|trial|delivery|fitting)s?\.|(?:[Cc]all|[Oo]rder|[Bb]ook|"
                          r"[Ss]hop|[Bb]uy) (?:now|today)\b|\d% off\b")


# A newsletter's sign-up heading ("Sign up for our What's On newsletter") and the blurb under it ("The best gigs,
# shows and days out, every Thursday.").
_SIGN_UP = re.compile(r"^\W*(?:sign up|subscribe|get|join)\b[^.!?]{0,60}\bnewsletters?\b[^.!?]{0,30}$", re.I)
BLURB_WORDS = 15


def _advert(line: str) -> bool:
    return line[:1].isupper() and len(line.split()) <= AD_WORDS and bool(_AD_CALL.search(line))


def _key(line: str) -> str:
    return " ".join(words(line))


def is_date_line(line: str) -> bool:
    """A line that only gives a date ("15 October 2026", "Tuesday, June 20, 2023 10:15 AM", "Updated: ...")."""
    rest = _DATE_WORDS.sub(" ", line.lower())
    return not re.search(r"[a-z]", rest) and bool(re.search(r"\d", line))


def _is_headline(line: str) -> bool:
    n = len(line.split())
    ends_statement = re.search(r"[.!…][\"'”’)\]]*$", _without_agency_tail(line))
    return (3 <= n <= 20 and not ends_statement and not _CRUMB.search(line) and not _FURNITURE_PHRASE.search(line)
            # neither a date line nor a byline ("By Marek Oja") is the headline
            and not is_date_line(line) and not _CREDIT.match(line))


# Words of a paper's name over its date line, at most.
MASTHEAD_NAME_WORDS = 5
# A crumb's last part this short names a section or a place, not the story.
CRUMB_TAIL_WORDS = 4
# A line this long that ends a statement is the story itself: no headline comes after it.
PROSE_WORDS = 12


def find_title(lines: Sequence[str]) -> str:
    """The headline: the first headline-like line near the top, without any crumb prefix, and above the story's
    first line of prose (a "Related: ..." teaser at the foot of a short story is no headline)."""
    head = [_CRUMB.split(line)[-1].strip() for line in lines[:8]]
    for k, line in enumerate(head):
        if line != lines[k].strip() and len(line.split()) <= CRUMB_TAIL_WORDS:
            continue  # a crumb's last part, a section or a place: "News | Marham St Edith"
        if RELEASE_LABEL.match(line) or (issuer_line(line) and beside_label(head, k)):
            continue  # a release's label ("FOR IMMEDIATE RELEASE", "OFFICIAL STATEMENT") and its issuer's name
        if k and is_paper_name(head[k - 1]) and _PAPER_TAGLINE.match(line):
            continue  # a paper's tagline under its name: "The English-language weekly for the Rass valley"
        if masthead_with_tagline(lines[k]):
            continue  # ... or beside it: "THE HARBURY CHRONICLE | Your town, your news since 1871"
        if _is_headline(line) and not _TEASER.match(line) and not EMBARGO.match(line) and not is_masthead(line) \
                and not is_paper_name(line):
            # A paper's name over its date, then the headline: "Brackenford Evening Post" / "Tuesday 8 December
            # 2026, 6.05pm" / "Storm Oriel topples ...".
            # (... a release's label between them aside: "Coldmoor Airfield, Brackenfold" / "Thursday 18 June 2026" /
            # "FOR IMMEDIATE RELEASE" / "Gliding club to resume flying on Saturday after accident".)
            after = k + 2
            while after < len(head) - 1 and RELEASE_LABEL.match(head[after]):
                after += 1
            # (... or over a breadcrumb: "Oakbridge Evening Post" / "Home > Sport > Football" / "Oakbridge United
            # in advanced talks to sign ...".)
            over = k + 1 < len(head) and (is_date_line(head[k + 1]) or (
                k == 0 and head[k + 1] != lines[k + 1].strip() and names_paper(line)))
            if after < len(head) and over and _is_headline(head[after]) \
                    and len(line.split()) <= MASTHEAD_NAME_WORDS:
                return without_kicker(head[after], headline=True)
            return line
        if len(line.split()) >= PROSE_WORDS and _TERMINAL.search(line):
            break
    return ""


# A heading over someone's answers, each a quotation under a label of its topic ("## What Aukland said" / "**On
# Ashbrook's injury:** "When I saw him go down ..."): the quotations are that person's.
_SAID_HEADING = re.compile(r"^(?:[Ww]hat|[Hh]ow) (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}) "
                           r"(?:said|told (?:us|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}))\s*:?$")
# A paragraph that is one quotation and nothing else.
_ONLY_QUOTED = re.compile(r"^[\"“][^\"“”]{2,}[\"”]$")


_PAPER_TAGLINE = re.compile(r"^(?:the|your|[A-Z][\w'’-]+'s)\b[^.!?]{0,60}\b(?:weekly|daily|newspaper|paper|voice|"
                            r"magazine|station|news|journal)(?: (?:for|of|in|from|since)\b[^.!?]{0,50})?$", re.I)


def _restates(key: str, title_words: set[str]) -> bool:
    """Whether a line restates the title; `key`: the line's non-empty `_key` (its words, space-joined)."""
    line_words = set(key.split(" "))
    return bool(title_words) and len(line_words & title_words) >= TITLE_OVERLAP * max(len(line_words), 1)


# A live page's time stamp before an entry: "07:05 — Flights ...", "UPDATE 11:02 — Another drone ...".
_TIME_STAMP = re.compile(r"^(?:(?:UPDATE|Update|BREAKING|Breaking|LATEST|Latest)\s*:?\s+)?\d{1,2}[:.]\d{2}"
                         r"(?:(?:\s*(?:a\.m\.|p\.m\.|am|pm|[A-Z]{3,4}))?\s*(?:[—–-]+|(?<=m):)\s+|"
                         # ... or a recap's entry with no dash: "1.40pm Linewise said its engineers had found ..."
                         r"\s*(?:a\.m\.|p\.m\.|am|pm)\s+)(?=[A-Z\"“‘])")
# A live page's entry stamp on a line of its own: "16:40", "Yesterday 23:50", "4.10pm", "09:15 BST".
_CLOCK_LINE = re.compile(r"^(?P<yesterday>yesterday,?\s+)?(?:today,?\s+)?(?:at\s+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})"
                         r"\s*(?P<half>a\.?m\.?|p\.?m\.?)?(?:\s*[A-Z]{3,4})?$", re.I)
# ... and an update's label with its time: "Update, 4.10pm: ...", "UPDATE 16:10 - ..."
_UPDATE_CLOCK = re.compile(r"^(?:update|updated|latest)\s*,?\s*(?:at\s+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})"
                           r"\s*(?P<half>a\.?m\.?|p\.?m\.?)?", re.I)
# A label over a live page's untimed box: what follows it has no entry's time.
_UNTIMED_LABEL = re.compile(r"^(?:pinned(?: post)?|key (?:events|points|updates)|summary|in brief|at a glance|"
                            r"what we know(?: so far)?)\s*:?$", re.I)


def _minutes(m: re.Match[str]) -> int | None:
    """Minutes from midnight of a stamp's hour and minute (12-hour with "am"/"pm"); None when no time of day."""
    hour, minute = int(m["h"]), int(m["m"])
    half = (m["half"] or "").replace(".", "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute - (1440 if m.groupdict().get("yesterday") else 0)


def _clock_of(line: str) -> tuple[int | None, bool]:
    """The time a line stamps (`_CLOCK_LINE`, `_TIME_STAMP`, `_UPDATE_CLOCK`), and whether it is an update's label."""
    bare = line.strip(" *_#>")
    if (m := _CLOCK_LINE.match(bare)) is not None:
        return _minutes(m), False
    if (m := _UPDATE_CLOCK.match(bare)) is not None:
        return _minutes(m), True
    if _TIME_STAMP.match(bare) and (m := re.match(r"(?:\D*?)(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<half>a\.m\.|p\.m\.|"
                                                  r"am|pm)?", bare)) is not None:
        return _minutes(m), False
    return None, False


# Where a press release's own text ends ("ENDS", "###", "-30-") or, in a release, its boilerplate begins ("About
# Helmby Airport", "Notes to editors"): nothing after it is news.
_END_MARK = re.compile(r"^[-–—]*\s*(?:ENDS|END|###|-30-)\s*[-–—]*$")
_RELEASE_TAIL = re.compile(r"^(?:Notes? (?:to|for) editors:?|About (?:[A-Z][\w&'’.-]*\s?){1,6})$")
# A release's boilerplate heads, in any article: they head nothing but the issuer's disclaimers and contacts.
_BOILERPLATE_HEAD = re.compile(r"^(?:(?:forward-looking|cautionary) (?:statements?|information)|"
                               r"cautionary (?:note|statement|language)s? (?:regarding|about|on|concerning) "
                               r"forward-looking (?:statements?|information)|"
                               r"safe harbou?r statement|(?:media|press|investor) (?:contacts?|enquiries|inquiries))"
                               r"(?:\s*:|\.?$)", re.I)
# ... and the heading of readers' comments under an article: "Comments", "Comments (12)", "Join the discussion".
_COMMENTS_HEAD = re.compile(r"^(?:(?:reader|readers'?|your) )?comments?(?: \(\d+\))?|\d+ comments?|"
                            r"join the (?:discussion|conversation)|what (?:our )?readers (?:say|said)$", re.I)
# The longest such line: a heading alone, or a contact line ("Media contact: Per Holm, head of communications, +47
# 900 00 000" is ten words).
BOILERPLATE_HEAD_WORDS = 14


def _release_end(lines: Sequence[str]) -> int:
    """How many lines an article's own text runs to: a press release's ends at its end mark or its boilerplate
    (all of them for any other article). A release not marked as one ends there too when its boilerplate says so:
    a heading of disclaimers or contacts, or "About Halvard Foods" over a paragraph that opens with the name."""
    release = any(RELEASE.match(line.strip()) for line in lines[:HEAD_LINES])
    for k, line in enumerate(lines):
        line = line.strip()
        if not k:
            continue
        if _END_MARK.match(line) or (release and (_RELEASE_TAIL.match(line) or ABOUT.match(line))):
            return k
        # (A "COMMENT" label at the head of the page names an opinion piece, not its readers' comments below.)
        if (_BOILERPLATE_HEAD.match(line) and len(line.split()) <= BOILERPLATE_HEAD_WORDS) \
                or (_COMMENTS_HEAD.fullmatch(line.strip(" *#_:")) and not (k < HEAD_LINES and line.strip(
                    " *#_:").casefold() == "comment")):
            return k
        about = ABOUT.match(line)
        name = about.group(1) if about else None
        if name and k + 1 < len(lines) and lines[k + 1].startswith(name.strip()):
            return k
    return len(lines)


# A pointer to what follows at a paragraph's end: "Here is what it means for you.", "Here's what we know so far:".
_POINTER = re.compile(r"(?:(?<=[.!?])\s+|^)Here(?:'s|’s| is| are) (?:what|how|everything|all)\b[^.!?:]{0,60}[.:]\s*$")


def _strip_tags(line: str) -> str:
    line = _UPDATE_LABEL.sub("", _TIME_STAMP.sub("", line, count=1), count=1)
    if "Here" in line:
        line = _POINTER.sub("", line)
    line = _PHOTO_TAG.sub(lambda m: "" if _PHOTO_WORD.search(m.group()) else m.group(), line)
    if _PHOTO_WORD.search(line) or "icture" in line or "Pic" in line:
        line = _INLINE_CREDIT.sub("", line)
    if "(" in line or "[" in line:
        line = _PRINTED_REFERENCE.sub("", line)
    line = LEAD_TAG.sub("", line, count=1)  # "(Valley Wire) About 4,000 homes ...": the outlet is kept apart
    dateline = _DATELINE.match(line)  # ... and a dateline may follow it: "(Northern Counties Wire) LINMOUTH, June 4 -"
    if dateline:
        prefix = dateline.group(0)
        # Only ALL-CAPS place names, a colon or a date with its figures mark a dateline ("Aldercaster, 6 October 2026
        # - "); "Mr. Wang - who ..." must survive.
        place = re.split(r"[\s(:—–-]", prefix.strip())[0]
        if place.isupper() or ":" in prefix or "(" in prefix or any(c.isdigit() for c in prefix):
            line = line[dateline.end():]
    return _without_agency_tail(line).strip()


def _holds_furniture_word(folded: str) -> bool:
    return _FURNITURE_LOOK.search(folded) is not None


def _is_furniture(line: str) -> bool:
    n = len(line.split())
    punctuated = bool(_TERMINAL.search(line))
    folded = line.casefold()
    crumb = _CRUMB_MARK.search(line) or folded.startswith(("home", "you are here"))
    if crumb and _CRUMB.search(line) and (n <= 12 or line.count("»") + line.count("›") + line.count("|") >= 2):
        return True
    # Word counts first: most lines are long prose, and these patterns are slow to search.
    if (n <= FURNITURE_MAX_PHRASE_WORDS and _holds_furniture_word(folded) and _FURNITURE_PHRASE.search(line)) \
            or _TEASER.match(line) or EMBARGO.match(line) or is_provenance(line) or _is_note(line) \
            or (_may_be_helpline(folded) and _HELPLINE.match(line.lstrip(" *_"))):
        return True
    if n <= 25 and (_CREDIT.search(line) or _CAPTION_DATE.search(line) or _CREDITED.search(line)):
        return True
    # (A line that introduces the quotation under it is the article's: "Gareth Ollerenshaw, Route Director, Western
    # Fells, said:".)
    return not punctuated and n < SHORT_LINE_WORDS and not _SAYS_BELOW.search(line)


# A speech verb and a colon at a line's end: the quotation follows on the next line.
_SAYS_BELOW = re.compile(r"\b(?:said|says|added|adds|commented|explained|stated|told [\w ]{2,30}):\s*$")


def is_provenance(line: str) -> bool:
    """Whether `line` says where a translated article first appeared (`PROVENANCE`)."""
    bare = line.strip(" *_")
    return bool(bare) and len(bare.split()) <= PROVENANCE_WORDS and PROVENANCE.match(bare) is not None


def _is_note(line: str) -> bool:
    """An editor's note about the article ("Correction: ...", "Update: this story has been updated to ..."), or an
    update's label alone."""
    bare = _UPDATE_LABEL.sub("", _TIME_STAMP.sub("", line, count=1), count=1)
    # (after a dateline too: "BRENNOCK, April 15 (Northwire) - Editor's note: An earlier version ...")
    return bool(_EDITORS_NOTE.match(bare) or _EDITORS_NOTE.match(_DATELINE.sub("", bare, count=1))) \
        or (_UPDATE_LABEL.match(line) is not None and not bare.strip())


def _is_bio(line: str, position: int, total: int) -> bool:
    """An author box at the end of the article."""
    return position >= total - 2 and len(line.split()) <= BIO_MAX_WORDS and bool(_BIO.search(line))


_POST_SIGNATURE = re.compile(r"^[—–-]+\s*[^()\n]{2,60}\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|"
                             r"\d{1,2} [A-Z][a-z]+ \d{4})?\s*(?:pic\.(?:x|twitter)\.com/\S+\s*)?$")
# ... and the post's picture link, on a line of its own ("pic.x.com/w7Rk2fQa9").
_POST_PICTURE = re.compile(r"^pic\.(?:x|twitter)\.com/\S+$")


def _boxes_read(lines: list[str], keys: list[str]) -> tuple[list[str], list[str]]:
    """The lines with a fact check's claim and rating and an embedded video transcript's cues and unnamed speakers
    cut (`_CLAIM_LABEL`, `_TRANSCRIPT_HEAD`); a line cut whole keeps its place, empty."""
    verdicts = any(_VERDICT_LABEL.match(line) for line in lines)
    out = list(lines)
    in_transcript = False
    for k, line in enumerate(lines):
        if _TRANSCRIPT_HEAD.match(line):
            in_transcript, out[k] = True, ""
        elif in_transcript:
            if _TRANSCRIPT_END.match(line) or _CUE.match(line):
                out[k] = ""
                in_transcript = not _TRANSCRIPT_END.match(line)
            elif (m := _ROLE_LABEL.match(line)) and " " not in m.group().strip(" :>*"):
                out[k] = ""
            elif not _SPEAKER_LABEL.match(line.lstrip("> *")):
                in_transcript = False
        elif verdicts and _CLAIM_LABEL.match(line):
            out[k] = ""
        elif verdicts and _VERDICT_LABEL.match(line):
            out[k] = _VERDICT_LABEL.sub("", line, count=1)
        elif _FACT_CHECK.match(line):
            out[k] = _FACT_CHECK.sub("", line, count=1)
    if out == lines:
        return lines, keys
    return out, [key if new == old else _key(new) for new, old, key in zip(out, lines, keys, strict=True)]


def clean_document(doc: Document, furniture: set[str], keys: Sequence[str] | None = None,
                   retracted: Sequence[Retracted] = ()) -> Document:
    """One document without its boilerplate lines; `furniture` holds keys of short lines seen in other sources.

    `keys`: each line's `_key`, when the caller has them already; `retracted`: claims an outlet retracted, whose
    sentences are cut wherever they stand (`retracted_claims`).
    """
    lines = [without_kicker(line) for line in doc.paragraphs]
    keys = [_key(line) for line in lines] if keys is None else \
        [key if line is raw else _key(line) for line, raw, key in zip(lines, doc.paragraphs, keys, strict=True)]
    end = _release_end(lines)
    lines, keys = lines[:end], keys[:end]
    # An embedded social post: its signature line and the post above it are someone's post, not the article's
    # reporting ("The hall stays open until every camper has a way home." / "— Ida Wren (@idawren) July 10, 2026").
    # (A picture link on a line of its own, "pic.x.com/...", is read as no line: the post stands above its signature.)
    read = [j for j, line in enumerate(lines) if not _POST_PICTURE.match(line.strip())]
    posts = {read[k] for j, at in enumerate(read) if _POST_SIGNATURE.match(lines[at]) for k in (j - 1, j) if k >= 0}
    if posts or len(read) < len(lines):
        lines, keys = [lines[j] for j in read if j not in posts], [keys[j] for j in read if j not in posts]
    lines, keys = _boxes_read(lines, keys)
    if listed := _links_listed(lines):
        lines, keys = [line for j, line in enumerate(lines) if j not in listed], \
            [key for j, key in enumerate(keys) if j not in listed]
    title = without_kicker(doc.title or find_title(lines), headline=True)
    title_words = set(words(title))
    repeats = Counter(keys)
    labels = _speaker_labels(lines)
    wrong = _corrected(lines)
    withdrawn = _clarified(lines)
    kept: list[str] = []
    speakers: list[str] = []
    clocks: list[int | None] = []
    clock: int | None = None  # the stamp of the entry read, on a live page
    updates = entries = False  # an article's update labels; a live page's entry stamps
    seen: set[str] = set()
    heard = ""  # the speaker a "What X said" heading names, for the quotations under it
    heards: list[str] = []
    for position, (raw, key) in enumerate(zip(lines, keys, strict=True)):
        own = None  # an update's time, for its own paragraph only
        if raw[:1].isdigit() or raw[:1] in "UuLlYy":
            stamp, update = _clock_of(raw)
            if update:
                own, updates = stamp, True
            elif stamp is not None:
                clock, entries = stamp, True
        if clock is not None and len(raw) < 40 and _UNTIMED_LABEL.match(raw.strip(" *_#>")):
            clock = None
        if not key or key in seen:
            continue
        if position and len(raw.split()) <= BLURB_WORDS and _SIGN_UP.match(lines[position - 1]):
            continue  # a newsletter's blurb under its sign-up heading
        if position and _AD_LABEL.match(lines[position - 1]) and _advert(raw):
            continue  # the advertisement the label announced: "Werin Valley Carpets - fitted in a day. Call ..."
        if len(raw) <= AD_CHARS and ("ree " in raw or " now" in raw or " today" in raw or "% off" in raw) \
                and _SALES_PITCH.search(raw) and _advert(raw):
            continue  # ... or one whose label the page's extraction lost: "Garden rooms built in 10 days. Free survey."
        seen.add(key)
        if (said := _SAID_HEADING.match(raw.strip(" *_#"))) is not None:
            heard = said["name"]  # "What Aukland said": the quotations under it are his
            continue
        if not _ONLY_QUOTED.match(raw.strip()):
            heard = ""
        label = _SPEAKER_LABEL.match(raw)
        name, asks = labels.get(label.group(1), ("", False)) if label else ("", False)
        if asks:
            continue  # an interviewer's question, and what the question puts to the one who answers
        if _is_furniture(raw) or key in furniture or _is_bio(raw, position, len(lines)) or _wrong(raw, wrong) \
                or position in withdrawn or (position < HEAD_LINES and is_masthead(raw)):
            continue
        if repeats[key] > 1 and not _TERMINAL.search(raw):
            continue
        if title and _restates(key, title_words):
            continue
        start = label.end() if label else 0
        if name and label and label.group(1) == "A" and (answerer := _SPEAKER_LABEL.match(raw[start:])) \
                and " " in answerer.group(1):
            # An answer that names who gives it: "A: Marcus Fenn: We don't know yet." (a panel's, not the first
            # speaker's).
            name, start = _LABEL_TITLE.sub("", answerer.group(1)), start + answerer.end()
        line = double_quoted(_strip_tags(raw[start:] if name and label else raw))
        if retracted and line:
            line = _without_retracted(line, retracted)
        if line:
            kept.append(line)
            speakers.append(name)
            heards.append(heard)
            clocks.append(own if own is not None else clock)
    # (An editor's note that puts a quotation's speaker right leaves the text, and is kept for the key quotes.)
    amends = tuple(line for line in doc.paragraphs if "make clear" in line and AMENDED_SPEAKER.search(line))
    if updates and not entries:  # (an article's text below its update is older than it; a live page's summary is not)
        clocks = [BEFORE_UPDATES if c is None else c for c in clocks]
    return replace(doc, title=title, paragraphs=tuple(kept), speakers=tuple(speakers) if any(speakers) else (),
                   amends=amends, clocks=tuple(clocks) if sum(c is not None for c in clocks) >= 2 else (),
                   heard=tuple(heards) if any(heards) else (),
                   opinion=is_opinion(title, lines[:HEAD_LINES]))


# An opinion piece's headline label ("Opinion: ...", "The Courier's view: ...", "Our view | ...") and a label line
# at its head ("Editorial", "Brennick Courier, Friday 6 March 2026 - Editorial", "Comment | Jo Hale").
_OPINION_TITLE = re.compile(r"^(?:opinion|editorial|comment|leader|column|our view|op-ed|(?:your |readers['’]? |"
                            r"reader )?letters?)\s*[:|–—-]|"
                            r"^(?:the )?[\w'’ ]{0,30}(?:['’]s) view\s*[:|–—-]", re.I)
_OPINION_LABEL = re.compile(r"(?:^|[,|·•—–>»›/-]\s*)(?:opinion|editorial|comment|leader|column|op-ed|our view|"
                            r"letters)\s*(?:$|[|·•—–>»›/-])", re.I)
# A label line is short: a masthead, not a sentence that says "comment".
OPINION_LABEL_WORDS = 12


def is_opinion(title: str, head: Sequence[str]) -> bool:
    """Whether a document is an opinion piece, by its headline or a short label line at its head: its views are
    no news (it may still corroborate facts the news reports)."""
    return bool(_OPINION_TITLE.search(title.strip())) or any(
        len(line.split()) <= OPINION_LABEL_WORDS and _OPINION_LABEL.search(line.strip(" *_#")) for line in head)


# A correction that gives the wrong figure and the right one: "Correction: an earlier entry said 40 people were
# injured at the Kvitt lift station; the figure is 14."
_CORRECTION = re.compile(r"\b(?:said|gave|reported|put)\b[^;.]{0,80}?(?<![\d,.])(\d[\d,]*)\b[^;]{0,80}?[;,]\s*"
                         r"(?:the (?:correct |right )?(?:figure|number|toll|total) (?:is|was)|"
                         r"it should have (?:said|been)|(?:he|she|it|they) (?:is|was|are|were))\s+(\d[\d,]*)", re.I)


# ... or an update that gives the right figure and the wrong one: "Update, 5pm: Police now say four paintings were
# taken, not three."
_COUNT_WORD = r"\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_NOW_NOT = re.compile(rf"\b(?:now|later) (?:say|says|said|put|puts|report|reports|give|gives)\b[^;.]{{0,80}}?"
                      rf"\b({_COUNT_WORD})\b[^;.]{{0,60}}?,\s*not\s+({_COUNT_WORD})\b", re.I)


def _corrected(lines: Sequence[str]) -> list[tuple[str, set[str]]]:
    """The wrong figures a document's corrections and updates name, each with the content words of its note."""
    out = []
    for line in lines:
        bare = _TIME_STAMP.sub("", line, count=1)
        m = _CORRECTION.search(bare) if _EDITORS_NOTE.match(bare) else None
        if m and m.group(1) != m.group(2):
            out.append((m.group(1), set(content_stems(bare[:m.start(2)])) - set(content_stems(m.group(1)))))
        now = _NOW_NOT.search(bare) if _UPDATE_LABEL.match(bare) else None
        if now and now.group(1).lower() != now.group(2).lower():
            note = set(content_stems(bare[:now.start(2)])) - set(content_stems(now.group(1)))
            out.append((now.group(2), note))
    return out


# A clarification that points at a paragraph above it: "Clarification: The paragraph above about the charging points
# was not intended to suggest ...", "Clarification: The August closure mentioned above was caused by ...".
_CLARIFIES = re.compile(r"^\W*clarification\s*[:(-]\s*(?:the paragraph (?:above )?(?:about|on) "
                        r"(?P<about>[^,;.]{3,80}?) (?:was|is|did|has)\b|"
                        r"(?:the|this|our) (?P<named>[^,;.]{3,80}?) (?:mentioned|referred to|described|reported) "
                        r"(?:above|earlier)\b)", re.I)


def _clarified(lines: Sequence[str]) -> set[int]:
    """The positions of the paragraphs a clarification note withdraws: the one paragraph above the note that shares
    the most of the content words of what the note points at (its only sharer, or the one sharing more than any)."""
    out = set()
    for at, line in enumerate(lines):
        m = _CLARIFIES.match(line) if "larification" in line else None
        if not m:
            continue
        pointed = set(content_stems(m["about"] or m["named"]))
        shared = sorted(((len(pointed & set(content_stems(lines[j]))), j) for j in range(at)), reverse=True)
        if shared and shared[0][0] and (len(shared) == 1 or shared[0][0] > shared[1][0]):
            out.add(shared[0][1])
    return out


@dataclass(frozen=True, slots=True)
class Retracted:
    """A claim an outlet retracted ("We reported earlier that ... This was incorrect."): its content stems, and the
    names and figures a sentence must give to restate it."""

    content: frozenset[str]
    required: frozenset[str]
    share: float = RETRACTED_SHARE


# A figure as a retracted claim and a sentence are compared on it: "64", "1,200,000", "1.2".
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _claim(claim: str, share: float = RETRACTED_SHARE) -> Retracted:
    """A claim as a sentence must restate it: its content stems, and its names and figures."""
    names = {stem(w.lower()) for w in re.findall(r"(?<!^)\b[A-Z][a-z]+", claim)}
    return Retracted(frozenset(content_stems(claim)), frozenset(names | set(_FIGURE.findall(claim))), share)


def retracted_claims(docs: Sequence[Document]) -> tuple[Retracted, ...]:
    """The claims the documents' retraction notes say were wrong."""
    out = []
    for doc in docs:
        for line in doc.paragraphs:
            out += [_claim(belief["claim"], BELIEF_SHARE) for belief in _FIRST_BELIEF.finditer(line)] \
                if " now " in line else []
            out += [_claim(removed["claim"]) for removed in _REMOVED_CLAIM.finditer(line)] \
                if "we have" in line.lower() else []
            if "that" not in line and "orrection" not in line[:30] and "orrect figure" not in line \
                    and "arlier version" not in line:
                continue
            bare = _TIME_STAMP.sub("", line, count=1).strip(" *_")
            m = (_RETRACTED.match(bare) if "that" in line else None) or _CORRECTED_CLAIM.match(bare) \
                or _CORRECTED_FIGURE.match(bare)
            if m:
                out.append(_claim(m["claim"]))
            elif "arlier version" in line and (amended := _AMENDED_CLAIM.match(bare)):
                out.append(_claim(_ASIDE_INCLUDING.sub("", amended["claim"])))
    return tuple(out)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘A-Z])")
_FIRST_BELIEF_WORDS = re.compile(_BELIEF_LEAD + r")\b", re.I)  # the belief told as one


def _without_retracted(line: str, claims: Sequence[Retracted]) -> str:
    """`line` without the sentences that restate a retracted claim (all its names and figures, and
    RETRACTED_SHARE of its content words)."""
    kept = []
    for sentence in _SENTENCE_END.split(line):
        mine = set(content_stems(sentence)) | set(_FIGURE.findall(sentence))
        # (The sentence that tells the belief as a belief stays: "Organisers initially believed ...".)
        # (A short claim with no figure, its every word: "the injured girl was from Carrowby" is not restated by "...
        # the Carrowby Kite Weekend was called off ..., injuring 11 people".)
        if _FIRST_BELIEF_WORDS.search(sentence) or not any(
                c.required <= mine and len(c.content & mine) >= (
                    c.share * len(c.content) if any(_FIGURE.fullmatch(r) for r in c.required)
                    else max(c.share * len(c.content), min(len(c.content), 3)))
                for c in claims):
            kept.append(sentence)
    return " ".join(kept)


def _wrong(line: str, wrong: Sequence[tuple[str, set[str]]]) -> bool:
    """Whether `line` gives a figure a correction says was wrong (the figure, and a word of the correction's)."""
    return any(re.search(rf"(?<![\d,.])\b{re.escape(figure)}\b(?!\d|,\d)", line, re.I)
               and note & set(content_stems(line)) and not _EDITORS_NOTE.match(_TIME_STAMP.sub("", line, count=1))
               and not _UPDATE_LABEL.match(line) for figure, note in wrong)


def _speaker_labels(lines: Sequence[str]) -> dict[str, tuple[str, bool]]:
    """A transcript's or an interview's speaker labels: each label's speaker, as the text writes the name, and
    whether that speaker asks the questions. A speaker's labels open two paragraphs or more and share a last name
    ("Clara Benz:", "Benz:"), one of them in full or in capitals (so that a one-off "BEIJING: ..." stays a dateline
    and a live page's "Update: ..." names no one); "Q:" asks. The one whose paragraphs are mostly questions asks."""
    said: dict[str, list[tuple[str, str]]] = {}
    for line in lines:
        if (m := _SPEAKER_LABEL.match(line)):
            said.setdefault(m.group(1).split()[-1].casefold(), []).append((m.group(1), line[m.end():]))
    text = "\n".join(lines)
    out = {}
    for group in said.values():
        labels = {label for label, _ in group}
        full = max(labels, key=len)
        if full == "Q":
            out[full] = ("", True)  # a question, however few
            continue
        if full == "A" and "q" in said:
            # The answers of a "Q:" / "A:" interview: the words of the person its introduction names first ("Mick
            # Danvers, 51, from Felbeck, was driving ... He spoke to Vale FM's Hari Dosanjh.").
            first_q = next(k for k, line in enumerate(lines) if line.startswith("Q:"))
            named = [name for line in lines[:first_q] for _, _, name in names_in(line)]
            if named:
                out[full] = (named[0], False)
            continue
        asks = 2 * sum(words_said.rstrip("*_ ").endswith("?") for _, words_said in group) > len(group)
        if len(group) < 2 or (" " not in full and not (full.isupper() and len(full) >= 3)):
            continue
        # The name as the text writes it outside the labels ("EVA STRAND" is "Eva Strand" in the standfirst).
        rest = "\n".join(line for line in text.split("\n") if not line.startswith(full + ":"))
        written = re.search(rf"\b{re.escape(full)}\b", rest, re.I)
        name = (written.group() if written and not written.group().isupper()
                else full.title() if full.isupper() else full)
        name = _named_in(name, rest)
        for label in labels:
            out[label] = (name, asks)
    return out


# A courtesy title or a rank before a surname in a speaker's label ("Ms Varley:", "Captain Keverne:").
_LABEL_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Captain|Capt|Cllr|Councillor|Sir|Dame|Rev|Inspector|"
                          r"Sergeant|Chief|Judge)\.?\s+", re.I)
# Words between a role and its holder's name: "the harbour master, Captain Tomas Keverne", "harbour master Tomas ...".
ROLE_REACH = 25


def _named_in(label: str, text: str) -> str:
    """The person a speaker's label stands for, as the text names them in full: "Ms Varley" is "Dana Varley" (a
    full name that ends with the label's surname), "harbour master" is "Tomas Keverne" (the name right after the role
    in the text: "the harbour master, Captain Tomas Keverne"); else the label as it is."""
    if (titled := _LABEL_TITLE.match(label)) and " " not in (surname := label[titled.end():]):
        full = [name for _, _, name in names_in(text) if name.split()[-1] == surname and len(name.split()) >= 2
                and not _LABEL_TITLE.match(name)]
        return full[0] if full else label
    if label.islower():
        for m in re.finditer(rf"\b{re.escape(label)}\b", text, re.I):
            after = text[m.end(): m.end() + ROLE_REACH + 30]
            named = [(at, name) for at, _, name in names_in(after) if at <= ROLE_REACH and len(name.split()) >= 2]
            if named:
                return named[0][1]
    return label


def shared_furniture(docs: Sequence[Document]) -> tuple[list[list[str]], set[str]]:
    """Each document's line keys, and the keys of the short lines that several sources share (site furniture):
    the one step of cleaning that reads every document; `clean_document` then cleans each on its own."""
    keys = [[_key(line) for line in doc.paragraphs] for doc in docs]
    per_source = Counter(key for doc_keys in keys for key in set(doc_keys))
    furniture = {key for key, n in per_source.items()
                 if n > 1 and len(key.split()) <= FURNITURE_MAX_WORDS and len(docs) > 1}
    return keys, furniture


def clean_corpus(docs: Sequence[Document]) -> list[Document]:
    """Every document cleaned; short lines that several sources share count as site furniture."""
    keys, furniture = shared_furniture(docs)
    retracted = retracted_claims(docs)
    return [clean_document(doc, furniture, doc_keys, retracted) for doc, doc_keys in zip(docs, keys, strict=True)]
