"""Interrupts: Ctrl-C, SIGTERM and SIGHUP end a run as one exception (:class:`Interrupted`), once;
while OUT is being switched they are held and answered after the switch was undone.

The first interrupt raises; later ones are ignored, so that the clean-up it starts (kernels shut
down, work folder removed, lock released) is not itself cut short by a second Ctrl-C.
"""

from __future__ import annotations

import contextlib
import signal
import threading

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """The run was interrupted by ``signum``; its exit status is 128 + signum."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def status(self) -> int:
        return 128 + self.signum


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _raise(signum, frame):
    ignore()
    raise Interrupted(signum)


def install() -> None:
    """Interrupts raise :class:`Interrupted`; a signal already ignored (a run started in the
    background by a shell, or under nohup) stays ignored."""
    if not _main_thread():
        return
    for s in SIGNALS:
        if signal.getsignal(s) is not signal.SIG_IGN:
            signal.signal(s, _raise)


def ignore() -> None:
    if _main_thread():
        for s in SIGNALS:
            signal.signal(s, signal.SIG_IGN)


class Held:
    """Interrupts that arrived while held; none are recorded after :meth:`commit`."""

    def __init__(self):
        self.pending: list[int] = []
        self.committed = False

    def commit(self) -> None:
        self.committed = True

    def raise_pending(self) -> None:
        if self.pending and not self.committed:
            raise Interrupted(self.pending[0])


@contextlib.contextmanager
def deferred(quiet_after_commit: bool = False):
    """Hold interrupts while the block runs. Afterwards the previous handlers are back, except
    that interrupts are ignored from then on when one arrived (the caller answers it with
    :meth:`Held.raise_pending`) or, with ``quiet_after_commit``, when the block committed."""
    held = Held()
    if not _main_thread():
        yield held
        return
    before = {s: signal.getsignal(s) for s in SIGNALS}

    def hold(signum, frame):
        if not held.committed:
            held.pending.append(signum)

    for s, handler in before.items():
        if handler is not signal.SIG_IGN:
            signal.signal(s, hold)
    try:
        yield held
    finally:
        quiet = held.pending or (held.committed and quiet_after_commit)
        for s, handler in before.items():
            signal.signal(s, signal.SIG_IGN if quiet else handler)
