"""Emerging hot spots of reported cases (案件) per unit grid over time, after ArcGIS Pro's Emerging Hot
Spot Analysis (Space Time Pattern Mining): where hot and cold spots appear, last, grow, fade or come
and go.

1. Space-time cube: cases counted per grid (row, n grids) and time bin (column, t bins): a dense
   int64 array (n, t) (`space_time_cube`). Bins are local calendar days, ISO weeks (Monday to
   Sunday) or calendar months of *local* dates (`time_bins`): the caller gives wall-clock dates and
   times of the district's zone without a UTC offset, e.g. from core.cases.records / core.cases.daily_counts.
2. Space-time Gi* (`space_time_gi_star`): the neighbourhood of grid i in bin b is every (j, c) with
   j = i or a neighbour of i up to `rings` rings (neighbours of neighbours; contiguity from
   core.cases.hotspots), and c from b − `window` to b: the bin itself and the `window` previous bins, as
   ArcGIS's Neighborhood Time Step (default 1). Weights are binary, so with W = (1 + neighbours) ×
   (bins in the window) and N = n·t,

       Gi*_ib = (Σ x_jc − X̄ W) / (S √((N W − W²) / (N − 1)))

   with X̄ and S the mean and population standard deviation of all n·t bins of the cube, as ArcGIS
   does. The window is cut at the start of the cube (bin 0 has only itself, W smaller). A grid
   without neighbours (an island) has only itself in each bin of its window.
3. Significance per bin: two-sided p of Gi*, corrected for multiple tests with Benjamini–Hochberg
   (ArcGIS Pro applies an FDR correction to the space-time Gi*). `fdr="cube"` (default) takes all
   n·t bins as one family, since they share one mean and standard deviation; "slice" corrects each
   time bin's n grids separately; "none" keeps the raw p. Per-bin classes follow Gi_Bin: ±3/±2/±1
   at 99/95/90 % confidence. A bin is a hot (cold) spot when it is significant at `alpha` (default
   0.10, 90 % confidence as ArcGIS) with z > 0 (z < 0).
4. Trend: Mann–Kendall (core.cases.trend) on each grid's series of Gi* z-scores; a significant rise or
   fall has p < `trend_alpha` (default 0.10; ArcGIS does not state its level). The first `window`
   bins are left out of this test by default (`skip_partial_window`): their shorter window makes
   |z| smaller for the same case rate, which the test would read as a trend (an all-zero area
   would come out as an intensifying cold spot at 52 weeks). Mann–Kendall of the counts themselves
   is given as well (ArcGIS's trend of the analysis variable).
5. Category per grid, from its hot/cold series and trend. Write: final = the last bin; H = number of
   hot bins; "mostly hot" = H ≥ 90 % of the t bins (10 H ≥ 9 t); run = length of the uninterrupted
   run of hot bins ending with the final bin.

   - 1 New hot spot: final hot, and no other bin hot (H = 1).
   - 2 Consecutive hot spot: final hot, run ≥ 2, no hot bin before the run (H = run), not mostly hot.
   - 3 Intensifying hot spot: final hot, mostly hot, z rises significantly.
   - 4 Persistent hot spot: final hot, mostly hot, no significant trend of z.
   - 5 Diminishing hot spot: final hot, mostly hot, z falls significantly.
   - 6 Sporadic hot spot: final hot, not mostly hot, a hot bin before the final run, never cold.
   - 7 Oscillating hot spot: final hot, not mostly hot, a hot bin before the final run, cold in
     some bin.
   - 8 Historical hot spot: final neither hot nor cold, mostly hot.
   - −1 … −8: the same cold spot categories, with hot and cold swapped and "z falls" for "z
     rises" (an intensifying cold spot gets colder).
   - 0 No pattern detected: none of these.

   The categories are ArcGIS Pro's (“How Emerging Hot Spot Analysis works”), made exclusive where
   its wording overlaps: New and Consecutive speak only of hot bins and come before Oscillating
   (an earlier cold spot does not make a new hot spot oscillating); Persistent takes a hot final bin
   like Intensifying and Diminishing, because Historical takes the others; a significant final bin
   decides before Historical of the other side.

Bad input: fewer than 2 bins leave no trend to test (GridInputError); ArcGIS refuses cubes of fewer
than 10 time slices (`MIN_BINS`, lowerable with `min_bins`; below 10 bins "90 %" means every bin);
a cube with one value everywhere (all zero) has S = 0 and no grid can stand out (GridInputError).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NoReturn

import numpy as np

from grid_plugin.core.cases.hotspots import P_LIMITS, Neighbours, two_sided_p
from grid_plugin.core.cases.trend import MannKendall, benjamini_hochberg, mann_kendall
from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.progress import Progress

UNITS = ("day", "week", "month")
FDR_CHOICES = ("cube", "slice", "none")
MIN_BINS = 10  # ArcGIS Pro refuses a space-time cube with fewer time slices (tool error 110004)
NEW, CONSECUTIVE, INTENSIFYING, PERSISTENT, DIMINISHING, SPORADIC, OSCILLATING, HISTORICAL = range(1, 9)
# Reduce at most this many gathered values (neighbour rows × bins) at a time.
_CHUNK = 4_000_000
# A time with a UTC offset or Z: the caller must give local wall-clock times instead.
_ZONED = re.compile(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d*)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$", re.IGNORECASE)

EMERGING_CATEGORY_LABELS: dict[int, Message] = {
    NEW: message("New hot spot"),
    CONSECUTIVE: message("Consecutive hot spot"),
    INTENSIFYING: message("Intensifying hot spot"),
    PERSISTENT: message("Persistent hot spot"),
    DIMINISHING: message("Diminishing hot spot"),
    SPORADIC: message("Sporadic hot spot"),
    OSCILLATING: message("Oscillating hot spot"),
    HISTORICAL: message("Historical hot spot"),
    0: message("No pattern detected"),
    -NEW: message("New cold spot"),
    -CONSECUTIVE: message("Consecutive cold spot"),
    -INTENSIFYING: message("Intensifying cold spot"),
    -PERSISTENT: message("Persistent cold spot"),
    -DIMINISHING: message("Diminishing cold spot"),
    -SPORADIC: message("Sporadic cold spot"),
    -OSCILLATING: message("Oscillating cold spot"),
    -HISTORICAL: message("Historical cold spot"),
}


# --- time bins and the cube --------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TimeBins:
    """Time bin of each record (`index`) and the first local day of each bin (`starts`, datetime64[D])."""

    unit: str
    starts: np.ndarray
    index: np.ndarray

    @property
    def count(self) -> int:
        return len(self.starts)

    def labels(self) -> list[str]:
        """'2024-01-05' per day, ISO '2024-W01' per week (the ISO year may differ at New Year), '2024-01' per month."""
        if self.unit == "month":
            return [str(s) for s in np.datetime_as_string(self.starts.astype("M8[M]"))]
        if self.unit == "day":
            return [str(s) for s in np.datetime_as_string(self.starts)]
        thursday = self.starts + np.timedelta64(3, "D")  # an ISO week belongs to the year of its Thursday
        year = thursday.astype("M8[Y]")
        week = (thursday - year.astype("M8[D]")).astype(np.int64) // 7 + 1
        return [f"{y}-W{w:02d}" for y, w in zip(np.datetime_as_string(year).tolist(), week.tolist())]


def local_days(times) -> np.ndarray:
    """The local calendar day (datetime64[D]) of each time: numpy datetime64 values, or ISO strings
    ('YYYY-MM-DD', 'YYYY-MM-DDTHH:MM[:SS[.ffffff]]', a space for the T) or datetime.date/datetime
    objects, all local wall-clock times. A time with a UTC offset or 'Z' is refused rather than
    guessed: its local day depends on the zone, so convert it first."""
    values = np.asarray(times)
    if values.dtype.kind == "M":
        days = values.ravel().astype("M8[D]")
    else:
        items = values.ravel().tolist()
        for record, value in enumerate(items):
            zoned = (_ZONED.search(value.strip()) is not None if isinstance(value, str)
                     else isinstance(value, dt.datetime) and value.tzinfo is not None)
            if zoned:
                raise GridInputError("record {record} has the time '{value}' with a time zone; give local times "
                                     "(the district's wall clock) without a zone", feature_ids=[record],
                                     record=record, value=str(value))
            if value is not None and not isinstance(value, (str, dt.date)):
                _not_iso(record, value)
        try:
            days = np.array(items, dtype="M8[us]").astype("M8[D]")
        except ValueError:
            for record, value in enumerate(items):
                try:
                    np.datetime64(value, "us")
                except ValueError:
                    _not_iso(record, value)
            raise
    missing = np.flatnonzero(np.isnat(days))
    if len(missing):
        raise GridInputError("record {record} has no date; give every record a local date and time",
                             feature_ids=missing.tolist(), record=int(missing[0]))
    return days


def _not_iso(record: int, value: object) -> NoReturn:
    raise GridInputError("record {record} has the time '{value}', which is not an ISO date or date and time "
                         "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)", feature_ids=[record], record=record, value=str(value))


def _periods(days: np.ndarray, unit: str) -> np.ndarray:
    """The start of each day's bin: the day, the Monday of its ISO week, or its month (datetime64[M])."""
    if unit == "month":
        return days.astype("M8[M]")
    if unit == "week":
        number = days.astype(np.int64)  # days since Thursday 1970-01-01
        return (number - (number + 3) % 7).astype("M8[D]")
    return days


