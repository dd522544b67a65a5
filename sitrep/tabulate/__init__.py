"""Stage 2, clean events -> tables: casualties by province, district and day, claims, victims
by home province, the report-level trail (:mod:`sitrep.tabulate.tables`)."""
