"""Merging pieces below a minimum area into their neighbours (both division modes use it), and the
blocks of road-following division into groups across the lowest-ranked line first."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable

import numpy as np
import shapely


def merge_small_pieces(
    areas: np.ndarray, min_area: float, neighbours: dict[int, list[tuple[int, float, int]]],
    tie_key: Callable[[int], tuple[float, ...]] = lambda piece: (-piece,),
) -> tuple[np.ndarray, list[int]]:
    """Group pieces so that each one below min_area joins a neighbour, smallest first.

    `neighbours[s]` lists (neighbour, shared edge length, crossing rank) for every small piece s.
    A small group joins the neighbour across the lowest crossing rank (e.g. an alley before a
    main road, never a river while a road will do), then the one sharing the longest edge, then
    the larger one, then by tie_key. A group still small after a merge is considered again.
    Returns the group id (a piece index) of every piece, and the small groups that had no
    neighbour to join (they stay as they are).
    """
    n = len(areas)
    parent = np.arange(n)

    def find(k: int) -> int:
        root = k
        while parent[root] != root:
            root = parent[root]
        while parent[k] != root:
            parent[k], k = root, parent[k]
        return root

    group_area: list[float] = np.asarray(areas, dtype=float).tolist()  # Python floats: cheap to index and round
    members: dict[int, list[int]] = {s: [s] for s in neighbours}
    heap = [(group_area[s], s) for s in neighbours]
    heapq.heapify(heap)
    isolated: list[int] = []
    while heap:
        area, g = heapq.heappop(heap)
        if find(g) != g or group_area[g] != area or area >= min_area:
            continue
        shared: dict[int, float] = defaultdict(float)
        crossing: dict[int, int] = {}
        for m in members[g]:
            for nb, length, rank in neighbours.get(m, ()):
                t = find(nb)
                if t != g:
                    shared[t] += length
                    crossing[t] = min(rank, crossing.get(t, rank))
        if not shared:
            isolated.append(g)
            continue
        # lowest crossing, longest shared edge, larger neighbour; then tie_key (by position, so
        # the choice never depends on the order pieces were made in)
        ranked = {t: (-crossing[t], round(shared[t], 6), round(group_area[t], 6)) for t in shared}
        best = max(ranked.values())
        tied = [t for t, rank in ranked.items() if rank == best]
        target = tied[0] if len(tied) == 1 else max(tied, key=tie_key)
        parent[g] = target
        group_area[target] += group_area[g]
        members.setdefault(target, [target]).extend(members.pop(g))
        if group_area[target] < min_area:
            heapq.heappush(heap, (group_area[target], target))
    # resolve every piece to its root by pointer jumping (vectorised; trees are shallow)
    while True:
        jumped = parent[parent]
        if np.array_equal(jumped, parent):
            return parent, isolated
        parent = jumped


# A shared block edge whose midpoint lies this close to a line takes that line's rank.
_RANK_TOLERANCE_M = 0.01
# Rank of an edge on no followed line (cannot happen for block edges, kept for safety).
_UNRANKED = 0
# Added to the crossing rank into a closed block (a managed unit of at least the minimum area): a small
# block joins one only when it has no other neighbour, unless it is a strip (below).
_CLOSED_RANK = 1_000
# A small block narrower than this on average (2·area / perimeter, m) is a strip, not a piece of land of its
# own: the land between a compound's wall and the centre line of the road outside it. It joins a closed
# block like any other, or it would join the land across the road.
STRIP_WIDTH_M = 20.0
# A block narrower than this on average (2·area / perimeter, m) is a sliver, not ground: the face
# between a road and a community boundary that run a few millimetres apart. It joins the neighbour
# sharing its longest edge whatever line lies between, or it would hang off another block as a spike.
SLIVER_WIDTH_M = 0.1


def shared_edges(polygons: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Edge segments two polygons have in common (as polygonize makes them: identical vertices).

    Returns the two polygon indices, the segment length and the segment midpoint (n × 2).
    """
    rings, ring_polygon = shapely.get_rings(polygons, return_index=True)
    xy, point_ring = shapely.get_coordinates(rings, return_index=True)
    same_ring = point_ring[:-1] == point_ring[1:]
    a, b = xy[:-1][same_ring], xy[1:][same_ring]
    owner = ring_polygon[point_ring[:-1][same_ring]]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    p = np.where(swap[:, None], b, a)
    q = np.where(swap[:, None], a, b)
    keys = np.column_stack([p, q])
    order = np.lexsort(keys.T[::-1])
    keys, owner, p, q = keys[order], owner[order], p[order], q[order]
    twin = np.flatnonzero((keys[1:] == keys[:-1]).all(axis=1) & (owner[1:] != owner[:-1]))
    length = np.hypot(*(q[twin] - p[twin]).T)
    return owner[twin], owner[twin + 1], length, (p[twin] + q[twin]) / 2.0


