"""Score proposed figures against hand-made gold figures.

A figure is the tuple ``(document, victim_category, outcome, low, high, claim)``; ``high`` is
None when open. Both sides are compared as *sets* per document, so a figure repeated in
several sentences counts once. Claims are scored like any figure, with the claim flag in the
key: proposing the BLA's "18 soldiers" without ``claim=yes`` is both a miss and an extra.
``home_province`` is not in the key; it is reported as agreement on the matched figures.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

Key = tuple[str, str, str, int, "int | None", bool]


def _int_or_none(value: object) -> int | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        return int(value) if value.strip() else None
    return int(value)


def _yes(value: object) -> bool:
    return str(value).strip().lower() in ("yes", "true", "1", "y")


def figure_keys(frame: pd.DataFrame) -> dict[Key, str]:
    """key -> home_province ('' when none) for each row of a candidates or gold table."""
    out: dict[Key, str] = {}
    for row in frame.to_dict("records"):
        key = (str(row["document"]), str(row["victim_category"]), str(row["outcome"]),
               int(_int_or_none(row["low"])), _int_or_none(row["high"]), _yes(row["claim"]))
        home = row.get("home_province", "")
        home = "" if home is None or home is pd.NA or home != home else str(home)
        out[key] = out.get(key) or home
    return out


def evaluate(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Precision, recall, F1, and per-document misses and extras."""
    p, g = figure_keys(pred), figure_keys(gold)
    hits = set(p) & set(g)
    precision = len(hits) / len(p) if p else 1.0
    recall = len(hits) / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    docs = sorted({k[0] for k in p} | {k[0] for k in g})
    per_doc = {d: {"missed": sorted((k for k in g if k[0] == d and k not in hits), key=str),
                   "extra": sorted((k for k in p if k[0] == d and k not in hits), key=str)}
               for d in docs}
    by_document = {d: (sum(1 for k in hits if k[0] == d), sum(1 for k in p if k[0] == d),
                       sum(1 for k in g if k[0] == d)) for d in docs}
    homes = [k for k in hits if g[k] or p[k]]
    agree = sum(1 for k in homes if g[k] == p[k])
    return {"precision": precision, "recall": recall, "f1": f1, "true_positives": len(hits),
            "predicted": len(p), "gold": len(g), "per_document": per_doc,
            "by_document": by_document,
            "home_province_agreement": (agree, len(homes))}


def evaluate_folder(folder: str | Path, extract=None) -> dict:
    """Run the extractor over ``folder/*.txt`` and score it against ``folder/gold.csv``;
    ``extract(text, name)`` gives the figures table (default: :func:`extract_figures`)."""
    from sitrep.extract.candidates import extract_figures
    from sitrep.schema import CANDIDATE_COLUMNS
    folder = Path(folder)
    extract = extract or extract_figures
    frames = [extract(p.read_text(encoding="utf-8"), p.name)
              for p in sorted(folder.glob("*.txt"))]
    pred = (pd.concat(frames, ignore_index=True) if frames
            else pd.DataFrame(columns=list(CANDIDATE_COLUMNS)))
    gold = pd.read_csv(folder / "gold.csv", dtype=str, keep_default_na=False)
    result = evaluate(pred, gold)
    result["documents"] = len(frames)
    return result


def format_key(key: Key) -> str:
    _, category, outcome, low, high, claim = key
    bounds = f"{low}-{high}" if high is not None and high != low else (
        f"{low}" if high is not None else f"{low}+")
    return f"{category} {outcome} {bounds}" + (" (claim)" if claim else "")
