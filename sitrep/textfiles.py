"""How a spreadsheet saved a small text file: its encoding and its separator.

Shared by the log's readers (``sitrep.clean.readers.files``) and the review of extracted
figures (``sitrep.extract.review``), which read the same kinds of files an analyst re-saved.
"""

from __future__ import annotations

import codecs

SEPARATORS = {",": "", ";": "semicolon-separated", "\t": "tab-separated"}


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: UTF-8 with or without the byte-order mark
    Excel's "CSV UTF-8" writes, UTF-16 when it starts with that mark (Excel's "Unicode
    text"), else Windows-1252 (what older Excel writes)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "UTF-8 with byte-order mark"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # a file cut at an odd byte (a header read from the first block) loses half a character
        return data.decode("utf-16", errors="ignore"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def separator(text: str) -> str:
    """The separator of comma, semicolon and tab that the header line holds most of (a comma
    on a tie: column names hold none of them)."""
    first = text.split("\n", 1)[0]
    return max(SEPARATORS, key=lambda sep: (first.count(sep), sep == ","))
