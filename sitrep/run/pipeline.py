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
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path

from sitrep.paths import NOTEBOOKS, ROOT
from sitrep.run.kernels import Failure, Kernels, stderr_to


# papermill imports nbformat, which imports jsonschema, whose optional IRI format checker
# imports rfc3987_syntax (installed for JupyterLab), which builds a parser grammar at import, a
# large share of the floor spent before the first notebook can start. No notebook schema checks
# an IRI format, so this process does without that checker.
sys.modules.setdefault("rfc3987_syntax", None)
OUTPUTS = ("briefing.html", "briefing.pdf", "audit.csv", "tables")


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
    # comes first, so it must stay cheap: sitrep.clean.filters imports no pandas.
    make_filters(args.country, args.province, args.start, args.end)
    work = (ROOT / args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    timings = {}
    stages = parameters(args, work)
    with stderr_to(work / "kernels.log") as progress:
        # Kernels first, in the background: they start while this process imports papermill.
        kernels = Kernels(list(stages), work)
        try:
            import papermill  # noqa: F401  (slow; overlapped with the first kernel's start-up)

            for i, (name, params) in enumerate(stages.items()):
                timings[name] = execute(name, params, work, kernels.get(i))
                if i == 0:
                    # Not earlier: while the first notebook reads the data, both cores are
                    # busy (a large export is read on both); the later notebooks leave one
                    # free (measured faster on a large export and on the shipped data alike).
                    kernels.first_done.set()
                    warming = threading.Thread(target=_preload_render, args=(work,),
                                               daemon=True)
                    warming.start()
                print(f"  {name:<12} {timings[name]:5.1f} s", file=progress, flush=True)
        except BaseException:
            kernels.stop()
            raise
    # The kernels shut down while the briefing renders.
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


def _left_out(args: argparse.Namespace) -> str:
    """The first page's "Not counted" sentence, for the terminal too."""
    from sitrep.brief.narrative import left_out

    run_json = (ROOT / args.work).resolve() / "clean" / "run.json"
    try:
        return left_out(json.loads(run_json.read_text(encoding="utf-8")).get("not_counted", {}))
    except (OSError, ValueError):
        return ""


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
    caveat = _left_out(args)
    if caveat:
        print(caveat, file=sys.stderr)
    return 0


if __name__ == "__main__":
    status = main()
    # Everything is written and published; skip the interpreter's teardown, which spends a
    # noticeable share of the floor freeing what the notebooks' kernels and the renderer left.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