def time_bins(times, unit: str = "week", first=None, last=None) -> TimeBins:
    """Bin the local times into consecutive days, ISO weeks or months, from the bin of `first`
    (default: the earliest time) to the bin of `last` (default: the latest), bins without
    records included. A record outside that range is an error naming it."""
    if unit not in UNITS:
        raise GridInputError("the time unit must be day, week or month, got '{unit}'", unit=unit)
    periods = _periods(local_days(times), unit)
    if (first is None or last is None) and not len(periods):
        raise GridInputError("there are no dates to put into time bins; choose a period with cases")
    low = periods.min() if first is None else _periods(local_days([first]), unit)[0]
    high = periods.max() if last is None else _periods(local_days([last]), unit)[0]
    if high < low:
        raise GridInputError("the last time bin {last} comes before the first {first}; swap the two",
                             first=str(low), last=str(high))
    step = 7 if unit == "week" else 1
    index = (periods - low).astype(np.int64) // step
    count = int((high - low).astype(np.int64)) // step + 1
    outside = np.flatnonzero((index < 0) | (index >= count))
    if len(outside):
        raise GridInputError("record {record} falls outside the period {first} to {last}; choose a period that "
                             "holds every record, or leave the others out", feature_ids=outside.tolist(),
                             record=int(outside[0]), first=str(low), last=str(high))
    starts = (low + np.arange(count) * step).astype("M8[D]")
    return TimeBins(unit, starts, index)


