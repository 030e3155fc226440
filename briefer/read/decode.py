"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a BOM, Windows-1252 and Latin-1; binary refused."""

from __future__ import annotations

import codecs
import re
import unicodedata

from briefer.errors import SourceError

# Control characters other than tab/newline/CR: more than a few per thousand means binary, not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BINARY_CONTROL_SHARE = 0.01
# Bytes that Windows-1252 leaves undefined: their presence means the text is not cp1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")

# File signatures of the binaries most often found with a text name, to say what the file is.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP, WAV or AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx, .odt or .epub)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an ELF program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text puts a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of `data` and the length of its byte-order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    utf16 = _sniff_utf16(data)
    if utf16:
        return utf16, 0
    try:
        data.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    if not _CP1252_UNDEFINED.intersection(data):
        return "cp1252", 0
    return "latin-1", 0


def binary_kind(data: bytes) -> str:
    """What a binary file is, from its signature ("a PNG image"), or "" when none is known."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), "")


def decode(data: bytes, name: str) -> str:
    """Decode a source's bytes to NFC text with \\n line ends; SourceError if empty or binary."""
    if not data.strip():
        raise SourceError(f"{name}: empty")
    kind = binary_kind(data)
    if kind:
        raise SourceError(f"{name}: binary data ({kind}), not text")
    encoding, skip = detect_encoding(data)
    if (encoding == "utf-8" or encoding.startswith(("cp", "latin"))) and b"\x00" in data:
        raise SourceError(f"{name}: binary data (contains NUL bytes), not text")
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(f"{name}: cannot decode as {encoding}: {exc.reason}") from exc
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > _BINARY_CONTROL_SHARE * min(len(text), 100_000):
        raise SourceError(f"{name}: binary data ({controls} control characters), not text")
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise SourceError(f"{name}: empty")
    return text
