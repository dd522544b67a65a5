"""The map's look, chosen to survive greyscale print at A4 width: colours, marker sizes, fonts,
the figure size and the credit line."""

from __future__ import annotations

CREDIT = "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0)."
# Other countries' maps place nothing through the (Pakistani) GeoNames gazetteer.
CREDIT_BOUNDARIES = "Boundaries: Natural Earth (public domain)."


def credit(country: str) -> str:
    return CREDIT if country.upper() == "PK" else CREDIT_BOUNDARIES
FIGSIZE_CM = (16.0, 12.0)

# Greys and one dark accent that turns into a dark grey in greyscale print.
FILL = "#e3e3e3"
FILL_HIGHLIGHT = "#cbcbcb"
BORDER = "#7f7f7f"
POINT = "#a50f15"
POINT_EDGE = "#3d0508"
TEXT = "#1a1a1a"
PROVINCE_TEXT = "#555555"
CREDIT_TEXT = "#595959"

MAX_MARKER_AREA = 480.0  # pt^2, for the largest count on the map (about 8.6 mm across)
ZERO_MARKER_AREA = 22.0  # pt^2, open ring for 0 / unknown
POINT_FONT = 6.5
PROVINCE_FONT = 6.0
KM_PER_DEG_LAT = 111.32


