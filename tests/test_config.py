"""briefer.config: packaged defaults, the user's file, flags; topics files; validation; path rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefer.config import BriefOptions, load_options, load_settings, load_topics
from briefer.daily import load_config
from briefer.errors import ConfigError
from tests.helpers import SAMPLE


def test_packaged_defaults_leave_topics_and_title_to_the_articles() -> None:
    options = load_options()
    assert options.words == 400 and options.ranker == "briefer"
    assert options.topics == () and options.title == ""  # briefer.discover finds them


def test_the_sample_story_topics_file_sits_beside_the_sample() -> None:
    options = load_options(topics=SAMPLE / "topics.toml")
    assert [t.name for t in options.topics] == ["Taiwan", "Fentanyl", "Military channels"]
    assert options.title == "Blinken in Beijing: US-China talks"


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
    ('[limits]\nmax_source_bytes = -1\n', "max_source_bytes must be between 1 and 1,000,000,000, got -1"),
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


CONFIG_TABLES = {
    "brief": "words = 300",
    "limits": "max_sentence_words = 60",
    "sources": 'urls = ["https://example.org/a"]',
    "output": 'formats = ["md"]',
    "email": 'to = ["desk@example.org"]\nfrom = "brief@example.org"\nattach = ["md"]',
    "digest": "max_stories = 5",
}


@pytest.mark.parametrize("table", sorted(CONFIG_TABLES))
def test_a_misspelt_table_or_key_anywhere_exits_2_and_names_it(tmp_path: Path, table: str) -> None:
    from click.testing import CliRunner

    from briefer.cli import cli

    sample = Path(__file__).resolve().parents[1] / "examples" / "blinken-beijing-2023"
    good = "".join(f"[{name}]\n{body}\n" for name, body in CONFIG_TABLES.items())
    config = tmp_path / "c.toml"
    config.write_text(good)
    load_config(config, env={})  # the unmisspelt file loads
    for misspelt, named in [(good.replace(f"[{table}]", f"[{table}s]"), f"unknown table [{table}s]"),
                            (good.replace(f"[{table}]\n", f"[{table}]\ncolour = 1\n"),
                             f"unknown [{table}] settings ['colour']")]:
        config.write_text(misspelt)
        with pytest.raises(ConfigError) as error:
            load_settings(config, env={})
        assert named in str(error.value) and "valid" in str(error.value)
        for command in (["brief", str(sample), "-o", str(tmp_path / "b.md"), "--config", str(config)],
                        ["daily", "--config", str(config)],
                        ["digest", str(sample), "-o", str(tmp_path / "d.md"), "--config", str(config)],
                        ["send", str(config), "--to", "desk@example.org", "--dry-run", "--config", str(config)]):
            result = CliRunner().invoke(cli, command)
            assert result.exit_code == 2 and named in result.stderr, (command, result.output)


def test_a_misspelt_key_in_a_topics_file_is_named(tmp_path: Path) -> None:
    topics = tmp_path / "t.toml"
    topics.write_text('titel = "Port strike"\n[[topic]]\nname = "Wages"\n')
    with pytest.raises(ConfigError, match="unknown keys \\['titel'\\]"):
        load_topics(topics)
    topics.write_text('[[topic]]\nname = "Wages"\nkeyword = ["pay"]\n')
    with pytest.raises(ConfigError, match="unknown keys \\['keyword'\\]"):
        load_topics(topics)


def test_wrong_types_are_named(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    for text, named in [('[brief]\nwords = "many"\n', "[brief] words must be a whole number"),
                        ('[sources]\ntimeout = true\n', "[sources] timeout must be a number"),
                        ('[output]\nformats = [1]\n', "[output] formats must be a list"),
                        ('[email]\nsend_when_nothing_new = "yes"\n', "send_when_nothing_new must be true or false")]:
        config.write_text(text)
        with pytest.raises(ConfigError) as error:
            load_settings(config, env={})
        assert named in str(error.value)


def test_paths_in_a_file_are_relative_to_it_and_flags_to_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "topics.toml").write_text('title = "From the config folder"\n[[topic]]\nname = "Rail"\n')
    (tmp_path / "mytopics.toml").write_text('title = "From the working directory"\n[[topic]]\nname = "Pay"\n')
    config = conf / "c.toml"
    config.write_text('[brief]\ntopics = "topics.toml"\n[sources]\npaths = ["articles"]\n'
                      '[output]\ndir = "out"\nformats = ["md"]\n'
                      '[email]\nto = ["a@example.org"]\nfrom = "b@example.org"\ncafile = "ca.pem"\nattach = ["md"]\n')
    monkeypatch.chdir(tmp_path)
    settings = load_settings(config, env={})
    assert settings.brief.title == "From the config folder"
    assert settings.sources.paths == (conf / "articles",) and settings.output.dir == conf / "out"
    assert settings.output.state == conf / "out" / ".briefer" / "state.db"
    assert settings.email.cafile == str(conf / "ca.pem")
    flagged = load_settings(config, env={}, topics=Path("mytopics.toml"))
    assert flagged.brief.title == "From the working directory"


def test_topics_flag_is_read_from_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from briefer.cli import cli

    sample = Path(__file__).resolve().parents[1] / "examples" / "blinken-beijing-2023"
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "c.toml").write_text("[brief]\nwords = 150\n")
    (tmp_path / "mytopics.toml").write_text('title = "Talks in Beijing"\n[[topic]]\nname = "Taiwan"\n'
                                            'keywords = ["Taiwan"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["brief", str(sample), "-o", "b.md", "--topics", "mytopics.toml",
                                      "--config", "conf/c.toml"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b.md").read_text().startswith("# Talks in Beijing")
    (tmp_path / "conf" / "c.toml").write_text('[brief]\ntopics = "nope.toml"\n')
    missing = CliRunner().invoke(cli, ["brief", str(sample), "-o", "b.md", "--config", "conf/c.toml"])
    assert missing.exit_code == 2 and "nope.toml: no such file" in missing.stderr
    assert "briefer init" not in missing.stderr


def test_the_example_config_and_the_defaults_load(tmp_path: Path) -> None:
    from briefer.daily import write_example_config

    settings = load_settings(write_example_config(tmp_path / "briefer.toml"), env={})
    assert settings.sources.paths == (tmp_path / "articles",) and not settings.email.enabled
    assert load_settings(env={}) == load_settings(None, env={})


def test_email_settings_are_checked_when_the_file_is_read(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    base = '[email]\nto = ["desk@example.org"]\nfrom = "brief@example.org"\n'
    for extra, named in [('security = "tls-please"\n', "[email] security 'tls-please'"),
                         ("port = 70000\n", "[email] port 70000"), ('to = ["not an address"]\n', "[email] to")]:
        config.write_text(base.replace('to = ["desk@example.org"]\n', "") + extra if extra.startswith("to")
                          else base + extra)
        with pytest.raises(ConfigError) as error:
            load_settings(config, env={})
        assert named in str(error.value) and str(config) in str(error.value)
    config.write_text(base)
    assert load_settings(config, env={"BRIEFER_SMTP_SECURITY": "SSL"}).email.security == "ssl"


@pytest.mark.parametrize("text, message", [
    ("[sources]\ntimeout = inf\n", r"\[sources\] timeout must be a finite number, got inf"),
    ("[sources]\ntimeout = nan\n", r"\[sources\] timeout must be a finite number"),
    ("[sources]\ntimeout = 1e9\n", r"\[sources\] timeout must be between 0.1 and 600, got 1000000000.0"),
    ("[sources]\nretries = 1_000_000_000\n", r"\[sources\] retries must be between 0 and 10, got 1000000000"),
    ("[sources]\nretries = 1e9\n", r"\[sources\] retries must be a whole number"),
    ("[sources]\nrun_timeout = 0\n", r"\[sources\] run_timeout must be between 1 and 86,400"),
    ("[output]\nlock_wait = -1\n", r"\[output\] lock_wait must be between 0 and 3,600"),
    ("[email]\nretries = 99\n", r"\[email\] retries must be between 0 and 10"),
    ("[limits]\nmin_english_share = 2.0\n", r"\[limits\] min_english_share must be between 0 and 1"),
])
def test_numbers_out_of_range_are_refused_with_the_valid_range(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_settings(config, env={})
    assert caught.value.exit_code == 2


def test_timeout_inf_is_exit_2_on_the_command_line(tmp_path: Path) -> None:
    config = tmp_path / "daily.toml"
    config.write_text('[sources]\npaths = ["."]\ntimeout = inf\nretries = 1_000_000_000\n')
    result = subprocess.run([sys.executable, "-m", "briefer", "daily", "--config", str(config)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "timeout must be a finite number" in result.stderr and "Traceback" not in result.stderr
