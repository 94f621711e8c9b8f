"""The store's tables, written once and turned into DDL by each backend.

The schema is versioned. `MIGRATIONS[n]` takes a store from version n-1 to n; a store opened by
this plugin is migrated in one transaction to `SCHEMA_VERSION`, and a store written by a newer
plugin is refused rather than guessed at. Both backends run the same steps, so a GeoPackage and
a PostGIS schema with the same version have the same tables, columns and indexes.

Every geometry is stored in CGCS2000 geographic coordinates (EPSG:4490), the national datum: cases
arrive in WGS84, GCJ-02, BD-09 or a projected CRS and are converted on import, never stored in an
offset system (standards digest §7.2). For a district outside China the degrees are WGS 84 ones,
which PROJ converts to and from EPSG:4490 without a shift: the geometry columns keep SRID 4490, and
store_meta's 'datum' (written with the unit grids, core.geodesy.crs.datum_epsg) says EPSG:4326, which the
algorithms' outputs and the store's layers are tagged with.

Version 7 partitions the PostGIS cases table by month of the report time (store/postgis_partitions.py);
a GeoPackage takes the version number only, its tables stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

STORE_SRID = 4490
SCHEMA_VERSION = 7
DATUM_KEY = "datum"  # store_meta: 'EPSG:4490' or 'EPSG:4326', the datum family of the store's degrees
MONTH_ZONE_KEY = "month_zone"  # store_meta (PostGIS): the IANA zone whose months bound the case partitions


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, datetime, date, real, integer
    not_null: bool = False
    unique: bool = False
    default: str | None = None  # a constant text of this module, never a user's value


@dataclass(frozen=True)
class Table:
    name: str
    geometry_type: str  # POINT, MULTIPOLYGON, GEOMETRY
    columns: tuple[Column, ...]

    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass(frozen=True)
class Index:
    table: str
    name: str
    columns: tuple[str, ...]


# The case (案件) of the issue: identity, classification, the workflow's timestamps (CJ/T 315 stages,
# standards digest §4.2), status, location and the codes assigned at import.
CASES = Table("cases", "POINT", (
    Column("case_id", "text", not_null=True, unique=True),
    Column("source", "text"),
    Column("kind", "text"),
    Column("class_code", "text"),
    Column("class_name", "text"),
    Column("description", "text"),
    Column("address", "text"),
    Column("reported_at", "datetime", not_null=True),
    Column("filed_at", "datetime"),
    Column("dispatched_at", "datetime"),
    Column("disposed_at", "datetime"),
    Column("closed_at", "datetime"),
    Column("deadline", "datetime"),
    Column("status", "text"),
    Column("grid_code", "text"),
    Column("street_code", "text"),
    Column("community_code", "text"),
    Column("content_hash", "text", not_null=True),
))

UNIT_GRIDS = Table("unit_grids", "MULTIPOLYGON", (
    Column("grid_code", "text", not_null=True, unique=True),
    Column("street_code", "text"),
    Column("street_name", "text"),
    Column("community_code", "text"),
    Column("community_name", "text"),
    Column("area_m2", "real"),
))

COMPONENTS = Table("components", "GEOMETRY", (
    Column("component_id", "text", not_null=True, unique=True),
    Column("class_code", "text"),
    Column("class_name", "text"),
    Column("name", "text"),
    Column("grid_code", "text"),
    Column("street_code", "text"),
    Column("community_code", "text"),
    Column("beidou_code", "text"),
    Column("state", "text"),
))

# The gazetteer of standard addresses (标准地址, GB/T 30428.3 basic locations: door plates, buildings,
# points of interest, streets and lanes), with the codes of the grid each stands in (digest §3).
ADDRESSES = Table("addresses", "POINT", (
    Column("address_code", "text", not_null=True, unique=True),
    Column("kind", "text"),
    Column("name", "text"),
    Column("full_address", "text"),
    Column("road", "text"),
    Column("number", "integer"),
    Column("building", "text"),
    Column("district", "text"),
    Column("street_name", "text"),
    Column("community_name", "text"),
    Column("grid_code", "text"),
    Column("street_code", "text"),
    Column("community_code", "text"),
    Column("beidou_code", "text"),
))

IMPORT_BATCHES = Table("import_batches", "", (
    Column("batch_id", "integer", not_null=True, unique=True),
    Column("source_name", "text"),
    Column("started_at", "datetime"),
    Column("read_count", "integer"),
    Column("imported_count", "integer"),
    Column("updated_count", "integer"),
    Column("unchanged_count", "integer"),
    Column("rejected_count", "integer"),
))

# How a case got its position (core.cases.piles): 'exact' (from the source), 'geocoded' (by its address)
# or 'pile' (on a default-location pile, left out of heat and hot spots unless asked for).
LOCATION_QUALITY = Column("location_quality", "text", not_null=True, default="exact")

# The heatmap and report queries filter on time, class and grid, and leave piles out; these indexes
# serve them (a month + class filter reads one range of the first index and never touches the table).
_FIRST_CASE_INDEXES = (
    Index("cases", "cases_class_time_grid", ("class_code", "reported_at", "grid_code")),
    Index("cases", "cases_time_grid", ("reported_at", "grid_code")),
    Index("cases", "cases_grid_time_class", ("grid_code", "reported_at", "class_code")),
)
CASE_INDEXES = tuple(Index(i.table, i.name, (*i.columns, LOCATION_QUALITY.name)) for i in _FIRST_CASE_INDEXES)

# What the evaluation (综合评价, standards digest §4.3) needs beyond the workflow's times: the handling
# department (处置部门) as given, the counts of reworks (返工) and postponements (延期), and the invalid flag
# (作废: 1 invalid or cancelled, 0 valid); NULL is unknown. No index: the evaluation reads a period's cases
# through the time indexes above and groups its few departments as it goes. An index (department,
# reported_at) was measured on 1 M cases with 40 departments: SQLite takes it only after ANALYZE, and then
# saves a tenth (a month: 45 ms instead of 50; a year: 470 instead of 610), while every import pays for one
# more index.
LIFECYCLE_COLUMNS = (
    Column("department", "text"),
    Column("rework_count", "integer"),
    Column("postpone_count", "integer"),
    Column("invalid", "integer"),
)


@dataclass(frozen=True)
class Migration:
    """One schema step: tables to create, columns to add, indexes to build, and text columns to
    compare byte by byte (codes and ids: plain ASCII, for which the server's language-aware
    collation only costs time; SQLite compares text byte by byte already)."""

    version: int
    description: str
    create: tuple[Table, ...] = ()
    add_columns: tuple[tuple[str, Column], ...] = ()
    indexes: tuple[Index, ...] = ()
    byte_order: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (table, columns)
    drop_indexes: tuple[str, ...] = ()  # names of indexes made again with other columns (in `indexes`)
    partition_cases: bool = False  # PostGIS: the cases table partitioned by month (postgis_partitions.py)


MIGRATIONS = (
    Migration(1, "unit grids, components and cases",
              create=(UNIT_GRIDS, COMPONENTS, Table(CASES.name, CASES.geometry_type, CASES.columns)),
              indexes=_FIRST_CASE_INDEXES),
    Migration(2, "import batches: each import run is recorded, and each case keeps the batch that wrote it",
              create=(IMPORT_BATCHES,),
              add_columns=(("cases", Column("batch_id", "integer")),)),
    Migration(3, "address gazetteer for geocoding and reverse geocoding",
              create=(ADDRESSES,), indexes=(Index("addresses", "addresses_road_number", ("road", "number")),)),
    Migration(4, "codes and ids compare byte by byte: the same order, and index builds and lookups a third faster "
                 "on PostGIS",
              byte_order=(("cases", ("case_id", "class_code", "grid_code", "street_code", "community_code")),
                          ("unit_grids", ("grid_code", "street_code", "community_code")),
                          ("components", ("component_id", "class_code", "grid_code", "street_code",
                                          "community_code", "beidou_code")),
                          ("addresses", ("address_code", "grid_code", "street_code", "community_code",
                                         "beidou_code")))),
    Migration(5, "each case says how it got its position (location_quality: exact, geocoded or pile); the case "
                 "indexes hold it, so that leaving piles out still reads the indexes only",
              add_columns=(("cases", LOCATION_QUALITY),), drop_indexes=tuple(i.name for i in CASE_INDEXES),
              indexes=CASE_INDEXES),
    Migration(6, "each case's handling department, counts of reworks and postponements, and invalid flag, for the "
                 "evaluation (NULL: unknown)",
              add_columns=tuple(("cases", column) for column in LIFECYCLE_COLUMNS)),
    Migration(7, "PostGIS: cases partitioned by month of the report time, so that a period's queries read its months "
                 "only, an import attaches new months without blocking readers, and old months can be archived; a "
                 "GeoPackage is unchanged", partition_cases=True),
)
assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))

# The columns of the cases table at SCHEMA_VERSION, in table order (what writers send).
CASE_COLUMNS = (*CASES.column_names(), "batch_id", LOCATION_QUALITY.name, *(c.name for c in LIFECYCLE_COLUMNS))
