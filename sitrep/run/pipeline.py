"""The engine of `make report` and `sitrep report`: check and lock OUT, skip a run whose inputs
are unchanged, run the notebooks in one process with papermill, render, publish.

    python -m sitrep.run.pipeline --data data/raw --out report [--country ..] [--province ..]
        [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--title ..] [--format auto] [--allow-rejects 1]
        [--force-out] [--rebuild] [--work DIR]

Each run works in a folder of its own (`sitrep.run.workdir`) and publishes into OUT all or
nothing (`sitrep.run.publish`), under a lock on OUT (`sitrep.run.outfolder`): runs on one OUT
take turns, runs on different OUTs never meet. Exit status: 0 when the briefing was written or
was up to date; 2 for problems in the input or a refused OUT (listed, never a traceback); 1 for
any other failure, naming the executed notebook kept in the work folder and the cell that
failed; 128 + the signal (130 for Ctrl-C) when interrupted, OUT unchanged.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from sitrep.paths import NOTEBOOKS, ROOT
from sitrep.problems import InputError
from sitrep.run import fingerprint, outfolder, publish, signals
from sitrep.run.kernels import Failure, Kernels, stderr_to
from sitrep.run.lock import Lock
from sitrep.run.workdir import WorkFolder


# papermill imports nbformat, which imports jsonschema, whose optional IRI format checker
# imports rfc3987_syntax (installed for JupyterLab), which builds a parser grammar at import, a
# large share of the floor spent before the first notebook can start. No notebook schema checks
# an IRI format, so this process does without that checker.
sys.modules.setdefault("rfc3987_syntax", None)


def parse_args(argv: list[str], prog: str = "make report") -> argparse.Namespace:
    p = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    p.add_argument("--data", default="data/raw")
    p.add_argument("--out", default="report")
    p.add_argument("--format", default="auto")
    p.add_argument("--country", default="")
    p.add_argument("--province", default="")
    p.add_argument("--start", default="")
    p.add_argument("--end", default="")
    p.add_argument("--title", default="")
    # Flags take an optional value, so that make can pass FORCE_OUT=0 or =1 alike.
    p.add_argument("--allow-rejects", nargs="?", const="1", default="0")
    p.add_argument("--force-out", nargs="?", const="1", default="0",
                   help="write into a non-empty folder that no sitrep run wrote")
    p.add_argument("--rebuild", nargs="?", const="1", default="0",
                   help="run even when the briefing in OUT is up to date")
    p.add_argument("--work", default="",
                   help="work in this folder and keep it (default: one of the run's own under "
                        "build/runs/, removed at the end)")
    args = p.parse_args(argv)
    args.prog = prog
    return args


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
                            # every cell, slow for the briefing's large outputs.
                            request_save_on_cell_execute=False)
    except PapermillExecutionError as exc:
        if exc.ename == "InputError":
            raise Failure(exc.evalue, 2) from None
        raise Failure(f"{name} failed in cell {exc.exec_count} ({exc.ename}: {exc.evalue}).\n"
                      f"The executed notebook, with the error, is kept at "
                      f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}.", 1,
                      keep_work=True) from None
    return time.perf_counter() - t0




def build(args: argparse.Namespace, work: Path, cleanup: contextlib.ExitStack) -> Path:
    """Run the three notebooks and render the briefing in ``work``; returns the folder of
    outputs to publish."""
    timings = {}
    stages = parameters(args, work)
    with stderr_to(work / "kernels.log") as progress:
        # Kernels first, in the background: they start while this process imports papermill.
        kernels = Kernels(list(stages), work)
        cleanup.callback(kernels.stop)  # on every ending; a second call waits for the first
        import papermill  # noqa: F401  (slow; overlapped with the first kernel's start-up)

        for i, (name, params) in enumerate(stages.items()):
            timings[name] = execute(name, params, work, kernels.get(i))
            if i == 0:
                # Not earlier: while the first notebook reads the data, both cores are
                # busy (a large export is read on both); the later notebooks leave one
                # free (measured faster on a large export and on the shipped data alike).
                kernels.first_done.set()
                warming = threading.Thread(target=_preload_render, args=(work,), daemon=True)
                warming.start()
            print(f"  {name:<12} {timings[name]:5.1f} s", file=progress, flush=True)
    # The kernels shut down while the briefing renders.
    stopping = threading.Thread(target=kernels.stop, daemon=True)
    stopping.start()
    t0 = time.perf_counter()
    from sitrep.brief import render
    warming.join()  # rendering alongside the warm-up would only slow both
    stage = work / "out"
    title = json.loads((work / "briefing.json").read_text(encoding="utf-8"))["title"]
    html = render.to_html(work / "notebooks" / "03_briefing.ipynb", title)
    (stage / "briefing.html").write_text(html, encoding="utf-8")
    render.to_pdf(html, stage / "briefing.pdf")
    print(f"  {'render':<12} {time.perf_counter() - t0:5.1f} s", file=sys.stderr, flush=True)
    stopping.join()
    return stage


def _left_out(work: Path) -> str:
    """The first page's "Not counted" sentence, for the terminal too."""
    from sitrep.brief.narrative import left_out

    try:
        run_json = json.loads((work / "clean" / "run.json").read_text(encoding="utf-8"))
        return left_out(run_json.get("not_counted", {}))
    except (OSError, ValueError):
        return ""


