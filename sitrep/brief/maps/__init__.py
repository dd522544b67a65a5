"""Briefing maps: one country's provinces with incident points sized by the number killed.

This module owns the drawing of maps, and only that. It reads the committed province polygons
of the country drawn, ``data/geo/admin1/XX.geojson`` (Natural Earth admin-1, public domain,
keyed by ISO 3166-2; rebuilt by ``scripts/build_provinces.py``; Pakistan's geometry is that of
``data/geo/pk_provinces.geojson``) and draws onto a fresh :class:`matplotlib.figure.Figure`
each call, never touching pyplot's global state, so it is safe in loops and in notebooks
executed headless (the figure is rendered with the Agg canvas; nothing is shown).

Where the points come from is not its business: callers pass latitude/longitude, usually from
:func:`sitrep.tabulate.points.map_points` (the log's coordinates, a Pakistani district's seat,
or a point inside the province). There are no district polygons here.

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
  distances east-west and north-south look the same there; the view is the country's main
  land (not its far islands or overseas parts) widened to every point, in one frame of
  longitude across the antimeridian; no ticks, a scale bar of a round length (200 km across
  Pakistan);
* a country of many units names only those whose name fits inside, and the highlighted ones;
* the credit line is always printed at the bottom: "Boundaries: Natural Earth (public
  domain). Places: GeoNames (CC BY 4.0)." for Pakistan, whose points may come from the
  GeoNames gazetteer, "Boundaries: Natural Earth (public domain)." elsewhere.
"""

from sitrep.brief.maps.draw import province_map
from sitrep.brief.maps.geometry import (ADMIN1, PROVINCES_GEOJSON, has_outlines,
                                        load_provinces)
from sitrep.brief.maps.style import CREDIT, CREDIT_BOUNDARIES, FIGSIZE_CM, credit

__all__ = ["ADMIN1", "PROVINCES_GEOJSON", "CREDIT", "CREDIT_BOUNDARIES", "FIGSIZE_CM",
           "credit", "has_outlines", "load_provinces", "province_map"]
