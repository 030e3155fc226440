"""build_brief and summarize end to end on small stories written for these tests."""

from __future__ import annotations

import itertools
import socket
from dataclasses import replace
from pathlib import Path

import pytest

from briefer.config import BriefOptions
from briefer.dedupe import SAME_FACT, SimilarityIndex
from briefer.errors import ExitCode, NoUsableSourcesError
from briefer.model import Brief, Item, SourceStatus
from briefer.pipeline import (
    NO_COVERAGE,
    NOTHING_NEW,
    OVERVIEW,
    PREPARE,
    STAGES,
    TOPIC_OVERRUN_WORDS,
    Job,
    Prepared,
    build_brief,
    central_pool,
    exit_code_for,
    run_stages,
    summarize,
)
from briefer.text import word_count
from tests.helpers import FLOOD_A, FLOOD_B, FLOOD_C


def _body_sentences(*texts: str) -> set[str]:
    return {line.strip() for text in texts for line in text.splitlines() if line.strip()}


def test_every_item_is_a_whole_input_sentence(flood_dir: Path, flood_options: BriefOptions) -> None:
    brief = build_brief([flood_dir], flood_options)
    assert brief.items, "a three-article story must give a brief"
    lines = _body_sentences(FLOOD_A, FLOOD_B, FLOOD_C)
    for item in brief.items:
        assert any(item.text in line for line in lines), item.text
        assert item.text[0].isupper() and item.text.endswith(".")


def test_no_boilerplate_and_no_fact_twice(flood_dir: Path, flood_options: BriefOptions) -> None:
    brief = build_brief([flood_dir], replace(flood_options, words=400))
    texts = [item.text for item in brief.items]
    for text in texts:
        assert not any(w in text for w in ("Advertisement", "Share this", "Subscribe", "Home »", "contributed"))
    index = SimilarityIndex.build(texts)
    for a, b in itertools.combinations(range(len(texts)), 2):
        assert index.similar([a])[0][b] < SAME_FACT, (texts[a], texts[b])


def test_wire_copy_is_credited_to_both_sources(flood_dir: Path, flood_options: BriefOptions) -> None:
    brief = build_brief([flood_dir], replace(flood_options, words=400))
    shared = [item for item in brief.items if "Lune River burst" in item.text or "rail line" in item.text]
    assert shared, "the story's lead fact must be briefed"
    for item in shared:
        assert {1, 2} <= set(item.sources), item


def test_budget_is_kept(flood_dir: Path, flood_options: BriefOptions) -> None:
    for words in (40, 120, 300):
        brief = build_brief([flood_dir], replace(flood_options, words=words))
        used = sum(word_count(item.text) for item in brief.items)
        assert used <= words + TOPIC_OVERRUN_WORDS, (words, used)


def test_topics_sections_and_coverage_notes(flood_dir: Path, flood_options: BriefOptions) -> None:
    brief = build_brief([flood_dir], replace(flood_options, words=200))
    headings = [s.heading for s in brief.sections]
    assert headings[:4] == [OVERVIEW, "Transport", "Schools", "Wildlife"]
    by_heading = {s.heading: s for s in brief.sections}
    assert any("rail" in i.text for i in by_heading["Transport"].items)
    assert any("schools" in i.text for i in by_heading["Schools"].items)
    assert not by_heading["Wildlife"].items and by_heading["Wildlife"].note == NO_COVERAGE


def test_items_within_a_section_put_leads_first(flood_dir: Path, flood_options: BriefOptions) -> None:
    """News puts what matters first: a section lists its items (of one day) by their place in their article, so
    every article's lead comes before any article's later sentences, and one article's items keep their order."""
    brief = build_brief([flood_dir], replace(flood_options, words=400))
    texts = {name: (flood_dir / name).read_text(encoding="utf-8") for name in ("a.txt", "b.txt", "c.txt")}
    by_id = {s.id: texts[Path(s.location).name] for s in brief.sources}

    def place(item: Item) -> int:
        """How many sentences of its article come before the item's (in the article whose words it prints)."""
        text = next(by_id[s] for s in item.sources if item.text[:40] in by_id[s])
        return text[:text.index(item.text[:40])].count(". ")

    for section in brief.sections:
        places = [place(item) for item in section.items]
        assert places == sorted(places), section
    assert any(len(section.items) > 2 and len({min(i.sources) for i in section.items}) > 1
               and [min(i.sources) for i in section.items] != sorted(min(i.sources) for i in section.items)
               for section in brief.sections)  # the order is not the sources' order


def test_bad_sources_are_listed_and_skipped(write_files, flood_options: BriefOptions) -> None:  # type: ignore[no-untyped-def]
    folder = write_files({"a.txt": FLOOD_A, "empty.txt": "", "binary.txt": b"\x00\x01\x02\xff" * 64})
    brief = build_brief([folder, folder / "missing.txt"], flood_options)
    status = {s.name: (s.status, s.warning) for s in brief.sources}
    assert status["a.txt"][0] == "ok"
    assert status["empty.txt"][0] is SourceStatus.FAILED and "empty" in status["empty.txt"][1]
    assert status["binary.txt"][0] is SourceStatus.FAILED and "binary" in status["binary.txt"][1]
    assert status["missing.txt"][0] is SourceStatus.FAILED and "no such file" in status["missing.txt"][1]
    assert brief.items


