"""A cache of what a reader made of a large export, so a re-run does not parse it again.

The key is the file (path, size, modification time), the format, the filters, and the code
that reads it (the sitrep package and the alias tables): change any of them and the file is read
afresh. Entries live in ``build/cache/`` (git-ignored; delete it to clear). Hand-kept logs are
small and are never cached. Beside these readings, ``copy_dir`` names where the export reader
keeps a column-pruned Parquet copy of a large file that is briefed on with several filters.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from sitrep.clean.filters import Filters
from sitrep.problems import Problem
from sitrep.clean.readers.base import ReadResult

from sitrep.paths import ALIASES, CACHE, PACKAGE
FRAMES = ("reports", "figures", "sources", "audit", "victims")
# Below this size reading is as quick as loading the cache.
MIN_BYTES = 20_000_000


def _code_hash() -> str:
    h = hashlib.sha256()
    for p in sorted([*PACKAGE.rglob("*.py"), *ALIASES.glob("*.csv")]):
        h.update(p.read_bytes())
    return h.hexdigest()


def _file_key(path: Path, *scope: str) -> str | None:
    """A digest of the file (path, size, modification time), ``scope`` and the reading code;
    None for a file too small to cache."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size < MIN_BYTES:
        return None
    st = path.stat()
    parts = [str(path.resolve()), st.st_size, st.st_mtime_ns, *scope, _code_hash()]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:24]


def key(path: Path, fmt: str, filters: Filters) -> str | None:
    return _file_key(path, fmt, filters.country, filters.province, str(filters.start),
                     str(filters.end))


def copy_dir(path: Path, dataset: str) -> Path | None:
    """Where a column-pruned Parquet copy of a large export lives (``sitrep.clean.readers.export``): keyed
    by the file, the dataset and the reading code, not the filters, so that briefings with other
    filters can read the copy instead of the CSV. None for a small file."""
    k = _file_key(path, dataset)
    return None if k is None else CACHE / ("rows-" + k)


def load(k: str | None) -> ReadResult | None:
    d = CACHE / str(k)
    if k is None or not (d / "meta.json").is_file():
        return None
    meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
    frames = {name: pd.read_parquet(d / f"{name}.parquet") for name in FRAMES}
    return ReadResult(dataset=meta["dataset"], files=meta["files"], method=meta["method"],
                      problems=[Problem(**p) for p in meta["problems"]],
                      not_counted=meta.get("not_counted", {}), **frames)


def save(k: str | None, result: ReadResult) -> None:
    """Write the entry in a folder of this writer's own, then rename it into place: two runs
    saving the same entry at once each write their own copy, and the first rename wins (the
    other copy, the same reading, is dropped)."""
    if k is None:
        return
    d = CACHE / k
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f".{k}.*.tmp"):  # left by a killed run (a live one is not a day old)
        if time.time() - old.stat().st_mtime > 86400:
            shutil.rmtree(old, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{k}.", suffix=".tmp", dir=CACHE))
    try:
        _write(tmp, result)
        _install(tmp, d)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already when it was installed


def _write(tmp: Path, result: ReadResult) -> None:
    for name in FRAMES:
        frame = getattr(result, name)
        frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object}) \
            .to_parquet(tmp / f"{name}.parquet", index=False)
    meta = {"dataset": result.dataset, "files": result.files, "method": result.method,
            "problems": [asdict(p) for p in result.problems], "not_counted": result.not_counted}
    (tmp / "meta.json").write_text(json.dumps(meta, default=str), encoding="utf-8")


def _install(tmp: Path, d: Path) -> None:
    """Rename ``tmp`` to ``d`` (whole entries only: a half-written entry is never read). A
    complete entry already there was written by another run from the same key: it is kept."""
    for _ in range(2):
        try:
            os.rename(tmp, d)  # fails when d exists and is not empty
            return
        except OSError:
            if (d / "meta.json").is_file():
                return
            shutil.rmtree(d, ignore_errors=True)  # an incomplete entry of an older version
