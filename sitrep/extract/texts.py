"""The SEEDS folder in: every report text the extractor reads, and the source of each.

A text may open with a header block giving its source, one ``Key: value`` per line::

    Publisher: Dawn
    Published: 2024-08-26
    Headline: Balochistan rocked by violence as multiple attacks claim 40 lives
    URL: https://www.dawn.com/news/1854838
    Source type: media
    Source ID: dawn-1854838

    QUETTA: Gunmen ...

The block is recognised when the file's first line, or any line of its first block (to the first
blank line), is one of these keys (matched without regard to case, spaces, '-' or '_'; a
byte-order mark before it is blanked): ``Publisher``, ``Published`` (or ``Date``; YYYY-MM-DD,
or with the month named, "26 August 2024", "Aug 26, 2024", written as YYYY-MM-DD),
``Headline`` (or ``Title``), ``URL`` (or ``Link``), ``Source type`` (one of the log's source
types; default ``media``) and ``Source ID`` (default: the file name without ``.txt``). It ends
at the first blank line or a line ``---``; it may also open with a line ``---``. Every line
inside it must be such a key. Beside the texts, ``SEEDS/sources.csv`` may give the same
fields with the column names of the log's sources.csv (``source_id, publisher, published,
title, url, source_type``) plus ``document``, the text's file name. A field given by both must
agree.

The header is blanked (every character but the line breaks becomes a space) in the text the
extractor reads, so that it is never read as report text and the candidates' ``start``/``end``
offsets still count characters of the file as written.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.schema import SOURCE_COLUMNS, SOURCE_TYPES

SOURCES_FILE = "sources.csv"
# Header key (normalised: lower case, no spaces, '-' or '_') -> the log's source column.
KEYS = {"publisher": "publisher", "published": "published", "date": "published",
        "headline": "title", "title": "title", "url": "url", "link": "url",
        "sourcetype": "source_type", "sourceid": "source_id"}
_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]*?)\s*:\s*(.*?)\s*$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class SourceError(ValueError):
    """A header or SEEDS/sources.csv that cannot be read; the message names file and line."""


@dataclass
class Report:
    """One text file: what the extractor reads, and where its source was given."""
    name: str
    text: str                 # the file with its header blanked (same length)
    body_start: int           # offset of the first character after the header
    source: dict[str, str] = field(default_factory=dict)   # source column -> value
    said_at: dict[str, str] = field(default_factory=dict)  # source column -> "file:line"

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


def read_reports(seeds_dir: str | Path) -> dict[str, str]:
    """File name -> text (header blanked) for every ``*.txt`` in ``seeds_dir``, in name order."""
    return {name: r.text for name, r in read_documents(seeds_dir).items()}


def read_documents(seeds_dir: str | Path) -> dict[str, Report]:
    """File name -> :class:`Report` for every ``*.txt`` in ``seeds_dir``, each with its source
    from its header and ``sources.csv``; raises :class:`SourceError` when they disagree."""
    folder = Path(seeds_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"SEEDS={folder}: no such folder - point SEEDS at the folder "
                                "holding the report .txt files")
    reports = {p.name: read_document(p) for p in sorted(folder.glob("*.txt"))}
    listed = read_sources_csv(folder / SOURCES_FILE) if (folder / SOURCES_FILE).is_file() else {}
    for name, (fields, where) in listed.items():
        if name not in reports:
            raise SourceError(f"{where}: document '{name}' is not a .txt file in {folder}")
        _merge(reports[name], fields, where)
    for r in reports.values():
        r.source.setdefault("source_id", Path(r.name).stem)
        r.source.setdefault("source_type", "media")
    return reports


def read_document(path: Path) -> Report:
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SourceError(f"{path.name}:{line}: is not UTF-8 (byte {exc.start}: "
                          f"{data[exc.start:exc.start + 1]!r}) - save the text as UTF-8 "
                          "(in Notepad: Save As, Encoding UTF-8) and run again") from None
    if raw.startswith("\ufeff"):  # a byte-order mark (Notepad writes one): blanked, once
        raw = " " + raw[1:]
    source, said_at, end = parse_header(raw, path.name)
    # Blank the header, line breaks kept, so that offsets into the text are offsets in the file.
    text = re.sub(r"[^\n]", " ", raw[:end]) + raw[end:]
    return Report(path.name, text, end, source, said_at)


def parse_header(text: str, name: str) -> tuple[dict[str, str], dict[str, str], int]:
    """(source column -> value, source column -> 'name:line', end offset of the header)."""
    lines = text.split("\n")
    first = lines[0].lstrip("\ufeff").strip()
    fenced = first == "---"
    if not fenced and _key(first) is None and not _header_like(lines):
        return {}, {}, 0
    source: dict[str, str] = {}
    said_at: dict[str, str] = {}
    offset = len(lines[0]) + 1 if fenced else 0
    for number, line in enumerate(lines[1 if fenced else 0:], start=2 if fenced else 1):
        stripped = line.strip()
        if stripped == "---" or (not stripped and not fenced):
            return source, said_at, min(offset + len(line) + 1, len(text))
        offset += len(line) + 1
        if not stripped:
            continue  # a blank line inside a fenced header
        column = _key(stripped)
        if column is None:
            raise SourceError(f"{name}:{number}: '{stripped[:60]}' is not a header line - the "
                              "header (Publisher:, Published:, Headline:, URL:, Source type:, "
                              "Source ID:) ends with a blank line or '---' before the report")
        value = _LINE.match(stripped).group(2)
        if column in source:
            raise SourceError(f"{name}:{number}: {column} is given twice in the header "
                              f"(first at line {said_at[column].rsplit(':', 1)[1]})")
        source[column] = _checked(column, value, f"{name}:{number}")
        said_at[column] = f"{name}:{number}"
    raise SourceError(f"{name}: the header never ends - put a blank line (or '---') between "
                      "the header and the report text")


def read_sources_csv(path: Path) -> dict[str, tuple[dict[str, str], str]]:
    """document -> (source column -> value, 'sources.csv:line') from SEEDS/sources.csv."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = [h.strip() for h in reader.fieldnames or []]
        if "document" not in header:
            raise SourceError(f"{path.name}:1: no 'document' column - name each row's text "
                              f"file there (columns: document, {', '.join(SOURCE_COLUMNS)})")
        unknown = [h for h in header if h not in SOURCE_COLUMNS and h != "document"]
        if unknown:
            raise SourceError(f"{path.name}:1: unknown column(s) {', '.join(unknown)} - use "
                              f"document, {', '.join(SOURCE_COLUMNS)}")
        out: dict[str, tuple[dict[str, str], str]] = {}
        line = 1
        for row in reader:
            where = f"{path.name}:{line + 1}"
            line = reader.line_num
            row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            document = row.pop("document")
            if not document:
                raise SourceError(f"{where}: column 'document' is empty - give the text's "
                                  "file name")
            if document in out:
                raise SourceError(f"{where}: document '{document}' is already listed at "
                                  f"{out[document][1]}")
            out[document] = ({k: _checked(k, v, f"{where} column '{k}'")
                              for k, v in row.items() if v}, where)
    return out


