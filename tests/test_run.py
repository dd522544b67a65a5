"""Runs of `sitrep report` / `make report` end to end, as the analyst starts them: concurrent runs
on different OUTs give exactly their own briefings, runs on one OUT take turns, a publish killed
half-way is recovered by the next run, hostile make variables stay text, the decision to skip
follows contents, refused folders, and Ctrl-C. Concurrent runs run concurrently here too."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import FIXTURES, ROOT, pdf_text, run_pipeline

pytestmark = pytest.mark.e2e

VENV_PY = ROOT / ".venv" / "bin" / "python"
PY = str(VENV_PY if VENV_PY.exists() else Path(sys.executable))
RUNS = ROOT / "build" / "runs"


def start(data, out, *args: str) -> subprocess.Popen:
    """`sitrep report`, started in the background."""
    return subprocess.Popen([PY, "-m", "sitrep.run.cli", "report", "--data", str(data),
                             "--out", str(out), *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen) -> SimpleNamespace:
    out, err = proc.communicate()
    return SimpleNamespace(returncode=proc.returncode, stdout=out, stderr=err, pid=proc.pid)


def sitrep(data, out, *args: str) -> SimpleNamespace:
    return finish(start(data, out, *args))


def make(*assignments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "report", *assignments], cwd=ROOT,
                          capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): (b"<dir>" if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def numbers(out: Path) -> tuple[bytes, bytes]:
    return (out / "tables" / "casualties.csv").read_bytes(), (out / "audit.csv").read_bytes()


def left_behind(out: Path, pid: int) -> list[str]:
    """What a run with process id ``pid`` left beside OUT, in build/runs/ and in /tmp."""
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    return beside + glob.glob(str(RUNS / f"*-{pid}-*")) + glob.glob(f"/tmp/sitrep-kernels-{pid}-*")


DATA = {"small": FIXTURES / "small_log", "shipped": ROOT / "data" / "raw",
        "unseen": FIXTURES / "unseen_log", "base": FIXTURES / "bad" / "base"}


@pytest.fixture(scope="module")
def alone(small_report, shipped_report, tmp_path_factory):
    """Each data set's briefing built alone: the numbers concurrent runs must give."""
    base = tmp_path_factory.mktemp("alone")
    outs = {"small": small_report, "shipped": shipped_report}
    for name in ("unseen", "base"):
        proc = run_pipeline(DATA[name], base / name, base / f"work-{name}")
        assert proc.returncode == 0, proc.stderr
        outs[name] = base / name
    return outs


@pytest.mark.parametrize("names", [("small", "shipped"), ("small", "shipped", "unseen", "base")],
                         ids=["two", "four"])
def test_concurrent_runs_give_exactly_their_own_numbers(alone, tmp_path, names):
    procs = {n: start(DATA[n], tmp_path / f"out {n}") for n in names}
    done = {n: finish(p) for n, p in procs.items()}
    for n in names:
        assert done[n].returncode == 0, done[n].stderr
        assert numbers(tmp_path / f"out {n}") == numbers(alone[n]), n
        assert not left_behind(tmp_path / f"out {n}", done[n].pid), n


@pytest.fixture(scope="module")
def turns(alone, tmp_path_factory):
    """Two runs on one OUT started together: the second waits, then finds it up to date. The
    analyst's own file in OUT/tables is there from before."""
    out = tmp_path_factory.mktemp("turns") / "out"
    shutil.copytree(alone["unseen"], out)
    (out / "tables" / "casualties_pivot.xlsx").write_bytes(b"the analyst's own")
    first = start(DATA["unseen"], out, "--rebuild")
    lock = out.parent / f".{out.name}.sitrep-lock"
    while not lock.exists() and first.poll() is None:
        time.sleep(0.02)
    second = start(DATA["unseen"], out)
    return SimpleNamespace(out=out, first=finish(first), second=finish(second))


def test_two_runs_on_one_out_take_turns(turns, alone):
    assert turns.first.returncode == 0, turns.first.stderr
    assert turns.first.stdout.startswith("Briefing written to")
    assert turns.second.returncode == 0, turns.second.stderr
    assert f"sitrep report: waiting for another run on {turns.out} (pid {turns.first.pid})" \
        in turns.second.stderr
    assert turns.second.stdout.startswith(f"Up to date: {turns.out}/briefing.pdf")
    assert numbers(turns.out) == numbers(alone["unseen"])
    assert (turns.out / "tables" / "casualties_pivot.xlsx").read_bytes() == b"the analyst's own"
    for run in (turns.first, turns.second):
        assert not left_behind(turns.out, run.pid)


