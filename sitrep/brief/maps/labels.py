"""Label placement: the most lethal points are labelled first, each label takes the first of
several positions around its circle that overlaps nothing drawn so far (else the least
overlapping one, with a leader line), and province names go inside their province."""

from __future__ import annotations

import math
import textwrap

import numpy as np
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

from sitrep.brief.maps.geometry import interior_segments, polygon_path, ring_area
from sitrep.brief.maps.style import PROVINCE_FONT, PROVINCE_TEXT

MAX_LEADER_PT = 72.0  # longest leader from a province to its name on blank paper


def text_box(artist, renderer) -> Bbox:
    """Display box of the text alone (an Annotation's own extent includes its leader line)."""
    if isinstance(artist, Annotation):
        artist.update_positions(renderer)
    return Text.get_window_extent(artist, renderer)


class Placer:
    """Greedy, first-fit placement of text boxes in display space."""

    def __init__(self, renderer, frame: Bbox):
        self.renderer = renderer
        self.frame = frame
        self.taken = np.empty((0, 4))  # x0, y0, x1, y1 of each placed box

    def cost(self, box: Bbox) -> float:
        inside = (box.x0 >= self.frame.x0 and box.x1 <= self.frame.x1
                  and box.y0 >= self.frame.y0 and box.y1 <= self.frame.y1)
        t = self.taken  # overlap with every placed box at once: a map may hold hundreds
        w = np.minimum(t[:, 2], box.x1) - np.maximum(t[:, 0], box.x0)
        h = np.minimum(t[:, 3], box.y1) - np.maximum(t[:, 1], box.y0)
        area = float(np.sum(np.where((w > 0) & (h > 0), w * h, 0.0)))
        return area + (0.0 if inside else 1e9)

    def best(self, artist, candidates) -> tuple[float, int, Bbox]:
        """Try candidates (callables that move *artist*); return the first free one, else the
        least-overlapping: (cost, index, box). The artist is left at that candidate."""
        best = None
        for i, move in enumerate(candidates):
            move()
            box = text_box(artist, self.renderer).expanded(1.04, 1.12)
            c = self.cost(box)
            if c == 0:
                return c, i, box
            if best is None or c < best[0]:
                best = (c, i, box)
        candidates[best[1]]()
        return best

    def place(self, artist, candidates) -> float:
        """Move *artist* to its best candidate and reserve that space; return its cost."""
        cost, _, box = self.best(artist, candidates)
        self.block(box)
        return cost

    def block(self, box: Bbox) -> None:
        self.taken = np.vstack([self.taken, [box.x0, box.y0, box.x1, box.y1]])




def label_moves(ann, gap: float) -> list:
    """Candidate positions around a circle: near ones first, then farther with a leader line."""
    d = gap * 0.75
    near = [((gap, 0), "left", "center"), ((-gap, 0), "right", "center"),
            ((d, d), "left", "bottom"), ((d, -d), "left", "top"),
            ((-d, d), "right", "bottom"), ((-d, -d), "right", "top"),
            ((0, gap), "center", "bottom"), ((0, -gap), "center", "top")]
    moves = []
    for (dx, dy), ha, va in near:
        moves.append(mover(ann, dx, dy, ha, va, leader=False))
    for extra in (10, 20, 32, 46):
        for (dx, dy), ha, va in near:
            norm = math.hypot(dx, dy) or 1.0
            moves.append(mover(ann, dx + extra * dx / norm, dy + extra * dy / norm, ha, va,
                                leader=True))
    return moves


def mover(ann, dx, dy, ha, va, leader: bool):
    def move():
        ann.xyann = (dx, dy)
        ann.set_ha(ha)
        ann.set_va(va)
        ann.arrow_patch.set_alpha(0.8 if leader else 0.0)
    return move


