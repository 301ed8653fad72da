"""Decoding: bytes to article text (UTF-8, or UTF-16/32 by their byte order mark), refusing what is
binary, blank or not valid Unicode, each refusal carrying its error kind."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ingest.records import InputRejected

# Share of control characters (other than tab, newline, carriage return, form feed)
# above which decoded text is treated as binary rather than as an article.
MAX_CONTROL_CHAR_SHARE = 0.05
NUL = b"\x00"
SURROGATE = re.compile("[\ud800-\udfff]")

# Byte order marks and their encodings; UTF-32's little-endian mark starts with UTF-16's, so it
# is tried first.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding a byte order mark at the start names, or None."""
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def decode_text(data: bytes, max_bytes: int) -> str:
    """Decode article bytes as UTF-8 (a BOM is dropped), or as UTF-16 or UTF-32 when a byte
    order mark says so, refusing what is not an article."""
    if len(data) > max_bytes:
        raise InputRejected("too_large", f"{len(data):,} bytes is over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise InputRejected("empty", "the input holds no text" if data else "the input is empty (0 bytes)")
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputRejected("undecodable", f"not valid {encoding.upper()} after its byte order mark: "
                                               f"{error.reason} at byte {error.start}") from None
        check_text(text)
        return text
    if NUL in data:
        raise InputRejected("binary", f"NUL byte at position {data.index(NUL)}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputRejected(
            "undecodable",
            f"not valid UTF-8: byte 0x{data[error.start]:02x} at position {error.start} ({error.reason})",
        ) from None
    check_text(text)
    return text


def check_unicode(value: str, field: str) -> None:
    """Refuse a lone surrogate (JSON can escape one, "\\ud800"): it is no character, and no
    UTF-8 (the warehouse's encoding) can hold it."""
    surrogate = SURROGATE.search(value)
    if surrogate:
        raise InputRejected("undecodable", f"{field} holds a lone surrogate U+{ord(surrogate.group()):04X} "
                                           f"at position {surrogate.start()}: not valid Unicode")


def check_text(text: str) -> None:
    """Refuse decoded text that is blank, mostly control characters, or not valid Unicode."""
    check_unicode(text, "the text")
    if not text.strip():
        raise InputRejected("empty", "the input holds only whitespace")
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    if controls > MAX_CONTROL_CHAR_SHARE * len(text):
        raise InputRejected("binary", f"{controls} of {len(text)} characters are control characters")
