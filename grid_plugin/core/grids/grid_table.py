"""The unit-grid table a division writes: its grids in code order, then the previous grids this run
retired and those retired before, with every attribute of schema.UNIT_GRID_FIELDS; the count of
kept, new and retired codes, and the code change report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.lattice import Division
from grid_plugin.core.grids.stability import KEPT, NEW, RETIRED, PreviousGrid, StableCodes
from grid_plugin.core.output_files import write_spreadsheet_csv

CHANGE_REPORT_HEADER = ("grid_code", "change", "community_code", "community_name", "area_m2", "init_date",
                        "end_date")

_NO_EXTRA: dict[str, object] = {}  # shared, never changed


def _iso_or_none(text: str) -> object:
    return text or None


@dataclass
class GridTable:
    """The features to write, one list entry per feature (dates as ISO text, "" for none)."""

    geometries: np.ndarray
    codes: list[str]
    street_names: list[str]
    community_names: list[str]
    extras: list[dict[str, object]]
    init_dates: list[str]
    end_dates: list[str]
    changes: list[str]

    @classmethod
    def build(cls, division: Division, containers: Sequence[Container], effective_date: str,
              previous: Sequence[PreviousGrid] = (), stable: StableCodes | None = None) -> GridTable:
        """The division's grids sorted by code, then the previous grids. With the stable codes of
        `previous` (stability.assign_stable_codes), a kept grid takes its previous grid's code,
        carried attributes and initial date; grids this run retires end on `effective_date`,
        grids retired before keep their end date. New grids start on `effective_date`."""
        owner = division.container_index
        sequence = division.sequence
        matched = np.full(len(division), -1, dtype=np.int64)
        retired = already = np.empty(0, dtype=np.int64)
        if stable is None:
            previous = ()
        else:
            sequence, matched = stable.sequence, stable.matched
            retired, already = stable.retired, stable.already_retired
        order = np.lexsort((sequence, owner))
        names_by_code = {c.code.code12: (c.street_name, c.community_name) for c in containers}
        table = cls(division.geometries[order], [], [], [], [], [], [], [])
        for k in order.tolist():
            container = containers[owner[k]]
            old = previous[matched[k]] if matched[k] >= 0 else None
            table.codes.append(container.code.grid_code(int(sequence[k])))
            table.street_names.append(container.street_name)
            table.community_names.append(container.community_name)
            # the previous grid's attributes, or the shared empty one: a dict per grid would cost
            # 350 MB at 1.7 M grids (the responsible party defaults to the community in rows())
            table.extras.append(old.extra if old is not None and old.extra else _NO_EXTRA)
            table.init_dates.append(old.init_date if old is not None and old.init_date else effective_date)
            table.end_dates.append("")
            table.changes.append(KEPT if old is not None else NEW)
        gone = [previous[k] for k in retired.tolist()] + [previous[k] for k in already.tolist()]
        if gone:
            table.geometries = np.concatenate([table.geometries, np.array([g.geometry for g in gone], dtype=object)])
        for n, grid in enumerate(gone):
            street_name, community_name = names_by_code.get(grid.code[:12], ("", ""))
            table.codes.append(grid.code)
            table.street_names.append(street_name)
            table.community_names.append(community_name)
            table.extras.append({"responsible": None, **grid.extra})  # retired: no default party
            table.init_dates.append(grid.init_date)
            table.end_dates.append(effective_date if n < len(retired) else grid.end_date)
            table.changes.append(RETIRED)
        return table

    def __len__(self) -> int:
        return len(self.codes)

    def rows(self, start: int, stop: int,
             date: Callable[[str], object] = _iso_or_none) -> list[tuple[object, ...]]:
        """The attribute rows of features start..stop in the order of UNIT_GRID_FIELDS, built a
        column at a time. Dates are `date(iso_text)` ("" for none), made once per distinct date:
        by default ISO text, None for none."""
        dates: dict[str, object] = {}  # a few distinct dates: one object each

        def made(text: str) -> object:
            found = dates.get(text)
            if found is None:
                found = dates[text] = date(text)
            return found

        codes, extras = self.codes[start:stop], self.extras[start:stop]
        communities = self.community_names[start:stop]
        return list(zip(
            codes, [c[:6] for c in codes], [c[:9] for c in codes], [c[:12] for c in codes],
            self.street_names[start:stop], communities, [int(c[12:]) for c in codes],
            np.round(shapely.area(self.geometries[start:stop]), 2).tolist(),
            np.round(shapely.length(self.geometries[start:stop]), 2).tolist(),
            [e.get("land_use") for e in extras], [e.get("mgmt_level") for e in extras],
            [e.get("responsible", c or None) for e, c in zip(extras, communities)],
            list(map(made, self.init_dates[start:stop])), list(map(made, self.end_dates[start:stop])),
            self.changes[start:stop], strict=True))

    def change_counts(self) -> dict[str, int]:
        counts = {KEPT: 0, NEW: 0, RETIRED: 0}
        for change in self.changes:
            counts[change] += 1
        return counts

    def write_change_report(self, path: str) -> None:
        """CSV: one line per code with what happened to it (kept, new, retired) and its dates."""
        areas = shapely.area(self.geometries)
        write_spreadsheet_csv(path, CHANGE_REPORT_HEADER,
                              ([code, self.changes[k], code[:12], self.community_names[k], f"{areas[k]:.2f}",
                                self.init_dates[k], self.end_dates[k]] for k, code in enumerate(self.codes)))
