"""One report through the learned layer: its candidates table and its unread table.

The rules read the report once (:func:`.pool.build_pool`); the model labels every candidate
(:mod:`.combine`); the document pass decides the report's figures together
(:mod:`.document`); each figure's ``probability`` is the model's, calibrated on its predictions
for whole sets of training reports left out of its fit, those outside dev. The counts the model
did not keep go to ``unread.csv`` with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sitrep.extract.learn.combine import Row, combine, predict
from sitrep.extract.learn.document import document_pass
from sitrep.extract.learn.features import pool_features
from sitrep.extract.learn.model import calibrate, load
from sitrep.extract.learn.pool import Pool, build_pool
from sitrep.schema import CANDIDATE_COLUMNS, UNREAD_COLUMNS

MODEL = Path(__file__).resolve().parent / "model.json"
REJECTED = "the model gives this figure of the rules a probability under {:.2f}"
NOT_KEPT = "the model gives it a probability of {:.2f} of being a figure (the rules: {})"


def default_model() -> dict | None:
    """The committed model, or None when there is none (the rules alone decide then)."""
    return load(MODEL)


def learned_rows(model: dict, pool: Pool, policy: str | None = None
                 ) -> tuple[list[Row], list[dict]]:
    """The figures of one report, decided by the model and the document pass, and the
    model's predictions for every candidate."""
    preds = [predict(model, f) for f in pool_features(pool)]
    rows, _ = combine(pool, preds) if policy is None else combine(pool, preds, policy)
    for r in rows:
        r.probability = round(calibrate(model["platt_row"], r.p_figure * r.p_labels), 3)
    return document_pass(pool, rows), preds


def learned_tables(model: dict, text: str, document: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(candidates, unread) of one report, in the columns of sitrep.schema."""
    pool = build_pool(text, document)
    rows, preds = learned_rows(model, pool)
    return candidate_table(pool, rows), unread_table(pool, rows, preds)


def candidate_table(pool: Pool, rows: list[Row]) -> pd.DataFrame:
    out = []
    for r in rows:
        c = pool.candidates[r.index]
        out.append({
            "document": pool.document, "sentence": pool.sentences[c.sentence].text,
            "start": c.start, "end": c.end, "victim_category": r.category,
            "outcome": r.outcome, "low": r.low, "high": r.high if r.high is not None else pd.NA,
            "claim": "yes" if r.claim else "no", "place": c.place, "home_province": c.home,
            "probability": r.probability, "decision": ""})
    frame = pd.DataFrame(out, columns=list(CANDIDATE_COLUMNS))
    for col in ("start", "end", "low", "high"):
        frame[col] = frame[col].astype("Int64")
    return frame


def unread_table(pool: Pool, rows: list[Row], preds: list[dict]) -> pd.DataFrame:
    """Every count of people, and every number of a casualty sentence, that is no row here,
    with the reason: the rules' reason when the model agreed with them, the model's when it
    turned a rule proposal down or kept what the rules had set aside."""
    from sitrep.extract.learn.combine import KEEP_BELOW
    from sitrep.extract.unread import _CASUALTY_WORD
    used = {r.index for r in rows}
    out = []
    for i, c in enumerate(pool.candidates):
        if i in used:
            continue
        s = pool.sentences[c.sentence]
        p = preds[i]["figure"]["yes"]
        if c.source == "raw" and not _CASUALTY_WORD.search(s.text):
            continue  # a number in a sentence about no casualties: noise to a reviewer
        if c.source == "proposed" and p < KEEP_BELOW:
            reason = REJECTED.format(KEEP_BELOW) + f" ({p:.2f})"
        elif c.source == "proposed":
            reason = "the same figure as another row (repeated, or superseded in the report)"
        else:
            reason = NOT_KEPT.format(p, c.reason or c.source)
        out.append({"document": pool.document, "sentence": s.text, "start": c.start,
                    "end": c.end, "count": pool.text[c.start:c.end], "reason": reason})
    frame = pd.DataFrame(out, columns=list(UNREAD_COLUMNS))
    for col in ("start", "end"):
        frame[col] = frame[col].astype("Int64")
    return frame
