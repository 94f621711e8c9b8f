"""Merging pieces below a minimum area into their neighbours (both division modes use it)."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable

import numpy as np


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
