"""The briefing: the tables of a run, the run's facts and its audit, and one method per
section in reading order (the notebook ``03_briefing`` displays one per cell; the nbconvert
template puts them on A4 pages).

The sections themselves are in :mod:`sitrep.brief.sections`, built from
:mod:`sitrep.brief.html`. No number is typed: each comes from a table, and the sources section
shows the report rows behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sitrep.brief import fmt
from sitrep.brief.sections import front, method, people, period, places, quality, sources


@dataclass
class Briefing:
    tables: dict[str, pd.DataFrame]
    run: dict
    problems: pd.DataFrame
    audit: pd.DataFrame
    title: str = ""

    @property
    def summary(self) -> dict:
        s = self.tables["summary"].iloc[0].to_dict() if len(self.tables["summary"]) else {}
        provinces = [p for p in str(s.get("provinces", "")).split("; ") if p]
        countries = [c for c in str(s.get("countries", "")).split("; ") if c]
        if len(provinces) > 4:
            s["area"] = fmt.join(countries)
        else:
            s["area"] = ", ".join(x for x in (fmt.join(provinces), fmt.join(countries)) if x)
        s["events_period"] = fmt.period(s.get("first_date"), s.get("last_date"))
        f = self.run.get("filters", {})
        # A briefing asked for a window covers that window, whatever dates its events have.
        s["period"] = (fmt.period(f["start"], f["end"]) if f.get("start") and f.get("end")
                       else s["events_period"])
        return s

    def default_title(self) -> str:
        s = self.summary
        area = s.get("area") or "the area covered"
        return f"Casualties in {area}, {s['period']}" if s.get("period") else \
            f"Casualties in {area}"

    # --- sections, in reading order --------------------------------------------------------
    def title_block(self) -> str:
        return front.title_block(self)

    def key_figures(self) -> str:
        return front.key_figures(self)

    def summary_text(self) -> str:
        return front.summary_text(self)

    def province_section(self) -> str:
        return places.province_section(self)

    def district_section(self) -> str:
        return places.district_section(self)

    def comparison_section(self) -> str:
        return period.comparison_section(self)

    def timeline_section(self) -> str:
        return period.timeline_section(self)

    def day_section(self) -> str:
        return period.day_section(self)

    def home_province_section(self) -> str:
        return people.home_province_section(self)

    def actors_section(self) -> str:
        return people.actors_section(self)

    def claims_section(self) -> str:
        return people.claims_section(self)

    def map_section(self) -> str:
        return places.map_section(self)

    def methodology(self) -> str:
        return method.methodology(self)

    def sources_section(self) -> str:
        return sources.sources_section(self)

    def annex_section(self) -> str:
        return sources.annex_section(self)

    def quality_appendix(self) -> str:
        return quality.quality_appendix(self)


__all__ = ["Briefing"]
