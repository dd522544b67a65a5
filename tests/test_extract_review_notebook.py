"""notebooks/00_extract.ipynb as the review notebook: the sources, the candidates least sure
first, and a review already written kept when make extract runs again."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "00_extract.ipynb"
TEXT = ("Publisher: Test Wire\nPublished: 2024-08-26\n\n"
        "Gunmen killed five soldiers. Two civilians were injured.")


def _code() -> str:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def test_the_candidates_are_shown_least_sure_first_and_the_review_explained():
    assert 'sort_values("probability"' in _code() and "ascending=False" not in _code()
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in nb["cells"]
                         if c["cell_type"] == "markdown")
    for word in ("`accept`", "`reject`", "`add`", "make extract-apply", "Published:"):
        assert word in markdown


@pytest.mark.notebook
def test_a_second_extraction_keeps_the_review(tmp_path):
    papermill = pytest.importorskip("papermill")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "cand"

    def run():
        return papermill.execute_notebook(
            str(NOTEBOOK), str(tmp_path / "run.ipynb"),
            parameters={"SEEDS": str(seeds), "OUT": str(out)}, cwd=str(ROOT),
            kernel_name="python3", progress_bar=False)

    run()
    cands = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    cands["decision"] = "accept"
    cands.to_csv(out / "candidates.csv", index=False)
    executed = run()
    again = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    assert list(again["decision"]) == ["accept"] * len(cands)
    shown = json.dumps([c.get("outputs") for c in executed["cells"]])
    assert "Test Wire" in shown and "decisions_kept" in shown


@pytest.mark.notebook
def test_make_extract_says_on_the_terminal_what_became_of_a_decision(tmp_path):
    """A decision that could not be carried is said where the analyst ran make extract, not
    only inside the executed notebook."""
    import subprocess
    seeds, out = tmp_path / "seeds", tmp_path / "cand"
    seeds.mkdir()
    (seeds / "a.txt").write_text(TEXT, encoding="utf-8")

    def make_extract() -> str:
        done = subprocess.run(["make", "--no-print-directory", "extract", f"SEEDS={seeds}",
                               f"CANDIDATES={out}"], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    make_extract()
    cands = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    cands["decision"] = "reject"
    cands.to_csv(out / "candidates.csv", index=False)
    (seeds / "a.txt").write_text(TEXT.replace("five soldiers", "a goat"), encoding="utf-8")
    said = make_extract()
    assert "a.txt" in said and "is no longer proposed: dropped" in said
    # into a log the analyst keeps: what it held stays, and the lines are whole
    log = tmp_path / "extract.log"
    log.write_text("earlier run\n", encoding="utf-8")
    cands = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    cands["decision"] = "reject"
    cands.to_csv(out / "candidates.csv", index=False)
    (seeds / "a.txt").write_text(TEXT.replace("Two civilians", "A goat"), encoding="utf-8")
    subprocess.run(f"make --no-print-directory extract SEEDS='{seeds}' CANDIDATES='{out}' "
                   f">> '{log}' 2>&1", shell=True, cwd=ROOT, check=True)
    kept = log.read_text(encoding="utf-8")
    assert kept.startswith("earlier run\n") and "papermill" in kept
    assert any(line.endswith("is no longer proposed: dropped") for line in kept.splitlines())