def block_neighbours(
    blocks: np.ndarray, small: np.ndarray, lines: np.ndarray, ranks: np.ndarray, closed: np.ndarray | None = None,
) -> dict[int, list[tuple[int, float, int]]]:
    """(neighbour, shared length, crossing rank) for every small block.

    The rank of a shared boundary is that of the line carrying most of its length; a sliver
    (SLIVER_WIDTH_M) crosses every line alike, so it joins the neighbour it shares most edge with.
    Crossing into a closed block ranks above every line (it is taken only when nothing else is there),
    except from a strip (STRIP_WIDTH_M).
    """
    first, second, length, middle = shared_edges(blocks)
    involved = np.isin(first, small) | np.isin(second, small)
    first, second, length, middle = first[involved], second[involved], length[involved], middle[involved]
    segment_rank = np.full(len(first), _UNRANKED, dtype=np.int64)
    if len(lines) and len(first):
        tree = shapely.STRtree(lines)
        # every line within 1 cm: where lines coincide (an alley along a wall) the strongest
        # barrier counts, so the result never depends on the order lines were given in
        # (a dwithin query: shapely 2.0's query_nearest is many times slower for points on lines)
        hit, line = tree.query(shapely.points(middle), predicate="dwithin", distance=_RANK_TOLERANCE_M)
        np.maximum.at(segment_rank, hit, ranks[line])
    by_rank: dict[tuple[int, int], dict[int, float]] = {}
    for u, v, d, r in zip(first.tolist(), second.tolist(), length.tolist(), segment_rank.tolist()):
        pair = (u, v) if u < v else (v, u)
        lengths = by_rank.setdefault(pair, {})
        lengths[r] = lengths.get(r, 0.0) + d
    neighbours: dict[int, list[tuple[int, float, int]]] = {int(s): [] for s in small}
    sliver = set(np.flatnonzero(2.0 * shapely.area(blocks) < SLIVER_WIDTH_M * shapely.length(blocks)).tolist())
    shut = set() if closed is None else set(np.flatnonzero(closed).tolist())
    strip = set(np.flatnonzero(2.0 * shapely.area(blocks) < STRIP_WIDTH_M * shapely.length(blocks)).tolist())

    def into(target: int, source: int, rank: int) -> int:
        return rank + _CLOSED_RANK if target in shut and source not in strip else rank

    for (u, v), lengths in sorted(by_rank.items()):
        total = sum(lengths.values())
        rank = _UNRANKED if u in sliver or v in sliver else max(lengths, key=lambda r: (lengths[r], -r))
        if u in neighbours:
            neighbours[u].append((v, total, into(v, u, rank)))
        if v in neighbours:
            neighbours[v].append((u, total, into(u, v, rank)))
    return neighbours


def merge_blocks(
    blocks: np.ndarray, minimum: float, lines: np.ndarray, ranks: np.ndarray,
    whole: np.ndarray | None = None, closed: np.ndarray | None = None,
) -> tuple[np.ndarray, int, np.ndarray]:
    """Blocks with the small ones merged into neighbours (one polygon per group), how many small ones
    had no neighbour to join, and which merged blocks are whole (never cut): those grown from a whole
    block (`whole`, e.g. a managed unit) that took small blocks in. Closed blocks take in a small block
    only when it has no other neighbour (block_neighbours)."""
    areas = shapely.area(blocks)
    whole = np.zeros(len(blocks), dtype=bool) if whole is None else whole
    small = np.flatnonzero(areas < minimum)
    if len(small) == 0 or len(blocks) == 1:
        return blocks, 0, whole
    centres = shapely.centroid(blocks)
    cx, cy = shapely.get_x(centres), shapely.get_y(centres)

    def northwest_first(block: int) -> tuple[float, ...]:
        return (cy[block], -cx[block])

    group, isolated = merge_small_pieces(areas, minimum, block_neighbours(blocks, small, lines, ranks, closed),
                                         northwest_first)
    roots, inverse = np.unique(group, return_inverse=True)
    merged = blocks[roots].copy()
    sizes = np.bincount(inverse)
    for g in np.flatnonzero(sizes > 1):
        merged[g] = shapely.coverage_union_all(blocks[inverse == g])
    return merged, len(isolated), whole[roots]