def test_nothing_usable_is_an_error(write_files, flood_options: BriefOptions) -> None:  # type: ignore[no-untyped-def]
    folder = write_files({"empty.txt": "   \n"})
    with pytest.raises(NoUsableSourcesError, match="no usable source"):
        build_brief([folder], flood_options)


def test_machine_paraphrased_copy_is_never_quoted(write_files, flood_options: BriefOptions) -> None:  # type: ignore[no-untyped-def]
    spun = ("The Lune River burst its banks in Eastbrook on Tuesday, forcing {about a} 600 residents to depart "
            "their houses. The 2 districts noticed the water rise by the 2 metres in 6 hours. The 2 crews "
            "mentioned boats reached the 2 households. Officers mentioned the rail line was shut. The mayor "
            "mentioned that the 2 bridges stayed open for the 2 days of rain and wind in the town.")
    folder = write_files({"a.txt": FLOOD_A, "b.txt": FLOOD_C, "spun.txt": spun})
    brief = build_brief([folder], replace(flood_options, words=400))
    spun_id = next(s.id for s in brief.sources if s.name == "spun.txt")
    spun_source = next(s for s in brief.sources if s.id == spun_id)
    assert spun_source.status is SourceStatus.SPUN and "paraphrased" in spun_source.warning
    assert not any(item.text in spun for item in brief.items)


def test_known_facts_and_digests_are_left_out(flood_dir: Path, flood_options: BriefOptions) -> None:
    first = build_brief([flood_dir], flood_options)
    again = build_brief([flood_dir], flood_options, known_facts=[i.text for i in first.items])
    assert not {i.text for i in first.items} & {i.text for i in again.items}
    digests = [s.digest for s in first.sources]
    none_left = build_brief([flood_dir], flood_options, known_digests=digests[:2])
    assert {s.name for s in none_left.sources if s.status is SourceStatus.KNOWN} == {"a.txt", "b.txt"}
    assert all(3 in item.sources for item in none_left.items)


def test_all_known_says_nothing_new(flood_dir: Path, flood_options: BriefOptions) -> None:
    everything = build_brief([flood_dir], replace(flood_options, words=2000))
    later = build_brief([flood_dir], flood_options, known_facts=[i.text for i in everything.items]
                        + [s for s in _body_sentences(FLOOD_A, FLOOD_B, FLOOD_C)])
    assert isinstance(later, Brief) and not later.items
    assert NOTHING_NEW in later.notes


def test_summarize_returns_input_sentences_within_budget(flood_dir: Path) -> None:
    summary = summarize([flood_dir], words=50)
    assert summary and sum(word_count(s) for s in summary) <= 50
    lines = _body_sentences(FLOOD_A, FLOOD_B, FLOOD_C)
    assert all(any(s in line for line in lines) for s in summary)