def place_province_label(ax, placer: Placer, name: str, polys, highlighted: bool,
                          land: list, outside: bool = True) -> None:
    """Name a province inside it if the name fits, else (if *outside*) on blank paper with a
    leader line."""
    largest = max(polys, key=lambda p: abs(ring_area(p[0])))
    text = textwrap.fill(name, 12, break_long_words=False)
    style = dict(fontsize=PROVINCE_FONT, color=PROVINCE_TEXT, style="italic",
                 fontweight="bold" if highlighted else "normal", zorder=2, linespacing=1.0)
    txt = ax.text(0, 0, text, ha="center", va="center", **style)
    renderer = placer.renderer
    to_px = ax.transData.transform
    outline = ax.transData.transform_path(polygon_path([largest]))

    # Inside: the first spot, widest scan line first, whose whole text box (probed on a
    # 5 x 3 grid) lies inside the province and overlaps nothing already placed.
    # The text's box only moves with it: measure it once and translate it (measuring text
    # at every candidate spot was most of the map's time).
    segments = interior_segments(largest)
    origin = to_px((0.0, 0.0))
    box0 = text_box(txt, renderer)
    for lo, hi, y in segments:
        for frac in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
            x = lo + frac * (hi - lo)
            px, py = to_px((x, y)) - origin
            box = box0.translated(px, py).expanded(1.06, 1.1)
            if outline.contains_points(probe_points(box)).all() and placer.cost(box) == 0:
                txt.set_position((x, y))
                placer.block(box)
                return

    # Too small for its name: label it outside, east or west, with a leader line to a
    # point inside the province.
    txt.remove()
    if not outside:
        return
    if segments:
        lo, hi, y = segments[0]
        anchor = (0.5 * (lo + hi), y)
    else:  # degenerate outline: any vertex will do
        anchor = tuple(largest[0].mean(axis=0))
        y = anchor[1]
    ann = ax.annotate(text, xy=anchor, xytext=(0, 0), textcoords="offset points",
                      annotation_clip=False,
                      arrowprops=dict(arrowstyle="-", color=PROVINCE_TEXT, linewidth=0.4,
                                      shrinkA=1, shrinkB=0), **style)
    # Candidate spots on blank paper (outside every province), nearest first: for several
    # vertical offsets, step away east and west until the text box clears the land.
    # As inside, the text's box is measured once per alignment and translated (points to
    # pixels) to each offset.
    points = ax.figure.dpi / 72.0
    box0 = {}
    for ha in ("left", "right"):
        mover(ann, 0, 0, ha, "center", True)()
        box0[ha] = text_box(ann, renderer)
    candidates = []
    for dy in (0, -9, 9, -18, 18, -27, 27):
        for side in (1, -1):
            for step in range(1, 40):
                dx = side * 6.0 * step
                if math.hypot(dx, dy) > MAX_LEADER_PT:
                    break
                box = box0["left" if side > 0 else "right"].translated(dx * points, dy * points)
                if not placer.cost(box) < 1e9:  # left the frame
                    break
                if not on_land(box, land):
                    candidates.append((math.hypot(dx, dy), dx, dy, side))
                    break
    candidates.sort()
    # A leader longer than about 2.5 cm crosses other provinces and reads as theirs: farther
    # than that, the name goes over the land near its province instead, the nearest spot
    # that overlaps no other text first, centred on the province before any leader.
    moves = [mover(ann, dx + 4 * side, dy, "left" if side > 0 else "right", "center", True)
             for _, dx, dy, side in candidates]
    moves.append(mover(ann, 0, 0, "center", "center", False))
    for r in (10, 18, 26, 34, 42):
        for (dx, dy), ha, va in ((( r, 0), "left", "center"), ((-r, 0), "right", "center"),
                                 ((0, r), "center", "bottom"), ((0, -r), "center", "top"),
                                 ((r, r), "left", "bottom"), ((-r, -r), "right", "top"),
                                 ((r, -r), "left", "top"), ((-r, r), "right", "bottom")):
            moves.append(mover(ann, dx, dy, ha, va, True))
    placer.place(ann, moves)


def on_land(box: Bbox, land: list) -> bool:
    """Whether any probe point of *box* lies in a province; *land* holds (display path, its
    extents x0, y0, x1, y1), so that only the provinces near the box are tested."""
    probes = probe_points(box)
    x0, y0, x1, y1 = box.extents
    return any(path.contains_points(probes).any() for path, (px0, py0, px1, py1) in land
               if px0 <= x1 and px1 >= x0 and py0 <= y1 and py1 >= y0)


def probe_points(box: Bbox, nx: int = 5, ny: int = 3) -> np.ndarray:
    xs = np.linspace(box.x0, box.x1, nx)
    ys = np.linspace(box.y0, box.y1, ny)
    return np.column_stack([np.repeat(xs, ny), np.tile(ys, nx)])
