"""Options: packaged defaults (TOML), overlaid by the user's config file, then by flags.

`BriefOptions` is the one validated options object every stage reads. Secrets never come
from files (the SMTP password is read from the environment by briefer.deliver.mail).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from briefer.errors import ConfigError
from briefer.model import Topic

DEFAULT_TITLE = "News brief"


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Input limits; a source over them is skipped with a clear reason."""

    max_source_bytes: int = 10_000_000
    max_total_bytes: int = 50_000_000
    max_sentence_words: int = 80
    min_sentence_words: int = 6
    min_english_share: float = 0.25

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) <= 0:
                raise ConfigError(f"limits.{f.name} must be positive, got {getattr(self, f.name)!r}")
        if self.min_sentence_words >= self.max_sentence_words:
            raise ConfigError("limits.min_sentence_words must be below limits.max_sentence_words")


@dataclass(frozen=True, kw_only=True)
class BriefOptions:
    """Everything that shapes one brief. Build it with `load_options` to get the packaged defaults."""

    title: str = ""
    date: dt.date | None = None  # None: today
    words: int = 400
    ranker: str = "briefer"
    topics: tuple[Topic, ...] = ()
    overview_share: float = 0.4
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        if not 20 <= self.words <= 20_000:
            raise ConfigError(f"words must be between 20 and 20000, got {self.words}")
        if not 0.0 < self.overview_share <= 1.0:
            raise ConfigError(f"overview_share must be in (0, 1], got {self.overview_share}")
        names = [t.name.casefold() for t in self.topics]
        if len(set(names)) != len(names):
            raise ConfigError("topic names must be unique")


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; ConfigError naming the file if it is missing or malformed."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file (`briefer init {path}` writes an example config)") from exc
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid TOML file: {exc}") from exc


def _packaged(name: str) -> dict[str, Any]:
    with resources.files("briefer.data").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


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
            raise ConfigError(f"{where}: topic {entry['name']!r}: unknown keys {sorted(unknown)}")
        description = entry.get("description", "")
        if not isinstance(description, str):
            raise ConfigError(f"{where}: topic {entry['name']!r}: 'description' must be a string")
        topics.append(Topic(entry["name"].strip(), tuple(k.strip() for k in keywords if k.strip()), description))
    return tuple(topics)


def _topics_file(data: dict[str, Any], where: str) -> tuple[str, tuple[Topic, ...]]:
    entries = data.get("topic", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{where}: use [[topic]] tables")
    title = data.get("title", "")
    return (title if isinstance(title, str) else ""), parse_topics(entries, where)


def load_topics(path: Path | None = None) -> tuple[str, tuple[Topic, ...]]:
    """Read a topics TOML file (the packaged default story's when `path` is None): (title, topics)."""
    if path is None:
        return _topics_file(_packaged("topics.toml"), "default topics")
    return _topics_file(read_toml(path), str(path))


def load_options(config: Path | None = None, **overrides: Any) -> BriefOptions:
    """Packaged defaults, then the [brief] and [limits] tables of `config`, then non-None `overrides`."""
    data = _packaged("defaults.toml")
    brief: dict[str, Any] = dict(data["brief"])
    limits: dict[str, Any] = dict(data["limits"])
    base = Path(".")
    if config is not None:
        user = read_toml(config)
        base = config.parent
        brief.update(user.get("brief", {}))
        limits.update(user.get("limits", {}))
    brief.update({k: v for k, v in overrides.items() if v is not None})
    topics_value = brief.pop("topics", "")
    if isinstance(topics_value, list):
        file_title, topics = "", parse_topics(topics_value, "[brief] topics")
    elif isinstance(topics_value, str | Path) and str(topics_value):
        path = Path(topics_value)
        file_title, topics = load_topics(path if path.is_absolute() else base / path)
    else:
        file_title, topics = load_topics(None)
    if not brief.get("title"):
        brief["title"] = file_title or DEFAULT_TITLE
    known = {f.name for f in fields(BriefOptions)} - {"topics", "limits"}
    unknown = set(brief) - known
    if unknown:
        raise ConfigError(f"unknown [brief] settings {sorted(unknown)}; valid: {sorted(known)}")
    try:
        return BriefOptions(topics=topics, limits=Limits(**limits), **brief)
    except TypeError as exc:
        raise ConfigError(f"invalid settings: {exc}") from exc
