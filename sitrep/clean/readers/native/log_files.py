"""Where the log's files are: a folder with incidents, sources and (optionally) victims as CSV
or XLSX, one of those files (its siblings are found beside it), or one workbook with sheets
named incidents, sources and victims."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitrep.clean.readers.files import RawTable, read_table, sheet_names
from sitrep.problems import InputError
from sitrep.schema import SOURCE_COLUMNS


@dataclass
class LogFiles:
    incidents: RawTable
    sources: RawTable
    victims: RawTable | None


def _find(folder: Path, stem: str) -> Path | None:
    for ext in (".csv", ".xlsx", ".CSV", ".XLSX"):
        if (folder / f"{stem}{ext}").is_file():
            return folder / f"{stem}{ext}"
    return None


def locate(path: Path) -> LogFiles:
    path = Path(path)
    if path.suffix.lower() == ".xlsx" and path.is_file():
        sheets = {s.lower(): s for s in sheet_names(path)}
        if "incidents" in sheets:
            def sheet(n: str) -> RawTable | None:
                return read_table(path, sheets[n], f"{path.name}[{sheets[n]}]") \
                    if n in sheets else None
            srcs = sheet("sources")
            if srcs is None:
                raise InputError(message=f"{path.name}: has no 'sources' sheet - add one with "
                                         f"the columns {', '.join(SOURCE_COLUMNS)}")
            return LogFiles(sheet("incidents"), srcs, sheet("victims"))
    folder = path if path.is_dir() else path.parent
    incidents = path if path.is_file() else _find(folder, "incidents")
    if not path.exists():
        raise InputError(message=f"DATA={path}: no such file or folder - point DATA at the "
                                 "folder holding incidents.csv, or at an export file")
    if incidents is None:
        raise InputError(message=f"{folder}: no incidents.csv or incidents.xlsx here - point "
                                 "DATA at the folder of the incident log or at an export file")
    sources = _find(folder, "sources")
    if sources is None:
        raise InputError(message=f"{folder}: sources.csv is missing - every report's source_id "
                                 f"must be listed there ({', '.join(SOURCE_COLUMNS)})")
    victims = _find(folder, "victims")
    return LogFiles(read_table(incidents), read_table(sources),
                    read_table(victims) if victims else None)
