"""Files in, files out: every ``*.txt`` of a folder -> candidates.csv, the two drafts, and
unread.csv (the counts set aside, with the reason)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from sitrep.extract.candidates import candidate_frame, read_figures
from sitrep.extract.drafts import draft_incidents, draft_victims
from sitrep.extract.review.logfiles import kept_mode
from sitrep.extract.texts import read_reports
from sitrep.extract.unread import unread_frame
from sitrep.schema import CANDIDATE_COLUMNS, UNREAD_COLUMNS


def run_extract(seeds_dir: str | Path, out_dir: str | Path, learned: bool = True) -> dict:
    """Write OUT/candidates.csv, OUT/incidents.csv, OUT/victims.csv and OUT/unread.csv;
    return row counts. The learned layer decides when its model is present and ``learned``
    (:mod:`sitrep.extract.learn`); the rules alone otherwise."""
    from sitrep.extract.learn.apply import default_model, learned_tables
    model = default_model() if learned else None
    texts = read_reports(seeds_dir)
    found, set_aside = [], []
    for name, text in texts.items():
        if model is not None:
            figures_table, unread_table = learned_tables(model, text, name)
            found.append(figures_table)
            set_aside.append(unread_table)
            continue
        dropped: list = []
        figures, sentences, places = read_figures(text, dropped)  # once per report
        found.append(candidate_frame(name, figures, sentences, places))
        set_aside.append(unread_frame(text, name, figures, dropped))
    candidates = _concat(found, CANDIDATE_COLUMNS)
    unread = _concat(set_aside, UNREAD_COLUMNS)
    incidents = draft_incidents(candidates, texts)
    victims = draft_victims(candidates)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in (("candidates.csv", candidates), ("incidents.csv", incidents),
                        ("victims.csv", victims), ("unread.csv", unread)):
        write_csv_atomic(frame, out / name)
    return {"documents": len(texts), "candidates": len(candidates),
            "incidents": len(incidents), "victims": len(victims), "unread": len(unread)}


def _concat(frames: list[pd.DataFrame], columns: tuple[str, ...]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    return (pd.concat(frames, ignore_index=True) if frames
            else pd.DataFrame(columns=list(columns)))


def write_csv_atomic(frame: pd.DataFrame, path: Path) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            frame.to_csv(fh, index=False)
        os.chmod(tmp, kept_mode(path))  # mkstemp makes it 0600, unreadable to colleagues
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
