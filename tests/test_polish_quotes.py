"""QA #12: a quotation that continues an attributed one takes its speaker; an organisation that speaks is not
"(not named)"; nothing is quoted or credited from a machine-paraphrased copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from briefer.people import who_is_who
from briefer.pipeline import split_document
from briefer.quotes import Said, key_quotes, ranked_quotes
from briefer.story import read_story
from tests.helpers import make_doc

TEXTS = [
    (1, "Lina Varga, the head of the ferry workers' union, spoke at the quay on Tuesday."),
    (1, "Members stayed out for a second day. \"Not one boat left the harbour this morning,\" Varga said. "
        "\"The owners have to talk to us now.\""),
    (2, "\"We remain committed to a fair settlement for every crew member,\" the Transport Ministry said."),
]


def test_a_second_quotation_after_an_attributed_one_has_the_same_speaker() -> None:
    said = [Said(source, i, i, text) for i, (source, text) in enumerate(TEXTS)]
    # (The second, of the same paragraph, is one statement with the first: a spare, printed when the list is short.)
    chosen, spares = ranked_quotes(said, who_is_who(TEXTS), spare=5)
    quotes = {q.text: q for q in (*chosen, *spares)}
    assert quotes["Not one boat left the harbour this morning"].speaker == "Lina Varga"
    assert quotes["The owners have to talk to us now"].speaker == "Lina Varga"  # and no closing full stop


def test_a_lone_quotation_after_an_unattributed_sentence_stays_unnamed() -> None:
    texts = [(1, "The strike went on. \"Nobody will sail before Friday at the earliest.\"")]
    quotes = key_quotes([Said(1, 0, 0, texts[0][1])], who_is_who(texts))
    assert [q.speaker for q in quotes] == [""]


def test_an_organisation_that_speaks_is_printed_as_itself_not_as_an_unnamed_speaker() -> None:
    said = [Said(source, i, i, text) for i, (source, text) in enumerate(TEXTS)]
    quote = next(q for q in key_quotes(said, who_is_who(TEXTS)) if q.text.startswith("We remain"))
    assert quote.speaker == "" and quote.context == "the Transport Ministry" and quote.body


ORIGINAL = [
    'Rare beetle found in Dunmore woods',
    'By Kit Adler, Valley Times',
    'A rare stag beetle that naturalists had not recorded in the county for forty years has been found in '
    'Dunmore Wood, the Dunmore Trust said on Monday.',
    'Petra Holm, an entomologist who surveyed the wood for the trust, found three adults under a fallen '
    'oak.',
    '"One careless collector could take the whole colony in an afternoon," said Holm. "We are keeping the '
    'exact place to ourselves."',
    'The trust has closed the path that runs past the oak and will not say where the beetles live.',
    'Naturalists believe the beetle survived because the dead wood was left to rot where it fell for '
    'decades.',
]

SPUN = [
    'Uncommon insect discovered in Dunmore timberland',
    'By Staff, Nature Newswire',
    'An uncommon stag insect that nature lovers had not logged in the region for forty years has been '
    'discovered in Dunmore Wood, the Dunmore Trust stated on Monday.',
    'Petra Holm, a bug scientist who reviewed the timberland for the trust, discovered three grown-ups '
    'under a fallen oak.',
    '"One reckless gatherer could seize the entire settlement in an evening," said Holm. "We are guarding '
    'the precise spot to ourselves."',
    "The trust has shut the way that runs past the oak and won't say where the insects reside.",
    'Nature lovers accept the insect endured on the grounds that the dead timber was left to decay where '
    'it fell for quite a long time.',
]

OTHER = [
    'Beetle find lifts hopes for old woods',
    'The Dunmore Trust said on Monday that a stag beetle last recorded in the county four decades ago had '
    'turned up in Dunmore Wood.',
    'Petra Holm said the find showed that leaving fallen trees alone works. "Dead wood is a living '
    'thing," she said.',
    'The trust hopes to survey two more woods next summer.',
]


def test_no_quote_or_role_comes_from_a_machine_paraphrased_copy() -> None:
    documents = [make_doc(paragraphs[2:], sid) for sid, paragraphs in enumerate((ORIGINAL, SPUN, OTHER), 1)]
    sentences = [s for i, d in enumerate(documents) for s in split_document(i, d)]
    everything = range(len(sentences))
    day = dt.date(2026, 5, 12)
    trusting = read_story(documents, sentences, everything, day)
    # Without the flag the spun copy is read for people like any other source: the test can fail.
    assert {p.name: p.sources for p in trusting.people}["Petra Holm"] == (1, 2, 3)
    story = read_story(documents, sentences, everything, day, spun={1})
    assert story.quotes and all(2 not in q.sources for q in story.quotes)
    texts = " ".join(q.text for q in story.quotes)
    assert "reckless gatherer" not in texts and "guarding the precise spot" not in texts
    holm = next(p for p in story.people if p.name == "Petra Holm")
    assert holm.sources == (1, 3) and "bug scientist" not in holm.role


def test_a_paragraph_that_opens_with_a_quotation_continues_the_previous_attributed_one() -> None:
    texts = [(1, "Lina Varga, the head of the ferry workers' union, spoke at the quay on Tuesday."),
             (1, "\"Not one boat left the harbour this morning,\" Varga said."),
             (1, "\"The owners know where to find us when they are ready to talk.\""),
             (1, "The owners did not reply."),
             (1, "\"Nobody has called us about a new date for the talks yet.\"")]
    said = [Said(1, 0, i, text) for i, (_, text) in enumerate(texts)]
    quotes = {q.text: q.speaker for q in key_quotes(said, who_is_who(texts))}
    assert quotes["The owners know where to find us when they are ready to talk"] == "Lina Varga"
    assert quotes["Nobody has called us about a new date for the talks yet"] == ""  # the sentence before is no quote


def test_the_brief_prints_a_speaking_organisation_as_itself(tmp_path: Path) -> None:
    from briefer.config import load_options
    from briefer.deliver.render import to_markdown, to_text
    from briefer.pipeline import STAGES, Job, Prepared, build_brief, run_stages

    (tmp_path / "a.txt").write_text(
        "Ferry strike enters second day on Orrin\n\nFerry crews on Orrin stayed out for a second day on Tuesday, "
        "leaving hundreds of passengers stranded at the quay.\n\n\"We remain committed to a fair settlement for "
        "every crew member on the island,\" the Transport Ministry said in a statement on Tuesday.\n\n"
        "\"Nobody on the morning boat knew when they would get home again,\" a spokesperson for the ferry "
        "company said.\n",
        encoding="utf-8")
    options = load_options(date=dt.date(2026, 5, 12))
    brief = build_brief([tmp_path], options)
    # Both quotes are items of this one-source brief, so key quotes leave them out (each sentence printed once);
    # the quotes the story stage found are what this test renders.
    story = run_stages(Prepared(Job((tmp_path,), options)), STAGES[:[n for n, _ in STAGES].index("story") + 1]).story
    assert story is not None and len(story.quotes) == 2
    brief = replace(brief, quotes=story.quotes)
    for page in (to_markdown(brief), to_text(brief)):
        assert "the Transport Ministry" in page and "the Transport Ministry (not named)" not in page
        assert "a spokesperson for the ferry company (not named)" in page  # an unnamed person still says so
