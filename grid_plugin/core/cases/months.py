"""Calendar months of case times: the unit a PostGIS store partitions its cases by and archives them in.

A month is a month of one time zone (the store's, Asia/Shanghai unless set otherwise): March 2025 in
Beijing is 2025-02-28T16:00Z to 2025-03-31T16:00Z. Times are the store's UTC text
(times.UTC_FORMAT), whose text order is their time order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import numpy as np

from grid_plugin.core.cases.times import UTC_FORMAT
from grid_plugin.core.errors import GridInputError

_WRITTEN = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; `key` = year * 12 + month - 1."""

    key: int

    @classmethod
    def of(cls, year: int, month: int) -> Month:
        return cls(year * 12 + month - 1)

    @property
    def year(self) -> int:
        return self.key // 12

    @property
    def month(self) -> int:
        return self.key % 12 + 1

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def start(self, zone: str) -> str:
        """The first instant of the month in `zone`, as UTC text."""
        local = dt.datetime(self.year, self.month, 1, tzinfo=ZoneInfo(zone))
        return local.astimezone(dt.timezone.utc).strftime(UTC_FORMAT)

    def end(self, zone: str) -> str:
        return Month(self.key + 1).start(zone)


def parse_month(text: str) -> Month:
    """A month written 2025-01 or as its first day, 2025-01-01; GridInputError naming the fix otherwise."""
    found = _WRITTEN.match(text or "")
    if not found or not 1 <= int(found[2]) <= 12 or (found[3] is not None and int(found[3]) != 1) \
            or not 1000 <= int(found[1]) <= 9998:
        raise GridInputError("'{text}' is not the start of a month; write the month as 2025-01 or its first day as "
                             "2025-01-01.", text=text)
    return Month.of(int(found[1]), int(found[2]))


def month_of(text: str, zone: str) -> Month:
    """The month (of `zone`) holding a UTC text time."""
    moment = dt.datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.timezone.utc)
    local = moment.astimezone(ZoneInfo(zone))
    return Month.of(local.year, local.month)


def month_keys(times: Sequence[str | None], zone: str) -> np.ndarray:
    """The Month.key of each UTC text time, -1 for a missing one: one sorted search of the texts against the
    months' first instants, no parsing per value."""
    keys = np.full(len(times), -1, dtype=np.int64)
    present = np.array([t is not None for t in times], dtype=bool)
    if not present.any():
        return keys
    given = [t for t in times if t is not None]
    first, last = month_of(min(given), zone), month_of(max(given), zone)
    starts = np.asarray([Month(k).start(zone) for k in range(first.key, last.key + 1)], dtype=str)
    found = np.searchsorted(starts, np.asarray(given, dtype=str), side="right") - 1
    keys[present] = first.key + np.clip(found, 0, None)
    return keys
