"""The methodology: what was read, and the counting rule as sitrep/clean/counting_rules.md
states it for readers (its part "In brief", printed word for word)."""

from __future__ import annotations

from pathlib import Path

from sitrep.brief.fmt import esc
from sitrep.paths import COUNTING_RULES


def counting_rules(path: Path = COUNTING_RULES) -> list[tuple[str, str]]:
    """The plain-language rules: (heading, paragraph), in the file's order."""
    text = path.read_text(encoding="utf-8")
    brief = text.split("\n## In brief\n", 1)[1].split("\n## ", 1)[0]
    out = []
    for block in brief.split("\n### ")[1:]:
        head, _, body = block.partition("\n")
        out.append((head.strip(), " ".join(body.split())))
    return out


def methodology(b) -> str:
    rules = "".join(f"<h3>{esc(h)}</h3><p>{esc(p)}</p>" for h, p in counting_rules())
    method = "".join(f"<li>{esc(m)}</li>" for m in b.run.get("method", []))
    return (f'<section class="methodology"><h2>Methodology</h2>'
            f'<h3>Data read</h3><p>Dataset: {esc(b.run.get("dataset"))}. Scope: '
            f'{esc(b.run.get("filters", {}).get("description"))}.</p><ul>{method}</ul>'
            f'{rules}</section>')
