"""The review loop end to end (issue 18): extract the seed, accept its candidates, apply them
to a copy of the log, build the real briefing, and find the accepted figures in its tables
with the seed as their source.

The log is a copy of data/raw with the seed's own rows (source ``seed-000``: two incidents,
two victims rows, its sources row) taken out, so the seed is new there while every other
report stays; the seed gets its source from a SEEDS/sources.csv (the header block is tested in
test_extract_texts.py), with a publication date, as its text gives none. A second, short
report gives an armed group's claim, which must reach tables/claims.csv as a claim (shown
apart, never counted) under a source of its own.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import load_script
from sitrep.extract import run_extract

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1a76105c3b426e2f.txt"
SOURCE = "seed-000"
EVENT = "EXT-000_1a76105c3b426e2f~"  # then a hash of the text
CLAIM_TEXT = ("QUETTA, 27 August 2024: The Baloch Liberation Army said in a statement that its "
              "fighters had killed 60 soldiers at the Bela camp in Lasbela district.\n")


def _without_seed(src: Path, dst: Path) -> int:
    """Copy a log CSV without the rows whose source is the seed; returns how many went."""
    with src.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    column = rows[0].index("source_id")
    kept = [r for r in rows if r[column] != SOURCE]
    with dst.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(kept)
    return len(rows) - len(kept)


def _sitrep() -> list[str]:
    exe = Path(sys.executable).with_name("sitrep")
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "sitrep.run.pipeline"]


@pytest.mark.e2e
def test_extract_accept_apply_and_the_briefing_cites_the_seed(tmp_path):
    log = tmp_path / "log"
    log.mkdir()
    gone = {n: _without_seed(ROOT / "data" / "raw" / n, log / n)
            for n in ("incidents.csv", "sources.csv", "victims.csv")}
    assert gone == {"incidents.csv": 2, "sources.csv": 1, "victims.csv": 2}
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(SEED, seeds / SEED.name)
    (seeds / "bla.txt").write_text(CLAIM_TEXT, encoding="utf-8")
    (seeds / "sources.csv").write_text(
        "document,source_id,publisher,published,title,url,source_type\n"
        f"{SEED.name},{SOURCE},Wire report (the seed),2024-08-26,"
        "Separatist group claims attacks in southwestern Pakistan,,media\n"
        "bla.txt,wire-bla,Test Wire,2024-08-27,BLA claims Bela toll,,media\n", encoding="utf-8")

    # make extract, then the reviewer accepts every candidate.
    run_extract(seeds, tmp_path / "cand")
    cands = pd.read_csv(tmp_path / "cand" / "candidates.csv", dtype=str, keep_default_na=False)
    cands["decision"] = "accept"
    cands.to_csv(tmp_path / "cand" / "candidates.csv", index=False)

    # make extract-apply
    script = load_script("extract_apply")
    assert script.main(["--candidates", str(tmp_path / "cand"), "--seeds", str(seeds),
                        "--data", str(log), "--store", str(tmp_path / "store")]) == 0

    # make report, the real one.
    out = tmp_path / "out"
    proc = subprocess.run([*_sitrep(), "report", "--data", str(log), "--out", str(out),
                           "--force-out=1", "--work", str(tmp_path / "work")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr

    # The figures accepted (as the extractor proposed them: the extractor's own output is
    # tested elsewhere) are the seed's figures in the briefing: per category, the largest.
    assert cands.loc[cands["document"] == "bla.txt", "claim"].tolist() == ["yes"]
    seed_cands = cands[cands["document"] == SEED.name]
    counted = seed_cands[(seed_cands["claim"] == "no")
                         & (seed_cands["victim_category"] != "unknown")]
    expected = counted.assign(low=counted["low"].astype(int)).groupby(
        ["victim_category", "outcome"])["low"].max().to_dict()
    assert expected
    tables = out / "tables"
    figures = pd.read_csv(tables / "report_figures.csv", dtype=str, keep_default_na=False)
    seed = figures[(figures["source_id"] == SOURCE) & (figures["derived"] == "")]
    [event_id] = set(seed["event_id"])
    assert event_id.startswith(EVENT) and len(event_id) == len(EVENT) + 8
    assert {(r["victim_category"], r["outcome"]): int(r["low"])
            for r in seed.to_dict("records")} == expected
    assert set(seed["publisher"]) == {"Wire report (the seed)"}
    timeline = pd.read_csv(tables / "timeline.csv", dtype=str, keep_default_na=False)
    event = timeline[timeline["event_id"] == event_id].iloc[0]
    assert (event["event_date"], event["province"], event["sources"]) == (
        "2024-08-26", "Balochistan", "1")
    for (category, outcome), low in expected.items():
        if outcome == "killed" and category != "all":
            assert event[f"killed_{category}"] == str(low)
    sources = pd.read_csv(tables / "sources.csv", dtype=str, keep_default_na=False)
    assert sources[sources["source_id"] == SOURCE]["published"].tolist() == ["2024-08-26"]
    audit = pd.read_csv(out / "audit.csv", dtype=str, keep_default_na=False)
    mine = audit[audit["source_id"] == SOURCE]
    victims = pd.read_csv(log / "victims.csv", dtype=str, keep_default_na=False)
    n_victims = int((victims["source_id"] == SOURCE).sum())
    assert n_victims == int((seed_cands["home_province"] != "").sum())
    assert len(mine) == 2 + n_victims and set(mine["fate"]) == {"kept"}

    # The store holds the seed and its six accepted figures, in the evaluation format.
    gold = pd.read_csv(tmp_path / "store" / "gold.csv", dtype=str, keep_default_na=False)
    assert len(gold) == len(cands) and set(gold["document"]) == {SEED.name, "bla.txt"}

    # The claim: its own source of type perpetrator_claim, in claims.csv, counted nowhere.
    claims = pd.read_csv(tables / "claims.csv", dtype=str, keep_default_na=False)
    mine = claims[claims["source_id"] == "wire-bla-claim"]
    assert mine[["victim_category", "outcome", "claimed_low"]].values.tolist() == [
        ["security_forces", "killed", "60"]]
    assert mine.iloc[0]["event_id"].startswith("EXT-bla~")
    assert "Baloch Liberation Army" in mine.iloc[0]["claimant"]
    assert set(figures.loc[figures["source_id"] == "wire-bla-claim", "source_type"]) == {
        "perpetrator_claim"}
    bla = timeline[timeline["event_id"] == mine.iloc[0]["event_id"]].iloc[0]
    assert bla["killed_security_forces"] in ("", "0") and bla["sources"] == "1"