@pytest.mark.parametrize("ranker", ["lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson"])
def test_sumy_rankers_work_offline(flood_dir: Path, ranker: str, monkeypatch: pytest.MonkeyPatch,
                                   tmp_path: Path) -> None:
    # No network and no NLTK data: a ranker that tried to download punkt (or anything) would fail here.
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("briefer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setenv("NLTK_DATA", str(tmp_path))
    summary = summarize([flood_dir], words=60, ranker=ranker)
    assert summary and sum(word_count(s) for s in summary) <= 60


def test_every_article_known_is_nothing_new_not_an_error(flood_dir: Path, flood_options: BriefOptions) -> None:
    first = build_brief([flood_dir], flood_options)
    later = build_brief([flood_dir], flood_options, known_digests=[s.digest for s in first.sources])
    assert not later.items and NOTHING_NEW in later.notes
    assert all(s.status is SourceStatus.KNOWN and s.skipped for s in later.sources)


def test_a_source_of_site_furniture_only_is_listed_as_skipped(write_files, flood_options: BriefOptions) -> None:  # type: ignore[no-untyped-def]
    menu_page = "Home » News\n\nAdvertisement\n\nSubscribe to our newsletter\n"
    folder = write_files({"a.txt": FLOOD_A, "menu.txt": menu_page})
    brief = build_brief([folder], flood_options)
    menu = next(s for s in brief.sources if s.name == "menu.txt")
    assert menu.status is SourceStatus.FAILED and "no article text" in menu.warning
    assert brief.items


def test_stages_are_one_named_table_and_a_failure_names_its_stage(flood_dir: Path, flood_options: BriefOptions) -> None:
    assert [name for name, _ in STAGES] == ["read", "known", "clean", "copies", "split", "filter", "index", "bound",
                                               "story", "select", "differ", "once"]
    job = Job((flood_dir,), flood_options)

    def boom(run: Prepared) -> Prepared:
        raise ValueError("broken on purpose")

    with pytest.raises(ValueError, match="broken on purpose") as error:
        run_stages(Prepared(job), (*PREPARE[:2], ("boom", boom)))
    assert "in the pipeline's 'boom' stage" in error.value.__notes__
    with pytest.raises(TypeError, match="'odd' stage returned NoneType"):
        run_stages(Prepared(job), (("odd", lambda run: None),))  # type: ignore[arg-type,return-value]


def test_an_added_stage_is_one_entry_and_sees_the_record_before_it(flood_dir: Path,
                                                                   flood_options: BriefOptions) -> None:
    def first_sentence_only(run: Prepared) -> Prepared:
        return replace(run, candidates=run.candidates[:1])

    run = run_stages(Prepared(Job((flood_dir,), flood_options)), (*PREPARE, ("one", first_sentence_only),
                                                                     *STAGES[len(PREPARE):]))
    assert len(run.candidates) == 1 and [len(s.items) for s in run.sections if s.items] == [1]


def test_stages_only_add_findings_and_never_rewrite_a_source(write_files, flood_options: BriefOptions) -> None:  # type: ignore[no-untyped-def]
    folder = write_files({"a.txt": FLOOD_A, "b.txt": FLOOD_C, "empty.txt": "",
                          "menu.txt": "Home\n\nNews\n\nSport\n\nWeather\n"})
    known = build_brief([folder / "b.txt"], flood_options).sources[0].digest
    run = Prepared(Job((folder,), flood_options, known_digests=frozenset({known})))
    records = []
    for name, step in STAGES:
        run = step(run)
        records.append((name, run.ledger))
    read_sources = records[0][1].sources
    for name, ledger in records:
        assert all(a is b for a, b in zip(ledger.sources, read_sources, strict=True)), name
        assert all(d.source is read_sources[d.source.id - 1] for d in run.documents)
    statuses = {s.name: s.status for s in run.sources}
    assert statuses == {"a.txt": SourceStatus.OK, "b.txt": SourceStatus.KNOWN, "empty.txt": SourceStatus.FAILED,
                        "menu.txt": SourceStatus.FAILED}
    assert [f.stage for f in run.ledger.findings] == ["read", "known", "clean"]


def test_exit_code_is_decided_in_the_library(flood_dir: Path, flood_options: BriefOptions, write_files) -> None:  # type: ignore[no-untyped-def]
    brief = build_brief([flood_dir], flood_options)
    assert exit_code_for(brief) is ExitCode.OK
    assert exit_code_for(build_brief([flood_dir, flood_dir / "missing.txt"], flood_options)) is ExitCode.PARTIAL
    known = build_brief([flood_dir], flood_options, known_digests=[s.digest for s in brief.sources])
    assert exit_code_for(known) is ExitCode.NOTHING_NEW


def test_a_large_input_reads_its_most_central_sentences_and_every_lead(flood_dir: Path,
                                                                        flood_options: BriefOptions) -> None:
    run = run_stages(Prepared(Job((flood_dir,), flood_options)), PREPARE)
    assert central_pool(run, size=len(run.candidates)) == run.candidates  # a story under the cap: all of it
    pool = central_pool(run, size=3)
    assert len(run.candidates) > len(pool)
    centroid = run.index.matrix.mean(axis=0).A1
    closeness = {i: float((run.index.matrix[i] @ centroid)[0]) for i in run.candidates}
    central = sorted(run.candidates, key=lambda i: -closeness[i])[:3]
    leads = {min(i for i in run.candidates if run.sentences[i].doc == d) for d in {s.doc for s in run.sentences}}
    assert set(pool) == set(central) | leads and list(pool) == sorted(pool)
    bounded = run_stages(replace(run, candidates=pool), STAGES[len(PREPARE):])
    assert {i.text for s in bounded.sections for i in s.items} <= {run.sentences[i].text for i in pool}



def test_a_summary_skips_the_copies_stage_and_is_the_same_for_it(write_files, flood_options: BriefOptions) -> None:  # type: ignore[no-untyped-def]
    from briefer.pipeline import SUMMARY_STAGES, prepare
    from briefer.sections import summary

    folder = write_files({"a.txt": FLOOD_A, "a-copy.txt": FLOOD_A, "b.txt": FLOOD_B, "c.txt": FLOOD_C})
    # (... and has one of its own: its ranker's analysis started ahead on a large input.)
    assert [name for name, _ in SUMMARY_STAGES if name != "analysis"] == [name for name, _ in PREPARE
                                                                          if name != "copies"]
    full = prepare([folder], flood_options)
    assert any(f.status is SourceStatus.DUPLICATE for f in full.ledger.findings)  # the copy is found there
    assert summarize([folder], words=60, options=flood_options) == summary(full, words=60,
                                                                            ranker=flood_options.ranker)
