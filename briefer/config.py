"""The one config reader: packaged defaults, then the user's file, then flags; typed, frozen settings.

1. `briefer/data/defaults.toml` lists every table and key a config file may set, with its default;
2. the user's file (`--config`) is laid over it: an unknown table or key is a `ConfigError` (exit 2) that
   names it and lists the valid ones, a value of the wrong type one that names the key; paths in the file
   are relative to the file's folder;
3. flags (keyword arguments of `load_settings`) are laid over that: paths given on the command line are
   relative to the working directory; [email] settings are then overridden by BRIEFER_SMTP_* variables.
Secrets never come from files: the SMTP password is read from BRIEFER_SMTP_PASSWORD when mailing.
Every stage gets its settings passed in (`BriefOptions.limits`, `BriefOptions.fetch`); none is global.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from briefer.errors import ConfigError
from briefer.model import Topic

DEFAULT_TITLE = "News brief"
# The word budget a brief or summary may ask for: below 20 words no sentence fits, above 20,000 it is no brief.
WORDS_RANGE = (20, 20_000)
# `summarize` and `briefer eval`: DUC's 100-word summaries.
SUMMARY_WORDS = 100
ENV_PREFIX = "BRIEFER_SMTP_"
# [email] keys a BRIEFER_SMTP_<KEY> variable overrides (the password is never a file setting).
EMAIL_ENV_KEYS = ("host", "port", "user", "from", "security", "cafile")


MAX_BACKOFF = 30.0
# The valid range of each number a config may set: a value outside is a ConfigError (exit 2) that gives the
# range. `timeout = inf` overflowed in the socket layer and `retries = 1e9` would retry for ever.
RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("sources", "timeout"): (0.1, 600.0),
    ("sources", "retries"): (0, 10),
    ("sources", "run_timeout"): (1.0, 86_400.0),
    ("output", "lock_wait"): (0.0, 3_600.0),
    ("email", "timeout"): (0.1, 600.0),
    ("email", "retries"): (0, 10),
    ("limits", "max_source_bytes"): (1, 1_000_000_000),
    ("limits", "max_total_bytes"): (1, 10_000_000_000),
    ("limits", "max_sentence_words"): (1, 10_000),
    ("limits", "min_sentence_words"): (1, 10_000),
    ("limits", "min_english_share"): (0.0, 1.0),
}


def _in_range(table: str, key: str, value: Any) -> None:
    """ConfigError naming `[table] key` and its valid range when `value` is outside it (or not finite)."""
    low, high = RANGES[(table, key)]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConfigError(f"[{table}] {key} must be between {_number(low)} and {_number(high)}, got {value!r}")


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Input limits ([limits]); a source over them is skipped with a clear reason."""

    max_source_bytes: int = 10_000_000
    max_total_bytes: int = 50_000_000
    max_sentence_words: int = 80
    min_sentence_words: int = 6
    min_english_share: float = 0.25

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) <= 0:
                raise ConfigError(f"limits.{f.name} must be positive, got {getattr(self, f.name)!r}")
            _in_range("limits", f.name, getattr(self, f.name))
        if self.min_sentence_words >= self.max_sentence_words:
            raise ConfigError("limits.min_sentence_words must be below limits.max_sentence_words")


@dataclass(frozen=True, kw_only=True)
class FetchSettings:
    """How URLs are fetched ([sources]): seconds per connect or read, retries, first wait, the run's time,
    and whether links found in feeds and redirects may reach private addresses."""

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled each time (not a file setting)
    run_timeout: float = 900.0  # seconds all of a run's downloads may take together
    allow_private: bool = False

    def __post_init__(self) -> None:
        for name in ("timeout", "retries", "run_timeout"):
            _in_range("sources", name, getattr(self, name))
        if not 0 <= self.backoff <= MAX_BACKOFF:
            raise ConfigError(f"fetch backoff must be between 0 and {MAX_BACKOFF:g} s, got {self.backoff!r}")


