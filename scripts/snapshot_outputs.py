"""Run the pipeline on the shipped data and every test fixture and keep what it wrote, so that a
change meant to leave behaviour alone (a refactor) can be checked: tables and audit byte for
byte, the PDF's text line for line.

    python scripts/snapshot_outputs.py build/snap-before
    ... change the code ...
    python scripts/snapshot_outputs.py build/snap-after
    diff -r build/snap-before build/snap-after && echo identical

Each case's folder holds ``tables/*.csv``, ``audit.csv``, ``briefing.txt`` (pdftotext -layout,
without the "Generated" line, whose date changes) and ``exit.txt`` (exit status and the
terminal's last line: failures must stay the same failures).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"
CASES = {
    "shipped": ("data/raw",),
    "small_log": (str(FIX / "small_log"), "--title", "Fixture briefing"),
    "unseen_log": (str(FIX / "unseen_log"),),
    "bad_base": (str(FIX / "bad" / "base"),),
    "cp1252": (str(FIX / "encodings" / "cp1252"),),
    "utf8_bom": (str(FIX / "encodings" / "utf8_bom"),),
    "acled_pk": (str(FIX / "acled" / "acled_pakistan.csv"), "--country", "Pakistan"),
    "acled_ba": (str(FIX / "acled" / "acled_pakistan.csv"), "--province", "PK-BA"),
    "acled_problems": (str(FIX / "acled" / "acled_problems.csv"), "--allow-rejects", "1"),
    "acled_unseen": (str(FIX / "acled" / "unseen_acled_2023.csv"), "--country", "Pakistan"),
    "ucdp_2024": (str(FIX / "ucdp" / "ged_pakistan.csv"), "--country", "Pakistan",
                  "--start", "2024-01-01", "--end", "2024-12-31"),
    "ucdp_unseen": (str(FIX / "ucdp" / "unseen_ged_2022.csv"), "--country", "Pakistan"),
    "gtd_2014": (str(FIX / "gtd" / "gtd_pakistan.csv"), "--country", "Pakistan",
                 "--start", "2014-01-01", "--end", "2014-12-31"),
    "gtd_problems": (str(FIX / "gtd" / "gtd_problems.csv"), "--allow-rejects", "1"),
    "gtd_unseen": (str(FIX / "gtd" / "unseen_gtd_2016.csv"), "--country", "Pakistan"),
    "bad_filter": ("data/raw", "--province", "Blochistan"),
}


def snapshot(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    for name, (data, *args) in CASES.items():
        case = dest / name
        case.mkdir(parents=True)
        with tempfile.TemporaryDirectory() as tmp:
            out, work = Path(tmp) / "out", Path(tmp) / "work"
            proc = subprocess.run(
                [sys.executable, "-m", "sitrep.run.pipeline" if (ROOT / "sitrep" / "run").is_dir()
                 else "sitrep.pipeline", "--data", data, "--out", str(out), "--work", str(work),
                 *args], cwd=ROOT, capture_output=True, text=True)
            lines = [ln for ln in (proc.stdout + proc.stderr).splitlines()
                     if ln.strip() and not re.search(r"\d+\.\d s$", ln.strip())]
            last = re.sub(r"\(\d+\.\d s\)", "(s)", lines[-1]) if lines else ""
            last = last.replace(str(out), "OUT").replace(tmp, "TMP")
            (case / "exit.txt").write_text(f"{proc.returncode}\n{last}\n")
            if proc.returncode != 0:
                continue
            shutil.copytree(out / "tables", case / "tables")
            shutil.copy(out / "audit.csv", case / "audit.csv")
            text = subprocess.run(["pdftotext", "-layout", str(out / "briefing.pdf"), "-"],
                                  capture_output=True, text=True, check=True).stdout
            text = "\n".join(ln for ln in text.splitlines() if "Generated" not in ln)
            (case / "briefing.txt").write_text(text)
        print(f"{name}: exit {proc.returncode}")


if __name__ == "__main__":
    import argparse

    # argparse, so that `--help` prints this and is never taken for the folder to write
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default="build/snapshot", type=Path,
                        help="where to keep the outputs (default: build/snapshot)")
    snapshot(parser.parse_args().folder)
