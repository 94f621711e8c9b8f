"""The store interface both backends implement, and the import logic written once over it.

A store holds the district's unit grids, components and cases (schema in store/schema.py). The
import is an upsert on the case id inside one transaction: new ids are inserted, ids whose content
changed are updated, identical re-imports change nothing, and a failure or cancel rolls the whole
batch back.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

import numpy as np
import shapely

from grid_plugin.core.addresses.addresses import AddressEntries
from grid_plugin.core.cases.evaluation import Period, UnitCounts
from grid_plugin.core.cases.piles import PILE, PileFinding, PileRule, PositionCounts, judge_piles
from grid_plugin.core.cases.records import ALL_CASES, CaseFilter, CaseRecords
from grid_plugin.core.errors import Message
from grid_plugin.core.geodesy.crs import datum_epsg
from grid_plugin.core.progress import Progress
from grid_plugin.io.names import StoreError
from grid_plugin.store.schema import (
    CASE_COLUMNS,
    DATUM_KEY,
    LOCATION_QUALITY,
    SCHEMA_VERSION,
    STORE_SRID,
)


def _say_nothing(_text: Message) -> None:
    return None


def _never() -> bool:
    return False


@dataclass
class StoreFeedback:
    """How a store tells its caller that it waits (for another import holding the file) and how it
    learns that the user cancelled meanwhile. Processing wires these to its feedback."""

    notify: Callable[[Message], None] = field(default=_say_nothing)
    is_cancelled: Callable[[], bool] = field(default=_never)


@dataclass
class StoredGrids:
    """Unit grids as kept in the store: codes, names and geometries in EPSG:4490."""

    grid_codes: list[str]
    street_codes: list[str | None]
    street_names: list[str | None]
    community_codes: list[str | None]
    community_names: list[str | None]
    area_m2: np.ndarray
    geometries: np.ndarray  # shapely (Multi)Polygons, EPSG:4490

    def __len__(self) -> int:
        return len(self.grid_codes)


@dataclass
class StoredComponents:
    """Coded components (部件) as kept in the store; geometries in EPSG:4490, any type."""

    component_ids: list[str]
    class_codes: list[str | None]
    class_names: list[str | None]
    names: list[str | None]
    grid_codes: list[str | None]
    street_codes: list[str | None]
    community_codes: list[str | None]
    beidou_codes: list[str | None]
    states: list[str | None]
    geometries: np.ndarray

    def __len__(self) -> int:
        return len(self.component_ids)

    def rows(self) -> list[tuple]:
        """Attribute rows in the order of schema.COMPONENTS' columns."""
        return list(zip(self.component_ids, self.class_codes, self.class_names, self.names, self.grid_codes,
                        self.street_codes, self.community_codes, self.beidou_codes, self.states, strict=True))


@dataclass
class ImportCounts:
    read: int = 0
    imported: int = 0  # new case ids
    updated: int = 0  # known ids whose content changed
    unchanged: int = 0  # known ids with identical content
    rejected: int = 0
    batch_id: int = 0
    piles: PileFinding | None = None  # what pile detection found over the whole store (None: not run)
    piled: int = 0  # cases of the store flagged as on a pile after this import

    def accounted(self) -> bool:
        """Every row read is imported, updated, unchanged or rejected: none disappears."""
        return self.read == self.imported + self.updated + self.unchanged + self.rejected


