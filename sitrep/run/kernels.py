"""The notebooks' kernels for one run: started ahead of need over local sockets, warmed with
their notebook's imports, shut down together (on every ending, their socket folder with them);
and the kernels' start-up chatter kept out of the analyst's terminal."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
from pathlib import Path

from sitrep.paths import ROOT


class Failure(Exception):
    """A run that cannot finish: its message for the analyst and the exit status."""

    def __init__(self, message: str, status: int, keep_work: bool = False):
        super().__init__(message)
        self.status = status
        self.keep_work = keep_work  # the message names a file in the work folder


@contextlib.contextmanager
def stderr_to(path: Path):
    """Kernels inherit stderr: their start-up chatter goes to a log, not to the analyst.

    Yields a stream to the real stderr, for progress lines. One redirection for the whole run:
    two threads redirecting fd 2 in turn could leave it pointing at the log.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    real = os.fdopen(os.dup(saved), "w")
    try:
        with open(path, "ab") as fh:
            os.dup2(fh.fileno(), 2)
            yield real
    finally:
        sys.stderr.flush()
        real.flush()
        os.dup2(saved, 2)
        os.close(saved)
        real.close()


# What each notebook's kernel imports first; loaded while the notebooks before it run.
WARM = {"01_clean": "sitrep.clean.stage", "02_tabulate": "sitrep.tabulate.tables",
        "03_briefing": "sitrep.brief.briefing"}


class Kernels:
    """The notebooks' kernels, started ahead of need.

    Each notebook still gets a fresh kernel of its own, and nothing passes between notebooks
    but files. The first kernel starts at once; the others start as soon as it is ready, so
    their start-up runs on the second core while the first notebook works. A kernel only
    imports, silently, the sitrep module its notebook will import (``__import__`` binds no
    name, so the notebook's namespace starts empty); the third waits with that until the
    first notebook is done (``first_done``).
    """

    def __init__(self, names: list[str], work: Path):
        import tempfile

        from jupyter_client.manager import AsyncKernelManager

        self.names, self.work = names, work
        # Local sockets, not TCP ports: a TCP port picked for a kernel can be taken by another
        # connection before the kernel binds it ("Address already in use": the kernel dies and
        # the run fails; seen in `make bench`). A socket file cannot be taken that way.
        # The folder is named after this process, so that a later run can remove it if this
        # one is killed before it could (sweep).
        sweep()
        self.sockets = Path(tempfile.mkdtemp(prefix=f"{SOCKETS}{os.getpid()}-"))
        self.kms = [AsyncKernelManager(kernel_name="python3", transport="ipc",
                                       ip=str(self.sockets / f"k{i}"))
                    for i, _ in enumerate(names)]
        self.ready = [threading.Event() for _ in names]
        self.first_done = threading.Event()  # set by the caller when notebook 1 has run
        self.errors: list[BaseException] = []
        self.stopping = threading.Lock()
        self.stopped = False
        self.thread = threading.Thread(target=self._start_all, daemon=True)
        self.thread.start()

    def _start_all(self) -> None:
        import asyncio

        async def start(i: int) -> None:
            km = self.kms[i]
            await km.start_kernel(cwd=str(ROOT))
            kc = km.client()
            kc.start_channels()
            await kc.wait_for_ready(timeout=60)
            if i >= 2:
                # The third notebook's imports wait for the first notebook to finish, whose
                # reading of a large export needs both cores (faster on large exports and on
                # the shipped data alike); the second's are needed as soon as it ends.
                await asyncio.to_thread(self.first_done.wait)
            module = WARM.get(self.names[i], "sys")
            kc.execute(f"__import__({module!r})", silent=True, store_history=False)
            kc.stop_channels()
            self.ready[i].set()

        async def start_all() -> None:
            await start(0)
            await asyncio.gather(*(start(i) for i in range(1, len(self.kms))))

        try:
            asyncio.run(start_all())
        except BaseException as exc:  # reported by get(), in the main thread
            self.errors.append(exc)
            for e in self.ready:
                e.set()

    def get(self, i: int):
        self.ready[i].wait()
        if self.errors:
            raise Failure(f"The notebook kernels could not be started ({self.errors[0]}); see "
                          f"{self.work / 'kernels.log'}.", 1, keep_work=True)
        return self.kms[i]

    def stop(self) -> None:
        """Shut the kernels down and remove their sockets; once, whoever calls it first (a
        second caller waits for the first to finish)."""
        import asyncio

        with self.stopping:
            if self.stopped:
                return
            self.stopped = True
            try:
                self.first_done.set()  # a kernel still waiting for it (notebook 1 failed)
                self.thread.join()

                async def stop_all() -> None:
                    await asyncio.gather(*(km.shutdown_kernel(now=True) for km in self.kms
                                           if km.has_kernel), return_exceptions=True)

                asyncio.run(stop_all())
            finally:
                shutil.rmtree(self.sockets, ignore_errors=True)


SOCKETS = "sitrep-kernels-"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def sweep() -> None:
    """Remove the socket folders of runs whose process is gone (killed before it could)."""
    import tempfile

    for folder in Path(tempfile.gettempdir()).glob(f"{SOCKETS}*-*"):
        pid = folder.name[len(SOCKETS):].split("-")[0]
        if pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
