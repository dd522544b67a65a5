"""Every path sitrep knows: the repository's folders and the files shipped in the package.

A relative path given by the analyst (DATA, OUT, WORK, SEEDS) means relative to the repository
root, wherever the code runs from: `make` runs there, and a notebook opened in JupyterLab runs
in notebooks/ but reads and writes the same files (:func:`resolve`).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent

NOTEBOOKS = ROOT / "notebooks"
DATA = ROOT / "data"
RAW = DATA / "raw"
ALIASES = DATA / "aliases"
GEO = DATA / "geo"
BUILD = ROOT / "build"
# SITREP_CACHE moves the reading cache (the benchmark keeps its own).
CACHE = Path(os.environ.get("SITREP_CACHE") or BUILD / "cache")

TEMPLATES = PACKAGE / "brief" / "templates"
COUNTING_RULES = PACKAGE / "clean" / "counting_rules.md"


def resolve(path: str | os.PathLike) -> Path:
    """``~`` expanded; a relative path taken from the repository root (and left as written
    when the repository root is where we are, so that messages show it as the analyst gave
    it)."""
    p = Path(path).expanduser()
    if p.is_absolute() or Path.cwd().resolve() == ROOT:
        return p
    return ROOT / p


__all__ = ["PACKAGE", "ROOT", "NOTEBOOKS", "DATA", "RAW", "ALIASES", "GEO", "BUILD", "CACHE",
           "TEMPLATES", "COUNTING_RULES", "resolve"]
