"""One run at a time on a folder: an exclusive ``flock`` on a lock file beside it.

The lock file is removed when the run ends, so nothing is left beside the folder. Removing a
lock file that another process is waiting on is safe here: whoever obtains the lock checks that
the file it locked is still the one at the path, and starts over when it is not.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path


class Lock:
    """An exclusive lock on ``path``, taken by :meth:`acquire`, given up by :meth:`release`."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.fd: int | None = None
        self.made: list[Path] = []  # folders made for the lock file, removed again when empty

    def holder(self) -> str:
        """Who holds the lock, as its holder wrote it (empty when unknown)."""
        try:
            return self.path.read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def acquire(self, waiting: Callable[[str], None] | None = None) -> "Lock":
        """Take the lock, blocking while another process holds it; ``waiting(holder)`` is
        called once when this run has to wait."""
        told = False
        while True:
            self._make_parents()
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except FileNotFoundError:  # a parent made here was just removed by another run
                continue
            try:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    if waiting and not told:
                        waiting(self.holder())
                        told = True
                    fcntl.flock(fd, fcntl.LOCK_EX)
                if _same_file(fd, self.path):
                    os.ftruncate(fd, 0)
                    os.write(fd, f"pid {os.getpid()}\n".encode())
                    self.fd = fd
                    return self
            except BaseException:
                os.close(fd)
                raise
            # The holder removed the file as it finished: ours is an orphan; lock the new one.
            os.close(fd)

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            # Unlinked while still held: a waiter then finds its file gone and starts over.
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self.fd)
            self.fd = None
            for folder in reversed(self.made):
                try:
                    folder.rmdir()
                except OSError:  # not empty (OUT was written into it) or already gone
                    break

    def _make_parents(self) -> None:
        missing = []
        folder = self.path.parent
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            try:
                folder.mkdir()
                self.made.append(folder)
            except FileExistsError:
                pass

    def __enter__(self) -> "Lock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)
