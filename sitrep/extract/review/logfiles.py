"""The incident log on disk: what it already holds, the new rows appended, all files or none.

New rows are appended below the rows already there, which stay byte for byte as they were (a
column the file lacks is added at its end, and only then is the file written afresh), so that
lines already in the log keep their numbers and a diff shows only what the review added. The
would-be log is checked in a temporary folder first; the files are then written beside the log
under temporary names and renamed over it, the three one after the other: sources, incidents,
victims, so that every state between two renames is a valid log.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sitrep.extract.review.decisions import ReviewError
from sitrep.store import neutralise_formulas

FILES = ("incidents.csv", "sources.csv", "victims.csv")
# The order make report looks for each file in (sitrep/clean/readers/native/log_files.py; the
# command passes that very function in, this is the fallback).
FIND_ORDER = (".csv", ".xlsx", ".CSV", ".XLSX")
_OTHER_SEPARATORS = {";": "semicolons", "\t": "tabs"}
# What identifies a row already in the log, and what must then agree for it to be the same.
KEYS = {"incidents.csv": ("event_id", "source_id"), "sources.csv": ("source_id",),
        "victims.csv": ("event_id", "source_id", "victim_category", "home_province")}
COMPARED = {"incidents.csv": ("event_date", "country", "province", "killed_civilians",
                              "killed_security_forces", "killed_militants", "killed_unknown",
                              "killed_total", "injured_civilians", "injured_security_forces",
                              "injured_militants", "injured_unknown", "injured_total"),
            "sources.csv": ("publisher", "published", "title", "url", "source_type"),
            "victims.csv": ("count", "basis")}


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: list[dict]    # cells as text, with "_line": the row's first line in the file
    text: str           # the file as read ("" when it does not exist yet)


@dataclass
class Merge:
    table: Table
    added: list[dict]       # rows to append
    present: list[tuple[dict, int]]  # new rows the log holds already, with their line


def find_file(folder: Path, stem: str) -> Path | None:
    return next((folder / f"{stem}{ext}" for ext in FIND_ORDER
                 if (folder / f"{stem}{ext}").is_file()), None)


def check_log_files(folder: Path, find: Callable[[Path, str], Path | None] | None) -> None:
    """Refuse a log that make report reads from other files than the lower-case .csv ones the
    apply writes (a workbook, ``incidents.CSV``): new CSV files beside it would hide it."""
    problems = []
    for name in FILES:
        stem = name.rsplit(".", 1)[0]
        found = (find or find_file)(folder, stem)
        if found is not None and found.name != name:
            kind = "a workbook" if found.suffix.lower() == ".xlsx" else "not named .csv"
            problems.append(f"{found}: make report reads the log's {stem} from this file "
                            f"({kind}); make extract-apply adds to {name} only, which would "
                            f"hide it - save the log as CSV UTF-8 ({', '.join(FILES)}), or "
                            "point DATA at the folder of the CSV log")
    if problems:
        raise ReviewError(problems, head="Cannot add to the log; nothing was written:")


def read_table(path: Path) -> Table:
    if not path.is_file():
        return Table(path, [], [], "")
    raw = path.read_bytes()
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UnicodeDecodeError("utf-16", raw[:2], 0, 2, "UTF-16 byte-order mark")
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReviewError([f"{path}: is not UTF-8 (make report reads it, but the apply cannot "
                           "add to it without changing its other bytes) - save it as CSV UTF-8 "
                           "and apply again"],
                          head="Cannot add to the log; nothing was written:") from None
    first = text.split("\n", 1)[0]
    sep = max((",", *_OTHER_SEPARATORS), key=lambda c: (first.count(c), c == ","))
    if sep != ",":
        raise ReviewError([f"{path}:1: its columns are separated by {_OTHER_SEPARATORS[sep]} "
                           "(make report reads it, but the apply writes commas) - save it as "
                           "CSV UTF-8 (comma-separated) and apply again"],
                          head="Cannot add to the log; nothing was written:")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    rows, line = [], 1
    for cells in reader:
        if any(c.strip() for c in cells):
            row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
            row["_line"] = line + 1
            rows.append(row)
        line = reader.line_num
    return Table(path, header, rows, text)


def merge(table: Table, new: pd.DataFrame) -> tuple[Merge, list[str]]:
    """The new rows the log lacks, those it holds alike, and a conflict for each row it holds
    with other values (naming the line and the columns)."""
    name = table.path.name
    key, compared = KEYS[name], COMPARED[name]
    held = {tuple(r.get(k, "") for k in key): r for r in table.rows}
    out, conflicts = Merge(table, [], []), []
    for row in new.astype(object).where(new.notna(), "").astype(str).to_dict("records"):
        old = held.get(tuple(row[k] for k in key))
        if old is None:
            out.added.append(row)
            held[tuple(row[k] for k in key)] = {**row, "_line": "new"}
            continue
        differ = [c for c in compared if c in old and old[c] != row.get(c, "")
                  and (row.get(c, "") or name != "sources.csv")]
        if not differ:
            out.present.append((row, old["_line"]))
            continue
        said = ", ".join(f"{c} '{old[c]}' (the review: '{row.get(c, '')}')" for c in differ)
        conflicts.append(f"{name}:{old['_line']}: {'/'.join(row[k] for k in key)} is already "
                         f"in the log with {said} - correct the review, or edit or delete that "
                         "row, then apply again")
    return out, conflicts


def rendered(m: Merge, columns: tuple[str, ...]) -> str:
    """The file's new text: its old text and the added rows, in the file's own columns."""
    t = m.table
    filled = {c for r in m.added for c in columns if r.get(c, "")}
    header = t.header or list(columns)
    missing = [c for c in columns if c in filled and c not in header]
    eol = "\r\n" if "\r\n" in t.text else "\n"
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator=eol)
    added = neutralise_formulas(pd.DataFrame(m.added, columns=list(columns), dtype=object))
    if not t.text:
        writer.writerow(header)
        head = ""
    elif missing:
        header = header + missing
        _with_columns(t.text, len(t.header), missing, writer, buf, eol)
        head = ""
    else:
        head = t.text if t.text.endswith(("\n", "\r")) else t.text + eol
    for row in added.to_dict("records"):
        writer.writerow([row.get(c, "") for c in header])
    return head + buf.getvalue()


def _with_columns(text: str, width: int, names: list[str], writer, buf: io.StringIO,
                  eol: str) -> None:
    """Write ``text`` again with the columns ``names`` after its ``width`` (empty below the
    header): every record as it was, blank lines kept, so that each row keeps the line number
    the analyst knows it by."""
    for k, cells in enumerate(csv.reader(io.StringIO(text, newline=""))):
        if k and not any(c.strip() for c in cells):
            buf.write(eol)  # a blank line (or one of empty cells) stays a blank line
            continue
        pad = [""] * (width - len(cells))
        writer.writerow(cells + pad + (names if k == 0 else [""] * len(names)))


def write_log(folder: Path, texts: dict[str, str],
              validate: Callable[[Path], list[str]]) -> None:
    """Check the log as it would be with ``texts`` (file name -> new text), then write them
    all or none. ``validate(folder)`` returns the error lines make report's checks give for
    the log in ``folder``; only errors the log did not have before stop the writing."""
    if not texts:
        return
    work = Path(tempfile.mkdtemp(prefix="sitrep-apply-"))
    try:
        for name in FILES:
            if name in texts:
                (work / name).write_text(texts[name], encoding="utf-8", newline="")
            elif (folder / name).is_file():
                shutil.copyfile(folder / name, work / name)
        before = set(validate(folder)) if (folder / "incidents.csv").is_file() else set()
        new = [p for p in validate(work) if p not in before]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if new:
        raise ReviewError(new, head=f"make report's checks fail on {folder} with the reviewed "
                                    "rows added; nothing was written:")
    _write_all(folder, texts)


# The order of the renames: a source before the incidents citing it, an incident before its
# victims rows, so that a kill between two renames leaves a log make report reads.
RENAME_ORDER = ("sources.csv", "incidents.csv", "victims.csv")


def _write_all(folder: Path, texts: dict[str, str]) -> None:
    """Every file to a temporary name beside it first, then the renames in RENAME_ORDER: a
    failure while writing leaves the log as it was, a kill between renames a valid log."""
    for name in FILES:  # what an earlier apply killed while writing left behind
        for stale in folder.glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)
    temps: list[tuple[str, Path]] = []
    try:
        for name in sorted(texts, key=RENAME_ORDER.index):
            text = texts[name]
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            temps.append((name, Path(tmp)))
            bom = read_bom(folder / name)
            with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
                fh.write(text)
            os.chmod(tmp, kept_mode(folder / name))  # mkstemp makes it 0600
        for name, tmp in temps:
            os.replace(tmp, folder / name)
    finally:
        for _, tmp in temps:
            tmp.unlink(missing_ok=True)


def kept_mode(path: Path) -> int:
    """The file's permissions, kept; for a new file, 0666 less the umask (as open() gives)."""
    if path.is_file():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def read_bom(path: Path) -> bool:
    """Whether the file opens with a UTF-8 byte-order mark (kept: Excel writes one)."""
    if not path.is_file():
        return False
    with path.open("rb") as fh:
        return fh.read(3) == b"\xef\xbb\xbf"
