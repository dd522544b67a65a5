"""Publishing into OUT (sitrep/run/publish.py, outfolder.py, lock.py, fingerprint.py), without
the notebooks: all or nothing at every step, a kill at each step recovered, the analyst's files
never touched, foreign folders refused, the lock taken in turn, and "up to date" by content."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sitrep.paths import ROOT
from sitrep.run import fingerprint, outfolder, publish, signals
from sitrep.run.kernels import Failure
from sitrep.run.lock import Lock
from sitrep.run.outfolder import MANIFEST, Refused


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file and folder under ``folder`` (hidden ones too), by relative path."""
    return {p.relative_to(folder).as_posix(): (b"<dir>" if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def write_set(folder: Path, version: str, tables=("casualties", "claims", "totals")) -> Path:
    """A briefing's outputs as a run's work folder holds them."""
    (folder / "tables").mkdir(parents=True)
    for name in ("briefing.pdf", "briefing.html", "audit.csv"):
        (folder / name).write_text(f"{name} {version}\n")
    for t in tables:
        (folder / "tables" / f"{t}.csv").write_text(f"{t} {version}\n")
    return folder


@pytest.fixture
def sets(tmp_path):
    """OUT holding briefing v1 and the analyst's own files; v2 ready to publish (v2 no longer
    has the totals table, and has a new one)."""
    out = tmp_path / "out"
    publish.publish(write_set(tmp_path / "v1", "v1"), out, {"key": "k1"})
    (out / "tables" / "casualties_pivot.xlsx").write_bytes(b"the analyst's pivot")
    (out / "my notes.txt").write_text("mine\n")
    new = write_set(tmp_path / "v2", "v2", tables=("casualties", "claims", "by_day"))
    return out, new, snapshot(out)


def mine_kept(out: Path) -> bool:
    return ((out / "tables" / "casualties_pivot.xlsx").read_bytes() == b"the analyst's pivot"
            and (out / "my notes.txt").read_text() == "mine\n")


def is_v2(out: Path) -> bool:
    m = outfolder.read_manifest(out)
    return (m is not None and m["key"] == "k2" and not (out / "tables" / "totals.csv").exists()
            and (out / "tables" / "by_day.csv").read_text() == "by_day v2\n"
            and all((out / rel).read_text().endswith(" v2\n") for rel in m["files"]))


def nothing_beside(out: Path) -> bool:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".")) == []


def test_publish_replaces_only_its_own_files(sets):
    out, new, _ = sets
    publish.publish(new, out, {"key": "k2"})
    assert is_v2(out) and mine_kept(out) and nothing_beside(out)
    m = json.loads((out / MANIFEST).read_text())
    assert "tables/casualties_pivot.xlsx" not in m["files"] and "my notes.txt" not in m["files"]


def steps(out: Path, new: Path) -> list[str]:
    """The step names a publish of ``new`` into ``out`` passes, in order."""
    seen = []
    trial = out.parent / "trial"
    subprocess.run(["cp", "-a", str(out), str(trial)], check=True)
    publish._step = seen.append
    try:
        publish.publish(new, trial, {"key": "k2"})
    finally:
        publish._step = lambda name: None
    return seen


KILL = """
import os, sys
from pathlib import Path
from sitrep.run import publish
at = sys.argv[3]
def step(name):
    if name == at:
        os._exit(9)
publish._step = step
publish.publish(Path(sys.argv[1]), Path(sys.argv[2]), {"key": "k2"})
"""


def test_a_kill_at_every_step_leaves_old_or_new_and_is_recovered(sets, tmp_path):
    out, new, before = sets
    names = steps(out, new)
    assert names[:2] == ["staged", "journal"] and names[-2:] == ["done", "tidied"]
    assert len(names) > 10  # every file switched is a step
    for at in names:
        proc = subprocess.run([sys.executable, "-c", KILL, str(new), str(out), at])
        assert proc.returncode == 9, at
        state = outfolder.state_dir(out)
        switching = at.startswith("switch ")
        if not switching:
            # Before the journal and after the commit OUT is whole at once, old or new.
            assert snapshot(out) == before or is_v2(out), at
        else:
            assert json.loads((state / publish.JOURNAL).read_text())["phase"] == "switching"
        said = publish.recover(out)
        assert bool(said) == (switching or at == "journal"), at
        assert not state.exists() and mine_kept(out), at
        if at in ("done", "tidied"):
            assert is_v2(out), at
            # Back to v1 for the next step.
            publish.publish(tmp_path / "v1", out, {"key": "k1"})
            (out / MANIFEST).write_bytes(before[MANIFEST])
        assert snapshot(out) == before, at
    assert nothing_beside(out)


def test_recovery_cut_short_is_finished_by_the_next(sets, monkeypatch):
    out, new, before = sets
    subprocess.run([sys.executable, "-c", KILL, str(new), str(out), "switch tables/claims.csv"])
    real, calls = os.replace, []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("killed mid-recovery")
        real(src, dst)

    monkeypatch.setattr(publish.os, "replace", flaky)
    with pytest.raises(OSError):
        publish.recover(out)
    monkeypatch.setattr(publish.os, "replace", real)
    assert publish.recover(out)
    assert snapshot(out) == before and nothing_beside(out)


