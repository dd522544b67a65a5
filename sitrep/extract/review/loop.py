"""``make extract-apply`` in order: the review read, its rows made, compared with the log,
checked, written, and the training store updated; returns what to tell the analyst.

The clean stage's checks come in as ``validate`` (``scripts/extract_apply.py`` passes them):
extraction is the first stage and imports none of the later ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitrep.extract.review.apply import CLAIM_SUFFIX, EVENT_PREFIX, log_rows
from sitrep.extract.review.compare import earlier_events, merge_events
from sitrep.extract.review.decisions import ReviewError, read_review
from sitrep.extract.review.logfiles import (check_log_files, merge, read_table, rendered,
                                             write_log)
from sitrep.extract.review.store import check_store, write_store
from sitrep.extract.texts import read_documents
from sitrep.schema import DRAFT_INCIDENT_COLUMNS, SOURCE_COLUMNS, VICTIM_COLUMNS

COLUMNS = {"incidents.csv": DRAFT_INCIDENT_COLUMNS, "sources.csv": SOURCE_COLUMNS,
           "victims.csv": VICTIM_COLUMNS}


def apply_review(candidates: str | Path, seeds: str | Path, data: str | Path,
                 store: str | Path, validate: Callable[[Path], list[str]],
                 find: Callable[[Path, str], Path | None] | None = None) -> list[str]:
    """Apply the review in ``candidates`` (the candidates.csv file or its folder) of the texts
    in ``seeds`` to the log in ``data`` and the training store ``store``; ``find(folder,
    stem)`` is the file make report reads for ``stem`` (incidents...)."""
    path = Path(candidates)
    path = path / "candidates.csv" if path.is_dir() else path
    data = Path(data)
    if not data.is_dir():
        raise ReviewError([f"DATA={data}: no such folder - point DATA at the incident log's "
                           "folder (make an empty folder to start a new log)"],
                          head="Cannot add to the log:")
    check_log_files(data, find)
    review = read_review(path)
    reports = read_documents(seeds)
    rows = log_rows(review, reports)
    said = [_summary(review, path, reports)] + rows.said
    tables = {name: read_table(data / name) for name in COLUMNS}
    merges = {}
    merges["incidents.csv"], merges["victims.csv"], conflicts = merge_events(
        tables["incidents.csv"], tables["victims.csv"], rows.incidents, rows.victims)
    merges["sources.csv"], found = merge(tables["sources.csv"], rows.sources)
    conflicts += found
    conflicts += id_clashes(tables["incidents.csv"], rows.incidents, rows.document)
    conflicts += earlier_events(tables["incidents.csv"],
                                {d: reports[d].source["source_id"] for d in review.reviewed
                                 if d in reports}, rows.document)
    if conflicts:
        raise ReviewError(conflicts, head=f"The review disagrees with the log in {data}; "
                                          "nothing was written:")
    check_store(store)
    texts = {name: rendered(m, COLUMNS[name]) for name, m in merges.items() if m.added}
    write_log(data, texts, validate)
    said += _log_lines(merges, rows.document, data)
    done = write_store(store, review, reports)
    said.append(f"training store {store}: {done['documents']} report(s), {done['gold']} gold "
                f"figure(s)" + (f"; replaced the earlier review of {', '.join(done['replaced'])}"
                                if done["replaced"] else ""))
    said += [f"  note: {d} in the store had another text: replaced"
             for d in done["text_changed"]]
    return said


def id_clashes(table, new, document: dict) -> list[str]:
    """An ``EXT-`` event id the log (or the review itself) holds under another source_id (other
    than the report's own claims source): two incidents would merge into one."""
    held = {}
    for r in table.rows:
        held.setdefault(r.get("event_id", ""), []).append((r.get("source_id", ""), r["_line"]))
    out = []
    for row in new.to_dict("records"):
        event, source = row["event_id"], row["source_id"]
        for other, line in held.get(event, []):
            if event.startswith(EVENT_PREFIX) and _reporter(other) != _reporter(source):
                where = f"incidents.csv:{line}" if line != "new" else "the review"
                out.append(f"{where}: event_id {event} is already given to source '{other}'; "
                           f"the review gives it to source '{source}' "
                           f"({document.get((event, source), '')}) - two incidents cannot "
                           "share an id: rename the report file or edit that row's event_id")
        held.setdefault(event, []).append((source, "new"))
    return out


def _reporter(source_id: str) -> str:
    """The report's own source id, for it and for its claims' (``<id>-claim``): one event."""
    return source_id.removesuffix(CLAIM_SUFFIX)


def _summary(review, path: Path, reports: dict) -> str:
    decided = review.rows[review.rows["document"].isin(review.reviewed)]["decision"]
    counts = ", ".join(f"{(decided == w).sum()} {w}" for w in ("accept", "reject", "add"))
    # A report with no candidate row has no decision either.
    undecided = review.undecided + [d for d in reports if d not in set(review.rows["document"])]
    left = (f"; {len(undecided)} with no decision left out ({', '.join(undecided)})"
            if undecided else "")
    return (f"{path}: {len(review.reviewed)} report(s) reviewed ({counts}){left}")


def _log_lines(merges: dict, document: dict, data: Path) -> list[str]:
    out = []
    inc = merges["incidents.csv"]
    for row in inc.added:
        doc = document.get((row["event_id"], row["source_id"]), "")
        figures = ", ".join(f"{c.replace('_', ' ', 1)} {row[c]}" for c in
                            DRAFT_INCIDENT_COLUMNS if c.startswith(("killed_", "injured_"))
                            and row[c])
        out.append(f"{data / 'incidents.csv'}: added {row['event_id']} from {row['source_id']} "
                   f"({doc}), {row['event_date']}, {row['province']}: {figures or 'no count'}")
    for row in inc.added:
        others = sorted({r["event_id"] for r in inc.table.rows
                         if r.get("source_id") == row["source_id"]
                         and r.get("event_id") != row["event_id"]})
        if others:
            out.append(f"  note: source {row['source_id']} already reports "
                       f"{', '.join(others)} in the log; if {row['event_id']} is one of "
                       "these incidents, give its rows that event_id (else it is counted "
                       "twice)")
    for row, line in inc.present:
        out.append(f"{data / 'incidents.csv'}:{line}: {row['event_id']} from "
                   f"{row['source_id']} is already there, alike: skipped")
    out += [f"  note: source {r['source_id']} is added without a publisher: none in its "
            "header or SEEDS/sources.csv" for r in merges["sources.csv"].added
            if not r.get("publisher")]
    for name in ("sources.csv", "victims.csv"):
        m = merges[name]
        if m.added:
            out.append(f"{data / name}: added {len(m.added)} row(s)")
        if m.present:
            out.append(f"{data / name}: {len(m.present)} row(s) already there, alike: skipped")
    if not any(m.added for m in merges.values()):
        out.append(f"{data}: nothing new to add")
    return out
