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
            message = "\n".join([head, *(f"  {p}" for p in errors), tail])
        super().__init__(message)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]
