"""Tests for sitrep.extract.run and notebooks/00_extract.ipynb: the four files written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import two_report_seeds
from sitrep.extract import (CANDIDATE_COLUMNS, INCIDENT_COLUMNS, UNREAD_COLUMNS,
                            VICTIM_COLUMNS, run_extract)
from sitrep.extract.figures import BACKGROUND

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1a76105c3b426e2f.txt"


def test_run_extract_writes_the_four_files(tmp_path):
    seeds = two_report_seeds(tmp_path)
    counts = run_extract(seeds, tmp_path / "out", learned=False)  # the rules' own output
    assert counts == {"documents": 2, "candidates": 6, "incidents": 2, "victims": 2,
                      "unread": 1}
    unread = pd.read_csv(tmp_path / "out" / "unread.csv")
    assert list(unread.columns) == list(UNREAD_COLUMNS)
    assert unread.loc[0, "count"] == "40 people" and unread.loc[0, "reason"] == BACKGROUND
    cands = pd.read_csv(tmp_path / "out" / "candidates.csv")
    assert list(cands.columns) == list(CANDIDATE_COLUMNS)
    incidents = pd.read_csv(tmp_path / "out" / "incidents.csv")
    assert list(incidents.columns) == list(INCIDENT_COLUMNS)
    victims = pd.read_csv(tmp_path / "out" / "victims.csv")
    assert list(victims.columns) == list(VICTIM_COLUMNS)
    assert not list((tmp_path / "out").glob("*.tmp"))


def test_run_extract_names_a_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="SEEDS="):
        run_extract(tmp_path / "nowhere", tmp_path / "out")


@pytest.mark.notebook
def test_notebook_writes_candidates(tmp_path):
    papermill = pytest.importorskip("papermill")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "candidates"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "00_extract.ipynb"), str(tmp_path / "run.ipynb"),
        parameters={"SEEDS": str(seeds), "OUT": str(out)}, cwd=str(ROOT),
        kernel_name="python3", progress_bar=False)
    cands = pd.read_csv(out / "candidates.csv")
    assert list(cands.columns) == list(CANDIDATE_COLUMNS)
    assert {23, 14, 41, 9} <= set(cands["low"])
    assert (out / "incidents.csv").is_file() and (out / "victims.csv").is_file()
    assert list(pd.read_csv(out / "unread.csv").columns) == list(UNREAD_COLUMNS)


def test_notebook_is_committed_without_outputs():
    import json
    nb = json.loads((ROOT / "notebooks" / "00_extract.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert "parameters" in code[0]["metadata"].get("tags", [])


def test_the_files_written_are_readable_by_others_as_open_would_make_them(tmp_path):
    # the atomic write's temporary file is 0600; a colleague sharing CANDIDATES must read it
    import os
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Three soldiers were killed in Kech.", encoding="utf-8")
    run_extract(seeds, tmp_path / "out")
    umask = os.umask(0o022)
    os.umask(umask)
    for name in ("candidates.csv", "incidents.csv", "victims.csv", "unread.csv"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o666 & ~umask, name
