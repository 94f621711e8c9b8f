"""Stable codes across re-divisions (相对稳定): what was there keeps its code.

Given the previous grid layer, every new grid that matches an active previous grid of the same
community (both overlap each other by at least `min_overlap` of their own area) takes that
grid's code. New grids take the next free sequence numbers of their community, above every
number the community has ever used (retired ones included), in numbering order. Previous
grids that no longer exist are retired: kept, with their end date (终止日期) set, never deleted
and their codes never reused. Grids retired before stay as they were.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.grids.codes import MAX_SEQUENCE
from grid_plugin.core.grids.containers import Container

DEFAULT_MIN_OVERLAP = 0.9
KEPT, NEW, RETIRED = "kept", "new", "retired"


@dataclass(frozen=True)
class PreviousGrid:
    """A grid of the previous layer, in the working CRS."""

    fid: int
    code: str  # 15 digits
    geometry: BaseGeometry
    init_date: str = ""
    end_date: str = ""  # set: retired before this run
    extra: dict[str, object] = field(default_factory=dict)  # attributes carried over when kept

    @property
    def active(self) -> bool:
        return not self.end_date


def check_previous(previous: Sequence[PreviousGrid]) -> None:
    """Codes of the previous layer must be 15 digits and unique; name the features that are not."""
    # ASCII digits only: full-width digits (typed with a Chinese input method) and the like
    # look right but sort and count wrongly
    malformed = [g.fid for g in previous if not (len(g.code) == 15 and g.code.isascii() and g.code.isdigit())]
    if malformed:
        raise GridInputError(
            "the previous grid layer has missing or malformed codes (not 15 digits) on features "
            "{fids}; fix them or validate the layer with gridplugin:validategrids first",
            malformed, fids=", ".join(map(str, malformed[:20])),
        )
    seen: dict[str, int] = {}
    duplicates, duplicate_fids = [], []
    for grid in previous:
        if grid.code in seen:
            duplicates.append(f"{grid.code} (#{seen[grid.code]} & #{grid.fid})")
            duplicate_fids += [seen[grid.code], grid.fid]
        seen[grid.code] = grid.fid
    if duplicates:
        raise GridInputError(
            "the previous grid layer repeats codes: {duplicates}; every grid needs its own code",
            duplicate_fids, duplicates=", ".join(duplicates[:20]),
        )


@dataclass
class StableCodes:
    """Sequence numbers for the new grids, and what became of every previous grid."""

    sequence: np.ndarray  # per new grid, 1-based
    matched: np.ndarray  # per new grid, index into previous, -1 when new
    retired: np.ndarray  # indices of active previous grids retired by this run
    already_retired: np.ndarray  # indices of previous grids retired before

    def status(self) -> list[str]:
        return [KEPT if m >= 0 else NEW for m in self.matched.tolist()]


def match_previous(
    grids: np.ndarray, owner_codes: Sequence[str], previous: Sequence[PreviousGrid],
    min_overlap: float = DEFAULT_MIN_OVERLAP,
) -> np.ndarray:
    """For each new grid, the index of the active previous grid of the same community it
    matches (mutual overlap ≥ min_overlap), or -1. With min_overlap above one half a grid can
    match at most one previous grid and the other way round."""
    if not 0.5 < min_overlap <= 1.0:
        raise GridInputError("the matching overlap must lie above 0.5 and at most 1, got {value}",
                             value=min_overlap)
    matched = np.full(len(grids), -1, dtype=np.int64)
    active = np.array([k for k, g in enumerate(previous) if g.active], dtype=np.int64)
    if len(active) == 0 or len(grids) == 0:
        return matched
    old = np.array([previous[k].geometry for k in active], dtype=object)
    new_index, old_local = shapely.STRtree(old).query(grids, predicate="intersects")
    if len(new_index) == 0:
        return matched
    shared = shapely.area(shapely.intersection(grids[new_index], old[old_local]))
    mutual = np.minimum(shared / shapely.area(grids[new_index]), shared / shapely.area(old[old_local]))
    same_community = np.array([previous[active[o]].code[:12] == owner_codes[n]
                               for n, o in zip(new_index.tolist(), old_local.tolist())], dtype=bool)
    good = (mutual >= min_overlap) & same_community
    matched[new_index[good]] = active[old_local[good]]
    return matched


def assign_stable_codes(
    grids: np.ndarray, owner: np.ndarray, ranked_sequence: np.ndarray, containers: Sequence[Container],
    previous: Sequence[PreviousGrid], min_overlap: float = DEFAULT_MIN_OVERLAP,
) -> StableCodes:
    """Keep matched codes, number new grids after the highest number each community has used.

    `ranked_sequence` is the sequence a fresh division gave (numbering order within each
    community); new grids are numbered in that order.
    """
    check_previous(previous)
    owner_codes = [containers[k].code.code12 for k in owner.tolist()]
    matched = match_previous(grids, owner_codes, previous, min_overlap)
    highest: dict[str, int] = defaultdict(int)
    for grid in previous:
        highest[grid.code[:12]] = max(highest[grid.code[:12]], int(grid.code[12:]))
    sequence = np.zeros(len(grids), dtype=np.int64)
    kept = matched >= 0
    sequence[kept] = [int(previous[m].code[12:]) for m in matched[kept].tolist()]
    fresh = np.flatnonzero(~kept)
    for k in fresh[np.lexsort((ranked_sequence[fresh], owner[fresh]))].tolist():
        community = owner_codes[k]
        highest[community] += 1
        if highest[community] > MAX_SEQUENCE:
            c = containers[owner[k]]
            raise GridInputError(
                "community {code} (feature {fid}) has used all {limit} sequence numbers (retired "
                "codes are never reused); it needs a new community code",
                (c.fid,), code=community, fid=c.fid, limit=MAX_SEQUENCE,
            )
        sequence[k] = highest[community]
    used = set(matched[kept].tolist())
    retired = np.array([k for k, g in enumerate(previous) if g.active and k not in used], dtype=np.int64)
    already = np.array([k for k, g in enumerate(previous) if not g.active], dtype=np.int64)
    return StableCodes(sequence, matched, retired, already)