class CaseStore(ABC):
    """One interface over GeoPackage and PostGIS (see the module docstring)."""

    label: str  # for messages and logs; never holds a password
    placeholder: str  # the DB-API parameter marker of the backend
    feedback: StoreFeedback = StoreFeedback()

    # ---- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Everything inside commits together or not at all."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def write_meta(self, key: str, value: str) -> None:
        """Set a store_meta entry (inside the caller's transaction, or its own)."""

    def datum(self) -> int:
        """EPSG code of the datum family of the store's degrees: 4490 (CGCS2000) or 4326 (WGS 84),
        recorded with the unit grids (schema.py); a store without the record takes its grids' place."""
        rows = self.query(f"SELECT value FROM {self.table('store_meta')} WHERE key = {self.placeholder}",
                          (DATUM_KEY,))
        if rows and rows[0][0]:
            return int(str(rows[0][0]).rsplit(":", 1)[-1])
        return grids_datum(self.read_grids())

    def check_version(self) -> None:
        found = self.schema_version()
        if found > SCHEMA_VERSION:
            raise StoreError(
                "Store {store} has schema version {found}, newer than this plugin understands ({known}); "
                "update the plugin before using this store.", store=self.label, found=found, known=SCHEMA_VERSION)

    # ---- grids and components --------------------------------------------------------------------
    @abstractmethod
    def write_grids(self, grids: StoredGrids) -> None:
        """Replace the store's unit grids (inside the caller's transaction, or its own)."""

    @abstractmethod
    def read_grids(self) -> StoredGrids: ...

    @abstractmethod
    def write_components(self, components: StoredComponents) -> None:
        """Replace the store's components (inside the caller's transaction, or its own)."""

    @abstractmethod
    def read_components(self) -> StoredComponents: ...

    # ---- the address gazetteer ----------------------------------------------------------------------
    @abstractmethod
    def write_addresses(self, entries: AddressEntries) -> None:
        """Upsert standard addresses by address code, in one transaction (codes not in `entries` stay)."""

    @abstractmethod
    def read_addresses(self) -> AddressEntries:
        """All standard addresses, ordered by address code."""

    def count_addresses(self) -> int:
        return int(self.query(f"SELECT COUNT(*) FROM {self.table('addresses')}")[0][0])

    # ---- cases --------------------------------------------------------------------------------------
    def begin_import(self) -> None:
        """Called first inside an import's transaction (PostGIS serialises imports here)."""
        return None

    @abstractmethod
    def existing_hashes(self, case_ids: Sequence[str]) -> dict[str, str]:
        """content_hash of every given id already in the store."""

    @abstractmethod
    def write_cases(self, new: CaseRecords, changed: CaseRecords, batch_id: int, progress: Progress) -> None:
        """Insert the new cases and update the changed ones by case id (inside the caller's
        transaction, after existing_hashes told them apart)."""

    def begin_cases(self, expected: int) -> None:
        """An import of about `expected` cases (an upper bound) follows, in write_cases calls of one chunk
        each, then end_cases: a store may set its indexes aside until then (inside the transaction)."""
        return None

    def end_cases(self) -> None:
        """After the last write_cases of an import begun with begin_cases."""
        return None

    @abstractmethod
    def position_counts(self, min_cases: int) -> PositionCounts:
        """The stored cases per distinct position (core.cases.piles.PositionCounts): how many positions hold
        1, 2, ... cases, and the positions with at least `min_cases`, with their flag_piles tokens."""

    @abstractmethod
    def flag_piles(self, tokens: Sequence[Sequence]) -> int:
        """Inside the import's transaction: cases at the piles (their tokens of position_counts) placed
        'exact' become 'pile', other 'pile' cases become 'exact' again; returns the cases flagged
        'pile' now."""

    @abstractmethod
    def record_batch(self, source_name: str, counts: ImportCounts) -> int:
        """Add an import_batches row and return its id (inside the caller's transaction)."""

    @abstractmethod
    def next_batch_id(self) -> int: ...

    @abstractmethod
    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """Run a read query with parameters (markers: `placeholder`)."""

    def table(self, name: str) -> str:
        """The quoted, qualified name of a store table, for SQL run through query()."""
        return f'"{name}"'

    def count_cases(self, case_filter: CaseFilter = ALL_CASES) -> int:
        where, params = self.where(case_filter)
        return int(self.query(f"SELECT COUNT(*) FROM {self.table('cases')}{where}", params)[0][0])

    def counts_per_grid(self, case_filter: CaseFilter = ALL_CASES) -> dict[str, int]:
        """Cases per grid code under the filter (grids without cases are absent)."""
        where, params = self.where(case_filter)
        rows = self.query(f'SELECT "grid_code", COUNT(*) FROM {self.table("cases")}{where} GROUP BY "grid_code"',
                          params)
        return {code: int(count) for code, count in rows if code is not None}

    @abstractmethod
    def case_points(self, case_filter: CaseFilter = ALL_CASES) -> tuple[np.ndarray, np.ndarray]:
        """Longitude and latitude (EPSG:4490) of the filtered cases."""

    @abstractmethod
    def evaluation_counts(self, level: str, periods: Sequence[Period]) -> list[dict[str, UnitCounts]]:
        """Per period, the evaluation's counts of each unit of `level` (core.cases.evaluation), in SQL."""

    def case_columns(self, columns: Sequence[str], case_filter: CaseFilter = ALL_CASES) -> dict[str, list]:
        """Selected case columns (times as UTC ISO text) of the filtered cases."""
        unknown = [c for c in columns if c not in CASE_COLUMNS]
        if unknown:
            raise ValueError(f"not case columns: {unknown}")
        where, params = self.where(case_filter)
        select = ", ".join(self.text_of(c) for c in columns)
        rows = self.query(f'SELECT {select} FROM {self.table("cases")}{where} ORDER BY "case_id"', params)
        return {c: [row[i] for row in rows] for i, c in enumerate(columns)}

    def hourly_counts(self, case_filter: CaseFilter = ALL_CASES) -> list[tuple[str, str, str | None, str | None, int]]:
        """Cases per (grid code, UTC hour 'YYYY-MM-DDTHH', class code, source) for the dock's heat
        controls (core.cases.daily_counts); cases without a grid or a report time are left out."""
        where, params = self.where(case_filter)
        where = (where + " AND" if where else " WHERE") + ' "grid_code" IS NOT NULL AND "reported_at" IS NOT NULL'
        hour = self.hour_of("reported_at")
        rows = self.query(f'SELECT "grid_code", {hour}, "class_code", "source", COUNT(*) FROM {self.table("cases")}'
                          f'{where} GROUP BY "grid_code", {hour}, "class_code", "source"', params)
        return [(code, hour_text, class_code, source, int(count)) for code, hour_text, class_code, source, count
                in rows]

    def recent_cases(self, grid_code: str, since: str | None = None, limit: int = 10) -> list[tuple]:
        """The newest cases of one grid, reported at or after `since` (UTC ISO text): rows of
        (case_id, reported_at as UTC ISO text, kind, class_code, status, description)."""
        mark = self.placeholder
        where, params = f'"grid_code" = {mark}', [grid_code]
        if since:
            where += f' AND "reported_at" >= {mark}'
            params.append(since)
        return self.query(
            f'SELECT "case_id", {self.text_of("reported_at")}, "kind", "class_code", "status", "description" '
            f'FROM {self.table("cases")} WHERE {where} ORDER BY "reported_at" DESC, "case_id" LIMIT {int(limit)}',
            params)

    def hour_of(self, column: str) -> str:
        """SQL giving a time column's UTC hour as 'YYYY-MM-DDTHH' (GeoPackage keeps ISO UTC text)."""
        return f'substr("{column}", 1, 13)'

    def distinct_values(self, column: str) -> list[str]:
        """The values present in a case column (for filter pickers)."""
        if column not in ("source", "kind", "class_code", "status"):
            raise ValueError(f"no distinct values for {column}")
        rows = self.query(f'SELECT DISTINCT "{column}" FROM {self.table("cases")} WHERE "{column}" IS NOT NULL '
                          f'ORDER BY "{column}"')
        return [row[0] for row in rows]

    def text_of(self, column: str) -> str:
        """SQL giving a column (a name of schema.CASE_COLUMNS) as text (times as ISO UTC)."""
        return f'"{column}"'

    def where(self, case_filter: CaseFilter) -> tuple[str, list[object]]:
        """The WHERE clause of a filter, with parameters only (values never enter the SQL)."""
        mark = self.placeholder
        clauses: list[str] = []
        params: list[object] = []
        if case_filter.start:
            clauses.append(f'"reported_at" >= {mark}')
            params.append(case_filter.start)
        if case_filter.end:
            clauses.append(f'"reported_at" < {mark}')
            params.append(case_filter.end)
        for column, values in (("kind", case_filter.kinds), ("class_code", case_filter.class_codes),
                               ("source", case_filter.sources), ("status", case_filter.statuses)):
            if values:
                clauses.append(f'"{column}" IN ({", ".join([mark] * len(values))})')
                params.extend(values)
        if not case_filter.include_piles:  # default-location piles (core.cases.piles) are left out
            clauses.append(f'"{LOCATION_QUALITY.name}" <> {mark}')
            params.append(PILE)
        return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params

    # ---- for QGIS layers ---------------------------------------------------------------------------
    @abstractmethod
    def layer_source(self, table: str) -> tuple[str, str]:
        """(data source URI, provider key) of a store table for a QGIS layer (no password inside)."""


