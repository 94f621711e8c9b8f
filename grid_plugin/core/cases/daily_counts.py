"""Cases pre-aggregated per (unit grid, local day, class, source), so the dock's heat controls
redraw per-grid counts for any day range and class/source choice without asking the store again.

The store groups the cases by UTC hour (`CaseStore.hourly_counts`); the hours are turned into
local days here, with the zone's real offset on that day, so any IANA zone works (a zone whose
offset is not a whole number of hours cuts its days at the whole hour). One filter is a slice
of day-sorted rows plus two table look-ups and a `bincount`: a few milliseconds for a million rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from grid_plugin.core.cases.times import DEFAULT_TIME_ZONE, time_zone


@dataclass(frozen=True)
class DailyCaseCounts:
    grid_codes: list[str]  # grid index -> code; the order the counts come back in
    class_codes: list[str]
    sources: list[str]
    first_day: dt.date  # day index 0
    day: np.ndarray  # int32 day index per row, ascending
    grid: np.ndarray  # int32 grid index per row
    class_index: np.ndarray  # int32
    source_index: np.ndarray  # int32
    count: np.ndarray  # int64 cases per row

    @classmethod
    def from_hourly(cls, grid_codes: Sequence[str], hourly: Sequence[tuple[str | None, str, str | None,
                                                                           str | None, int]],
                    zone_name: str = DEFAULT_TIME_ZONE) -> DailyCaseCounts:
        """Rows (grid code, UTC hour 'YYYY-MM-DDTHH', class code, source, count) from the store.

        Rows of grids not in `grid_codes` (cases outside the grids shown) are left out; an empty
        class or source is kept as ''.
        """
        zone = time_zone(zone_name)
        grid_of: dict[str | None, int] = {code: i for i, code in enumerate(grid_codes)}
        rows = [r for r in hourly if r[0] in grid_of and r[1]]
        hours = sorted({r[1][:13] for r in rows})
        local_day = {hour: _local_day(hour, zone) for hour in hours}
        days = sorted(set(local_day.values()))
        first = days[0] if days else dt.date.today()
        class_codes = sorted({r[2] or "" for r in rows})
        sources = sorted({r[3] or "" for r in rows})
        class_of = {c: i for i, c in enumerate(class_codes)}
        source_of = {s: i for i, s in enumerate(sources)}
        day = np.fromiter(((local_day[r[1][:13]] - first).days for r in rows), dtype=np.int64, count=len(rows))
        grid = np.fromiter((grid_of[r[0]] for r in rows), dtype=np.int64, count=len(rows))
        klass = np.fromiter((class_of[r[2] or ""] for r in rows), dtype=np.int64, count=len(rows))
        source = np.fromiter((source_of[r[3] or ""] for r in rows), dtype=np.int64, count=len(rows))
        count = np.fromiter((int(r[4]) for r in rows), dtype=np.int64, count=len(rows))
        # the hours of one local day become one row per (day, grid, class, source), sorted by day
        shape = (int(day.max()) + 1 if len(day) else 1, max(len(grid_codes), 1), max(len(class_codes), 1),
                 max(len(sources), 1))
        keys, inverse = np.unique(np.ravel_multi_index((day, grid, klass, source), shape), return_inverse=True)
        merged = np.bincount(inverse, weights=count, minlength=len(keys)).astype(np.int64)
        columns = [a.astype(np.int32) for a in np.unravel_index(keys, shape)]
        return cls(grid_codes=list(grid_codes), class_codes=class_codes, sources=sources, first_day=first,
                   day=columns[0], grid=columns[1], class_index=columns[2], source_index=columns[3], count=merged)

    @property
    def day_count(self) -> int:
        """Days from the first to the last day with cases (0 when there are no cases)."""
        return int(self.day[-1]) + 1 if len(self.day) else 0

    @property
    def total(self) -> int:
        return int(self.count.sum())

    def date_of(self, day_index: int) -> dt.date:
        return self.first_day + dt.timedelta(days=int(day_index))

    def counts(self, first_day: int = 0, last_day: int | None = None, class_codes: Collection[str] | None = None,
               sources: Collection[str] | None = None) -> np.ndarray:
        """Cases per grid (in `grid_codes` order) from day `first_day` to `last_day`, both inclusive;
        None for classes or sources means all of them, an empty collection means none."""
        last = self.day_count - 1 if last_day is None else last_day
        lo, hi = np.searchsorted(self.day, [first_day, last + 1], side="left")
        grid, count = self.grid[lo:hi], self.count[lo:hi]
        keep = np.ones(hi - lo, dtype=bool)
        if class_codes is not None:
            keep &= _allowed(self.class_codes, class_codes)[self.class_index[lo:hi]]
        if sources is not None:
            keep &= _allowed(self.sources, sources)[self.source_index[lo:hi]]
        if not keep.all():
            grid, count = grid[keep], count[keep]
        return np.bincount(grid, weights=count, minlength=len(self.grid_codes)).astype(np.int64)


def _allowed(values: list[str], chosen: Collection[str]) -> np.ndarray:
    chosen = set(chosen)
    return np.fromiter((v in chosen for v in values), dtype=bool, count=len(values))


def _local_day(utc_hour: str, zone: dt.tzinfo) -> dt.date:
    moment = dt.datetime.strptime(utc_hour, "%Y-%m-%dT%H").replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(zone).date()