def _header_like(lines: list[str]) -> bool:
    """Whether the first block (to the first blank line or '---') has a header key in it: a
    misspelt first key ('Publsher:') must be named, not read as report text."""
    for line in lines:
        if not line.strip() or line.strip() == "---":
            return False
        if _key(line.strip()) is not None:
            return True
    return False


def _key(line: str) -> str | None:
    m = _LINE.match(line)
    return KEYS.get(re.sub(r"[\s_-]", "", m.group(1)).lower()) if m else None


# Dates as a news page prints them, with the month named: unambiguous whatever the locale
# (a numeric 03/04/2024 is not, and stays an error).
_NAMED_MONTH = ("%d %B %Y", "%d %b %Y", "%d %B, %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y",
                "%b %d %Y", "%A, %d %B %Y", "%a, %d %b %Y", "%A %d %B %Y", "%A, %B %d, %Y")


def iso_date(value: str) -> str | None:
    """``value`` as YYYY-MM-DD when it is ISO or a date with its month named, else None."""
    from datetime import datetime
    text = " ".join(value.replace(".", " ").split())
    if _ISO.match(text):
        try:
            return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None
    for fmt in _NAMED_MONTH:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _checked(column: str, value: str, where: str) -> str:
    if column == "published" and value:
        iso = iso_date(value)
        if iso is None:
            raise SourceError(f"{where}: published date '{value[:60]}' is not a date sitrep "
                              "can read without doubt - write it as YYYY-MM-DD (or with the "
                              "month named: 26 August 2024)")
        value = iso
    if column == "source_type" and value:
        value = value.lower().replace(" ", "_").replace("-", "_")
        if value not in SOURCE_TYPES:
            raise SourceError(f"{where}: source type '{value}' is not one of "
                              f"{', '.join(SOURCE_TYPES)}")
    return value


def _merge(report: Report, fields: dict[str, str], where: str) -> None:
    for column, value in fields.items():
        mine = report.source.get(column)
        if mine and mine != value:
            raise SourceError(f"{report.said_at[column]} says {column} '{mine}' but {where} "
                              f"says '{value}' - make them agree (or give it in one place)")
        report.source[column] = value
        report.said_at.setdefault(column, where)
