"""Shared fixtures: running the real pipeline once per data set and reading its PDF back, and
loading the scripts under scripts/ (no package) to call their main()."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_pipeline(data: Path | str, out: Path, work: Path, *args: str) -> subprocess.CompletedProcess:
    """`make report` as the Makefile runs it, in a subprocess."""
    cmd = [sys.executable, "-m", "sitrep.run.pipeline", "--data", str(data), "--out", str(out),
           "--work", str(work), *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def load_script(name: str):
    """scripts/<name>.py as a module, loaded from its file."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def two_report_seeds(folder: Path) -> Path:
    """A SEEDS folder with the seed report (a.txt) and a short one with no figure (b.txt)."""
    seeds = folder / "seeds"
    seeds.mkdir()
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_1a76105c3b426e2f.txt"
    (seeds / "a.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (seeds / "b.txt").write_text("No one was hurt in the blast. Last year 40 people were "
                                 "killed here.", encoding="utf-8")
    return seeds


def pdf_text(pdf: Path, layout: bool = True) -> str:
    """The PDF's text (pdftotext): with layout, tables keep their rows; without, reading order."""
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def shipped_report(tmp_path_factory):
    """The briefing of the shipped data (data/raw), built once for the session."""
    base = tmp_path_factory.mktemp("shipped")
    proc = run_pipeline("data/raw", base / "out", base / "work")
    assert proc.returncode == 0, proc.stderr
    return base / "out"


@pytest.fixture(scope="session")
def small_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("small")
    proc = run_pipeline(FIXTURES / "small_log", base / "out", base / "work",
                        "--title", "Fixture briefing")
    assert proc.returncode == 0, proc.stderr
    return base / "out"


# --- Bad input (issue 4): a clean base log, copied per test and edited one cell at a time ---

import csv as _csv  # noqa: E402
import shutil as _shutil  # noqa: E402

BAD_BASE = Path(__file__).resolve().parent / "fixtures" / "bad" / "base"


class LogCopy:
    """A copy of tests/fixtures/bad/base (incidents, sources, victims) that a test edits.

    Lines are numbered as a spreadsheet shows them, the header being line 1; the base has no
    multi-line cells, so line n is the n-th line of the file. Edits rewrite the file with the
    csv module (minimal quoting, "\\n" line ends), which reproduces the base byte for byte.
    """

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @classmethod
    def of_base(cls, dest: Path) -> "LogCopy":
        _shutil.copytree(BAD_BASE, dest)
        return cls(dest)

    def file(self, name: str = "incidents.csv") -> Path:
        return self.folder / name

    def rows(self, name: str = "incidents.csv") -> list[list[str]]:
        with open(self.file(name), newline="", encoding="utf-8") as fh:
            return list(_csv.reader(fh))

    def write_rows(self, rows: list[list[str]], name: str = "incidents.csv") -> "LogCopy":
        with open(self.file(name), "w", newline="", encoding="utf-8") as fh:
            _csv.writer(fh, lineterminator="\n").writerows(rows)
        return self

    def cell(self, line: int, column: str, name: str = "incidents.csv") -> str:
        rows = self.rows(name)
        return rows[line - 1][rows[0].index(column)]

    def set(self, line: int, column: str, value: str, name: str = "incidents.csv") -> "LogCopy":
        """Put ``value`` in one cell (line as a spreadsheet shows it)."""
        rows = self.rows(name)
        assert line > 1, "line 1 is the header"
        rows[line - 1][rows[0].index(column)] = value
        return self.write_rows(rows, name)

    def drop_column(self, column: str, name: str = "incidents.csv") -> "LogCopy":
        rows = self.rows(name)
        i = rows[0].index(column)
        return self.write_rows([r[:i] + r[i + 1:] for r in rows], name)

    def rename_column(self, old: str, new: str, name: str = "incidents.csv") -> "LogCopy":
        rows = self.rows(name)
        rows[0][rows[0].index(old)] = new
        return self.write_rows(rows, name)

    def append_copy(self, line: int, name: str = "incidents.csv", **changes: str) -> int:
        """Append a copy of ``line`` with some cells changed; returns the new row's line."""
        rows = self.rows(name)
        row = list(rows[line - 1])
        for column, value in changes.items():
            row[rows[0].index(column)] = value
        self.write_rows(rows + [row], name)
        return len(rows) + 1

    def line_text(self, line: int, name: str = "incidents.csv") -> str:
        return self.file(name).read_text(encoding="utf-8").split("\n")[line - 1]

    def set_line_text(self, line: int, text: str, name: str = "incidents.csv") -> "LogCopy":
        """Replace a whole line as typed (for faults the csv module would quote away)."""
        lines = self.file(name).read_text(encoding="utf-8").split("\n")
        lines[line - 1] = text
        self.file(name).write_text("\n".join(lines), encoding="utf-8")
        return self


@pytest.fixture
def bad_log(tmp_path) -> LogCopy:
    """A fresh, editable copy of the clean base log in tmp_path/log."""
    return LogCopy.of_base(tmp_path / "log")


@pytest.fixture(scope="session")
def make_bad_log():
    """LogCopy.of_base, for module- or session-scoped fixtures: make_bad_log(dest) -> LogCopy."""
    return LogCopy.of_base


def casualty_table(result) -> dict[tuple[str, str, str], tuple[int, int, int | None]]:
    """A reader's result as casualties.csv: {(province_code, category, outcome): (low, best,
    high)}, high None when open."""
    import pandas as pd

    from sitrep.clean.reconcile import reconcile
    from sitrep.tabulate.tables import casualties

    t = casualties(reconcile(result.reports, result.figures))
    return {(r.province_code, r.victim_category, r.outcome):
            (int(r.low), int(r.best), None if pd.isna(r.high) else int(r.high))
            for r in t.itertuples()}


LOG_HEAD = ("event_id,source_id,event_date,country,province,district,part_of,killed_civilians,"
            "killed_security_forces,killed_militants,killed_unknown,killed_total\n")
LOG_SOURCES = ("source_id,publisher,published,title,url,source_type\n"
               "S1,Media One,2024-08-26,t,,media\n"
               "S2,Ministry,2024-08-26,t,,official\n"
               "S3,Armed group,2024-08-26,t,,perpetrator_claim\n")


def small_log(folder: Path, rows: str, victims: str = ""):
    """Write a tiny native log (sources S1 media, S2 official, S3 claim), read and reconcile it."""
    from sitrep.clean.filters import make_filters
    from sitrep.clean.readers.native import read_native
    from sitrep.clean.reconcile import reconcile

    (folder / "incidents.csv").write_text(LOG_HEAD + rows, encoding="utf-8")
    (folder / "sources.csv").write_text(LOG_SOURCES, encoding="utf-8")
    if victims:
        (folder / "victims.csv").write_text(
            "event_id,source_id,victim_category,home_province,count,basis\n" + victims)
    result = read_native(folder, make_filters())
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    return result, reconcile(result.reports, result.figures)
