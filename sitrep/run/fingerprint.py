"""What a briefing depends on, as one digest: the input files' contents (and which files there
are), the parameters and the code. A run whose digest matches the one stored with OUT's briefing
is skipped ("Up to date"); file times play no part, so a file copied with its old time, a file
deleted or a path with spaces is never mistaken for "nothing changed".

Contents are hashed whole (SHA-256 in chunks): a few milliseconds for a hand-kept log, a small
share of a run for a large export (the README's "Up to date, by content" gives the measurement).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from sitrep.paths import ALIASES, GEO, NOTEBOOKS, PACKAGE, ROOT

# The native log's files: given one of them as DATA, the reader also reads its siblings.
LOG_STEMS = {"incidents", "sources", "victims"}
CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            h.update(block)
    return h.hexdigest()


def absolute(path: str | os.PathLike) -> Path:
    """DATA or OUT as sitrep reads it: ``~`` expanded, relative to the repository root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else ROOT / p


def data_files(data: Path) -> list[Path]:
    """The files a reader may read for DATA: a folder's own files (readers look no deeper);
    for one file, that file and, for a log file, the log files beside it."""
    if data.is_dir():
        return sorted(p for p in data.iterdir() if p.is_file())
    if not data.is_file():
        return []
    siblings = [p for p in data.parent.iterdir()
                if p.is_file() and p.stem.lower() in LOG_STEMS] \
        if data.stem.lower() in LOG_STEMS else []
    return sorted({data, *siblings})


def _code_files() -> list[Path]:
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and p.suffix != ".pyc"]
    files += [p for folder in (ALIASES, GEO) for p in folder.rglob("*") if p.is_file()]
    files += sorted(NOTEBOOKS.glob("*.ipynb"))
    # The pinned libraries render the PDF and read the files: a new pin is new code too.
    files += [p for p in (ROOT / "requirements.txt",) if p.is_file()]
    return sorted(set(files))


def code_digest() -> str:
    h = hashlib.sha256()
    for p in _code_files():
        h.update(f"{p.relative_to(ROOT).as_posix()}\0{file_digest(p)}\n".encode())
    return h.hexdigest()


def run_key(data: str, params: dict[str, str | bool]) -> str | None:
    """The digest of one briefing's inputs; None when DATA does not exist (the run goes ahead
    and the reader says what is wrong)."""
    path = absolute(data)
    if not path.exists():
        return None
    inputs = [(p.name, p.stat().st_size, file_digest(p)) for p in data_files(path)]
    record = {"data": str(path), "files": inputs, "params": params, "code": code_digest()}
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
