"""A review compared with the log, one event of one source at a time.

An event (``event_id``, ``source_id``) the log holds is the same event only when the whole set
matches what the review now gives: the incident row (its figures, and the review's notes with
the claims and parts kept out of the counts found in the row's notes) and every victims row of
the event (category, home province, count, basis), none more, none fewer. Anything else is a
conflict naming the file, line and what differs: the review is never half applied, a victims
row is never added twice, and one the review no longer gives is never left standing unsaid.
A report applied before under other event ids (its text edited, its events split otherwise,
or all its figures now rejected) is a conflict too.
"""

from __future__ import annotations

import pandas as pd

from sitrep.extract.review.apply import CLAIM_SUFFIX, EVENT_PREFIX, NOTES_HEAD
from sitrep.extract.review.logfiles import COMPARED, Merge, Table

FIX = "correct the review, or edit or delete those rows of the log, then apply again"


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), "").astype(str).to_dict("records")


def _victim(row: dict) -> str:
    return f"{row.get('victim_category', '')} from {row.get('home_province', '')}"


def merge_events(incidents: Table, victims: Table, new_inc: pd.DataFrame,
                 new_vic: pd.DataFrame) -> tuple[Merge, Merge, list[str]]:
    """(incidents merge, victims merge, conflicts) for the review's events against the log."""
    held_inc = {(r.get("event_id", ""), r.get("source_id", "")): r for r in incidents.rows}
    held_vic: dict[tuple[str, str], list[dict]] = {}
    for r in victims.rows:
        held_vic.setdefault((r.get("event_id", ""), r.get("source_id", "")), []).append(r)
    mine_vic: dict[tuple[str, str], list[dict]] = {}
    for r in _records(new_vic):
        mine_vic.setdefault((r["event_id"], r["source_id"]), []).append(r)
    inc, vic, conflicts = Merge(incidents, [], []), Merge(victims, [], []), []
    for row in _records(new_inc):
        pair = (row["event_id"], row["source_id"])
        old, old_v, new_v = held_inc.get(pair), held_vic.get(pair, []), mine_vic.get(pair, [])
        if old is None and not old_v:
            inc.added.append(row)
            vic.added += new_v
            continue
        differ = _incident_differs(old, row) + _victims_differ(old_v, new_v)
        if differ:
            lines = [f"incidents.csv:{old['_line']}"] if old else []
            lines += [f"victims.csv:{r['_line']}" for r in old_v]
            conflicts.append(f"{', '.join(lines)}: {'/'.join(pair)} is already in the log "
                             f"with {'; '.join(differ)} - {FIX}")
            continue
        inc.present.append((row, old["_line"]))
        vic.present += [(r, h["_line"]) for r, h in zip(new_v, old_v)]
    return inc, vic, conflicts


def _incident_differs(old: dict | None, row: dict) -> list[str]:
    if old is None:
        return ["no incidents.csv row (only victims rows)"]
    out = [f"{c} '{old[c]}' (the review: '{row.get(c, '')}')"
           for c in COMPARED["incidents.csv"] if c in old and old[c] != row.get(c, "")]
    # The analyst may add to the notes; the figures the review carries there must be in them.
    notes = row.get("notes", "")
    if "notes" in old and notes and notes not in old["notes"]:
        k = next((i for i, (a, b) in enumerate(zip(old["notes"], notes)) if a != b),
                 min(len(notes), len(old["notes"])))
        at = max(0, k - 30)
        out.append(f"notes '...{old['notes'][at:k + 60]}...' (the review: "
                   f"'...{notes[at:k + 60]}...')")
    return out


def _victims_differ(old: list[dict], new: list[dict]) -> list[str]:
    key = ("victim_category", "home_province")
    held = {tuple(r.get(k, "") for k in key): r for r in old}
    mine = {tuple(r.get(k, "") for k in key): r for r in new}
    out = []
    for k, r in held.items():
        if k not in mine:
            out.append(f"victims row {_victim(r)} {r.get('count', '')} (line {r['_line']}), "
                       "which the review no longer gives")
            continue
        for c in COMPARED["victims.csv"]:
            if c in r and r[c] != mine[k].get(c, ""):
                out.append(f"victims row {_victim(r)} {c} '{r[c]}' (the review: "
                           f"'{mine[k].get(c, '')}')")
    out += [f"no victims row {_victim(r)} {r.get('count', '')} (the review gives it)"
            for k, r in mine.items() if k not in held]
    if len(old) > len(held):
        out.append("a victims row twice")
    return out


def earlier_events(incidents: Table, reviewed: dict[str, str],
                   events: dict[tuple[str, str], str]) -> list[str]:
    """Events an earlier review of a report put in the log which the review now does not give
    (``reviewed``: document -> source_id; ``events``: (event_id, source_id) -> document)."""
    out = []
    for r in incidents.rows:
        event, source = r.get("event_id", ""), r.get("source_id", "")
        for doc, src in reviewed.items():
            if (source in (src, src + CLAIM_SUFFIX) and event.startswith(EVENT_PREFIX)
                    and (event, source) not in events
                    and r.get("notes", "").startswith(NOTES_HEAD.format(doc=doc))):
                now = sorted(e for (e, s), d in events.items() if d == doc) or ["no incident"]
                out.append(f"incidents.csv:{r['_line']}: {event} from {source} came from an "
                           f"earlier review of {doc}; the review now gives {', '.join(now)} - "
                           "delete that row and its victims rows if the review replaces them "
                           "(or, if this is another report, give it its own Source ID), then "
                           "apply again")
    return out
