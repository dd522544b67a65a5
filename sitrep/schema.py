"""The column contracts between stages: reader output, clean events, tables, audit.

Every stage meets the next at a file or a DataFrame with exactly these columns, so a notebook
never needs another notebook's internals. The README's "Data contract" section documents the
same lists for analysts.
"""

from __future__ import annotations

CATEGORIES = ("civilians", "security_forces", "militants", "unknown")
ALL = "all"
CATEGORIES_ALL = CATEGORIES + (ALL,)
OUTCOMES = ("killed", "injured")
SOURCE_TYPES = ("official", "media", "ngo", "perpetrator_claim", "other")
CLAIM = "perpetrator_claim"
BASES = ("reported", "inferred")
# A figure's ``derived`` when it is a dataset's best estimate with no range of its own (UCDP
# GED's categories): the counting rule then keeps the dataset's range for the total only.
BEST_ONLY = "best"

CATEGORY_LABELS = {
    "civilians": "Civilians",
    "security_forces": "Security forces",
    "militants": "Militants",
    "unknown": "Unknown",
    "all": "All",
}

# --- the native incident log (input) -------------------------------------------------------
INCIDENT_REQUIRED = ("event_id", "source_id", "event_date", "country", "province")
INCIDENT_OPTIONAL = ("district", "location", "latitude", "longitude", "event_type",
                     "perpetrator", "notes", "part_of", "origin", "total_excludes")
COUNT_COLUMNS = tuple(f"{o}_{c}" for o in OUTCOMES for c in CATEGORIES + ("total",))
SOURCE_COLUMNS = ("source_id", "publisher", "published", "title", "url", "source_type")
VICTIM_COLUMNS = ("event_id", "source_id", "victim_category", "home_province", "count", "basis")

# --- what every reader returns (native log and dataset exports alike) ----------------------
# One row per report (event x source) that survived validation and filtering.
REPORT_COLUMNS = (
    "report_id",      # "<file>:<line>", unique
    "file", "line",   # where the row came from (line as a spreadsheet shows it)
    "event_id", "source_id", "source_type",
    "event_date",     # datetime64; first day when only the month is known
    "date_precision",  # "day", "month" or "year" (GTD events with no month)
    "country_code", "country",
    "province_code", "province",  # ISO 3166-2 and official name; "" when not known
    "district", "location", "latitude", "longitude",
    "event_type", "perpetrator", "notes", "part_of",
    "origin",          # whose figure the report relays ("ISPR"); "" = the source's own
    "total_excludes",  # ";"-joined categories its stated total leaves out ("militants")
)
# A native log's own extra columns follow these, as typed; the incidents table carries them on.
# tables/incidents.csv: one row per incident, then the log's extra columns.
INCIDENT_TABLE_COLUMNS = (
    "event_id", "event_date", "province_code", "province", "district", "location", "latitude",
    "longitude", "part_of", "event_type", "perpetrator", "sources", "low", "best", "high",
    "militants")
# One row per report x category x outcome that the report states (or that is derived from it).
FIGURE_COLUMNS = (
    "report_id", "event_id", "source_id", "category", "outcome",
    "low", "high",    # high is <NA> when open-ended ("over 40")
    "point",          # the report's single figure: number, range midpoint (floor), open bound
    "approx",         # "about 30"
    "derived",        # "" as stated; "sum" (a category added up from several dataset columns);
                      # "best" (a dataset's best estimate with no range of its own: UCDP GED)
    "text",           # what the source said, as written
)
# How input rows ended up. One audit row per input row (rows = 1), except that a large export's
# rows filtered out while reading are summed up per reason (line empty, rows = how many), so
# that sum(rows) always equals the number of input rows.
AUDIT_COLUMNS = ("file", "line", "rows", "event_id", "source_id", "fate", "reason")
FATES = ("kept", "merged", "filtered", "rejected")

# --- clean events (01_clean -> events.parquet) ---------------------------------------------
EVENT_COLUMNS = (
    "event_id", "event_date", "date_precision", "country_code", "country",
    "province_code", "province", "district", "location", "latitude", "longitude",
    "part_of", "level",      # "event" (counted), "part" (inside an episode)
    "category", "outcome",
    "low", "best", "high",   # high <NA> when open
    "n_reports", "sources",  # sources: ";"-joined source ids behind the figure
    "own_low", "own_best", "own_high",  # the event's own reports, before its parts are added
)

# --- the tables (02_tabulate -> OUT/tables/*.csv) ------------------------------------------
CASUALTIES_COLUMNS = ("province_code", "province", "victim_category", "outcome",
                      "low", "best", "high")


# --- reading a dataset export (sitrep.clean.readers.export) ----------------------------------
# A fault found in a cell, kept until its row's line is known; one category's figure per row.
FAULT_COLUMNS = ("row", "column", "value", "message", "fix", "severity")
FIG_PART_COLUMNS = ("row", "category", "outcome", "low", "high", "point", "derived", "text")
# victims.csv as the readers return it (one row per report x home province).
VICTIM_OUT_COLUMNS = ("event_id", "source_id", "victim_category", "home_province_code",
                      "home_province", "low", "high", "point", "basis", "file", "line")

# --- the files between the stages (sitrep.store) ---------------------------------------------
PROBLEM_COLUMNS = ("file", "line", "column", "value", "message", "fix", "severity")
TABLES = ("summary", "casualties", "totals", "by_district", "by_day", "incidents", "timeline",
          "by_perpetrator", "by_event_type", "comparison", "claims", "victims_by_home_province",
          "report_figures", "sources")
COMPARISON_COLUMNS = ("period", "start", "end", "province_code", "province", "victim_category",
                      "outcome", "incidents", "low", "best", "high")
HOME_PROVINCE_COLUMNS = ("home_province_code", "home_province", "victim_category", "basis",
                         "low", "best", "high", "events", "sources")

# --- news text -> proposals (sitrep.extract) -------------------------------------------------
CANDIDATE_COLUMNS = ("document", "sentence", "start", "end", "victim_category", "outcome",
                     "low", "high", "claim", "place", "home_province", "probability",
                     "decision")
UNREAD_COLUMNS = ("document", "sentence", "start", "end", "count", "reason")
GOLD_COLUMNS = ("document", "victim_category", "outcome", "low", "high", "claim")
# The draft incidents.csv that make extract writes: the native log's columns in reading order.
DRAFT_INCIDENT_COLUMNS = ("event_id", "source_id", "event_date", "country", "province",
                          "district", "location", "part_of", "event_type",
                          "perpetrator") + COUNT_COLUMNS + ("notes",)
