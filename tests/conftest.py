"""Shared builders: tiny literal stories written for these tests, and paths to ../shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefer.config import BriefOptions, load_options
from briefer.model import Sentence, Topic

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "examples" / "blinken-beijing-2023"

# A small story of our own: a flood in the invented town of Eastbrook, three outlets,
# one of them a wire copy with small edits, with boilerplate around the text.
FLOOD_A = """Eastbrook flood forces hundreds from their homes

Home » News » Regions

EASTBROOK (Wire) -- The Lune River burst its banks in Eastbrook on Tuesday, forcing about 600 residents
to leave their homes.

Advertisement

Mayor Hanna Olsen said the water rose by two metres in six hours after three days of heavy rain.

Emergency crews used boats to reach families trapped in the low-lying Millbank district.

The regional rail line between Eastbrook and Corran was closed because the tracks were under water.

Engineers warned that the old Kingsgate dam upstream was under strain but not at risk of failing.

Insurers estimated the damage to homes and shops at about 40 million euros.

Share this article

Add a Comment
"""

FLOOD_B = """Eastbrook flood forces hundreds from their homes

The Lune River burst its banks in Eastbrook on Tuesday, forcing about 600 residents to leave their homes.

Mayor Hanna Olsen said the water rose by two metres in six hours after three days of heavy rain.

Emergency crews used small boats to reach families trapped in the low-lying Millbank district.

The regional rail line between Eastbrook and Corran was closed because its tracks were under water.

Subscribe to our newsletter
"""

FLOOD_C = """Schools shut as Eastbrook counts the cost of the flood

By Ola Berg

All eleven schools in Eastbrook will stay closed until Friday while the buildings are checked for damage.

The national weather service said more rain was expected over the weekend, though less than last week.

Volunteers filled sandbags at the town hall through the night to protect the historic market square.

The government promised an emergency fund for families whose homes were flooded.

Ola Berg contributed reporting.
"""

FLOOD_TOPICS = (
    Topic("Transport", ("rail", "road", "bridge", "tracks"), "Roads and railways."),
    Topic("Schools", ("school", "pupils"), "Whether schools are open."),
    Topic("Wildlife", ("otter", "fish"), "Animals."),
)


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
    from dataclasses import replace

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


def sentences_of(docs: list[list[str]]) -> list[Sentence]:
    """Sentence records for literal documents given as lists of sentences (one paragraph each)."""
    return [Sentence(doc=d, paragraph=0, position=p, text=t) for d, doc in enumerate(docs) for p, t in enumerate(doc)]


@pytest.fixture
def seeds() -> Path:
    """../shared/seeds, or skip when this checkout has no shared folder beside it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not present")
    return SHARED / "seeds"