def import_cases(store: CaseStore, records: CaseRecords, counts: ImportCounts, source_name: str,
                 progress: Progress | None = None, piles: PileRule | None = None) -> ImportCounts:
    """Upsert parsed cases as one batch in one transaction; fills imported/updated/unchanged.

    `counts` arrives with read and rejected set by the parser. Any exception, including a
    cancel raised through `progress`, rolls the batch back and leaves the store as it was.
    With `piles`, default-location piles are looked for over the whole store after the upsert
    (core.cases.piles) and flagged in the same transaction; counts.piles and counts.piled say what.
    Records without a location_quality column are 'exact'; without the lifecycle columns
    (schema.LIFECYCLE_COLUMNS), theirs are NULL (unknown). An import in chunks uses
    store.case_import.CaseUpsert, of which this is the one-chunk case.
    """
    from grid_plugin.store.case_import import CaseUpsert  # built on this module

    refuse_nul_in_cases(records)  # before the first write: a refused batch writes nothing
    with store.transaction():
        upsert = CaseUpsert(store, len(records), progress)
        upsert.add(records)
        return upsert.finish(counts, source_name, piles)


def flag_piles(store: CaseStore, rule: PileRule) -> tuple[PileFinding, int]:
    """Find the piles of the whole store and flag their cases (inside the caller's transaction)."""
    finding = judge_piles(store.position_counts(rule.min_cases), rule)
    return finding, store.flag_piles(finding.tokens)


