"""Options: packaged defaults, the user's file, flags; topics files; validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.errors import ConfigError
from briefer.options import BriefOptions, load_options, load_topics


def test_packaged_defaults_give_the_sample_story() -> None:
    options = load_options()
    assert options.words == 400 and options.ranker == "briefer"
    assert [t.name for t in options.topics] == ["Taiwan", "Fentanyl", "Military channels"]
    assert options.title


def test_user_file_then_flags_override(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[brief]\nwords = 250\ntitle = "Mine"\n[limits]\nmax_sentence_words = 60\n')
    options = load_options(config, words=300)
    assert (options.words, options.title, options.limits.max_sentence_words) == (300, "Mine", 60)


def test_topics_file_and_its_title(tmp_path: Path) -> None:
    topics = tmp_path / "t.toml"
    topics.write_text('title = "Port strike"\n[[topic]]\nname = "Wages"\nkeywords = ["pay", "wage"]\n')
    options = load_options(topics=topics)
    assert options.title == "Port strike"
    assert [(t.name, t.keywords) for t in options.topics] == [("Wages", ("pay", "wage"))]


def test_inline_topics_in_config(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[brief]\ntopics = [{name = "Rail", keywords = ["train"]}]\n')
    assert [t.name for t in load_options(config).topics] == ["Rail"]


@pytest.mark.parametrize("text, message", [
    ('[brief]\nwords = 5\n', "words must be between"),
    ('[brief]\ncolour = "red"\n', "unknown \\[brief\\] settings"),
    ('[limits]\nmax_source_bytes = -1\n', "must be positive"),
    ('[brief]\ntopics = [{keywords = ["x"]}]\n', "needs a non-empty 'name'"),
    ('[brief\n', "not a valid TOML file"),
])
def test_nonsense_is_rejected_with_a_clear_message(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_options(config)


def test_missing_topics_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_topics(tmp_path / "nope.toml")


def test_options_are_keyword_only_and_frozen() -> None:
    with pytest.raises(TypeError):
        BriefOptions("title")  # type: ignore[misc]
    options = BriefOptions()
    with pytest.raises(AttributeError):
        options.words = 3  # type: ignore[misc]