@dataclass(frozen=True, kw_only=True)
class BriefOptions:
    """Everything that shapes one brief ([brief], [limits], fetching). Build it with `load_options`."""

    title: str = ""
    date: dt.date | None = None  # None: today
    words: int = 400
    ranker: str = "briefer"
    topics: tuple[Topic, ...] = ()
    overview_share: float = 0.4
    limits: Limits = field(default_factory=Limits)
    fetch: FetchSettings = field(default_factory=FetchSettings)

    def __post_init__(self) -> None:
        low, high = WORDS_RANGE
        if not low <= self.words <= high:
            raise ConfigError(f"words must be between {low} and {high}, got {self.words}")
        if not 0.0 < self.overview_share <= 1.0:
            raise ConfigError(f"overview_share must be in (0, 1], got {self.overview_share}")
        names = [t.name.casefold() for t in self.topics]
        if len(set(names)) != len(names):
            raise ConfigError("topic names must be unique")


@dataclass(frozen=True, kw_only=True)
class SourceSettings:
    """What `briefer daily` reads ([sources]): files and folders, article URLs, feed URLs."""

    paths: tuple[Path, ...] = ()
    urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()

    @property
    def specs(self) -> tuple[str, ...]:
        """Every source as the pipeline takes it: paths first, then page URLs, then feeds."""
        return (*map(str, self.paths), *self.urls, *self.feeds)


@dataclass(frozen=True, kw_only=True)
class OutputSettings:
    """Where `briefer daily` writes ([output]): the folder, the formats, the state file, the lock wait."""

    dir: Path = Path("briefs")
    formats: tuple[str, ...] = ("md", "pdf")
    state: Path = Path("briefs/.briefer/state.db")
    lock_wait: float = 10.0


@dataclass(frozen=True, kw_only=True)
class EmailSettings:
    """[email], with BRIEFER_SMTP_* applied; `enabled` when the user's file has the table (daily mails then)."""

    enabled: bool = False
    to: tuple[str, ...] = ()
    sender: str = ""
    host: str = ""
    port: int = 0  # 0: the default port of `security`
    security: str = "starttls"
    user: str = ""
    cafile: str = ""
    timeout: float = 30.0
    retries: int = 2
    attach: tuple[str, ...] = ("pdf",)
    send_when_nothing_new: bool = False


@dataclass(frozen=True, kw_only=True)
class DigestSettings:
    """[digest]: many stories in one run (briefer.digest validates the values when it builds its options)."""

    enabled: bool = False
    title: str = ""
    words_per_story: int = 120
    max_stories: int = 12
    jobs: int = 0  # 0: one worker per core
    scheduler: str = ""  # tcp://HOST:PORT of a Dask scheduler; empty: local processes


