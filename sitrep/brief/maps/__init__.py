"""Briefing maps: Pakistan's provinces with incident points sized by the number killed.

This module owns the drawing of maps, and only that. It reads the committed province polygons
``data/geo/pk_provinces.geojson`` (Natural Earth admin-1, public domain; rebuilt by
``scripts/build_provinces.py``) and draws onto a fresh :class:`matplotlib.figure.Figure`
each call, never touching pyplot's global state, so it is safe in loops and in notebooks
executed headless (the figure is rendered with the Agg canvas; nothing is shown).

Where the points come from is not its business: callers pass latitude/longitude, usually from
:func:`sitrep.gazetteer.locate`, which represents a district by its seat. There are no district
polygons here.

Design choices, so that the map survives greyscale print at A4 width:

* provinces are light grey with thin dark-grey borders; highlighted provinces a shade darker;
* an incident is a dark translucent circle whose *area* is proportional to the number killed,
  with a size legend of two or three round reference values; an incident with 0 (or unknown)
  killed is an open ring, so it is visible but not mistaken for a small count;
* labels carry a white halo and are placed by a greedy rule: the most lethal incidents are
  labelled first, each label takes the first of several positions around its circle that does
  not overlap a circle, another label, the legend or the scale bar, and falls back to the
  least-overlapping one; a label pushed away from its circle gets a thin leader line;
* the plot uses longitude/latitude with the aspect corrected by 1/cos(mid-latitude), so
  distances east-west and north-south look the same; no ticks, a 200 km scale bar;
* the credit line "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0)."
  is always printed at the bottom.
"""

from sitrep.brief.maps.draw import province_map
from sitrep.brief.maps.geometry import PROVINCES_GEOJSON, load_provinces
from sitrep.brief.maps.style import CREDIT, FIGSIZE_CM

__all__ = ["PROVINCES_GEOJSON", "CREDIT", "FIGSIZE_CM", "load_provinces", "province_map"]
