"""The ``sitrep`` command (installed by pyproject.toml's ``[project.scripts]``):

    sitrep report --data data/raw --out report [--country ..] [--province ..] [--start ..]
        [--end ..] [--title ..] [--format auto] [--allow-rejects] [--force-out] [--rebuild]

``sitrep report`` is `sitrep.run.pipeline` (``python -m sitrep.run.pipeline`` takes the same
options and behaves alike); ``make report`` calls it with the make variables. Exit status: 0
written or up to date, 1 a failure, 2 an input problem or a refused OUT, 130 interrupted.
"""

from __future__ import annotations

import os
import sys

USAGE = """usage: sitrep report [--data DATA] [--out OUT] [options]

Build the casualty briefing (briefing.pdf, briefing.html, tables/, audit.csv) into OUT.
`sitrep report --help` lists the options."""


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE, file=sys.stdout if argv else sys.stderr)
        sys.exit(0 if argv else 2)
    if argv[0] != "report":
        print(f"sitrep: unknown command {argv[0]!r}\n{USAGE}", file=sys.stderr)
        sys.exit(2)
    from sitrep.run import pipeline

    # Messages name the command the analyst typed: make sets SITREP_VIA_MAKE.
    prog = "make report" if os.environ.get("SITREP_VIA_MAKE") else "sitrep report"
    pipeline.exit_now(pipeline.main(argv[1:], prog))


if __name__ == "__main__":
    main()