@dataclass(frozen=True, kw_only=True)
class Settings:
    """A whole config: every table, typed. `path` is the user's file (None: defaults and flags only)."""

    path: Path | None = None
    brief: BriefOptions = field(default_factory=BriefOptions)
    sources: SourceSettings = field(default_factory=SourceSettings)
    output: OutputSettings = field(default_factory=OutputSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    digest: DigestSettings = field(default_factory=DigestSettings)


def read_toml(path: Path, *, hint: str = "") -> dict[str, Any]:
    """A TOML file as a dict; ConfigError naming the file (and `hint`) if it is missing or malformed."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file{hint}") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path}: is a folder, not a TOML file") from exc
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid TOML file: {exc}") from exc


def _packaged(name: str) -> dict[str, Any]:
    with resources.files("briefer.data").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def defaults() -> dict[str, dict[str, Any]]:
    """The packaged defaults: every valid table and key with its default value."""
    return _packaged("defaults.toml")


# --- checking values against the defaults' shape ----------------------------------------------------------


def _kind(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "a whole number"
    if isinstance(default, float):
        return "a number"
    if isinstance(default, list):
        return "a list of non-empty strings"
    return "a string"


def _typed(value: Any, default: Any, where: str) -> Any:
    """`value` if it has the default's type (ints pass as floats, one string as a list); ConfigError if not."""
    ok = False
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(default, list):
        value = [value] if isinstance(value, str) else value
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        value = tuple(v.strip() for v in value) if ok else value
    else:
        ok = isinstance(value, str)
    if not ok:
        raise ConfigError(f"{where} must be {_kind(default)}, got {value!r}")
    return value


def _check(data: Mapping[str, Any], schema: Mapping[str, Mapping[str, Any]], where: str) -> None:
    """Unknown tables and keys are errors that name them and list the valid ones."""
    for name, table in data.items():
        if name not in schema:
            valid = ", ".join(f"[{t}]" for t in schema)
            raise ConfigError(f"{where}: unknown table [{name}]; valid tables: {valid}")
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [{name}] must be a table")
        if name == "email" and "password" in table:
            raise ConfigError(f"{where}: [email] password: never put the password in a file; "
                              "set BRIEFER_SMTP_PASSWORD")
        unknown = sorted(set(table) - set(schema[name]))
        if unknown:
            raise ConfigError(f"{where}: unknown [{name}] settings {unknown}; valid: {sorted(schema[name])}")


def _table(name: str, schema: Mapping[str, Mapping[str, Any]], user: Mapping[str, Any], where: str,
           skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Table `name`: each default, or the user's value checked against the default's type."""
    out: dict[str, Any] = {}
    given = user.get(name, {})
    for key, default in schema[name].items():
        if key in skip:
            out[key] = given.get(key, default)
        elif key in given:
            out[key] = _typed(given[key], default, f"{where}: [{name}] {key}")
        else:
            out[key] = _typed(default, default, f"defaults: [{name}] {key}")
        value = out[key]
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{where}: [{name}] {key} must be a finite number, got {value!r}")
        if (name, key) in RANGES:
            try:
                _in_range(name, key, value)
            except ConfigError as exc:
                raise ConfigError(f"{where}: {exc}") from None
    return out


def _relative(base: Path, value: str | Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


# --- topics ------------------------------------------------------------------------------------------------


def parse_topics(entries: list[dict[str, Any]], where: str = "topics") -> tuple[Topic, ...]:
    """Validate a list of {name, keywords, description} tables into Topic records."""
    topics = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise ConfigError(f"{where}: topic #{i + 1} needs a non-empty 'name'")
        keywords = entry.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise ConfigError(f"{where}: topic {entry['name']!r}: 'keywords' must be a list of strings")
        unknown = set(entry) - {"name", "keywords", "description"}
        if unknown:
            raise ConfigError(f"{where}: topic {entry['name']!r}: unknown keys {sorted(unknown)}; "
                              "valid: ['description', 'keywords', 'name']")
        description = entry.get("description", "")
        if not isinstance(description, str):
            raise ConfigError(f"{where}: topic {entry['name']!r}: 'description' must be a string")
        topics.append(Topic(entry["name"].strip(), tuple(k.strip() for k in keywords if k.strip()), description))
    return tuple(topics)


def _topics_file(data: dict[str, Any], where: str) -> tuple[str, tuple[Topic, ...]]:
    unknown = sorted(set(data) - {"title", "topic"})
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}; a topics file has a title and [[topic]] tables")
    entries = data.get("topic", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{where}: use [[topic]] tables")
    title = data.get("title", "")
    if not isinstance(title, str):
        raise ConfigError(f"{where}: title must be a string")
    return title, parse_topics(entries, where)


def load_topics(path: Path) -> tuple[str, tuple[Topic, ...]]:
    """Read a topics TOML file: (title, topics)."""
    return _topics_file(read_toml(path), str(path))


def _topics(value: Any, where: str) -> tuple[str, tuple[Topic, ...]]:
    """[brief] topics, already resolved: a path, an inline list of tables, or empty: found in the articles."""
    if isinstance(value, list):
        return "", parse_topics(value, f"{where}: [brief] topics")
    if isinstance(value, Path) or (isinstance(value, str) and value):
        return load_topics(Path(value))
    if value == "":
        return "", ()  # briefer.discover finds them
    raise ConfigError(f"{where}: [brief] topics must be a path or a list of topic tables, got {value!r}")


# --- the reader --------------------------------------------------------------------------------------------


def _brief(schema: Mapping[str, Mapping[str, Any]], user: Mapping[str, Any], where: str, base: Path,
           flags: Mapping[str, Any], fetch: FetchSettings) -> BriefOptions:
    brief = _table("brief", schema, user, where, skip=frozenset({"topics"}))
    topics = brief["topics"]
    if isinstance(topics, str) and topics:
        topics = _relative(base, topics)  # a path in the file is relative to the file
    unknown = sorted(set(flags) - set(schema["brief"]) - {"date"})
    if unknown:
        raise ConfigError(f"unknown brief options {unknown}; valid: {sorted({*schema['brief'], 'date'})}")
    given = {k: v for k, v in flags.items() if v is not None}
    if "topics" in given:
        topics = given.pop("topics")  # a path on the command line is relative to the working directory
    brief.update(given)
    file_title, parsed = _topics(topics, where)
    brief["title"] = brief["title"] or file_title  # empty: the pipeline takes the articles' headline
    brief["topics"] = parsed
    try:
        return BriefOptions(limits=Limits(**_table("limits", schema, user, where)), fetch=fetch, **brief)
    except TypeError as exc:
        raise ConfigError(f"{where}: invalid [brief] settings: {exc}") from exc


def _email(table: Mapping[str, Any], enabled: bool, base: Path, env: Mapping[str, str], where: str) -> EmailSettings:
    values = dict(table)
    if values["cafile"]:
        values["cafile"] = str(_relative(base, values["cafile"]))
    for key in EMAIL_ENV_KEYS:
        override = env.get(ENV_PREFIX + key.upper())
        if override:  # a path or number in the environment is taken as given (relative to the working directory)
            values[key] = override
    try:
        values["port"] = int(values["port"])
    except ValueError as exc:
        raise ConfigError(f"{ENV_PREFIX}PORT must be a whole number, got {values['port']!r}") from exc
    values["security"] = str(values["security"]).lower()
    if enabled:  # checked now, not after the brief is written: the relay itself is only reached when mailing
        from briefer.deliver.mail import SECURITY_MODES, parse_address

        for address in values["to"]:
            parse_address(address, f"{where}: [email] to")
        parse_address(values["from"], f"{where}: [email] from (or {ENV_PREFIX}FROM)")
        if values["security"] not in SECURITY_MODES:
            raise ConfigError(f"{where}: [email] security {values['security']!r}: use one of "
                              f"{', '.join(SECURITY_MODES)}")
        if not 0 <= values["port"] < 65536:
            raise ConfigError(f"{where}: [email] port {values['port']} is not a TCP port")
    values["sender"] = values.pop("from")
    return EmailSettings(enabled=enabled, **values)


def _output(table: Mapping[str, Any], base: Path, where: str) -> OutputSettings:
    from briefer.deliver.render import FORMATS

    formats = tuple(dict.fromkeys(table["formats"]))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"{where}: [output] formats {unknown}: valid formats are {', '.join(FORMATS)}")
    out_dir = _relative(base, table["dir"])
    return OutputSettings(dir=out_dir, formats=formats, state=_relative(out_dir, table["state"]),
                          lock_wait=table["lock_wait"])


def load_settings(config: Path | None = None, *, env: Mapping[str, str] | None = None,
                  **flags: Any) -> Settings:
    """Packaged defaults, then the file `config`, then the non-None `flags` ([brief] keys and `date`)."""
    schema = defaults()
    user: dict[str, Any] = {}
    where = "flags"
    base = Path(".")
    if config is not None:
        user = read_toml(config, hint=f" (`briefer init {config}` writes an example config)")
        where, base = str(config), config.parent
        _check(user, schema, where)
    env = os.environ if env is None else env
    source_table = _table("sources", schema, user, where)
    fetch = FetchSettings(timeout=source_table["timeout"], retries=source_table["retries"],
                          run_timeout=source_table["run_timeout"], allow_private=source_table["allow_private"])
    brief = _brief(schema, user, where, base, flags, fetch)
    sources = SourceSettings(paths=tuple(_relative(base, p) for p in source_table["paths"]),
                             urls=source_table["urls"], feeds=source_table["feeds"])
    output = _output(_table("output", schema, user, where), base, where)
    email = _email(_table("email", schema, user, where), "email" in user, base, env, where)
    return Settings(path=config, brief=brief, sources=sources, output=output, email=email,
                    digest=_digest(_table("digest", schema, user, where), user))


def _digest(table: dict[str, Any], user: Mapping[str, Any]) -> DigestSettings:
    """[digest]: a [digest] table in the user's file turns digest mode on unless it says `enabled = false`."""
    if "digest" in user and "enabled" not in user["digest"]:
        table = {**table, "enabled": True}
    return DigestSettings(**table)


def load_options(config: Path | None = None, **flags: Any) -> BriefOptions:
    """The brief's options alone: `load_settings(config, **flags).brief`."""
    return load_settings(config, env={}, **flags).brief
