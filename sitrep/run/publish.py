"""Publish a finished briefing into OUT all or nothing, and recover from a publish cut short.

OUT holds the analyst's own files beside the briefing, so OUT cannot simply be swapped for a new
folder; the briefing's files are switched one by one, under a journal that makes the switch
recoverable:

1. **Stage.** The new files and the new manifest are copied into ``new/`` of the state folder
   (``.<OUT>.sitrep/`` beside OUT, on OUT's filesystem, see `sitrep.run.outfolder`) and synced.
   A kill here leaves OUT untouched; the state folder is removed by the next run.
2. **Journal.** ``journal.json`` is written (to a temporary name, synced, renamed): the files to
   replace or remove (the old manifest's files, and any file of a new name already there), the
   files to install with their inode numbers, and the folders to create. From here a kill is
   rolled back by the next run, before it does anything else.
3. **Switch.** For each file, the old one is first hard-linked into ``old/`` (copied where links
   are not supported), then the new one is renamed over it (``rename`` replaces atomically: a
   file is always there, old or new, never missing); a file the new briefing no longer has is
   unlinked after its backup. The manifest goes last.
4. **Commit.** The journal is rewritten saying ``done``; from here recovery only tidies up.
5. **Tidy.** The state folder (backups, journal) is removed.

Rolling back restores every backup to its place (rename, so each file is again whole) and
removes each installed file whose inode is the one staged; it can be repeated, so a kill during
recovery is recovered by the next run. Files not named in the journal are never touched.
SIGINT, SIGTERM and SIGHUP are held during steps 2-4 (`sitrep.run.signals.deferred`): an
interrupt there rolls back and is then raised, so OUT is exactly as it was. Only a kill (SIGKILL,
power loss) between steps 3 and 4 leaves OUT mixed, until the next run on it rolls back, which
it does under the OUT lock before its own work; that is the one sense in which this switch is
not instantaneous, and no run ever reads or skips on a mixed OUT.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from sitrep.run import signals
from sitrep.run.kernels import Failure
from sitrep.run.outfolder import MANIFEST, files_of, read_manifest, state_dir

JOURNAL = "journal.json"


def _step(name: str) -> None:
    """Called between the steps; tests replace it to kill the process at each one."""


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_json(path: Path, data: dict) -> None:
    """Whole or not at all: to a temporary name, synced, renamed, the folder synced."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, path)
    _fsync(path.parent)


def _stage(source: Path, new: Path, manifest: dict) -> None:
    shutil.copytree(source, new)
    (new / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False),
                                encoding="utf-8")
    for p in new.rglob("*"):
        _fsync(p)
    _fsync(new)


def _backup(src: Path, dest: Path) -> None:
    """A copy of ``src`` at ``dest`` that appears whole or not at all."""
    if dest.exists():
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:  # no hard links on this filesystem: a copy, renamed into place
        tmp = dest.with_name(dest.name + ".tmp")
        shutil.copy2(src, tmp)
        os.replace(tmp, dest)


def _plan(out: Path, new: Path) -> dict:
    old_manifest = read_manifest(out)
    installing = sorted((p for p in files_of(new) if p != MANIFEST), key=_order)
    ours = set(old_manifest["files"]) if old_manifest else set()
    replacing = sorted(((ours | set(installing) | {MANIFEST})), key=_order)
    folders = [d for d in (out, out / "tables") if not d.exists()]
    return {
        "phase": "switching",
        "out": str(out),
        "old": [p for p in replacing if (out / p).is_file()],
        "new": {p: os.stat(new / p).st_ino for p in [*installing, MANIFEST]},
        "order": [*[p for p in replacing if p != MANIFEST], MANIFEST],
        "made": [str(d) for d in folders],
    }


def _order(rel: str) -> tuple:
    return (rel == MANIFEST, rel)


def _switch(out: Path, state: Path, plan: dict) -> None:
    for d in plan["made"]:
        Path(d).mkdir(exist_ok=True)
    for rel in plan["order"]:
        if rel in plan["old"]:
            _backup(out / rel, state / "old" / rel)
        if rel in plan["new"]:
            os.replace(state / "new" / rel, out / rel)
        elif rel in plan["old"]:
            (out / rel).unlink(missing_ok=True)
        _step(f"switch {rel}")
    for d in {out, out / "tables"}:
        if d.is_dir():
            _fsync(d)


def _roll_back(out: Path, state: Path, plan: dict) -> None:
    for rel in reversed(plan["order"]):
        backup, dest = state / "old" / rel, out / rel
        if rel in plan["old"]:
            if backup.exists():
                os.replace(backup, dest)
        elif rel in plan["new"]:
            try:
                if os.stat(dest).st_ino == plan["new"][rel]:
                    dest.unlink()
            except FileNotFoundError:
                pass
    for d in reversed(plan["made"]):
        try:
            Path(d).rmdir()
        except OSError:  # the analyst put something there meanwhile, or it is gone
            pass
    for d in {out, out / "tables"}:
        if d.is_dir():
            _fsync(d)


def recover(out: Path) -> str:
    """Finish or undo a publish into ``out`` that was cut short; '' when there was none, else
    a sentence saying what was done. Call with OUT's lock held."""
    state = state_dir(out)
    if not state.exists():
        return ""
    try:
        plan = json.loads((state / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        plan = None
    said = ""
    if plan and plan.get("phase") == "switching":
        _roll_back(out, state, plan)
        said = (f"An earlier run on {out} was stopped while it replaced the briefing; the "
                f"briefing it replaced is restored.")
    shutil.rmtree(state)
    return said


def publish(source: Path, out: Path, manifest: dict, quiet_after: bool = False) -> None:
    """Replace the briefing in ``out`` (whose lock the caller holds) by the files in
    ``source``, with ``manifest`` (the run's key; its ``files`` are filled in here). With
    ``quiet_after``, interrupts are ignored once the new briefing is committed (the run then
    ends as a success)."""
    state = state_dir(out)
    shutil.rmtree(state, ignore_errors=True)
    state.mkdir(parents=True)
    try:
        manifest = {**manifest, "files": files_of(source)}
        _stage(source, state / "new", manifest)
        _step("staged")
        plan = _plan(out, state / "new")
    except BaseException:
        shutil.rmtree(state, ignore_errors=True)
        raise
    with signals.deferred(quiet_after) as held:
        _write_json(state / JOURNAL, plan)
        _step("journal")
        try:
            _switch(out, state, plan)
        except Exception as exc:
            _roll_back(out, state, plan)
            shutil.rmtree(state)
            if isinstance(exc, OSError):
                raise Failure(f"Could not write the briefing into {out} ({exc}); {out} is "
                              f"unchanged.", 1) from None
            raise
        if held.pending:
            _roll_back(out, state, plan)
        else:
            held.commit()
            _write_json(state / JOURNAL, {**plan, "phase": "done"})
            _step("done")
    shutil.rmtree(state)
    _step("tidied")
    # An interrupt held above, and answered by the roll-back, is raised now.
    held.raise_pending()