def key_of(args: argparse.Namespace) -> str | None:
    return fingerprint.run_key(args.data, {
        "format": args.format, "country": args.country, "province": args.province,
        "start": args.start, "end": args.end, "title": args.title,
        "allow_rejects": _flag(args.allow_rejects)})


def report(args: argparse.Namespace, cleanup: contextlib.ExitStack) -> int:
    """One run, in the order that keeps OUT whole: filters checked, OUT checked and locked, a
    publish cut short recovered, the digest compared, then the work and the publish."""
    from sitrep.clean.filters import make_filters

    started = time.perf_counter()
    # Fail fast on bad filters, before anything starts. This comes first, so it must stay
    # cheap: sitrep.clean.filters imports no pandas.
    make_filters(args.country, args.province, args.start, args.end)
    out = outfolder.resolve(args.out)
    outfolder.refuse_special(out, args.out)

    def waiting(what: str) -> Callable[[str], None]:
        def say(holder: str) -> None:
            print(f"{args.prog}: waiting for another run on {what} "
                  f"({holder or 'pid unknown'}) to finish...", file=sys.stderr, flush=True)
        return say

    try:
        lock = Lock(outfolder.lock_file(out)).acquire(waiting(args.out))
    except OSError as exc:
        raise outfolder.Refused(f"OUT={args.out}: sitrep cannot write there or beside it "
                                f"({exc.strerror}: {exc.filename})") from None
    cleanup.callback(lock.release)
    recovered = publish.recover(out)
    if recovered:
        print(recovered, file=sys.stderr)
    outfolder.check_foreign(out, args.out, _flag(args.force_out))
    key = key_of(args)
    done = None if _flag(args.rebuild) else outfolder.up_to_date(out, key)
    if done is not None:
        print(f"Up to date: {args.out}/briefing.pdf and {args.out}/briefing.html (DATA, the "
              f"parameters and the code are as they were; REBUILD=1 or --rebuild runs again)")
        if done.get("note"):
            print(done["note"], file=sys.stderr)
        return 0
    work = WorkFolder.open(args.work, out, waiting(f"WORK={args.work}"))
    cleanup.callback(work.close)
    try:
        stage = build(args, work.path, cleanup)
        note = _left_out(work.path)
        publish.publish(stage, out, {"sitrep": 1, "key": key, "note": note,
                                     "written": time.strftime("%Y-%m-%dT%H:%M:%S%z")},
                        quiet_after=True)
    except Failure as f:
        if f.keep_work:
            work.keep()
        raise
    except (InputError, KeyboardInterrupt):
        raise
    except Exception:
        work.keep()
        traceback.print_exc()
        raise Failure(f"The run failed unexpectedly (above); its work folder is kept at "
                      f"{work.shown()}.", 1) from None
    print(f"Briefing written to {args.out}/briefing.pdf and {args.out}/briefing.html "
          f"({time.perf_counter() - started:.1f} s)")
    if note:
        print(note, file=sys.stderr)
    return 0


def main(argv: list[str] | None = None, prog: str = "make report") -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv, prog)
    signals.install()
    unchanged = f"{prog}: no briefing was written ({args.out} is unchanged)."
    try:
        with contextlib.ExitStack() as cleanup:
            return report(args, cleanup)
    except signals.Interrupted as i:
        print(f"interrupted: {args.out} is unchanged", file=sys.stderr)
        return i.status
    except KeyboardInterrupt:  # SIGINT's own handler, where install() could not replace it
        print(f"interrupted: {args.out} is unchanged", file=sys.stderr)
        return 130
    except Failure as f:
        print(f"{unchanged}\n{f}", file=sys.stderr)
        return f.status
    except InputError as e:
        print(f"{unchanged}\n{e}", file=sys.stderr)
        return 2


def exit_now(status: int) -> None:
    """The run has ended and cleaned up after itself: skip the interpreter's teardown, which
    spends a noticeable share of the floor freeing what the notebooks' kernels and the renderer
    left."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    exit_now(main())