def grids_datum(grids: StoredGrids) -> int:
    """core.geodesy.crs.datum_epsg at the centre of the grids; the store's own (EPSG:4490) without grids."""
    if not len(grids):
        return STORE_SRID
    minx, miny, maxx, maxy = shapely.total_bounds(grids.geometries)
    return datum_epsg((minx + maxx) / 2, (miny + maxy) / 2)


# ---- text a store refuses -----------------------------------------------------------------------------
# A NUL byte ends a C string: PostgreSQL refuses it (and aborts a whole COPY with it), GDAL and QGIS
# cut GeoPackage text at it. Both stores refuse it in any text they are handed, naming the record.
_SCAN = 20_000  # values joined per scan: one C-level pass, no Python work per value


def first_nul(values: Sequence) -> int | None:
    """The index of the first text value holding a NUL byte, or None (None values are skipped)."""
    for start in range(0, len(values), _SCAN):
        part = values[start:start + _SCAN]
        try:
            joined = "".join(filter(None, part))
        except TypeError:  # not all text (numbers): look at the text values only
            joined = "".join(v for v in part if isinstance(v, str))
        if "\x00" in joined:
            return start + next(k for k, v in enumerate(part) if isinstance(v, str) and "\x00" in v)
    return None


def _shown(value: object) -> str:
    return str(value).replace("\x00", "\\x00")


def refuse_nul_in_cases(records: CaseRecords) -> None:
    for name, values in records.values.items():
        if name == "content_hash":  # made by core from the others: hex text
            continue
        at = first_nul(values)
        if at is not None:
            raise StoreError("Case {case_id} (row {row}): column '{column}' contains a NUL character (\\x00), which "
                             "the store cannot hold; remove it from the source and import again. Nothing was "
                             "imported.", case_id=_shown(records.case_ids[at]), row=int(records.rows[at]), column=name)