def space_time_cube(grid: np.ndarray, time_bin: np.ndarray, n_grids: int, n_bins: int) -> np.ndarray:
    """Records counted per (grid, time bin): an int64 array (n_grids, n_bins), zeros included."""
    grid = np.asarray(grid, dtype=np.int64).ravel()
    time_bin = np.asarray(time_bin, dtype=np.int64).ravel()
    if len(grid) != len(time_bin):
        raise GridInputError("got {grids} grid indices and {bins} time bins; give one of each per record",
                             grids=len(grid), bins=len(time_bin))
    bad = np.flatnonzero((grid < 0) | (grid >= n_grids))
    if len(bad):
        raise GridInputError("record {record} names grid {value}, outside 0 to {last}", feature_ids=bad.tolist(),
                             record=int(bad[0]), value=int(grid[bad[0]]), last=n_grids - 1)
    bad = np.flatnonzero((time_bin < 0) | (time_bin >= n_bins))
    if len(bad):
        raise GridInputError("record {record} names time bin {value}, outside 0 to {last}", feature_ids=bad.tolist(),
                             record=int(bad[0]), value=int(time_bin[bad[0]]), last=n_bins - 1)
    counts = np.bincount(grid * n_bins + time_bin, minlength=n_grids * n_bins)
    return counts.astype(np.int64).reshape(n_grids, n_bins)


