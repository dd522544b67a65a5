"""Tests for bench/gen_acled.py, the synthetic ACLED export generator used for benchmarks."""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "gen_acled.py"
N = 20_000

# ACLED's export codebook, in its order (written out again here, not imported).
CODEBOOK = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]
PROVINCES = ["Balochistan", "Khyber Pakhtunkhwa", "Punjab", "Sindh",
             "Islamabad Capital Territory", "Gilgit-Baltistan", "Azad Kashmir"]


def run(out: Path, events: int = N, seed: int = 7) -> Path:
    subprocess.run([sys.executable, str(SCRIPT), "--events", str(events), "--out", str(out),
                    "--seed", str(seed)], check=True, capture_output=True)
    return out


def load_module():
    spec = importlib.util.spec_from_file_location("gen_acled", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["gen_acled"] = mod          # worker processes find their function by module name
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return run(tmp_path_factory.mktemp("acled") / "acled.csv")


@pytest.fixture(scope="module")
def frame(generated):
    return pd.read_csv(generated, dtype=str, keep_default_na=False, encoding="utf-8")


def test_deterministic(generated, tmp_path):
    again = run(tmp_path / "again.csv")
    assert again.read_bytes() == generated.read_bytes()
    assert Path(str(again) + ".truth.json").read_text() == Path(str(generated) + ".truth.json").read_text()
    other = run(tmp_path / "other.csv", seed=8)
    assert other.read_bytes() != generated.read_bytes()


def test_chunks_and_processes_do_not_change_the_bytes(tmp_path):
    """Several chunks, made by one process or by two, give the same file."""
    mod = load_module()
    mod.CHUNK = 3_000
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    t1 = mod.generate(10_000, str(one), seed=3, jobs=1)
    t2 = mod.generate(10_000, str(two), seed=3, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert t1 == t2
    assert len(pd.read_csv(one, dtype=str, keep_default_na=False)) == 10_000


def test_header_is_the_codebook(generated):
    with open(generated, encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == CODEBOOK


def test_rows_parse(generated, frame):
    assert len(frame) == N
    assert list(frame.columns) == CODEBOOK
    with open(generated, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert len(rows) == N and all(len(r) == len(CODEBOOK) for r in rows)
    notes = frame["notes"]
    assert notes.str.contains(",").all()
    assert notes.str.contains('"').any()
    assert notes.str.contains("\n").sum() >= 1            # about 0.1% of notes
    assert notes.str.len().between(150, 400).all()
    assert frame["event_id_cnty"].is_unique


def test_values(frame):
    assert frame["event_date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert frame["event_date"].min() >= "2018-01-01" and frame["event_date"].max() <= "2024-12-31"
    assert (frame["event_date"].str[:4] == frame["year"]).all()
    assert frame["event_date"].is_monotonic_decreasing
    assert set(frame["event_type"]) == {"Battles", "Explosions/Remote violence",
                                        "Violence against civilians", "Protests", "Riots",
                                        "Strategic developments"}
    assert set(frame["civilian_targeting"]) == {"", "Civilian targeting"}
    vac = frame["event_type"] == "Violence against civilians"
    assert (frame.loc[vac, "civilian_targeting"] == "Civilian targeting").all()
    assert (frame.loc[frame["event_type"] == "Protests", "civilian_targeting"] == "").all()
    fat = frame["fatalities"].astype(int)
    assert 0.6 < (fat == 0).mean() < 0.8 and fat.max() >= 100
    ts = pd.to_datetime(frame["timestamp"].astype(int), unit="s")
    assert (ts >= pd.to_datetime(frame["event_date"])).all()
    assert (frame["event_id_cnty"].str[:3] == "PAK").eq(frame["country"] == "Pakistan").all()


def test_pakistan_share_and_provinces(frame):
    pk = frame[frame["country"] == "Pakistan"]
    assert 0.02 <= len(pk) / len(frame) <= 0.04
    assert set(pk["admin1"]) == set(PROVINCES)
    assert 0.15 <= (pk["admin1"] == "Balochistan").mean() <= 0.25
    lat, lon = pk["latitude"].astype(float), pk["longitude"].astype(float)
    assert lat.between(23.5, 37.2).all() and lon.between(60.7, 77.9).all()
    assert (pk["iso"] == "586").all()
    assert frame["country"].nunique() >= 30


def totals(df: pd.DataFrame) -> dict:
    """The truth block, recomputed from the CSV."""
    fat = df["fatalities"].astype(int)
    civ = (df["event_type"] == "Violence against civilians") | (df["civilian_targeting"] == "Civilian targeting")
    return {
        "events": len(df),
        "civilians": int(fat[civ].sum()),
        "unknown": int(fat[~civ].sum()),
        "all": int(fat.sum()),
        "events_by_category": {"civilians": int(civ.sum()), "unknown": int((~civ).sum())},
        "events_with_fatalities": {"civilians": int(((fat > 0) & civ).sum()),
                                   "unknown": int(((fat > 0) & ~civ).sum()),
                                   "all": int((fat > 0).sum())},
    }


def test_truth_matches_the_csv(generated, frame):
    truth = json.loads(Path(str(generated) + ".truth.json").read_text(encoding="utf-8"))
    assert truth["rows"] == N
    assert truth["fatalities"] == frame["fatalities"].astype(int).sum()
    pk = frame[frame["country"] == "Pakistan"]
    in_2024 = pk["event_date"].between("2024-01-01", "2024-12-31")
    ba = pk["admin1"] == "Balochistan"
    assert truth["pakistan"] == totals(pk)
    assert truth["pakistan_2024"] == totals(pk[in_2024])
    assert truth["balochistan"] == totals(pk[ba])
    assert truth["balochistan_2024"] == totals(pk[ba & in_2024])
    assert truth["by_province"] == {p: totals(pk[pk["admin1"] == p]) for p in PROVINCES}
    assert truth["by_province_2024"] == {p: totals(pk[in_2024 & (pk["admin1"] == p)]) for p in PROVINCES}
    assert truth["balochistan"]["events"] > 0 and truth["balochistan_2024"]["all"] > 0
    # India's "Punjab" is not Pakistan's
    assert ((frame["admin1"] == "Punjab") & (frame["country"] == "India")).any()


def test_zero_events(tmp_path):
    out = run(tmp_path / "empty.csv", events=0)
    assert out.read_text(encoding="utf-8") == ",".join(CODEBOOK) + "\n"
    truth = json.loads(Path(str(out) + ".truth.json").read_text())
    assert truth["rows"] == 0 and truth["pakistan"]["events"] == 0