def refuse_nul_in_grids(grids: StoredGrids) -> None:
    for column, values in (("grid_code", grids.grid_codes), ("street_code", grids.street_codes),
                           ("street_name", grids.street_names), ("community_code", grids.community_codes),
                           ("community_name", grids.community_names)):
        at = first_nul(values)
        if at is not None:
            raise StoreError("Unit grid {key}: column '{column}' contains a NUL character (\\x00), which the "
                             "store cannot hold; remove it from the grid layer and run again. Nothing was saved.",
                             key=_shown(grids.grid_codes[at]), column=column)


def refuse_nul_in_components(components: StoredComponents) -> None:
    for column, values in (("component_id", components.component_ids), ("class_code", components.class_codes),
                           ("class_name", components.class_names), ("name", components.names),
                           ("grid_code", components.grid_codes), ("street_code", components.street_codes),
                           ("community_code", components.community_codes),
                           ("beidou_code", components.beidou_codes), ("state", components.states)):
        at = first_nul(values)
        if at is not None:
            raise StoreError("Component {key}: column '{column}' contains a NUL character (\\x00), which the "
                             "store cannot hold; remove it from the component layer and run again. Nothing was "
                             "saved.", key=_shown(components.component_ids[at]), column=column)


def refuse_nul_in_addresses(entries: AddressEntries) -> None:
    for column, values in (("address_code", entries.codes), ("kind", entries.kinds), ("name", entries.names),
                           ("full_address", entries.full_addresses), ("road", entries.roads),
                           ("building", entries.buildings), ("district", entries.districts),
                           ("street_name", entries.street_names), ("community_name", entries.community_names),
                           ("grid_code", entries.grid_codes), ("street_code", entries.street_codes),
                           ("community_code", entries.community_codes), ("beidou_code", entries.beidou_codes)):
        at = first_nul(values)
        if at is not None:
            raise StoreError("Address {key}: column '{column}' contains a NUL character (\\x00), which the "
                             "store cannot hold; remove it from the address layer and run again. Nothing was saved.",
                             key=_shown(entries.codes[at]), column=column)


def refuse_nul_in_values(values: Sequence[object]) -> None:
    """Query parameters (filter values, a grid code, a file name): short, checked one by one."""
    for value in values:
        if isinstance(value, str) and "\x00" in value:
            raise StoreError("The value '{value}' contains a NUL character (\\x00), which the store cannot hold "
                             "or look up; remove it and run again.", value=_shown(value))


def subset_string(case_filter: CaseFilter) -> str:
    """The filter as a QGIS layer subset string (for the live layer).

    A subset string has no parameters, so values are quoted as SQL literals, with quotes doubled;
    they only ever reach the provider's WHERE clause, in GeoPackage and PostgreSQL alike.
    """
    clauses = []
    if case_filter.start:
        clauses.append(f'"reported_at" >= {_literal(case_filter.start)}')
    if case_filter.end:
        clauses.append(f'"reported_at" < {_literal(case_filter.end)}')
    for column, values in (("kind", case_filter.kinds), ("class_code", case_filter.class_codes),
                           ("source", case_filter.sources), ("status", case_filter.statuses)):
        if values:
            clauses.append(f'"{column}" IN ({", ".join(_literal(v) for v in values)})')
    if not case_filter.include_piles:
        clauses.append(f'"{LOCATION_QUALITY.name}" <> {_literal(PILE)}')
    return " AND ".join(clauses)


def _literal(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def case_time_range(store: CaseStore, case_filter: CaseFilter = ALL_CASES) -> tuple[str | None, str | None]:
    """The earliest and latest report time (UTC ISO text) of the filtered cases that have a grid code,
    (None, None) when there are none: the default period of the emerging hot spot analysis."""
    where, params = store.where(case_filter)
    where = (where + " AND" if where else " WHERE") + " grid_code IS NOT NULL AND reported_at IS NOT NULL"
    found = []
    for aggregate in ("MIN", "MAX"):  # one aggregate per query: each reads one end of the time index
        rows = store.query(f"SELECT {store.text_of('reported_at')} FROM (SELECT {aggregate}(reported_at) AS "
                           f"reported_at FROM {store.table('cases')}{where}) AS bound", params)
        found.append(rows[0][0] if rows and rows[0][0] is not None else None)
    return found[0], found[1]
