"""Junctions digitised twice a little apart, made one.

A crossroads in hand-digitised data is often two junctions a few decimetres apart: the road from
the west ends at one point, the road to the east starts at another, each with its own side street.
Neither has a free end (core.grids.snapping joins those), so nothing closes the gap, and the blocks
on either side of the road run into each other through it. Junctions (line ends shared by two or
more lines) closer than SPLIT_JUNCTION_M, and than the snap tolerance, are made one: the line ends
of each group move onto one of them (the one with most lines, then the lowest coordinates), by at
most that distance. Free ends and the lines' other vertices stay where they are.
"""

from __future__ import annotations

import numpy as np
import shapely

# Two junctions this close are one crossroads drawn twice; farther apart they may be two (m).
SPLIT_JUNCTION_M = 1.0
_LINESTRING = 1


def join_split_junctions(lines: np.ndarray, tolerance: float) -> tuple[np.ndarray, int]:
    """The lines with their junctions closer than min(tolerance, SPLIT_JUNCTION_M) made one, and how
    many junctions moved."""
    lines = np.asarray(lines, dtype=object)
    reach = min(tolerance, SPLIT_JUNCTION_M)
    if reach <= 0 or len(lines) == 0:
        return lines, 0
    simple = np.flatnonzero((shapely.get_type_id(lines) == _LINESTRING) & ~shapely.is_closed(lines))
    if len(simple) == 0:
        return lines, 0
    ends = np.concatenate([shapely.get_coordinates(shapely.get_point(lines[simple], i)) for i in (0, -1)])
    nodes, node_of_end, degree = np.unique(ends, axis=0, return_inverse=True, return_counts=True)
    node_of_end = node_of_end.reshape(-1)
    joints = np.flatnonzero(degree >= 2)
    if len(joints) < 2:
        return lines, 0
    points = shapely.points(nodes[joints])
    first, second = shapely.STRtree(points).query(points, predicate="dwithin", distance=reach)
    pairs = first < second
    first, second = joints[first[pairs]], joints[second[pairs]]
    if len(first) == 0:
        return lines, 0
    root = np.arange(len(nodes))

    def find(k: int) -> int:
        while root[k] != k:
            root[k] = root[root[k]]
            k = int(root[k])
        return k

    # the group's junction: most lines, then the lowest coordinates (independent of the lines' order)
    rank = np.lexsort((nodes[:, 1], nodes[:, 0], -degree))
    position = np.empty(len(nodes), dtype=np.int64)
    position[rank] = np.arange(len(nodes))
    for a, b in zip(first.tolist(), second.tolist()):
        ra, rb = find(a), find(b)
        if ra != rb:
            if position[ra] < position[rb]:
                root[rb] = ra
            else:
                root[ra] = rb
    target = np.array([find(k) for k in range(len(nodes))], dtype=np.int64)
    moved_nodes = np.flatnonzero(target != np.arange(len(nodes)))
    end_target = target[node_of_end]
    moving = np.flatnonzero(end_target != node_of_end)
    out = lines.copy()
    count = len(simple)
    for k in np.unique(moving % count).tolist():
        xy = shapely.get_coordinates(lines[simple[k]]).copy()
        xy[0] = nodes[end_target[k]]
        xy[-1] = nodes[end_target[k + count]]
        out[simple[k]] = shapely.LineString(xy)
    return out, len(moved_nodes)
