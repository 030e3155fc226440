"""Bytes to text: every encoding in tests/data/bad/encodings decodes to the same story; binaries are refused."""

from __future__ import annotations

import codecs
import gzip
import io
import random
import sys
import zipfile
from pathlib import Path

import pytest

from briefer.errors import SourceError
from briefer.read.decode import binary_kind, decode, detect_encoding

ENCODINGS = Path(__file__).parent / "data" / "bad" / "encodings"
BROKEN = Path(__file__).parent / "data" / "bad" / "broken"
STORY = (ENCODINGS / "story.txt").read_text(encoding="utf-8")
# Latin-1 has no curly quotes, dashes or euro sign: its copy of the story spells them in ASCII.
LATIN1_STORY = STORY.replace("“", '"').replace("”", '"').replace("—", "-").replace("€", "EUR ")

# file -> (the bytes it must hold, the encoding briefer must detect)
CORPUS = {
    "story.txt": (STORY.encode("utf-8"), "utf-8"),
    "utf8-bom.txt": (codecs.BOM_UTF8 + STORY.encode("utf-8"), "utf-8"),
    "utf16-le-bom.txt": (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "utf-16-le"),
    "utf16-be-bom.txt": (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "utf-16-be"),
    "utf16-le.txt": (STORY.encode("utf-16-le"), "utf-16-le"),
    "utf16-be.txt": (STORY.encode("utf-16-be"), "utf-16-be"),
    "cp1252.txt": (STORY.encode("cp1252"), "cp1252"),
    "latin1.txt": (LATIN1_STORY.encode("latin-1"), "cp1252"),  # the same characters in both above 0x9f
    "crlf.txt": (STORY.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    "cr.txt": (STORY.replace("\n", "\r").encode("utf-8"), "utf-8"),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_encoding_decodes_to_the_story(name: str) -> None:
    data = (ENCODINGS / name).read_bytes()
    expected_bytes, encoding = CORPUS[name]
    assert data == expected_bytes, f"{name} is not what the corpus says it is"
    assert detect_encoding(data)[0] == encoding
    assert decode(data, name) == (LATIN1_STORY if name == "latin1.txt" else STORY)


def test_bytes_cp1252_leaves_undefined_mean_latin1() -> None:
    # 0x81 is undefined in Windows-1252: such a file can only be Latin-1 (with a C1 control in it).
    data = "Café au lait in Zürich.".encode("latin-1") + b"\x81"
    assert detect_encoding(data) == ("latin-1", 0)
    assert decode(data, "x").startswith("Café au lait in Zürich.")


def test_utf32_with_a_bom_decodes() -> None:
    assert decode(codecs.BOM_UTF32_LE + "Quay Street.".encode("utf-32-le"), "x") == "Quay Street."


def test_text_is_nfc_with_newline_line_ends() -> None:
    text = decode("Zoe\u0308 said so.\r\nNext\x85line\u2028and\u2029more".encode(), "x")
    assert text == "Zoë said so.\nNext\nline\nand\n\nmore"


def _pdf() -> bytes:
    from briefer.deliver.render import html_to_pdf

    return html_to_pdf("<p>A real PDF made by the renderer.</p>")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", STORY)
    return buffer.getvalue()


@pytest.mark.parametrize(("make", "kind"), [
    (_pdf, "a PDF document"),
    (lambda: gzip.compress(STORY.encode()), "gzip-compressed data"),
    (_zip, "a ZIP archive"),
    (lambda: Path(sys.executable).resolve().read_bytes()[:65536], "an ELF program"),
    (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "a PNG image"),
])
def test_real_binaries_with_a_text_name_are_named(make: object, kind: str) -> None:
    data = make()  # type: ignore[operator]
    if kind == "an ELF program" and not data.startswith(b"\x7fELF"):
        pytest.skip("this Python is not an ELF binary")
    with pytest.raises(SourceError, match=f"binary data \\({kind}"):
        decode(data, "photo.txt")
    assert binary_kind(data).startswith(kind)


def test_random_bytes_are_binary() -> None:
    data = random.Random(3).randbytes(20_000)
    with pytest.raises(SourceError, match="binary data"):
        decode(data, "noise.txt")


@pytest.mark.parametrize(("name", "reason"), [
    ("empty.txt", "empty"),
    ("whitespace.txt", "empty"),
    ("bom-only.txt", "empty"),
    ("utf16-odd-length.txt", "cannot decode as utf-16-le"),
    ("control-characters.txt", "binary data .* control characters"),
])
def test_broken_files_have_a_clear_reason(name: str, reason: str) -> None:
    with pytest.raises(SourceError, match=f"^{name}: {reason}"):
        decode((BROKEN / name).read_bytes(), name)


def test_a_few_stray_control_characters_are_dropped_not_fatal() -> None:
    stray = STORY.replace("Thursday", "Thurs\x07day").replace("Quay Street", "Quay\x1b Street")
    assert decode(stray.encode(), "x") == STORY


def test_text_that_merely_starts_like_a_signature_is_still_text() -> None:
    assert decode(b"PK was the engineer's initials.", "x") == "PK was the engineer's initials."
