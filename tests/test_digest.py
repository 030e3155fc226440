"""briefer.digest and `briefer digest`: many stories in one folder, each briefed, ordered, rendered."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli
from briefer.deliver.digest_render import render_digest, source_names, to_json, to_markdown
from briefer.digest import Digest, DigestOptions, build_digest, key_names, load_digest_options
from briefer.errors import ConfigError, ExitCode
from briefer.model import Document, Source

MIXED = Path(__file__).parent / "data" / "mixed"
DAY = dt.date(2026, 3, 4)


def options(**kwargs: object) -> DigestOptions:
    return replace(load_digest_options(date=DAY), **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def digest() -> Digest:
    return build_digest([MIXED], options(jobs=1))


def story_of(digest: Digest, name: str) -> str:
    ids = {s.location: s.id for s in digest.sources}
    source_id = ids[str(MIXED / name)]
    return next(s.title for s in digest.stories if source_id in s.sources)


def test_every_article_is_in_exactly_one_story(digest: Digest) -> None:
    cited = [i for s in digest.stories for i in s.sources]
    assert sorted(cited) == sorted(s.id for s in digest.sources if not s.skipped)
    assert len(digest.stories) == 4
    for prefix in ("bank", "bridge", "volcano"):
        titles = {story_of(digest, p.name) for p in MIXED.glob(f"{prefix}-*.txt")}
        assert len(titles) == 1, prefix


def test_stories_are_ordered_by_independent_outlets_and_a_wire_copy_counts_once(digest: Digest) -> None:
    outlets = [s.outlets for s in digest.stories]
    assert outlets == sorted(outlets, reverse=True)
    bank, bridge = digest.stories[0], digest.stories[1]
    assert "Northland" in bank.title and bank.outlets == 3
    # bridge-wire.txt is a copy of bridge-herald.txt: three articles, two outlets.
    assert len(bridge.sources) == 3 and bridge.outlets == 2


def test_a_lone_article_goes_under_in_brief_with_its_bottom_line(digest: Digest) -> None:
    museum = digest.stories[-1]
    assert museum.in_brief and len(museum.sources) == 1
    assert "maritime museum" in museum.bottom_line
    assert all(not s.in_brief for s in digest.stories[:-1])


def test_each_story_is_briefed_from_its_own_articles_only(digest: Digest) -> None:
    for story in digest.stories:
        for item in story.items:
            assert set(item.sources) <= set(story.sources), (story.title, item.text)
        assert story.bottom_line in [i.text for i in story.items]
    words = [sum(len(i.text.split()) for i in s.items) for s in digest.stories]
    assert max(words) <= 120 + 40  # the per-story budget, with one sentence's overrun at most


def test_markdown_opens_with_top_stories(digest: Digest) -> None:
    text = to_markdown(digest)
    top = text.index("## Top stories")
    assert top < text.index("## " + digest.stories[0].title.replace(" ", " "))
    first_line = text[top:].splitlines()[2]
    assert first_line.startswith("1. **Northland Reserve Bank") and first_line.endswith("(3 outlets)")
    assert "## In brief" in text and "Dunmore" in text.split("## In brief")[1]


def test_json_has_the_documented_keys(digest: Digest) -> None:
    data = json.loads(to_json(digest))
    assert {"title", "date", "generated_at", "version", "sources", "stories"} <= set(data)
    assert all({"id", "path"} <= set(s) for s in data["sources"])
    story = data["stories"][0]
    assert {"id", "title", "bottom_line", "sources", "sections", "people", "quotes", "timeline", "next"} <= set(story)
    assert len({s["id"] for s in data["stories"]}) == len(data["stories"])


def test_every_format_renders(digest: Digest) -> None:
    for fmt in ("md", "html", "txt", "json"):
        assert digest.stories[0].title.split()[0].encode() in render_digest(digest, fmt)
    assert render_digest(digest, "pdf").startswith(b"%PDF")


def test_process_pool_gives_the_same_digest_as_a_serial_run(digest: Digest) -> None:
    pooled = build_digest([MIXED], options(jobs=2))
    assert to_json(replace(pooled, generated_at=digest.generated_at)) == to_json(digest)


def test_options_are_validated(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="words per story"):
        options(words_per_story=5)
    with pytest.raises(ConfigError, match="scheduler"):
        options(scheduler="localhost:8786")
    config = tmp_path / "c.toml"
    config.write_text('[digest]\nwords_per_story = 80\nmax_stories = 2\ntitle = "Morning digest"\n')
    loaded = load_digest_options(config)
    assert (loaded.words_per_story, loaded.max_stories, loaded.brief.title) == (80, 2, "Morning digest")
    config.write_text("[digest]\nwords = 80\n")
    with pytest.raises(ConfigError, match=r"unknown \[digest\] settings \['words'\]"):
        load_digest_options(config)


def test_cli_writes_the_digest_and_reports_skipped_sources(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(MIXED, folder)
    (folder / "empty.txt").write_text("")
    out = tmp_path / "d.json"
    result = CliRunner().invoke(cli, ["digest", str(folder), "-o", str(out), "--date", "2026-03-04", "--jobs", "1",
                                      "--max-stories", "1", "-q"])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    data = json.loads(out.read_text())
    assert [s["in_brief"] for s in data["stories"]] == [False, True, True, True]
    assert any(s["status"] == "failed" and s["name"] == "empty.txt" for s in data["sources"])


def test_cli_default_name_and_no_usable_source(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["digest", str(MIXED), "--out-dir", str(tmp_path), "--date", "2026-03-04",
                                      "-f", "txt", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "digest-2026-03-04.txt").read_text().count("TOP STORIES") == 1
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(cli, ["digest", str(tmp_path / "empty.txt"), "--out-dir", str(tmp_path)])
    assert result.exit_code == ExitCode.NO_SOURCES


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_digest_as_a_serial_run(digest: Digest) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        on_dask = build_digest([MIXED], options(scheduler=cluster.scheduler_address))
    assert to_json(replace(on_dask, generated_at=digest.generated_at)) == to_json(digest)


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer import workers
    from briefer.errors import UsageError

    pytest.importorskip("distributed")
    monkeypatch.setattr(workers, "CONNECT_TIMEOUT", 1.0)
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        build_digest([MIXED], replace(options(scheduler="tcp://127.0.0.1:9"), brief=options().brief))


def test_each_story_carries_what_the_single_story_machinery_reads_in_it(digest: Digest) -> None:
    bank = digest.stories[0]
    assert "Amara Okafor" in {p.name for p in bank.people}
    data = json.loads(to_json(digest))["stories"][0]
    assert "Amara Okafor" in [p["name"] for p in data["people"]]
    assert all({"date", "text", "sources"} <= set(d) for d in data["timeline"] + data["next"])
    for story in digest.stories:  # a fact is said once: never both in the list and as what comes next
        assert not {d.text for d in story.next + story.timeline} & {i.text for i in story.items}


def test_reading_in_the_pool_gives_the_same_digest(digest: Digest, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer import digest_read

    monkeypatch.setattr(digest_read, "MIN_FILES", 2)
    assert digest_read._pooled_files([MIXED], options().brief.limits, 2) is not None
    pooled = build_digest([MIXED], options(jobs=2))
    assert to_json(replace(pooled, generated_at=digest.generated_at)) == to_json(digest)


def test_a_title_of_names_does_not_say_one_name_twice() -> None:
    texts = ["China detained two activists of the Harbour Party on Monday. Chinese police gave no reason. "
             "Beijing said the Harbour Party had broken the law. Activist Lin Wei was among them.",
             "Chinese officials defended the arrests in China on Tuesday. Beijing called Lin Wei a criminal. "
             "The Harbour Party says it wants elections in China.",
             "Lin Wei's family in China asked Chinese courts for a lawyer. The Harbour Party wrote to Beijing."]
    docs = [Document(Source(id=i + 1, name=f"c{i}.txt", location=f"c{i}.txt"), (t,)) for i, t in enumerate(texts)]
    found = key_names(docs)
    assert len(found) == 3
    assert not {"China", "Chinese"} <= set(found)
    assert found == ["Beijing", "China", "Harbour Party"]  # "Chinese" (as often as "China") is skipped


def test_sources_whose_file_names_clash_are_told_apart_by_their_folders() -> None:
    sources = [Source(id=1, location="feeds/d301/docs/D01.txt", name="D01.txt"),
               Source(id=2, location="feeds/d302/docs/D01.txt", name="D01.txt"),
               Source(id=3, location="feeds/d302/docs/D02.txt", name="D02.txt")]
    assert source_names(sources) == {1: "d301/docs/D01.txt", 2: "d302/docs/D01.txt", 3: "D02.txt"}