KILL = """
import os, sys
from pathlib import Path
from sitrep.run import publish
publish._step = lambda name: os._exit(9) if name == "switch briefing.pdf" else None
publish.publish(Path(sys.argv[1]), Path(sys.argv[2]), {"key": "killed"})
"""


def test_a_publish_killed_half_way_is_undone_by_the_next_run(turns, alone):
    before = snapshot(turns.out)
    killed = subprocess.run([PY, "-c", KILL, str(alone["small"]), str(turns.out)], cwd=ROOT)
    assert killed.returncode == 9
    assert snapshot(turns.out) != before  # half switched: the next run must undo it
    proc = sitrep(DATA["unseen"], turns.out)
    assert proc.returncode == 0, proc.stderr
    assert "was stopped while it replaced the briefing; the briefing it replaced is restored" \
        in proc.stderr
    assert proc.stdout.startswith("Up to date:")
    assert snapshot(turns.out) == before and not left_behind(turns.out, proc.pid)


def test_make_passes_hostile_values_as_text_and_skips_by_contents(tmp_path):
    data, out = tmp_path / "my data", tmp_path / "my out"
    shutil.copytree(DATA["small"], data)
    marker, marker2 = tmp_path / "pwned", tmp_path / "pwned2"
    title = f'x"; touch {marker}; echo "$(shell touch {marker2})'
    first = make(f"DATA={data}", f"OUT={out}", f"TITLE={title}")
    assert first.returncode == 0, first.stderr
    assert not marker.exists() and not marker2.exists()
    text = " ".join(pdf_text(out / "briefing.pdf", layout=False).split())
    assert 'x"; touch' in text and "$(shell touch" in text
    # An edit with an older file time is seen: here it makes the log invalid, so the command
    # exits 2, which make reports as its own exit status 2 ("Error 2").
    incidents = data / "incidents.csv"
    good = incidents.read_text(encoding="utf-8")
    incidents.write_text(good.replace("Sind,", "Sinx,"), encoding="utf-8")
    os.utime(incidents, (1e9, 1e9))
    edited = make(f"DATA={data}", f"OUT={out}", f"TITLE={title}")
    assert edited.returncode == 2 and "Error 2" in edited.stderr
    assert "value 'Sinx'" in edited.stderr and "Up to date" not in edited.stdout
    # The file as it was, with yet another old time (cp -p of a backup): up to date again.
    incidents.write_text(good, encoding="utf-8")
    os.utime(incidents, (2e9, 2e9))
    again = make(f"DATA={data}", f"OUT={out}", f"TITLE={title}")
    assert again.returncode == 0 and again.stdout.startswith(f"Up to date: {out}/briefing.pdf")


@pytest.mark.parametrize("given", ["/", "~", "foreign"])
def test_root_home_and_foreign_folders_are_refused(tmp_path, given):
    if given == "foreign":
        given = str(tmp_path / "Documents")
        (tmp_path / "Documents" / "photos").mkdir(parents=True)
        (tmp_path / "Documents" / "thesis.docx").write_text("mine")
    before = snapshot(tmp_path)
    proc = sitrep(DATA["small"], given)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"sitrep report: no briefing was written ({given} is unchanged).")
    assert ("FORCE_OUT=1" if "Documents" in given else "folder of its own") in proc.stderr
    assert snapshot(tmp_path) == before


def test_ctrl_c_prints_one_line_and_leaves_out_and_nothing_behind(alone, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(alone["base"], out)
    before = snapshot(out)
    proc = start(DATA["base"], out, "--rebuild", "--title", "Interrupted")
    while not glob.glob(str(RUNS / f"*-{proc.pid}-*" / "notebooks")) and proc.poll() is None:
        time.sleep(0.02)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    done = finish(proc)
    assert done.returncode == 130, done.stderr
    said = [ln for ln in done.stderr.splitlines() if not ln.startswith("  ")]  # not progress
    assert said == [f"interrupted: {out} is unchanged"]
    assert snapshot(out) == before and not left_behind(out, done.pid)
