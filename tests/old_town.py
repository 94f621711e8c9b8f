"""A small old-town street network shaped like hand-digitised real data, for the division tests.

One community of 400 × 200 m (EPSG:4548 metres, near Beijing's northings, where coordinates are
rounded to ~1e-9 m) split by a road (支路, drawn twice for its western half) and a hutong (胡同,
redigitised once with other vertices 3-4 cm off), and four unnamed lanes (road class NULL), one per
quarter of 20,000 m²:

- south-west: a lane stopping 1.5 m short of the road;
- south-east: a lane drawn in two pieces with a 1.8 m gap;
- north-west: a lane stopping 1.0 m short of the road;
- north-east: a dead end stopping 5 m short of the road.

With the near-misses snapped (3 m), the first three quarters are two blocks of 10,000 m² each and
the fourth one block: 7 grids (target 10,000, minimum 3,000, maximum 30,000 m²); without, every
quarter is one block: 4 grids. Snapping joins three ends: two onto the road, one onto the other
piece's end.
"""

from __future__ import annotations

import numpy as np
import shapely

X0, Y0 = 500_000.0, 4_420_000.0
ORIGIN = np.array([X0, Y0])
SETTINGS = {"target": 10_000.0, "minimum": 3_000.0, "maximum": 30_000.0}
GRIDS_SNAPPED, GRIDS_UNSNAPPED = 7, 4
SNAPPED_TO_LINES, SNAPPED_TO_ENDS = 2, 1
COMMUNITY_CODE, COMMUNITY_NAME = "110101001001", '老城"东四"社区'

# (coordinates in metres from (X0, Y0), road class or None)
_ROADS = [
    ([(-20, 100), (200, 100)], "支路"),
    ([(-20, 100), (200, 100)], "支路"),  # the same road digitised twice
    ([(200, 100), (420, 100)], "支路"),
    ([(200, -20), (200, 100)], "胡同"),
    ([(200, 100), (200, 220)], "胡同"),
    ([(200, 100), (200.03, 130), (199.97, 160), (200.04, 190), (200, 220)], "胡同"),  # redigitised
    ([(100, -20), (100, 98.5)], None),  # stops 1.5 m short
    ([(300, -20), (300, 40)], None),  # a lane drawn in two pieces...
    ([(300, 41.8), (300, 100)], None),  # ... with a 1.8 m gap
    ([(100, 220), (100, 101)], None),  # stops 1.0 m short
    ([(300, 220), (300, 105)], None),  # a dead end 5 m from the road
]


def community() -> shapely.Polygon:
    return shapely.box(X0, Y0, X0 + 400, Y0 + 200)


def roads() -> tuple[np.ndarray, list[str | None]]:
    """The road segments (LineStrings in EPSG:4548) and their road class (None: unnamed)."""
    lines = np.array([shapely.LineString(np.asarray(xy, dtype=float) + ORIGIN) for xy, _ in _ROADS], dtype=object)
    return lines, [road_class for _, road_class in _ROADS]
