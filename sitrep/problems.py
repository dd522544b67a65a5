"""Problems found in the input, and the one error type that carries them to the user.

A problem names the file, the line as a spreadsheet shows it (header = line 1), the column and
the value, says what is wrong and how to fix it. Errors reject a row; warnings keep it and go to
the briefing's data-quality appendix.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    value: str
    message: str
    fix: str = ""
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        value = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        text = f"{self.file}:{self.line}: column '{self.column}': value '{value}': {self.message}"
        return f"{text} - {self.fix}" if self.fix else text


class InputError(Exception):
    """The input cannot make a correct briefing. ``str()`` is the full, user-facing message."""

    def __init__(self, problems: list[Problem] | None = None, message: str | None = None):
        self.problems = list(problems or [])
        if message is None:
            errors = sorted((p for p in self.problems if p.severity == "error"),
                            key=lambda p: (p.file, p.line))
            head = f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the input:"
            tail = ("Fix these rows, or run with ALLOW_REJECTS=1 to build the briefing without "
                    "them (each is then listed in its data-quality appendix).")
            message = "\n".join([head, *(f"  {line}" for line in summarised(errors)), tail])
        super().__init__(message)


SUMMARISE_AFTER = 5  # more rows than this sharing one fault in one column: one line for them


def summarised(problems: list[Problem]) -> list[str]:
    """One line per problem, except that a fault shared by many rows of one column (a whole
    column Excel rewrote, say) is one line with the number of rows, their lines and an example,
    so that the kind of damage and its fix are read once."""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.file, p.column, p.message, p.fix), []).append(p)
    out, done = [], set()
    for p in problems:
        key = (p.file, p.column, p.message, p.fix)
        same = groups[key]
        if len(same) <= SUMMARISE_AFTER:
            out.append(str(p))
        elif key not in done:
            done.add(key)
            lines = sorted(q.line for q in same)
            text = (f"{p.file}: column '{p.column}': {len(same):,} rows (lines {lines[0]} to "
                    f"{lines[-1]}; for example line {p.line}, value '{p.value[:40]}'): "
                    f"{p.message}")
            out.append(f"{text} - {p.fix}" if p.fix else text)
    return out


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]
