"""The SEEDS folder in: every report text the extractor reads, by file name."""

from __future__ import annotations

from pathlib import Path


def read_reports(seeds_dir: str | Path) -> dict[str, str]:
    """File name -> text for every ``*.txt`` in ``seeds_dir``, in name order."""
    folder = Path(seeds_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"SEEDS={folder}: no such folder - point SEEDS at the folder "
                                "holding the report .txt files")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
