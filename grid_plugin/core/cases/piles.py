"""Default-location piles: one exact position holding far more cases than any real place.

Case systems put a case they cannot locate on a default point: the city hall, a street office,
the district centre. In one real US 311 year 17,247 cases sat on one such point; its grid ranked
first every month and the hot-spot analysis found 23 hot and 0 cold grids instead of 1,785 and 178.
Real places repeat too (cases geocoded to one door plate, a market's address), but by tens, not
by hundreds or thousands, so the rule compares a position with the usual repeat of the data:

    a position is a pile when it holds at least max(min_cases, factor × q99) cases,

where a position is the case's longitude and latitude after conversion to the store's degrees,
rounded to 1e-7° (about 1 cm), and q99 is the 99th percentile of cases per distinct position over
the whole store (the smallest count that at least 99 % of the positions do not exceed), taken over
the positions holding fewer than min_cases cases, so that the piles themselves do not raise it (in
a small store one pile could be the 99th percentile). With the defaults (factor 20, at least 50
cases) a store whose positions repeat at most 3 times in 99 % of places needs 60 cases on one
point; a position-per-case store (q99 = 1) needs 50. The counts cover all stored cases, not one
import, so a pile that grows by a few cases a month is found once it is large enough, and every
case on it is flagged then.

Piles are counted over every case of the store; flagged cases stay in the store (location_quality
'pile') and are left out of heat and hot spots unless asked for (CaseFilter.include_piles).
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass, field

import numpy as np

from grid_plugin.core.errors import GridInputError

PILE_FACTOR = 20.0  # times the 99th percentile of cases per position
PILE_MIN_CASES = 50  # never fewer cases than this on a pile
PILE_PERCENTILE = 99.0
POSITION_DECIMALS = 7  # positions compare rounded to 1e-7 degrees (about 1 cm)

# The values of the store's location_quality column.
EXACT = "exact"  # coordinates as the source gave them (converted)
GEOCODED = "geocoded"  # placed by its address through the store's gazetteer
PILE = "pile"  # on a default-location pile
LOCATION_QUALITIES = (EXACT, GEOCODED, PILE)


@dataclass(frozen=True)
class PileRule:
    """The rule of the module docstring, with its two numbers."""

    factor: float = PILE_FACTOR
    min_cases: int = PILE_MIN_CASES

    def __post_init__(self) -> None:
        if not (math.isfinite(self.factor) and self.factor >= 1.0) or self.min_cases < 2:
            raise GridInputError(
                "A default-location pile needs a factor of at least 1 and at least 2 cases (got {factor} and "
                "{cases}).", factor=self.factor, cases=self.min_cases)

    def usual(self, sizes: np.ndarray, positions: np.ndarray | None = None) -> float:
        """q99 of the rule: the 99th percentile of the positions' case counts below min_cases (of all of
        them when none is below). `positions[i]` positions hold `sizes[i]` cases (1 each when None)."""
        sizes = np.asarray(sizes, dtype=np.int64)
        positions = np.ones(len(sizes), dtype=np.int64) if positions is None else np.asarray(positions, np.int64)
        below = sizes < self.min_cases
        if below.any():
            sizes, positions = sizes[below], positions[below]
        return percentile_99(sizes, positions)

    def threshold(self, sizes: np.ndarray, positions: np.ndarray | None = None) -> int:
        """The fewest cases a pile holds, for these counts per distinct position (as in `usual`)."""
        return max(int(self.min_cases), math.ceil(self.factor * self.usual(sizes, positions) - 1e-9))


@dataclass(frozen=True)
class Pile:
    lon: float
    lat: float
    cases: int
    share: float  # of all the cases counted


@dataclass
class PositionCounts:
    """A store's cases per distinct position (rounded to POSITION_DECIMALS), in the small form the
    rule needs: how many positions hold 1, 2, 3, ... cases, and the positions holding at least
    `min_cases` (the only ones that can be piles) with what the store flags them by (`tokens`)."""

    sizes: np.ndarray  # int64, ascending: a number of cases a position holds
    positions: np.ndarray  # int64: how many positions hold that many
    lon: np.ndarray  # the candidate positions (rounded degrees) ...
    lat: np.ndarray
    cases: np.ndarray  # ... and their cases
    tokens: list = field(default_factory=list)  # per candidate: what the store's flag_piles takes

    @property
    def total(self) -> int:
        return int((self.sizes * self.positions).sum())


@dataclass
class PileFinding:
    """What judge_piles saw: the piles (most cases first), the threshold and the percentile used;
    `tokens` are the piles' tokens of PositionCounts (for the store), `on_pile` marks the positions
    given to find_piles that lie on a pile."""

    piles: list[Pile]
    threshold: int
    q99: float
    positions: int  # distinct positions after rounding
    total: int  # cases counted (with a position)
    tokens: list = field(default_factory=list)
    on_pile: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    @property
    def piled_cases(self) -> int:
        return sum(pile.cases for pile in self.piles)


def percentile_99(sizes: np.ndarray, positions: np.ndarray | None = None) -> float:
    """The 99th percentile of cases per position: the smallest count that at least 99 % of the positions
    do not exceed (numpy's 'inverted_cdf'); `positions[i]` positions hold `sizes[i]`. 0 for none."""
    sizes = np.asarray(sizes, dtype=np.int64)
    positions = np.ones(len(sizes), dtype=np.int64) if positions is None else np.asarray(positions, np.int64)
    keep = positions > 0
    sizes, positions = sizes[keep], positions[keep]
    if not len(sizes):
        return 0.0
    order = np.argsort(sizes, kind="stable")
    sizes, cumulative = sizes[order], np.cumsum(positions[order])
    at = int(np.searchsorted(cumulative * 100, PILE_PERCENTILE_INT * int(cumulative[-1]), side="left"))
    return float(sizes[min(at, len(sizes) - 1)])


PILE_PERCENTILE_INT = int(PILE_PERCENTILE)


def position_keys(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Integer keys of positions rounded to POSITION_DECIMALS (n × 2, int64): equal keys, one position."""
    scale = 10.0 ** POSITION_DECIMALS
    return np.column_stack([np.rint(np.asarray(lon, dtype=float) * scale),
                            np.rint(np.asarray(lat, dtype=float) * scale)]).astype(np.int64)


def _packed(keys: np.ndarray) -> np.ndarray:
    """One uint64 per key pair (both fit 32 bits: |lon| ≤ 1.8e9, |lat| ≤ 0.9e9 at 1e-7°), so that one
    1-d unique groups them (a 2-d unique is several times slower)."""
    return ((keys[:, 0] + (1 << 31)).astype(np.uint64) << np.uint64(32)) | (keys[:, 1] + (1 << 31)).astype(np.uint64)


def count_positions(lon: np.ndarray, lat: np.ndarray, min_cases: int, counts: np.ndarray | None = None,
                    tokens: list | None = None) -> tuple[PositionCounts, np.ndarray]:
    """PositionCounts of positions (lon, lat) holding `counts` cases each (1 each when None; equal
    positions may repeat). With `tokens` (one per position given), a candidate's token is the list of
    the distinct tokens of its positions. Also returns the candidate index of each position (-1: none)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    weights = np.ones(len(lon), dtype=np.int64) if counts is None else np.asarray(counts, dtype=np.int64)
    finite = np.flatnonzero(np.isfinite(lon) & np.isfinite(lat))
    candidate_of = np.full(len(lon), -1, dtype=np.int64)
    keys = position_keys(lon[finite], lat[finite])
    unique, first, inverse = np.unique(_packed(keys), return_index=True, return_inverse=True)
    merged = np.bincount(inverse.reshape(-1), weights=weights[finite], minlength=len(unique)).astype(np.int64)
    sizes, positions = np.unique(merged, return_counts=True)
    heavy = np.flatnonzero(merged >= min_cases)
    index = np.full(len(unique), -1, dtype=np.int64)
    index[heavy] = np.arange(len(heavy))
    candidate_of[finite] = index[inverse.reshape(-1)]
    scale = 10.0 ** POSITION_DECIMALS
    found = PositionCounts(sizes.astype(np.int64), positions.astype(np.int64), keys[first[heavy], 0] / scale,
                           keys[first[heavy], 1] / scale, merged[heavy])
    if tokens is not None and len(heavy):
        grouped: list[dict] = [{} for _ in heavy]
        for i in np.flatnonzero(candidate_of >= 0).tolist():
            grouped[int(candidate_of[i])].setdefault(tokens[i], None)
        found.tokens = [list(group) for group in grouped]
    return found, candidate_of


class PositionTally:
    """count_positions of a whole store's cases read in blocks, in bounded memory: each block's position keys
    (with an id per case) go to one of `parts` temporary files by key, and each file is counted alone, since
    a position's cases all fall into one (10 M cases: 16 files of 10 MB)."""

    _RECORD = np.dtype([("key", "<u8"), ("id", "<i8")])

    def __init__(self, parts: int = 16):
        # closed by counts(), or dropped with the tally
        self._files = [tempfile.TemporaryFile(prefix="grid_plugin_positions_") for _ in range(parts)]  # noqa: SIM115

    def add(self, lon: np.ndarray, lat: np.ndarray, ids: np.ndarray) -> None:
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        finite = np.isfinite(lon) & np.isfinite(lat)
        records = np.empty(int(finite.sum()), dtype=self._RECORD)
        records["key"] = _packed(position_keys(lon[finite], lat[finite]))
        records["id"] = np.asarray(ids)[finite]
        part = (records["key"] * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(59)  # a spread of the key's bits
        part %= np.uint64(len(self._files))
        for k, handle in enumerate(self._files):
            handle.write(records[part == k].tobytes())

    def counts(self, min_cases: int) -> tuple[PositionCounts, list[np.ndarray]]:
        """The PositionCounts (no tokens) and the ids of each candidate's cases; the files are dropped."""
        histogram: dict[int, int] = {}
        keys, cases, ids = [], [], []
        try:
            for handle in self._files:
                handle.seek(0)
                records = np.frombuffer(handle.read(), dtype=self._RECORD)
                handle.close()
                if not len(records):
                    continue
                unique, inverse, merged = np.unique(records["key"], return_inverse=True, return_counts=True)
                for size, positions in zip(*np.unique(merged, return_counts=True)):
                    histogram[int(size)] = histogram.get(int(size), 0) + int(positions)
                for k in np.flatnonzero(merged >= min_cases).tolist():
                    keys.append(unique[k])
                    cases.append(int(merged[k]))
                    ids.append(records["id"][inverse.reshape(-1) == k])
        finally:
            for handle in self._files:
                handle.close()
        sizes = np.array(sorted(histogram), dtype=np.int64)
        key_array = np.array(keys, dtype=np.uint64)
        lon = ((key_array >> np.uint64(32)).astype(np.int64) - (1 << 31)) / 10.0 ** POSITION_DECIMALS
        lat = ((key_array & np.uint64(0xFFFFFFFF)).astype(np.int64) - (1 << 31)) / 10.0 ** POSITION_DECIMALS
        return PositionCounts(sizes, np.array([histogram[int(s)] for s in sizes], dtype=np.int64), lon, lat,
                              np.array(cases, dtype=np.int64)), ids


def judge_piles(counts: PositionCounts, rule: PileRule) -> PileFinding:
    """The piles among a store's positions (most cases first), by the rule of the module docstring."""
    threshold = rule.threshold(counts.sizes, counts.positions)
    total = counts.total
    heavy = np.flatnonzero(np.asarray(counts.cases) >= threshold)
    heavy = heavy[np.lexsort((counts.lat[heavy], counts.lon[heavy], -counts.cases[heavy]))]
    piles = [Pile(float(counts.lon[k]), float(counts.lat[k]), int(counts.cases[k]),
                  float(counts.cases[k]) / total if total else 0.0) for k in heavy.tolist()]
    tokens = [counts.tokens[k] for k in heavy.tolist()] if counts.tokens else []
    return PileFinding(piles, threshold, rule.usual(counts.sizes, counts.positions),
                       int(counts.positions.sum()), total, tokens)


def find_piles(lon: np.ndarray, lat: np.ndarray, counts: np.ndarray | None = None,
               rule: PileRule | None = None) -> PileFinding:
    """Piles among positions (lon, lat) holding `counts` cases each (1 each when None; the same
    position may come several times, e.g. exact positions that round alike). `on_pile` marks the
    given positions that lie on a pile."""
    rule = rule or PileRule()
    positions, candidate_of = count_positions(lon, lat, rule.min_cases, counts)
    finding = judge_piles(positions, rule)
    threshold = finding.threshold
    on_candidate = candidate_of >= 0
    finding.on_pile = np.zeros(len(candidate_of), dtype=bool)
    finding.on_pile[on_candidate] = positions.cases[candidate_of[on_candidate]] >= threshold
    return finding
