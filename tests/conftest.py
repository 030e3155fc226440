"""Fixtures shared by every test module: folders of our own stories, options, local servers, certificates.

Plain helpers and constants (paths, stories, document builders) are in tests/helpers.py; import them from there,
never from this module. Servers (HTTP site, SMTP mailbox) are in tests/servers.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from briefer.config import BriefOptions, load_options
from tests.helpers import FLOOD_A, FLOOD_B, FLOOD_C, FLOOD_TOPICS, SHARED
from tests.servers import Mailbox, Site, make_certificate


@pytest.fixture
def flood_dir(tmp_path: Path) -> Path:
    """A folder with the three flood articles."""
    folder = tmp_path / "flood"
    folder.mkdir()
    for name, text in (("a.txt", FLOOD_A), ("b.txt", FLOOD_B), ("c.txt", FLOOD_C)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def flood_options() -> BriefOptions:
    """Options for the flood story: its topics, a 120-word budget."""
    return replace(load_options(words=120, title="Eastbrook flood"), topics=FLOOD_TOPICS)


@pytest.fixture
def write_files(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write {name: text or bytes} into a fresh folder and return it."""

    def write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / f"files{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        for name, content in files.items():
            path = folder / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def seeds() -> Path:
    """../shared/seeds, or skip when this checkout has no shared folder beside it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not present")
    return SHARED / "seeds"


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate and key for 127.0.0.1 (made once per session with openssl)."""
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def site() -> Iterator[Site]:
    """A fresh HTTP site on 127.0.0.1 whose routes a test sets."""
    with Site() as running:
        yield running


@pytest.fixture(scope="module")
def watched_site() -> Iterator[Site]:
    """One HTTP site for a whole module, to count the requests a renderer or fetcher makes (compare before/after)."""
    with Site() as running:
        yield running


@pytest.fixture
def mailbox(certificate: tuple[Path, Path]) -> Iterator[Mailbox]:
    """An SMTP server with STARTTLS and AUTH on 127.0.0.1."""
    with Mailbox("starttls", certificate) as running:
        yield running
