"""`make report`: run the notebooks in one process with papermill, render, publish atomically.

    python -m sitrep.run.pipeline --data data/raw --out report [--country ..] [--province ..]
        [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--title ..] [--format auto] [--allow-rejects]

Everything is built under ``build/report/`` and moved into OUT only when every step succeeded,
so a failed run leaves OUT exactly as it was. Input problems end the run with exit status 2 and
the list of problems (never a traceback); any other failure exits 1, naming the executed
notebook kept under ``build/`` and the cell that failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path

from sitrep.paths import NOTEBOOKS, ROOT


# papermill imports nbformat, which imports jsonschema, whose optional IRI format checker
# imports rfc3987_syntax (installed for JupyterLab), which builds a parser grammar at import:
# 0.9 s, a fifth of the floor, spent before the first notebook can start. No notebook schema
# checks an IRI format, so this process does without that checker.
sys.modules.setdefault("rfc3987_syntax", None)
OUTPUTS = ("briefing.html", "briefing.pdf", "audit.csv", "tables")


class Failure(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="make report", description=__doc__.split("\n")[0])
    p.add_argument("--data", default="data/raw")
    p.add_argument("--out", default="report")
    p.add_argument("--format", default="auto")
    p.add_argument("--country", default="")
    p.add_argument("--province", default="")
    p.add_argument("--start", default="")
    p.add_argument("--end", default="")
    p.add_argument("--title", default="")
    p.add_argument("--allow-rejects", default="0")
    p.add_argument("--work", default="build/report")
    return p.parse_args(argv)


def _flag(x: str) -> bool:
    return str(x).strip().lower() in ("1", "true", "yes", "on")


def parameters(args: argparse.Namespace, work: Path) -> dict[str, dict]:
    common = {"WORK": str(work)}
    return {
        "01_clean": {**common, "DATA": args.data, "FORMAT": args.format,
                     "COUNTRY": args.country, "PROVINCE": args.province, "START": args.start,
                     "END": args.end, "TITLE": args.title,
                     "ALLOW_REJECTS": _flag(args.allow_rejects)},
        "02_tabulate": common,
        "03_briefing": {**common, "TITLE": args.title},
    }


@contextlib.contextmanager
def _stderr_to(path: Path):
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
        self.sockets = Path(tempfile.mkdtemp(prefix="sitrep-kernels-"))
        self.kms = [AsyncKernelManager(kernel_name="python3", transport="ipc",
                                       ip=str(self.sockets / f"k{i}"))
                    for i, _ in enumerate(names)]
        self.ready = [threading.Event() for _ in names]
        self.first_done = threading.Event()  # set by the caller when notebook 1 has run
        self.errors: list[BaseException] = []
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
                # reading of a large export needs both cores (-0.17 s there, -0.1 s on the
                # shipped data, medians of 8 runs); the second's are needed as soon as it ends.
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
                          f"{self.work / 'kernels.log'}.", 1)
        return self.kms[i]

    def stop(self) -> None:
        import asyncio

        self.first_done.set()  # a kernel still waiting for it (the first notebook failed)
        self.thread.join()

        async def stop_all() -> None:
            await asyncio.gather(*(km.shutdown_kernel(now=True) for km in self.kms
                                   if km.has_kernel), return_exceptions=True)

        asyncio.run(stop_all())
        shutil.rmtree(self.sockets, ignore_errors=True)


def _preload_render(work: Path) -> None:
    """Import and warm up the renderer while the later notebooks run (the GIL is free
    meanwhile); a failure here is left for the real rendering to report."""
    try:
        from sitrep.brief import render
        render.warm(work / "warm")
    except Exception:  # noqa: BLE001
        pass


def execute(name: str, params: dict, work: Path, km=None) -> float:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    out = work / "notebooks" / f"{name}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    try:
        pm.execute_notebook(NOTEBOOKS / f"{name}.ipynb", out, parameters=params,
                            cwd=str(ROOT), kernel_name="python3", progress_bar=False,
                            log_output=False, report_mode=False, km=km,
                            # Written once at the end (or at the error): papermill would
                            # otherwise rewrite and revalidate the notebook before and after
                            # every cell, 0.3 s for the briefing's large outputs.
                            request_save_on_cell_execute=False)
    except PapermillExecutionError as exc:
        if exc.ename == "InputError":
            raise Failure(exc.evalue, 2) from None
        raise Failure(f"{name} failed in cell {exc.exec_count} ({exc.ename}: {exc.evalue}).\n"
                      f"The executed notebook, with the error, is kept at "
                      f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}.", 1) \
            from None
    return time.perf_counter() - t0


def publish(stage: Path, out: Path) -> None:
    """Move the finished outputs into OUT; files the run did not make are left alone."""
    out.mkdir(parents=True, exist_ok=True)
    incoming = out.parent / f".{out.name}.incoming-{os.getpid()}"
    shutil.rmtree(incoming, ignore_errors=True)
    shutil.copytree(stage, incoming)  # same filesystem as OUT, so the renames below are atomic
    try:
        for name in OUTPUTS:
            src, dest = incoming / name, out / name
            if src.is_dir():
                old = out.parent / f".{out.name}.{name}.old-{os.getpid()}"
                if dest.exists():
                    dest.rename(old)
                src.rename(dest)
                shutil.rmtree(old, ignore_errors=True)
            elif src.exists():
                os.replace(src, dest)
    finally:
        shutil.rmtree(incoming, ignore_errors=True)


def run(args: argparse.Namespace) -> dict:
    from sitrep.clean.filters import make_filters

    # Fail fast on bad filters, before anything starts or the work folder is cleared. This
    # comes first, so it must stay cheap: sitrep.clean.filters imports no pandas (0.1 s, not 0.5 s).
    make_filters(args.country, args.province, args.start, args.end)
    work = (ROOT / args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    timings = {}
    stages = parameters(args, work)
    with _stderr_to(work / "kernels.log") as progress:
        # Kernels first, in the background: they start while this process imports papermill.
        kernels = Kernels(list(stages), work)
        try:
            import papermill  # noqa: F401  (slow; overlapped with the first kernel's start-up)

            for i, (name, params) in enumerate(stages.items()):
                timings[name] = execute(name, params, work, kernels.get(i))
                if i == 0:
                    # Not earlier: while the first notebook reads the data, both cores are
                    # busy (a large export is read on both); the later notebooks leave one
                    # free. Measured on a 2.5M-event export: 0.2 s faster, shipped data alike.
                    kernels.first_done.set()
                    warming = threading.Thread(target=_preload_render, args=(work,),
                                               daemon=True)
                    warming.start()
                print(f"  {name:<12} {timings[name]:5.1f} s", file=progress, flush=True)
        except BaseException:
            kernels.stop()
            raise
    # The kernels shut down (0.1 s) while the briefing renders.
    stopping = threading.Thread(target=kernels.stop)
    stopping.start()
    try:
        t0 = time.perf_counter()
        from sitrep.brief import render
        warming.join()  # rendering alongside the warm-up would only slow both
        stage = work / "out"
        title = json.loads((work / "briefing.json").read_text(encoding="utf-8"))["title"]
        html = render.to_html(work / "notebooks" / "03_briefing.ipynb", title)
        (stage / "briefing.html").write_text(html, encoding="utf-8")
        render.to_pdf(html, stage / "briefing.pdf")
        timings["render"] = time.perf_counter() - t0
        print(f"  {'render':<12} {timings['render']:5.1f} s", file=sys.stderr, flush=True)
        out = Path(args.out)
        publish(stage, out if out.is_absolute() else ROOT / out)
    finally:
        stopping.join()
    return timings


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from sitrep.problems import InputError

    try:
        run(args)
    except Failure as f:
        print(f"make report: no briefing was written ({args.out} is unchanged).\n{f}",
              file=sys.stderr)
        return f.status
    except InputError as e:
        print(f"make report: no briefing was written ({args.out} is unchanged).\n{e}",
              file=sys.stderr)
        return 2
    print(f"Briefing written to {args.out}/briefing.pdf and {args.out}/briefing.html "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    status = main()
    # Everything is written and published; skip the interpreter's teardown, which took about
    # 0.45 s (a tenth of the floor) freeing what the notebooks' kernels and the renderer left.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
