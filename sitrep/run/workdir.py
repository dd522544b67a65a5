"""The work folder of one run: where the notebooks meet and the briefing is made before it is
published (its layout is in `sitrep.store`).

By default each run has its own, ``build/runs/<time>-<pid>-<random>/``, so runs never share
one, and it is removed when the run ends, however it ends; it is kept only after a failure
whose message names a file in it (the executed notebook with the error). Folders of runs that
were killed are removed by the next run. ``--work DIR`` names the folder instead (for tests and
debugging): it is emptied at the start, kept at the end, and locked, so that two runs given the
same one take turns.
"""

from __future__ import annotations

import os
import secrets
import shutil
import time
from pathlib import Path

from sitrep.paths import BUILD
from sitrep.run.fingerprint import absolute
from sitrep.run.kernels import alive
from sitrep.run.lock import Lock
from sitrep.run.outfolder import Refused, refuse_special

RUNS = BUILD / "runs"
KEPT = ".kept"  # in a run's folder kept for the analyst after a failure


class WorkFolder:
    def __init__(self, path: Path, own: bool, lock: Lock | None = None):
        self.path, self.own, self.lock = path, own, lock
        self.kept = False

    @classmethod
    def open(cls, given: str | None, out: Path, waiting=None) -> "WorkFolder":
        """A fresh work folder: this run's own, or ``given`` (locked, then emptied)."""
        if not given:
            sweep()
            name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"
            path = RUNS / name
            path.mkdir(parents=True)
            return cls(path, own=True)
        path = Path(os.path.realpath(absolute(given)))
        refuse_special(path, given, "WORK")
        if path == out or out.is_relative_to(path) or path.is_relative_to(out):
            raise Refused(f"WORK={given} and OUT overlap: the work folder is emptied at the "
                          f"start of a run - give it a folder of its own")
        lock = Lock(path.with_name(f".{path.name}.sitrep-lock")).acquire(waiting)
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return cls(path, own=False, lock=lock)

    def keep(self) -> None:
        if self.own and self.path.is_dir():
            (self.path / KEPT).touch()
        self.kept = True

    def close(self) -> None:
        try:
            if self.own and not self.kept:
                shutil.rmtree(self.path, ignore_errors=True)
        finally:
            if self.lock:
                self.lock.release()

    def shown(self) -> str:
        """The folder as messages show it: relative to the current folder when inside it."""
        try:
            return str(self.path.relative_to(Path.cwd()))
        except ValueError:
            return str(self.path)


def sweep() -> None:
    """Remove the folders of runs whose process is gone and that were not kept."""
    if not RUNS.is_dir():
        return
    for folder in RUNS.iterdir():
        parts = folder.name.split("-")
        if len(parts) == 4 and parts[2].isdigit() and not (folder / KEPT).exists() \
                and not alive(int(parts[2])):
            shutil.rmtree(folder, ignore_errors=True)
