"""The errors briefer raises: one small class per kind of failure, each with its exit code.

The CLI turns any `BrieferError` into a one-line message and `exit_code`; nothing else
should escape the library (the property tests in tests/test_robustness.py hold us to it).
"""

from __future__ import annotations

import re
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README for cron monitoring."""

    OK = 0  # brief written from every source
    INTERNAL = 1  # a bug: please report it
    USAGE = 2  # bad option, config or topics file
    NO_SOURCES = 3  # no usable source: nothing written
    RENDER = 4  # the brief could not be rendered or written
    MAIL = 5  # the brief was written but the mail was not sent
    LOCKED = 6  # another run holds the lock on the output folder
    NOTHING_NEW = 7  # daily: a brief was written, but it has nothing new
    PARTIAL = 8  # a brief was written, but some sources were skipped


class BrieferError(Exception):
    """Base class of every error briefer raises on purpose."""

    exit_code: int = ExitCode.INTERNAL


class UsageError(BrieferError):
    """A bad option value, unknown name or malformed argument."""

    exit_code = ExitCode.USAGE


class ConfigError(BrieferError):
    """A config or topics file that cannot be read or is invalid."""

    exit_code = ExitCode.USAGE


class SourceError(BrieferError):
    """One source cannot be used (empty, binary, undecodable, too large, not English, unreachable)."""

    exit_code = ExitCode.NO_SOURCES


class NoUsableSourcesError(BrieferError):
    """Every source was skipped: there is nothing to brief."""

    exit_code = ExitCode.NO_SOURCES


class RenderError(BrieferError):
    """A brief could not be rendered or written."""

    exit_code = ExitCode.RENDER


class StorageError(RenderError):
    """The output folder cannot be written: the disk is full, the file system read-only, a file unsafe."""


class StateError(BrieferError):
    """The state file is damaged, newer than this briefer, or not a briefer state file: refused untouched."""

    exit_code = ExitCode.USAGE


class MailError(BrieferError):
    """The brief was written but could not be mailed."""

    exit_code = ExitCode.MAIL


class LockError(BrieferError):
    """Another run holds the lock on the same output folder."""

    exit_code = ExitCode.LOCKED


def unknown_name(kind: str, name: str, valid: list[str] | tuple[str, ...]) -> UsageError:
    """Build the error for an unknown ranker, format or other table entry, listing the valid names."""
    return UsageError(f"unknown {kind} {name!r}; valid {kind}s: {', '.join(sorted(valid))}")


# Everything that can drive a terminal or disguise a line: C0 controls (escape, CR, LF, tab, bell), DEL, C1
# controls, bidi marks, embeddings, overrides and isolates, the line and paragraph separators, lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                          "\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with control, bidi and line-separator characters spelled out ("\\x1b", "\\u2028").

    The one sanitiser of every log line and message on the terminal (briefer.cli installs it on the log
    handler): a file name, a link in a feed or an HTTP reason phrase cannot move the cursor, set the
    terminal's title or forge a line.
    """

    def spell(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(spell, text)