def test_an_interrupt_during_the_switch_rolls_back_then_is_raised(sets):
    out, new, before = sets
    saved = {s: signal.getsignal(s) for s in signals.SIGNALS}

    def interrupt(name):
        if name == "switch tables/casualties.csv":
            os.kill(os.getpid(), signal.SIGINT)

    publish._step = interrupt
    try:
        with pytest.raises(signals.Interrupted) as caught:
            publish.publish(new, out, {"key": "k2"})
    finally:
        publish._step = lambda name: None
        for s, h in saved.items():
            signal.signal(s, h)
    assert caught.value.status == 130
    assert snapshot(out) == before and nothing_beside(out)


def test_an_error_during_the_switch_rolls_back(sets):
    out, new, before = sets

    def fail(name):
        if name == "switch briefing.pdf":
            raise OSError(28, "No space left on device")

    publish._step = fail
    try:
        with pytest.raises(Failure, match="No space left on device") as caught:
            publish.publish(new, out, {"key": "k2"})
    finally:
        publish._step = lambda name: None
    assert caught.value.status == 1
    assert snapshot(out) == before and nothing_beside(out)


def test_a_first_publish_cut_short_leaves_no_out(tmp_path):
    new = write_set(tmp_path / "v1", "v1")
    out = tmp_path / "sub" / "out"
    (tmp_path / "sub").mkdir()
    subprocess.run([sys.executable, "-c", KILL, str(new), str(out), "switch tables/claims.csv"])
    assert publish.recover(out)
    assert not out.exists() and nothing_beside(out)


# --- OUT: refused folders -----------------------------------------------------------------

@pytest.mark.parametrize("given", ["/", "~", str(ROOT), str(ROOT.parent)])
def test_root_home_and_the_repository_are_refused(given):
    with pytest.raises(Refused) as caught:
        outfolder.refuse_special(outfolder.resolve(given), given)
    assert caught.value.status == 2 and "folder of its own" in str(caught.value)


def test_a_foreign_folder_is_refused_unless_forced(tmp_path):
    mine = tmp_path / "Documents"
    (mine / "photos").mkdir(parents=True)
    (mine / "thesis.docx").write_text("x")
    with pytest.raises(Refused, match=r"is not empty \(photos, thesis.docx\).*FORCE_OUT=1"):
        outfolder.check_foreign(mine, "Documents", force=False)
    outfolder.check_foreign(mine, "Documents", force=True)


def test_empty_gitkeep_ours_and_an_older_sitreps_folders_are_accepted(tmp_path):
    empty, keep, ours, legacy = (tmp_path / n for n in ("empty", "keep", "ours", "legacy"))
    empty.mkdir()
    keep.mkdir()
    (keep / ".gitkeep").touch()
    publish.publish(write_set(tmp_path / "v1", "v1"), ours, {"key": "k"})
    (ours / "notes.txt").write_text("mine")
    write_set(legacy, "old")
    for folder in (empty, keep, ours, legacy, tmp_path / "new"):
        outfolder.check_foreign(folder, folder.name, force=False)


# --- the lock ---------------------------------------------------------------------------------

def test_the_lock_is_taken_in_turn_and_leaves_nothing(tmp_path):
    path = tmp_path / ".out.sitrep-lock"
    first = Lock(path).acquire()
    told, order = [], []

    def second():
        with_lock = Lock(path).acquire(told.append)
        order.append("second")
        with_lock.release()

    t = threading.Thread(target=second)
    t.start()
    while not told:
        time.sleep(0.01)
    assert told == [f"pid {os.getpid()}"]
    order.append("first")
    first.release()
    t.join()
    assert order == ["first", "second"] and not path.exists()


# --- up to date by content --------------------------------------------------------------------

def test_the_key_follows_contents_not_times(tmp_path):
    log = tmp_path / "my data"  # a space in the path
    subprocess.run(["cp", "-a", str(ROOT / "tests" / "fixtures" / "small_log"), str(log)],
                   check=True)
    params = {"title": ""}
    key = fingerprint.run_key(str(log), params)
    assert key == fingerprint.run_key(str(log), params)
    incidents = log / "incidents.csv"
    st = incidents.stat()
    text = incidents.read_text(encoding="utf-8")
    incidents.write_text(text.replace("KP-1", "KP-9"), encoding="utf-8")  # same size
    os.utime(incidents, ns=(st.st_atime_ns, st.st_mtime_ns - 10**12))  # an older time
    edited = fingerprint.run_key(str(log), params)
    assert edited != key
    (log / "victims.csv").unlink()
    assert fingerprint.run_key(str(log), params) not in (key, edited)
    assert fingerprint.run_key(str(log), {"title": "other"}) != fingerprint.run_key(str(log),
                                                                                     params)
    assert fingerprint.run_key(str(tmp_path / "missing"), params) is None


def test_up_to_date_needs_the_key_and_intact_outputs(sets):
    out, _, _ = sets
    assert outfolder.up_to_date(out, "k1") and not outfolder.up_to_date(out, "k2")
    (out / "tables" / "claims.csv").write_text("edited by hand\n")
    assert not outfolder.up_to_date(out, "k1")
