"""OUT, the analyst's folder: which folders sitrep refuses to write into, where the lock and the
publish's working files sit beside it, and the manifest that says which files in OUT sitrep
wrote and from what (the digest of `sitrep.run.fingerprint`).

The manifest, ``OUT/.sitrep-manifest.json``, lists every file of the briefing with its SHA-256.
Only those files are ever replaced or removed by a later run; anything else in OUT (or in
OUT/tables) is the analyst's and is left alone. A folder with no manifest is written into only
when it is empty (a ``.gitkeep`` aside), holds nothing but an older sitrep's briefing, or the
analyst says so (``--force-out`` / ``FORCE_OUT=1``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from sitrep.paths import ROOT
from sitrep.run.fingerprint import absolute, file_digest
from sitrep.run.kernels import Failure

MANIFEST = ".sitrep-manifest.json"
# Placeholders that do not make a folder someone's: git's for an empty folder, Finder's.
PLACEHOLDERS = {".gitkeep", ".DS_Store"}
# What sitrep wrote before it kept a manifest: such a folder is its own briefing.
LEGACY = {"briefing.pdf", "briefing.html", "audit.csv", "tables"}


class Refused(Failure):
    """OUT (or WORK) is a folder sitrep must not write into: exit status 2."""

    def __init__(self, message: str):
        super().__init__(message, 2)


def resolve(out: str | os.PathLike) -> Path:
    """OUT as an absolute path with symbolic links resolved, so that two spellings of one folder
    share one lock."""
    return Path(os.path.realpath(absolute(out)))


def _protected() -> dict[Path, str]:
    home = Path(os.path.realpath(Path.home()))
    return {Path("/"): "the root folder", home: "your home folder",
            Path(os.path.realpath(ROOT)): "the repository's root"}


def refuse_special(out: Path, given: str, name: str = "OUT") -> None:
    """/, the home folder, the repository root, or a folder holding one of them: never."""
    for folder, what in _protected().items():
        if out == folder or out in folder.parents:
            where = what if out == folder else f"a folder that holds {what} ({folder})"
            raise Refused(f"{name}={given} is {where}: sitrep writes its briefing only into a "
                          f"folder of its own - choose one, such as {name}=report")
    if out.exists() and not out.is_dir():
        raise Refused(f"{name}={given} is a file, not a folder - choose a folder for the briefing")


def state_dir(out: Path) -> Path:
    """Beside OUT (hidden, same filesystem, so that renames into OUT are atomic); inside OUT
    when OUT is a mount point or its parent cannot be written."""
    parent = out.parent
    inside = out.is_dir() and (not os.access(parent, os.W_OK)
                               or os.stat(out).st_dev != os.stat(parent).st_dev)
    return out / ".sitrep-state" if inside else parent / f".{out.name}.sitrep"


def lock_file(out: Path) -> Path:
    """Beside the state folder, not in it: the state folder is removed while the lock is held."""
    state = state_dir(out)
    return state.with_name(state.name + "-lock")


def read_manifest(out: Path) -> dict | None:
    try:
        m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return m if isinstance(m, dict) and isinstance(m.get("files"), dict) else None


def _is_legacy(entries: list[Path]) -> bool:
    names = {p.name for p in entries}
    if not names <= LEGACY or not names & {"briefing.pdf", "tables"}:
        return False
    tables = [p for p in entries if p.name == "tables"]
    return all(t.is_dir() and all(f.is_file() and f.suffix == ".csv" for f in t.iterdir())
               for t in tables)


def check_foreign(out: Path, given: str, force: bool) -> None:
    """A non-empty folder that no sitrep run wrote is refused unless ``force``."""
    if force or not out.is_dir() or read_manifest(out) is not None:
        return
    entries = [p for p in out.iterdir()
               if p.name not in PLACEHOLDERS and p.name != ".sitrep-state"]
    if not entries or _is_legacy(entries):
        return
    shown = ", ".join(sorted(p.name for p in entries)[:3]) + (", ..." if len(entries) > 3 else "")
    raise Refused(f"OUT={given} is not empty ({shown}) and no sitrep run wrote it (it has no "
                  f"{MANIFEST}). Choose an empty or new folder, or pass FORCE_OUT=1 "
                  f"(--force-out) to write into it anyway: sitrep then adds briefing.pdf, "
                  f"briefing.html, audit.csv and tables/, replaces files of those names, and "
                  f"leaves everything else there alone.")


def files_of(folder: Path) -> dict[str, str]:
    """Every file under ``folder``, by path relative to it, with its SHA-256."""
    return {p.relative_to(folder).as_posix(): file_digest(p)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def up_to_date(out: Path, key: str | None) -> dict | None:
    """The manifest, when OUT holds the briefing of exactly these inputs, intact."""
    m = read_manifest(out)
    if key is None or m is None or m.get("key") != key:
        return None
    for rel, digest in m["files"].items():
        p = out / rel
        if not p.is_file() or file_digest(p) != digest:
            return None
    return m