# --- space-time Gi* ---------------------------------------------------------------------------


def ring_neighbours(neighbours: Neighbours, rings: int = 1) -> Neighbours:
    """Neighbours up to `rings` steps away (1: the neighbours, 2: also their neighbours, ...)."""
    if int(rings) != rings or rings < 1:
        raise GridInputError("the neighbour rings must be a whole number, 1 or more, got {rings}", rings=rings)
    n = neighbours.n
    if rings == 1 or n == 0:
        return neighbours
    degree = neighbours.degree()
    rows = np.concatenate([np.repeat(np.arange(n, dtype=np.int64), degree), np.arange(n, dtype=np.int64)])
    cols = np.concatenate([neighbours.indices, np.arange(n, dtype=np.int64)])
    for _ in range(int(rings) - 1):
        # each reached (i, m) reaches the neighbours j of m
        fan = degree[cols]
        firsts = np.repeat(neighbours.indptr[cols], fan)
        offsets = np.arange(int(fan.sum())) - np.repeat(np.cumsum(fan) - fan, fan)
        keys = np.unique(np.concatenate([rows * n + cols, np.repeat(rows, fan) * n
                                         + neighbours.indices[firsts + offsets]]))
        rows, cols = np.divmod(keys, n)
    return Neighbours.from_pairs(n, rows, cols)


@dataclass(frozen=True, eq=False)
class SpaceTimeGiStar:
    """Gi* per (grid, bin): z and two-sided p (n, t); `weights` = W, the bins in each neighbourhood."""

    z: np.ndarray
    p: np.ndarray
    weights: np.ndarray
    islands: np.ndarray  # grids without spatial neighbours
    mean: float
    std: float


def _check_cube(cube: np.ndarray, neighbours: Neighbours) -> np.ndarray:
    values = np.asarray(cube, dtype=np.float64)
    if values.ndim != 2:
        raise GridInputError("the space-time cube needs one row per grid and one column per time bin, got "
                             "{dims} dimensions", dims=values.ndim)
    n, t = values.shape
    if n < 3:
        raise GridInputError("hot spot analysis needs at least 3 units, got {count}; choose more grids", count=n)
    if n != neighbours.n:
        raise GridInputError("the space-time cube has {rows} grids but the neighbours {units}; give the same "
                             "grids in the same order", rows=n, units=neighbours.n)
    bad = np.argwhere(~np.isfinite(values))
    if len(bad):
        raise GridInputError("grid {grid} has no numeric value in time bin {bin}; count 0 for a bin without "
                             "cases", feature_ids=[int(bad[0][0])], grid=int(bad[0][0]), bin=int(bad[0][1]))
    if t and np.all(values == values.flat[0]):
        raise GridInputError("every grid has the value {value} in every time bin, so none stands out; choose "
                             "a longer period, more grids or other cases", value=float(values.flat[0]))
    return values


def _spatial_sums(values: np.ndarray, indptr: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Σ_{j in row i} values[j] for each CSR row (no row empty), chunked to bound the gather."""
    n, t = values.shape
    sums = np.empty((n, t))
    start = 0
    while start < n:
        stop = int(np.searchsorted(indptr, indptr[start] + max(_CHUNK // max(t, 1), 1), side="right")) - 1
        stop = min(max(stop, start + 1), n)
        low, high = indptr[start], indptr[stop]
        sums[start:stop] = np.add.reduceat(values[indices[low:high]], indptr[start:stop] - low, axis=0)
        start = stop
    return sums


def space_time_gi_star(cube: np.ndarray, neighbours: Neighbours, rings: int = 1, window: int = 1) -> SpaceTimeGiStar:
    """Space-time Gi* of a cube (n grids, t bins) with binary weights (see the module docstring).

    A neighbourhood spanning the whole cube (W = N) has a zero denominator and gets z = 0.
    """
    values = _check_cube(cube, neighbours)
    if int(window) != window or window < 0:
        raise GridInputError("the time window must be a whole number of bins, 0 or more, got {window}",
                             window=window)
    n, t = values.shape
    reach = ring_neighbours(neighbours, rings)
    # CSR rows with the grid itself, so no row is empty and reduceat needs no special case
    rows = np.concatenate([np.repeat(np.arange(n, dtype=np.int64), reach.degree()), np.arange(n, dtype=np.int64)])
    cols = np.concatenate([reach.indices, np.arange(n, dtype=np.int64)])
    order = np.argsort(rows * n + cols, kind="stable")
    indptr = np.concatenate([[0], np.cumsum(reach.degree() + 1)])
    spatial = _spatial_sums(values, indptr, cols[order])
    # window sums by cumulative sums along time (exact for counts: integers in float64)
    cumulative = np.zeros((n, t + 1))
    np.cumsum(spatial, axis=1, out=cumulative[:, 1:])
    low = np.maximum(np.arange(t) - int(window), 0)
    sums = cumulative[:, 1:] - cumulative[:, low]
    weights = (reach.degree() + 1)[:, None] * (np.arange(t) - low + 1)[None, :]
    total = n * t
    mean = float(values.mean())
    std = float(np.sqrt(np.mean((values - mean) ** 2)))
    w = weights.astype(np.float64)
    denominator = std * np.sqrt(np.maximum(total * w - w**2, 0.0) / (total - 1))
    z = np.zeros((n, t))
    np.divide(sums - mean * w, denominator, out=z, where=denominator > 0)
    return SpaceTimeGiStar(z, two_sided_p(z), weights.astype(np.int64), neighbours.islands(), mean, std)


# --- categories --------------------------------------------------------------------------------


def _side_categories(on: np.ndarray, other: np.ndarray, toward: np.ndarray) -> np.ndarray:
    """Categories 1..8 of one side (hot: on = hot bins, other = cold bins, toward = z trend direction;
    cold: the mirror), 0 where none applies. See the module docstring."""
    t = on.shape[1]
    count = on.sum(axis=1)
    mostly = 10 * count >= 9 * t
    run = np.cumprod(on[:, ::-1], axis=1).sum(axis=1)
    final = on[:, -1]
    recent = final & ~mostly & (count == run)  # never on this side before the final run
    earlier = final & ~mostly & (count > run)
    out = np.zeros(len(on), dtype=np.int8)
    out[recent & (run == 1)] = NEW
    out[recent & (run >= 2)] = CONSECUTIVE
    out[final & mostly & (toward > 0)] = INTENSIFYING
    out[final & mostly & (toward == 0)] = PERSISTENT
    out[final & mostly & (toward < 0)] = DIMINISHING
    out[earlier & ~other.any(axis=1)] = SPORADIC
    out[earlier & other.any(axis=1)] = OSCILLATING
    out[~final & ~other[:, -1] & mostly] = HISTORICAL
    return out


def emerging_categories(hot: np.ndarray, cold: np.ndarray, trend: np.ndarray) -> np.ndarray:
    """Category per grid (int8, −8..8, see EMERGING_CATEGORY_LABELS) from its hot and cold bins
    (bool, n × t, never both in one bin) and the direction of its z trend (+1 significant rise,
    −1 significant fall, 0 none; MannKendall.direction)."""
    hot = np.atleast_2d(np.asarray(hot, dtype=bool))
    cold = np.atleast_2d(np.asarray(cold, dtype=bool))
    trend = np.asarray(trend).ravel()
    if hot.shape != cold.shape or len(trend) != len(hot) or hot.shape[1] < 1:
        raise GridInputError("give hot and cold bins of the same shape and one trend per grid")
    if np.any(hot & cold):
        raise GridInputError("a bin cannot be a hot and a cold spot at once")
    # The sides never both apply (see the module docstring), so one difference merges them.
    return (_side_categories(hot, cold, trend) - _side_categories(cold, hot, -trend)).astype(np.int8)


@dataclass(frozen=True, eq=False)
class EmergingHotSpots:
    """Everything the analysis found: per (grid, bin) Gi* and its FDR-adjusted p (`p_adjusted`, the raw
    p with fdr="none") and Gi_Bin class `bins`; per grid the trends and the category."""

    gi: SpaceTimeGiStar
    p_adjusted: np.ndarray
    bins: np.ndarray  # int8, −3..3
    hot: np.ndarray  # bool (n, t): significant at alpha with z > 0
    cold: np.ndarray
    trend: MannKendall  # of the z-scores
    count_trend: MannKendall  # of the values
    categories: np.ndarray  # int8, −8..8


def emerging_hot_spots(
    cube: np.ndarray, neighbours: Neighbours, rings: int = 1, window: int = 1, alpha: float = 0.10,
    trend_alpha: float = 0.10, fdr: str = "cube", min_bins: int = MIN_BINS, skip_partial_window: bool = True,
    progress: Progress | None = None,
) -> EmergingHotSpots:
    """Emerging hot spot analysis of a space-time cube (n grids, t bins); see the module docstring.

    `min_bins` (at least 2, for the trend) can be lowered below ArcGIS's 10 at the caller's risk.
    """
    if fdr not in FDR_CHOICES:
        raise GridInputError("the FDR correction must be cube, slice or none, got '{fdr}'", fdr=fdr)
    shape = np.shape(cube)
    bins_count = shape[1] if len(shape) == 2 else 0
    if len(shape) == 2 and bins_count < max(int(min_bins), 2):
        if bins_count < 2:
            raise GridInputError("the Mann-Kendall trend test needs at least 2 time bins, got {count}; choose a "
                                 "longer period or shorter time bins", count=bins_count)
        raise GridInputError("emerging hot spot analysis needs at least {minimum} time bins, got {count}; choose "
                             "a longer period or shorter time bins", minimum=int(min_bins), count=bins_count)
    first = int(window) if skip_partial_window else 0
    if len(shape) == 2 and bins_count - first < 2:
        raise GridInputError("a time window of {window} bins leaves {left} bins for the trend test, which needs "
                             "at least 2; choose a smaller window or more bins", window=window,
                             left=bins_count - first)
    gi = space_time_gi_star(cube, neighbours, rings, window)
    if progress is not None:
        progress.step(1, 4)
    if fdr == "none":
        adjusted = gi.p

        def significant(level: float) -> np.ndarray:
            return adjusted < level  # as core.cases.hotspots.hotspot_classes
    else:
        _, adjusted = benjamini_hochberg(gi.p, alpha, axis=None if fdr == "cube" else 0)

        def significant(level: float) -> np.ndarray:
            return adjusted <= level  # the Benjamini-Hochberg step-up rule
    level = sum(significant(limit).astype(np.int8) for limit in P_LIMITS)
    classes = (np.sign(gi.z).astype(np.int8) * level).astype(np.int8)
    chosen = significant(alpha)
    hot, cold = chosen & (gi.z > 0), chosen & (gi.z < 0)
    if progress is not None:
        progress.step(2, 4)
    trend = mann_kendall(gi.z[:, first:])
    count_trend = mann_kendall(np.asarray(cube, dtype=np.float64))
    if progress is not None:
        progress.step(3, 4)
    categories = emerging_categories(hot, cold, trend.direction(trend_alpha))
    if progress is not None:
        progress.step(4, 4)
    return EmergingHotSpots(gi, adjusted, classes, hot, cold, trend, count_trend, categories)
